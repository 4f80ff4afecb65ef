"""Periods (rules 10 and 11): "next week" is its Monday, EOW its Friday, "in January" its 1st.

Choices where the conventions are silent (documented in the package docstring):
* "this week/month/quarter/year" without an edge is a deadline: the end of that period.
* An end-of-period that has already passed (EOW on Saturday, EOM on the 31st after 17:00) rolls
  to the end of the next period rather than refusing.
* "in <month>" / "<month>" is the next 1st of that month that is still ahead.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from bot.parsing.dates import _calendar as cal
from bot.parsing.dates._components import NthWeekday, Period
from bot.parsing.dates._model import DateContext, DateRefusal, Kind, RefusalReason
from bot.parsing.dates._month_days import RECENT_DAYS
from bot.parsing.dates._refuse import DEFAULT_TIME, PastDay, Refuse
from bot.parsing.dates._wall import wall

END_OF_PERIOD = time(17)  # rule 10: EOW, EOM, EOQ, EOY are 17:00
_WEEK_EDGES = {"start": 0, "mid": 2, "end": 4}  # Monday, Wednesday, Friday


def period_day(item: object, ctx: DateContext, kind: Kind) -> tuple[date, time | None]:
    assert isinstance(item, Period)
    today = ctx.local_now.date()
    edge = item.edge
    if (
        item.which == "this"
        and edge == "start"
        and item.unit in {"week", "month", "quarter", "year"}
    ):
        edge = "end"  # "this week" as a deadline
    at = END_OF_PERIOD if edge == "end" else None
    if item.which == "last":
        raise PastDay(_edge_day(item.unit, _shifted(today, item.unit, -1), edge), at)
    if item.which.startswith(("month:", "quarter:")):
        return _named(item, today, edge), at
    step = {"next": 1, "after_next": 2}.get(item.which, 0)
    day = _edge_day(item.unit, _shifted(today, item.unit, step), edge)
    if item.which == "this" and item.unit == "weekend" and today.weekday() >= cal.SATURDAY:
        day = today  # "this weekend" said on the weekend: today
    if item.which == "this" and edge == "end":
        instant = wall(day, at or DEFAULT_TIME[kind], ctx.tz)
        if instant < ctx.local_now:  # EOW on Saturday: next week's Friday
            day = _edge_day(item.unit, _shifted(today, item.unit, 1), edge)
    return day, at


def _shifted(today: date, unit: str, periods: int) -> date:
    """A day inside the period `periods` periods away from today's."""
    if unit in {"week", "weekend"}:
        return today + timedelta(weeks=periods)
    months = {"month": 1, "quarter": 3, "year": 12}[unit]
    return cal.add_months(today.replace(day=1), periods * months)


def _edge_day(unit: str, inside: date, edge: str) -> date:
    if unit == "week":
        return cal.monday_of(inside) + timedelta(days=_WEEK_EDGES[edge])
    if unit == "weekend":
        return cal.monday_of(inside) + timedelta(days=6 if edge == "end" else 5)
    if unit == "month":
        first, last = inside.replace(day=1), cal.last_day(inside.year, inside.month)
    elif unit == "quarter":
        first = cal.quarter_start(inside.year, cal.quarter_of(inside))
        last = cal.last_day(first.year, first.month + 2)
    else:
        first, last = date(inside.year, 1, 1), date(inside.year, 12, 31)
    if edge == "start":
        return first
    if edge == "end":
        return last
    return first + (last - first) / 2 if unit != "month" else first.replace(day=15)


def _named(item: Period, today: date, edge: str) -> date:
    """The next "January" / "Q1" whose edge day is today or later."""
    number = int(item.which.split(":")[1])
    for year in (today.year, today.year + 1):
        monthly = item.unit == "month"
        inside = date(year, number, 1) if monthly else cal.quarter_start(year, number)
        day = _edge_day(item.unit, inside, edge)
        if day >= today:
            return day
    raise AssertionError("next year's edge day is always ahead")  # pragma: no cover


def nth_weekday_day(item: NthWeekday, today: date, text: str) -> date:
    """The n-th (or last) weekday of a month. A named month is its next occurrence, except one
    in the last ~30 days, refused as past (rule 13); "of the month" that has passed this month
    means next month's, as an end of period that has passed rolls to the next period."""
    if item.month is None:
        first = cal.add_months(today.replace(day=1), 1 if item.which == "next" else 0)
        day = _nth(item, first.year, first.month, text)
        if item.which == "this" and day < today:
            following = cal.add_months(first, 1)
            day = _nth(item, following.year, following.month, text)
        return day
    this_year = cal.nth_weekday(today.year, item.month, item.weekday, item.n)
    if this_year.month == item.month and this_year >= today:
        return this_year
    if this_year.month == item.month and (today - this_year).days <= RECENT_DAYS:
        raise PastDay(this_year)
    return _nth(item, today.year + (item.month <= today.month), item.month, text)


def _nth(item: NthWeekday, year: int, month: int, text: str) -> date:
    day = cal.nth_weekday(year, month, item.weekday, item.n)
    if day.month != month:  # a fifth Monday the month lacks
        detail = f"{text.strip()} ({date(year, month, 1):%B %Y})"
        raise Refuse(DateRefusal(RefusalReason.IMPOSSIBLE, text, detail=detail))
    return day
