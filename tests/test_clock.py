"""`is_aware`: the one test of "names an instant" that every aware-only door uses."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

import pytest

from bot.clock import is_aware, system_clock


class _NoOffset(tzinfo):
    """A tzinfo that knows no offset: Python counts such a datetime as naive."""

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        return None

    def dst(self, dt: datetime | None) -> timedelta | None:
        return None

    def tzname(self, dt: datetime | None) -> str | None:
        return None


@pytest.mark.parametrize(
    ("value", "aware"),
    [
        (datetime(2026, 11, 28, 9, 0), False),
        (datetime(2026, 11, 28, 9, 0, tzinfo=_NoOffset()), False),
        (datetime(2026, 11, 28, 9, 0, tzinfo=UTC), True),
        (datetime(2026, 11, 28, 9, 0, tzinfo=ZoneInfo("Asia/Kolkata")), True),
    ],
    ids=["no-tzinfo", "tzinfo-without-offset", "utc", "zoneinfo"],
)
def test_aware_means_an_offset_is_known(value: datetime, aware: bool) -> None:
    assert is_aware(value) is aware


def test_the_system_clock_is_aware() -> None:
    assert is_aware(system_clock())
