"""Resource tags: tag, untag and list."""

from __future__ import annotations

from attrs import define, field

from transcribe_kit.shapes._base import Shape, wire
from transcribe_kit.shapes.common import Tag


@define(frozen=True, kw_only=True, eq=False, repr=False)
class ListTagsForResourceRequest(Shape):
    """The request of ``ListTagsForResource``.

    Lists all tags associated with the specified transcription job, vocabulary, model, or
    resource.
    """

    #: Returns a list of all tags associated with the specified Amazon Resource Name (ARN).
    resource_arn: str = field(
        metadata=wire(
            "ResourceArn",
            min_length=1,
            max_length=1011,
            pattern="arn:aws(-[^:]+)?:transcribe:[a-zA-Z0-9-]*:[0-9]{12}:[a-zA-Z-]*/[0-9a-zA-Z._-]+",
        ),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class ListTagsForResourceResponse(Shape):
    """The response of ``ListTagsForResource``."""

    #: The Amazon Resource Name (ARN) specified in your request.
    resource_arn: str | None = field(
        default=None,
        metadata=wire(
            "ResourceArn",
            min_length=1,
            max_length=1011,
            pattern="arn:aws(-[^:]+)?:transcribe:[a-zA-Z0-9-]*:[0-9]{12}:[a-zA-Z-]*/[0-9a-zA-Z._-]+",
        ),
    )

    #: Lists all tags associated with the given transcription job, vocabulary, model, or
    #: resource.
    tags: list[Tag] | None = field(
        default=None,
        metadata=wire("Tags", min_length=1, max_length=200),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class TagResourceRequest(Shape):
    """The request of ``TagResource``.

    Adds one or more custom tags, each in the form of a key:value pair, to the specified
    resource.
    """

    #: The Amazon Resource Name (ARN) of the resource you want to tag.
    resource_arn: str = field(
        metadata=wire(
            "ResourceArn",
            min_length=1,
            max_length=1011,
            pattern="arn:aws(-[^:]+)?:transcribe:[a-zA-Z0-9-]*:[0-9]{12}:[a-zA-Z-]*/[0-9a-zA-Z._-]+",
        ),
    )

    #: Adds one or more custom tags, each in the form of a key:value pair, to the specified
    #: resource.
    tags: list[Tag] = field(metadata=wire("Tags", min_length=1, max_length=200))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class TagResourceResponse(Shape):
    """The response of ``TagResource``."""


@define(frozen=True, kw_only=True, eq=False, repr=False)
class UntagResourceRequest(Shape):
    """The request of ``UntagResource``.

    Removes the specified tags from the specified Amazon Transcribe resource.
    """

    #: The Amazon Resource Name (ARN) of the Amazon Transcribe resource you want to remove tags
    #: from.
    resource_arn: str = field(
        metadata=wire(
            "ResourceArn",
            min_length=1,
            max_length=1011,
            pattern="arn:aws(-[^:]+)?:transcribe:[a-zA-Z0-9-]*:[0-9]{12}:[a-zA-Z-]*/[0-9a-zA-Z._-]+",
        ),
    )

    #: Removes the specified tag keys from the specified Amazon Transcribe resource.
    tag_keys: list[str] = field(metadata=wire("TagKeys", min_length=1, max_length=200))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class UntagResourceResponse(Shape):
    """The response of ``UntagResource``."""


__all__ = [
    "ListTagsForResourceRequest",
    "ListTagsForResourceResponse",
    "TagResourceRequest",
    "TagResourceResponse",
    "UntagResourceRequest",
    "UntagResourceResponse",
]
