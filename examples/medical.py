"""A medical transcription job: a primary-care visit, transcribed into your own bucket.

Runs a Transcribe Medical job (``Specialty`` and ``Type`` are required; the transcript
goes to ``--output-bucket``), prints who said what, and deletes the job.

    python examples/medical.py
    python examples/medical.py --aws --media-uri s3://my-bucket/visit.wav \
        --output-bucket my-transcripts
"""

from __future__ import annotations

import asyncio
import uuid

from _setup import open_client, parser

from transcribe_kit import (
    DeleteMedicalTranscriptionJobRequest,
    LanguageCode,
    Media,
    MedicalTranscriptionSetting,
    Specialty,
    StartMedicalTranscriptionJobRequest,
    Type,
)

LOCAL_MEDIA = "s3://example-media/visit.wav"
LOCAL_SAYS = """\
spk_0: How have you been feeling since we adjusted the dose?
spk_1: Better. The headaches stopped after the first week.
spk_0: Good. Let's keep ten milligrams of lisinopril once a day.
"""


async def main() -> None:
    arguments = parser(__doc__)
    arguments.add_argument("--media-uri", default=LOCAL_MEDIA)
    arguments.add_argument("--output-bucket", default="example-clinic-transcripts")
    args = arguments.parse_args()
    job_name = f"example-visit-{uuid.uuid4().hex[:8]}"
    async with open_client(args) as (tk, backend):
        if backend is not None:
            backend.set_transcript(args.media_uri, LOCAL_SAYS)
        await tk.start_medical_transcription_job(
            StartMedicalTranscriptionJobRequest(
                medical_transcription_job_name=job_name,
                language_code=LanguageCode.EN_US,
                media=Media(media_file_uri=args.media_uri),
                output_bucket_name=args.output_bucket,
                specialty=Specialty.PRIMARYCARE,
                type=Type.CONVERSATION,
                settings=MedicalTranscriptionSetting(
                    show_speaker_labels=True, max_speaker_labels=2
                ),
            )
        )
        job = await tk.wait_for_medical_transcription_job(job_name)
        transcript = await tk.fetch_transcript(job)
        for turn in transcript.speaker_turns():
            print(f"{turn.speaker} {turn.start_time:.1f}s: {turn.text}")
        await tk.delete_medical_transcription_job(
            DeleteMedicalTranscriptionJobRequest(medical_transcription_job_name=job_name)
        )
        print("deleted the job")


if __name__ == "__main__":
    asyncio.run(main())
