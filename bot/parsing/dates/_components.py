"""What a date phrase says, before it is placed on a calendar (the grammar's output)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.parsing.dates._tokens import IsoDate, NumDate


@dataclass(frozen=True, slots=True)
class RelDay:
    days: int  # today 0, tomorrow 1, yesterday -1


@dataclass(frozen=True, slots=True)
class Weekday:
    weekday: int  # 0 = Monday
    mode: str  # bare | this | next | last
    plus_weeks: int = 0  # "a week from Friday", "Friday week"


@dataclass(frozen=True, slots=True)
class CalendarDate:
    month: int
    day: int
    year: int | None = None


@dataclass(frozen=True, slots=True)
class Numeric:
    """A numeric date whose day/month order depends on the locale (rule 14)."""

    value: NumDate


@dataclass(frozen=True, slots=True)
class Iso:
    value: IsoDate


@dataclass(frozen=True, slots=True)
class DayOfMonth:
    day: int


@dataclass(frozen=True, slots=True)
class NthWeekday:
    """ "first Monday of December", "last Friday of the month", "2nd Tue of next month"."""

    n: int  # 1..5, or -1 for the last
    weekday: int  # 0 = Monday
    month: int | None  # a named month (its next occurrence), else the month `which` names
    which: str = "this"  # this | next


@dataclass(frozen=True, slots=True)
class Shift:
    """N days/weeks/months/years (or business days) from today or from a base day."""

    amount: float
    unit: str  # day week fortnight month quarter year
    business: bool = False
    base: object | None = None  # a day component ("a week from Friday")
    sign: int = 1  # -1: "2 days ago"


@dataclass(frozen=True, slots=True)
class Period:
    unit: str  # week month quarter year weekend
    which: str  # this | next | after_next | last | month:<n> | quarter:<n>
    edge: str  # start | mid | end


@dataclass(frozen=True, slots=True)
class Holiday:
    name: str


@dataclass(frozen=True, slots=True)
class ClockTime:
    hour: int
    minute: int
    meridiem: str | None  # am | pm | None
    style: str  # "bare": business-hours reading (rule 3); "24h": as written
    lone: bool = False  # a plain number ("5"): a time only after "at"/"by" or a day
    until: ClockTime | None = None  # the end of a range ("2-3pm"): rule 16 reads the start


@dataclass(frozen=True, slots=True)
class PartOfDay:
    name: str  # morning noon afternoon eod evening tonight midnight first_thing am pm …


@dataclass(frozen=True, slots=True)
class Elapsed:
    minutes: float  # exact now + delta (rule 8)


@dataclass(frozen=True, slots=True)
class Now:
    pass


@dataclass(frozen=True, slots=True)
class Zone:
    key: str  # IANA key


@dataclass(frozen=True, slots=True)
class Vague:
    word: str


@dataclass(frozen=True, slots=True)
class Impossible:
    detail: str


DAY_TYPES = (
    RelDay, Weekday, CalendarDate, Numeric, Iso, DayOfMonth, NthWeekday, Shift, Period, Holiday,
)  # fmt: skip


@dataclass(slots=True)
class Phrase:
    """The components of one date phrase, slot by slot."""

    day: object | None = None
    weekday_check: Weekday | None = None  # "Thursday Dec 3": the weekday must agree
    time: ClockTime | None = None
    part: PartOfDay | None = None
    zone: Zone | None = None
    exact: Elapsed | Now | None = None
    problem: Vague | Impossible | None = None
    parts: list[object] = field(default_factory=list)

    def accepts(self, item: object) -> bool:  # noqa: PLR0911 - one rule per slot
        """Whether `item` can join this phrase (one day, one time, one zone…)."""
        if self.problem is not None or isinstance(item, Vague | Impossible):
            return not self.parts
        if isinstance(item, Elapsed | Now):
            return not self.parts
        if self.exact is not None:
            return False
        if isinstance(item, Zone):
            return self.zone is None and self._has_time_of_day()
        if isinstance(item, ClockTime):
            return self.time is None
        if isinstance(item, PartOfDay):
            return self.part is None
        if isinstance(item, DAY_TYPES):
            if self.day is None:
                return True
            pair = (self.day, item)
            return self.weekday_check is None and any(
                isinstance(a, Weekday) and a.mode == "bare" and a.plus_weeks == 0
                and isinstance(b, CalendarDate | DayOfMonth | Numeric | Iso | Holiday)
                for a, b in (pair, pair[::-1])
            )  # fmt: skip
        return False

    def _has_time_of_day(self) -> bool:
        """A time a zone can apply to: a clock time, a part of day, an ISO date's own time."""
        iso_time = isinstance(self.day, Iso) and self.day.value.at is not None
        return self.time is not None or self.part is not None or iso_time

    def add(self, item: object) -> None:
        self.parts.append(item)
        if isinstance(item, Vague | Impossible):
            self.problem = item
        elif isinstance(item, Elapsed | Now):
            self.exact = item
        elif isinstance(item, Zone):
            self.zone = item
        elif isinstance(item, ClockTime):
            self.time = item
        elif isinstance(item, PartOfDay):
            self.part = item
        elif self.day is None:
            self.day = item
        elif isinstance(self.day, Weekday):
            self.weekday_check, self.day = self.day, item
        else:
            assert isinstance(item, Weekday)
            self.weekday_check = item
