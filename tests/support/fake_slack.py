"""The test side of the Slack stand-in: `bot.console.slack_standin.SlackStandIn` (which the
console ships) plus what only tests need.

    fake = FakeSlack(users=[SlackUser("U1", tz="Europe/Berlin", locale="de-DE")])
    async with fake.running():
        client = AsyncWebClient(token="xoxb-test", base_url=fake.api_url)
        ...
        [call] = await fake.wait_for("chat.postMessage")
        posts = await fake.wait_for("response_url", count=2)

Everything Slack-like (tokens, scopes, Block Kit validation, trigger ids, response_url rules,
views and their state) lives in the stand-in; see its module docstring. Added here:

- `FakeClock` (move time by hand) as the default clock;
- `wait_for(method, count)`: await calls instead of sleeping;
- `fail_next(method, error, status=429, retry_after=…)`: script the next answer of a method;
- `fill(...)` raises AssertionError (not `NotEnterableError`) for what no person could enter,
  so a test reads as a failed expectation.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.console.slack_standin import (
    Call,
    NotEnterableError,
    ScriptedFailure,
    SlackStandIn,
    SlackUser,
)
from bot.console.slack_standin.core import DEFAULT_SCOPES, TRIGGER_TTL

__all__ = ["DEFAULT_SCOPES", "TRIGGER_TTL", "Call", "FakeClock", "FakeSlack", "SlackUser"]


class FakeClock:
    """A clock tests move by hand (`advance`), returning aware datetimes like `bot.clock`."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 25, 19, 37, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


class FakeSlack(SlackStandIn):
    def __init__(
        self,
        *,
        users: Iterable[SlackUser] = (),
        scopes: Iterable[str] = DEFAULT_SCOPES,
        clock: Callable[[], datetime] | None = None,
        **ids: str,
    ) -> None:
        super().__init__(users=users, scopes=scopes, clock=clock or FakeClock(), **ids)
        self._failures: dict[str, list[ScriptedFailure]] = {}

    def fail_next(
        self, method: str, error: str, *, status: int = 200, retry_after: int | None = None
    ) -> None:
        """Answer the next call of `method` with this error (429 + Retry-After for rate limits)."""
        self._failures.setdefault(method, []).append(ScriptedFailure(error, status, retry_after))

    def fill(self, view_id: str, values: Mapping[str, Any]) -> dict[str, Any]:
        try:
            return super().fill(view_id, values)
        except NotEnterableError as refused:
            raise AssertionError(str(refused)) from refused

    async def wait_for(
        self,
        method: str,
        count: int = 1,
        timeout: float = 5.0,  # noqa: ASYNC109 - bounds a failure only; tests never wait on it
    ) -> list[Call]:
        """Wait until `method` (or "response_url") was called `count` times; the timeout only
        bounds a failure, it is never how a test waits."""

        async def enough() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: len(self.calls_to(method)) >= count)

        try:
            await asyncio.wait_for(enough(), timeout)
        except TimeoutError:
            seen = (
                ", ".join(
                    f"{c.method}({'ok' if c.ok else c.response.get('error')})" for c in self.calls
                )
                or "nothing"
            )
            raise AssertionError(
                f"expected {count} {method} call(s) within {timeout}s; the fake saw: {seen}"
            ) from None
        return self.calls_to(method)

    def _scripted_failure(self, method: str) -> ScriptedFailure | None:
        queued = self._failures.get(method)
        return queued.pop(0) if queued else None
