"""What a use case ends in: typed outcomes that listeners render with `bot.views`.

Every outcome keeps `command`, the text the rep typed after `/task`, so whatever comes next
('Open in form', 'Try again', a contact pick) never makes them type it again.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain import Contact, ContactQuery, FieldProblem, Task, TaskDraft


@dataclass(frozen=True, slots=True, kw_only=True)
class Created:
    """The task as Reply stored it (read back with its rendered content when possible)."""

    task: Task
    contact: Contact | None
    note: str | None = None
    """A sentence to show above the card: the task was found after an unclear answer, or
    could not be read back in full."""
    reconciled: bool = False
    """Reply's answer to the create was lost and taskbot found the task instead."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ChooseContact:
    """Several Reply contacts (or one inexact one) fit what the rep typed: they pick."""

    query: ContactQuery
    candidates: tuple[Contact, ...]
    total: int | None
    """How many matched in all, when Reply says and it is more than `candidates`."""
    command: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ContactNotFound:
    """No Reply contact fits; the rep can continue in the form with everything else kept."""

    query: ContactQuery
    draft: TaskDraft
    command: str


@dataclass(frozen=True, slots=True, kw_only=True)
class NeedsForm:
    """The command is missing something or says something taskbot won't guess at."""

    draft: TaskDraft
    problems: tuple[FieldProblem, ...]
    command: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Failed:
    """Reply (or the way to it) failed. `message` is one plain sentence with the next step;
    `retry` is True only when running the same command again cannot make a second task."""

    message: str
    details: tuple[str, ...] = ()
    retry: bool = False
    command: str


CreateOutcome = Created | ChooseContact | ContactNotFound | NeedsForm | Failed
