"""The outer layer of the Reply API: record each request, add latency, play scripted faults.

It wraps every route except the `/_sandbox` control routes. See `faults.py` for what each
fault does. A dropped connection has to look like one to the client:

* over a real socket (uvicorn) the answer starts (a status line and a `Content-Length: 1`
  header) and the app returns without the promised byte; uvicorn then closes the
  connection, and httpx raises `RemoteProtocolError`, as it would for a server that died
  mid-answer;
* in process (`SandboxTransport`, which marks the ASGI scope) `ConnectionDropped` is raised
  and the transport turns it into the `httpx.RemoteProtocolError` a real drop would give.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.reply.enums import Dialect
from bot.reply.sandbox.auth import dialect_of
from bot.reply.sandbox.faults import Fault
from bot.reply.sandbox.problems import Problem, scripted_kind
from bot.reply.sandbox.recording import RecordedRequest
from bot.reply.sandbox.state import SandboxState

IN_PROCESS = "taskbot.sandbox.in_process"  # scope["extensions"] key set by the transport
CONTROL_PREFIX = "/_sandbox"
_BODY_KEPT = 64 * 1024  # characters of a request body kept in the request log


class ConnectionDropped(Exception):  # noqa: N818 - an event, raised to the in-process transport
    """Raised in process where a real server would drop the connection."""


class SandboxMiddleware:
    def __init__(self, app: ASGIApp, state: SandboxState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(CONTROL_PREFIX):
            await self.app(scope, receive, send)
            return
        state = self.state
        body = await _read_body(receive)
        entry = RecordedRequest(
            at=state.clock(),
            method=scope["method"],
            path=scope["path"],
            query=scope["query_string"].decode("latin-1"),
            dialect=dialect_of(Headers(scope=scope)),
            body=body.decode("utf-8", "replace")[:_BODY_KEPT],
        )
        state.log.add(entry)
        replay = _replay(body, receive)

        async def recording_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                entry.status = message["status"]
            await send(message)

        if state.latency > 0:
            await state.sleep(state.latency)
        fault = state.faults.take(scope["method"], scope["path"])
        if fault is None:
            await self.app(scope, replay, recording_send)
            return
        entry.fault = str(fault.describe()["kind"])
        await self._play(fault, scope, replay, recording_send, send)

    async def _play(
        self, fault: Fault, scope: Scope, receive: Receive, send: Send, raw_send: Send
    ) -> None:
        if fault.kind == "status":
            await _status_response(fault, scope)(scope, receive, send)
        elif fault.kind == "delay":
            held: list[Message] = []

            async def hold(message: Message) -> None:
                held.append(message)

            await self.app(scope, receive, hold)
            await self.state.sleep(fault.seconds)
            for message in held:
                await send(message)
        else:
            if fault.kind == "drop_after_store":

                async def discard(message: Message) -> None:
                    pass

                await self.app(scope, receive, discard)
            await _drop(scope, raw_send)


def _status_response(fault: Fault, scope: Scope) -> Any:
    status = fault.status_code or 500
    headers = {}
    if status == 429:
        # Reply's documented 429 detail (§3).
        wait = f" Retry after {fault.retry_after} seconds." if fault.retry_after is not None else ""
        detail = f"Rate limit exceeded.{wait}"
    else:
        detail = f"Scripted {status} from the Reply sandbox's fault queue."
    if fault.retry_after is not None:
        headers["Retry-After"] = str(fault.retry_after)
    problem = Problem(scripted_kind(status, scope["path"]), detail, headers=headers)
    return problem.response(dialect_of(Headers(scope=scope)) or Dialect.BETA)


async def _drop(scope: Scope, send: Send) -> None:
    extensions: MutableMapping[str, Any] = scope.get("extensions") or {}
    if extensions.get(IN_PROCESS):
        raise ConnectionDropped
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"application/json"), (b"content-length", b"1")],
        }
    )
    # Returning now, with the promised byte unsent, makes the server close the connection.


async def _read_body(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
