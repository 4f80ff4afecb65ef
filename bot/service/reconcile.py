"""After an unclear create, look for the task before anyone creates it again.

Reply has no idempotency key (reply-api-v3.md §5.1), so when `create_task` raises
`TaskMayHaveBeenCreated` (a timeout, a connection dropped after sending, a 5xx, an unreadable
2xx) the only safe move is to ask Reply whether the task exists (ARCHITECTURE rule 6).

How a task is recognised as ours: `POST /v3/tasks/filter` for open tasks of the same type and
contact whose start lies within `START_SLACK` of ours (the filter's `from`/`to` bound the start
time, §5.4), then, for each hit with the same due time (to the second) and LinkedIn action,
`GET /v3/tasks/{id}` for what the list does not carry: the same template body and subject, and
a creation time no earlier than `CLOCK_SKEW` before taskbot sent the request — so an identical
task the rep created earlier is not mistaken for this one. If several fit, the newest wins.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.domain import Task, TaskStatus, TaskWrite
from bot.messages.reply import may_have_been_created, not_saved_after_error, reconciled_note
from bot.reply.client import ReplyClient
from bot.reply.errors import ReplyError, ReplyStatusError, TaskMayHaveBeenCreated

log = logging.getLogger(__name__)

START_SLACK = timedelta(minutes=1)
"""Reply may round the start it stores; a minute either side finds it without noise."""

CLOCK_SKEW = timedelta(minutes=5)
"""Reply's clock and ours may disagree; a created time this much before `sent_at` still counts."""

MAX_CANDIDATES = 50
"""Summaries inspected at most (a rep rarely has more open tasks for one contact in 2 minutes)."""


async def find_created_task(
    reply: ReplyClient, write: TaskWrite, *, sent_at: datetime
) -> Task | None:
    """The task `write` created, if Reply has it; None if no task fits. Reply errors propagate
    (the caller then knows nothing more than before)."""
    matches: list[Task] = []
    inspected = 0
    async for summary in reply.filter_tasks(
        status=TaskStatus.NEW,
        task_type=write.task_type,
        contact_id=write.contact_id,
        start_from=write.start_at - START_SLACK,
        start_to=write.start_at + START_SLACK,
    ):
        inspected += 1
        if inspected > MAX_CANDIDATES:
            break
        if not _same_second(summary.due_to, write.due_to):
            continue
        if summary.linkedin_action is not write.linkedin_action:
            continue
        if write.contact_id is None and summary.contact is not None:
            continue
        task = await reply.get_task(summary.id, include_content=True)
        if _is_ours(task, write, sent_at):
            matches.append(task)
    return max(matches, key=lambda t: (t.created_at, t.id), default=None)


def _is_ours(task: Task, write: TaskWrite, sent_at: datetime) -> bool:
    return (
        task.template.body.strip() == write.body.strip()
        and (task.template.subject or None) == (write.subject or None)
        and task.created_at >= sent_at - CLOCK_SKEW
    )


def _same_second(a: datetime, b: datetime) -> bool:
    return abs((a - b).total_seconds()) < 1


# --------------------------------------------------------------------------------------
# What an unclear create comes to, in words (shared by `/task` and the form)


@dataclass(frozen=True, slots=True)
class FoundIt:
    """The task was stored although Reply's answer was lost; `note` says so."""

    task: Task
    note: str


@dataclass(frozen=True, slots=True)
class NotSaved:
    """Reply answered with an error and the task is not there: creating it again is safe."""

    message: str


@dataclass(frozen=True, slots=True)
class Unknown:
    """No answer, and no task found (yet): creating it again could make a second one."""

    message: str


Settled = FoundIt | NotSaved | Unknown


async def settle_unclear_create(
    reply: ReplyClient,
    write: TaskWrite,
    unclear: TaskMayHaveBeenCreated,
    *,
    sent_at: datetime,
    sandbox: bool,
) -> Settled:
    """Look for the task an unclear create may have stored, and say what is known."""
    cause = unclear.cause
    try:
        found = await find_created_task(reply, write, sent_at=sent_at)
    except ReplyError as error:
        log.warning("could not look for a possibly created task: %s", error)
        return Unknown(may_have_been_created(cause, sandbox=sandbox, searched=False))
    if found is not None:
        log.info("task %d was created although Reply's answer was lost (%s)", found.id, cause)
        return FoundIt(found, reconciled_note(sandbox=sandbox))
    if isinstance(cause, ReplyStatusError):
        # Reply answered (with an error) and the task is not there: nothing was saved.
        return NotSaved(not_saved_after_error(cause, sandbox=sandbox))
    # No answer at all: Reply may still be working on it; a retry could duplicate it.
    return Unknown(may_have_been_created(cause, sandbox=sandbox, searched=True))
