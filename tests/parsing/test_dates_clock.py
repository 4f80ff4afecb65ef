"""How a time is written decides how its hour reads: 24-hour writing is taken as written, a bare
hour gets rule 3's business-hours reading (1-7 pm, 8-11 am, 12 noon)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.parsing.dates import DateContext, ReadDate, find_date, read_date
from tests.parsing.dates_support import ctx, local

NOW = "2026-11-25T14:37"  # Wednesday afternoon, New York
ENGLISH = ["en-US", "en-GB", "en-IN", "en-AU", None]


@pytest.mark.parametrize("locale", ENGLISH)
@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("05:00", "2026-11-26T05:00:00"),  # passed today: tomorrow (rule 2), not today 17:00
        ("07:30", "2026-11-26T07:30:00"),
        ("00:30", "2026-11-26T00:30:00"),
        ("01:15", "2026-11-26T01:15:00"),
        ("09:15", "2026-11-26T09:15:00"),
        ("Mon 30 Nov 05:00", "2026-11-30T05:00:00"),
        ("tomorrow 05:00", "2026-11-26T05:00:00"),
        ("tomorrow at 06:45", "2026-11-26T06:45:00"),
        ("Friday 07:00", "2026-11-27T07:00:00"),
        ("Dec 3 04:30", "2026-12-03T04:30:00"),
        ("tomorrow 05:00:00", "2026-11-26T05:00:00"),
        ("at 05", "2026-11-26T05:00:00"),  # a zero-padded number is 24-hour too
        ("tomorrow at 05", "2026-11-26T05:00:00"),
        ("thursday 05", "2026-11-26T05:00:00"),
        ("by 07", "2026-11-26T07:00:00"),
        ("between 05 and 07 tomorrow", "2026-11-26T05:00:00"),  # a range: its start
    ],
)
def test_a_zero_padded_hour_is_read_as_written(text: str, expect: str, locale: str | None) -> None:
    assert local(read_date(text, ctx(NOW, locale=locale))) == expect


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("5:00", "2026-11-25T17:00:00"),  # rule 3: 1-7 are pm
        ("7:30", "2026-11-25T19:30:00"),
        ("at 2:45", "2026-11-25T14:45:00"),  # example c088
        ("9:15", "2026-11-26T09:15:00"),  # 8-11 am: passed, so tomorrow
        ("12:30", "2026-11-26T12:30:00"),
        ("0:30", "2026-11-26T00:30:00"),  # hour 0 only exists on a 24-hour clock
        ("17:30", "2026-11-25T17:30:00"),  # 13-23: 24-hour whatever the padding
        ("at 5", "2026-11-25T17:00:00"),
        ("tomorrow at 5", "2026-11-26T17:00:00"),
        ("thursday 5", "2026-11-26T17:00:00"),
    ],
)
def test_a_bare_hour_keeps_the_business_hours_reading(text: str, expect: str) -> None:
    assert local(read_date(text, ctx(NOW))) == expect


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("05:00pm", "2026-11-25T17:00:00"),
        ("05:00 PM", "2026-11-25T17:00:00"),
        ("07:30 am", "2026-11-26T07:30:00"),
        ("tomorrow 05 pm", "2026-11-26T17:00:00"),
    ],
)
def test_am_or_pm_written_out_wins_over_the_padding(text: str, expect: str) -> None:
    assert local(read_date(text, ctx(NOW))) == expect


@pytest.mark.parametrize(
    ("locale", "text", "expect"),
    [
        ("de-DE", "morgen 05:00", "2026-11-26T05:00:00"),
        ("de-DE", "morgen um 05", "2026-11-26T05:00:00"),
        ("de-DE", "morgen 5:00", "2026-11-26T05:00:00"),  # German clocks were 24-hour already
        ("fr-FR", "demain 05h00", "2026-11-26T05:00:00"),
        ("fr-FR", "demain 5h30", "2026-11-26T05:30:00"),
        ("en-US", "tomorrow 5h30", "2026-11-26T05:30:00"),  # the h form is 24-hour, like 5h
        ("en-US", "tomorrow 5h", "2026-11-26T05:00:00"),
        ("es-US", "mañana a las 07:00", "2026-11-26T07:00:00"),
        ("en-US", "tomorrow 05:00 PT", "2026-11-26T08:00:00"),  # 05:00 Pacific, in New York
    ],
)
def test_24_hour_writing_in_every_language(locale: str, text: str, expect: str) -> None:
    assert local(read_date(text, ctx(NOW, locale=locale))) == expect


@pytest.mark.parametrize(
    ("text", "date_text", "expect", "rest"),
    [
        ("call Bob tomorrow 05:00 re renewal", "tomorrow 05:00", "2026-11-26T05:00:00",
         "call Bob re renewal"),
        ("standup prep at 07:30", "at 07:30", "2026-11-26T07:30:00", "standup prep"),
        ("ping Ana Mon 30 Nov 05:00", "Mon 30 Nov 05:00", "2026-11-30T05:00:00", "ping Ana"),
        ("call Bob tomorrow 5:00 re renewal", "tomorrow 5:00", "2026-11-26T17:00:00",
         "call Bob re renewal"),
    ],
)  # fmt: skip
def test_find_date_reads_the_padding_the_same_way(
    text: str, date_text: str, expect: str, rest: str
) -> None:
    found = find_date(text, ctx(NOW))
    assert found is not None
    assert (found.date_text, local(found), found.rest_text) == (date_text, expect, rest)


@settings(max_examples=200, deadline=None)
@given(
    hour=st.integers(0, 23),
    minute=st.integers(0, 59),
    locale=st.sampled_from([*ENGLISH, "de-DE", "fr-FR", "es-US", "it-IT", "nl-NL", "pt-PT"]),
    zone=st.sampled_from(["America/New_York", "Europe/Berlin", "Asia/Kolkata", "UTC"]),
    kind=st.sampled_from(["due", "start"]),
)
def test_any_zero_padded_time_reads_back_as_written(
    hour: int, minute: int, locale: str | None, zone: str, kind: str
) -> None:
    context = DateContext(now=ctx(NOW).now, tz=ZoneInfo(zone), locale=locale)
    result = read_date(f"tomorrow {hour:02d}:{minute:02d}", context, kind)  # type: ignore[arg-type]
    assert isinstance(result, ReadDate), result
    assert (result.at.hour, result.at.minute) == (hour, minute)
    assert result.has_time
