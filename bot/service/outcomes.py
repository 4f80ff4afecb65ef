"""What a use case ends in: typed outcomes that listeners render with `bot.views`.

`/task` (`CreateOutcome`): every outcome keeps `command`, the text the rep typed after
`/task`, so whatever comes next ('Open in form', 'Try again', a contact pick) never makes them
type it again. The form (`SaveOutcome`): the listener holds what the rep typed, so outcomes
say only what Reply did. Card buttons (`ActionOutcome`): the task as it is now. A failure is
a `Trouble` in all three (inside `Failed` for `/task`, with the command).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain import Contact, ContactQuery, FieldProblem, Task, TaskDraft
from bot.reply.errors import FieldError

# --------------------------------------------------------------------------------------
# Every use case


@dataclass(frozen=True, slots=True, kw_only=True)
class Trouble:
    """Reply (or the way to it) failed, for `/task`, the form and the card buttons alike.

    `message` is one plain sentence with the next step, `details` extra lines. The two flags
    have no default on purpose: whoever reports a failure says what it means.
    """

    message: str
    details: tuple[str, ...] = ()
    retry_safe: bool
    """Sending the same request again cannot make a second task. False only after a create
    whose answer was lost and whose task taskbot could not find."""
    transient: bool
    """The kind of failure that passes (a rate limit, Reply's 5xx, the network, an unreadable
    answer): the same request may well work later. False for Reply's verdicts (400, 401,
    403, 404, 409), which sending again does not change."""

    @property
    def worth_retrying(self) -> bool:
        """Offer 'Try again': it cannot duplicate a task, and it may work."""
        return self.retry_safe and self.transient


# --------------------------------------------------------------------------------------
# /task


@dataclass(frozen=True, slots=True, kw_only=True)
class Created:
    """The task as Reply stored it (read back with its rendered content when possible)."""

    task: Task
    contact: Contact | None
    note: str | None = None
    """A sentence to show above the card: the task was found after an unclear answer, or
    could not be read back in full."""


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
    """The command's Reply calls failed (`trouble` says how, and whether to offer 'Try
    again'); `command` travels on the error card's buttons."""

    trouble: Trouble
    command: str


CreateOutcome = Created | ChooseContact | ContactNotFound | NeedsForm | Failed


# --------------------------------------------------------------------------------------
# Saving a form (create or edit)


@dataclass(frozen=True, slots=True, kw_only=True)
class Saved:
    """The task as Reply stored it after a form's create or edit."""

    task: Task
    contact: Contact | None
    note: str | None = None
    """A sentence above the card ("Saved your changes.", or what an unclear answer came to)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ContactUnresolved:
    """The contact typed in the form is not exactly one Reply contact: none, or several."""

    query: ContactQuery
    candidates: tuple[Contact, ...] = ()
    total: int | None = None

    @property
    def matches(self) -> int:
        return max(self.total or 0, len(self.candidates))


@dataclass(frozen=True, slots=True, kw_only=True)
class Refused:
    """Reply refused the task (400). `field_errors` point at the fields Reply named (the form
    shows each beside its field); `message` and `details` say it all in sentences."""

    field_errors: tuple[FieldError, ...]
    message: str
    details: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class NotEditable:
    """The edited task is no longer New (done, cancelled…), so Reply refuses changes."""

    task: Task
    contact: Contact | None
    note: str
    """For above its card: what the task's state means ("It was already done…")."""


SaveOutcome = Saved | ContactUnresolved | Refused | NotEditable | Trouble


# --------------------------------------------------------------------------------------
# Card actions


@dataclass(frozen=True, slots=True, kw_only=True)
class Current:
    """A card action's result: the task as Reply has it now, and what happened to it."""

    task: Task
    contact: Contact | None
    note: str | None = None
    """A plain sentence for above the card ("Marked done.", "It was already done…")."""


ActionOutcome = Current | Trouble
