"""The wiring of job events is checked before any call, and its rule matches only the prefix."""

from __future__ import annotations

import json

import pytest

from transcribe_kit.errors import RequestValidationError
from transcribe_kit.events import JOB_STATE_CHANGES, JobEventsWiring
from transcribe_kit.events._setup import merged_policy, policy_statement

QUEUE_ARN = "arn:aws:sqs:us-east-1:111122223333:transcribe-events-batch"
RULE_ARN = "arn:aws:events:us-east-1:111122223333:rule/transcribe-events-batch"


def test_names_default_from_the_prefix() -> None:
    wiring = JobEventsWiring.plan(job_name_prefix="batch-7")

    assert (wiring.queue_name, wiring.dead_letter_queue_name, wiring.rule_name) == (
        "transcribe-events-batch-7",
        "transcribe-events-batch-7-dlq",
        "transcribe-events-batch-7",
    )
    assert wiring.detail_types == JOB_STATE_CHANGES


def test_prefixes_sqs_cannot_spell_get_distinct_default_names() -> None:
    dotted = JobEventsWiring.plan(job_name_prefix="batch.7")
    dashed = JobEventsWiring.plan(job_name_prefix="batch-7")
    long = JobEventsWiring.plan(job_name_prefix="x" * 200)

    assert dotted.queue_name != dashed.queue_name
    assert len(long.dead_letter_queue_name) <= 64
    assert len(long.rule_name) <= 64


def test_the_rule_matches_each_detail_type_by_its_own_name_member() -> None:
    pattern = JobEventsWiring.plan(job_name_prefix="batch-7").event_pattern()

    assert pattern == {
        "source": ["aws.transcribe"],
        "detail-type": ["Transcribe Job State Change", "Call Analytics Job State Change"],
        "detail": {
            "$or": [
                {"TranscriptionJobName": [{"prefix": "batch-7"}]},
                {"JobName": [{"prefix": "batch-7"}]},
            ]
        },
    }


def test_one_name_member_needs_no_alternatives() -> None:
    wiring = JobEventsWiring.plan(
        job_name_prefix="batch-7", detail_types=["Transcribe Job State Change"]
    )

    assert wiring.event_pattern()["detail"] == {"TranscriptionJobName": [{"prefix": "batch-7"}]}


def test_the_queue_redrives_to_its_dead_letter_queue() -> None:
    attributes = JobEventsWiring.plan(job_name_prefix="b", max_receive_count=3).queue_attributes(
        QUEUE_ARN + "-dlq"
    )

    assert json.loads(attributes["RedrivePolicy"]) == {
        "deadLetterTargetArn": QUEUE_ARN + "-dlq",
        "maxReceiveCount": 3,
    }
    assert attributes["ReceiveMessageWaitTimeSeconds"] == "20"


@pytest.mark.parametrize(
    ("settings", "field"),
    [
        pytest.param({"job_name_prefix": ""}, "job_name_prefix", id="empty-prefix"),
        pytest.param({"job_name_prefix": "a b"}, "job_name_prefix", id="prefix-with-a-space"),
        pytest.param({"job_name_prefix": "a", "queue_name": "a.b"}, "queue_name", id="queue-dot"),
        pytest.param({"job_name_prefix": "a", "rule_name": "r" * 65}, "rule_name", id="long-rule"),
        pytest.param(
            {"job_name_prefix": "a", "queue_name": "q", "dead_letter_queue_name": "q"},
            "dead_letter_queue_name",
            id="dlq-is-the-queue",
        ),
        pytest.param(
            {"job_name_prefix": "a", "detail_types": ["Medical Job State Change"]},
            "detail_types",
            id="unknown-detail-type",
        ),
        pytest.param({"job_name_prefix": "a", "detail_types": []}, "detail_types", id="no-types"),
        pytest.param(
            {"job_name_prefix": "a", "max_receive_count": 0}, "max_receive_count", id="receives"
        ),
        pytest.param(
            {"job_name_prefix": "a", "visibility_timeout": 43201},
            "visibility_timeout",
            id="visibility",
        ),
    ],
)
def test_bad_settings_are_refused_naming_the_setting(
    settings: dict[str, object], field: str
) -> None:
    with pytest.raises(RequestValidationError) as caught:
        JobEventsWiring.plan(**settings)  # type: ignore[arg-type]

    assert caught.value.field == field


def test_the_policy_statement_lets_only_the_rule_send() -> None:
    statement = policy_statement(QUEUE_ARN, RULE_ARN)

    assert statement["Principal"] == {"Service": "events.amazonaws.com"}
    assert statement["Action"] == "sqs:SendMessage"
    assert statement["Condition"] == {"ArnEquals": {"aws:SourceArn": RULE_ARN}}


def test_the_statement_is_added_beside_the_statements_a_queue_has() -> None:
    theirs = {"Sid": "theirs", "Effect": "Allow", "Principal": "*", "Action": "sqs:*"}
    current = json.dumps({"Version": "2012-10-17", "Statement": [theirs]})

    merged = merged_policy(current, policy_statement(QUEUE_ARN, RULE_ARN))

    assert merged is not None
    assert json.loads(merged)["Statement"] == [theirs, policy_statement(QUEUE_ARN, RULE_ARN)]


def test_a_policy_that_has_the_statement_needs_no_change() -> None:
    statement = policy_statement(QUEUE_ARN, RULE_ARN)
    # The service may give a lone action back as a one-item list.
    stored = {**statement, "Action": ["sqs:SendMessage"]}

    assert merged_policy(json.dumps({"Statement": [stored]}), statement) is None


def test_a_statement_for_another_rule_is_replaced() -> None:
    old = policy_statement(QUEUE_ARN, RULE_ARN + "-old")

    merged = merged_policy(json.dumps({"Statement": [old]}), policy_statement(QUEUE_ARN, RULE_ARN))

    assert merged is not None
    assert json.loads(merged)["Statement"] == [policy_statement(QUEUE_ARN, RULE_ARN)]
