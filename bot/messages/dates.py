# ruff: noqa: RUF001 - typographic quotes are how taskbot quotes what a rep typed
"""How taskbot writes a date, and every sentence a rep sees about a date phrase it would not
guess at.

Each refusal sentence says what was wrong, in a rep's words, and what to type instead
(ARCHITECTURE.md rule 5: errors are types; users see words). They are functions of plain
facts — the phrase, the instant it pointed at, the readings it allows — so this module, like
every module in `bot.messages`, imports nothing of taskbot's: the date reader's
`DateRefusal.message` picks the sentence for its reason, the way the grammar picks its own
from `bot.messages.grammar`. Dates are written the way taskbot echoes them, "Fri 4 Dec", so a
rep can compare.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, tzinfo
from typing import Final

_WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
TRY_INSTEAD: Final = "‘tomorrow 10am’, ‘Fri 3pm’ or ‘Dec 3’"


def short_date(day: date) -> str:
    """'Fri 4 Dec 2026' — the way taskbot echoes a date."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def when_text(at: datetime, tz: tzinfo | None = None) -> str:
    """'Fri 4 Dec 2026 17:00 EST' — an instant on `tz`'s clock (else on its own), for plain
    text: echoes, notifications, date-token fallbacks. A 24-hour clock and day-month order
    read the same everywhere."""
    local = at.astimezone(tz) if tz is not None else at
    return f"{short_date(local.date())} {local:%H:%M} {local.tzname() or ''}".rstrip()


def _quoted(phrase: str) -> str:
    return f"‘{phrase.strip()}’"


def in_the_past(phrase: str, resolved: datetime | None) -> str:
    when = f" ({when_text(resolved)})" if resolved else ""
    return f"{_quoted(phrase)} is in the past{when}. Dates need to be ahead: try {TRY_INSTEAD}."


def not_a_real_date(phrase: str, detail: str, instead: Sequence[date] = ()) -> str:
    """ "Feb 30", "25:00": `detail` names the impossible part when it is known; `instead` the
    real dates either side of it (the month's last day, the next 1st), when there are any."""
    what = _quoted(detail) if detail else _quoted(phrase)
    if instead:
        options = " or ".join(f"‘{short_date(day)}’" for day in instead)
        return f"{what} isn't a real date or time. Did you mean {options}? Type the one you meant."
    return (
        f"{what} isn't a real date or time. Check the day and month (or the hour, 0–23 or "
        f"1–12 with am/pm) and try again, e.g. {TRY_INSTEAD}."
    )


def could_mean(phrase: str, readings: Sequence[date]) -> str:
    """An ambiguous phrase: two day/month orders (`readings`), or a year-or-time like 1600."""
    if readings:
        options = " or ".join(f"‘{day:%-d %b}’" for day in readings)
        return (
            f"{_quoted(phrase)} could mean {options}. Type the month as a word (e.g. {options}) "
            f"— or set your Slack language so taskbot knows which order you write dates in."
        )
    return (
        f"{_quoted(phrase)} could be a year or a time. For a time type ‘4pm’ or ‘16:00’; for a "
        f"date, e.g. ‘Dec 3’."
    )


def says_no_time(phrase: str) -> str:
    """ "soon", "ASAP", "a few days"."""
    return (
        f"{_quoted(phrase)} doesn't say when. Try a day or a time: ‘EOD’, ‘in 2 business days’, "
        f"{TRY_INSTEAD}."
    )


def weekday_contradicts(phrase: str, day: date | None, given: int, actual: int) -> str:
    """ "Friday Dec 3" when Dec 3 is a Thursday (weekdays 0 = Monday)."""
    said, really = _WEEKDAYS[given], _WEEKDAYS[actual]
    shown = short_date(day) if day else "that date"
    return (
        f"{_quoted(phrase)} doesn't add up: {shown} is a {really}, not a {said}. "
        f"Type just the date (‘{shown}’) or just the day (‘{said}’)."
    )


def unreadable(phrase: str) -> str:
    return (
        f"taskbot can't read {_quoted(phrase)} as a date. Try {TRY_INSTEAD}, ‘EOD Friday’ or "
        f"‘in 3 business days’."
    )
