"""ensure_job_events wires the queue, its dead-letter queue and the rule, once and for all."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from aiobotocore.session import AioSession

from tests.integration.scaling._aws import job_finished, publish
from transcribe_kit import RateLimits, TranscribeClient
from transcribe_kit._session import new_session
from transcribe_kit.events import JobEventsWiring

MUTATING = ("Create", "Set", "Put", "Delete", "Tag", "Remove")


async def queue_attributes(sqs: Any, queue_url: str) -> dict[str, str]:
    answer = await sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["All"])
    return dict(answer["Attributes"])


async def dead_letter_queue_arn(sqs: Any, prefix: str) -> str:
    url = (await sqs.get_queue_url(QueueName=f"transcribe-events-{prefix}-dlq"))["QueueUrl"]
    return (await queue_attributes(sqs, url))["QueueArn"]


async def received_names(sqs: Any, queue_url: str) -> list[str]:
    answer = await sqs.receive_message(
        QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=1
    )
    return sorted(
        json.loads(message["Body"])["detail"].get("TranscriptionJobName")
        or json.loads(message["Body"])["detail"]["JobName"]
        for message in answer.get("Messages", [])
    )


async def test_the_queue_redrives_to_its_dead_letter_queue(
    tk: TranscribeClient, sqs: Any, prefix: str
) -> None:
    queue_url = await tk.ensure_job_events(job_name_prefix=prefix, max_receive_count=3)

    attributes = await queue_attributes(sqs, queue_url)
    assert json.loads(attributes["RedrivePolicy"]) == {
        "deadLetterTargetArn": await dead_letter_queue_arn(sqs, prefix),
        "maxReceiveCount": 3,
    }


async def test_the_rule_targets_the_queue_and_only_it_may_send(
    tk: TranscribeClient, sqs: Any, eventbridge: Any, prefix: str
) -> None:
    queue_url = await tk.ensure_job_events(job_name_prefix=prefix)

    rule = await eventbridge.describe_rule(Name=f"transcribe-events-{prefix}")
    (target,) = (await eventbridge.list_targets_by_rule(Rule=rule["Name"]))["Targets"]
    attributes = await queue_attributes(sqs, queue_url)
    (statement,) = json.loads(attributes["Policy"])["Statement"]
    assert rule["State"] == "ENABLED"
    assert target["Arn"] == attributes["QueueArn"]
    assert target["DeadLetterConfig"] == {"Arn": await dead_letter_queue_arn(sqs, prefix)}
    assert statement["Principal"] == {"Service": "events.amazonaws.com"}
    assert statement["Condition"] == {"ArnEquals": {"aws:SourceArn": rule["Arn"]}}


async def test_only_jobs_whose_name_has_the_prefix_reach_the_queue(
    tk: TranscribeClient, sqs: Any, eventbridge: Any, prefix: str
) -> None:
    queue_url = await tk.ensure_job_events(job_name_prefix=prefix)

    await job_finished(eventbridge, f"{prefix}-a")
    await job_finished(eventbridge, f"other-{prefix}")
    await job_finished(eventbridge, f"x{prefix}-b")
    await publish(
        eventbridge,
        "Call Analytics Job State Change",
        {"JobName": f"{prefix}-c", "JobStatus": "COMPLETED"},
    )
    await publish(
        eventbridge,
        "Vocabulary State Change",
        {"VocabularyName": f"{prefix}-v", "VocabularyState": "READY"},
    )

    assert await received_names(sqs, queue_url) == [f"{prefix}-a", f"{prefix}-c"]


async def test_setting_up_twice_gives_the_same_queue_and_changes_nothing(
    aws_settings: dict[str, Any], prefix: str
) -> None:
    session = new_session()
    operations: list[str] = []
    session.register("before-call", lambda model, **_: operations.append(model.name))
    async with TranscribeClient(
        **aws_settings, session=session, rate_limits=RateLimits.disabled()
    ) as tk:
        first = await tk.ensure_job_events(job_name_prefix=prefix)
        operations.clear()

        second = await tk.ensure_job_events(job_name_prefix=prefix)

    assert second == first
    assert operations, "the second setup read nothing"
    assert [name for name in operations if name.startswith(MUTATING)] == []


async def test_setting_up_again_repairs_what_was_changed(
    tk: TranscribeClient, sqs: Any, eventbridge: Any, prefix: str
) -> None:
    queue_url = await tk.ensure_job_events(job_name_prefix=prefix, visibility_timeout=45)
    await sqs.set_queue_attributes(QueueUrl=queue_url, Attributes={"VisibilityTimeout": "5"})
    await eventbridge.disable_rule(Name=f"transcribe-events-{prefix}")

    await tk.ensure_job_events(job_name_prefix=prefix, visibility_timeout=45)

    rule = await eventbridge.describe_rule(Name=f"transcribe-events-{prefix}")
    assert (await queue_attributes(sqs, queue_url))["VisibilityTimeout"] == "45"
    assert rule["State"] == "ENABLED"


async def test_the_setup_keeps_statements_others_put_in_the_queue_policy(
    tk: TranscribeClient, sqs: Any, prefix: str
) -> None:
    queue_url = await tk.ensure_job_events(job_name_prefix=prefix)
    attributes = await queue_attributes(sqs, queue_url)
    theirs = {
        "Sid": "theirs",
        "Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
        "Action": "sqs:SendMessage",
        "Resource": attributes["QueueArn"],
    }
    policy = json.loads(attributes["Policy"])
    policy["Statement"].append(theirs)
    await sqs.set_queue_attributes(QueueUrl=queue_url, Attributes={"Policy": json.dumps(policy)})

    await tk.ensure_job_events(job_name_prefix=prefix)

    statements = json.loads((await queue_attributes(sqs, queue_url))["Policy"])["Statement"]
    assert theirs in statements
    assert len(statements) == 2


def documented_template() -> str:
    """The CloudFormation template in the scaling-out guide."""
    guide = Path(__file__).parents[3] / "docs" / "guide" / "scaling-out.md"
    (template,) = re.findall(r"```yaml\n(.*?)```", guide.read_text(encoding="utf-8"), re.S)
    return str(template)


# moto's CloudFormation makes no AWS::SQS::QueuePolicy (and moto checks no queue policy).
@pytest.mark.filterwarnings("ignore:Tried to parse AWS:UserWarning")
async def test_the_documented_template_wires_what_ensure_job_events_does(
    aws_settings: dict[str, Any], eventbridge: Any, tk: TranscribeClient, prefix: str
) -> None:
    async with AioSession().create_client("cloudformation", **aws_settings) as cloudformation:
        await cloudformation.create_stack(
            StackName=prefix,
            TemplateBody=documented_template(),
            Parameters=[{"ParameterKey": "JobNamePrefix", "ParameterValue": prefix}],
        )
        (stack,) = (await cloudformation.describe_stacks(StackName=prefix))["Stacks"]
    wiring = JobEventsWiring.plan(job_name_prefix=prefix)
    rule = await eventbridge.describe_rule(Name=wiring.rule_name)
    await job_finished(eventbridge, f"{prefix}-1")
    await job_finished(eventbridge, f"other-{prefix}")

    async with tk.events(stack["Outputs"][0]["OutputValue"], wait_time=1, idle_timeout=1) as events:
        names = [delivery.event.resource_name async for delivery in events]

    assert json.loads(rule["EventPattern"]) == wiring.event_pattern()
    assert names == [f"{prefix}-1"]
