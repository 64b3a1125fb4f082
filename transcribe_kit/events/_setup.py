"""The wiring of job-state events: a rule on the default bus, an SQS queue and its DLQ.

Amazon Transcribe publishes to the account's default EventBridge bus in each region. The
usual wiring, made here idempotently (each piece is read first and written only if it is
missing or differs):

- a dead-letter queue, which keeps what failed ``max_receive_count`` times and what
  EventBridge could not deliver;
- the queue, with a redrive policy to the dead-letter queue;
- a rule on the default bus matching ``source: aws.transcribe``, the detail types asked
  for, and names starting with the prefix (the rule sees every job of the account);
- a statement in each queue's policy that lets ``events.amazonaws.com`` send when
  ``aws:SourceArn`` is the rule (other statements are kept);
- the rule's target: the queue, with the dead-letter queue for undeliverable events.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any, Final

import attrs

from transcribe_kit._error_mapping import is_not_found
from transcribe_kit.errors import RequestValidationError, ServiceError
from transcribe_kit.events._types import (
    CallAnalyticsJobStateChange,
    CallAnalyticsPostCallJobStateChange,
    LanguageIdentificationStateChange,
    LanguageModelStateChange,
    MultipleLanguageIdentificationStateChange,
    TranscriptionJobStateChange,
    VocabularyStateChange,
)

logger: Final = logging.getLogger("transcribe_kit")

Call = Callable[[Any, str, Mapping[str, Any]], Awaitable[dict[str, Any]]]
"""Calls an operation on an aiobotocore client (retried, errors typed)."""

JOB_STATE_CHANGES: Final = (
    TranscriptionJobStateChange.DETAIL_TYPE,
    CallAnalyticsJobStateChange.DETAIL_TYPE,
)
"""The detail types of jobs reaching COMPLETED or FAILED: transcription and Call Analytics."""

#: The member each detail type names its resource by, which the prefix is matched against.
NAME_MEMBERS: Final[Mapping[str, str]] = {
    TranscriptionJobStateChange.DETAIL_TYPE: "TranscriptionJobName",
    CallAnalyticsJobStateChange.DETAIL_TYPE: "JobName",
    LanguageIdentificationStateChange.DETAIL_TYPE: "JobName",
    MultipleLanguageIdentificationStateChange.DETAIL_TYPE: "JobName",
    VocabularyStateChange.DETAIL_TYPE: "VocabularyName",
    LanguageModelStateChange.DETAIL_TYPE: "ModelName",
    CallAnalyticsPostCallJobStateChange.DETAIL_TYPE: "StreamingSessionId",
}

TARGET_ID: Final = "transcribe-kit-queue"
POLICY_SID: Final = "transcribe-kit-events-rule"
#: Fourteen days, the most SQS keeps a message: a consumer down for a while loses nothing.
RETENTION_SECONDS: Final = 14 * 24 * 3600
_NAME_PATTERN: Final = re.compile(r"[0-9a-zA-Z._-]{1,200}")
_QUEUE_NAME: Final = re.compile(r"[A-Za-z0-9_-]{1,80}")
_RULE_NAME: Final = re.compile(r"[.\-_A-Za-z0-9]{1,64}")
_DLQ_SUFFIX: Final = "-dlq"


@attrs.frozen(kw_only=True)
class JobEventsWiring:
    """What :meth:`TranscribeClient.ensure_job_events` makes: names, rule pattern, queue."""

    job_name_prefix: str
    queue_name: str
    dead_letter_queue_name: str
    rule_name: str
    detail_types: tuple[str, ...]
    max_receive_count: int
    visibility_timeout: int

    @classmethod
    def plan(
        cls,
        *,
        job_name_prefix: str,
        queue_name: str | None = None,
        dead_letter_queue_name: str | None = None,
        rule_name: str | None = None,
        detail_types: Sequence[str] = JOB_STATE_CHANGES,
        max_receive_count: int = 5,
        visibility_timeout: int = 60,
    ) -> JobEventsWiring:
        """The wiring for these settings, checked; names default from the prefix.

        Raises :class:`~transcribe_kit.RequestValidationError` for a prefix that is no job
        name, names SQS or EventBridge refuse, or a detail type that names no resource.
        """
        if not isinstance(job_name_prefix, str) or not _NAME_PATTERN.fullmatch(job_name_prefix):
            raise RequestValidationError(
                "job_name_prefix", "must be 1 to 200 of the characters a job name allows"
            )
        base = _default_base(job_name_prefix)
        queue_name = queue_name or base
        dead_letter_queue_name = dead_letter_queue_name or base + _DLQ_SUFFIX
        rule_name = rule_name or base
        for field, name, pattern in (
            ("queue_name", queue_name, _QUEUE_NAME),
            ("dead_letter_queue_name", dead_letter_queue_name, _QUEUE_NAME),
            ("rule_name", rule_name, _RULE_NAME),
        ):
            if not pattern.fullmatch(name):
                raise RequestValidationError(field, f"must match {pattern.pattern}, got {name!r}")
        if queue_name == dead_letter_queue_name:
            raise RequestValidationError("dead_letter_queue_name", "must differ from queue_name")
        unknown = [kind for kind in detail_types if kind not in NAME_MEMBERS]
        if unknown or not detail_types:
            raise RequestValidationError(
                "detail_types", f"must be some of {sorted(NAME_MEMBERS)}, got {list(detail_types)}"
            )
        if not 1 <= max_receive_count <= 1000:
            raise RequestValidationError("max_receive_count", "must be between 1 and 1000")
        if not 0 <= visibility_timeout <= 43200:
            raise RequestValidationError("visibility_timeout", "must be between 0 and 43200")
        return cls(
            job_name_prefix=job_name_prefix,
            queue_name=queue_name,
            dead_letter_queue_name=dead_letter_queue_name,
            rule_name=rule_name,
            detail_types=tuple(dict.fromkeys(detail_types)),
            max_receive_count=max_receive_count,
            visibility_timeout=visibility_timeout,
        )

    def event_pattern(self) -> dict[str, Any]:
        """The rule's event pattern: Transcribe's events of these types, names with the prefix."""
        by_member: dict[str, list[str]] = {}
        for kind in self.detail_types:
            by_member.setdefault(NAME_MEMBERS[kind], []).append(kind)
        prefixed = [{member: [{"prefix": self.job_name_prefix}]} for member in by_member]
        return {
            "source": ["aws.transcribe"],
            "detail-type": list(self.detail_types),
            # An event has only its own type's name member, so one prefix test per member.
            "detail": prefixed[0] if len(prefixed) == 1 else {"$or": prefixed},
        }

    def queue_attributes(self, dead_letter_queue_arn: str) -> dict[str, str]:
        """The queue's attributes (its policy aside)."""
        return {
            "VisibilityTimeout": str(self.visibility_timeout),
            "MessageRetentionPeriod": str(RETENTION_SECONDS),
            "ReceiveMessageWaitTimeSeconds": "20",
            "RedrivePolicy": json.dumps(
                {
                    "deadLetterTargetArn": dead_letter_queue_arn,
                    "maxReceiveCount": self.max_receive_count,
                }
            ),
        }

    @staticmethod
    def dead_letter_queue_attributes() -> dict[str, str]:
        """The dead-letter queue's attributes (its policy aside)."""
        return {"MessageRetentionPeriod": str(RETENTION_SECONDS)}


def _default_base(prefix: str) -> str:
    """``transcribe-events-<prefix>``; a prefix SQS cannot spell gets a hash to stay unique."""
    spelled = re.sub(r"[^A-Za-z0-9_-]", "-", prefix)
    base = f"transcribe-events-{spelled}"
    if spelled != prefix or len(base) > 64 - len(_DLQ_SUFFIX):
        digest = hashlib.sha256(prefix.encode()).hexdigest()[:8]
        base = f"{base[: 64 - len(_DLQ_SUFFIX) - 9]}-{digest}"
    return base


def policy_statement(queue_arn: str, rule_arn: str) -> dict[str, Any]:
    """The statement that lets the rule (and only it) send to the queue."""
    return {
        "Sid": POLICY_SID,
        "Effect": "Allow",
        "Principal": {"Service": "events.amazonaws.com"},
        "Action": "sqs:SendMessage",
        "Resource": queue_arn,
        "Condition": {"ArnEquals": {"aws:SourceArn": rule_arn}},
    }


def merged_policy(current: str | None, statement: Mapping[str, Any]) -> str | None:
    """The queue policy with ``statement`` in it, or ``None`` if it is there already."""
    policy: dict[str, Any] = json.loads(current) if current else {}
    statements = policy.get("Statement") or []
    if isinstance(statements, dict):
        statements = [statements]
    if any(_same_statement(found, statement) for found in statements):
        return None
    kept = [found for found in statements if found.get("Sid") != statement["Sid"]]
    return json.dumps(
        {"Version": "2012-10-17", **policy, "Statement": [*kept, dict(statement)]},
        sort_keys=True,
    )


def _same_statement(found: Mapping[str, Any], wanted: Mapping[str, Any]) -> bool:
    # Policies may come back with a lone action or principal as a list.
    def normal(value: Any) -> Any:
        if isinstance(value, list) and len(value) == 1:
            return normal(value[0])
        if isinstance(value, Mapping):
            return {key: normal(item) for key, item in value.items()}
        return value

    return bool(normal(dict(found)) == normal(dict(wanted)))


def _same_attribute(name: str, current: str | None, wanted: str) -> bool:
    if current is None:
        return False
    if name == "RedrivePolicy":
        try:
            found = json.loads(current)
        except ValueError:
            return False
        expected = json.loads(wanted)
        return bool(
            found.get("deadLetterTargetArn") == expected["deadLetterTargetArn"]
            and str(found.get("maxReceiveCount")) == str(expected["maxReceiveCount"])
        )
    return current == wanted


class _Setup:
    """The calls that read and, where needed, write each piece of the wiring."""

    def __init__(self, sqs: Any, events: Any, call: Call) -> None:
        self._sqs = sqs
        self._events = events
        self._call = call

    async def queue(self, name: str, attributes: Mapping[str, str]) -> tuple[str, dict[str, str]]:
        """The queue's URL and attributes, creating it or updating what differs."""
        try:
            answer = await self._call(self._sqs, "GetQueueUrl", {"QueueName": name})
        except ServiceError as error:
            if not is_not_found(error):
                raise
            answer = await self._call(
                self._sqs, "CreateQueue", {"QueueName": name, "Attributes": dict(attributes)}
            )
            logger.info("created the SQS queue %s", name)
            return answer["QueueUrl"], await self._attributes(answer["QueueUrl"])
        url: str = answer["QueueUrl"]
        current = await self._attributes(url)
        changed = {
            key: value
            for key, value in attributes.items()
            if not _same_attribute(key, current.get(key), value)
        }
        if changed:
            await self._set_attributes(url, changed)
            current.update(changed)
        return url, current

    async def policy(self, url: str, current: Mapping[str, str], rule_arn: str) -> None:
        """Let the rule send to the queue at ``url``."""
        policy = merged_policy(
            current.get("Policy"), policy_statement(current["QueueArn"], rule_arn)
        )
        if policy is not None:
            await self._set_attributes(url, {"Policy": policy})

    async def rule(self, name: str, pattern: Mapping[str, Any], description: str) -> str:
        """The rule's ARN, putting the rule if it is missing, differs or is disabled."""
        try:
            found = await self._call(self._events, "DescribeRule", {"Name": name})
        except ServiceError as error:
            if not is_not_found(error):
                raise
            found = {}
        if (
            found.get("State") == "ENABLED"
            and found.get("Arn")
            and json.loads(found.get("EventPattern") or "{}") == pattern
        ):
            return str(found["Arn"])
        answer = await self._call(
            self._events,
            "PutRule",
            {
                "Name": name,
                "EventPattern": json.dumps(pattern),
                "State": "ENABLED",
                "Description": description,
            },
        )
        logger.info("put the EventBridge rule %s", name)
        return str(answer["RuleArn"])

    async def target(self, rule_name: str, queue_arn: str, dead_letter_queue_arn: str) -> None:
        """Make the queue the rule's target, with the dead-letter queue for failed deliveries."""
        answer = await self._call(self._events, "ListTargetsByRule", {"Rule": rule_name})
        wanted = {
            "Id": TARGET_ID,
            "Arn": queue_arn,
            "DeadLetterConfig": {"Arn": dead_letter_queue_arn},
        }
        for target in answer.get("Targets") or []:
            if (
                target.get("Id") == TARGET_ID
                and target.get("Arn") == queue_arn
                and (target.get("DeadLetterConfig") or {}).get("Arn") == dead_letter_queue_arn
            ):
                return
        answer = await self._call(
            self._events, "PutTargets", {"Rule": rule_name, "Targets": [wanted]}
        )
        if answer.get("FailedEntryCount"):
            raise ServiceError(
                f"EventBridge refused the target of {rule_name}: {answer.get('FailedEntries')}",
                code="FailedEntry",
                operation_name="PutTargets",
                response=answer,
            )
        logger.info("made the SQS queue %s the target of the rule %s", queue_arn, rule_name)

    async def _attributes(self, url: str) -> dict[str, str]:
        answer = await self._call(
            self._sqs, "GetQueueAttributes", {"QueueUrl": url, "AttributeNames": ["All"]}
        )
        return dict(answer.get("Attributes") or {})

    async def _set_attributes(self, url: str, attributes: Mapping[str, str]) -> None:
        await self._call(
            self._sqs, "SetQueueAttributes", {"QueueUrl": url, "Attributes": dict(attributes)}
        )
        logger.info("set %s of the SQS queue %s", ", ".join(sorted(attributes)), url)


async def ensure_job_events(sqs: Any, events: Any, call: Call, wiring: JobEventsWiring) -> str:
    """Create or check every piece of ``wiring``; the queue's URL."""
    setup = _Setup(sqs, events, call)
    dlq_url, dlq = await setup.queue(
        wiring.dead_letter_queue_name, wiring.dead_letter_queue_attributes()
    )
    queue_url, queue = await setup.queue(
        wiring.queue_name, wiring.queue_attributes(dlq["QueueArn"])
    )
    rule_arn = await setup.rule(
        wiring.rule_name,
        wiring.event_pattern(),
        f"Amazon Transcribe events for names starting {wiring.job_name_prefix!r}, to SQS",
    )
    await setup.policy(queue_url, queue, rule_arn)
    await setup.policy(dlq_url, dlq, rule_arn)
    await setup.target(wiring.rule_name, queue["QueueArn"], dlq["QueueArn"])
    return queue_url
