"""Reply's failures as the service reports them, and the reconciliation of a create whose
answer was lost: found (never created twice), not there after an error (safe to retry), or
unknown (say exactly that). Faults are the sandbox's scripted misbehaviour."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.domain import TaskStatus
from bot.messages import outcomes as words
from bot.messages.reply import reconciled_note
from bot.reply.sandbox import Fault
from bot.service import Created, Failed
from tests.service_support import NOW, draft, later, tasks_posted, world

TASKS = "/v3/tasks"


async def open_tasks(w: object) -> list[int]:
    reply = w.reply  # type: ignore[attr-defined]
    return [t.id async for t in reply.filter_tasks(status=TaskStatus.NEW)]


async def test_a_rate_limited_lookup_says_when_to_retry_and_offers_it() -> None:
    async with world() as w:
        # Longer than the client's max_retry_after (30 s): it stops at once.
        w.sandbox.faults.push(Fault.status(429, retry_after=120, path="/v3/contacts"))
        outcome = await w.service.create(draft(), command="c")
        assert isinstance(outcome, Failed)
        assert "rate limit" in outcome.trouble.message
        assert outcome.trouble.message.endswith("Try again in 2 minutes.")
        assert (outcome.trouble.worth_retrying, outcome.command) == (True, "c")
        assert tasks_posted(w.sandbox) == 0


async def test_a_rate_limited_create_is_safe_to_retry() -> None:
    async with world() as w:
        w.sandbox.faults.push(Fault.status(429, retry_after=45, method="POST", path=TASKS))
        outcome = await w.service.create(draft(), command="c")
        assert isinstance(outcome, Failed)
        assert outcome.trouble.worth_retrying
        assert outcome.trouble.message.endswith("Try again in 45 seconds.")
        assert await open_tasks(w) == []


async def test_a_short_rate_limit_is_waited_out_by_the_client() -> None:
    async with world() as w:
        w.sandbox.faults.push(Fault.status(429, retry_after=0, method="POST", path=TASKS))
        assert isinstance(await w.service.create(draft(), command="c"), Created)


async def test_an_outage_during_the_lookup_is_worth_retrying() -> None:
    async with world() as w:
        w.sandbox.faults.push(Fault.status(503, path="/v3/contacts"), times=3)
        outcome = await w.service.create(draft(), command="c")
        assert isinstance(outcome, Failed)
        assert outcome.trouble.message.startswith(
            "The Reply sandbox had a problem on its side (HTTP 503)"
        )
        assert outcome.trouble.worth_retrying


@pytest.mark.parametrize(
    ("status", "says", "retry"),
    [
        pytest.param(401, "refused taskbot's key", False, id="401"),
        pytest.param(403, "lacks a feature or team membership", False, id="403"),
        pytest.param(404, "couldn't find what taskbot needed to create the task", False, id="404"),
        pytest.param(409, "because of the task's current state", False, id="409"),
        pytest.param(400, "refused to create the task", False, id="400"),
    ],
)
async def test_a_refused_create_is_a_sentence_and_not_retried(
    status: int, says: str, retry: bool
) -> None:
    async with world() as w:
        w.sandbox.faults.push(Fault.status(status, method="POST", path=TASKS))
        outcome = await w.service.create(draft(), command="c")
        assert isinstance(outcome, Failed)
        assert says in outcome.trouble.message
        assert outcome.trouble.worth_retrying is retry
        assert outcome.trouble.retry_safe  # nothing was stored: sending again is harmless
        assert await open_tasks(w) == []


async def test_reply_field_errors_come_back_field_by_field() -> None:
    async with world() as w:
        # Reply itself refuses a contact it does not have (a 400 on /contactId).
        outcome = await w.service.create_for_contact(draft(), 30101, command="c")
        assert isinstance(outcome, Created)
        w.sandbox.faults.push(Fault.status(400, method="POST", path=TASKS))
        refused = await w.service.create(draft(), command="c")
        assert isinstance(refused, Failed)
        assert refused.trouble.message.startswith("The Reply sandbox refused to create the task")


# --------------------------------------------------------------------------------------
# A create whose answer was lost


async def test_a_task_stored_before_the_connection_dropped_is_found_not_duplicated() -> None:
    async with world() as w:
        w.sandbox.faults.push(Fault.drop_after_store(method="POST", path=TASKS))
        outcome = await w.service.create(draft(), command="c")
        assert isinstance(outcome, Created)
        assert outcome.note == reconciled_note(sandbox=True)
        assert outcome.task.content is not None
        assert outcome.task.content.body == "Ask about Acme pricing"
        assert tasks_posted(w.sandbox) == 1
        assert await open_tasks(w) == [outcome.task.id]


async def test_a_create_answered_too_late_is_found() -> None:
    # Over real HTTP: the read timeout is the socket's (the in-process transport has none).
    async with world(reply_timeout=0.2, over_http=True) as w:
        w.sandbox.faults.push(Fault.delay(0.5, method="POST", path=TASKS))
        outcome = await w.service.create(draft(), command="c")
        assert isinstance(outcome, Created)
        assert outcome.note == reconciled_note(sandbox=True)
        assert tasks_posted(w.sandbox) == 1


async def test_a_server_error_that_saved_nothing_is_safe_to_retry() -> None:
    async with world() as w:
        w.sandbox.faults.push(Fault.status(500, method="POST", path=TASKS))
        outcome = await w.service.create(draft(), command="c")
        assert isinstance(outcome, Failed)
        assert outcome.trouble.worth_retrying
        said = outcome.trouble.message
        assert "answered with an error (HTTP 500)" in said
        assert "the task is not in the Reply sandbox (taskbot checked)" in said
        assert tasks_posted(w.sandbox) == 1  # never re-sent by the client


async def test_a_dropped_create_that_is_not_found_is_not_offered_again() -> None:
    async with world() as w:
        w.sandbox.faults.push(Fault.drop(method="POST", path=TASKS))
        outcome = await w.service.create(draft(), command="c")
        assert isinstance(outcome, Failed)
        assert not outcome.trouble.retry_safe
        assert "may still be saving it" in outcome.trouble.message
        assert "before you create it again" in outcome.trouble.message


async def test_when_the_search_fails_too_it_says_it_could_not_check() -> None:
    async with world() as w:
        w.sandbox.faults.push(Fault.drop_after_store(method="POST", path=TASKS))
        w.sandbox.faults.push(Fault.status(503, path="/v3/tasks/filter"), times=3)
        outcome = await w.service.create(draft(), command="c")
        assert isinstance(outcome, Failed)
        assert not outcome.trouble.retry_safe
        assert "couldn't check whether the task was saved" in outcome.trouble.message


async def test_an_identical_task_from_earlier_is_not_mistaken_for_this_one() -> None:
    async with world() as w:
        earlier = await w.service.create(draft(), command="c")
        assert isinstance(earlier, Created)
        w.clock.advance(later(10).total_seconds())
        w.sandbox.faults.push(Fault.status(502, method="POST", path=TASKS))
        outcome = await w.service.create(draft(), command="c")
        assert isinstance(outcome, Failed)
        assert outcome.trouble.worth_retrying  # the only match is the earlier task


async def test_only_a_task_with_the_same_body_counts() -> None:
    async with world() as w:
        other = await w.service.create(draft(body="Something else"), command="c")
        assert isinstance(other, Created)
        w.sandbox.faults.push(Fault.drop(method="POST", path=TASKS))
        outcome = await w.service.create(draft(), command="c")
        assert isinstance(outcome, Failed)


async def test_a_task_that_cannot_be_read_back_is_still_shown() -> None:
    async with world() as w:
        w.sandbox.faults.push(Fault.status(503, method="GET", path="/v3/tasks/{id}"), times=3)
        outcome = await w.service.create(draft(), command="c")
        assert isinstance(outcome, Created)
        assert outcome.note == words.PARTIAL_READ_BACK
        assert outcome.task.template.body == "Ask about {{company}} pricing"


async def test_a_start_in_the_window_but_a_different_due_is_not_ours() -> None:
    async with world() as w:
        other = await w.service.create(replace(draft(), due_to=NOW + later(60)), command="c")
        assert isinstance(other, Created)
        w.sandbox.faults.push(Fault.drop(method="POST", path=TASKS))
        assert isinstance(await w.service.create(draft(), command="c"), Failed)
