"""A custom vocabulary and a vocabulary filter: names spelled right, unwanted words masked.

Creates both, waits for them to be ready, runs a job that uses them, prints its
transcript, and deletes what it made.

    python examples/vocabulary_and_filter.py
    python examples/vocabulary_and_filter.py --aws --media-uri s3://my-bucket/call.wav
"""

from __future__ import annotations

import asyncio
import uuid

from _setup import open_client, parser

from transcribe_kit import (
    CreateVocabularyFilterRequest,
    CreateVocabularyRequest,
    DeleteTranscriptionJobRequest,
    DeleteVocabularyFilterRequest,
    DeleteVocabularyRequest,
    LanguageCode,
    Media,
    Settings,
    StartTranscriptionJobRequest,
    VocabularyFilterMethod,
)

LOCAL_MEDIA = "s3://example-media/support-call.wav"
LOCAL_SAYS = "spk_0: Thanks for calling Transcribe Kit support.\nspk_1: My darn export fails."


async def main() -> None:
    arguments = parser(__doc__)
    arguments.add_argument("--media-uri", default=LOCAL_MEDIA)
    args = arguments.parse_args()
    suffix = uuid.uuid4().hex[:8]
    vocabulary_name = f"example-vocabulary-{suffix}"
    filter_name = f"example-filter-{suffix}"
    job_name = f"example-filtered-{suffix}"
    async with open_client(args) as (tk, backend):
        if backend is not None:
            backend.set_transcript(args.media_uri, LOCAL_SAYS)
        await tk.create_vocabulary(
            CreateVocabularyRequest(
                vocabulary_name=vocabulary_name,
                language_code=LanguageCode.EN_US,
                phrases=["Transcribe-Kit", "aiobotocore"],
            )
        )
        await tk.create_vocabulary_filter(
            CreateVocabularyFilterRequest(
                vocabulary_filter_name=filter_name,
                language_code=LanguageCode.EN_US,
                words=["darn"],
            )
        )
        # A filter is usable at once; a vocabulary only once READY (FAILED raises).
        vocabulary = await tk.wait_for_vocabulary(vocabulary_name)
        print(f"vocabulary {vocabulary_name}: {vocabulary.vocabulary_state}")
        try:
            await tk.start_transcription_job(
                StartTranscriptionJobRequest(
                    transcription_job_name=job_name,
                    language_code=LanguageCode.EN_US,
                    media=Media(media_file_uri=args.media_uri),
                    settings=Settings(
                        vocabulary_name=vocabulary_name,
                        vocabulary_filter_name=filter_name,
                        vocabulary_filter_method=VocabularyFilterMethod.MASK,
                    ),
                )
            )
            job = await tk.wait_for_transcription_job(job_name)
            transcript = await tk.fetch_transcript(job)
            print(f"transcript: {transcript.text}")
            await tk.delete_transcription_job(
                DeleteTranscriptionJobRequest(transcription_job_name=job_name)
            )
        finally:
            await tk.delete_vocabulary_filter(
                DeleteVocabularyFilterRequest(vocabulary_filter_name=filter_name)
            )
            await tk.delete_vocabulary(DeleteVocabularyRequest(vocabulary_name=vocabulary_name))
            print("deleted the job, the vocabulary and the filter")


if __name__ == "__main__":
    asyncio.run(main())
