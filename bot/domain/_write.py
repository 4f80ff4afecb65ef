"""A task as taskbot sends it to Reply, and the rules Reply enforces on it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from bot.domain._aware import require_aware
from bot.domain._kinds import LinkedInAction, TaskType
from bot.templates import unclosed_variable

# Reply rejects startAt before this instant (CreateTask: "on or after 2015-01-01").
EARLIEST_START = datetime(2015, 1, 1, tzinfo=UTC)


Field = Literal["task_type", "linkedin_action", "contact", "start_at", "due_to", "body", "subject"]


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """One thing wrong with a task, tied to the field at fault (the modal shows it there)."""

    field: Field
    message: str
    in_form: str | None = None
    """The sentence for the form, when `message` tells how to fix a command ("start the
    command with a type") and the form's field is the fix; None: `message` fits both."""


@dataclass(frozen=True, slots=True)
class TaskWrite:
    """A complete task as taskbot sends it to Reply on create (POST) and edit (PUT)."""

    task_type: TaskType
    start_at: datetime
    due_to: datetime
    body: str
    contact_id: int | None = None
    linkedin_action: LinkedInAction | None = None
    subject: str | None = None

    def __post_init__(self) -> None:
        require_aware("start_at", self.start_at)
        require_aware("due_to", self.due_to)

    def problems(self) -> list[FieldProblem]:
        """The rules Reply enforces, checked here so the rep hears about a mistake without
        a round trip. Messages are plain sentences; `bot.messages` may reword them."""
        found: list[FieldProblem] = []
        if self.start_at < EARLIEST_START:
            found.append(FieldProblem("start_at", "The start can't be before 1 January 2015."))
        if self.due_to <= self.start_at:
            found.append(FieldProblem("due_to", "The due time must be after the start."))
        if not self.body.strip():
            found.append(FieldProblem("body", "The task needs a description."))
        # Reply renders body and subject as Handlebars, which cannot parse an open `{{`.
        texts: tuple[tuple[Field, str], ...] = (
            ("body", self.body),
            ("subject", self.subject or ""),
        )
        for name, text in texts:
            if (fragment := unclosed_variable(text)) is not None:
                found.append(FieldProblem(name, _unclosed(fragment)))
        if self.task_type.needs_contact and self.contact_id is None:
            found.append(FieldProblem("contact", "Pick the contact this task is for."))
        if self.contact_id is not None and self.contact_id <= 0:
            found.append(FieldProblem("contact", "A Reply contact id is a positive number."))
        if self.task_type is TaskType.LINKEDIN and self.linkedin_action is None:
            found.append(
                FieldProblem(
                    "linkedin_action",
                    "Choose the LinkedIn action: message, connect, InMail or view profile.",
                )
            )
        if self.task_type is not TaskType.LINKEDIN and self.linkedin_action is not None:
            found.append(
                FieldProblem("linkedin_action", "Only LinkedIn tasks have a LinkedIn action.")
            )
        return found


def _unclosed(fragment: str) -> str:
    return (
        f'"{fragment}" has no closing }}}}, so Reply can\'t fill it in. Write a variable as '
        f"{{{{firstName}}}}, or take out the {{{{ if you meant the braces as text."
    )
