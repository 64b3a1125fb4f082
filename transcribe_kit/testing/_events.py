"""The state-change events the service publishes, put into moto's EventBridge as they happen.

Amazon Transcribe publishes an event to the account's default bus when a job, vocabulary
or language model reaches its final status (each kind's events are in the registry of
kinds); EventBridge routes it through the bus's rules to their targets. The backend
puts each into moto's EventBridge backend in its own process (the same moto that serves
the clients), which routes it to an SQS target as EventBridge would, so
:mod:`transcribe_kit.events` can be tested end to end. The event's ``time`` is the
backend's clock when the resource ended.

Delivery is best effort on the service: a test can drop a resource's events, or
publish them more than once (:meth:`~._script.Script.event_copies`).
"""

from __future__ import annotations

import json
import logging
import uuid
from typing import Any, Final

from transcribe_kit._kinds import EVENT_SOURCE
from transcribe_kit.testing._kinds import member
from transcribe_kit.testing._resources import Record, ResourceStore

_log: Final = logging.getLogger(__name__)


class EventPublisher:
    """Publishes the events of the resources of ``store`` that end; a store observer."""

    def __init__(self, store: ResourceStore) -> None:
        self._store = store

    def __call__(self, record: Record, at: float) -> None:
        """Publish ``record``'s events if it has just ended (at ``at``, clock seconds)."""
        kind = record.kind
        if not record.finished or not kind.events or kind.status_field is None:
            return
        copies = self._store.script.event_copies(kind.key, record.name)
        status = str(record.fields[kind.status_field])
        reason = record.fields.get("FailureReason") if status == kind.failed_status else None
        details = [
            (event.detail_type, event.detail(record.name, status, reason))
            for event in kind.events
            if event.requested_by is None or member(record.request, (event.requested_by,))
        ]
        try:
            for _ in range(copies):
                for detail_type, detail in details:
                    self._publish(detail_type, detail, at)
        except Exception:  # an event is best effort; the resource has ended all the same
            _log.exception("publishing the events of %s failed", record.name)

    def _publish(self, detail_type: str, detail: dict[str, str], at: float) -> None:
        """Route one event through the default bus's rules, as ``PutEvents`` would."""
        backend = self._backend()
        site = self._store.site
        envelope = {
            "version": "0",
            "id": str(uuid.uuid4()),
            "detail-type": detail_type,
            "source": EVENT_SOURCE,
            "account": site.account_id,
            "time": at,  # moto writes it out as EventBridge does, to the second
            "region": site.region_name,
            "resources": [],
            "detail": detail,
        }
        rules = [
            rule
            for rule in backend.describe_event_bus("default").rules.values()
            if rule.state == "ENABLED"
        ]
        if any("InputTransformer" in target for rule in rules for target in rule.targets):
            # moto's own path, which fills in templates (and leaves out ``account``).
            backend.put_events([_entry(envelope)])
            return
        for rule in rules:
            # The event as it is: moto's default template would parse its JSON paths anew
            # for every event (milliseconds each), and drop ``account``.
            rule.send_to_targets(dict(envelope), transform_input=False)

    def _backend(self) -> Any:
        # Looked up each time: moto's reset makes new backends.
        from moto.events.models import events_backends

        site = self._store.site
        return events_backends[site.account_id][site.region_name]


def _entry(envelope: dict[str, Any]) -> dict[str, Any]:
    """The ``PutEvents`` entry of ``envelope``."""
    return {
        "Source": envelope["source"],
        "DetailType": envelope["detail-type"],
        "Detail": json.dumps(envelope["detail"]),
        "Resources": envelope["resources"],
        "Time": envelope["time"],
    }
