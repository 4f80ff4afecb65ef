"""Matchers for times of day: clock times, bare hours, ranges, parts of day, zones (rules 3,
8, 9, 15, 16)."""

from __future__ import annotations

from dataclasses import replace

from bot.parsing.dates._components import ClockTime, Now, PartOfDay, Zone
from bot.parsing.dates._cursor import Cursor, Match
from bot.parsing.dates._lexicon import Cat
from bot.parsing.dates._tokens import Clock, NumDate, zero_padded
from bot.parsing.dates._zones import TIME_WORDS, ZONE_WORDS


class TimeMatchers(Cursor):
    clock_style = "bare"  # how a colon time without am/pm reads; "24h" outside English
    """The language's reading of "5:00"; a time whose writing says 24-hour ("05:00", "15h30",
    "at 05") is read as written whatever the language (see `Clock.twenty_four`)."""

    def _time(self, i: int) -> Match:
        cat = self.cat(i)
        ranged = cat in {Cat.BETWEEN, Cat.FROM}
        first = self._single_time(i + 1 if ranged else i)
        if first is None:
            return None
        start, j = first
        if self.cat(j) in {Cat.DASH, Cat.TO, Cat.AND} or (ranged and self.cat(j) is Cat.AND):
            second = self._single_time(j + 1)
            if second is not None and isinstance(start, ClockTime):
                end, k = second
                colon = self.cat(i) is Cat.CLOCK and self.cat(j + 1) in {Cat.CLOCK, Cat.NUM}
                if isinstance(end, ClockTime) and (
                    ranged or start.meridiem or end.meridiem or colon
                ):  # "2-3pm", "from 3 to 5", "14:00-15:00", "9:30-10:30"
                    return self._range_start(start, end), k
        if ranged:
            return None
        if isinstance(start, ClockTime) and start.lone:
            if (cat is Cat.AT or self._deadline_word(i)) and not self._counts_things(j):
                return replace(start, lone=False), j
            return None  # a lone number is a time only after "at" or a day
        return start, j

    def bare_hour(self, i: int) -> Match:
        """A lone number right after a day ("thursday 9"), unless it counts things ("3 quotes")."""
        number = self.val(i)
        if self.cat(i) is not Cat.NUM or not isinstance(number, int) or number > 23:
            return None
        if self._counts_things(i + 1):
            return None
        return ClockTime(number, 0, None, self._number_style(i)), i + 1

    def hour_range(self, i: int) -> Match:
        """Two hours joined by a dash right after a day ("Mon 1-3", "tomorrow 9-11"): a slot
        read by rule 16 (its start) and rule 3 (bare hours), not a month-day date — a weekday
        followed by a dashed date is rare, and the date reading of "Mon 1-3" (Jan 3) would
        contradict the weekday anyway. Numbers above 12 keep the date reading ("Mon 1-15")."""
        value = self.val(i)
        if self.cat(i) is not Cat.NUMDATE or not isinstance(value, NumDate):
            return None
        if value.sep != "-" or value.year is not None or value.first == value.second:
            return None
        if not (1 <= value.first <= 12 and 1 <= value.second <= 12):
            return None
        start, end = (ClockTime(hour, 0, None, "bare") for hour in (value.first, value.second))
        return self._range_start(start, end), i + 1

    def _number_style(self, i: int) -> str:
        """A plain number is a bare hour (rule 3) unless written zero-padded: "at 05" is 05:00."""
        return "24h" if zero_padded(self.lexemes[i].raw) else "bare"

    def _counts_things(self, i: int) -> bool:
        """A plural noun after a number makes it a quantity: "3 quotes", "by 5 units"."""
        following = self.val(i) if self.cat(i) is Cat.WORD else ""
        return isinstance(following, str) and len(following) > 2 and following.endswith("s")

    def _deadline_word(self, i: int) -> bool:
        return self.cat(i) is Cat.PREP and self.val(i) in {"by", "before", "until"}

    def _single_time(self, i: int) -> Match:  # noqa: PLR0911 - one return per form
        cat = self.cat(i)
        if cat is Cat.AT or (self._deadline_word(i) and self.cat(i + 1) is Cat.NUM):
            i += 1
            cat = self.cat(i)
        if cat is Cat.CLOCK:
            clock = self.val(i)
            assert isinstance(clock, Clock)
            mer = clock.meridiem
            j = i + 1
            if mer is None and self.cat(j) is Cat.PART and self.val(j) in {"am", "pm"}:
                mer, j = str(self.val(j)), j + 1
            style = "24h" if clock.twenty_four else self.clock_style
            return self._clock(clock.hour, clock.minute, mer, style), j
        if cat is Cat.SPAN_H and self.pair(i)[1] == "hour":
            hours = self.pair(i)[0]
            if hours == int(hours):
                return self._clock(int(hours), 0, None, "24h"), i + 1  # French/Portuguese 15h
        if cat is Cat.QUARTER_PAST and self.amount(i + 1) is not None:
            return self._quarter(int(self.amount(i + 1) or 0), int(str(self.val(i)))), i + 2
        if cat is Cat.HALF and self.val(i) == "de" and self.amount(i + 1) is not None:
            return self._quarter(int(self.amount(i + 1) or 0), -30), i + 2  # halb vier = 3:30
        number = self.amount(i)
        if number is None or number != int(number):
            return None
        if self.cat(i + 1) is Cat.OCLOCK:
            style = "24h" if self.val(i + 1) == "24h" else self._number_style(i)
            return self._clock(int(number), 0, None, style), i + 2
        if self.cat(i + 1) is Cat.QUARTER_PAST and self.val(i + 1) == 30:
            return self._quarter(int(number), 30), i + 2  # "3 y media"
        if self.cat(i + 1) is Cat.PART and self.val(i + 1) in {"am", "pm"}:
            return self._clock(int(number), 0, str(self.val(i + 1)), "bare"), i + 2
        if self.cat(i) is Cat.NUM and number <= 24:
            return ClockTime(int(number), 0, None, self._number_style(i), lone=True), i + 1
        return None

    def _quarter(self, hour: int, minutes: int) -> ClockTime:
        if minutes < 0:
            return self._clock(hour - 1, 60 + minutes, None, "bare")
        return self._clock(hour, minutes, None, "bare")

    @staticmethod
    def _clock(hour: int, minute: int, meridiem: str | None, style: str) -> ClockTime:
        return ClockTime(hour, minute, meridiem, style)

    @staticmethod
    def _range_start(start: ClockTime, end: ClockTime) -> ClockTime:
        """Rule 16: a range means its start. The end's am/pm goes to the start when that
        keeps the start first ("2-3pm" is 14:00), else the other one does ("11-12pm" and
        "9-5pm" start in the morning). The end rides along (`until`) for the command
        grammar, which makes a slot of it (bot/parsing/dates/_resolve._with_end)."""
        end = replace(end, lone=False)
        if start.meridiem is None and end.meridiem is not None and 1 <= start.hour <= 12:
            end_at = (_hour24(end.hour, end.meridiem), end.minute)
            for meridiem in (end.meridiem, "am" if end.meridiem == "pm" else "pm"):
                if meridiem != end.meridiem and meridiem == "am" and start.hour < _EARLIEST:
                    break  # "3-2pm" is no 3 am start: no reading, only rule 3's 15:00
                if (_hour24(start.hour, meridiem), start.minute) <= end_at:
                    return ClockTime(start.hour, start.minute, meridiem, start.style, until=end)
        return replace(start, lone=False, until=end)

    def _part(self, i: int) -> Match:
        if self.cat(i) is Cat.MOD and self.val(i) == "this" and self.cat(i + 1) is Cat.PART:
            return PartOfDay(f"this_{self.val(i + 1)}"), i + 2
        if self.cat(i) is Cat.PART:
            return PartOfDay(str(self.val(i))), i + 1
        if self.cat(i) is Cat.NOW:
            return Now(), i + 1
        return None

    def _zone(self, i: int) -> Match:
        if self.cat(i) is not Cat.WORD or str(self.val(i)) not in ZONE_WORDS:
            return None
        key, j = ZONE_WORDS[str(self.val(i))], i + 1
        if key == "UTC" and self.cat(j) is Cat.PUNCT and self.val(j) in {"+", "-"}:
            sign = 1 if self.val(j) == "+" else -1
            if self.cat(j + 1) is Cat.NUM and isinstance(self.val(j + 1), int):
                return Zone(f"{sign * int(str(self.val(j + 1))):+03d}:00"), j + 2
            if self.cat(j + 1) is Cat.CLOCK:
                clock = self.val(j + 1)
                assert isinstance(clock, Clock)
                return Zone(f"{'+' if sign > 0 else '-'}{clock.hour:02d}:{clock.minute:02d}"), j + 2
        if self.cat(j) is Cat.WORD and self.val(j) in TIME_WORDS:
            j += 1
        return Zone(key), j


_EARLIEST = 6
"""A range's start is taken as morning ("9-5pm") only from 6 am: "3-2pm" is not 3 am."""


def _hour24(hour: int, meridiem: str) -> int:
    return hour % 12 + (12 if meridiem == "pm" else 0)
