"""`bot.inflight.InFlight`: one call per key while it runs, shared, and shielded from a
caller that gives up."""

from __future__ import annotations

import asyncio

import pytest

from bot.inflight import InFlight


class Calls:
    def __init__(self) -> None:
        self.started: list[str] = []
        self.go = asyncio.Event()

    async def answer(self, key: str) -> str:
        self.started.append(key)
        await self.go.wait()
        return key.upper()


async def test_callers_asking_for_one_key_while_it_runs_share_one_call() -> None:
    calls, flight = Calls(), InFlight[str, str]("test")
    first = asyncio.ensure_future(flight.join("a", lambda: calls.answer("a")))
    second = asyncio.ensure_future(flight.join("a", lambda: calls.answer("a")))
    other = asyncio.ensure_future(flight.join("b", lambda: calls.answer("b")))
    await asyncio.sleep(0)
    calls.go.set()
    assert await asyncio.gather(first, second, other) == ["A", "A", "B"]
    assert calls.started == ["a", "b"]


async def test_a_finished_call_is_not_joined_again() -> None:
    calls, flight = Calls(), InFlight[str, str]("test")
    calls.go.set()
    assert await flight.join("a", lambda: calls.answer("a")) == "A"
    assert await flight.join("a", lambda: calls.answer("a")) == "A"
    assert calls.started == ["a", "a"]  # caching is the caller's business


async def test_a_caller_that_gives_up_leaves_the_call_running_for_the_others() -> None:
    calls, flight = Calls(), InFlight[str, str]("test")
    with pytest.raises(TimeoutError):
        async with asyncio.timeout(0.01):
            await flight.join("a", lambda: calls.answer("a"))
    patient = asyncio.ensure_future(flight.join("a", lambda: calls.answer("a")))
    await asyncio.sleep(0)
    calls.go.set()
    assert await patient == "A"
    assert calls.started == ["a"]


async def test_a_failure_reaches_every_caller_and_the_next_ask_starts_afresh(
    caplog: pytest.LogCaptureFixture,
) -> None:
    flight = InFlight[str, str]("test")
    attempts: list[int] = []

    async def failing() -> str:
        attempts.append(1)
        await asyncio.sleep(0)
        raise RuntimeError("down")

    joined = [asyncio.ensure_future(flight.join("a", failing)) for _ in range(2)]
    results = await asyncio.gather(*joined, return_exceptions=True)
    assert [str(r) for r in results] == ["down", "down"]
    with pytest.raises(RuntimeError):
        await flight.join("a", failing)
    assert len(attempts) == 2
    # Logged once per call, whether or not anyone was still waiting for it.
    assert caplog.text.count("test for 'a' failed") == 2
