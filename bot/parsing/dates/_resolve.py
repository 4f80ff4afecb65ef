"""Components → an instant on the rep's clock, following CONVENTIONS.md rules 1-17.

`resolve` never raises for a phrase the grammar produced: it returns a ReadDate or a typed
DateRefusal. All wall times are built with `_wall.wall` (DST-correct).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from bot.parsing.dates import _calendar as cal
from bot.parsing.dates._components import (
    CalendarDate,
    ClockTime,
    DayOfMonth,
    Elapsed,
    Holiday,
    Impossible,
    Iso,
    NthWeekday,
    Numeric,
    Phrase,
    RelDay,
    Shift,
    Vague,
    Weekday,
    Zone,
)  # fmt: skip
from bot.parsing.dates._model import DateContext, DateRefusal, Kind, ReadDate, RefusalReason
from bot.parsing.dates._month_days import calendar_date, day_of_month, numeric_date
from bot.parsing.dates._periods import nth_weekday_day, period_day
from bot.parsing.dates._refuse import DEFAULT_TIME, PastDay, Refuse
from bot.parsing.dates._wall import add_exact, wall

PART_TIMES = {  # rule 9
    "morning": time(9), "first_thing": time(9), "am": time(9), "noon": time(12),
    "afternoon": time(14), "pm": time(14), "eod": time(17), "evening": time(18),
    "tonight": time(20), "midnight": time(0), "later_today": time(17),
}  # fmt: skip
_PM_CONTEXT = frozenset({"afternoon", "pm", "evening", "tonight"})
_AM_CONTEXT = frozenset({"morning", "first_thing", "am"})
_TODAY_ONLY = frozenset({"tonight", "later_today", "earlier_today"})
_LONGEST_SLOT = timedelta(hours=12)
"""A range that would last longer is a misreading ("3-2pm", "12-1am"), not a slot."""


def resolve(phrase: Phrase, ctx: DateContext, kind: Kind, text: str) -> ReadDate | DateRefusal:
    try:
        return _with_end(_resolve(phrase, ctx, kind, text), phrase, ctx, text)
    except Refuse as stop:
        return stop.refusal
    except (OverflowError, ValueError):  # "in 100000 years": beyond what datetime can hold
        return DateRefusal(RefusalReason.IMPOSSIBLE, text, detail=text.strip())


def _resolve(phrase: Phrase, ctx: DateContext, kind: Kind, text: str) -> ReadDate:
    tz = ctx.tz
    now = ctx.local_now
    if isinstance(phrase.problem, Vague):
        raise Refuse(DateRefusal(RefusalReason.VAGUE, text, detail=phrase.problem.word))
    if isinstance(phrase.problem, Impossible):
        raise Refuse(DateRefusal(RefusalReason.IMPOSSIBLE, text, detail=phrase.problem.detail))
    minute_now = now.replace(second=0, microsecond=0)
    if isinstance(phrase.exact, Elapsed):
        at = add_exact(minute_now, timedelta(minutes=phrase.exact.minutes), tz)
        return _checked(ReadDate(at, True, text), now)
    if phrase.exact is not None:  # "now"
        return ReadDate(minute_now, True, text)

    part = phrase.part.name if phrase.part else None
    strict_today = part is not None and (part.startswith("this_") or part in _TODAY_ONLY)
    part = part.removeprefix("this_") if part else None
    if part == "earlier_today":
        raise Refuse(DateRefusal(RefusalReason.PAST, text, resolved=minute_now))
    clock = _time_of_day(phrase.time, part, text)
    zone = _zone(phrase.zone) if phrase.zone else tz
    has_time = clock is not None
    midnight = part == "midnight" and phrase.time is None

    if phrase.day is None:
        assert clock is not None
        if midnight:
            at = wall(now.date() + timedelta(days=1), time(0), tz)
            return ReadDate(at, True, text, names_day=False)
        zone_today = now.astimezone(zone).date()
        at = wall(zone_today, clock, zone)
        if at <= now and not strict_today:
            at = wall(zone_today + timedelta(days=1), clock, zone)  # rule 2
        return _checked(ReadDate(at.astimezone(tz), True, text, names_day=False), now)

    day, day_time, past = _named_day(phrase.day, ctx, kind, text)
    if isinstance(phrase.day, Iso) and phrase.day.value.at is not None and clock is None:
        clock, has_time = phrase.day.value.at, True
    if clock is None:
        clock = day_time or DEFAULT_TIME[kind]
    at = wall(day + timedelta(days=1) if midnight else day, clock, zone).astimezone(tz)
    if past:  # the instant the rep typed, at the time typed, so the message shows it
        raise Refuse(DateRefusal(RefusalReason.PAST, text, resolved=at))
    if phrase.weekday_check is not None and day.weekday() != phrase.weekday_check.weekday:
        raise Refuse(
            DateRefusal(
                RefusalReason.WEEKDAY_MISMATCH, text, weekday_given=phrase.weekday_check.weekday,
                weekday_actual=day.weekday(), resolved=wall(day, DEFAULT_TIME[kind], tz),
            )
        )  # fmt: skip
    return _checked(ReadDate(at, has_time, text), now)


def _with_end(read: ReadDate, phrase: Phrase, ctx: DateContext, text: str) -> ReadDate:
    """A range's end after its start: the same day; a bare hour that reads earlier is the
    afternoon one ("7-9" is 19:00-21:00); else the next day ("10pm-1am"). A "range" longer
    than `_LONGEST_SLOT` is no slot ("3-2pm"): only its start is kept (rule 16)."""
    until = None if phrase.time is None else phrase.time.until
    if until is None:
        return read
    part = phrase.part.name.removeprefix("this_") if phrase.part else None
    end_clock = _time_of_day(until, part, text)
    assert end_clock is not None
    zone = _zone(phrase.zone) if phrase.zone else ctx.tz
    day = read.at.astimezone(zone).date()
    end = wall(day, end_clock, zone)
    bare = until.meridiem is None and until.style == "bare"
    if end <= read.at and bare and end_clock.hour < 12:
        end = wall(day, end_clock.replace(hour=end_clock.hour + 12), zone)
    if end <= read.at:
        end = wall(day + timedelta(days=1), end_clock, zone)
    if end - read.at > _LONGEST_SLOT:
        return read
    return replace(read, until=end.astimezone(ctx.tz))


def _checked(read: ReadDate, now: datetime) -> ReadDate:
    """Rule 17: nothing in the past."""
    if read.at < now.replace(second=0, microsecond=0):
        raise Refuse(DateRefusal(RefusalReason.PAST, read.text, resolved=read.at))
    return read


def _zone(zone: Zone) -> tzinfo:
    if zone.key[0] in "+-":
        hours, minutes = zone.key[1:].split(":")
        offset = timedelta(hours=int(hours), minutes=int(minutes))
        return timezone(-offset if zone.key[0] == "-" else offset)
    return ZoneInfo(zone.key)


def _time_of_day(  # noqa: PLR0911 - one return per reading of the hour
    clock: ClockTime | None, part: str | None, text: str
) -> time | None:
    """Rules 3 and 9: a clock time (business-hours reading of bare hours) or a part of day."""
    if clock is None:
        return PART_TIMES.get(part) if part else None
    hour, minute = clock.hour, clock.minute
    impossible = DateRefusal(
        RefusalReason.IMPOSSIBLE, text,
        detail=f"{hour}:{minute:02d}" if clock.meridiem is None else f"{hour}{clock.meridiem}",
    )  # fmt: skip
    if minute > 59 or hour < 0:
        raise Refuse(impossible)
    if clock.meridiem is not None:
        if not 1 <= hour <= 12:
            raise Refuse(impossible)
        return time(hour % 12 + (12 if clock.meridiem == "pm" else 0), minute)
    if hour > 23:
        raise Refuse(impossible)
    if clock.style == "24h" or hour == 0 or hour >= 13:
        return time(hour, minute)
    if part in _PM_CONTEXT:
        return time(hour % 12 + 12, minute)
    if part in _AM_CONTEXT:
        return time(hour % 12, minute)
    if hour == 12 or hour >= 8:  # rule 3: 8-11 am, 12 noon
        return time(hour, minute)
    return time(hour + 12, minute)  # rule 3: 1-7 pm


def _named_day(
    item: object, ctx: DateContext, kind: Kind, text: str
) -> tuple[date, time | None, bool]:
    """`_day`, with a day before today reported rather than raised: (day, its time, past?)."""
    try:
        day, at = _day(item, ctx, kind, text)
    except PastDay as gone:
        return gone.day, gone.at, True
    return day, at, False


def _day(  # noqa: PLR0911 - one return per kind of day
    item: object, ctx: DateContext, kind: Kind, text: str
) -> tuple[date, time | None]:
    """The calendar day a day component names, and a time it implies (EOW → 17:00).

    Raises PastDay for a day before today, Refuse for one that cannot be.
    """
    today = ctx.local_now.date()
    if isinstance(item, RelDay):
        day = today + timedelta(days=item.days)
        if item.days < 0:
            raise PastDay(day)
        return day, None
    if isinstance(item, Weekday):
        return _weekday(item, today), None
    if isinstance(item, CalendarDate):
        return calendar_date(item.year, item.month, item.day, ctx=ctx, kind=kind, text=text), None
    if isinstance(item, Numeric):
        return numeric_date(item, ctx, kind, text), None
    if isinstance(item, Iso):
        if not item.value.valid:
            y, m, d = item.value.parts
            raise Refuse(DateRefusal(RefusalReason.IMPOSSIBLE, text, detail=f"{y}-{m:02d}-{d:02d}"))
        return item.value.day, None
    if isinstance(item, NthWeekday):
        return nth_weekday_day(item, today, text), None
    if isinstance(item, DayOfMonth):
        return day_of_month(item.day, today), None
    if isinstance(item, Holiday):
        day = cal.holiday(item.name, today.year)
        return (day if day >= today else cal.holiday(item.name, today.year + 1)), None
    if isinstance(item, Shift):
        return _shift(item, ctx, kind, text), None
    return period_day(item, ctx, kind)


def _weekday(item: Weekday, today: date) -> date:
    monday = cal.monday_of(today)
    if item.mode == "next":  # rule 6: in next calendar week ("after next": the week after)
        return monday + timedelta(days=7 + item.weekday, weeks=item.plus_weeks)
    if item.mode == "last":
        raise PastDay(cal.last_weekday_before(today, item.weekday))
    if item.mode == "this" and monday + timedelta(days=item.weekday) >= today:
        return monday + timedelta(days=item.weekday)  # rule 5
    return cal.next_weekday_after(today, item.weekday) + timedelta(weeks=item.plus_weeks)


def _shift(item: Shift, ctx: DateContext, kind: Kind, text: str) -> date:
    today = ctx.local_now.date()
    base = _day(item.base, ctx, kind, text)[0] if item.base is not None else today
    count = int(item.amount) * item.sign
    if item.business:
        day = cal.add_business_days(base, count)
    elif item.unit in {"day", "week", "fortnight"}:
        day = base + timedelta(days=count * {"day": 1, "week": 7, "fortnight": 14}[item.unit])
    else:
        day = cal.add_months(base, count * {"month": 1, "quarter": 3, "year": 12}[item.unit])
    if item.sign < 0:
        raise PastDay(day)
    return day
