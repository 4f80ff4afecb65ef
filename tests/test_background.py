"""Background: work after the ack is held until it ends, drained on shutdown, and its failures
are logged with a traceback instead of vanishing."""

from __future__ import annotations

import asyncio
import gc
import logging
import weakref

import pytest

from bot.background import Background


async def test_spawned_work_survives_garbage_collection_and_finishes() -> None:
    # The work waits on a future only its own frame holds: nothing but Background keeps
    # the task alive (the event loop holds tasks weakly, asyncio docs, create_task).
    background = Background()
    waiting: list[weakref.ref[asyncio.Future[str]]] = []
    done: list[str] = []

    async def work() -> None:
        reply: asyncio.Future[str] = asyncio.get_running_loop().create_future()
        waiting.append(weakref.ref(reply))
        done.append(await reply)

    background.spawn(work(), name="create task")  # the caller keeps no reference
    await asyncio.sleep(0)  # let it start and park on its future
    gc.collect()
    reply = waiting[0]()
    assert reply is not None, "the task was garbage-collected mid-run"
    reply.set_result("card")
    del reply
    assert await background.drain()
    assert (done, background.pending) == (["card"], 0)


async def test_drain_waits_for_work_spawned_while_draining() -> None:
    background = Background()
    order: list[str] = []

    async def second() -> None:
        await asyncio.sleep(0)
        order.append("second")

    async def first() -> None:
        await asyncio.sleep(0)
        background.spawn(second(), name="second")
        order.append("first")

    background.spawn(first(), name="first")
    assert await background.drain()
    assert order == ["first", "second"]


async def test_drain_with_nothing_running_returns_at_once() -> None:
    assert await Background().drain(timeout=0)


async def test_a_drain_that_times_out_says_what_still_runs(
    caplog: pytest.LogCaptureFixture,
) -> None:
    background = Background()
    forever = asyncio.Event()
    background.spawn(forever.wait(), name="stuck on Reply")
    assert not await background.drain(timeout=0.01)
    assert "1 background task(s) still running" in caplog.text
    assert "stuck on Reply" in caplog.text
    await background.cancel_all()
    assert background.pending == 0


async def test_a_failure_is_logged_with_its_traceback_and_counted(
    caplog: pytest.LogCaptureFixture,
) -> None:
    background = Background()

    async def broken() -> None:
        raise RuntimeError("Reply fell over")

    background.spawn(broken(), name="create task for U1")
    assert await background.drain()
    [record] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert record.getMessage() == "background task 'create task for U1' failed"
    assert record.exc_info is not None
    assert "Reply fell over" in caplog.text
    assert background.failures == 1


async def test_a_closed_background_refuses_new_work_without_leaking_it() -> None:
    background = Background()
    background.close()
    assert background.closed

    async def work() -> None:  # never started: closing it avoids "never awaited"
        raise AssertionError("must not run")

    with pytest.raises(RuntimeError, match="shutting down"):
        background.spawn(work(), name="late")
    assert background.pending == 0


async def test_cancelled_work_is_not_a_failure(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    background = Background()
    background.spawn(asyncio.Event().wait(), name="waiting")
    await background.cancel_all()
    assert background.failures == 0
    assert "was cancelled" in caplog.text
