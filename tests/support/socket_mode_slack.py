"""The fake Slack's Socket Mode side: `apps.connections.open` and the WebSocket it hands out,
answering like Slack and refusing what Slack refuses (in the spirit of bolt-python's
tests/adapter_tests/socket_mode/mock_socket_mode_server.py, but async and strict).

    slack = SocketModeSlack(users=[...])
    async with slack.running():
        # the app: apps.connections.open with SLACK_APP_TOKEN (xapp-…) at slack.api_url
        link = await slack.next_link()                 # connected, `hello` sent
        ack = await link.request("slash_commands", fields)
        await link.disconnect("refresh_requested")     # the app must reconnect
        link = await slack.next_link()

Slack's side of the protocol (docs.slack.dev/apis/events-api/using-socket-mode; the messages
and the ack rules are in `tests.support.socket_envelopes`):

- `apps.connections.open` takes an app-level token (`xapp-…`) only: none → `not_authed`, a bot
  or user token → `not_allowed_token_type`, anything else → `invalid_auth`. It answers a
  `ws://…/link/?ticket=…&app_id=…` URL whose ticket is good for one connection.
- On connect Slack sends `hello`; then envelopes `{"envelope_id", "type", "payload",
  "accepts_response_payload"}`, each answered by the app with `{"envelope_id", "payload"?}`.
- `disconnect` says Slack is about to close the connection: `warning` (in a few seconds),
  `refresh_requested` (move to a new URL from `apps.connections.open`), `link_disabled`
  (Socket Mode was turned off). slack_sdk's client reconnects whatever the reason.
- Ping/pong frames are RFC 6455 control frames that uvicorn answers below ASGI; slack_sdk's
  aiohttp client pings every `ping_interval` and reconnects after four silent intervals.

Strict: an answer that is not JSON, names no envelope or an unknown one, answers one twice, or
carries a payload the envelope does not accept is a protocol problem. It fails the test that
awaits that ack and, in any case, `running()` on exit. So does a connection with an unknown or
used ticket. An ack's payload for a slash command is what the rep sees (the message its
response_url replaces), so it is checked against Block Kit like any message.

An ack may arrive over any open connection of the app (slack_sdk answers over its current
one, which after a reconnect is not the one the envelope came on).
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator, Callable, Iterable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Self

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket

from bot.console.slack_standin import Call, SlackError
from bot.console.slack_standin._requests import read_params
from tests.support import socket_envelopes as envelopes
from tests.support.fake_slack import DEFAULT_SCOPES, FakeSlack, SlackUser
from tests.support.socket_envelopes import Ack, DisconnectReason, Envelope, EnvelopeType

CONNECTIONS_OPEN = "apps.connections.open"
LINK_PATH = "/link/"
ACK_WAIT = 5.0
"""Seconds a test waits for an ack before failing (a bound on a failure, not a wait)."""


class SocketLink:
    """One WebSocket connection of the app, seen from Slack's side."""

    def __init__(self, slack: SocketModeSlack, websocket: WebSocket, number: int) -> None:
        self._slack = slack
        self._websocket = websocket
        self.number = number
        """1 for the app's first connection, 2 after its first reconnect, …"""
        self.closed = asyncio.Event()
        """Set once the connection is gone (the app closed it, or the server stopped)."""
        self.close_code: int | None = None
        """The WebSocket close code once closed: 1000 when the app said goodbye, 1006 when
        the connection just vanished (RFC 6455 §7.4.1)."""
        self.dropped = False
        """Slack closed it (`drop`), not the app."""

    async def push(
        self,
        kind: EnvelopeType,
        payload: Mapping[str, Any],
        *,
        accepts_response_payload: bool | None = None,
    ) -> str:
        """Send an envelope and return its id (`SocketModeSlack.ack_for` awaits its ack).
        By default a slash command, a block_suggestion and a view_submission accept a
        payload in the ack; block_actions and shortcuts do not."""
        sent = envelopes.envelope(kind, payload, accepts_response_payload=accepts_response_payload)
        self._slack.expect_ack(sent)
        await self._websocket.send_text(json.dumps(sent.message))
        return sent.id

    async def request(
        self,
        kind: EnvelopeType,
        payload: Mapping[str, Any],
        *,
        accepts_response_payload: bool | None = None,
    ) -> Ack:
        """Send an envelope and await the app's ack."""
        envelope_id = await self.push(
            kind, payload, accepts_response_payload=accepts_response_payload
        )
        return await self._slack.ack_for(envelope_id)

    async def disconnect(self, reason: DisconnectReason = "refresh_requested") -> None:
        """Slack's `disconnect` message; the connection stays open for the app to leave."""
        await self._websocket.send_text(json.dumps(envelopes.disconnect(reason)))

    async def drop(self, code: int = 1001) -> None:
        """Close the connection from Slack's side, without a `disconnect` message first."""
        self.dropped = True
        await self._websocket.close(code)


@dataclass
class Held:
    """A Web API method held by `SocketModeSlack.hold`."""

    arrived: asyncio.Event = field(default_factory=asyncio.Event)
    """Set when a call came in and is waiting."""
    released: asyncio.Event = field(default_factory=asyncio.Event)

    def release(self) -> None:
        self.released.set()


class SocketModeSlack(FakeSlack):
    """`FakeSlack` with `apps.connections.open` and the Socket Mode WebSocket."""

    def __init__(
        self,
        *,
        users: Iterable[SlackUser] = (),
        scopes: Iterable[str] = DEFAULT_SCOPES,
        clock: Callable[[], datetime] | None = None,
        **ids: str,
    ) -> None:
        super().__init__(users=users, scopes=scopes, clock=clock, **ids)
        self.links: list[SocketLink] = []
        self.socket_problems: list[str] = []
        self._tickets: set[str] = set()
        self._envelopes: dict[str, Envelope] = {}
        self._links_seen = 0
        self._held: dict[str, Held] = {}
        self.app.router.routes[:0] = [
            Route(f"/api/{CONNECTIONS_OPEN}", self._connections_open, methods=["GET", "POST"]),
            WebSocketRoute(LINK_PATH, self._link),
        ]

    @asynccontextmanager
    async def running(self) -> AsyncIterator[Self]:
        """Serve while the block runs; fail afterwards if the app broke the protocol."""
        async with super().running():
            yield self
        if self.socket_problems:
            raise AssertionError(
                "Socket Mode protocol problems: " + "; ".join(self.socket_problems)
            )

    # ---------------------------------------------------------------- for tests

    async def next_link(self, timeout: float = ACK_WAIT) -> SocketLink:  # noqa: ASYNC109 - a failure bound
        """The app's next connection (after those already returned), once `hello` is sent."""
        wanted = self._links_seen + 1
        await self._wait(lambda: len(self.links) >= wanted, timeout, f"connection #{wanted}")
        self._links_seen = wanted
        return self.links[wanted - 1]

    async def ack_for(self, envelope_id: str, timeout: float = ACK_WAIT) -> Ack:  # noqa: ASYNC109
        """The app's ack of an envelope sent with `SocketLink.push`."""
        envelope = self._envelopes[envelope_id]
        try:
            return await asyncio.wait_for(asyncio.shield(envelope.answered), timeout)
        except TimeoutError:
            raise AssertionError(
                f"no ack of the {envelope.kind} envelope {envelope_id} within {timeout}s"
            ) from None

    def expect_ack(self, sent: Envelope) -> None:
        """Note an envelope about to be sent, so its ack is recognised."""
        self._envelopes[sent.id] = sent

    def hold(self, method: str) -> Held:
        """Keep the next calls of a Web API method waiting until `Held.release` (e.g. Slack
        slow to answer users.info while taskbot is asked to stop)."""
        held = self._held[method] = Held()
        return held

    def take_problems(self) -> list[str]:
        """The protocol problems seen so far, which then no longer fail `running()` (for a
        test that expects them)."""
        taken, self.socket_problems = self.socket_problems, []
        return taken

    @property
    def unanswered(self) -> list[str]:
        """Envelopes sent and never acked."""
        return [eid for eid, env in self._envelopes.items() if not env.answered.done()]

    # ---------------------------------------------------------------- HTTP and WebSocket

    async def _wait(self, ready: Any, timeout: float, what: str) -> None:  # noqa: ASYNC109
        async def until() -> None:
            async with self._changed:
                await self._changed.wait_for(ready)

        try:
            await asyncio.wait_for(until(), timeout)
        except TimeoutError:
            opened = len(self.calls_to(CONNECTIONS_OPEN))
            raise AssertionError(
                f"no {what} within {timeout}s ({opened} {CONNECTIONS_OPEN} call(s), "
                f"{len(self.links)} connection(s); problems: {self.socket_problems or 'none'})"
            ) from None

    async def _api(self, request: Request) -> JSONResponse:
        held = self._held.get(request.path_params["method"])
        if held is not None:
            held.arrived.set()
            await held.released.wait()
        return await super()._api(request)

    async def _connections_open(self, request: Request) -> JSONResponse:
        params = await read_params(request)
        headers = {k.lower(): v for k, v in request.headers.items()}
        status, extra_headers = 200, {}
        try:
            self._authorize_app_token(headers, params)
            failure = self._scripted_failure(CONNECTIONS_OPEN)
            if failure is not None:
                status = failure.status
                if failure.retry_after is not None:
                    extra_headers["Retry-After"] = str(failure.retry_after)
                raise SlackError(failure.error)
            ticket = str(uuid.uuid4())
            self._tickets.add(ticket)
            ws_base = "ws://" + self.url.removeprefix("http://")
            url = f"{ws_base}{LINK_PATH}?ticket={ticket}&app_id={self.app_id}"
            answer: dict[str, Any] = {"ok": True, "url": url}
        except SlackError as error:
            answer = {"ok": False, "error": error.error, **error.extra}
        await self._record(Call(CONNECTIONS_OPEN, params, headers, answer, status))
        return JSONResponse(answer, status_code=status, headers=extra_headers)

    @staticmethod
    def _authorize_app_token(headers: Mapping[str, str], params: Mapping[str, Any]) -> None:
        auth = headers.get("authorization", "")
        token = auth.removeprefix("Bearer ") if auth.startswith("Bearer ") else params.get("token")
        if not token:
            raise SlackError("not_authed")
        if str(token).startswith(("xoxb-", "xoxp-")):
            raise SlackError("not_allowed_token_type")
        if not str(token).startswith("xapp-") or len(str(token)) <= len("xapp-"):
            raise SlackError("invalid_auth")

    async def _link(self, websocket: WebSocket) -> None:
        ticket = websocket.query_params.get("ticket", "")
        if ticket not in self._tickets:
            self._problem(f"a connection with an unknown or used ticket {ticket!r}")
            await websocket.close(code=1008)  # before accept: the handshake gets HTTP 403
            return
        self._tickets.discard(ticket)
        await websocket.accept()
        link = SocketLink(self, websocket, number=len(self.links) + 1)
        connections = 1 + sum(not known.closed.is_set() for known in self.links)
        await websocket.send_text(json.dumps(envelopes.hello(self.app_id, connections)))
        async with self._changed:
            self.links.append(link)
            self._changed.notify_all()
        try:
            while True:
                message = await websocket.receive()
                if message["type"] == "websocket.disconnect":
                    link.close_code = message.get("code")
                    break
                self._answer(link, message.get("text"))
        finally:
            link.closed.set()
            async with self._changed:
                self._changed.notify_all()

    def _answer(self, link: SocketLink, text: str | None) -> None:
        """Take an ack from the app, or record why Slack would not."""
        if text is None:
            self._problem(f"a binary frame on connection #{link.number}; Slack expects JSON text")
            return
        try:
            message = json.loads(text)
        except json.JSONDecodeError:
            self._problem(f"not JSON on connection #{link.number}: {text[:200]!r}")
            return
        envelope_id = message.get("envelope_id") if isinstance(message, dict) else None
        envelope = self._envelopes.get(envelope_id) if isinstance(envelope_id, str) else None
        if envelope is None:
            self._problem(f"an answer to no envelope sent: {text[:200]!r}")
            return
        problem = envelopes.ack_problem(envelope, message)
        if problem:
            self._problem(problem)
            if not envelope.answered.done():
                envelope.answered.set_exception(AssertionError(problem))
                envelope.answered.exception()  # retrieved: `running()` reports it if no one awaits
            return
        payload = message.get("payload")
        envelope.answered.set_result(Ack(envelope.id, payload, link.number))
        fields = envelope.message["payload"]
        if envelope.kind == "slash_commands" and payload is not None:
            # The ack's message is what the rep sees until the response_url replaces it.
            self.show_original(fields["response_url"], payload)

    def _problem(self, problem: str) -> None:
        self.socket_problems.append(problem)
