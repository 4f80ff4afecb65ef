"""Checking a submitted form: field errors by block id, or a task ready for Reply.

Slack shows field errors only from the view_submission ack (`response_action: "errors"`,
`errors: {block_id: message}`), and only on **input** blocks of the submitted view
(slack-notes §2.3; bolt-python #922, #1092). So every message here is keyed by an input
block's id, and a block the rep cannot see (the view was not rebuilt yet) hands its message to
the type field instead of losing it.

The rules are not restated: dates are read by `read_date` (its refusals already say what was
wrong and what to type), and the task rules are `TaskWrite.problems()` — this module only
rewords a problem when it knows more than the domain does (the times involved, which contact
field is empty), and checks what only the form has: a chosen type, the text lengths the fields
hold.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final, TypeAlias

from bot import ids
from bot.domain import (
    EARLIEST_START,
    Field,
    FieldProblem,
    LinkedInAction,
    TaskType,
    TaskWrite,
)
from bot.fitting import fit_plain
from bot.forms._contact import ContactChoice
from bot.forms._metadata import EditedTask
from bot.forms._values import BODY_LIMIT, SUBJECT_LIMIT, FormValues
from bot.forms._when import instant_text, same_text
from bot.messages import form as words
from bot.parsing.dates import DateContext, Kind, ReadDate, read_date
from bot.reply.errors import FieldError

ERROR_TEXT: Final = 500
"""A field error is a sentence or two; a long one (a proxy's HTML page) is cut here."""


@dataclass(frozen=True, slots=True)
class FormErrors:
    """Answer the submission with `ack(response_action="errors", errors=result.errors)`."""

    errors: dict[str, str]


@dataclass(frozen=True, slots=True)
class ReadyTask:
    """A valid form: everything `TaskWrite` needs except, maybe, the contact's Reply id — a
    typed email, LinkedIn URL or name is found in Reply first (`contact.needs_lookup`)."""

    task_type: TaskType
    start_at: datetime
    due_to: datetime
    body: str
    contact: ContactChoice | None = None
    linkedin_action: LinkedInAction | None = None
    subject: str | None = None

    def write(self, contact_id: int | None = None) -> TaskWrite:
        """The task for Reply; `contact_id` is the contact found for a typed choice."""
        if contact_id is None and self.contact is not None:
            contact_id = self.contact.contact_id
        return TaskWrite(
            task_type=self.task_type,
            start_at=self.start_at,
            due_to=self.due_to,
            body=self.body,
            contact_id=contact_id,
            linkedin_action=self.linkedin_action,
            subject=self.subject,
        )


SubmissionResult: TypeAlias = FormErrors | ReadyTask


def validate_submission(
    form: FormValues, ctx: DateContext, *, editing: EditedTask | None = None
) -> SubmissionResult:
    """Every problem at once, each on its field; or the task to send.

    `editing` (from the form's metadata) keeps a start or due the rep left as the form showed
    it: the task's own instant, even when it is already past (an overdue task's body can be
    fixed without inventing a new due)."""
    found = _Errors(form)
    task_type = form.task_type
    if task_type is None:
        found.add("task_type", words.CHOOSE_TYPE)
    action = form.linkedin_action if task_type is TaskType.LINKEDIN else None
    subject = form.subject.strip() if form.shows_subject else ""
    if len(subject) > SUBJECT_LIMIT:
        found.add("subject", words.too_long("subject", len(subject), SUBJECT_LIMIT))
    body = form.body.strip()
    if len(body) > BODY_LIMIT:
        found.add("body", words.too_long("text", len(body), BODY_LIMIT))
    original_start = editing.start_at if editing else None
    start = _read(form.start_text.strip() or "now", "start", ctx, original_start, found)
    if not form.due_text.strip():
        due = None
        found.add("due_to", words.NO_DUE)
    else:
        due = _read(form.due_text, "due", ctx, editing.due_to if editing else None, found)

    # The task rules, on a provisional task: stand-ins for what is missing, and the problems
    # about a stand-in are left out (they would be about something the rep has not given).
    provisional_start = start or ctx.now
    provisional = TaskWrite(
        task_type=task_type or TaskType.TODO,
        start_at=provisional_start,
        due_to=due or provisional_start + timedelta(days=1),
        body=body,
        contact_id=form.contact.contact_id if form.contact else None,
        linkedin_action=action,
        subject=subject or None,
    )
    unknown: set[Field] = set()
    if start is None:
        unknown |= {"start_at", "due_to"}
    if due is None:
        unknown.add("due_to")
    if task_type is None:
        unknown |= {"contact", "linkedin_action"}
    if form.contact is not None and form.contact.needs_lookup:
        unknown.add("contact")  # found in Reply after this check; it has no id yet
    for problem in provisional.problems():
        if problem.field not in unknown:
            found.add(problem.field, _reworded(problem, form, provisional, ctx))

    if found.errors or task_type is None or start is None or due is None:
        return FormErrors(found.errors)
    return ReadyTask(
        task_type=task_type,
        start_at=start,
        due_to=due,
        body=body,
        contact=form.contact,
        linkedin_action=action,
        subject=subject or None,
    )


def errors_from_reply(
    field_errors: Iterable[FieldError], form: FormValues | None = None
) -> dict[str, str]:
    """Reply's own 400 (`ReplyValidationError.field_errors`, pointers already mapped to
    `TaskWrite` fields) as view_submission errors. What maps to no field the form shows is
    gathered into one message on the body, so nothing Reply said is lost."""
    found = _Errors(form or FormValues())
    general: list[str] = []
    for error in field_errors:
        detail = error.detail.strip()
        if not detail:
            continue
        if error.field is not None:
            found.add(error.field, words.reply_says(detail))
        else:
            general.append(detail.rstrip(".") + ".")
    if general:
        found.add("body", words.reply_refused(" ".join(general)))
    return found.errors


def notices_from(problems: Iterable[FieldProblem]) -> dict[Field, str]:
    """A draft's (or Reply's) problems as the modal's notices, one sentence list per field:
    `task_modal(form, …, notices=notices_from(draft.problems))`."""
    notices: dict[Field, str] = {}
    for problem in problems:
        message = problem.in_form or problem.message
        before = notices.get(problem.field)
        if before is None:
            notices[problem.field] = message
        elif message not in before:
            notices[problem.field] = f"{before} {message}"
    return notices


def contact_errors(choice: ContactChoice, matches: int) -> dict[str, str]:
    """A typed contact that Reply did not find exactly once, as the contact field's error."""
    what = choice.described()
    if matches == 0:
        return {ids.CONTACT_BLOCK: words.contact_not_found(what)}
    return {ids.CONTACT_BLOCK: words.contact_ambiguous(what, matches)}


# --------------------------------------------------------------------------------------


class _Errors:
    """Messages by block id; one block's messages joined; absent blocks redirected."""

    def __init__(self, form: FormValues) -> None:
        self.form = form
        self.errors: dict[str, str] = {}

    def add(self, field: Field, message: str) -> None:
        block = self._visible(ids.FIELD_BLOCKS[field])
        if block != ids.FIELD_BLOCKS[field] and field == "linkedin_action":
            message = words.CHOOSE_LINKEDIN_ACTION_AGAIN
        before = self.errors.get(block)
        text = message if before is None or message in before else f"{before} {message}"
        self.errors[block] = fit_plain(text, ERROR_TEXT)

    def _visible(self, block: str) -> str:
        shown = self.form.shown
        if shown is None or block in shown:
            return block
        for fallback in (ids.TYPE_BLOCK, ids.BODY_BLOCK, *ids.FORM_BLOCKS):
            if fallback in shown:
                return fallback
        return block


def _read(
    text: str, kind: Kind, ctx: DateContext, original: datetime | None, found: _Errors
) -> datetime | None:
    if original is not None and same_text(text, original, ctx.tz):
        return original
    reading = read_date(text, ctx, kind)
    if isinstance(reading, ReadDate):
        return reading.at
    found.add("start_at" if kind == "start" else "due_to", reading.message)
    return None


def _reworded(problem: FieldProblem, form: FormValues, task: TaskWrite, ctx: DateContext) -> str:
    """The domain's sentence, or a fuller one where the form knows the situation."""
    field = problem.field
    if field == "due_to" and task.due_to <= task.start_at:
        return words.due_not_after_start(
            instant_text(task.start_at, ctx.tz), instant_text(task.due_to, ctx.tz)
        )
    if field == "start_at" and task.start_at < EARLIEST_START:
        return words.start_too_early(problem.message)
    if field == "contact" and form.contact is None:
        return words.pick_contact(task.task_type)
    if field == "linkedin_action" and task.linkedin_action is None:
        return words.CHOOSE_LINKEDIN_ACTION
    if field == "body" and not task.body:
        return words.EMPTY_BODY
    return problem.message
