"""Paginators for the nine List operations, which botocore leaves without any.

A :class:`Paginator` follows ``NextToken`` for you::

    async for summary in tk.paginate_transcription_jobs(status=TranscriptionJobStatus.FAILED):
        print(summary.transcription_job_name, summary.failure_reason)

    async for page in tk.paginate_vocabularies(page_size=50).pages():
        ...

Every page is requested with the filters of the first request (only ``NextToken`` and
``MaxResults`` change), a short page that carries a ``NextToken`` is followed rather
than taken for the end, and a ``NextToken`` seen before raises :class:`PaginationError`
instead of looping forever.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Awaitable, Callable, Sequence
from typing import Any, Final, Generic, Protocol, TypeVar

import attrs

from transcribe_kit.errors import PaginationError

DEFAULT_PAGE_SIZE: Final = 100
"""The largest page the service gives (its own default is as small as 5)."""


class PagedRequest(attrs.AttrsInstance, Protocol):
    """A List request: any attrs shape with ``next_token`` and ``max_results`` members."""

    @property
    def next_token(self) -> str | None:
        """The token of the page to read; ``None`` for the first."""

    @property
    def max_results(self) -> int | None:
        """The largest page to answer."""


class Page(attrs.AttrsInstance, Protocol):
    """A List response: it may carry a ``next_token``."""

    @property
    def next_token(self) -> str | None:
        """The token of the next page; ``None`` on the last."""


RequestT = TypeVar("RequestT", bound=PagedRequest)
PageT = TypeVar("PageT", bound=Page)
ItemT = TypeVar("ItemT")


class Paginator(Generic[RequestT, PageT, ItemT]):
    """The items (``async for``) or pages (:meth:`pages`) of one List operation.

    ``page_size`` is sent as ``MaxResults`` (1 to 100); ``max_items`` caps the items
    yielded (the last page is requested no larger than needed, so the cap ends on a page
    boundary); ``starting_token`` resumes from a ``NextToken`` (for example
    :attr:`resume_token` of an earlier paginator). Raises
    :class:`~transcribe_kit.RequestValidationError` at once if the request is not valid.
    A paginator can be iterated more than once; each iteration starts again.
    """

    def __init__(
        self,
        fetch: Callable[[RequestT], Awaitable[PageT]],
        request: RequestT,
        items: Callable[[PageT], Sequence[ItemT] | None],
        *,
        operation_name: str,
        page_size: int = DEFAULT_PAGE_SIZE,
        max_items: int | None = None,
        starting_token: str | None = None,
    ) -> None:
        if max_items is not None and max_items < 0:
            raise ValueError(f"max_items must not be negative (is {max_items})")
        # Imported here: the rules are read for the first request, not by a client's import.
        from transcribe_kit._validation import validate

        first = _evolve(request, next_token=starting_token, max_results=page_size)
        validate(first, operation_name)
        self._fetch = fetch
        self._first = first
        self._items = items
        self._operation_name = operation_name
        self._page_size = page_size
        self._max_items = max_items
        self.resume_token: str | None = starting_token
        """The ``NextToken`` that continues after the last page read; ``None`` at the end."""
        self.pages_read = 0
        """How many pages (List calls) this paginator has fetched."""

    def items_of(self, page: PageT) -> Sequence[ItemT]:
        """The items of one page (empty if it has none)."""
        return self._items(page) or ()

    def __aiter__(self) -> AsyncGenerator[ItemT, None]:
        return self._iterate_items()

    async def _iterate_items(self) -> AsyncGenerator[ItemT, None]:
        async for page in self.pages():
            for item in self.items_of(page):
                yield item

    async def pages(self) -> AsyncGenerator[PageT, None]:
        """Each page response in turn (its items trimmed to ``max_items`` if needed)."""
        request = self._first
        seen: set[str] = set()
        if request.next_token is not None:
            seen.add(request.next_token)
        remaining = self._max_items
        while remaining is None or remaining > 0:
            if remaining is not None and remaining < self._page_size:
                request = _evolve(request, max_results=remaining)
            page = await self._fetch(request)
            self.pages_read += 1
            token = page.next_token
            self.resume_token = token
            if remaining is not None:
                got = len(self.items_of(page))
                remaining -= got
                if remaining < 0:
                    page = self._trimmed(page, got + remaining)
            yield page
            if token is None:
                return
            if token in seen:
                raise PaginationError(
                    f"{self._operation_name} answered the NextToken {token!r} a second time; "
                    "following it would loop forever",
                    token=token,
                    operation_name=self._operation_name,
                )
            seen.add(token)
            request = _evolve(request, next_token=token)

    def _trimmed(self, page: PageT, keep: int) -> PageT:
        """``page`` with its item list cut to ``keep`` items (a server gave more than asked)."""
        for attribute in attrs.fields(type(page)):
            value = getattr(page, attribute.name)
            if isinstance(value, list) and value is self._items(page):
                return _evolve(page, **{attribute.name: value[:keep]})
        return page


ShapeT = TypeVar("ShapeT", bound=attrs.AttrsInstance)


def _evolve(shape: ShapeT, **changes: Any) -> ShapeT:
    """A copy of the frozen ``shape`` with ``changes`` (``attrs.evolve``, typed generically)."""
    changed: ShapeT = attrs.evolve(shape, **changes)  # type: ignore[misc]
    return changed
