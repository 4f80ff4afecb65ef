"""Lexemes → components: the longest date component that starts at a position.

Each matcher looks at the lexemes from index `i` and returns `(component, next_index)` or None.
Fillers ("the", "of", "de", a comma) may sit between the words of one component.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

from bot.parsing.dates._components import (
    CalendarDate,
    DayOfMonth,
    Elapsed,
    Holiday,
    Impossible,
    Iso,
    NthWeekday,
    Numeric,
    PartOfDay,
    Period,
    RelDay,
    Shift,
    Vague,
    Weekday,
)  # fmt: skip
from bot.parsing.dates._cursor import Match
from bot.parsing.dates._lexicon import Cat
from bot.parsing.dates._period_grammar import MOD_TO_WEEKDAY_MODE, PeriodMatchers
from bot.parsing.dates._times import TimeMatchers
from bot.parsing.dates._tokens import IsoDate, Lexeme, NumDate

_DAY_NUMBERS = frozenset({Cat.NUM, Cat.ORDINAL, Cat.ORDWORD})


class Grammar(TimeMatchers, PeriodMatchers):
    """Day, period and duration matchers over one lexeme list, plus the time matchers."""

    def __init__(self, lexemes: Sequence[Lexeme], language: str, *, whole: bool = False) -> None:
        self.lexemes = lexemes
        self.whole = whole
        """The lexemes are one whole phrase (`read_date`), not free text (`find_date`): a bare
        "2 weeks" is then a due date (rule 1) rather than a quantity in a sentence."""
        self.clock_style = "bare" if language == "en" else "24h"

    # -- helpers -----------------------------------------------------------------------
    def match(self, i: int) -> Match:
        """The longest component starting at `i`."""
        best: Match = None
        for matcher in _MATCHERS:
            found = matcher(self, i)
            if found is not None and (best is None or found[1] > best[1]):
                best = found
        return best

    # -- days --------------------------------------------------------------------------
    def _relative_day(self, i: int) -> Match:
        if self.cat(i) is Cat.RELDAY:
            days = self.val(i)
            assert isinstance(days, int)
            return RelDay(days), i + 1
        later_or_earlier = self.cat(i) in {Cat.LATER, Cat.EARLIER}
        if later_or_earlier and self.cat(i + 1) is Cat.RELDAY and self.val(i + 1) == 0:
            name = "later_today" if self.cat(i) is Cat.LATER else "earlier_today"
            return PartOfDay(name), i + 2
        return None

    def _weekday(self, i: int) -> Match:  # noqa: PLR0911 - one return per form
        if self.cat(i) is Cat.MOD:
            mode = MOD_TO_WEEKDAY_MODE[str(self.val(i))]
            j = self.skip_fillers(i + 1)
            if self.cat(j) is Cat.WEEKDAY:
                return Weekday(int(str(self.val(j))), mode), j + 1
            if mode == "next" and self.val(j) == "week" and self.cat(j + 1) is Cat.WEEKDAY:
                return Weekday(int(str(self.val(j + 1))), "next"), j + 2
            return None
        if self.cat(i) is not Cat.WEEKDAY:
            return None
        weekday = int(str(self.val(i)))
        j = self.skip_fillers(i + 1)
        if self.cat(j) is Cat.MOD and self.val(j) == "next" and self.val(j + 1) == "week":
            return Weekday(weekday, "next"), j + 2
        if self.cat(i + 1) is Cat.UNIT and self.val(i + 1) == "week":
            return Weekday(weekday, "bare", plus_weeks=1), i + 2  # British "Friday week"
        if self.cat(i + 1) is Cat.AFTER and self._postposed(i + 2) == ("next", i + 3):
            return Weekday(weekday, "next", plus_weeks=1), i + 3  # "Thursday after next"
        after = self._postposed(i + 1)
        if after is not None and after[0] in {"next", "last"}:  # "lundi prochain" (rule 6)
            return Weekday(weekday, after[0]), after[1]
        return Weekday(weekday, "bare"), i + 1

    def _shift(self, i: int) -> Match:  # noqa: PLR0911 - one return per form
        j, introduced, sign = i, False, 1
        if self.cat(j) is Cat.IN:
            j, introduced = j + 1, True
        elif self.cat(j) is Cat.AGO:  # "vor 2 Tagen", "hace 2 días"
            j, introduced, sign = j + 1, True, -1
        elif self.cat(j) is Cat.MOD and self.val(j) in {"next", "next_bare"}:
            if self.cat(j + 1) is Cat.BIZ and (
                self.val(j + 1) == "day" or self.val(j + 2) == "day"
            ):
                return Shift(1, "day", business=True), j + (2 if self.val(j + 1) else 3)
            return None
        if introduced and self.cat(j) is Cat.SPAN_H:
            hours_or_minutes, span_unit = self.pair(j)
            return Elapsed(hours_or_minutes * (60 if span_unit == "hour" else 1)), j + 1
        if self.cat(j) is Cat.FEW:
            k = j + 1 + (self.cat(j + 1) is Cat.BIZ)
            if self.cat(k) is Cat.UNIT:
                return Vague(" ".join(lexeme.raw for lexeme in self.lexemes[i : k + 1])), k + 1
            return None
        if self.cat(j) is Cat.HALF and self.val(j) == "an" and self.val(j + 1) == "hour":
            return Elapsed(30), j + 2
        return self._units(j, introduced=introduced, sign=sign)

    def _units(self, j: int, *, introduced: bool, sign: int) -> Match:  # noqa: PLR0911
        """N (business) units from `j`: "3 days", "an hour and a half", "2 weeks from Friday",
        "a week on Monday"; without "in"/"from now" only as the whole text or business days."""
        counted = self._count(j, introduced=introduced)
        if counted is None:
            return None
        number, unit, business, k = counted
        if self.cat(k) is Cat.AGO and sign == 1:
            return Shift(number, unit, business, sign=-1), k + 1
        if self.cat(k) is Cat.FROM_NOW or (self.cat(k) is Cat.LATER and not introduced):
            introduced = True
            k += 1
        elif not introduced and (self.cat(k) is Cat.FROM or self._british_on(k)):
            base = self._relative_day(k + 1) or self._weekday(k + 1)
            if base is None:
                return None
            return Shift(number, unit, business, base=base[0]), base[1]
        if not (introduced or business or self.whole):
            return None
        if unit in {"minute", "hour"}:
            return Elapsed(number * (60 if unit == "hour" else 1) * sign), k
        if number != int(number):
            return Elapsed(number * 1440 * (7 if unit == "week" else 1) * sign), k
        return Shift(number, unit, business, sign=sign), k

    def _count(self, j: int, *, introduced: bool) -> tuple[float, str, bool, int] | None:
        """An amount and its unit from `j` — (amount, unit, business days?, index after)."""
        number = self.amount(j)
        if number is None:
            return None
        k = j + 1
        if self._and_a_half(k):  # "one and a half hours"
            number, k = number + 0.5, k + 1
        business = self.cat(k) is Cat.BIZ
        if business and self.val(k) == "day":
            unit: object = "day"
        else:
            k += business
            unit = self.val(k) if self.cat(k) is Cat.UNIT else None
            if introduced and self.cat(k) is Cat.OCLOCK:  # Dutch "over 2 uur": in 2 hours
                unit = "hour"
        k += 1
        if unit is None or unit == "weekend" or (business and unit != "day"):
            return None
        if self._and_a_half(k):  # "an hour and a half", "una hora y media"
            number, k = number + 0.5, k + 1
        return number, str(unit), business, k

    def _and_a_half(self, i: int) -> bool:
        """ "and a half", "y media", "et demie", "e meia": half a unit more."""
        return self.cat(i) is Cat.QUARTER_PAST and self.val(i) == 30

    def _british_on(self, i: int) -> bool:
        """British "a week on Monday" (= a week from Monday, rule 7): "on" before a weekday."""
        return self.cat(i) is Cat.PREP and self.val(i) == "on" and self.cat(i + 1) is Cat.WEEKDAY

    def _date(self, i: int) -> Match:  # noqa: PLR0911 - one return per form
        cat = self.cat(i)
        if cat is Cat.NUMDATE:
            value = self.val(i)
            assert isinstance(value, NumDate)
            return Numeric(value), i + 1
        if cat is Cat.ISO:
            iso = self.val(i)
            assert isinstance(iso, IsoDate)
            return Iso(iso), i + 1
        if cat is Cat.HOLIDAY:
            return Holiday(str(self.val(i))), i + 1
        if cat is Cat.MONTH:
            month = int(str(self.val(i)))
            j = self.skip_fillers(i + 1)
            if self.cat(j) is Cat.PUNCT and self.val(j) == ".":  # "Nov. 30"
                j = self.skip_fillers(j + 1)
            year = self.integer(j) if self.cat(j) is Cat.NUM else None
            if year is not None and year > 1000:  # "Jan 2027": its first day
                return CalendarDate(month, 1, year), j + 1
            if self.cat(j) in _DAY_NUMBERS and isinstance(self.val(j), int):
                return self._with_year(month, int(str(self.val(j))), j + 1)  # "Dec the 3rd"
            return Period("month", f"month:{month}", "start"), i + 1
        if cat in _DAY_NUMBERS and isinstance(self.val(i), int):
            return self._day_first(i, int(str(self.val(i))))
        # "el tres de diciembre": a number word is a day only before a month, and only as the
        # whole phrase — in a command "two May contracts" counts contracts.
        spelled_day = self.whole and self.lexemes[i].raw.lower() not in {"a", "an"}
        if cat is Cat.NUMWORD and spelled_day and isinstance(self.val(i), int):
            return self._day_first(i, int(str(self.val(i))))
        return None

    def _day_first(self, i: int, day: int) -> Match:
        """ "3 Dec", "3. Dezember", "the third of December", "the 15th (of the month)"."""
        j = self.skip_fillers(i + 1)
        if self.cat(j) is Cat.PUNCT and self.val(j) == "." and self.cat(j + 1) is Cat.MONTH:
            j += 1  # German ordinal: "3. Dezember"
        if self.cat(j) is Cat.MONTH and day < 100:
            return self._with_year(int(str(self.val(j))), day, j + 1)
        if self.cat(i) in {Cat.NUM, Cat.NUMWORD}:
            return None
        if not 1 <= day <= 31:
            return Impossible(self.lexemes[i].raw), i + 1
        if self.cat(j) is Cat.UNIT and self.val(j) == "month":  # "the 1st of the month"
            return DayOfMonth(day), j + 1
        # A spelled ordinal alone is a day only as a whole phrase after "the" ("by the
        # first"): in free text "the first draft" or "a second call" are not dates.
        spelled = self.cat(i) is Cat.ORDWORD
        if spelled and not (self.whole and i > 0 and self.lexemes[i - 1].raw.lower() == "the"):
            return None
        return DayOfMonth(day), i + 1

    def _nth_weekday(self, i: int) -> Match:
        """ "first Monday of December", "2nd Tue in March", "last Friday of (next) month"."""
        if self.cat(i) in {Cat.ORDWORD, Cat.ORDINAL} and self.val(i) in range(1, 6):
            n = int(str(self.val(i)))
        elif self.cat(i) is Cat.MOD and self.val(i) == "last":
            n = -1
        else:
            return None
        if self.cat(i + 1) is not Cat.WEEKDAY:
            return None
        weekday = int(str(self.val(i + 1)))
        k = self.skip_fillers(i + 2)
        if self.cat(k) is Cat.IN:
            k = self.skip_fillers(k + 1)
        if self.cat(k) is Cat.MONTH:
            return NthWeekday(n, weekday, int(str(self.val(k)))), k + 1
        which = "this"
        if self.cat(k) is Cat.MOD and self.val(k) in {"this", "next", "next_bare"}:
            which = "this" if self.val(k) == "this" else "next"
            k = self.skip_fillers(k + 1)
        if self.cat(k) is Cat.UNIT and self.val(k) == "month" and k > i + 2:
            return NthWeekday(n, weekday, None, which), k + 1
        return None

    def _with_year(self, month: int, day: int, j: int) -> Match:
        k = self.skip_fillers(j)
        year = None
        written_year = self.integer(k) if self.cat(k) is Cat.NUM else None
        if written_year is not None and 1000 < written_year < 3000:
            year, j = written_year, k + 1
        if not 1 <= day <= 31:
            return Impossible(" ".join(lexeme.raw for lexeme in self.lexemes[j - 2 : j])), j
        return CalendarDate(month, day, year), j

    # -- times -------------------------------------------------------------------------
    def _vague(self, i: int) -> Match:
        if self.cat(i) is Cat.VAGUE:
            return Vague(self.lexemes[i].raw), i + 1
        if self.cat(i) is Cat.QUARTER_NAME:
            return Vague(self.lexemes[i].raw), i + 1
        if self.cat(i) is Cat.LATER:
            return Vague(self.lexemes[i].raw), i + 1
        return None


_MATCHERS: Final[tuple[Callable[[Grammar, int], Match], ...]] = (
    Grammar._relative_day, Grammar._weekday, Grammar._shift, Grammar._period, Grammar._date,
    Grammar._nth_weekday,
    Grammar._time, Grammar._part, Grammar._zone, Grammar._vague,
)  # fmt: skip
"""Every matcher `Grammar.match` tries, as plain functions: a tuple of bound methods on each
Grammar would tie it into a reference cycle, left for the cyclic collector once per phrase
(most of what a /task still left it; tests/bench/command_cpu.py --gc)."""
