"""Time as a dependency: code that needs "now" receives a `Clock`, so tests can fix it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]
"""Returns the current instant, timezone-aware."""


def system_clock() -> datetime:
    return datetime.now(UTC)


def is_aware(value: datetime) -> bool:
    """Whether `value` names an instant: it has a tzinfo that gives an offset (the Python
    docs' definition of "aware"; a tzinfo whose utcoffset() is None leaves it naive)."""
    return value.tzinfo is not None and value.utcoffset() is not None
