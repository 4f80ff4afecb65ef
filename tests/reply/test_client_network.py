"""The client over real sockets on 127.0.0.1: the httpx failure mapping is checked against
what httpx really raises (not what a MockTransport is told to raise), and one exchange
goes over real HTTP end to end.
"""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from bot.domain import TaskType, TaskWrite
from bot.reply import (
    ReplyClient,
    ReplyConnectionError,
    ReplyTimeout,
    RetryPolicy,
    TaskMayHaveBeenCreated,
)
from bot.reply.enums import Dialect
from tests.reply.client_fakes import KEY, Sleeps
from tests.reply.client_payloads import task_json
from tests.support.servers import serve_asgi

NOW = datetime(2025, 6, 2, 9, tzinfo=UTC)
CALL = TaskWrite(TaskType.CALL, NOW, NOW + timedelta(hours=8), "Call Jane", contact_id=12345)
THREE = RetryPolicy(max_attempts=3, random=lambda: 0.0)


class RawServer:
    """A TCP server on 127.0.0.1 that reads whole HTTP requests and then misbehaves:
    `hang_up` closes the connection unanswered, `never_answer` keeps it open in silence."""

    def __init__(self, behaviour: str) -> None:
        self.behaviour = behaviour
        self.requests: list[bytes] = []
        self.handlers: list[asyncio.Task[None]] = []
        self.done = asyncio.Event()  # ends every silent connection

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.handlers.append(asyncio.current_task())  # type: ignore[arg-type]
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            length = next(
                (int(line.split(b":")[1]) for line in head.split(b"\r\n")
                 if line.lower().startswith(b"content-length:")),
                0,
            )  # fmt: skip
            self.requests.append(head + await reader.readexactly(length))
            if self.behaviour == "never_answer":
                await self.done.wait()
        finally:
            writer.close()
            await writer.wait_closed()


@asynccontextmanager
async def raw_server(behaviour: str) -> AsyncIterator[tuple[str, RawServer]]:
    raw = RawServer(behaviour)
    server = await asyncio.start_server(raw.handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}", raw
    finally:
        raw.done.set()
        server.close()
        await server.wait_closed()
        await asyncio.gather(*raw.handlers, return_exceptions=True)


def client(base_url: str, **options: object) -> ReplyClient:
    return ReplyClient(api_key=KEY, base_url=base_url, sleep=Sleeps(), **options)  # type: ignore[arg-type]


def closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_connection_refused_is_never_sent_so_even_a_create_is_retried() -> None:
    sleeps = Sleeps()
    url = f"http://127.0.0.1:{closed_port()}"
    async with ReplyClient(api_key=KEY, base_url=url, retry=THREE, sleep=sleeps) as reply:
        with pytest.raises(ReplyConnectionError) as caught:
            await reply.create_task(CALL)
    assert not caught.value.may_have_reached_reply
    assert "could not connect to Reply (ConnectError" in caught.value.message
    assert sleeps.delays == [0.5, 1.0]  # three attempts


async def test_a_hang_up_after_the_request_makes_a_create_ambiguous() -> None:
    async with raw_server("hang_up") as (url, raw), client(url, retry=THREE) as reply:
        with pytest.raises(TaskMayHaveBeenCreated) as caught:
            await reply.create_task(CALL)
    assert len(raw.requests) == 1  # received once, never re-sent
    assert raw.requests[0].startswith(b"POST /v3/tasks HTTP/1.1\r\n")
    cause = caught.value.cause
    assert isinstance(cause, ReplyConnectionError)
    assert cause.may_have_reached_reply
    assert "(RemoteProtocolError: Server disconnected without sending a response.)" in str(cause)


async def test_a_hang_up_on_a_read_is_retried() -> None:
    async with raw_server("hang_up") as (url, raw), client(url, retry=THREE) as reply:
        with pytest.raises(ReplyConnectionError):
            await reply.get_task(501)
    assert len(raw.requests) == 3


async def test_no_answer_in_time_makes_a_create_ambiguous() -> None:
    async with (
        raw_server("never_answer") as (url, raw),
        client(url, retry=THREE, timeout=0.2) as reply,
    ):
        with pytest.raises(TaskMayHaveBeenCreated) as caught:
            await reply.create_task(CALL)
    assert len(raw.requests) == 1
    assert isinstance(caught.value.cause, ReplyTimeout)
    assert "Reply did not answer within 0.2s (ReadTimeout)" in caught.value.cause.message


async def test_a_create_over_real_http() -> None:
    received: list[tuple[dict[str, str], object]] = []

    async def create(request: Request) -> JSONResponse:
        received.append((dict(request.headers), await request.json()))
        return JSONResponse(task_json(Dialect.BETA), status_code=201)

    app = Starlette(routes=[Route("/v3/tasks", create, methods=["POST"])])
    async with (
        serve_asgi(app) as url,
        ReplyClient(api_key=KEY, base_url=url, dialect=Dialect.BETA) as reply,
    ):
        task = await reply.create_task(CALL)
    assert task.id == 501
    ((headers, body),) = received
    assert headers["authorization"] == f"Bearer {KEY}"
    assert headers["user-agent"].startswith("taskbot/")
    assert body == json.loads(
        '{"taskType": "call", "startAt": "2025-06-02T09:00:00Z",'
        ' "dueTo": "2025-06-02T17:00:00Z", "template": {"body": "Call Jane"}, "contactId": 12345}'
    )
