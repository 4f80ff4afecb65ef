"""The card buttons' use cases against the sandbox: show, complete (with a call's outcome),
cancel — and what a stale card's second click or Reply's refusal comes to."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from bot.domain import CallResolution, TaskStatus, TaskType, TaskWrite
from bot.messages import actions as words
from bot.reply.enums import CALL_RESOLUTION_CODES
from bot.reply.sandbox import Fault
from bot.service import Current, Trouble
from tests.service_support import DUE, NOW, world


def call_for_jane(**changes: object) -> TaskWrite:
    values: dict[str, object] = {
        "task_type": TaskType.CALL,
        "start_at": NOW,
        "due_to": DUE,
        "body": "Ask about {{company}} pricing",
        "contact_id": 30101,
    }
    values.update(changes)
    return TaskWrite(**values)  # type: ignore[arg-type]


async def test_show_reads_the_task_with_its_rendered_body_and_its_contact() -> None:
    async with world() as w:
        created = await w.reply.create_task(call_for_jane())
        shown = await w.service.show(created.id)
        assert isinstance(shown, Current)
        assert shown.task.content is not None
        assert shown.task.content.body == "Ask about Acme pricing"
        assert shown.contact is not None
        assert shown.contact.display_name == "Jane Cooper"
        assert shown.note is None


async def test_current_says_a_task_no_longer_open_was_already_done() -> None:
    async with world() as w:
        created = await w.reply.create_task(call_for_jane())
        still_open = await w.service.current(created.id)
        assert isinstance(still_open, Current)
        assert still_open.note is None
        await w.reply.complete_task(created.id)
        done = await w.service.current(created.id)
        assert isinstance(done, Current)
        assert done.note == "This task was already done, so nothing changed."


async def test_the_contact_of_a_card_is_asked_for_once_then_remembered() -> None:
    async with world() as w:
        created = await w.reply.create_task(call_for_jane())
        await w.service.show(created.id)
        await w.service.show(created.id)
        lookups = [r for r in w.sandbox.requests if r.path == "/v3/contacts/30101"]
        assert len(lookups) == 1


@pytest.mark.parametrize("resolution", list(CallResolution), ids=lambda r: r.value)
async def test_completing_a_call_sends_how_it_went(resolution: CallResolution) -> None:
    async with world() as w:
        created = await w.reply.create_task(call_for_jane())
        done = await w.service.complete(created.id, resolution)
        assert isinstance(done, Current)
        assert done.task.status is TaskStatus.FINISHED
        assert done.note == words.done(resolution)
        [sent] = [r for r in w.sandbox.requests if r.path.endswith("/complete")]
        assert json.loads(sent.body)["callResolution"] == CALL_RESOLUTION_CODES[resolution]


async def test_completing_twice_says_it_was_already_done_and_changes_nothing() -> None:
    async with world() as w:
        created = await w.reply.create_task(call_for_jane(task_type=TaskType.TODO))
        assert isinstance(await w.service.complete(created.id), Current)
        again = await w.service.complete(created.id)
        assert isinstance(again, Current)
        assert again.note == "This task was already done, so nothing changed."
        assert again.task.status is TaskStatus.FINISHED


async def test_a_conflict_on_a_task_still_open_is_reported_not_hidden() -> None:
    async with world() as w:
        created = await w.reply.create_task(call_for_jane())
        w.sandbox.faults.push(Fault.status(409, path="/v3/tasks/{id}/complete"))
        outcome = await w.service.complete(created.id)
        assert isinstance(outcome, Trouble)
        assert "because of the task's current state" in outcome.message


async def test_cancel_deletes_an_open_task_and_shows_it_cancelled() -> None:
    async with world() as w:
        created = await w.reply.create_task(call_for_jane())
        outcome = await w.service.cancel(created.id)
        assert isinstance(outcome, Current)
        assert (outcome.task.status, outcome.note) == (TaskStatus.CANCELLED, words.CANCELLED)
        assert (await w.reply.get_task(created.id)).status is TaskStatus.CANCELLED


async def test_cancel_never_archives_a_task_that_was_done_meanwhile() -> None:
    async with world() as w:
        created = await w.reply.create_task(call_for_jane())
        await w.reply.complete_task(created.id)
        outcome = await w.service.cancel(created.id)
        assert isinstance(outcome, Current)
        assert outcome.note == "This task was already done, so nothing changed."
        assert not [r for r in w.sandbox.requests if r.method == "DELETE"]
        assert (await w.reply.get_task(created.id)).status is TaskStatus.FINISHED


@pytest.mark.parametrize(
    ("fault", "says"),
    [
        pytest.param(Fault.status(404), "couldn't find what taskbot needed", id="404"),
        pytest.param(Fault.status(403), "lacks a feature or team membership", id="403"),
        pytest.param(Fault.status(429, retry_after=90), "Try again in 2 minutes.", id="429"),
    ],
)
async def test_reply_errors_on_a_button_are_sentences(fault: Fault, says: str) -> None:
    async with world() as w:
        created = await w.reply.create_task(call_for_jane())
        for use_case in (w.service.show, w.service.complete, w.service.cancel):
            w.sandbox.faults.push(fault)
            outcome = await use_case(created.id)
            assert isinstance(outcome, Trouble), use_case
            assert says in outcome.message


async def test_a_task_reply_no_longer_has_is_a_sentence() -> None:
    async with world() as w:
        outcome = await w.service.complete(99999)
        assert isinstance(outcome, Trouble)
        assert outcome.message.startswith("The Reply sandbox couldn't find what taskbot needed")


async def test_a_finished_tasks_card_shows_its_final_text_without_rendering_again() -> None:
    async with world() as w:
        created = await w.reply.create_task(call_for_jane(due_to=NOW + timedelta(hours=2)))
        done = await w.service.complete(created.id, CallResolution.TO_CALL)
        assert isinstance(done, Current)
        assert done.task.template.body == "Ask about Acme pricing"


# --------------------------------------------------------------------------------------
# A change whose answer was lost: what Reply has now decides, never a blind second request


def deletes(w: object) -> int:
    sandbox = w.sandbox  # type: ignore[attr-defined]
    return sum(1 for r in sandbox.requests if r.method == "DELETE")


async def test_a_cancel_whose_answer_was_lost_is_read_back_not_reported_as_refused() -> None:
    async with world() as w:
        created = await w.reply.create_task(call_for_jane())
        # Reply cancels the task, then the connection dies before its answer.
        w.sandbox.faults.push(Fault.drop_after_store(method="DELETE"))
        outcome = await w.service.cancel(created.id)
        assert isinstance(outcome, Current)
        assert (outcome.task.status, outcome.note) == (TaskStatus.CANCELLED, words.CANCELLED)
        # Not sent again: a second DELETE on a cancelled task is Reply's 400 task.unknown.
        assert deletes(w) == 1


async def test_a_cancel_reply_did_not_act_on_is_reported_and_the_task_stays_open() -> None:
    async with world() as w:
        created = await w.reply.create_task(call_for_jane())
        w.sandbox.faults.push(Fault.status(503, method="DELETE"))
        outcome = await w.service.cancel(created.id)
        assert isinstance(outcome, Trouble)
        assert "had a problem on its side (HTTP 503)" in outcome.message
        assert (await w.reply.get_task(created.id)).status is TaskStatus.NEW


async def test_a_cancel_reply_refuses_on_a_task_still_open_is_reported() -> None:
    async with world() as w:
        created = await w.reply.create_task(call_for_jane())
        w.sandbox.faults.push(Fault.status(400, method="DELETE"))
        outcome = await w.service.cancel(created.id)
        assert isinstance(outcome, Trouble)
        assert outcome.message.startswith("The Reply sandbox refused to cancel the task")
        assert (await w.reply.get_task(created.id)).status is TaskStatus.NEW


async def test_a_completion_whose_answer_was_lost_is_read_back_as_done() -> None:
    async with world() as w:
        created = await w.reply.create_task(call_for_jane())
        w.sandbox.faults.push(Fault.drop_after_store(path="/v3/tasks/{id}/complete"))
        outcome = await w.service.complete(created.id, CallResolution.POSITIVE)
        assert isinstance(outcome, Current)
        assert outcome.task.status is TaskStatus.FINISHED
        assert outcome.note == words.done(CallResolution.POSITIVE)
