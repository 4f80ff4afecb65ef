"""A Reply call leaves no reference cycle behind: at 100 commands/s, three calls each, what
only the cyclic garbage collector can free makes it run often, and its pauses delay acks
(tests/bench/command_cpu.py, issue 4)."""

from __future__ import annotations

import gc

from bot.reply.enums import Dialect
from tests.reply.client_fakes import FakeReply, ok, reply_client
from tests.reply.client_payloads import task_json


async def test_a_call_leaves_nothing_for_the_cyclic_collector() -> None:
    fake = FakeReply(ok(task_json(Dialect.SEED)))
    async with reply_client(fake) as reply:
        await reply.get_task(1)  # first-use costs (caches, the connection) paid
        gc.collect()
        gc.disable()
        try:
            task = await reply.get_task(1)
            found = gc.collect()
        finally:
            gc.enable()
    assert task.id
    assert found == 0, f"one call left {found} objects only the cyclic collector frees"
