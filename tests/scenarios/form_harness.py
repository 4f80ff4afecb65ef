"""taskbot in HTTP mode for the form and card-button scenarios: `tests/scenarios/harness.py`'s
set-up (signed requests, the fake Slack, the sandbox) plus what a modal needs — opening it,
choosing in its selects, asking for options, submitting — and a Reply that can be held.

    async with form_bot() as bot:
        view_id = await bot.open_with_command()
        await bot.choose(view_id, ids.TYPE_SELECT, "LinkedIn")
        ack = await bot.submit(view_id, {ids.DUE_INPUT: "tomorrow 3pm"})

`reply_gate`: the sandbox's `delay` faults wait for `bot.release()` instead of a clock, so a
test decides exactly when a slow Reply answers.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Mapping
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx

from bot import ids
from bot.forms import FormMetadata, FormValues, read_view
from bot.http import create_http_app
from bot.reply.sandbox import Fault, Sandbox
from bot.settings import Settings
from bot.wiring import Dependencies, open_dependencies
from tests.scenarios.harness import NOW, REPS, Sent, Taskbot, settings_for
from tests.service_support import INSTANT_RETRIES
from tests.support import slack_payloads as payloads
from tests.support.fake_slack import FakeClock, FakeSlack, SlackUser
from tests.support.servers import serve_asgi

REP = REPS[0].id  # Ines, Europe/Berlin, de-DE


@dataclass
class FormBot(Taskbot):
    gate: asyncio.Event = field(default_factory=asyncio.Event)
    allowed: set[str] = field(default_factory=set)
    """Slack errors this test provokes on purpose; any other refused call fails the test
    (the fake refuses what Slack would: invalid views and blocks, limits, stale hashes)."""

    def allow(self, *errors: str) -> None:
        self.allowed.update(errors)

    def refused(self) -> list[str]:
        return [
            f"{call.method}: {call.response.get('error')} {call.response.get('errors') or ''}"
            for call in self.fake.calls
            if not call.ok and call.response.get("error") not in self.allowed
        ]

    # ------------------------------------------------------------------ Reply held

    def hold_next(self, method: str, path: str) -> None:
        """The next `method path` is processed at once but answered only on `release()`."""
        self.gate.clear()
        self.sandbox.faults.push(Fault.delay(1, method=method, path=path))

    def release(self) -> None:
        self.gate.set()

    # ------------------------------------------------------------------ ways in

    async def views_opened(self, count: int) -> str:
        """The id of the `count`-th view opened (waiting for it)."""
        calls = await self.fake.wait_for("views.open", count=count)
        call = calls[count - 1]
        assert call.ok, call.response
        return str(call.response["view"]["id"])

    async def open_with_command(self, *, user: str = REP) -> str:
        opened = len(self.fake.calls_to("views.open"))
        sent = await self.command("", user=user)
        assert sent.response.status_code == 200
        assert not sent.response.content  # an empty ack: no message, only the modal
        return await self.views_opened(opened + 1)

    async def interact(self, payload: Mapping[str, Any]) -> httpx.Response:
        response = await self.post(payloads.interaction_body(payload))
        assert response.status_code == 200, response.text
        return response

    async def global_shortcut(self, *, user: str = REP) -> str:
        opened = len(self.fake.calls_to("views.open"))
        await self.interact(payloads.global_shortcut(self.fake, user_id=user))
        return await self.views_opened(opened + 1)

    async def message_shortcut(
        self, message: Mapping[str, Any], *, user: str = REP, channel_id: str = "C0SALES"
    ) -> tuple[str, str]:
        """(view id, the shortcut's response_url)."""
        opened = len(self.fake.calls_to("views.open"))
        shortcut = payloads.message_shortcut(
            self.fake, user_id=user, message=message, channel_id=channel_id
        )
        await self.interact(shortcut)
        return await self.views_opened(opened + 1), shortcut["response_url"]

    # ------------------------------------------------------------------ in the modal

    def view(self, view_id: str) -> dict[str, Any]:
        return self.fake.views[view_id]

    def inputs(self, view_id: str) -> list[str]:
        return [b["block_id"] for b in self.view(view_id)["blocks"] if b["type"] == "input"]

    def form(self, view_id: str) -> tuple[FormValues, FormMetadata]:
        return read_view(self.view(view_id))

    def notices(self, view_id: str) -> dict[str, str]:
        """Context texts under fields, by block id (`form.contact.notice` → text)."""
        return {
            b["block_id"]: b["elements"][0]["text"]
            for b in self.view(view_id)["blocks"]
            if b["type"] == "context"
        }

    async def choose(self, view_id: str, action_id: str, value: Any, *, user: str = REP) -> None:
        """The rep picks `value` in a dispatching select; taskbot updates the modal."""
        updates = len(self.fake.calls_to("views.update"))
        payload = payloads.block_actions_from_view(
            self.fake, user_id=user, view_id=view_id, action_id=action_id, value=value
        )
        await self.interact(payload)
        [*_, update] = await self.fake.wait_for("views.update", count=updates + 1)
        assert update.ok, update.response

    async def suggest(self, view_id: str, typed: str, *, user: str = REP) -> list[dict[str, Any]]:
        """What the contact select offers for `typed` (a block_suggestion's answer)."""
        payload = payloads.block_suggestion(
            self.fake, user_id=user, view_id=view_id, action_id=ids.CONTACT_SELECT, typed=typed
        )
        options: list[dict[str, Any]] = (await self.interact(payload)).json()["options"]
        return options

    async def submit(
        self, view_id: str, values: Mapping[str, Any] | None = None, *, user: str = REP
    ) -> dict[str, Any]:
        """Type `values` (by action_id), press the submit button; the ack's body."""
        payload = payloads.view_submission(self.fake, user_id=user, view_id=view_id, values=values)
        response = await self.interact(payload)
        return response.json() if response.content else {}

    async def card_posts(self, count: int = 1) -> list[dict[str, Any]]:
        """The bodies of the first `count` response_url posts (waiting for them)."""
        return [call.params for call in await self.fake.wait_for("response_url", count=count)]


@asynccontextmanager
async def form_bot(
    *,
    users: tuple[SlackUser, ...] = REPS,
    submit_budget: float = 2.0,
    search_wait: float = 1.5,
    environment: Mapping[str, str] | None = None,
    reply_transport: httpx.AsyncBaseTransport | None = None,
) -> AsyncIterator[FormBot]:
    """`reply_transport`: talk to that Reply instead of the sandbox (which is then idle)."""
    clock = FakeClock(NOW)
    gate = asyncio.Event()
    gate.set()

    async def held(seconds: float) -> None:
        await gate.wait()

    async with AsyncExitStack() as stack:
        fake = await stack.enter_async_context(FakeSlack(users=users, clock=clock).running())
        sandbox = await stack.enter_async_context(Sandbox.create(clock=clock, sleep=held))
        captured: list[Dependencies] = []

        @asynccontextmanager
        async def dependencies(settings: Settings) -> AsyncIterator[Dependencies]:
            async with open_dependencies(
                settings,
                sandbox=sandbox if reply_transport is None else None,
                reply_transport=reply_transport,
                retry=INSTANT_RETRIES,
                clock=clock,
                submit_budget=submit_budget,
                search_wait=search_wait,
            ) as deps:
                captured.append(deps)
                yield deps

        app = create_http_app(settings_for(fake, **(environment or {})), dependencies=dependencies)
        url = await stack.enter_async_context(serve_asgi(app, lifespan="on"))
        http = await stack.enter_async_context(httpx.AsyncClient(timeout=10))
        bot = FormBot(fake, sandbox, clock, url, http, captured, gate=gate)
        try:
            yield bot
        finally:
            gate.set()  # nothing stays held past the test
        assert not bot.refused(), "Slack would have refused:\n" + "\n".join(bot.refused())


__all__ = ["REP", "FormBot", "Sent", "form_bot"]
