"""Ack first, work after: a command's Reply calls start only once its ack has left taskbot.
Started earlier, they compete with the acks still being written out in a burst (the
ack-latency benchmark, tests/bench/ack_latency.py). The ack's way out is held open here
(as in test_ack_order) and Reply must not have been asked anything meanwhile."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from bot.http import create_http_app
from bot.reply.sandbox import Sandbox
from bot.settings import Settings
from bot.wiring import Dependencies, open_dependencies
from tests.scenarios.harness import BERLIN_REP, NOW, settings_for
from tests.scenarios.test_ack_order import lifespan, post_command
from tests.support.fake_slack import FakeClock, FakeSlack


async def test_reply_is_called_only_after_the_ack_has_left() -> None:
    clock = FakeClock(NOW)
    fake = FakeSlack(users=[BERLIN_REP], clock=clock)
    async with fake.running(), Sandbox.create(clock=clock) as sandbox:
        captured: list[Dependencies] = []

        @asynccontextmanager
        async def dependencies(settings: Settings) -> AsyncIterator[Dependencies]:
            async with open_dependencies(settings, sandbox=sandbox, clock=clock) as deps:
                captured.append(deps)
                yield deps

        app = create_http_app(settings_for(fake), dependencies=dependencies)
        async with lifespan(app):
            await post_command(app, fake, asyncio.Event(), open_gate=True)  # warm-up
            assert await captured[0].background.drain(timeout=5)
            asked_before = len(sandbox.requests)

            gate = asyncio.Event()
            request, sent = await post_command(app, fake, gate, open_gate=False)
            await sent.wait()
            # The in-process sandbox answers in milliseconds: work that had started would
            # have reached it by now.
            assert not await captured[0].background.drain(timeout=0.3)
            assert len(sandbox.requests) == asked_before

            gate.set()
            await request
            assert await captured[0].background.drain(timeout=5)
            asked = [f"{r.method} {r.path}" for r in sandbox.requests[asked_before:]]
            assert asked[0] == "GET /v3/contacts"  # the lookup, then create and read back
            assert asked[1] == "POST /v3/tasks"
            assert len(fake.calls_to("response_url")) == 2
