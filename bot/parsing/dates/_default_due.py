"""When a task is due if the rep named no due date: one rule for `/task` and the form.

CONVENTIONS.md says how to read a phrase, not what to do without one, so this is taskbot's
choice, made for a rep who will judge it:

* A call or a meeting is an appointment: it is due at 10:00. Any other task is work to get
  done: it is due at the end of the day, 17:00 (EOD, rule 10).
* That time on the day the task starts, if the day is a business day and the time is more
  than two hours ahead of the start; else that time on the next business day (rule 12's
  business days: weekends skipped, holidays not). So a task typed at 16:58 is never due two
  minutes later, a call typed at 9:00 is due tomorrow at 10:00, and one typed on Friday
  evening or at the weekend is due on Monday.
* The task starts now unless the rep said when (`after`): "start Monday" is due Monday 17:00.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Final

from bot.clock import is_aware
from bot.domain import TaskType
from bot.parsing.dates._calendar import SATURDAY, add_business_days
from bot.parsing.dates._model import DateContext
from bot.parsing.dates._refuse import DEFAULT_TIME
from bot.parsing.dates._wall import wall

END_OF_DAY: Final = DEFAULT_TIME["due"]
"""Work is due at the end of the day (EOD, CONVENTIONS.md rules 1 and 10)."""
APPOINTMENT_TIME: Final = time(10)
"""A call or meeting is due in the morning, when the contact can be reached."""
LEAD_TIME: Final = timedelta(hours=2)
"""A default due is more than this ahead of the start, or it moves to the next business day."""
_APPOINTMENTS: Final = frozenset({TaskType.CALL, TaskType.MEETING})


def default_due_time(task_type: TaskType | None) -> time:
    """The time of day a task with no due phrase is due: 10:00 for an appointment, else 17:00."""
    return APPOINTMENT_TIME if task_type in _APPOINTMENTS else END_OF_DAY


def default_due(
    task_type: TaskType | None, ctx: DateContext, *, after: datetime | None = None
) -> datetime:
    """The due of a task with no due phrase, on the rep's clock (`ctx.tz`); see the module
    docstring. `after` is the task's start when the rep gave one (else it starts now);
    a task with no type yet counts as work."""
    if after is not None and not is_aware(after):
        raise ValueError(f"default_due needs an aware start, got {after.isoformat()}")
    start = (after or ctx.now).astimezone(ctx.tz)
    at = default_due_time(task_type)
    day = start.date()
    if day.weekday() < SATURDAY:
        due = wall(day, at, ctx.tz)
        if due.astimezone(UTC) - start.astimezone(UTC) > LEAD_TIME:  # elapsed, across DST too
            return due
    return wall(add_business_days(day, 1), at, ctx.tz)
