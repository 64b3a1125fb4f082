"""The 45 operations of the Transcribe model as typed methods: request in, response out.

One thin method per operation, named as in boto3; :class:`~transcribe_kit.TranscribeClient`
inherits them and supplies :meth:`_invoke` (validation, conversion, retries, rate limits,
error mapping), the one place where a request is sent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from transcribe_kit import shapes

if TYPE_CHECKING:
    from transcribe_kit.shapes.call_analytics import (
        CreateCallAnalyticsCategoryRequest,
        CreateCallAnalyticsCategoryResponse,
        DeleteCallAnalyticsCategoryRequest,
        DeleteCallAnalyticsCategoryResponse,
        DeleteCallAnalyticsJobRequest,
        DeleteCallAnalyticsJobResponse,
        GetCallAnalyticsCategoryRequest,
        GetCallAnalyticsCategoryResponse,
        GetCallAnalyticsJobRequest,
        GetCallAnalyticsJobResponse,
        ListCallAnalyticsCategoriesRequest,
        ListCallAnalyticsCategoriesResponse,
        ListCallAnalyticsJobsRequest,
        ListCallAnalyticsJobsResponse,
        StartCallAnalyticsJobRequest,
        StartCallAnalyticsJobResponse,
        UpdateCallAnalyticsCategoryRequest,
        UpdateCallAnalyticsCategoryResponse,
    )
    from transcribe_kit.shapes.language_models import (
        CreateLanguageModelRequest,
        CreateLanguageModelResponse,
        DeleteLanguageModelRequest,
        DeleteLanguageModelResponse,
        DescribeLanguageModelRequest,
        DescribeLanguageModelResponse,
        ListLanguageModelsRequest,
        ListLanguageModelsResponse,
        UpdateLanguageModelRequest,
        UpdateLanguageModelResponse,
    )
    from transcribe_kit.shapes.medical import (
        CreateMedicalVocabularyRequest,
        CreateMedicalVocabularyResponse,
        DeleteMedicalTranscriptionJobRequest,
        DeleteMedicalTranscriptionJobResponse,
        DeleteMedicalVocabularyRequest,
        DeleteMedicalVocabularyResponse,
        GetMedicalTranscriptionJobRequest,
        GetMedicalTranscriptionJobResponse,
        GetMedicalVocabularyRequest,
        GetMedicalVocabularyResponse,
        ListMedicalTranscriptionJobsRequest,
        ListMedicalTranscriptionJobsResponse,
        ListMedicalVocabulariesRequest,
        ListMedicalVocabulariesResponse,
        StartMedicalTranscriptionJobRequest,
        StartMedicalTranscriptionJobResponse,
        UpdateMedicalVocabularyRequest,
        UpdateMedicalVocabularyResponse,
    )
    from transcribe_kit.shapes.medical_scribe import (
        DeleteMedicalScribeJobRequest,
        DeleteMedicalScribeJobResponse,
        GetMedicalScribeJobRequest,
        GetMedicalScribeJobResponse,
        ListMedicalScribeJobsRequest,
        ListMedicalScribeJobsResponse,
        StartMedicalScribeJobRequest,
        StartMedicalScribeJobResponse,
    )
    from transcribe_kit.shapes.tags import (
        ListTagsForResourceRequest,
        ListTagsForResourceResponse,
        TagResourceRequest,
        TagResourceResponse,
        UntagResourceRequest,
        UntagResourceResponse,
    )
    from transcribe_kit.shapes.transcribe_audio import (
        TranscribeAudioRequest,
        TranscribeAudioResponse,
    )
    from transcribe_kit.shapes.transcription_jobs import (
        DeleteTranscriptionJobRequest,
        DeleteTranscriptionJobResponse,
        GetTranscriptionJobRequest,
        GetTranscriptionJobResponse,
        ListTranscriptionJobsRequest,
        ListTranscriptionJobsResponse,
        StartTranscriptionJobRequest,
        StartTranscriptionJobResponse,
    )
    from transcribe_kit.shapes.vocabularies import (
        CreateVocabularyRequest,
        CreateVocabularyResponse,
        DeleteVocabularyRequest,
        DeleteVocabularyResponse,
        GetVocabularyRequest,
        GetVocabularyResponse,
        ListVocabulariesRequest,
        ListVocabulariesResponse,
        UpdateVocabularyRequest,
        UpdateVocabularyResponse,
    )
    from transcribe_kit.shapes.vocabulary_filters import (
        CreateVocabularyFilterRequest,
        CreateVocabularyFilterResponse,
        DeleteVocabularyFilterRequest,
        DeleteVocabularyFilterResponse,
        GetVocabularyFilterRequest,
        GetVocabularyFilterResponse,
        ListVocabularyFiltersRequest,
        ListVocabularyFiltersResponse,
        UpdateVocabularyFilterRequest,
        UpdateVocabularyFilterResponse,
    )

ResponseT = TypeVar("ResponseT")


class OperationMethods:
    """One typed async method per operation of the service model."""

    async def _invoke(
        self, operation_name: str, request: object, response_type: type[ResponseT]
    ) -> ResponseT:
        """Send one request and convert its response (provided by the client)."""
        raise NotImplementedError

    # Transcription jobs

    async def delete_transcription_job(
        self,
        request: DeleteTranscriptionJobRequest,
    ) -> DeleteTranscriptionJobResponse:
        """Delete a transcription job (``DeleteTranscriptionJob``).

        Deletes a transcription job.
        """
        return await self._invoke(
            "DeleteTranscriptionJob",
            request,
            shapes.transcription_jobs.DeleteTranscriptionJobResponse,
        )

    async def get_transcription_job(
        self,
        request: GetTranscriptionJobRequest,
    ) -> GetTranscriptionJobResponse:
        """Get a transcription job (``GetTranscriptionJob``).

        Provides information about the specified transcription job.
        """
        return await self._invoke(
            "GetTranscriptionJob", request, shapes.transcription_jobs.GetTranscriptionJobResponse
        )

    async def list_transcription_jobs(
        self,
        request: ListTranscriptionJobsRequest | None = None,
    ) -> ListTranscriptionJobsResponse:
        """List transcription jobs (``ListTranscriptionJobs``).

        Provides a list of transcription jobs that match the specified criteria.
        """
        return await self._invoke(
            "ListTranscriptionJobs",
            request or shapes.transcription_jobs.ListTranscriptionJobsRequest(),
            shapes.transcription_jobs.ListTranscriptionJobsResponse,
        )

    async def start_transcription_job(
        self,
        request: StartTranscriptionJobRequest,
    ) -> StartTranscriptionJobResponse:
        """Start a transcription job (``StartTranscriptionJob``).

        Transcribes the audio from a media file and applies any additional Request Parameters
        you choose to include in your request.
        """
        return await self._invoke(
            "StartTranscriptionJob",
            request,
            shapes.transcription_jobs.StartTranscriptionJobResponse,
        )

    # Medical transcription jobs and medical vocabularies

    async def create_medical_vocabulary(
        self,
        request: CreateMedicalVocabularyRequest,
    ) -> CreateMedicalVocabularyResponse:
        """Create a medical vocabulary (``CreateMedicalVocabulary``).

        Creates a new custom medical vocabulary.
        """
        return await self._invoke(
            "CreateMedicalVocabulary", request, shapes.medical.CreateMedicalVocabularyResponse
        )

    async def delete_medical_transcription_job(
        self,
        request: DeleteMedicalTranscriptionJobRequest,
    ) -> DeleteMedicalTranscriptionJobResponse:
        """Delete a medical transcription job (``DeleteMedicalTranscriptionJob``).

        Deletes a medical transcription job.
        """
        return await self._invoke(
            "DeleteMedicalTranscriptionJob",
            request,
            shapes.medical.DeleteMedicalTranscriptionJobResponse,
        )

    async def delete_medical_vocabulary(
        self,
        request: DeleteMedicalVocabularyRequest,
    ) -> DeleteMedicalVocabularyResponse:
        """Delete a medical vocabulary (``DeleteMedicalVocabulary``).

        Deletes a custom medical vocabulary.
        """
        return await self._invoke(
            "DeleteMedicalVocabulary", request, shapes.medical.DeleteMedicalVocabularyResponse
        )

    async def get_medical_transcription_job(
        self,
        request: GetMedicalTranscriptionJobRequest,
    ) -> GetMedicalTranscriptionJobResponse:
        """Get a medical transcription job (``GetMedicalTranscriptionJob``).

        Provides information about the specified medical transcription job.
        """
        return await self._invoke(
            "GetMedicalTranscriptionJob", request, shapes.medical.GetMedicalTranscriptionJobResponse
        )

    async def get_medical_vocabulary(
        self,
        request: GetMedicalVocabularyRequest,
    ) -> GetMedicalVocabularyResponse:
        """Get a medical vocabulary (``GetMedicalVocabulary``).

        Provides information about the specified custom medical vocabulary.
        """
        return await self._invoke(
            "GetMedicalVocabulary", request, shapes.medical.GetMedicalVocabularyResponse
        )

    async def list_medical_transcription_jobs(
        self,
        request: ListMedicalTranscriptionJobsRequest | None = None,
    ) -> ListMedicalTranscriptionJobsResponse:
        """List medical transcription jobs (``ListMedicalTranscriptionJobs``).

        Provides a list of medical transcription jobs that match the specified criteria.
        """
        return await self._invoke(
            "ListMedicalTranscriptionJobs",
            request or shapes.medical.ListMedicalTranscriptionJobsRequest(),
            shapes.medical.ListMedicalTranscriptionJobsResponse,
        )

    async def list_medical_vocabularies(
        self,
        request: ListMedicalVocabulariesRequest | None = None,
    ) -> ListMedicalVocabulariesResponse:
        """List medical vocabularies (``ListMedicalVocabularies``).

        Provides a list of custom medical vocabularies that match the specified criteria.
        """
        return await self._invoke(
            "ListMedicalVocabularies",
            request or shapes.medical.ListMedicalVocabulariesRequest(),
            shapes.medical.ListMedicalVocabulariesResponse,
        )

    async def start_medical_transcription_job(
        self,
        request: StartMedicalTranscriptionJobRequest,
    ) -> StartMedicalTranscriptionJobResponse:
        """Start a medical transcription job (``StartMedicalTranscriptionJob``).

        Transcribes the audio from a medical dictation or conversation and applies any
        additional Request Parameters you choose to include in your request.
        """
        return await self._invoke(
            "StartMedicalTranscriptionJob",
            request,
            shapes.medical.StartMedicalTranscriptionJobResponse,
        )

    async def update_medical_vocabulary(
        self,
        request: UpdateMedicalVocabularyRequest,
    ) -> UpdateMedicalVocabularyResponse:
        """Update a medical vocabulary (``UpdateMedicalVocabulary``).

        Updates an existing custom medical vocabulary with new values.
        """
        return await self._invoke(
            "UpdateMedicalVocabulary", request, shapes.medical.UpdateMedicalVocabularyResponse
        )

    # Custom vocabularies

    async def create_vocabulary(self, request: CreateVocabularyRequest) -> CreateVocabularyResponse:
        """Create a vocabulary (``CreateVocabulary``).

        Creates a new custom vocabulary.
        """
        return await self._invoke(
            "CreateVocabulary", request, shapes.vocabularies.CreateVocabularyResponse
        )

    async def delete_vocabulary(self, request: DeleteVocabularyRequest) -> DeleteVocabularyResponse:
        """Delete a vocabulary (``DeleteVocabulary``).

        Deletes a custom vocabulary.
        """
        return await self._invoke(
            "DeleteVocabulary", request, shapes.vocabularies.DeleteVocabularyResponse
        )

    async def get_vocabulary(self, request: GetVocabularyRequest) -> GetVocabularyResponse:
        """Get a vocabulary (``GetVocabulary``).

        Provides information about the specified custom vocabulary.
        """
        return await self._invoke(
            "GetVocabulary", request, shapes.vocabularies.GetVocabularyResponse
        )

    async def list_vocabularies(
        self,
        request: ListVocabulariesRequest | None = None,
    ) -> ListVocabulariesResponse:
        """List vocabularies (``ListVocabularies``).

        Provides a list of custom vocabularies that match the specified criteria.
        """
        return await self._invoke(
            "ListVocabularies",
            request or shapes.vocabularies.ListVocabulariesRequest(),
            shapes.vocabularies.ListVocabulariesResponse,
        )

    async def update_vocabulary(self, request: UpdateVocabularyRequest) -> UpdateVocabularyResponse:
        """Update a vocabulary (``UpdateVocabulary``).

        Updates an existing custom vocabulary with new values.
        """
        return await self._invoke(
            "UpdateVocabulary", request, shapes.vocabularies.UpdateVocabularyResponse
        )

    # Vocabulary filters

    async def create_vocabulary_filter(
        self,
        request: CreateVocabularyFilterRequest,
    ) -> CreateVocabularyFilterResponse:
        """Create a vocabulary filter (``CreateVocabularyFilter``).

        Creates a new custom vocabulary filter.
        """
        return await self._invoke(
            "CreateVocabularyFilter",
            request,
            shapes.vocabulary_filters.CreateVocabularyFilterResponse,
        )

    async def delete_vocabulary_filter(
        self,
        request: DeleteVocabularyFilterRequest,
    ) -> DeleteVocabularyFilterResponse:
        """Delete a vocabulary filter (``DeleteVocabularyFilter``).

        Deletes a custom vocabulary filter.
        """
        return await self._invoke(
            "DeleteVocabularyFilter",
            request,
            shapes.vocabulary_filters.DeleteVocabularyFilterResponse,
        )

    async def get_vocabulary_filter(
        self,
        request: GetVocabularyFilterRequest,
    ) -> GetVocabularyFilterResponse:
        """Get a vocabulary filter (``GetVocabularyFilter``).

        Provides information about the specified custom vocabulary filter.
        """
        return await self._invoke(
            "GetVocabularyFilter", request, shapes.vocabulary_filters.GetVocabularyFilterResponse
        )

    async def list_vocabulary_filters(
        self,
        request: ListVocabularyFiltersRequest | None = None,
    ) -> ListVocabularyFiltersResponse:
        """List vocabulary filters (``ListVocabularyFilters``).

        Provides a list of custom vocabulary filters that match the specified criteria.
        """
        return await self._invoke(
            "ListVocabularyFilters",
            request or shapes.vocabulary_filters.ListVocabularyFiltersRequest(),
            shapes.vocabulary_filters.ListVocabularyFiltersResponse,
        )

    async def update_vocabulary_filter(
        self,
        request: UpdateVocabularyFilterRequest,
    ) -> UpdateVocabularyFilterResponse:
        """Update a vocabulary filter (``UpdateVocabularyFilter``).

        Updates an existing custom vocabulary filter with a new list of words.
        """
        return await self._invoke(
            "UpdateVocabularyFilter",
            request,
            shapes.vocabulary_filters.UpdateVocabularyFilterResponse,
        )

    # Custom language models

    async def create_language_model(
        self,
        request: CreateLanguageModelRequest,
    ) -> CreateLanguageModelResponse:
        """Create a language model (``CreateLanguageModel``).

        Creates a new custom language model.
        """
        return await self._invoke(
            "CreateLanguageModel", request, shapes.language_models.CreateLanguageModelResponse
        )

    async def delete_language_model(
        self,
        request: DeleteLanguageModelRequest,
    ) -> DeleteLanguageModelResponse:
        """Delete a language model (``DeleteLanguageModel``).

        Deletes a custom language model.
        """
        return await self._invoke(
            "DeleteLanguageModel", request, shapes.language_models.DeleteLanguageModelResponse
        )

    async def describe_language_model(
        self,
        request: DescribeLanguageModelRequest,
    ) -> DescribeLanguageModelResponse:
        """Describe a language model (``DescribeLanguageModel``).

        Provides information about the specified custom language model.
        """
        return await self._invoke(
            "DescribeLanguageModel", request, shapes.language_models.DescribeLanguageModelResponse
        )

    async def list_language_models(
        self,
        request: ListLanguageModelsRequest | None = None,
    ) -> ListLanguageModelsResponse:
        """List language models (``ListLanguageModels``).

        Provides a list of custom language models that match the specified criteria.
        """
        return await self._invoke(
            "ListLanguageModels",
            request or shapes.language_models.ListLanguageModelsRequest(),
            shapes.language_models.ListLanguageModelsResponse,
        )

    async def update_language_model(
        self,
        request: UpdateLanguageModelRequest,
    ) -> UpdateLanguageModelResponse:
        """Update a language model (``UpdateLanguageModel``).

        Updates the encryption configuration for an existing custom language model.
        """
        return await self._invoke(
            "UpdateLanguageModel", request, shapes.language_models.UpdateLanguageModelResponse
        )

    # Call Analytics categories and jobs

    async def create_call_analytics_category(
        self,
        request: CreateCallAnalyticsCategoryRequest,
    ) -> CreateCallAnalyticsCategoryResponse:
        """Create a call analytics category (``CreateCallAnalyticsCategory``).

        Creates a new Call Analytics category.
        """
        return await self._invoke(
            "CreateCallAnalyticsCategory",
            request,
            shapes.call_analytics.CreateCallAnalyticsCategoryResponse,
        )

    async def delete_call_analytics_category(
        self,
        request: DeleteCallAnalyticsCategoryRequest,
    ) -> DeleteCallAnalyticsCategoryResponse:
        """Delete a call analytics category (``DeleteCallAnalyticsCategory``).

        Deletes a Call Analytics category.
        """
        return await self._invoke(
            "DeleteCallAnalyticsCategory",
            request,
            shapes.call_analytics.DeleteCallAnalyticsCategoryResponse,
        )

    async def delete_call_analytics_job(
        self,
        request: DeleteCallAnalyticsJobRequest,
    ) -> DeleteCallAnalyticsJobResponse:
        """Delete a call analytics job (``DeleteCallAnalyticsJob``).

        Deletes a Call Analytics job.
        """
        return await self._invoke(
            "DeleteCallAnalyticsJob", request, shapes.call_analytics.DeleteCallAnalyticsJobResponse
        )

    async def get_call_analytics_category(
        self,
        request: GetCallAnalyticsCategoryRequest,
    ) -> GetCallAnalyticsCategoryResponse:
        """Get a call analytics category (``GetCallAnalyticsCategory``).

        Provides information about the specified Call Analytics category.
        """
        return await self._invoke(
            "GetCallAnalyticsCategory",
            request,
            shapes.call_analytics.GetCallAnalyticsCategoryResponse,
        )

    async def get_call_analytics_job(
        self,
        request: GetCallAnalyticsJobRequest,
    ) -> GetCallAnalyticsJobResponse:
        """Get a call analytics job (``GetCallAnalyticsJob``).

        Provides information about the specified Call Analytics job.
        """
        return await self._invoke(
            "GetCallAnalyticsJob", request, shapes.call_analytics.GetCallAnalyticsJobResponse
        )

    async def list_call_analytics_categories(
        self,
        request: ListCallAnalyticsCategoriesRequest | None = None,
    ) -> ListCallAnalyticsCategoriesResponse:
        """List call analytics categories (``ListCallAnalyticsCategories``).

        Provides a list of Call Analytics categories, including all rules that make up each
        category.
        """
        return await self._invoke(
            "ListCallAnalyticsCategories",
            request or shapes.call_analytics.ListCallAnalyticsCategoriesRequest(),
            shapes.call_analytics.ListCallAnalyticsCategoriesResponse,
        )

    async def list_call_analytics_jobs(
        self,
        request: ListCallAnalyticsJobsRequest | None = None,
    ) -> ListCallAnalyticsJobsResponse:
        """List call analytics jobs (``ListCallAnalyticsJobs``).

        Provides a list of Call Analytics jobs that match the specified criteria.
        """
        return await self._invoke(
            "ListCallAnalyticsJobs",
            request or shapes.call_analytics.ListCallAnalyticsJobsRequest(),
            shapes.call_analytics.ListCallAnalyticsJobsResponse,
        )

    async def start_call_analytics_job(
        self,
        request: StartCallAnalyticsJobRequest,
    ) -> StartCallAnalyticsJobResponse:
        """Start a call analytics job (``StartCallAnalyticsJob``).

        Transcribes the audio from a customer service call and applies any additional Request
        Parameters you choose to include in your request.
        """
        return await self._invoke(
            "StartCallAnalyticsJob", request, shapes.call_analytics.StartCallAnalyticsJobResponse
        )

    async def update_call_analytics_category(
        self,
        request: UpdateCallAnalyticsCategoryRequest,
    ) -> UpdateCallAnalyticsCategoryResponse:
        """Update a call analytics category (``UpdateCallAnalyticsCategory``).

        Updates the specified Call Analytics category with new rules.
        """
        return await self._invoke(
            "UpdateCallAnalyticsCategory",
            request,
            shapes.call_analytics.UpdateCallAnalyticsCategoryResponse,
        )

    # Medical scribe (AWS HealthScribe) jobs

    async def delete_medical_scribe_job(
        self,
        request: DeleteMedicalScribeJobRequest,
    ) -> DeleteMedicalScribeJobResponse:
        """Delete a medical scribe job (``DeleteMedicalScribeJob``).

        Deletes a Medical Scribe job.
        """
        return await self._invoke(
            "DeleteMedicalScribeJob", request, shapes.medical_scribe.DeleteMedicalScribeJobResponse
        )

    async def get_medical_scribe_job(
        self,
        request: GetMedicalScribeJobRequest,
    ) -> GetMedicalScribeJobResponse:
        """Get a medical scribe job (``GetMedicalScribeJob``).

        Provides information about the specified Medical Scribe job.
        """
        return await self._invoke(
            "GetMedicalScribeJob", request, shapes.medical_scribe.GetMedicalScribeJobResponse
        )

    async def list_medical_scribe_jobs(
        self,
        request: ListMedicalScribeJobsRequest | None = None,
    ) -> ListMedicalScribeJobsResponse:
        """List medical scribe jobs (``ListMedicalScribeJobs``).

        Provides a list of Medical Scribe jobs that match the specified criteria.
        """
        return await self._invoke(
            "ListMedicalScribeJobs",
            request or shapes.medical_scribe.ListMedicalScribeJobsRequest(),
            shapes.medical_scribe.ListMedicalScribeJobsResponse,
        )

    async def start_medical_scribe_job(
        self,
        request: StartMedicalScribeJobRequest,
    ) -> StartMedicalScribeJobResponse:
        """Start a medical scribe job (``StartMedicalScribeJob``).

        Transcribes patient-clinician conversations and generates clinical notes.
        """
        return await self._invoke(
            "StartMedicalScribeJob", request, shapes.medical_scribe.StartMedicalScribeJobResponse
        )

    # Tags

    async def list_tags_for_resource(
        self,
        request: ListTagsForResourceRequest,
    ) -> ListTagsForResourceResponse:
        """List the tags of a resource (``ListTagsForResource``).

        Lists all tags associated with the specified transcription job, vocabulary, model, or
        resource.
        """
        return await self._invoke(
            "ListTagsForResource", request, shapes.tags.ListTagsForResourceResponse
        )

    async def tag_resource(self, request: TagResourceRequest) -> TagResourceResponse:
        """Add tags to a resource (``TagResource``).

        Adds one or more custom tags, each in the form of a key:value pair, to the specified
        resource.
        """
        return await self._invoke("TagResource", request, shapes.tags.TagResourceResponse)

    async def untag_resource(self, request: UntagResourceRequest) -> UntagResourceResponse:
        """Remove tags from a resource (``UntagResource``).

        Removes the specified tags from the specified Amazon Transcribe resource.
        """
        return await self._invoke("UntagResource", request, shapes.tags.UntagResourceResponse)

    # Synchronous transcription

    async def transcribe_audio(self, request: TranscribeAudioRequest) -> TranscribeAudioResponse:
        """Transcribe inline audio or a media file synchronously (``TranscribeAudio``).

        Transcribes a media file and returns the transcript in the same response.
        """
        return await self._invoke(
            "TranscribeAudio", request, shapes.transcribe_audio.TranscribeAudioResponse
        )
