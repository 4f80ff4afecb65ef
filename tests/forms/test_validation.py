# ruff: noqa: RUF001 - taskbot quotes what a rep typed with typographic quotes
"""Submitting the form: each mistake on its own input block with what to type instead, Reply's
own 400s mapped back to the fields, and a ready task when all is well."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot import ids
from bot.domain import ContactQuery, FieldProblem, LinkedInAction, TaskType, TaskWrite
from bot.forms import (
    ContactChoice,
    EditedTask,
    FormErrors,
    FormValues,
    ReadyTask,
    contact_errors,
    errors_from_reply,
    instant_text,
    notices_from,
    validate_submission,
)
from bot.reply.errors import FieldError
from tests.forms.support import CTX, EDITED, NOW
from tests.support.task_samples import JANE, NEW_YORK

JANE_CHOICE = ContactChoice.of(JANE)
GOOD = FormValues(
    task_type=TaskType.CALL,
    contact=JANE_CHOICE,
    start_text="now",
    due_text="tomorrow 3pm",
    body="  Ask about {{company}} pricing\n",
)
ALL_INPUTS = frozenset(ids.FORM_BLOCKS) - {ids.LINKEDIN_BLOCK, ids.SUBJECT_BLOCK}


def errors_of(form: FormValues, **kwargs: EditedTask) -> dict[str, str]:
    result = validate_submission(form, CTX, **kwargs)
    assert isinstance(result, FormErrors), result
    for block in result.errors:
        assert block in form.visible_blocks(), f"{block} is not an input block of this form"
    return result.errors


def test_a_good_form_is_a_ready_task() -> None:
    result = validate_submission(GOOD, CTX)
    assert result == ReadyTask(
        task_type=TaskType.CALL,
        start_at=datetime(2026, 11, 25, 14, 37, tzinfo=NEW_YORK),
        due_to=datetime(2026, 11, 26, 15, 0, tzinfo=NEW_YORK),
        body="Ask about {{company}} pricing",
        contact=JANE_CHOICE,
    )
    assert isinstance(result, ReadyTask)
    assert result.write() == TaskWrite(
        task_type=TaskType.CALL,
        start_at=result.start_at,
        due_to=result.due_to,
        body="Ask about {{company}} pricing",
        contact_id=42,
    )


@pytest.mark.parametrize(
    ("changes", "block", "words"),
    [
        ({"task_type": None}, ids.TYPE_BLOCK, "Choose what kind of task this is"),
        ({"contact": None}, ids.CONTACT_BLOCK,
         "Reply needs a contact for a call. Search for them by name, or type their email"),
        ({"task_type": TaskType.SMS, "contact": None}, ids.CONTACT_BLOCK,
         "Reply needs a contact for an SMS."),
        ({"task_type": TaskType.MANUAL_EMAIL, "contact": None}, ids.CONTACT_BLOCK,
         "Reply needs a contact for an email"),
        ({"due_text": ""}, ids.DUE_BLOCK, "Say when the task is due, e.g. ‘tomorrow 3pm’"),
        ({"due_text": "   "}, ids.DUE_BLOCK, "Say when the task is due"),
        ({"due_text": "banana"}, ids.DUE_BLOCK, "can't read ‘banana’ as a date. Try"),
        ({"due_text": "yesterday"}, ids.DUE_BLOCK, "‘yesterday’ is in the past"),
        ({"due_text": "soon"}, ids.DUE_BLOCK, "‘soon’ doesn't say when. Try a day or a time"),
        ({"due_text": "Feb 30"}, ids.DUE_BLOCK, "isn't a real date or time"),
        ({"start_text": "last Monday"}, ids.START_BLOCK, "is in the past"),
        ({"start_text": "whenever"}, ids.START_BLOCK, "doesn't say when"),
        ({"start_text": "Fri 9am", "due_text": "Thu 5pm"}, ids.DUE_BLOCK,
         "The due time (Thu 26 November 2026 17:00) must be after the start "
         "(Fri 27 November 2026 09:00). Move the due later, or the start earlier"),
        ({"start_text": "tomorrow 3pm"}, ids.DUE_BLOCK, "must be after the start"),
        ({"body": ""}, ids.BODY_BLOCK, "Describe the task: what should happen"),
        ({"body": " \n\t "}, ids.BODY_BLOCK, "Describe the task"),
        ({"body": "x" * 3001}, ids.BODY_BLOCK,
         "The text is 3,001 characters long; Reply tasks from Slack take up to 3,000. "
         "Shorten it by 1."),
        ({"task_type": TaskType.MANUAL_EMAIL, "subject": "s" * 250}, ids.SUBJECT_BLOCK,
         "The subject is 250 characters long"),
        ({"task_type": TaskType.LINKEDIN}, ids.LINKEDIN_BLOCK,
         "Choose the LinkedIn action: a message, a connection request, an InMail"),
    ],
    ids=["no-type", "no-contact", "no-contact-sms", "no-contact-email", "no-due", "blank-due",
         "unreadable-due", "past-due", "vague-due", "impossible-due", "past-start", "vague-start",
         "due-before-start", "due-equals-start", "empty-body", "blank-body", "long-body",
         "long-subject", "no-linkedin-action"],
)  # fmt: skip
def test_each_mistake_lands_on_its_field_and_says_what_to_do(
    changes: dict[str, object], block: str, words: str
) -> None:
    errors = errors_of(replace(GOOD, **changes))  # type: ignore[arg-type]
    assert words in errors[block]
    assert len(errors) == 1, errors


def test_every_mistake_is_reported_at_once() -> None:
    form = FormValues(task_type=TaskType.LINKEDIN, start_text="banana", due_text="", body="")
    errors = errors_of(form)
    assert set(errors) == {
        ids.LINKEDIN_BLOCK,
        ids.CONTACT_BLOCK,
        ids.START_BLOCK,
        ids.DUE_BLOCK,
        ids.BODY_BLOCK,
    }


def test_without_a_type_only_what_does_not_depend_on_it_is_checked() -> None:
    errors = errors_of(FormValues(due_text="tomorrow", body=""))
    assert set(errors) == {ids.TYPE_BLOCK, ids.BODY_BLOCK}


def test_a_to_do_needs_no_contact_and_an_empty_start_is_now() -> None:
    result = validate_submission(
        FormValues(task_type=TaskType.TODO, due_text="EOD", body="Forecast"), CTX
    )
    assert isinstance(result, ReadyTask)
    assert result.contact is None
    assert result.start_at == NOW.astimezone(NEW_YORK)
    assert result.write().contact_id is None


def test_fields_the_type_hides_are_not_sent() -> None:
    form = replace(GOOD, linkedin_action=LinkedInAction.INMAIL, subject="s" * 500)
    result = validate_submission(form, CTX)  # a call: no action, no subject, not even too long
    assert isinstance(result, ReadyTask)
    assert (result.linkedin_action, result.subject) == (None, None)


def test_an_inmail_sends_its_subject_trimmed_and_an_empty_one_as_none() -> None:
    inmail = replace(
        GOOD,
        task_type=TaskType.LINKEDIN,
        linkedin_action=LinkedInAction.INMAIL,
        subject="  Hello {{firstName}} ",
    )
    result = validate_submission(inmail, CTX)
    assert isinstance(result, ReadyTask)
    assert (result.linkedin_action, result.subject) == (
        LinkedInAction.INMAIL,
        "Hello {{firstName}}",
    )
    result = validate_submission(replace(inmail, subject="  "), CTX)
    assert isinstance(result, ReadyTask)
    assert result.subject is None


def test_a_typed_contact_is_found_after_validation() -> None:
    typed = ContactChoice(ContactQuery("email", "new@acme.com"), "✉️ Use new@acme.com")
    result = validate_submission(replace(GOOD, contact=typed), CTX)
    assert isinstance(result, ReadyTask)
    assert result.contact is typed
    assert result.contact.needs_lookup
    assert result.write(contact_id=314).contact_id == 314


def test_a_field_the_rep_cannot_see_hands_its_error_to_the_type() -> None:
    # The rep picked LinkedIn and saved before the form was rebuilt with the action field.
    shown = frozenset({ids.TYPE_BLOCK, ids.CONTACT_BLOCK, ids.START_BLOCK, ids.DUE_BLOCK,
                       ids.BODY_BLOCK})  # fmt: skip
    form = replace(GOOD, task_type=TaskType.LINKEDIN, shown=shown)
    result = validate_submission(form, CTX)
    assert isinstance(result, FormErrors)
    assert list(result.errors) == [ids.TYPE_BLOCK]
    assert "pick the type again" in result.errors[ids.TYPE_BLOCK]


def test_two_messages_for_one_block_are_joined() -> None:
    shown = frozenset({ids.TYPE_BLOCK, ids.BODY_BLOCK})
    form = replace(GOOD, task_type=None, due_text="", shown=shown)
    result = validate_submission(form, CTX)
    assert isinstance(result, FormErrors)
    assert "Choose what kind" in result.errors[ids.TYPE_BLOCK]
    assert "Say when the task is due" in result.errors[ids.TYPE_BLOCK]


# --------------------------------------------------------------------------------------
# Editing: times left as the form showed them stay exactly as Reply has them


def test_an_untouched_past_due_is_kept_to_the_second() -> None:
    # EDITED: started 20 November at 09:15:42 UTC, due two hours ago (17:36:43 UTC).
    form = replace(
        GOOD,
        start_text=instant_text(EDITED.start_at, NEW_YORK),
        due_text=" " + instant_text(EDITED.due_to, NEW_YORK).upper(),
    )
    result = validate_submission(form, CTX, editing=EDITED)
    assert isinstance(result, ReadyTask)
    assert (result.start_at, result.due_to) == (EDITED.start_at, EDITED.due_to)
    # The same form without the original: a due in the past is refused.
    assert ids.DUE_BLOCK in errors_of(form)


def test_a_changed_time_is_read_again() -> None:
    form = replace(GOOD, start_text=instant_text(EDITED.start_at, NEW_YORK), due_text="Fri")
    result = validate_submission(form, CTX, editing=EDITED)
    assert isinstance(result, ReadyTask)
    assert result.due_to == datetime(2026, 11, 27, 17, 0, tzinfo=NEW_YORK)
    assert result.start_at == EDITED.start_at


def test_a_start_before_2015_is_refused_with_a_way_out() -> None:
    ancient = EditedTask(
        task_id=1,
        start_at=datetime(2014, 6, 1, 12, 0, tzinfo=UTC),
        due_to=datetime(2026, 12, 1, 12, 0, tzinfo=UTC),
    )
    form = replace(
        GOOD,
        start_text=instant_text(ancient.start_at, NEW_YORK),
        due_text=instant_text(ancient.due_to, NEW_YORK),
    )
    errors = errors_of(form, editing=ancient)
    assert errors == {
        ids.START_BLOCK: "The start can't be before 1 January 2015. Type a later start, e.g. "
        "‘now’ or ‘tomorrow 9am’."
    }


# --------------------------------------------------------------------------------------
# Reply's own 400


def test_reply_s_field_errors_go_back_to_their_fields() -> None:
    errors = errors_from_reply(
        [
            FieldError("/dueTo", "'dueTo' must be after 'startAt'.", "due_to"),
            FieldError("/template/body", "'body' must not be empty.", "body"),
            FieldError("/contactId", "Contact 99 was not found.", "contact"),
        ],
        GOOD,
    )
    assert errors == {
        ids.DUE_BLOCK: "Reply says: 'dueTo' must be after 'startAt'.",
        ids.BODY_BLOCK: "Reply says: 'body' must not be empty.",
        ids.CONTACT_BLOCK: "Reply says: Contact 99 was not found.",
    }


def test_what_reply_said_about_no_field_is_kept_on_the_body() -> None:
    errors = errors_from_reply(
        [
            FieldError("", "The request body is invalid"),
            FieldError("/attachmentIdList", "Attachments cannot be set."),
            FieldError("/template/body", "Too long.", "body"),
            FieldError(None, "  "),
        ],
        GOOD,
    )
    assert errors == {
        ids.BODY_BLOCK: "Reply says: Too long. Reply refused the task: The request body is "
        "invalid. Attachments cannot be set. Change what it names and save again."
    }


def test_reply_s_error_on_a_hidden_field_is_not_lost() -> None:
    form = replace(GOOD, shown=ALL_INPUTS)  # a call: no subject field
    errors = errors_from_reply([FieldError("/template/subject", "Too long", "subject")], form)
    assert errors == {ids.TYPE_BLOCK: "Reply says: Too long"}
    assert errors_from_reply([], form) == {}


def test_a_huge_error_is_cut_to_stay_readable() -> None:
    errors = errors_from_reply([FieldError(None, "<html>" + "x" * 5000)])
    assert len(errors[ids.BODY_BLOCK]) == 500
    assert errors[ids.BODY_BLOCK].endswith("…")


@pytest.mark.parametrize(
    ("choice", "matches", "words"),
    [
        (ContactChoice(ContactQuery("email", "x@y.co"), "x"), 0,
         "No Reply contact has the email x@y.co. Check it, search by name instead"),
        (ContactChoice(ContactQuery("name", "Jane"), "Jane"), 3,
         "3 Reply contacts match “Jane”. Search for the one you mean and pick them."),
        (ContactChoice(ContactQuery("id", "9"), "#9"), 0, "No Reply contact has the id #9."),
    ],
)  # fmt: skip
def test_a_typed_contact_reply_did_not_find_once(
    choice: ContactChoice, matches: int, words: str
) -> None:
    errors = contact_errors(choice, matches)
    assert list(errors) == [ids.CONTACT_BLOCK]
    assert words in errors[ids.CONTACT_BLOCK]


# --------------------------------------------------------------------------------------

_texts = st.text(max_size=60) | st.sampled_from(
    ["now", "tomorrow 3pm", "EOD", "yesterday", "Fri 9am", "in 2 business days", "", "1600"]
)


@settings(max_examples=300, deadline=None)
@given(
    task_type=st.none() | st.sampled_from(TaskType),
    action=st.none() | st.sampled_from(LinkedInAction),
    contact=st.none() | st.just(JANE_CHOICE),
    start=_texts,
    due=_texts,
    subject=st.text(max_size=260),
    body=st.text(max_size=50) | st.just("x" * 3001),
    minutes=st.integers(0, 500_000),
)
def test_any_form_gets_a_task_or_errors_on_its_own_fields(  # noqa: PLR0917 - hypothesis
    task_type: TaskType | None,
    action: LinkedInAction | None,
    contact: ContactChoice | None,
    start: str,
    due: str,
    subject: str,
    body: str,
    minutes: int,
) -> None:
    form = FormValues(task_type, action, contact, start, due, subject, body)
    ctx = replace(CTX, now=NOW + timedelta(minutes=minutes))
    result = validate_submission(form, ctx)
    if isinstance(result, FormErrors):
        assert result.errors
        assert set(result.errors) <= set(form.visible_blocks())
        assert all(message.strip() for message in result.errors.values())
    else:
        write = result.write()
        assert write.problems() == []
        assert write.due_to > write.start_at >= ctx.now.replace(second=0) - timedelta(minutes=1)


def test_problems_known_when_the_form_opens_become_notices_one_per_field() -> None:
    problems = [
        FieldProblem("due_to", "'yesterday' is in the past."),
        FieldProblem("linkedin_action", "Choose the LinkedIn action."),
        FieldProblem("due_to", "Try 'tomorrow 10am'."),
        FieldProblem("due_to", "Try 'tomorrow 10am'."),
    ]
    assert notices_from(problems) == {
        "due_to": "'yesterday' is in the past. Try 'tomorrow 10am'.",
        "linkedin_action": "Choose the LinkedIn action.",
    }
