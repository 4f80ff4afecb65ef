"""A card never overtakes the ack it replaces. With the embedded sandbox the card is ready in
about a millisecond, often before Bolt has handed its ack to the server; posted then, the
response_url would have nothing to replace and the late "Creating…" line would stay under the
card. Each front door holds the card until its ack has left: here the ack's way out is held
open by the test, and the card must wait for it."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse
from starlette.types import ASGIApp, Message

from bot.app import build_app
from bot.http import create_http_app
from bot.reply.sandbox import Sandbox
from bot.settings import Settings
from bot.socket_mode import AckOrderedHandler
from bot.wiring import Dependencies, open_dependencies
from tests.scenarios.harness import BERLIN_REP, NOW, SECRET, settings_for
from tests.support import slack_payloads as payloads
from tests.support.fake_slack import FakeClock, FakeSlack

COMMAND = "call jane@acme.com tomorrow 3pm Ask about pricing"


@asynccontextmanager
async def lifespan(app: ASGIApp) -> AsyncIterator[None]:
    """Run an ASGI app's lifespan by hand (startup on enter, shutdown on exit)."""
    inbox: asyncio.Queue[Message] = asyncio.Queue()
    outbox: asyncio.Queue[Message] = asyncio.Queue()
    scope = {"type": "lifespan", "asgi": {"version": "3.0"}, "state": {}}
    running = asyncio.create_task(app(scope, inbox.get, outbox.put))  # type: ignore[arg-type]
    await inbox.put({"type": "lifespan.startup"})
    assert (await outbox.get())["type"] == "lifespan.startup.complete"
    try:
        yield
    finally:
        await inbox.put({"type": "lifespan.shutdown"})
        assert (await outbox.get())["type"] == "lifespan.shutdown.complete"
        await running


def http_scope(body: bytes, headers: dict[str, str]) -> dict[str, Any]:
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/slack/events",
        "raw_path": b"/slack/events",
        "query_string": b"",
        "root_path": "",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 3000),
    }


@asynccontextmanager
async def started_http_app(
    fake: FakeSlack, sandbox: Sandbox, clock: FakeClock
) -> AsyncIterator[tuple[ASGIApp, Dependencies]]:
    """taskbot's HTTP app over `sandbox`, its lifespan started, and the dependencies it made."""
    captured: list[Dependencies] = []

    @asynccontextmanager
    async def dependencies(settings: Settings) -> AsyncIterator[Dependencies]:
        async with open_dependencies(settings, sandbox=sandbox, clock=clock) as deps:
            captured.append(deps)
            yield deps

    app = create_http_app(settings_for(fake), dependencies=dependencies)
    async with lifespan(app):
        yield app, captured[0]


async def test_http_holds_the_card_until_the_ack_body_was_sent() -> None:
    clock = FakeClock(NOW)
    fake = FakeSlack(users=[BERLIN_REP], clock=clock)
    async with (
        fake.running(),
        Sandbox.create(clock=clock) as sandbox,
        started_http_app(fake, sandbox, clock) as (app, deps),
    ):
        # Once to warm up (templates, users.info), so the card is ready in milliseconds.
        await post_command(app, fake, asyncio.Event(), open_gate=True)
        assert await deps.background.drain(timeout=5)
        gate = asyncio.Event()
        request, sent = await post_command(app, fake, gate, open_gate=False)
        await sent.wait()
        # The card is ready (the sandbox is in process) but must not be posted yet.
        assert not await deps.background.drain(timeout=0.3)
        assert len(fake.calls_to("response_url")) == 1  # the warm-up's card only
        gate.set()
        await request
        assert await deps.background.drain(timeout=5)
        assert len(fake.calls_to("response_url")) == 2


async def post_command(
    app: ASGIApp, fake: FakeSlack, gate: asyncio.Event, *, open_gate: bool
) -> tuple[asyncio.Task[None], asyncio.Event]:
    """Send a signed /task through the ASGI app; its response body waits for `gate`."""
    fields = payloads.slash_command(fake, user_id=BERLIN_REP.id, text=COMMAND)
    body = payloads.command_body(fields).encode()
    headers = payloads.signed_headers(body.decode(), SECRET, int(time.time()))
    sent = asyncio.Event()
    if open_gate:
        gate.set()

    async def send(message: Message) -> None:
        if message["type"] == "http.response.start":
            assert message["status"] == 200
        if message["type"] == "http.response.body":
            sent.set()
            await gate.wait()  # the ack's bytes are still on their way

    async def receive() -> Message:
        return {"type": "http.request", "body": body, "more_body": False}

    request = asyncio.create_task(app(http_scope(body, headers), receive, send))  # type: ignore[arg-type]
    if open_gate:
        await request
    return request, sent


class GatedSocket:
    """A Socket Mode client whose answers to Slack are held until the test opens the gate."""

    def __init__(self, gate: asyncio.Event, on_send: Callable[[], Awaitable[None]]) -> None:
        self.logger = logging.getLogger("test.socket")
        self.gate = gate
        self.on_send = on_send
        self.sent: list[SocketModeResponse] = []

    async def send_socket_mode_response(self, response: SocketModeResponse) -> None:
        self.sent.append(response)
        await self.on_send()
        await self.gate.wait()


async def test_socket_mode_holds_the_card_until_the_envelope_was_answered() -> None:
    clock = FakeClock(NOW)
    fake = FakeSlack(users=[BERLIN_REP], clock=clock)
    async with fake.running(), Sandbox.create(clock=clock) as sandbox:
        settings = settings_for(fake, SLACK_APP_TOKEN="xapp-test")
        async with open_dependencies(settings, sandbox=sandbox, clock=clock) as deps:
            handler = AckOrderedHandler(build_app(deps, mode="socket"), app_token="xapp-test")
            gate, checked = asyncio.Event(), asyncio.Event()
            held: list[bool] = []

            async def while_held() -> None:
                held.append(not await deps.background.drain(timeout=0.3))
                held.append(fake.calls_to("response_url") == [])
                checked.set()

            client = GatedSocket(gate, while_held)
            fields = payloads.slash_command(fake, user_id=BERLIN_REP.id, text=COMMAND)
            envelope = SocketModeRequest(type="slash_commands", envelope_id="e-1", payload=fields)
            handling = asyncio.create_task(handler.handle(client, envelope))  # type: ignore[arg-type]
            await checked.wait()  # the ack reached the client, and the card had to wait
            assert held == [True, True]
            gate.set()
            await handling
            assert await deps.background.drain(timeout=5)
            [ack] = client.sent
            assert ack.payload is not None
            assert ack.payload["text"] == "⏳ Creating a call task for jane@acme.com…"
            assert len(fake.calls_to("response_url")) == 1
            await handler.client.close()
