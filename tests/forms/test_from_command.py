"""'Open in form' after /task: the grammar's draft, in the form, with its problems as notices,
and what the rep then saves."""

from __future__ import annotations

import pytest

from bot import ids
from bot.domain import ContactQuery, TaskType
from bot.forms import (
    ContactChoice,
    FormErrors,
    FormValues,
    ReadyTask,
    notices_from,
    validate_submission,
)
from bot.parsing import parse_command
from bot.views.modal import task_modal
from tests.forms.support import CREATE_META, CTX
from tests.support.block_kit import assert_valid_view


@pytest.mark.parametrize(
    ("command", "task_type", "contact", "start", "due", "body"),
    [
        ("call jane@acme.com tomorrow 3pm Ask about {{company}} pricing", TaskType.CALL,
         ContactQuery("email", "jane@acme.com"), "now", "tomorrow 3pm",
         "Ask about {{company}} pricing"),
        ('mtg "Jane Doe" next Tue 10am Quarterly review', TaskType.MEETING,
         ContactQuery("name", "Jane Doe"), "now", "next Tue 10am", "Quarterly review"),
        ("from Mon 9am to Mon 5pm todo prep", TaskType.TODO, None,
         "Mon 30 November 2026 09:00", "Mon 30 November 2026 17:00", "prep"),
        ("email #12345 EOD Fri Hi {{firstName}}", TaskType.MANUAL_EMAIL,
         ContactQuery("id", "12345"), "now", "EOD Fri", "Hi {{firstName}}"),
    ],
    ids=["headline", "quoted-name", "range", "contact-id"],
)  # fmt: skip
def test_a_complete_command_opens_as_a_form_that_saves_the_same_task(  # noqa: PLR0917 - table
    command: str,
    task_type: TaskType,
    contact: ContactQuery | None,
    start: str,
    due: str,
    body: str,
) -> None:
    parsed = parse_command(command, CTX)
    form = FormValues.from_draft(parsed.draft, CTX)
    assert (form.task_type, form.start_text, form.due_text, form.body) == (
        task_type,
        start,
        due,
        body,
    )
    assert form.contact == (ContactChoice.from_query(contact) if contact else None)
    ready = validate_submission(form, CTX)
    assert isinstance(ready, ReadyTask)
    assert (ready.task_type, ready.due_to, ready.body) == (task_type, parsed.draft.due_to, body)
    if parsed.draft.start_at is not None:
        assert ready.start_at == parsed.draft.start_at


def test_a_command_with_problems_opens_with_them_under_their_fields() -> None:
    parsed = parse_command("li jane@acme.com yesterday hello", CTX)
    form = FormValues.from_draft(parsed.draft, CTX)
    notices = notices_from(parsed.draft.problems)
    assert set(notices) == {"linkedin_action", "due_to"}
    view = task_modal(form, mode="create", metadata=CREATE_META, notices=notices).to_dict()
    assert_valid_view(view)
    shown = [b["block_id"] for b in view["blocks"]]
    for block_id in (ids.LINKEDIN_BLOCK, ids.DUE_BLOCK):
        assert shown[shown.index(block_id) + 1] == ids.notice_block_id(block_id)
    # Saved as is, the same problems come back as field errors, on the same fields.
    result = validate_submission(form, CTX)
    assert isinstance(result, FormErrors)
    assert set(result.errors) == {ids.LINKEDIN_BLOCK, ids.DUE_BLOCK}
    assert "yesterday" in result.errors[ids.DUE_BLOCK]


@pytest.mark.parametrize(
    ("command", "field", "notice"),
    [
        ("cal jane@acme.com tomorrow hi", "task_type",
         "'cal' isn't a task type — did you mean Call? Choose what kind of task this is"),
        ("jane@acme.com tomorrow hi", "task_type", "Choose what kind of task this is"),
        ("li conect jane@acme.com tomorrow hi", "linkedin_action",
         "'conect' isn't a LinkedIn action — did you mean Connect? Choose the LinkedIn action"),
        ("li jane@acme.com tomorrow hi", "linkedin_action", "Choose the LinkedIn action"),
        ("call tomorrow", "contact", "Reply needs a contact for a call. Search for them"),
        ("todo tomorrow", "body", "Describe the task: what should happen"),
        ("email #5 tomorrow subject: Hi there all", "body",
         "The subject took the rest of the command: move the words that belong here out"),
    ],
)  # fmt: skip
def test_a_notice_in_the_form_says_what_to_do_in_the_form(
    command: str, field: str, notice: str
) -> None:
    """The command's fix ("start the command with a type", "write it after the date") is
    not the form's: there the field is the fix."""
    notices = notices_from(parse_command(command, CTX).draft.problems)
    assert notices[field].replace("‘", "'").replace("’", "'").startswith(notice)  # noqa: RUF001
    assert "command with" not in notices[field]
    assert "/task" not in notices[field]
