"""Shared pieces for the sandbox tests: a settable clock, a sleep that records, clients per
dialect, request bodies in either encoding, and a response-only OpenAPI check."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from bot.reply.enums import Dialect
from bot.reply.sandbox import Sandbox
from tests.support.servers import serve_asgi

START = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
JANE = 30101  # Jane Cooper <jane@acme.com>, Acme
BOB = 30102
OPS = 30104  # ops@initech.io: no name, no phone
PRIYA = 30106  # LinkedIn only


class FakeClock:
    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


class RecordingSleep:
    """Stands in for asyncio.sleep: returns at once and remembers every delay asked for."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


def auth(dialect: Dialect, key: str = "test-key") -> dict[str, str]:
    if dialect is Dialect.SEED:
        return {"X-API-Key": key}
    return {"Authorization": f"Bearer {key}"}


@asynccontextmanager
async def client(
    sandbox: Sandbox, dialect: Dialect, *, over_http: bool = False, key: str = "test-key"
) -> AsyncIterator[httpx.AsyncClient]:
    """An httpx client to the sandbox, in process or over a real socket on 127.0.0.1."""
    if over_http:
        async with (
            serve_asgi(sandbox.app, lifespan="off") as url,
            httpx.AsyncClient(base_url=url, headers=auth(dialect, key)) as http,
        ):
            yield http
    else:
        async with httpx.AsyncClient(
            transport=sandbox.transport(),
            base_url="http://reply-sandbox",
            headers=auth(dialect, key),
        ) as http:
            yield http


ENUMS = {
    Dialect.SEED: {
        "toDo": 0, "call": 2, "meeting": 4, "linkedIn": 5, "manualEmail": 7, "sms": 8,
        "whatsApp": 9, "new": 0, "finished": 1, "cancelled": 3, "archived": 4,
        "message": 0, "connect": 1, "inMail": 2, "viewProfile": 3, "user": 0,
    },
    Dialect.BETA: {},
}  # fmt: skip


def wire(name: str, dialect: Dialect) -> Any:
    """An enum value (written in beta spelling) in `dialect`'s encoding."""
    return ENUMS[dialect].get(name, name)


def iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


DROP: Any = object()  # task_body(..., field=DROP) leaves the field out


def task_body(dialect: Dialect, **changes: Any) -> dict[str, Any]:
    """A valid create body (a call to Jane tomorrow); `changes` override fields."""
    body: dict[str, Any] = {
        "taskType": "call",
        "startAt": iso(START + timedelta(days=1)),
        "dueTo": iso(START + timedelta(days=1, hours=2)),
        "template": {"body": "Call {{firstName}} about {{company}} pricing"},
        "contactId": JANE,
    }
    body.update(changes)
    for name in ("taskType", "linkedInTaskType"):
        if isinstance(body.get(name), str):
            body[name] = wire(body[name], dialect)
    return {k: v for k, v in body.items() if v is not DROP}
