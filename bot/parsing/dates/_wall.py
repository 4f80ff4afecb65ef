"""Wall-clock times on a calendar day, in a zone, DST-correct.

Local times are built as wall times with zoneinfo and then normalised through UTC, never by adding
hours to an aware datetime (which would carry the wrong offset across a DST change). Two edge
cases, both documented in the package docstring:

* a wall time that does not exist (the spring-forward gap, e.g. 02:30 on 2027-03-14 in New York)
  is moved forward by the length of the gap (03:30 EDT), as calendar apps do;
* a wall time that happens twice (the fall-back hour) is the first of the two (fold=0).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo


def wall(day: date, at: time, tz: tzinfo) -> datetime:
    """`day` at wall time `at` in `tz`, as an aware datetime in `tz`."""
    naive = datetime.combine(day, at.replace(tzinfo=None, fold=0))
    aware = naive.replace(tzinfo=tz)
    normalised = aware.astimezone(UTC).astimezone(tz)
    # In a gap, fold=0 uses the offset from before the change, which lands after the gap.
    return normalised


def add_exact(instant: datetime, delta: timedelta, tz: tzinfo) -> datetime:
    """Elapsed-time arithmetic ("in 90 minutes"): add in UTC, show in `tz`."""
    return (instant.astimezone(UTC) + delta).astimezone(tz)
