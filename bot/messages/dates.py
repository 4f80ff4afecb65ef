# ruff: noqa: RUF001 - typographic quotes are how taskbot quotes what a rep typed
"""Every sentence a rep sees about a date phrase taskbot would not guess at.

Each message says what was wrong, in a rep's words, and what to type instead (ARCHITECTURE.md
rule 5: errors are types; users see words). Dates are written the way the card echoes them,
"Fri 4 Dec", so a rep can compare.
"""

from __future__ import annotations

from datetime import date, datetime

from bot.parsing.dates import DateRefusal, RefusalReason

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
TRY_INSTEAD = "‘tomorrow 10am’, ‘Fri 3pm’ or ‘Dec 3’"


def short_date(day: date) -> str:
    """'Fri 4 Dec 2026' — the way taskbot echoes a date."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def when_text(at: datetime) -> str:
    """'Fri 4 Dec 2026 17:00 EST' — an instant on the rep's clock."""
    return f"{short_date(at.date())} {at:%H:%M} {at.tzname() or ''}".rstrip()


def refusal_message(refusal: DateRefusal) -> str:
    """What was wrong with the phrase and what to type instead."""
    phrase = f"‘{refusal.text.strip()}’"
    reason = refusal.reason
    if reason is RefusalReason.PAST:
        when = f" ({when_text(refusal.resolved)})" if refusal.resolved else ""
        return f"{phrase} is in the past{when}. Dates need to be ahead: try {TRY_INSTEAD}."
    if reason is RefusalReason.IMPOSSIBLE:
        what = f"‘{refusal.detail}’" if refusal.detail else phrase
        return (
            f"{what} isn't a real date or time. Check the day and month (or the hour, 0–23 or "
            f"1–12 with am/pm) and try again, e.g. {TRY_INSTEAD}."
        )
    if reason is RefusalReason.AMBIGUOUS:
        return _ambiguous(phrase, refusal)
    if reason is RefusalReason.VAGUE:
        return (
            f"{phrase} doesn't say when. Try a day or a time: ‘EOD’, ‘in 2 business days’, "
            f"{TRY_INSTEAD}."
        )
    if reason is RefusalReason.WEEKDAY_MISMATCH:
        given = _WEEKDAYS[refusal.weekday_given or 0]
        actual = _WEEKDAYS[refusal.weekday_actual or 0]
        day = short_date(refusal.resolved.date()) if refusal.resolved else "that date"
        return (
            f"{phrase} doesn't add up: {day} is a {actual}, not a {given}. "
            f"Type just the date (‘{day}’) or just the day (‘{given}’)."
        )
    return (
        f"taskbot can't read {phrase} as a date. Try {TRY_INSTEAD}, ‘EOD Friday’ or "
        f"‘in 3 business days’."
    )


def _ambiguous(phrase: str, refusal: DateRefusal) -> str:
    if refusal.readings:
        options = " or ".join(f"‘{day:%-d %b}’" for day in refusal.readings)
        return (
            f"{phrase} could mean {options}. Type the month as a word (e.g. {options}) — or set "
            f"your Slack language so taskbot knows which order you write dates in."
        )
    return (
        f"{phrase} could be a year or a time. For a time type ‘4pm’ or ‘16:00’; for a date, "
        f"e.g. ‘Dec 3’."
    )
