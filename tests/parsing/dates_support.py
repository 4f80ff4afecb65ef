"""Helpers shared by the date tests: contexts, and instants as the example files write them."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.parsing.dates import DateContext, DateRefusal, FoundDate, ReadDate

NEW_YORK = ZoneInfo("America/New_York")


def ctx(now: str, tz: str = "America/New_York", locale: str | None = "en-US") -> DateContext:
    """A context from an ISO instant; a naive `now` is a wall time in `tz`."""
    zone = ZoneInfo(tz)
    instant = datetime.fromisoformat(now)
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=zone)
    return DateContext(now=instant, tz=zone, locale=locale)


def local(result: ReadDate | DateRefusal | FoundDate | None) -> str | None:
    """'YYYY-MM-DDTHH:MM:SS' on the rep's clock, or None for a refusal (the files' `expect`)."""
    if isinstance(result, FoundDate):
        result = result.result
    if isinstance(result, ReadDate):
        return result.at.replace(tzinfo=None).isoformat(timespec="seconds")
    return None
