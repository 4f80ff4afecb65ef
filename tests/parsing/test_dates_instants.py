"""The rules at instants other than the examples': Friday evening, month/year end, DST, early
morning, zones whose date differs from UTC's, leap days, locales, fixed-offset zones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from bot.parsing.dates import DateContext, DateRefusal, ReadDate, RefusalReason, read_date
from tests.parsing.dates_support import ctx, local

FRIDAY_EVENING = "2026-11-27T18:30"  # after 17:00 on a Friday


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("EOW", "2026-12-04T17:00:00"),  # this week's Friday 17:00 has passed: next week's
        ("tomorrow", "2026-11-28T17:00:00"),  # a Saturday; weekends are not skipped
        ("next week", "2026-11-30T17:00:00"),
        ("EOD", "2026-11-28T17:00:00"),  # rule 2 applied to a part of day
        ("Friday", "2026-12-04T17:00:00"),  # today's weekday means next week's
        ("next Friday", "2026-12-04T17:00:00"),
        ("this weekend", "2026-11-28T17:00:00"),
        ("in 1 business day", "2026-11-30T17:00:00"),
        ("tonight", "2026-11-27T20:00:00"),
        ("today", None),  # 17:00 today has passed
    ],
)
def test_friday_evening(text: str, expect: str | None) -> None:
    assert local(read_date(text, ctx(FRIDAY_EVENING))) == expect


@pytest.mark.parametrize(
    ("now", "text", "expect"),
    [
        ("2026-12-31T17:30", "EOM", "2027-01-31T17:00:00"),  # the 31st after 17:00
        ("2026-12-31T16:00", "EOM", "2026-12-31T17:00:00"),
        ("2026-12-31T17:30", "tomorrow", "2027-01-01T17:00:00"),
        ("2026-12-31T17:30", "end of quarter", "2027-03-31T17:00:00"),
        ("2026-12-10T09:00", "Jan 5", "2027-01-05T17:00:00"),
        ("2026-12-10T09:00", "next month", "2027-01-01T17:00:00"),
        ("2026-12-10T09:00", "next year", "2027-01-01T17:00:00"),
        ("2026-12-10T09:00", "in January", "2027-01-01T17:00:00"),
        ("2026-12-10T09:00", "Dec 3", None),  # 7 days ago: a mistake, not next year's
        ("2026-12-10T09:00", "Nov 2", "2027-11-02T17:00:00"),  # 38 days ago: next year's
        ("2027-01-31T10:00", "in 1 month", "2027-02-28T17:00:00"),  # clamped to month end
        ("2026-10-31T18:00", "next month", "2026-11-01T17:00:00"),
    ],
)
def test_month_and_year_end(now: str, text: str, expect: str | None) -> None:
    assert local(read_date(text, ctx(now))) == expect


def test_the_day_before_the_us_dst_change_keeps_wall_times() -> None:
    saturday = ctx("2027-03-13T12:00")  # New York springs forward on Sun 14 March 2027
    due = read_date("tomorrow", saturday)
    assert isinstance(due, ReadDate)
    assert due.at.replace(tzinfo=None) == datetime(2027, 3, 14, 17)
    assert due.at.utcoffset() == timedelta(hours=-4)  # EDT, not yesterday's EST
    assert local(read_date("in 24 hours", saturday)) == "2027-03-14T13:00:00"  # exact time
    # 02:30 does not exist that night: moved forward by the gap
    assert local(read_date("tomorrow 2:30am", saturday)) == "2027-03-14T03:30:00"


def test_us_and_eu_dst_dates_differ() -> None:
    instant = "2027-03-13T17:00:00+00:00"
    berlin = read_date("tomorrow 17:00", ctx(instant, "Europe/Berlin", "de-DE"))
    assert isinstance(berlin, ReadDate)
    assert berlin.at.utcoffset() == timedelta(hours=1)  # Berlin changes on 28 March
    eu = read_date("tomorrow 17:00", ctx("2027-03-27T12:00", "Europe/Berlin", "de-DE"))
    assert isinstance(eu, ReadDate)
    assert eu.at.utcoffset() == timedelta(hours=2)
    assert local(read_date("morgen 2:30", ctx("2027-03-27T12:00", "Europe/Berlin", "de-DE"))) == (
        "2027-03-28T03:30:00"
    )


def test_fall_back_reads_the_first_of_two_equal_wall_times() -> None:
    night = ctx("2026-11-01T00:30")  # New York falls back at 02:00
    first = read_date("1:30am", night)
    assert isinstance(first, ReadDate)
    assert first.at.utcoffset() == timedelta(hours=-4)
    assert local(read_date("in 2 hours", night)) == "2026-11-01T01:30:00"  # the second 01:30


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("this morning", "2026-11-25T09:00:00"),
        ("9am", "2026-11-25T09:00:00"),
        ("first thing", "2026-11-25T09:00:00"),
        ("noon", "2026-11-25T12:00:00"),
        ("at 8", "2026-11-25T08:00:00"),
        ("at 7", "2026-11-25T19:00:00"),  # rule 3: bare 7 is pm
        ("tomorrow morning at 7", "2026-11-26T07:00:00"),  # morning context
        ("tonight at 9", "2026-11-25T21:00:00"),  # evening context
    ],
)
def test_before_nine(text: str, expect: str) -> None:
    assert local(read_date(text, ctx("2026-11-25T07:15"))) == expect


@pytest.mark.parametrize(
    ("tz", "text", "expect"),
    [
        ("Pacific/Kiritimati", "today", "2026-11-26T17:00:00"),  # UTC+14: already Thursday
        ("Pacific/Kiritimati", "Thursday", "2026-12-03T17:00:00"),
        ("Pacific/Kiritimati", "tomorrow 9am", "2026-11-27T09:00:00"),
        ("Pacific/Pago_Pago", "today", "2026-11-25T17:00:00"),  # UTC-11: still Wednesday
        ("Pacific/Pago_Pago", "Thursday", "2026-11-26T17:00:00"),
        ("Pacific/Pago_Pago", "EOD", "2026-11-25T17:00:00"),
    ],
)
def test_zones_whose_date_differs_from_utc(tz: str, text: str, expect: str) -> None:
    assert local(read_date(text, ctx("2026-11-25T19:37:00+00:00", tz))) == expect


@pytest.mark.parametrize(
    ("now", "text", "expect"),
    [
        ("2028-02-28T10:00", "tomorrow", "2028-02-29T17:00:00"),
        # rule 13 rolls "Feb 29" to 2027, which lacks one: impossible, not moved to 2028
        ("2026-03-01T10:00", "Feb 29", None),
        ("2027-03-01T10:00", "Feb 29", "2028-02-29T17:00:00"),
        ("2028-01-31T10:00", "in 1 month", "2028-02-29T17:00:00"),
        ("2028-02-28T10:00", "2/29", "2028-02-29T17:00:00"),
        ("2026-03-01T10:00", "2027-02-29", None),
    ],
)
def test_leap_days(now: str, text: str, expect: str | None) -> None:
    assert local(read_date(text, ctx(now))) == expect


@pytest.mark.parametrize(
    ("locale", "expect"),
    [
        ("en-US", "2026-12-03T17:00:00"),
        ("en-GB", "2027-03-12T17:00:00"),
        ("de-DE", "2027-03-12T17:00:00"),
        ("fr-FR", "2027-03-12T17:00:00"),
        ("pt-BR", "2027-03-12T17:00:00"),
        ("ja-JP", "2026-12-03T17:00:00"),
        (None, None),
    ],
)
def test_numeric_dates_follow_the_locale(locale: str | None, expect: str | None) -> None:
    assert local(read_date("12/3", ctx("2026-11-25T14:37", locale=locale))) == expect


def test_unknown_locale_still_reads_unambiguous_pairs() -> None:
    unknown = ctx("2026-11-25T14:37", locale=None)
    assert local(read_date("5/5", unknown)) == "2027-05-05T17:00:00"
    assert local(read_date("13/1", unknown)) == "2027-01-13T17:00:00"
    assert local(read_date("3.12.", unknown)) == "2026-12-03T17:00:00"  # D.M. everywhere
    assert local(read_date("2026/12/03", unknown)) == "2026-12-03T17:00:00"


@pytest.mark.parametrize(
    ("locale", "text", "expect"),
    [
        ("de-DE", "nächste Woche", "2026-11-30T17:00:00"),
        ("de-DE", "um 7 Uhr", "2026-11-26T07:00:00"),  # German hours are 24-hour
        ("de-DE", "3. Dezember", "2026-12-03T17:00:00"),  # German ordinal day
        ("es-ES", "pasado mañana", "2026-11-27T17:00:00"),
        ("es-ES", "3 de diciembre", "2026-12-03T17:00:00"),
        ("fr-FR", "lundi matin", "2026-11-30T09:00:00"),
        ("fr-FR", "le 3 décembre à 15h", "2026-12-03T15:00:00"),
        ("it-IT", "domani alle 15", "2026-11-26T15:00:00"),
        ("nl-NL", "morgen om 10 uur", "2026-11-26T10:00:00"),
        ("pt-PT", "sexta-feira às 10h", "2026-11-27T10:00:00"),
        ("pt-BR", "amanhã de manhã", "2026-11-26T09:00:00"),
        ("de-DE", "tomorrow 3pm", "2026-11-26T15:00:00"),  # English always works too
    ],
)
def test_the_reps_own_language(locale: str, text: str, expect: str | None) -> None:
    assert local(read_date(text, ctx("2026-11-25T14:37", locale=locale))) == expect


def test_a_fixed_offset_zone_from_slacks_tz_offset_works() -> None:
    offset = timezone(timedelta(hours=5, minutes=30))
    context = DateContext(now=datetime(2026, 11, 25, 19, 37, tzinfo=UTC), tz=offset)
    result = read_date("tomorrow 3pm", context)
    assert isinstance(result, ReadDate)
    assert result.at == datetime(2026, 11, 27, 15, tzinfo=offset)
    assert result.at.tzinfo == offset
    assert read_date("Dec 3 10am IST", context) == ReadDate(
        datetime(2026, 12, 3, 10, tzinfo=offset), True, "Dec 3 10am IST"
    )


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("4pm ET", "2026-11-26T02:30:00"),  # next 16:00 in New York, for a Kolkata rep
        ("tomorrow 10am PT", "2026-11-27T23:30:00"),  # the rep's tomorrow, 10:00 Pacific
        ("9am GMT+2", "2026-11-26T12:30:00"),
        ("noon UTC", "2026-11-26T17:30:00"),
        ("3pm London time", "2026-11-26T20:30:00"),
    ],
)
def test_zones_in_the_text_convert_to_the_reps_zone(text: str, expect: str) -> None:
    kolkata = ctx("2026-11-26T01:07:00+05:30", "Asia/Kolkata", "en-IN")
    assert local(read_date(text, kolkata)) == expect


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("by 5", "2026-11-25T17:00:00"),  # rule 3 after by/before/until too
        ("before 11", "2026-11-26T11:00:00"),
        ("Nov. 30", "2026-11-30T17:00:00"),
        ("Jan 2027", "2027-01-01T17:00:00"),  # a month and year: its first day
        ("Thurs 11/26 at 2", "2026-11-26T14:00:00"),
        ("monday 9-10am", "2026-11-30T09:00:00"),
        ("3:00 PM EST", "2026-11-25T15:00:00"),
        ("late next week", "2026-12-04T17:00:00"),
        ("mid December", "2026-12-15T17:00:00"),
        ("thanksgiving", "2026-11-26T17:00:00"),
        ("half an hour", "2026-11-25T15:07:00"),
    ],
)
def test_phrases_beyond_the_examples(text: str, expect: str) -> None:
    assert local(read_date(text, ctx("2026-11-25T14:37"))) == expect


def test_start_kind_defaults_to_nine_and_due_to_five() -> None:
    now = ctx("2026-11-25T14:37")
    assert local(read_date("Dec 3", now, "start")) == "2026-12-03T09:00:00"
    assert local(read_date("Dec 3", now, "due")) == "2026-12-03T17:00:00"
    assert local(read_date("now", now, "start")) == "2026-11-25T14:37:00"


def test_has_time_says_whether_a_time_of_day_was_given() -> None:
    now = ctx("2026-11-25T14:37")
    assert read_date("Friday 3pm", now) == ReadDate(
        datetime(2026, 11, 27, 15, tzinfo=ZoneInfo("America/New_York")), True, "Friday 3pm"
    )
    friday = read_date("Friday", now)
    assert isinstance(friday, ReadDate)
    assert not friday.has_time
    eod = read_date("EOD", now)
    assert isinstance(eod, ReadDate)
    assert eod.has_time


def test_context_needs_an_aware_now() -> None:
    with pytest.raises(ValueError, match="aware"):
        DateContext(now=datetime(2026, 11, 25, 14, 37), tz=UTC)


def test_far_future_arithmetic_is_refused_not_raised() -> None:
    result = read_date("in 100000 years", ctx("2026-11-25T14:37"))
    assert isinstance(result, DateRefusal)
    assert result.reason is RefusalReason.IMPOSSIBLE
