"""A rep's zone written as text and read back (bot.parsing.dates zone_label / read_zone): the
form's metadata, the form's date fields and the CLI all use this one pair."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.parsing.dates import DateContext, ReadDate, offset_label, read_date, read_zone, zone_label


@pytest.mark.parametrize(
    ("zone", "label"),
    [
        (ZoneInfo("Europe/Berlin"), "Europe/Berlin"),
        (ZoneInfo("UTC"), "UTC"),
        (timezone(timedelta(hours=5, minutes=30)), "UTC+05:30"),
        (timezone(timedelta(hours=-3)), "UTC-03:00"),
        (timezone(timedelta(hours=-9, minutes=-30)), "UTC-09:30"),
        (UTC, "UTC+00:00"),
    ],
)
def test_a_zone_is_its_name_or_its_offset(zone: timezone | ZoneInfo, label: str) -> None:
    assert zone_label(zone) == label
    back = read_zone(label)
    assert back is not None
    assert zone_label(back) == label


@given(st.integers(-24 * 60 + 1, 24 * 60 - 1))
def test_every_fixed_offset_reads_back_to_itself(minutes: int) -> None:
    zone = timezone(timedelta(minutes=minutes))
    assert read_zone(zone_label(zone)) == zone


@pytest.mark.parametrize(
    ("text", "offset"),
    [("UTC+05:30", 330), ("+05:30", 330), ("+0530", 330), ("GMT-5", -300), ("utc-04:00", -240),
     (" UTC+9 ", 540)],
)  # fmt: skip
def test_offsets_are_read_however_slack_or_a_person_writes_them(text: str, offset: int) -> None:
    assert read_zone(text) == timezone(timedelta(minutes=offset))


@pytest.mark.parametrize(
    "text", [None, "", "  ", "Mars/Olympus", "America", "../etc/passwd", "+24:00", "UTC+5:3"]
)
def test_anything_else_is_no_zone(text: str | None) -> None:
    assert read_zone(text) is None


def test_the_offset_label_is_what_the_date_reader_takes_in_a_phrase() -> None:
    """The form writes a repeated wall time with it ("1:30am UTC-05:00")."""
    new_york = ZoneInfo("America/New_York")
    ctx = DateContext(now=datetime(2027, 11, 1, tzinfo=UTC), tz=new_york, locale="en-US")
    for offset, utc_hour in ((timedelta(hours=-4), 5), (timedelta(hours=-5), 6)):
        reading = read_date(f"Sun 7 November 2027 1:30am {offset_label(offset)}", ctx, "due")
        assert isinstance(reading, ReadDate)
        assert reading.at.astimezone(UTC) == datetime(2027, 11, 7, utc_hour, 30, tzinfo=UTC)
