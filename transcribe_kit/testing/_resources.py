"""The Transcribe resources of the local backend, in memory: every kind, one generic store.

A resource is one :class:`Record` in wire names, shaped like the model's structure for it
(``TranscriptionJob``, ``LanguageModel``, ...); every answer is that record projected onto
the output shape the service model names, so it carries only members the model allows.
What differs between kinds is in :mod:`transcribe_kit.testing._kinds`.

Statuses move by the clock: a job starts IN_PROGRESS (QUEUED while it waits for a slot,
with deferred execution), and completes or fails when its time is up; vocabularies go
from PENDING to READY, language models from IN_PROGRESS to COMPLETED. :meth:`advance`
moves everything due, in time order, before every answer (and from the backend's own
thread in between), so Get and List see the same. A resource made while the script says
``reads=N`` moves one status per N Get calls instead (List never moves it).
"""

from __future__ import annotations

import base64
import binascii
import copy
import functools
import heapq
import json
import re
from collections import deque
from collections.abc import Callable, Mapping
from typing import Any, Final

from attrs import define, field
from botocore.loaders import Loader
from botocore.model import ServiceModel, Shape, StructureShape

from transcribe_kit._session import MODEL_DIRECTORY
from transcribe_kit.testing._clock import Clock
from transcribe_kit.testing._kinds import BY_KEY, KINDS, OPERATIONS, Kind, member
from transcribe_kit.testing._outputs import LinkSigner, Location, Site
from transcribe_kit.testing._script import Progression, Script

#: The account every local resource lives in (moto's default).
ACCOUNT_ID: Final = "123456789012"
#: The page size of a List call without ``MaxResults`` (the service's documented default).
DEFAULT_PAGE_SIZE: Final = 5


@functools.cache
def service_model() -> ServiceModel:
    """The Transcribe model the package ships (the one the shapes mirror)."""
    loader = Loader(extra_search_paths=[str(MODEL_DIRECTORY)])
    return ServiceModel(loader.load_service_model("transcribe", "service-2"), "transcribe")


class ServiceFaultError(Exception):
    """An error answer: ``http_status`` with ``{"__type": code, "Message": message}``."""

    def __init__(self, code: str, message: str, http_status: int = 400) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.http_status = http_status


def fault_for(operation: str, code: str, message: str) -> ServiceFaultError:
    """``code`` if the model lists it among the operation's errors, else BadRequestException."""
    errors = {shape.name for shape in service_model().operation_model(operation).error_shapes}
    return ServiceFaultError(code if code in errors else "BadRequestException", message)


def project(values: Mapping[str, Any], shape: Shape) -> dict[str, Any]:
    """The members of ``values`` that ``shape`` (a structure) has."""
    assert isinstance(shape, StructureShape)
    return {key: value for key, value in values.items() if key in shape.members}


@define(kw_only=True, eq=False)
class Record:
    """One resource: its members in wire names, and where it is in its statuses."""

    kind: Kind
    name: str
    fields: dict[str, Any]
    request: dict[str, Any]
    order: int
    progression: Progression
    step: int = 0
    reads: int = 0
    started_at: float | None = None
    finish_at: float | None = None
    finished: bool = False
    deleted: bool = False
    outputs: dict[str, Location | list[Location]] = field(factory=dict)
    """Where each output (``transcript``, ``subtitles``, ...) is, once written."""
    recorded: dict[str, tuple[dict[str, Any], ...]] = field(factory=dict)
    """The members of the live resources of each kind its kind records at start, by key."""

    @property
    def by_reads(self) -> bool:
        return self.progression.reads is not None


#: Called when a job completes, to write its documents; returns where each output went.
OutputWriter = Callable[[Record], Mapping[str, Location | list[Location]]]
#: Called with every record whose status changed, after the change, and the clock's time of it.
Observer = Callable[[Record, float], None]


class ResourceStore:
    """Every Transcribe resource of one backend, and the tags of each.

    ``tags`` maps the ARN of every live resource to its tags. ``write_outputs`` writes a
    completing job's documents (an error fails the job); ``observers`` hear of every
    status change. Not thread-safe: the caller holds a lock around every call.
    """

    def __init__(self, *, site: Site, clock: Clock | None = None) -> None:
        self.site = site
        self.clock = clock or Clock()
        self.script = Script()
        self.tags: dict[str, dict[str, str]] = {}
        self.sync_answer: dict[str, Any] | None = None
        self.write_outputs: OutputWriter = lambda record: {}
        self.observers: list[Observer] = []
        self.links = LinkSigner()
        self._records: dict[Kind, dict[str, Record]] = {kind: {} for kind in KINDS}
        self._due: list[tuple[float, int, Record]] = []
        self._waiting: dict[Kind, deque[Record]] = {kind: deque() for kind in KINDS}
        # The jobs that count against the concurrent-job limit: those running, and those
        # moved by reads, from their start until they finish.
        self._slots: dict[Kind, set[Record]] = {kind: set() for kind in KINDS}
        self._created = 0

    def reset(self) -> None:
        """Forget every resource, tag, script and registered answer."""
        self.tags.clear()
        self.sync_answer = None
        self.script = Script()
        for records in self._records.values():
            records.clear()
        for waiting in self._waiting.values():
            waiting.clear()
        for slots in self._slots.values():
            slots.clear()
        self._due.clear()

    def arn(self, arn_type: str, name: str) -> str:
        """The ARN of the resource ``name`` of ``arn_type`` (``vocabulary-filter``, ...)."""
        return (
            f"arn:aws:transcribe:{self.site.region_name}:{self.site.account_id}:{arn_type}/{name}"
        )

    def find(self, kind: Kind, name: str) -> Record | None:
        """The live resource ``name`` of ``kind``."""
        return self._records[kind].get(name)

    # Time

    def next_due(self) -> float | None:
        """When the next resource is due to move on by time (clock seconds), if any."""
        while self._due and self._due[0][2].finish_at != self._due[0][0]:
            heapq.heappop(self._due)
        return self._due[0][0] if self._due else None

    def advance(self) -> None:
        """Move on every resource whose time is up, in the order their times came."""
        now = self.clock()
        while (due := self.next_due()) is not None and due <= now:
            _, _, record = heapq.heappop(self._due)
            record.finish_at = None
            self._finish(record, due)
            waiting = self._waiting[record.kind]
            if waiting and record.kind.job is not None:
                self._start(waiting.popleft(), due)

    def _start(self, record: Record, at: float) -> None:
        kind = record.kind
        record.started_at = at
        if kind.job is not None:
            self._slots[kind].add(record)
        record.step = len(kind.statuses) - 2
        self._stamp(record, kind.started_field, at)
        kind.on_start(record.fields, record.request, self.site)
        self._set_status(record, kind.statuses[record.step], at)
        if not record.by_reads:
            record.finish_at = at + record.progression.seconds
            heapq.heappush(self._due, (record.finish_at, record.order, record))

    def _finish(self, record: Record, at: float) -> None:
        kind = record.kind
        reason = self.script.failure(kind.key, record.name)
        if reason is None and kind.job is not None:
            try:
                record.outputs = dict(self.write_outputs(record))
            except Exception as error:  # the job fails, as a job whose output can't be written
                reason = f"The output could not be written: {error}"
        record.finished = True
        self._slots[kind].discard(record)
        record.step = len(kind.statuses) - 1
        self._stamp(record, kind.completed_field, at)
        if reason is not None:
            record.fields["FailureReason"] = reason
            self._set_status(record, kind.failed_status, at)
        else:
            self._set_status(record, kind.statuses[-1], at)

    def _set_status(self, record: Record, status: str, at: float) -> None:
        if record.kind.status_field is None:
            return
        record.fields[record.kind.status_field] = status
        self._stamp(record, record.kind.modified_field, at)
        for observer in self.observers:
            observer(record, at)

    def _stamp(self, record: Record, member: str | None, at: float) -> None:
        if member:
            record.fields[member] = self.clock.datetime(at)

    def _read(self, record: Record) -> None:
        """A Get of a resource moved by reads: the next status after every N of them."""
        if not record.by_reads or record.finished or not record.kind.statuses:
            return
        record.reads += 1
        every = record.progression.reads or 1
        target = min((record.reads - 1) // every, len(record.kind.statuses) - 1)
        now = self.clock()
        while record.step < target and not record.finished:
            if record.step + 1 == len(record.kind.statuses) - 1:
                self._finish(record, now)
            elif record.step + 1 == len(record.kind.statuses) - 2:
                self._start(record, now)
            else:
                record.step += 1

    # Operations

    def answer(self, operation: str, kind: Kind, request: Mapping[str, Any]) -> dict[str, Any]:
        """The response of ``operation`` on a resource of ``kind``; raises ServiceFaultError."""
        self.advance()
        verb = re.match(r"[A-Z][a-z]+", operation)
        assert verb is not None
        output = service_model().operation_model(operation).output_shape
        if verb[0] == "List":
            return self._page(operation, kind, request, output)
        name = request[kind.name_field]
        if verb[0] in ("Create", "Start"):
            record = self._create(operation, kind, request)
        elif verb[0] == "Update":
            record = self._update(operation, kind, request)
        elif verb[0] == "Delete":
            record = self._find(operation, kind, name)
            self._delete(record)
            return {}
        else:
            record = self._find(operation, kind, name)
            self._read(record)
        return self._shaped(record, output) if output is not None else {}

    def _create(self, operation: str, kind: Kind, request: Mapping[str, Any]) -> Record:
        name = request[kind.name_field]
        if name in self._records[kind]:
            raise fault_for(
                operation,
                "ConflictException",
                f"The requested {kind.noun} name already exists. Use a different {kind.noun} name.",
            )
        self._check_references(operation, kind, request)
        waits = self._check_slot(operation, kind, request)
        self._created += 1
        record = Record(
            kind=kind,
            name=name,
            fields=project(request, service_model().shape_for(kind.shape)),
            request=dict(request),
            order=self._created,
            progression=self.script.progression(kind.key, name),
        )
        now = self.clock()
        self._stamp(record, kind.created_field, now)
        self._stamp(record, kind.modified_field, now)
        kind.on_create(record.fields, record.request, self.site)
        # Copies: a resource updated or deleted later is seen as it was at the start.
        record.recorded = {
            key: tuple(copy.deepcopy(other.fields) for other in self._records[BY_KEY[key]].values())
            for key in kind.recorded_at_start
        }
        self._records[kind][name] = record
        if kind.job is not None and record.by_reads:
            self._slots[kind].add(record)
        self.tags[self.arn(kind.arn_type, name)] = {
            tag["Key"]: tag["Value"] for tag in request.get("Tags") or ()
        }
        self._begin(record, now, waits=waits)
        return record

    def _begin(self, record: Record, now: float, *, waits: bool) -> None:
        """Put a new (or updated) resource at its first status."""
        kind = record.kind
        if not kind.statuses:
            return
        if record.by_reads or waits:
            record.step = 0
            if len(kind.statuses) == 2:  # no waiting status: it is being made at once
                self._start(record, now)
            else:
                self._set_status(record, kind.statuses[0], now)
            if waits and not record.by_reads:
                self._waiting[kind].append(record)
        else:
            self._start(record, now)

    def _check_references(self, operation: str, kind: Kind, request: Mapping[str, Any]) -> None:
        for path, referenced_key in kind.references:
            value = member(request, path)
            referenced = BY_KEY[referenced_key]
            if value is not None and value not in self._records[referenced]:
                noun = referenced.noun
                raise fault_for(
                    operation,
                    "BadRequestException",
                    f"The requested {noun} couldn't be found. Check the {noun} name and try "
                    "your request again.",
                )

    def _check_slot(self, operation: str, kind: Kind, request: Mapping[str, Any]) -> bool:
        """Whether a new job must wait for a slot; raises LimitExceededException if it may not."""
        if kind.job is None:
            return False
        limit = self.script.limit(kind.key, kind.job.concurrent_limit)
        if len(self._slots[kind]) < limit:
            return False
        deferred = (request.get("JobExecutionSettings") or {}).get("AllowDeferredExecution")
        if kind.job.deferrable and deferred:
            return True
        raise fault_for(
            operation,
            "LimitExceededException",
            f"You have reached the limit of {limit} concurrent {kind.noun}s of this kind. Wait "
            "for one to finish"
            + (", or allow deferred execution to queue it." if kind.job.deferrable else "."),
        )

    def _update(self, operation: str, kind: Kind, request: Mapping[str, Any]) -> Record:
        record = self._find(operation, kind, request[kind.name_field])
        record.fields.update(project(request, service_model().shape_for(kind.shape)))
        record.request.update(request)
        now = self.clock()
        self._stamp(record, kind.modified_field, now)
        if kind.remade_on_update:
            record.finish_at = None
            record.finished = False
            record.reads = 0
            record.fields.pop("FailureReason", None)
            record.progression = self.script.progression(kind.key, record.name)
            self._begin(record, now, waits=False)
        return record

    def _delete(self, record: Record) -> None:
        kind = record.kind
        record.deleted = True
        record.finish_at = None
        del self._records[kind][record.name]
        if record in self._waiting[kind]:
            self._waiting[kind].remove(record)
        self.tags.pop(self.arn(kind.arn_type, record.name), None)
        if record in self._slots[kind]:
            # A job deleted while it runs frees its slot for the next one waiting.
            self._slots[kind].discard(record)
            waiting = self._waiting[kind]
            if waiting and not record.by_reads:
                self._start(waiting.popleft(), self.clock())

    def _find(self, operation: str, kind: Kind, name: str) -> Record:
        record = self._records[kind].get(name)
        if record is None:
            message = kind.missing_message or (
                f"The requested {kind.noun} couldn't be found. Check the name and try again."
            )
            raise fault_for(operation, kind.missing_code, message)
        return record

    def _shaped(self, record: Record, output: Shape) -> dict[str, Any]:
        """``record`` as ``output`` carries it: whole under one member, or flat."""
        assert isinstance(output, StructureShape)
        values = self._values(record)
        for name, member_shape in output.members.items():
            if member_shape.name == record.kind.shape:
                return {name: project(values, member_shape)}
        return project(values, output)

    def _values(self, record: Record) -> dict[str, Any]:
        """The record's members with its tags and the URIs of its outputs."""
        values = dict(record.fields)
        tags = self.tags.get(self.arn(record.kind.arn_type, record.name))
        if tags:
            values["Tags"] = [{"Key": key, "Value": value} for key, value in tags.items()]
        job = record.kind.job
        if job is not None and record.outputs and not record.fields.get("FailureReason"):
            now = self.clock()
            for role, where in record.outputs.items():
                parent, member = job.uri_members[role]
                uri: str | list[str] = (
                    [self.uri(location, now) for location in where]
                    if isinstance(where, list)
                    else self.uri(where, now)
                )
                values[parent] = {**(values.get(parent) or {}), member: uri}
        return values

    def uri(self, location: Location, now: float) -> str:
        """How a job reports ``location``: a presigned-style link, or the object's URL."""
        if location.presigned:
            return self.links.link(self.site, location, now)
        return self.site.s3_url(location.bucket, location.key)

    def _page(
        self, operation: str, kind: Kind, request: Mapping[str, Any], output: Shape
    ) -> dict[str, Any]:
        assert isinstance(output, StructureShape)
        items_member = next(m for m, s in output.members.items() if s.type_name == "list")
        summary = output.members[items_member].member
        status = request.get(kind.status_filter) if kind.status_filter else None
        contains = (request.get("JobNameContains") or request.get("NameContains") or "").lower()

        def sort_key(record: Record) -> list[Any]:
            return [-record.order, ""] if kind.newest_first else [0, record.name]

        # Jobs are kept in the order they were made: newest first needs no sorting.
        records = self._records[kind].values()
        ordered = reversed(records) if kind.newest_first else sorted(records, key=sort_key)
        token = request.get("NextToken")
        after = _token_key(operation, token) if token is not None else None
        size = int(request.get("MaxResults") or DEFAULT_PAGE_SIZE)
        found: list[Record] = []
        for record in ordered:
            if (
                (after is None or sort_key(record) > after)
                and contains in record.name.lower()
                and (status is None or record.fields.get(kind.status_field or "") == status)
            ):
                found.append(record)
                if len(found) > size:
                    break
        page: dict[str, Any] = {
            items_member: [project(self._values(r), summary) for r in found[:size]]
        }
        if len(found) > size:
            page["NextToken"] = _token(sort_key(found[size - 1]))
        if status is not None and "Status" in output.members:
            page["Status"] = status
        return page

    def resolve(self, operation: str, arn: str) -> str:
        """``arn`` if it names a live resource; raises ServiceFaultError otherwise."""
        if _ARN.fullmatch(arn) is None:
            raise fault_for(operation, "BadRequestException", f"{arn} is not a valid ARN.")
        if arn not in self.tags:
            raise fault_for(
                operation,
                "NotFoundException",
                "The requested resource couldn't be found. Check the ARN and try again.",
            )
        return arn


_ARN: Final = re.compile(r"arn:aws[^:]*:transcribe:[^:]*:[0-9]{12}:([a-zA-Z-]+)/(.+)")


def _token(key: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode()


def _token_key(operation: str, token: str) -> list[Any]:
    """The sort key a NextToken continues after; raises BadRequestException if it is not one."""
    try:
        key = json.loads(base64.urlsafe_b64decode(token.encode()))
    except (ValueError, binascii.Error):
        key = None
    if not (isinstance(key, list) and len(key) == 2):
        raise fault_for(operation, "BadRequestException", "The NextToken is not valid.")
    return key


__all__ = ["ACCOUNT_ID", "OPERATIONS", "Record", "ResourceStore", "ServiceFaultError"]
