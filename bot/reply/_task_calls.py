"""`ReplyClient`'s task calls (reply-api-v3.md §5): create, read, edit, complete, delete, filter.

A mixin: `ReplyClient` provides the `Sender` (retries, errors) and the dialect; the methods
here say which request each call is and how its answer is read.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from datetime import datetime

from bot.domain import CallResolution, Task, TaskStatus, TaskSummary, TaskType, TaskWrite
from bot.reply import _arguments as check
from bot.reply import models
from bot.reply._sending import Call, Sender
from bot.reply.enums import Dialect
from bot.reply.errors import (
    ReplyError,
    ReplyServerError,
    ReplyTransportError,
    ReplyUnexpectedResponse,
    ReplyValidationError,
    TaskMayHaveBeenCreated,
)

logger = logging.getLogger("bot.reply.client")

# Beta documents 201 for a create; the seed did not say (§10 q2), so 200 is accepted too.
_CREATED = frozenset({200, 201})
# 204 is documented; an API that answers 200 with the archived task has deleted it too.
_DELETED = frozenset({200, 204})


class TaskCalls:
    """The task half of `ReplyClient`; the client sets `_sender` and `_dialect`."""

    _sender: Sender
    _dialect: Dialect

    async def create_task(self, task: TaskWrite) -> Task:
        """`POST /v3/tasks` (§5.1). Checks `task.problems()` first: nothing is sent if any.

        Raises `TaskMayHaveBeenCreated` when the task may have been stored but no usable
        answer came back; the request is never re-sent then (Reply has no idempotency key).
        """
        self._check(task)
        call = Call(
            "create_task",
            "POST",
            "/v3/tasks",
            repeatable=False,
            expected=_CREATED,
            json=models.encode_task_write(task, self._dialect),
        )
        try:
            return await self._sender.fetch(call, models.decode_task)
        except (ReplyServerError, ReplyUnexpectedResponse) as exc:
            raise self._ambiguous_create(task, exc) from exc
        except ReplyTransportError as exc:
            if exc.may_have_reached_reply:
                raise self._ambiguous_create(task, exc) from exc
            raise

    async def get_task(self, task_id: int, *, include_content: bool = True) -> Task:
        """`GET /v3/tasks/{id}` (§5.2); `include_content` asks for the rendered template."""
        call = Call(
            "get_task",
            "GET",
            f"/v3/tasks/{check.positive_id(task_id, 'id')}",
            repeatable=True,
            params={"includeContent": "true"} if include_content else {},
        )
        return await self._sender.fetch(call, models.decode_task)

    async def update_task(self, task_id: int, task: TaskWrite) -> Task:
        """`PUT /v3/tasks/{id}` (§5.8): a full replacement. Only New tasks can be edited
        (400 `task.unknown` otherwise)."""
        path = f"/v3/tasks/{check.positive_id(task_id, 'id')}"
        self._check(task)
        body = models.encode_task_write(task, self._dialect)
        call = Call("update_task", "PUT", path, repeatable=True, json=body)
        return await self._sender.fetch(call, models.decode_task)

    async def complete_task(
        self,
        task_id: int,
        *,
        call_resolution: CallResolution | None = None,
        finish_prospect_in_sequence: bool = False,
    ) -> Task:
        """`POST /v3/tasks/{id}/complete` (§5.5). `call_resolution` is for Call tasks only.
        A finished task answers 409 `task.cannotComplete` (`ReplyConflict`)."""
        call = Call(
            "complete_task",
            "POST",
            f"/v3/tasks/{check.positive_id(task_id, 'id')}/complete",
            repeatable=False,
            json=models.encode_completion(call_resolution, finish_prospect_in_sequence),
        )
        return await self._sender.fetch(call, models.decode_task)

    async def delete_task(self, task_id: int) -> None:
        """`DELETE /v3/tasks/{id}` (§5.7): cancels an open task, archives a finished one.

        Not idempotent, so not repeated once it may have reached Reply: a second DELETE of
        the task the first one cancelled is a 400 `task.unknown`, which would hide that the
        first one worked. The caller reads the task to learn what happened."""
        path = f"/v3/tasks/{check.positive_id(task_id, 'id')}"
        await self._sender.send(
            Call("delete_task", "DELETE", path, repeatable=False, expected=_DELETED)
        )

    def filter_tasks(
        self,
        *,
        status: TaskStatus | None = None,
        task_type: TaskType | None = None,
        contact_id: int | None = None,
        assigned_user_id: int | None = None,
        start_from: datetime | None = None,
        start_to: datetime | None = None,
        overdue: bool | None = None,
        page_size: int = 100,
    ) -> AsyncIterator[TaskSummary]:
        """`POST /v3/tasks/filter` (§5.4), every page (`top`/`skip` until `hasMore` is false).

        `start_from`/`start_to` bound the start time, not the due time; without `start_to`
        Reply leaves out tasks starting more than a year ahead. Arguments are checked now,
        before iteration starts.
        """
        if contact_id is not None:
            check.positive_id(contact_id, "contactId")
        if assigned_user_id is not None:
            check.positive_id(assigned_user_id, "assignedUserId")
        check.aware(start_from, "from")
        check.aware(start_to, "to")
        if start_from is not None and start_to is not None and start_to < start_from:
            raise ReplyValidationError.bad_argument("to", "'to' must not be before 'from'.")
        body = models.encode_task_filter(
            self._dialect,
            status=status,
            task_type=task_type,
            contact_id=contact_id,
            assigned_user_id=assigned_user_id,
            start_from=start_from,
            start_to=start_to,
            overdue=overdue,
        )
        template = Call("filter_tasks", "POST", "/v3/tasks/filter", repeatable=True, json=body)
        return self._sender.pages(
            template, check.page_size(page_size, "top"), models.decode_task_page
        )

    @staticmethod
    def _check(task: TaskWrite) -> None:
        if problems := task.problems():
            raise ReplyValidationError.before_sending(problems)

    def _ambiguous_create(self, task: TaskWrite, cause: ReplyError) -> TaskMayHaveBeenCreated:
        error = TaskMayHaveBeenCreated(task, cause)
        logger.warning("Reply create_task: %s", error.message)
        return error
