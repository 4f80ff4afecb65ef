"""`ReplyClient`: the asynchronous client for Reply API v3 tasks and contacts.

One client per process, shared by every request (it holds httpx's connection pool);
`bot.wiring` builds it from the settings:

    async with ReplyClient(api_key=key, base_url=settings.reply_api_base_url) as reply:
        task = await reply.create_task(write)
        async for summary in reply.filter_tasks(status=TaskStatus.NEW, assigned_user_id=me):
            ...

Every failure is a `ReplyError` (see `bot.reply.errors`); retries follow the `RetryPolicy`.
Paths and rules cite reply-api-v3.md (sections as §n).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime
from types import TracebackType
from typing import Self

import httpx

from bot import __version__
from bot.clock import Clock, system_clock
from bot.domain import (
    CallResolution,
    Contact,
    Task,
    TaskStatus,
    TaskSummary,
    TaskType,
    TaskWrite,
    Whoami,
)
from bot.reply import _arguments as check
from bot.reply import models
from bot.reply._headers import ApiKeyAuth, RateLimit
from bot.reply._matching import linkedin_lookup_value, same_email, same_linkedin_profile
from bot.reply._pools import SpreadTransport
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
from bot.reply.retry import RetryPolicy

logger = logging.getLogger("bot.reply.client")

# The seed's contacts-filter page shows `POST https://api.reply.io/v4/contacts/filter`
# (§6.2, §10 q8). Every other seed and beta URL is under /v3, no v4 route appears anywhere
# else, and the beta documents the same body at /v3: a typo. Both dialects use /v3.
CONTACTS_FILTER_PATH = "/v3/contacts/filter"
# A sandbox accepts any non-empty key (`bot.wiring` sends this one to it). Not a
# plain word: the client scrubs its key out of every message, and scrubbing "sandbox" would
# turn the sandbox's own wording ("the Reply sandbox's fault queue") into "[redacted]".
SANDBOX_KEY = "taskbot-embedded-sandbox-key"

# Beta documents 201 for a create; the seed did not say (§10 q2), so 200 is accepted too.
_CREATED = frozenset({200, 201})
# 204 is documented; an API that answers 200 with the archived task has deleted it too.
_DELETED = frozenset({200, 204})


class ReplyClient:
    """Reply API v3 over one pooled `httpx.AsyncClient`. Use `async with`, or `aclose()`."""

    def __init__(
        self,
        *,
        api_key: str,
        base_url: str,
        dialect: Dialect = Dialect.SEED,
        timeout: float = 10.0,
        retry: RetryPolicy | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Clock = system_clock,
    ) -> None:
        if not api_key or not api_key.strip():
            raise ValueError("api_key is empty: set REPLY_API_KEY (Reply → Settings → API Key)")
        if timeout <= 0:
            raise ValueError(f"timeout must be positive seconds, got {timeout}")
        self._dialect = Dialect(dialect)
        self._http = httpx.AsyncClient(
            base_url=base_url,
            auth=ApiKeyAuth(api_key.strip(), self._dialect),
            headers={
                "User-Agent": f"taskbot/{__version__}",
                "Accept": "application/json, application/problem+json",
            },
            timeout=timeout,
            transport=transport,
            # Not httpx's default pool, which falls over with hundreds of calls open
            # (`_pools`). Mounted rather than passed as `transport`, which would make httpx
            # ignore HTTPS_PROXY / NO_PROXY; a proxy from the environment still wins.
            mounts={"all://": SpreadTransport()} if transport is None else None,
            follow_redirects=False,
        )
        self._retry = retry or RetryPolicy()
        self._sender = Sender(
            self._http,
            secret=api_key.strip(),
            dialect=self._dialect,
            policy=self._retry,
            sleep=sleep,
            clock=clock,
        )

    @property
    def dialect(self) -> Dialect:
        return self._dialect

    @property
    def retry(self) -> RetryPolicy:
        return self._retry

    @property
    def base_url(self) -> str:
        return str(self._http.base_url)

    @property
    def rate_limit(self) -> RateLimit | None:
        """Reply's rate-limit headers from the latest answer that had them."""
        return self._sender.rate_limit

    @property
    def is_closed(self) -> bool:
        return self._http.is_closed

    def __repr__(self) -> str:
        return f"ReplyClient(base_url={self.base_url!r}, dialect={self._dialect.value!r})"

    async def __aenter__(self) -> Self:
        await self._http.__aenter__()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self._http.__aexit__(exc_type, exc, traceback)

    async def aclose(self) -> None:
        await self._http.aclose()

    # ----------------------------------------------------------------------------------
    # Tasks (§5)

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

    # ----------------------------------------------------------------------------------
    # Contacts and the caller (§6, §7)

    async def find_contacts_by_email(self, email: str) -> list[Contact]:
        """`GET /v3/contacts?email=` (§6.1), keeping only exact, case-insensitive matches."""
        wanted = check.non_blank(email, "email")
        params = {"email": wanted}
        call = Call("find_contacts_by_email", "GET", "/v3/contacts", repeatable=True, params=params)
        found = self._sender.pages(call, 100, models.decode_contact_page)
        return [contact async for contact in found if same_email(contact.email, wanted)]

    async def find_contacts_by_linkedin(self, url: str) -> list[Contact]:
        """`GET /v3/contacts?linkedIn=` (§6.1), keeping contacts whose profile URL is the
        same once normalised (scheme, `www.`, trailing slash, case; see `_matching`)."""
        wanted = check.profile_url(url, "linkedIn")
        params = {"linkedIn": linkedin_lookup_value(wanted)}
        call = Call(
            "find_contacts_by_linkedin", "GET", "/v3/contacts", repeatable=True, params=params
        )
        found = self._sender.pages(call, 100, models.decode_contact_page)
        return [c async for c in found if same_linkedin_profile(c.linkedin_url, wanted)]

    async def search_contacts(self, text: str, *, limit: int = 25) -> list[Contact]:
        """`POST /v3/contacts/filter {"searchTerm": text}` (§6.2): the first `limit` hits.
        Which fields the term matches is Reply's business (undocumented, §10 q5)."""
        body = models.encode_contact_search(check.non_blank(text, "searchTerm"))
        call = Call(
            "search_contacts",
            "POST",
            CONTACTS_FILTER_PATH,
            repeatable=True,
            params={"top": check.page_size(limit, "top")},
            json=body,
        )
        page = await self._sender.fetch(call, models.decode_contact_page)
        return list(page.items)

    async def get_contact(self, contact_id: int) -> Contact:
        """`GET /v3/contacts/{id}` (§6.3)."""
        path = f"/v3/contacts/{check.positive_id(contact_id, 'id')}"
        call = Call("get_contact", "GET", path, repeatable=True)
        return await self._sender.fetch(call, models.decode_contact)

    async def whoami(self) -> Whoami:
        """`GET /v3/whoami` (§7): who the key acts as; the cheapest check that it works."""
        call = Call("whoami", "GET", "/v3/whoami", repeatable=True)
        return await self._sender.fetch(call, models.decode_whoami)

    # ----------------------------------------------------------------------------------

    @staticmethod
    def _check(task: TaskWrite) -> None:
        if problems := task.problems():
            raise ReplyValidationError.before_sending(problems)

    def _ambiguous_create(self, task: TaskWrite, cause: ReplyError) -> TaskMayHaveBeenCreated:
        error = TaskMayHaveBeenCreated(task, cause)
        logger.warning("Reply create_task: %s", error.message)
        return error
