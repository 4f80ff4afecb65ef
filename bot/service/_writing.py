"""Writing a task to Reply and reading it back: the one create pipeline, shared by `/task`
(`bot.service.core`) and the form (`bot.service.saving`).

    stored = await create_and_read_back(reply, write, contact, clock=clock, sandbox=True)
    # Saved | Trouble; Reply's definite refusals raise ReplyError

A create's answer may be lost after Reply stored the task (a timeout, a dropped connection,
a 5xx, an unreadable 2xx: `TaskMayHaveBeenCreated`), and Reply has no idempotency key
(reply-api-v3.md §5.1), so the task is looked for before anyone is told to try again
(ARCHITECTURE rule 6, `bot.service.reconcile`). The card then shows the task read back with
its rendered content (`GET /v3/tasks/{id}?includeContent=true`, §5.2).
"""

from __future__ import annotations

import logging

from bot.clock import Clock
from bot.domain import Contact, Task, TaskWrite
from bot.messages.outcomes import PARTIAL_READ_BACK
from bot.reply.client import ReplyClient
from bot.reply.errors import ReplyError, TaskMayHaveBeenCreated
from bot.service.outcomes import Saved, Trouble
from bot.service.reconcile import FoundIt, NotSaved, settle_unclear_create

log = logging.getLogger(__name__)


async def create_and_read_back(
    reply: ReplyClient, write: TaskWrite, contact: Contact | None, *, clock: Clock, sandbox: bool
) -> Saved | Trouble:
    """POST `write` (its problems already checked) and read the task back.

    An unclear answer becomes the task found (`Saved`, with a note saying so) or `Trouble`
    (`retry_safe` only when Reply answered with an error and the task is not there). Any
    other `ReplyError` is certain to have stored nothing and propagates, for the caller to
    explain in its own terms (a form shows Reply's 400 on its fields)."""
    sent_at = clock()
    try:
        created = await reply.create_task(write)
    except TaskMayHaveBeenCreated as unclear:
        settled = await settle_unclear_create(
            reply, write, unclear, sent_at=sent_at, sandbox=sandbox
        )
        if isinstance(settled, FoundIt):
            return Saved(task=settled.task, contact=contact, note=settled.note)
        safe = isinstance(settled, NotSaved)
        return Trouble(message=settled.message, retry_safe=safe, transient=True)
    return await read_back(reply, created, contact, note=None)


async def read_back(
    reply: ReplyClient, answer: Task, contact: Contact | None, *, note: str | None
) -> Saved:
    """The task Reply just answered a write with, read again for its rendered content; if
    that read fails, the write's answer (the template as sent), saying so."""
    try:
        task = await reply.get_task(answer.id, include_content=True)
    except ReplyError as error:
        log.warning("task %d was saved but reading it back failed: %s", answer.id, error)
        return Saved(task=answer, contact=contact, note=note or PARTIAL_READ_BACK)
    return Saved(task=task, contact=contact, note=note)
