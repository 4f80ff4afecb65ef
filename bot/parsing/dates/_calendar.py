"""Pure calendar arithmetic on `date`s: weeks are Monday-Sunday, business days skip Sat/Sun only.

Holidays are not skipped by any rule (CONVENTIONS.md: "Holidays are not skipped"); they are only
named, so "Thanksgiving" can be read.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

SATURDAY = 5


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def next_weekday_after(day: date, weekday: int) -> date:
    """The first `weekday` strictly after `day` (rule 4: today's weekday means next week's)."""
    return day + timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)


def last_weekday_before(day: date, weekday: int) -> date:
    return day - timedelta(days=(day.weekday() - weekday - 1) % 7 + 1)


def add_business_days(day: date, count: int) -> date:
    """Count `count` weekdays forward from `day`, not counting `day` itself (rule 12)."""
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < SATURDAY:
            count -= 1
    return day


def last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """Same day of month `months` later, clamped to the month's end (Jan 31 + 1 → Feb 28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def quarter_start(year: int, quarter: int) -> date:
    return date(year, 3 * quarter - 2, 1)


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th `weekday` of a month; n = -1 is the last one."""
    if n < 0:
        end = last_day(year, month)
        return end - timedelta(days=(end.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def holiday(name: str, year: int) -> date:
    """The date of a named holiday in `year` (US Thanksgiving: 4th Thursday of November)."""
    fixed = {
        "new_years_eve": (12, 31), "new_years_day": (1, 1), "christmas_eve": (12, 24),
        "christmas": (12, 25), "boxing_day": (12, 26), "halloween": (10, 31),
        "valentines": (2, 14), "independence_day": (7, 4),
    }  # fmt: skip
    if name in fixed:
        return date(year, *fixed[name])
    thanksgiving = nth_weekday(year, 11, 3, 4)
    computed = {
        "thanksgiving": thanksgiving,
        "black_friday": thanksgiving + timedelta(days=1),
        "cyber_monday": thanksgiving + timedelta(days=4),
        "labor_day": nth_weekday(year, 9, 0, 1),
        "memorial_day": nth_weekday(year, 5, 0, -1),
    }
    return computed[name]


def valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
