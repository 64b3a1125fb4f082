"""The documents local jobs write: where the service puts them, in the formats it writes.

Every job here runs on the backend's frozen clock: advancing it one second completes it.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import srt
import webvtt

from transcribe_kit import (
    CallAnalyticsJobSettings,
    ChannelDefinition,
    ContentRedaction,
    CreateVocabularyFilterRequest,
    DeleteTranscriptionJobRequest,
    LanguageCode,
    Media,
    MedicalScribeSettings,
    ParticipantRole,
    RedactionOutput,
    RedactionType,
    Settings,
    Specialty,
    StartCallAnalyticsJobRequest,
    StartMedicalScribeJobRequest,
    StartMedicalTranscriptionJobRequest,
    StartTranscriptionJobRequest,
    SubtitleFormat,
    Subtitles,
    TranscribeClient,
    TranscriptionJob,
    TranscriptLinkExpiredError,
    Type,
    VocabularyFilterMethod,
    parse_transcript,
)
from transcribe_kit.testing import LocalBackend, LocalClock

MEDIA_URI = "s3://media/meeting.wav"


async def _transcription_job(
    tk: TranscribeClient, clock: LocalClock, name: str = "meeting", **request: Any
) -> TranscriptionJob:
    request.setdefault("media", Media(media_file_uri=MEDIA_URI))
    await tk.start_transcription_job(
        StartTranscriptionJobRequest(
            transcription_job_name=name, language_code=LanguageCode.EN_US, **request
        )
    )
    clock.advance(1)
    return await tk.wait_for_transcription_job(name)


async def _object(s3: Any, bucket: str, key: str) -> bytes:
    stored = await s3.get_object(Bucket=bucket, Key=key)
    async with stored["Body"] as body:
        data: bytes = await body.read()
    return data


async def test_a_job_writes_to_the_customer_bucket_under_its_output_key(
    transcribe_client: TranscribeClient, local_clock: LocalClock, local_s3: Any, local_bucket: str
) -> None:
    job = await _transcription_job(
        transcribe_client,
        local_clock,
        output_bucket_name=local_bucket,
        output_key="transcripts/",
    )

    assert job.transcript is not None
    assert job.transcript.transcript_file_uri == (
        f"https://s3.us-east-1.amazonaws.com/{local_bucket}/transcripts/meeting.json"
    )
    written = await _object(local_s3, local_bucket, "transcripts/meeting.json")
    assert await transcribe_client.fetch_transcript(job) == parse_transcript(written)


async def test_a_completed_jobs_documents_are_listed_in_its_bucket(
    transcribe_client: TranscribeClient, local_clock: LocalClock, local_s3: Any, local_bucket: str
) -> None:
    await _transcription_job(
        transcribe_client,
        local_clock,
        output_bucket_name=local_bucket,
        output_key="transcripts/",
        subtitles=Subtitles(formats=[SubtitleFormat.SRT]),
    )

    listed = await local_s3.list_objects_v2(Bucket=local_bucket, Prefix="transcripts/")

    assert sorted(entry["Key"] for entry in listed["Contents"]) == [
        "transcripts/meeting.json",
        "transcripts/meeting.srt",
    ]


async def test_a_completed_jobs_transcript_can_be_copied_within_s3(
    transcribe_client: TranscribeClient, local_clock: LocalClock, local_s3: Any, local_bucket: str
) -> None:
    job = await _transcription_job(transcribe_client, local_clock, output_bucket_name=local_bucket)

    await local_s3.copy_object(
        Bucket=local_bucket,
        Key="kept/meeting.json",
        CopySource={"Bucket": local_bucket, "Key": "meeting.json"},
    )

    copied = await _object(local_s3, local_bucket, "kept/meeting.json")
    assert parse_transcript(copied) == await transcribe_client.fetch_transcript(job)


async def test_a_transcript_has_numbers_as_strings_and_speaker_segments(
    transcribe_client: TranscribeClient, local_clock: LocalClock, local_s3: Any, local_bucket: str
) -> None:
    job = await _transcription_job(
        transcribe_client,
        local_clock,
        output_bucket_name=local_bucket,
        settings=Settings(show_speaker_labels=True, max_speaker_labels=2),
    )
    document = json.loads(await _object(local_s3, local_bucket, "meeting.json"))
    transcript = await transcribe_client.fetch_transcript(job)

    word = next(item for item in document["results"]["items"] if item["type"] == "pronunciation")
    assert isinstance(word["start_time"], str)
    assert isinstance(word["alternatives"][0]["confidence"], str)
    assert document["jobName"] == "meeting"
    assert document["status"] == "COMPLETED"
    assert document["results"]["speaker_labels"]["segments"]
    assert {turn.speaker for turn in transcript.speaker_turns()} == {"spk_0", "spk_1"}
    starts = [w.start_time for w in transcript.words()]
    assert starts == sorted(starts)


async def test_channel_identification_gives_each_channel_its_items(
    transcribe_client: TranscribeClient, local_clock: LocalClock
) -> None:
    job = await _transcription_job(
        transcribe_client, local_clock, settings=Settings(channel_identification=True)
    )

    transcript = await transcribe_client.fetch_transcript(job)

    assert set(transcript.channel_texts()) == {"ch_0", "ch_1"}


async def test_subtitles_are_written_beside_the_transcript(
    transcribe_client: TranscribeClient, local_clock: LocalClock
) -> None:
    job = await _transcription_job(
        transcribe_client,
        local_clock,
        subtitles=Subtitles(formats=[SubtitleFormat.SRT, SubtitleFormat.VTT], output_start_index=1),
    )

    assert job.subtitles is not None
    assert len(job.subtitles.subtitle_file_uris or []) == 2
    cues = list(srt.parse(await transcribe_client.fetch_subtitles(job, SubtitleFormat.SRT)))
    vtt = webvtt.from_string(await transcribe_client.fetch_subtitles(job, SubtitleFormat.VTT))
    assert cues[0].index == 1
    assert len(vtt.captions) == len(cues)


async def test_srt_cues_count_from_zero_by_default_as_the_service_does(
    transcribe_client: TranscribeClient, local_clock: LocalClock
) -> None:
    job = await _transcription_job(
        transcribe_client, local_clock, subtitles=Subtitles(formats=[SubtitleFormat.SRT])
    )

    cues = list(srt.parse(await transcribe_client.fetch_subtitles(job, SubtitleFormat.SRT)))

    assert cues[0].index == 0


async def test_redaction_writes_a_redacted_transcript_beside_the_plain_one(
    transcribe_client: TranscribeClient, local_clock: LocalClock
) -> None:
    job = await _transcription_job(
        transcribe_client,
        local_clock,
        content_redaction=ContentRedaction(
            redaction_type=RedactionType.PII,
            redaction_output=RedactionOutput.REDACTED_AND_UNREDACTED,
        ),
    )

    plain = await transcribe_client.fetch_transcript(job)
    redacted = await transcribe_client.fetch_transcript(job, redacted=True)

    assert "Maria Garcia" in plain.text
    assert "[PII] [PII]" in redacted.text
    pii = [item for item in redacted.items if item.content == "[PII]"]
    assert pii[0].alternatives[0].redactions is not None
    assert pii[0].alternatives[0].redactions[0].type == "NAME"


async def test_redacted_only_writes_no_plain_transcript(
    transcribe_client: TranscribeClient, local_clock: LocalClock
) -> None:
    job = await _transcription_job(
        transcribe_client,
        local_clock,
        content_redaction=ContentRedaction(
            redaction_type=RedactionType.PII, redaction_output=RedactionOutput.REDACTED
        ),
    )

    assert job.transcript is not None
    assert job.transcript.transcript_file_uri is None
    assert job.transcript.redacted_transcript_file_uri is not None


async def test_a_vocabulary_filter_masks_its_words(
    transcribe_client: TranscribeClient, local_clock: LocalClock
) -> None:
    await transcribe_client.create_vocabulary_filter(
        CreateVocabularyFilterRequest(
            vocabulary_filter_name="budget",
            language_code=LanguageCode.EN_US,
            words=["budget"],
        )
    )
    job = await _transcription_job(
        transcribe_client,
        local_clock,
        name="filtered",
        settings=Settings(
            vocabulary_filter_name="budget", vocabulary_filter_method=VocabularyFilterMethod.MASK
        ),
    )

    transcript = await transcribe_client.fetch_transcript(job)

    assert "budget" not in transcript.text
    assert "***" in transcript.text


async def test_language_identification_reports_the_language_and_its_scores(
    transcribe_client: TranscribeClient, local_clock: LocalClock
) -> None:
    await transcribe_client.start_transcription_job(
        StartTranscriptionJobRequest(
            transcription_job_name="which-language",
            media=Media(media_file_uri=MEDIA_URI),
            identify_language=True,
            language_options=[LanguageCode.EN_GB, LanguageCode.DE_DE],
        )
    )
    local_clock.advance(1)
    job = await transcribe_client.wait_for_transcription_job("which-language")

    transcript = await transcribe_client.fetch_transcript(job)

    assert job.language_code is LanguageCode.EN_GB
    assert job.identified_language_score is not None
    scores = transcript.results.language_identification or ()
    assert [score.code for score in scores] == ["en-GB", "de-DE"]


async def test_a_medical_job_writes_under_medical_in_its_bucket(
    transcribe_client: TranscribeClient, local_clock: LocalClock, local_bucket: str
) -> None:
    await transcribe_client.start_medical_transcription_job(
        StartMedicalTranscriptionJobRequest(
            medical_transcription_job_name="visit",
            language_code=LanguageCode.EN_US,
            media=Media(media_file_uri=MEDIA_URI),
            output_bucket_name=local_bucket,
            specialty=Specialty.PRIMARYCARE,
            type=Type.CONVERSATION,
        )
    )
    local_clock.advance(1)
    job = await transcribe_client.wait_for_medical_transcription_job("visit")

    transcript = await transcribe_client.fetch_transcript(job)

    assert job.transcript is not None
    assert job.transcript.transcript_file_uri == (
        f"https://s3.us-east-1.amazonaws.com/{local_bucket}/medical/visit.json"
    )
    assert transcript.text


async def test_a_call_analytics_job_writes_turns_by_participant_role(
    transcribe_client: TranscribeClient, local_clock: LocalClock
) -> None:
    await transcribe_client.start_call_analytics_job(
        StartCallAnalyticsJobRequest(
            call_analytics_job_name="call",
            media=Media(media_file_uri="s3://media/call.wav"),
            channel_definitions=[
                ChannelDefinition(channel_id=0, participant_role=ParticipantRole.CUSTOMER),
                ChannelDefinition(channel_id=1, participant_role=ParticipantRole.AGENT),
            ],
            settings=CallAnalyticsJobSettings(
                content_redaction=ContentRedaction(
                    redaction_type=RedactionType.PII,
                    redaction_output=RedactionOutput.REDACTED_AND_UNREDACTED,
                )
            ),
        )
    )
    local_clock.advance(1)
    job = await transcribe_client.wait_for_call_analytics_job("call")

    document = await transcribe_client.fetch_transcript(job)
    redacted = await transcribe_client.fetch_transcript(job, redacted=True)

    assert document.job_name == "call"
    assert [turn.participant_role for turn in document.transcript[:2]] == ["CUSTOMER", "AGENT"]
    assert all(turn.sentiment for turn in document.transcript)
    assert any("[PII]" in (turn.content or "") for turn in redacted.transcript)


async def test_a_medical_scribe_job_writes_a_transcript_and_a_clinical_note(
    transcribe_client: TranscribeClient, local_clock: LocalClock, local_bucket: str
) -> None:
    await transcribe_client.start_medical_scribe_job(
        StartMedicalScribeJobRequest(
            medical_scribe_job_name="consult",
            media=Media(media_file_uri="s3://media/consult.wav"),
            output_bucket_name=local_bucket,
            data_access_role_arn="arn:aws:iam::123456789012:role/scribe",
            settings=MedicalScribeSettings(show_speaker_labels=True, max_speaker_labels=2),
        )
    )
    local_clock.advance(1)
    job = await transcribe_client.wait_for_medical_scribe_job("consult")

    transcript = await transcribe_client.fetch_transcript(job)
    note = await transcribe_client.fetch_clinical_document(job)

    roles = {
        segment.participant_details.participant_role
        for segment in transcript.conversation.transcript_segments
        if segment.participant_details
    }
    assert roles == {"CLINICIAN_0", "PATIENT_0"}
    assert note.clinical_documentation.sections
    segment_ids = {s.segment_id for s in transcript.conversation.transcript_segments}
    linked = note.clinical_documentation.sections[0].summary[0].evidence_links or ()
    assert {link.segment_id for link in linked} <= segment_ids


# Where the words come from


async def test_a_text_sidecar_next_to_the_media_gives_the_words(
    transcribe_client: TranscribeClient, local_clock: LocalClock, local_s3: Any, local_bucket: str
) -> None:
    media = f"s3://{local_bucket}/calls/first.wav"
    await local_s3.put_object(Bucket=local_bucket, Key="calls/first.wav", Body=b"RIFF")
    await local_s3.put_object(
        Bucket=local_bucket,
        Key="calls/first.wav.transcript.txt",
        Body=b"spk_0: Good morning.\nspk_1: Morning! How can I help?\n",
    )

    job = await _transcription_job(
        transcribe_client,
        local_clock,
        media=Media(media_file_uri=media),
        settings=Settings(show_speaker_labels=True, max_speaker_labels=2),
    )
    transcript = await transcribe_client.fetch_transcript(job)

    assert [(turn.speaker, turn.text) for turn in transcript.speaker_turns()] == [
        ("spk_0", "Good morning."),
        ("spk_1", "Morning! How can I help?"),
    ]


async def test_a_sidecar_written_after_a_first_job_serves_the_next(
    transcribe_client: TranscribeClient, local_clock: LocalClock, local_s3: Any, local_bucket: str
) -> None:
    media = Media(media_file_uri=f"s3://{local_bucket}/talk.wav")
    first = await _transcription_job(transcribe_client, local_clock, name="first", media=media)
    await local_s3.put_object(
        Bucket=local_bucket, Key="talk.wav.transcript.txt", Body=b"Now with words of its own."
    )
    second = await _transcription_job(transcribe_client, local_clock, name="second", media=media)

    assert (await transcribe_client.fetch_transcript(first)).text != "Now with words of its own."
    assert (await transcribe_client.fetch_transcript(second)).text == "Now with words of its own."


async def test_a_document_sidecar_is_written_as_it_is(
    transcribe_client: TranscribeClient, local_clock: LocalClock, local_s3: Any, local_bucket: str
) -> None:
    document = json.dumps(
        {
            "jobName": "recorded",
            "results": {
                "transcripts": [{"transcript": "Hello."}],
                "items": [
                    {
                        "type": "pronunciation",
                        "alternatives": [{"confidence": "0.9990", "content": "Hello"}],
                        "start_time": "0.250",
                        "end_time": "0.610",
                    },
                    {"type": "punctuation", "alternatives": [{"content": "."}]},
                ],
            },
            "status": "COMPLETED",
        },
        indent=2,
    ).encode()
    await local_s3.put_object(Bucket=local_bucket, Key="in/meeting.wav", Body=b"RIFF")
    await local_s3.put_object(
        Bucket=local_bucket, Key="in/meeting.wav.transcript.json", Body=document
    )

    job = await _transcription_job(
        transcribe_client,
        local_clock,
        media=Media(media_file_uri=f"s3://{local_bucket}/in/meeting.wav"),
        output_bucket_name=local_bucket,
    )

    assert await _object(local_s3, local_bucket, "meeting.json") == document
    assert (await transcribe_client.fetch_transcript(job)).text == "Hello."


async def test_a_registered_transcript_serves_a_job_of_another_kind(
    transcribe_backend: LocalBackend, transcribe_client: TranscribeClient, local_clock: LocalClock
) -> None:
    transcribe_backend.set_transcript(
        "s3://media/call.wav", "AGENT: Thanks for calling.\nCUSTOMER: Hi, I need help."
    )
    await transcribe_client.start_call_analytics_job(
        StartCallAnalyticsJobRequest(
            call_analytics_job_name="call", media=Media(media_file_uri="s3://media/call.wav")
        )
    )
    local_clock.advance(1)
    job = await transcribe_client.wait_for_call_analytics_job("call")

    document = await transcribe_client.fetch_transcript(job)

    assert [(turn.participant_role, turn.content) for turn in document.transcript] == [
        ("AGENT", "Thanks for calling."),
        ("CUSTOMER", "Hi, I need help."),
    ]


async def test_a_jobs_generated_words_depend_only_on_its_name(
    transcribe_client: TranscribeClient, local_clock: LocalClock
) -> None:
    first = await _transcription_job(transcribe_client, local_clock, name="same-name")
    words = (await transcribe_client.fetch_transcript(first)).words()
    await transcribe_client.delete_transcription_job(
        DeleteTranscriptionJobRequest(transcription_job_name="same-name")
    )
    again = await _transcription_job(transcribe_client, local_clock, name="same-name")

    assert words
    assert (await transcribe_client.fetch_transcript(again)).words() == words


# Links to the service's bucket


async def test_a_link_to_the_service_bucket_expires_after_15_minutes(
    transcribe_client: TranscribeClient, local_clock: LocalClock
) -> None:
    job = await _transcription_job(transcribe_client, local_clock)
    local_clock.advance(15 * 60 + 1)

    with pytest.raises(TranscriptLinkExpiredError):
        await transcribe_client.fetch_transcript(job)
    fresh = await transcribe_client.wait_for_transcription_job("meeting")
    assert (await transcribe_client.fetch_transcript(fresh)).text
