"""Start and due as text in the form: instants written so `read_date` reads them back exactly,
and the due a new form suggests.

The form's date fields are free text read with the `/task` conventions (`read_date`), so a
task being edited shows its times as a phrase taskbot reads back to the same minute:

    Fri 4 December 2026 17:00      24-hour clock, the way taskbot echoes times
    Sat 5 December 2026 5:30am     1-7 o'clock in the morning say "am": the conventions read a
                                   bare 1-7 as afternoon (CONVENTIONS.md rule 3, "at 5" = 17:00),
                                   and the reader applies that to "05:30" as well
    Sun 7 November 2027 1:30am UTC-05:00
                                   a wall time that happens twice (the hour repeated when DST
                                   ends) names its offset; the reader takes the first otherwise

Months are spelled out: "Mar" is also French for Tuesday (mardi), and for a French-speaking
rep the reader then refuses "Fri 2 Mar" as a contradiction. Full names read in every locale.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from typing import Final

from bot.clock import is_aware
from bot.domain import TaskType
from bot.parsing.dates import DateContext, default_due, offset_label

_BARE_PM_HOURS = range(1, 8)  # CONVENTIONS.md rule 3: a bare 1-7 is read as pm
_EOD_HOUR: Final = 17  # CONVENTIONS.md rule 10: EOD is 17:00
_WEEK: Final = 7
"""A bare weekday ("Mon") is the next one after today (rule 4): only days within a week."""


def instant_text(at: datetime, tz: tzinfo) -> str:
    """`at` on the rep's clock, as text `read_date` reads back to the same minute."""
    if not is_aware(at):
        raise ValueError(f"instant_text needs an aware datetime, got {at.isoformat()}")
    local = at.astimezone(tz)
    hour, minute = local.hour, local.minute
    clock = f"{hour}:{minute:02d}am" if hour in _BARE_PM_HOURS else f"{hour:02d}:{minute:02d}"
    text = f"{local:%a} {local.day} {local:%B %Y} {clock}"
    if _repeated(local):
        text += f" {offset_label(local.utcoffset() or timedelta(0))}"
    return text


def same_text(typed: str, at: datetime, tz: tzinfo) -> bool:
    """Whether the rep left a time as the form showed it (spaces and case aside)."""
    return " ".join(typed.split()).casefold() == instant_text(at, tz).casefold()


def default_due_text(task_type: TaskType | None, ctx: DateContext) -> str:
    """The due a new form suggests when the rep gave none: `default_due` (the same rule as
    `/task`), in words a rep would type and `read_date` reads back to the same minute —
    "EOD", "EOD tomorrow", "EOD Mon", "tomorrow 10am", "today 10am". The words stay the
    rep's to change."""
    due = default_due(task_type, ctx)
    today = ctx.local_now.date()
    days = (due.date() - today).days
    if not 0 <= days < _WEEK or due.minute or due.hour == 0:
        return instant_text(due, ctx.tz)  # not a shape default_due makes: exact words
    day = "today" if days == 0 else "tomorrow" if days == 1 else f"{due:%a}"
    if due.hour == _EOD_HOUR:
        return "EOD" if days == 0 else f"EOD {day}"
    hour = f"{due.hour}am" if due.hour < 12 else "noon" if due.hour == 12 else f"{due.hour - 12}pm"
    return f"{day} {hour}"


def _repeated(local: datetime) -> bool:
    """The wall time happens twice (its other `fold` has another offset)."""
    other = local.replace(fold=1 - local.fold)
    return other.utcoffset() != local.utcoffset()
