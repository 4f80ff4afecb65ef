"""Shared pieces for the service tests: a TaskService over the embedded sandbox (in process),
a fixed clock, and drafts as the grammar would produce them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain import ContactQuery, TaskDraft, TaskType
from bot.reply.client import ReplyClient
from bot.reply.retry import RetryPolicy
from bot.reply.sandbox import Sandbox
from bot.service import TaskService
from tests.support.fake_slack import FakeClock
from tests.support.servers import serve_asgi

NOW = datetime(2026, 11, 25, 19, 37, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")
DUE = datetime(2026, 11, 26, 15, 0, tzinfo=BERLIN)
# Retries as the real policy decides them, without the waits.
INSTANT_RETRIES = RetryPolicy(base_delay=0.0, max_delay=0.0, jitter=0.0)


@dataclass
class World:
    sandbox: Sandbox
    reply: ReplyClient
    service: TaskService
    clock: FakeClock


@asynccontextmanager
async def world(*, reply_timeout: float = 10.0, over_http: bool = False) -> AsyncIterator[World]:
    """A service over a fresh sandbox: in process, or `over_http` on 127.0.0.1."""
    clock = FakeClock(NOW)
    async with AsyncExitStack() as stack:
        sandbox = await stack.enter_async_context(Sandbox.create(clock=clock))
        if over_http:
            base_url = await stack.enter_async_context(serve_asgi(sandbox.app, lifespan="off"))
            transport = None
        else:
            base_url, transport = "http://reply-sandbox", sandbox.transport()
        reply = ReplyClient(
            api_key="sandbox-key",
            base_url=base_url,
            transport=transport,
            retry=INSTANT_RETRIES,
            clock=clock,
            timeout=reply_timeout,
        )
        await stack.enter_async_context(reply)
        yield World(sandbox, reply, TaskService(reply, clock=clock, sandbox=True), clock)


JANE_EMAIL = ContactQuery("email", "jane@acme.com")


def draft(
    contact: ContactQuery | None = JANE_EMAIL,
    *,
    task_type: TaskType | None = TaskType.CALL,
    body: str = "Ask about {{company}} pricing",
    start_at: datetime | None = None,
    due_to: datetime | None = DUE,
    **changes: object,
) -> TaskDraft:
    return TaskDraft(
        task_type=task_type,
        contact=contact,
        start_at=start_at or NOW,
        due_to=due_to,
        body=body,
        **changes,  # type: ignore[arg-type]
    )


def tasks_posted(sandbox: Sandbox) -> int:
    return sum(1 for r in sandbox.requests if r.method == "POST" and r.path == "/v3/tasks")


def later(minutes: float) -> timedelta:
    return timedelta(minutes=minutes)
