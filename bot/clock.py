"""Time as a dependency: code that needs "now" receives a `Clock`, so tests can fix it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]
"""Returns the current instant, timezone-aware."""


def system_clock() -> datetime:
    return datetime.now(UTC)


def fixed_clock(instant: datetime) -> Clock:
    """A clock stopped at `instant` (aware), for tests and the `when`/`parse` commands."""
    if instant.tzinfo is None:
        raise ValueError("fixed_clock needs an aware datetime")
    return lambda: instant
