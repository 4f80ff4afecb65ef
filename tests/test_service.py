"""TaskService against the embedded sandbox: contact resolution, create and read back, the
checks before any Reply call, and a pick finishing a command."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.domain import ContactQuery, FieldProblem, LinkedInAction, TaskStatus, TaskType
from bot.messages import outcomes as words
from bot.reply.sandbox import Fault
from bot.service import ChooseContact, ContactNotFound, Created, NeedsForm
from tests.service_support import DUE, NOW, draft, tasks_posted, world

COMMAND = "call jane@acme.com tomorrow 3pm Ask about {{company}} pricing"


async def test_an_email_contact_becomes_a_task_read_back_with_its_rendered_body() -> None:
    async with world() as w:
        outcome = await w.service.create(draft(), command=COMMAND)
        assert isinstance(outcome, Created)
        task = outcome.task
        assert (task.task_type, task.status, task.due_to) == (TaskType.CALL, TaskStatus.NEW, DUE)
        assert task.content is not None
        assert task.content.body == "Ask about Acme pricing"  # includeContent=true
        assert task.template.body == "Ask about {{company}} pricing"
        assert task.delivery is not None
        assert task.delivery.phone_number == "+14155550132"
        assert outcome.contact is not None
        assert outcome.contact.display_name == "Jane Cooper"
        assert outcome.note is None
        reads = [r for r in w.sandbox.requests if r.method == "GET" and "/v3/tasks/" in r.path]
        assert [r.query for r in reads] == ["includeContent=true"]


@pytest.mark.parametrize(
    ("query", "name"),
    [
        pytest.param(ContactQuery("id", "#30105"), "Jane Park", id="id-with-hash"),
        pytest.param(ContactQuery("id", "30102"), "Bob Martinez", id="id-bare"),
        pytest.param(
            ContactQuery("linkedin", "linkedin.com/in/priya-raman-growth/"),
            "Priya Raman",
            id="linkedin-without-scheme",
        ),
        pytest.param(ContactQuery("name", "jane cooper"), "Jane Cooper", id="exact-name"),
        pytest.param(ContactQuery("name", "Amelie Laurent"), "Amélie Laurent", id="accents"),
        pytest.param(ContactQuery("email", "JANE@ACME.COM"), "Jane Cooper", id="email-case"),
    ],
)
async def test_each_contact_form_resolves_to_one_contact(query: ContactQuery, name: str) -> None:
    async with world() as w:
        outcome = await w.service.create(draft(query), command="…")
        assert isinstance(outcome, Created), outcome
        assert outcome.contact is not None
        assert outcome.contact.display_name == name
        assert outcome.task.contact_id == outcome.contact.id


async def test_a_name_several_contacts_share_asks_to_pick_and_creates_nothing() -> None:
    async with world() as w:
        outcome = await w.service.create(draft(ContactQuery("name", "Jane")), command="cmd")
        assert isinstance(outcome, ChooseContact)
        assert [c.display_name for c in outcome.candidates] == ["Jane Cooper", "Jane Park"]
        assert (outcome.query.value, outcome.command) == ("Jane", "cmd")
        assert tasks_posted(w.sandbox) == 0


async def test_a_single_hit_with_another_name_is_confirmed_not_guessed() -> None:
    # "Priya" is the grammar's kind of guess: one contact matches, but not by its full name.
    async with world() as w:
        outcome = await w.service.create(draft(ContactQuery("name", "Priya")), command="c")
        assert isinstance(outcome, ChooseContact)
        assert [c.display_name for c in outcome.candidates] == ["Priya Raman"]


@pytest.mark.parametrize(
    "query",
    [
        pytest.param(ContactQuery("email", "nobody@acme.com"), id="email"),
        pytest.param(ContactQuery("id", "#999999"), id="id"),
        pytest.param(ContactQuery("id", "#abc"), id="not-an-id"),
        pytest.param(ContactQuery("linkedin", "https://linkedin.com/in/nobody"), id="linkedin"),
        pytest.param(ContactQuery("name", "Zed Zebra"), id="name"),
    ],
)
async def test_no_matching_contact_keeps_the_draft_for_the_form(query: ContactQuery) -> None:
    async with world() as w:
        asked = draft(query)
        outcome = await w.service.create(asked, command="the command")
        assert isinstance(outcome, ContactNotFound)
        assert (outcome.query, outcome.draft, outcome.command) == (query, asked, "the command")
        assert tasks_posted(w.sandbox) == 0


async def test_a_todo_needs_no_contact() -> None:
    async with world() as w:
        todo = draft(None, task_type=TaskType.TODO, body="Prepare the Q4 forecast")
        outcome = await w.service.create(todo, command="todo …")
        assert isinstance(outcome, Created)
        assert (outcome.task.contact_id, outcome.contact) == (None, None)


async def test_a_linkedin_inmail_keeps_its_subject_and_action() -> None:
    async with world() as w:
        inmail = draft(
            ContactQuery("email", "bob@globex.com"),
            task_type=TaskType.LINKEDIN,
            linkedin_action=LinkedInAction.INMAIL,
            subject="Intro",
            body="Hi {{firstName}}",
        )
        outcome = await w.service.create(inmail, command="li inmail …")
        assert isinstance(outcome, Created)
        assert outcome.task.linkedin_action is LinkedInAction.INMAIL
        assert outcome.task.template.subject == "Intro"
        assert outcome.task.content is not None
        assert outcome.task.content.body == "Hi Bob"


async def test_a_start_left_open_means_now() -> None:
    async with world() as w:
        outcome = await w.service.create(replace(draft(), start_at=None), command="c")
        assert isinstance(outcome, Created)
        assert outcome.task.start_at == NOW


async def test_a_pick_finishes_the_command_with_that_contact() -> None:
    async with world() as w:
        outcome = await w.service.create_for_contact(
            draft(ContactQuery("name", "Jane")), 30105, command="call Jane …"
        )
        assert isinstance(outcome, Created)
        assert outcome.task.contact_id == 30105
        assert outcome.contact is not None
        assert outcome.contact.display_name == "Jane Park"


async def test_a_pick_of_a_contact_that_is_gone_says_so() -> None:
    async with world() as w:
        outcome = await w.service.create_for_contact(draft(), 424242, command="c")
        assert isinstance(outcome, ContactNotFound)
        assert outcome.query == ContactQuery("id", "#424242")


# --------------------------------------------------------------------------------------
# Before any Reply call


async def test_the_grammars_problems_stop_the_command_before_reply() -> None:
    problem = FieldProblem("body", "Say what the task is about.")
    async with world() as w:
        asked = draft(body="", problems=(problem,))
        assert w.service.check(asked, command="c") == NeedsForm(
            draft=asked, problems=(problem,), command="c"
        )
        assert isinstance(await w.service.create(asked, command="c"), NeedsForm)
        assert w.sandbox.requests == ()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        pytest.param({"task_type": None}, "task_type", words.MISSING_TYPE, id="no-type"),
        pytest.param({"due_to": None}, "due_to", words.MISSING_DUE, id="no-due"),
        pytest.param({"contact": None}, "contact", words.MISSING_CONTACT, id="no-contact"),
        pytest.param(
            {"due_to": NOW}, "due_to", "The due time must be after the start.", id="due-not-after"
        ),
        pytest.param({"body": "  "}, "body", "The task needs a description.", id="blank-body"),
    ],
)
def test_what_is_missing_is_named_on_its_field(
    changes: dict[str, object], field: str, message: str
) -> None:
    from bot.service import TaskService  # noqa: PLC0415 - no client is used by check()

    service = TaskService(None, clock=lambda: NOW, sandbox=True)  # type: ignore[arg-type]
    needs = service.check(replace(draft(), **changes), command="c")  # type: ignore[arg-type]
    assert needs is not None
    assert [(p.field, p.message) for p in needs.problems] == [(field, message)]


def test_a_clean_draft_passes_the_check() -> None:
    from bot.service import TaskService  # noqa: PLC0415

    service = TaskService(None, clock=lambda: NOW, sandbox=True)  # type: ignore[arg-type]
    assert service.check(draft(), command="c") is None


async def test_a_defaulted_due_is_said_above_the_card() -> None:
    # "call jane@acme.com ASAP ping": no due phrase (ASAP is not a time, x060), so the rep
    # is told what taskbot chose instead of finding out on Monday.
    async with world() as w:
        outcome = await w.service.create(replace(draft(), due_defaulted=True), command="c")
        assert isinstance(outcome, Created)
        assert outcome.note is not None
        assert outcome.note.startswith("No due date given: a call is due at 10:00 on the first")
        assert "Press Edit to change it" in outcome.note


async def test_a_defaulted_due_is_said_beside_any_other_note() -> None:
    # The create's answer was lost and the task found in Reply: both things are said.

    async with world() as w:
        w.sandbox.faults.push(Fault.drop_after_store(method="POST"))
        outcome = await w.service.create(replace(draft(), due_defaulted=True), command="c")
        assert isinstance(outcome, Created)
        assert outcome.note is not None
        found, _, defaulted = outcome.note.partition(" No due date given")
        assert found  # what the reconciliation said comes first…
        assert defaulted  # …then the default, not instead of it
