"""What taskbot says about a card button: what happened to the task, and why it did not.

Plain sentences (the views escape them). Each ends with what the rep can do next when there
is something to do (ARCHITECTURE.md rule 5).
"""

from __future__ import annotations

from typing import Final

from bot.domain import CallResolution, TaskStatus
from bot.messages.task import OUTCOME_LABEL

# What a use case was doing (a card button, the form, `/task`), for
# `bot.messages.reply.explain(error, doing=…)`: "taskbot couldn't mark the task done …".
DOING_DONE: Final = "mark the task done"
DOING_CANCEL: Final = "cancel the task"
DOING_SHOW: Final = "get the task"
DOING_SAVE: Final = "save your changes"
DOING_CREATE: Final = "create the task"
DOING_LOOKUP: Final = "look up the contact"

CANCELLED: Final = "Cancelled in Reply."
SAVED: Final = "Saved your changes."


def done(resolution: CallResolution | None) -> str:
    """Above a card just marked done: "Marked done (👍 Positive)."."""
    if resolution is None:
        return "Marked done."
    return f"Marked done ({OUTCOME_LABEL[resolution]})."


_ALREADY: Final[dict[TaskStatus, str]] = {
    TaskStatus.FINISHED: "This task was already done, so nothing changed.",
    TaskStatus.CANCELLED: "This task was already cancelled, so nothing changed.",
    TaskStatus.ARCHIVED: "This task was already archived in Reply, so nothing changed.",
    TaskStatus.SEQUENCE_DETACHED: (
        "This task left its sequence, and Reply no longer lets you change it."
    ),
}


def already(status: TaskStatus) -> str:
    """A button pressed on a task that is no longer open (a second click, a stale card)."""
    return _ALREADY.get(status, "This task is not open any more, so nothing changed.")


# What each button would have done, for someone who may not press it.
_VERB: Final[dict[str, str]] = {
    "done": "mark it done",
    "edit": "edit it",
    "cancel": "cancel it",
    "share": "share it",
    "outcome": "record how the call went",
}


def not_owner(action: str) -> str:
    """Someone other than the task's rep pressed one of its buttons."""
    verb = _VERB.get(action, "change it")
    return (
        f"Only the rep who created this task can {verb}. Ask them, or create your own with /task."
    )
