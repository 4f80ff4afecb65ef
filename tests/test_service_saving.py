"""The form's create and edit against the sandbox: a typed contact found first (never
guessed), Reply's 400 kept field by field, an edit of a finished task, and an unclear create
reconciled instead of sent twice."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.domain import Contact, ContactQuery, TaskStatus, TaskType, TaskWrite
from bot.messages import actions as words
from bot.reply.sandbox import Fault
from bot.service import ContactUnresolved, NotEditable, Refused, Saved, Trouble
from tests.service_support import DUE, NOW, later, tasks_posted, world

TASKS = "/v3/tasks"


def email_to(contact_id: int | None = None, **changes: object) -> TaskWrite:
    write = TaskWrite(
        task_type=TaskType.MANUAL_EMAIL,
        start_at=NOW,
        due_to=DUE,
        body="Hi {{firstName}}, any news?",
        contact_id=contact_id,
        subject="Quick question",
    )
    return replace(write, **changes)  # type: ignore[arg-type]


async def test_a_typed_email_is_found_then_the_task_created_and_read_back() -> None:
    async with world() as w:
        outcome = await w.service.create_task(
            email_to(), contact=ContactQuery("email", "bob@globex.com")
        )
        assert isinstance(outcome, Saved)
        assert outcome.contact is not None
        assert outcome.contact.id == 30102
        assert outcome.task.contact_id == 30102
        assert outcome.task.content is not None
        assert outcome.task.content.body == "Hi Bob, any news?"
        assert outcome.note is None


async def test_a_chosen_contact_needs_no_lookup_and_the_card_gets_its_name() -> None:
    async with world() as w:
        outcome = await w.service.create_task(email_to(30105))
        assert isinstance(outcome, Saved)
        assert outcome.contact is not None
        assert outcome.contact.display_name == "Jane Park"
        assert not [r for r in w.sandbox.requests if r.path == TASKS and r.method == "GET"]


@pytest.mark.parametrize(
    ("query", "matches"),
    [
        pytest.param(ContactQuery("email", "nobody@nowhere.example"), 0, id="none"),
        pytest.param(ContactQuery("name", "Jane"), 2, id="several"),
    ],
)
async def test_a_typed_contact_that_is_not_exactly_one_creates_nothing(
    query: ContactQuery, matches: int
) -> None:
    async with world() as w:
        outcome = await w.service.create_task(email_to(), contact=query)
        assert isinstance(outcome, ContactUnresolved)
        assert (outcome.query, outcome.matches) == (query, matches)
        assert tasks_posted(w.sandbox) == 0


async def test_reply_400_keeps_its_field_pointers() -> None:
    async with world() as w:
        outcome = await w.service.create_task(email_to(99999))  # no such contact
        assert isinstance(outcome, Refused)
        [error] = outcome.field_errors
        assert error.field == "contact"
        assert error.detail.endswith("Contact with ID 99999 not found.")
        assert outcome.message == "The Reply sandbox refused to create the task:"


async def test_a_template_reply_cannot_render_is_refused_with_reply_s_reason() -> None:
    async with world() as w:
        broken = email_to(30101, body="Call {{#if title}}now{{/each}}")
        outcome = await w.service.create_task(broken)
        assert isinstance(outcome, Refused)
        assert "cannot be rendered" in outcome.message
        created = await w.reply.create_task(email_to(30101))
        edited = await w.service.update_task(created.id, broken)  # a business 400 on PUT
        assert isinstance(edited, Refused)
        assert "cannot be rendered" in edited.message
        assert tasks_posted(w.sandbox) == 2


async def test_an_outage_before_anything_was_stored_is_safe_to_send_again() -> None:
    async with world() as w:
        w.sandbox.faults.push(Fault.status(429, retry_after=120, method="POST", path=TASKS))
        outcome = await w.service.create_task(email_to(30101))
        assert isinstance(outcome, Trouble)
        assert outcome.retry_safe
        assert outcome.message.endswith("Try again in 2 minutes.")


async def test_a_create_whose_answer_was_lost_is_found_not_sent_twice() -> None:
    async with world() as w:
        w.sandbox.faults.push(Fault.drop_after_store(method="POST", path=TASKS))
        outcome = await w.service.create_task(email_to(30101))
        assert isinstance(outcome, Saved)
        assert outcome.note is not None
        assert "found it instead of creating it twice" in outcome.note
        assert tasks_posted(w.sandbox) == 1


async def test_a_create_lost_without_a_trace_is_not_safe_to_send_again() -> None:
    async with world() as w:
        w.sandbox.faults.push(Fault.drop(method="POST", path=TASKS))
        outcome = await w.service.create_task(email_to(30101))
        assert isinstance(outcome, Trouble)
        assert not outcome.retry_safe
        assert "before you create it again" in outcome.message


async def test_an_edit_replaces_the_task_and_says_so() -> None:
    async with world() as w:
        created = await w.reply.create_task(email_to(30101))
        changed = email_to(30101, due_to=DUE + later(60), subject="Following up")
        outcome = await w.service.update_task(created.id, changed)
        assert isinstance(outcome, Saved)
        assert outcome.note == words.SAVED
        assert outcome.task.due_to == DUE + later(60)
        assert outcome.task.content is not None
        assert outcome.task.content.subject == "Following up"


async def test_an_edit_may_change_the_contact_to_a_typed_one() -> None:
    async with world() as w:
        created = await w.reply.create_task(email_to(30101))
        query = ContactQuery("email", "mike@oscorp.com")
        outcome = await w.service.update_task(created.id, email_to(30101), contact=query)
        assert isinstance(outcome, Saved)
        assert outcome.task.contact_id == 30103


async def test_an_edit_of_a_task_done_meanwhile_is_not_editable() -> None:
    async with world() as w:
        created = await w.reply.create_task(email_to(30101))
        await w.reply.complete_task(created.id)
        outcome = await w.service.update_task(created.id, email_to(30101))
        assert isinstance(outcome, NotEditable)
        assert outcome.task.status is TaskStatus.FINISHED
        assert outcome.contact is not None
        assert outcome.note == "This task was already done, so nothing changed."


async def test_an_edit_of_a_deleted_task_is_a_sentence() -> None:
    async with world() as w:
        outcome = await w.service.update_task(99999, email_to(30101))
        assert isinstance(outcome, Trouble)
        assert outcome.retry_safe
        assert "couldn't find what taskbot needed to save your changes" in outcome.message


async def test_a_task_saved_but_not_read_back_still_makes_a_card() -> None:
    async with world() as w:
        w.sandbox.faults.push(Fault.status(503, method="GET", path="/v3/tasks/{id}"), times=3)
        outcome = await w.service.create_task(email_to(30101))
        assert isinstance(outcome, Saved)
        assert outcome.note is not None
        assert "couldn't read it back in full" in outcome.note
        assert outcome.task.template.body == "Hi {{firstName}}, any news?"


async def test_looking_up_a_typed_contact_names_them_or_says_why_not() -> None:
    async with world() as w:
        found = await w.service.look_up_contact(ContactQuery("email", "bob@globex.com"))
        assert isinstance(found, Contact)
        assert found.display_name == "Bob Martinez"
        several = await w.service.look_up_contact(ContactQuery("name", "Jane"))
        assert isinstance(several, ContactUnresolved)
        assert several.matches == 2
        none = await w.service.look_up_contact(ContactQuery("id", "99999"))
        assert isinstance(none, ContactUnresolved)
        assert none.matches == 0
        w.sandbox.faults.push(Fault.status(503, path="/v3/contacts"), times=3)
        trouble = await w.service.look_up_contact(ContactQuery("email", "mike@oscorp.com"))
        assert isinstance(trouble, Trouble)
        assert "couldn't look up the contact" in trouble.message
        assert tasks_posted(w.sandbox) == 0
