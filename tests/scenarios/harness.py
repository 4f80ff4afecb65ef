"""taskbot in HTTP mode, as Slack meets it: the real ASGI app (`bot.http`) on 127.0.0.1,
requests signed with Slack's v0 scheme, Web API calls and response_url posts going to the
fake Slack, and Reply being the embedded sandbox (faults scripted per test).

    async with running_taskbot() as bot:
        sent = await bot.command("call jane@acme.com tomorrow 3pm Ask about pricing")
        await bot.settle()
        [card] = bot.fake.messages_at(sent.response_url)
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterable, Mapping
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx

from bot.console.slack_standin.acks import ack_problems
from bot.http import EVENTS_PATH, create_http_app
from bot.reply.sandbox import Sandbox
from bot.settings import Settings
from bot.wiring import Dependencies, open_dependencies
from tests.service_support import INSTANT_RETRIES
from tests.support import slack_payloads as payloads
from tests.support.fake_slack import FakeClock, FakeSlack, SlackUser
from tests.support.servers import serve_asgi

SECRET = "scenario-signing-secret"
NOW = datetime(2026, 11, 25, 19, 37, tzinfo=UTC)  # a Wednesday

BERLIN_REP = SlackUser(
    "U0BERLIN",
    name="ines",
    real_name="Ines Vogel",
    tz="Europe/Berlin",
    tz_label="Central European Time",
    tz_offset=3600,
    locale="de-DE",
)
# Slack can send "tz": null; then the offset is all there is (slack-notes §3.5).
OFFSET_REP = SlackUser(
    "U0OFFSET", name="ravi", real_name="Ravi Rao", tz=None, tz_label="", tz_offset=19800
)
REPS = (BERLIN_REP, OFFSET_REP)


@dataclass(frozen=True)
class Sent:
    """A request taskbot answered: its HTTP response, and (for a command or a click) the
    response_url its later posts go to."""

    response: httpx.Response
    response_url: str | None = None

    @property
    def ack(self) -> dict[str, Any]:
        return self.response.json() if self.response.content else {}


@dataclass
class Taskbot:
    fake: FakeSlack
    sandbox: Sandbox
    clock: FakeClock
    url: str
    http: httpx.AsyncClient
    captured: list[Dependencies] = field(default_factory=list)

    @property
    def deps(self) -> Dependencies:
        return self.captured[-1]

    async def post(self, body: str, *, signed_at: int | None = None) -> httpx.Response:
        """Send a signed request; its ack must be one Slack would take (stripe-mock style:
        Slack shows the rep an error for a bad ack, so the test fails instead)."""
        headers = payloads.signed_headers(body, SECRET, signed_at or int(time.time()))
        response = await self.http.post(self.url + EVENTS_PATH, content=body, headers=headers)
        if response.status_code == 200 and response.content:
            problems = ack_problems(payloads.decode_body(body), response.json())
            assert not problems, "Slack would not take this ack:\n" + "\n".join(problems)
        return response

    async def command(self, text: str, *, user: str = BERLIN_REP.id) -> Sent:
        """`/task text` from `user`; the ack becomes the message its response_url replaces."""
        fields = payloads.slash_command(self.fake, user_id=user, text=text)
        response = await self.post(payloads.command_body(fields))
        sent = Sent(response, fields["response_url"])
        if response.status_code == 200 and sent.ack:
            self.fake.show_original(fields["response_url"], sent.ack)
        return sent

    async def click(
        self, message: Mapping[str, Any], action_id: str, *, user: str = BERLIN_REP.id
    ) -> Sent:
        """A click on a button of an ephemeral message taskbot showed."""
        payload = payloads.block_actions_from_message(
            self.fake, user_id=user, message=message, action_id=action_id
        )
        response = await self.post(payloads.interaction_body(payload))
        return Sent(response, payload["response_url"])

    async def settle(self) -> None:
        """Await the work commands started after their acks (never a sleep)."""
        assert await self.deps.background.drain(timeout=10)

    def shown(self, sent: Sent) -> list[dict[str, Any]]:
        """What the rep sees from that request's response_url now."""
        assert sent.response_url is not None
        return self.fake.messages_at(sent.response_url)

    def reply_calls(self) -> list[str]:
        return [f"{r.method} {r.path}" for r in self.sandbox.requests]


def settings_for(fake: FakeSlack, **environment: str) -> Settings:
    values = {
        "SLACK_BOT_TOKEN": "xoxb-scenario",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": fake.api_url,
        **environment,
    }
    return Settings.model_validate(values)


@asynccontextmanager
async def running_taskbot(
    *,
    users: Iterable[SlackUser] = REPS,
    environment: Mapping[str, str] | None = None,
    reply_transport: httpx.AsyncBaseTransport | None = None,
    use_sandbox: bool = True,
) -> AsyncIterator[Taskbot]:
    """taskbot's HTTP app served on 127.0.0.1 with its lifespan, a fake Slack and a sandbox.

    `use_sandbox=False` with `environment` naming REPLY_API_KEY / REPLY_API_BASE_URL talks
    to whatever Reply the test serves instead (over real HTTP)."""
    clock = FakeClock(NOW)
    async with AsyncExitStack() as stack:
        fake = await stack.enter_async_context(FakeSlack(users=users, clock=clock).running())
        sandbox = await stack.enter_async_context(Sandbox.create(clock=clock))
        captured: list[Dependencies] = []

        @asynccontextmanager
        async def dependencies(settings: Settings) -> AsyncIterator[Dependencies]:
            async with open_dependencies(
                settings,
                sandbox=sandbox if use_sandbox else None,
                reply_transport=reply_transport,
                retry=INSTANT_RETRIES,
                clock=clock,
            ) as deps:
                captured.append(deps)
                yield deps

        app = create_http_app(settings_for(fake, **(environment or {})), dependencies=dependencies)
        url = await stack.enter_async_context(serve_asgi(app, lifespan="on"))
        http = await stack.enter_async_context(httpx.AsyncClient(timeout=10))
        yield Taskbot(fake, sandbox, clock, url, http, captured)


def blocks_of(message: Mapping[str, Any], kind: str) -> list[dict[str, Any]]:
    return [b for b in message.get("blocks", []) if b.get("type") == kind]


def texts(message: Mapping[str, Any]) -> list[str]:
    """Every text on a message, in order (section texts, fields, context, headers)."""
    found: list[str] = []
    for block in message.get("blocks", []):
        if isinstance(block.get("text"), dict):
            found.append(block["text"]["text"])
        found.extend(f["text"] for f in block.get("fields", []))
        found.extend(
            e["text"]
            for e in block.get("elements", [])
            if "text" in e and e.get("type") != "button"
        )
    return found


def button_ids(message: Mapping[str, Any]) -> list[str]:
    ids: list[str] = []
    for block in message.get("blocks", []):
        for element in [block.get("accessory"), *block.get("elements", [])]:
            if isinstance(element, dict) and element.get("type") == "button":
                ids.append(element["action_id"])
    return ids


def button_value(message: Mapping[str, Any], action_id: str) -> str:
    for block in message.get("blocks", []):
        for element in [block.get("accessory"), *block.get("elements", [])]:
            if isinstance(element, dict) and element.get("action_id") == action_id:
                return str(element["value"])
    raise AssertionError(f"no button {action_id} on the message")
