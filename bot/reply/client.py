"""`ReplyClient`: the asynchronous client for Reply API v3 tasks and contacts.

One client per process, shared by every request (it holds httpx's connection pool);
`bot.wiring` builds it from the settings:

    async with ReplyClient(api_key=key, base_url=settings.reply_api_base_url) as reply:
        task = await reply.create_task(write)
        async for summary in reply.filter_tasks(status=TaskStatus.NEW, assigned_user_id=me):
            ...

Every failure is a `ReplyError` (see `bot.reply.errors`); retries follow the `RetryPolicy`.
Paths and rules cite reply-api-v3.md (sections as §n). This module builds the client (its
httpx pool, auth and `Sender`); the calls are in `_task_calls` (§5) and `_contact_calls` (§6, §7).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Self

import httpx

from bot import __version__
from bot.clock import Clock, system_clock
from bot.reply._contact_calls import CONTACTS_FILTER_PATH, ContactCalls
from bot.reply._headers import ApiKeyAuth, RateLimit
from bot.reply._pools import SpreadTransport
from bot.reply._sending import Sender
from bot.reply._task_calls import TaskCalls
from bot.reply.enums import Dialect
from bot.reply.retry import RetryPolicy

__all__ = ["CONTACTS_FILTER_PATH", "SANDBOX_KEY", "ReplyClient"]

# A sandbox accepts any non-empty key (`bot.wiring` sends this one to it). Not a
# plain word: the client scrubs its key out of every message, and scrubbing "sandbox" would
# turn the sandbox's own wording ("the Reply sandbox's fault queue") into "[redacted]".
SANDBOX_KEY = "taskbot-embedded-sandbox-key"


class ReplyClient(TaskCalls, ContactCalls):
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
