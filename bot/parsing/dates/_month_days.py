"""Dates named by month and day (rules 13, 14): "Dec 3", "12/3", "3.12.", "the 3rd".

A yearless date is the next one — this year's or next year's, never later — unless it fell in
the last ~30 days (then it is a mistake, refused as past); a numeric date follows the rep's
locale, and with no locale an ambiguous pair is asked about.
"""

from __future__ import annotations

from datetime import date, timedelta

from bot.parsing.dates import _calendar as cal
from bot.parsing.dates._components import Numeric
from bot.parsing.dates._model import DateContext, DateRefusal, Kind, RefusalReason
from bot.parsing.dates._refuse import PastDay, Refuse

RECENT_DAYS = 30  # rule 13: a yearless date this recent is a mistake, not next year's


def calendar_date(
    year: int | None, month: int, day: int, *, ctx: DateContext, kind: Kind, text: str
) -> date:
    """Rule 13: a yearless date is the next one, unless it was in the last ~30 days."""
    today = ctx.local_now.date()
    if year is not None:
        found = cal.valid_date(year, month, day)
        if found is None:
            raise Refuse(_impossible_day(text, year, month, day))
        if found < today:
            raise PastDay(found)
        return found
    this_year = cal.valid_date(today.year, month, day)
    if this_year is not None and this_year < today and (today - this_year).days <= RECENT_DAYS:
        raise PastDay(this_year)
    # Rule 13's next occurrence is this year's month-day if still to come, else next year's —
    # never a later year: "2/29" said in Feb 2027 is Feb 29 2027, which does not exist, so it
    # is refused with the real dates either side rather than moved to 2028.
    year = today.year if (month, day) >= (today.month, today.day) else today.year + 1
    found = cal.valid_date(year, month, day)
    if found is None:
        raise Refuse(_impossible_day(text, year, month, day))
    return found


def _impossible_day(text: str, year: int, month: int, day: int) -> DateRefusal:
    """Feb 29 2027, June 31: say which date, and offer the month's last day and the next 1st."""
    if not 1 <= month <= 12:
        return DateRefusal(RefusalReason.IMPOSSIBLE, text, detail=f"{month}/{day}")
    last = cal.last_day(year, month)
    if not last.day < day <= 31:
        return DateRefusal(RefusalReason.IMPOSSIBLE, text, detail=f"{last:%b} {day}")
    return DateRefusal(
        RefusalReason.IMPOSSIBLE, text, detail=f"{last:%b} {day} {year}",
        readings=(last, last + timedelta(days=1)),
    )  # fmt: skip


def numeric_date(item: Numeric, ctx: DateContext, kind: Kind, text: str) -> date:
    """Rule 14: numeric dates follow the locale; unknown locale + ambiguous pair → ask."""
    first, second, year = item.value.first, item.value.second, item.value.year
    orders = _orders(first, second, item.value.sep, ctx.locale)
    if len(orders) > 1:
        readings = []
        for month, day in orders:
            try:
                readings.append(calendar_date(year, month, day, ctx=ctx, kind=kind, text=text))
            except (Refuse, PastDay):  # a reading that cannot be, or is past, is no reading
                continue
        if len(readings) != 1:
            raise Refuse(DateRefusal(RefusalReason.AMBIGUOUS, text, readings=tuple(readings)))
        return readings[0]
    month, day = orders[0]
    return calendar_date(year, month, day, ctx=ctx, kind=kind, text=text)


def _orders(  # noqa: PLR0911 - one return per case of rule 14
    first: int, second: int, sep: str, locale: str | None
) -> list[tuple[int, int]]:
    """Candidate (month, day) readings of `first sep second`."""
    if sep == "." or (first > 12 >= second):
        return [(second, first)]  # German D.M., or a day > 12 first
    if second > 12 >= first:
        return [(first, second)]
    if first > 12:  # both > 12: 13/13
        return [(first, second)]
    if first == second:
        return [(first, second)]
    order = locale_order(locale)
    if order == "MD":
        return [(first, second)]
    if order == "DM":
        return [(second, first)]
    return [(second, first), (first, second)]


def locale_order(locale: str | None) -> str | None:
    """'MD' for en-US, 'DM' for other known locales, None when the locale is unknown."""
    if not locale:
        return None
    normal = locale.replace("_", "-").lower()
    if normal == "en-us" or normal.split("-")[0] in {"ja", "zh", "ko"}:
        return "MD"  # Japanese, Chinese and Korean write month before day too (12/3 = Dec 3)
    return "DM"


def day_of_month(day: int, today: date) -> date:
    """The next date with this day of month, today included (rule 13)."""
    for months in range(13):
        first = cal.add_months(today.replace(day=1), months)
        found = cal.valid_date(first.year, first.month, day)
        if found is not None and found >= today:
            return found
    raise AssertionError("every day 1-31 occurs within 13 months")  # pragma: no cover
