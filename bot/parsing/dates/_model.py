"""The public value types of `bot.parsing.dates`: context in, reading or refusal out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from enum import StrEnum
from typing import Literal

from bot.clock import is_aware
from bot.messages import dates as words

Kind = Literal["due", "start"]
"""What the date is for: it decides the default time of a date without a time (rule 1)."""


@dataclass(frozen=True, slots=True)
class DateContext:
    """Who is asking, and when.

    `now` must be timezone-aware; `tz` is the rep's zone (a `ZoneInfo` normally, a fixed-offset
    `datetime.timezone` when Slack only knows the user's `tz_offset`); `locale` is the rep's Slack
    locale (`en-US`, `de-DE`, …) or None when unknown — it decides day/month order and the second
    language read besides English.
    """

    now: datetime
    tz: tzinfo
    locale: str | None = None

    def __post_init__(self) -> None:
        if not is_aware(self.now):
            raise ValueError("DateContext.now must be timezone-aware, e.g. datetime.now(UTC)")
        if not isinstance(self.tz, tzinfo):
            raise TypeError(f"DateContext.tz must be a tzinfo, got {type(self.tz).__name__}")

    @property
    def local_now(self) -> datetime:
        """`now` on the rep's wall clock."""
        return self.now.astimezone(self.tz)

    @property
    def language(self) -> str:
        """The locale's language subtag, lower case; English when the locale is unknown."""
        if not self.locale:
            return "en"
        return self.locale.replace("_", "-").split("-")[0].lower() or "en"


class RefusalReason(StrEnum):
    """Why a phrase was not turned into a time (rule 17 of CONVENTIONS.md)."""

    PAST = "past"  # resolved, but before now
    IMPOSSIBLE = "impossible"  # Feb 30, 25:00, 13/13
    AMBIGUOUS = "ambiguous"  # 3/12 with an unknown locale; 1600
    VAGUE = "vague"  # soon, ASAP, a few days, Q4
    WEEKDAY_MISMATCH = "weekday_mismatch"  # "Friday Dec 3" when Dec 3 is a Thursday
    UNREADABLE = "unreadable"  # banana, ?, 123


@dataclass(frozen=True, slots=True)
class ReadDate:
    """A phrase read as an instant: `at` is aware and on the rep's clock (ctx.tz).

    `names_day` is False for a time alone ("5pm", "midnight"): its day came from the rule
    that a time means its next occurrence, so the grammar may place it after a start instead
    ("from 9pm to 1am"); a phrase that named the day ("tomorrow 8am") keeps that day."""

    at: datetime
    has_time: bool
    text: str
    names_day: bool = True
    until: datetime | None = None
    """The end of a range ("tomorrow 2-3pm": 15:00), after `at`; the reading is `at` (rule 16)."""


@dataclass(frozen=True, slots=True)
class DateRefusal:
    """A phrase taskbot will not guess at, with the facts a message needs.

    `resolved` is the instant a PAST phrase pointed at; `readings` the candidate dates of an
    AMBIGUOUS one, or the real dates either side of an IMPOSSIBLE one (Feb 28 / Mar 1 for a
    "Feb 29" in a common year); `weekday_given`/`weekday_actual` (0 = Monday) describe a
    WEEKDAY_MISMATCH; `detail` names the impossible part ("Feb 30", "25:00").
    """

    reason: RefusalReason
    text: str
    resolved: datetime | None = None
    readings: tuple[date, ...] = ()
    weekday_given: int | None = None
    weekday_actual: int | None = None
    detail: str = ""

    @property
    def message(self) -> str:
        """What was wrong, in a rep's words, and what to type instead (the sentences are
        `bot.messages.dates`'s; this picks the one for the reason and gives it the facts)."""
        match self.reason:
            case RefusalReason.PAST:
                return words.in_the_past(self.text, self.resolved)
            case RefusalReason.IMPOSSIBLE:
                return words.not_a_real_date(self.text, self.detail, self.readings)
            case RefusalReason.AMBIGUOUS:
                return words.could_mean(self.text, self.readings)
            case RefusalReason.VAGUE:
                return words.says_no_time(self.text)
            case RefusalReason.WEEKDAY_MISMATCH:
                day = self.resolved.date() if self.resolved else None
                given, actual = self.weekday_given or 0, self.weekday_actual or 0
                return words.weekday_contradicts(self.text, day, given, actual)
            case RefusalReason.UNREADABLE:
                return words.unreadable(self.text)


@dataclass(frozen=True, slots=True)
class FoundDate:
    """The due phrase found inside free text (rule 20).

    `text[start:end] == date_text`; `rest_text` is the text without it, tidied.
    """

    start: int
    end: int
    date_text: str
    rest_text: str
    result: ReadDate | DateRefusal = field(compare=True)
