"""A :class:`Transcript` made of what ``TranscribeAudio`` returns, so that one type serves both.

``TranscribeAudio`` answers items with numeric times and speaker, channel and language
labels, but no item type and no confidence: punctuation is recognised by its content, and
confidences are ``None``. Every view of a job's transcript (text, words, speaker turns,
channel texts, subtitles) works the same on the result.
"""

from __future__ import annotations

import unicodedata

from transcribe_kit.shapes.transcribe_audio import SyncItem, TranscribeAudioResults
from transcribe_kit.transcript._document import Transcript
from transcribe_kit.transcript._standard import (
    Alternative,
    Item,
    ItemType,
    Redaction,
    Results,
    TranscriptText,
)


def _is_punctuation(content: str) -> bool:
    return bool(content) and all(unicodedata.category(char).startswith("P") for char in content)


def _item(item: SyncItem) -> Item:
    content = item.content or ""
    redactions = (
        tuple(Redaction(type=None if r.type is None else str(r.type)) for r in item.redactions)
        if item.redactions
        else None
    )
    return Item(
        type=ItemType.PUNCTUATION if _is_punctuation(content) else ItemType.PRONUNCIATION,
        alternatives=(Alternative(content=content, redactions=redactions),),
        start_time=item.start_time,
        end_time=item.end_time,
        id=item.id,
        speaker_label=item.speaker_label,
        channel_label=item.channel_label,
        language_code=None if item.language_code is None else str(item.language_code),
        vocabulary_filter_match=item.vocabulary_filter_match,
    )


def transcript_from_sync_results(results: TranscribeAudioResults) -> Transcript:
    """The transcript ``TranscribeAudio`` returned, as the document type a job writes."""
    text = () if results.transcript is None else (TranscriptText(transcript=results.transcript),)
    return Transcript(
        results=Results(
            transcripts=text,
            items=tuple(_item(item) for item in results.items or ()),
        ),
        status="COMPLETED",
    )
