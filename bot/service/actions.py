"""What a task card's buttons do in Reply: show the task as it is, complete it, cancel it.

    outcome = await actions.show(task_id)                         # Current | Trouble
    outcome = await actions.current(task_id)      # the same, "already done" if not open
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

Neither change is idempotent in Reply, so neither is sent twice (the client does not repeat
them once they may have arrived). When one fails in a way that may hide a change — its
answer lost after Reply acted, or a refusal because the task changed meanwhile — the task
is read again and shown as it is: "Cancelled in Reply." for a cancel that did land, never
"Reply refused to cancel" for a task taskbot just cancelled.

A finished task's template holds its final content (§5.12), so the card of a completed task
shows that without asking Reply to render it again.
"""

from __future__ import annotations

from dataclasses import replace

from bot.domain import CallResolution, TaskStatus
from bot.messages import actions as words
from bot.reply.client import ReplyClient
from bot.reply.errors import (
    ReplyConflict,
    ReplyError,
    ReplyServerError,
    ReplyTransportError,
    ReplyUnexpectedResponse,
    ReplyValidationError,
)
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

    async def current(self, task_id: int) -> ActionOutcome:
        """The task as it is now, for a button about to change it: a task no longer open
        (a second click, a card out of date) comes with "It was already done…"."""
        shown = await self.show(task_id)
        if isinstance(shown, Current) and not shown.task.status.is_open:
            return replace(shown, note=words.already(shown.task.status))
        return shown

    async def complete(
        self, task_id: int, resolution: CallResolution | None = None
    ) -> ActionOutcome:
        """Mark the task done (`resolution`: how a call went; Call tasks only)."""
        done = words.done(resolution)
        try:
            task = await self._reply.complete_task(task_id, call_resolution=resolution)
        except ReplyError as error:
            return await self._after(error, task_id, TaskStatus.FINISHED, done, words.DOING_DONE)
        contact = await self._directory.contact(task.contact_id)
        return Current(task=task, contact=contact, note=done)

    async def cancel(self, task_id: int) -> ActionOutcome:
        """Cancel the task if it is open; say so if it is not."""
        shown = await self.current(task_id)
        if not isinstance(shown, Current) or not shown.task.status.is_open:
            return shown
        try:
            await self._reply.delete_task(task_id)
        except ReplyError as error:
            cancelled, doing = TaskStatus.CANCELLED, words.DOING_CANCEL
            return await self._after(error, task_id, cancelled, words.CANCELLED, doing)
        cancelled_task = replace(shown.task, status=TaskStatus.CANCELLED)
        return Current(task=cancelled_task, contact=shown.contact, note=words.CANCELLED)

    # ----------------------------------------------------------------------------------

    async def _after(
        self, error: ReplyError, task_id: int, wanted: TaskStatus, note: str, doing: str
    ) -> ActionOutcome:
        """A change failed, but the task may have changed all the same: the answer was lost
        after Reply acted (neither change is sent twice: a second DELETE of a cancelled task
        is Reply's 400 `task.unknown`, a second complete its 409), or Reply refused because
        the task had changed meanwhile (409 `task.cannotComplete`, 400 `task.unknown`). The
        task as Reply has it now decides what the rep reads."""
        acted = _may_have_acted(error)
        if not (acted or isinstance(error, ReplyConflict | ReplyValidationError)):
            return self._trouble(error, doing=doing)
        shown = await self.show(task_id)
        if not isinstance(shown, Current) or shown.task.status.is_open:
            return self._trouble(error, doing=doing)
        if acted and shown.task.status is wanted:
            return replace(shown, note=note)
        return replace(shown, note=words.already(shown.task.status))

    def _trouble(self, error: ReplyError, *, doing: str) -> Trouble:
        return trouble(error, doing=doing, sandbox=self._sandbox)


def _may_have_acted(error: ReplyError) -> bool:
    """Reply may have done what was asked although no usable answer came back."""
    if isinstance(error, ReplyTransportError):
        return error.may_have_reached_reply
    return isinstance(error, ReplyServerError | ReplyUnexpectedResponse)
