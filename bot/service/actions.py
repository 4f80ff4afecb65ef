"""What a task card's buttons do in Reply: show the task as it is, complete it, cancel it.

    outcome = await actions.show(task_id)                         # Current | Trouble
    outcome = await actions.complete(task_id, CallResolution.POSITIVE)
    outcome = await actions.cancel(task_id)

A button can be pressed on a card that is out of date (a second click before the card
changed, the same task done in Reply meanwhile), so nothing here assumes the card's state:

* complete: `POST /v3/tasks/{id}/complete` (reply-api-v3.md §5.5); a task that is not open
  answers 409 `task.cannotComplete`, which becomes the task as it is, "already done";
* cancel: the task is read first, because `DELETE` cancels an open task but *archives* a
  finished one (§5.7), which is not what a Cancel button promises; only an open task is
  deleted. Reply answers a delete with no body, so the card shows the task read just before,
  now Cancelled.

A finished task's template holds its final content (§5.12), so the card of a completed task
shows that without asking Reply to render it again.
"""

from __future__ import annotations

from dataclasses import replace

from bot.domain import CallResolution, TaskStatus
from bot.messages import actions as words
from bot.reply.client import ReplyClient
from bot.reply.errors import ReplyConflict, ReplyError
from bot.service._failures import trouble
from bot.service.directory import ContactDirectory
from bot.service.outcomes import ActionOutcome, Current, Trouble


class CardActions:
    def __init__(self, reply: ReplyClient, directory: ContactDirectory, *, sandbox: bool) -> None:
        self._reply = reply
        self._directory = directory
        self._sandbox = sandbox

    async def show(self, task_id: int) -> ActionOutcome:
        """The task as Reply has it now, with its rendered content and its contact."""
        try:
            task = await self._reply.get_task(task_id, include_content=True)
        except ReplyError as error:
            return self._trouble(error, doing=words.DOING_SHOW)
        return Current(task=task, contact=await self._directory.contact(task.contact_id))

    async def complete(
        self, task_id: int, resolution: CallResolution | None = None
    ) -> ActionOutcome:
        """Mark the task done (`resolution`: how a call went; Call tasks only)."""
        try:
            task = await self._reply.complete_task(task_id, call_resolution=resolution)
        except ReplyConflict as conflict:
            return await self._as_it_is(task_id, conflict, doing=words.DOING_DONE)
        except ReplyError as error:
            return self._trouble(error, doing=words.DOING_DONE)
        contact = await self._directory.contact(task.contact_id)
        return Current(task=task, contact=contact, note=words.done(resolution))

    async def cancel(self, task_id: int) -> ActionOutcome:
        """Cancel the task if it is open; say so if it is not."""
        shown = await self.show(task_id)
        if not isinstance(shown, Current):
            return shown
        if not shown.task.status.is_open:
            return replace(shown, note=words.already(shown.task.status))
        try:
            await self._reply.delete_task(task_id)
        except ReplyError as error:
            return self._trouble(error, doing=words.DOING_CANCEL)
        cancelled = replace(shown.task, status=TaskStatus.CANCELLED)
        return Current(task=cancelled, contact=shown.contact, note=words.CANCELLED)

    # ----------------------------------------------------------------------------------

    async def _as_it_is(
        self, task_id: int, conflict: ReplyConflict, *, doing: str
    ) -> ActionOutcome:
        """Reply refused because of the task's state: show that state, if it explains it."""
        shown = await self.show(task_id)
        if isinstance(shown, Current) and not shown.task.status.is_open:
            return replace(shown, note=words.already(shown.task.status))
        return self._trouble(conflict, doing=doing)

    def _trouble(self, error: ReplyError, *, doing: str) -> Trouble:
        return trouble(error, doing=doing, sandbox=self._sandbox)
