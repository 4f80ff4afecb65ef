"""Ack first, work after: a command's Reply calls start only once its ack has left taskbot.
Started earlier, they compete with the acks still being written out in a burst (the
ack-latency benchmark, tests/bench/ack_latency.py). The ack's way out is held open here
(as in test_ack_order) and Reply must not have been asked anything meanwhile."""

from __future__ import annotations

import asyncio

from bot.reply.sandbox import Sandbox
from tests.scenarios.harness import BERLIN_REP, NOW
from tests.scenarios.test_ack_order import post_command, started_http_app
from tests.support.fake_slack import FakeClock, FakeSlack


async def test_reply_is_called_only_after_the_ack_has_left() -> None:
    clock = FakeClock(NOW)
    fake = FakeSlack(users=[BERLIN_REP], clock=clock)
    async with (
        fake.running(),
        Sandbox.create(clock=clock) as sandbox,
        started_http_app(fake, sandbox, clock) as (app, deps),
    ):
        await post_command(app, fake, asyncio.Event(), open_gate=True)  # warm-up
        assert await deps.background.drain(timeout=5)
        asked_before = len(sandbox.requests)

        gate = asyncio.Event()
        request, sent = await post_command(app, fake, gate, open_gate=False)
        await sent.wait()
        # The in-process sandbox answers in milliseconds: work that had started would
        # have reached it by now.
        assert not await deps.background.drain(timeout=0.3)
        assert len(sandbox.requests) == asked_before

        gate.set()
        await request
        assert await deps.background.drain(timeout=5)
        asked = [f"{r.method} {r.path}" for r in sandbox.requests[asked_before:]]
        assert asked[0] == "GET /v3/contacts"  # the lookup, then create and read back
        assert asked[1] == "POST /v3/tasks"
        assert len(fake.calls_to("response_url")) == 2
