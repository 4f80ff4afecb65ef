"""`Sandbox`: one embedded Reply, its ASGI app, its state and its controls."""

from __future__ import annotations

import asyncio
from pathlib import Path
from types import TracebackType

import httpx
from starlette.types import ASGIApp

from bot.clock import Clock, system_clock
from bot.domain import Contact, Whoami
from bot.reply.sandbox.app import build_app
from bot.reply.sandbox.faults import FaultQueue
from bot.reply.sandbox.ratelimit import RateLimiter
from bot.reply.sandbox.recording import RecordedRequest
from bot.reply.sandbox.seed import CONTACTS, demo_whoami
from bot.reply.sandbox.state import SandboxState, Sleep
from bot.reply.sandbox.store import MemoryTaskStore, SqliteTaskStore, TaskStore
from bot.reply.sandbox.transport import SandboxTransport


class Sandbox:
    """An embedded fake of Reply's v3 API. Build it with `Sandbox.create()`.

    Nothing starts until a request arrives: serve `app` with any ASGI server, or give
    `transport()` to an httpx client.
    """

    def __init__(self, state: SandboxState) -> None:
        self._state = state
        self._app = build_app(state)

    @classmethod
    def create(
        cls,
        *,
        db: Path | None = None,
        rate_limit: bool = True,
        latency: float = 0.0,
        clock: Clock = system_clock,
        sleep: Sleep = asyncio.sleep,
    ) -> Sandbox:
        """`db`: keep tasks in this SQLite file (created if missing) instead of memory.
        `latency`: seconds added to every API response, waited with `sleep`.
        `clock`: "now" for timestamps, overdue checks and the rate limit."""
        if latency < 0:
            raise ValueError(f"latency must be 0 or more seconds, not {latency}")
        store: TaskStore = MemoryTaskStore() if db is None else SqliteTaskStore(db)
        limiter = RateLimiter(clock, enabled=rate_limit)
        return cls(
            SandboxState(store=store, clock=clock, sleep=sleep, limiter=limiter, latency=latency)
        )

    @property
    def app(self) -> ASGIApp:
        return self._app

    def transport(self) -> httpx.AsyncBaseTransport:
        """A new in-process transport to this sandbox, for any base URL."""
        return SandboxTransport(self._app)

    @property
    def faults(self) -> FaultQueue:
        return self._state.faults

    @property
    def contacts(self) -> tuple[Contact, ...]:
        return tuple(contact.to_domain() for contact in CONTACTS)

    @property
    def demo_user(self) -> Whoami:
        return demo_whoami()

    @property
    def requests(self) -> tuple[RecordedRequest, ...]:
        """The API requests received, oldest first (the newest 1000)."""
        return self._state.log.entries()

    @property
    def latency(self) -> float:
        return self._state.latency

    @latency.setter
    def latency(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError(f"latency must be 0 or more seconds, not {seconds}")
        self._state.latency = seconds

    @property
    def rate_limit(self) -> bool:
        return self._state.limiter.enabled

    @rate_limit.setter
    def rate_limit(self, enabled: bool) -> None:
        self._state.limiter.enabled = enabled

    def reset(self) -> None:
        """No tasks, faults, recorded requests or rate-limit history (task ids restart)."""
        self._state.reset()

    async def aclose(self) -> None:
        """Close the SQLite file, if any, and stop the template worker thread."""
        self._state.renderer.close()
        self._state.store.close()

    async def __aenter__(self) -> Sandbox:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()
