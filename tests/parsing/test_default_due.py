"""When a task with no due phrase is due (`default_due`): one rule for /task and the form."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain import TaskType
from bot.parsing.dates import DateContext, default_due
from tests.parsing.dates_support import ctx

WORK = [None, TaskType.TODO, TaskType.LINKEDIN, TaskType.MANUAL_EMAIL, TaskType.SMS,
        TaskType.WHATSAPP]  # fmt: skip
APPOINTMENTS = [TaskType.CALL, TaskType.MEETING]


def _local(at: datetime) -> str:
    return at.replace(tzinfo=None).isoformat(timespec="minutes")


@pytest.mark.parametrize(
    ("now", "task_type", "due"),
    [
        ("2026-11-25T14:37", TaskType.TODO, "2026-11-25T17:00"),  # over two hours left today
        ("2026-11-25T14:59", None, "2026-11-25T17:00"),
        ("2026-11-25T15:00", TaskType.TODO, "2026-11-26T17:00"),  # two hours is not enough
        ("2026-11-25T16:58", TaskType.TODO, "2026-11-26T17:00"),  # never due in two minutes
        ("2026-11-25T16:58", TaskType.CALL, "2026-11-26T10:00"),
        ("2026-11-25T07:59", TaskType.CALL, "2026-11-25T10:00"),  # an early call: this morning
        ("2026-11-25T08:00", TaskType.MEETING, "2026-11-26T10:00"),
        ("2026-11-25T09:00", TaskType.CALL, "2026-11-26T10:00"),
        ("2026-11-27T18:30", TaskType.TODO, "2026-11-30T17:00"),  # Friday evening → Monday
        ("2026-11-27T18:30", TaskType.CALL, "2026-11-30T10:00"),
        ("2026-11-27T09:00", TaskType.CALL, "2026-11-30T10:00"),
        ("2026-11-28T10:00", TaskType.TODO, "2026-11-30T17:00"),  # Saturday → Monday
        ("2026-11-29T23:59", TaskType.SMS, "2026-11-30T17:00"),  # Sunday night → Monday
        ("2026-11-25T23:30", TaskType.TODO, "2026-11-26T17:00"),  # Thanksgiving is not skipped
        ("2026-12-31T23:30", TaskType.TODO, "2027-01-01T17:00"),  # year end
    ],
)
def test_the_default_due_by_type_and_clock(now: str, task_type: TaskType | None, due: str) -> None:
    assert _local(default_due(task_type, ctx(now))) == due


@pytest.mark.parametrize(
    ("start", "task_type", "due"),
    [
        ("2026-11-30T09:00", TaskType.TODO, "2026-11-30T17:00"),  # "start Monday"
        ("2026-11-30T09:00", TaskType.CALL, "2026-12-01T10:00"),
        ("2026-11-30T16:00", TaskType.TODO, "2026-12-01T17:00"),
        ("2026-11-27T18:00", TaskType.TODO, "2026-11-30T17:00"),  # "start Friday 6pm"
        ("2026-11-28T09:00", TaskType.TODO, "2026-11-30T17:00"),  # "start Saturday"
    ],
)
def test_a_given_start_counts_instead_of_now(
    start: str, task_type: TaskType | None, due: str
) -> None:
    after = datetime.fromisoformat(start).replace(tzinfo=ZoneInfo("America/New_York"))
    assert _local(default_due(task_type, ctx("2026-11-25T14:37"), after=after)) == due


def test_the_due_is_on_the_rep_s_clock_across_a_dst_change() -> None:
    # Saturday before the US spring-forward: Monday 17:00 is EDT, not 17:00 EST plus 48 hours.
    due = default_due(TaskType.TODO, ctx("2026-03-07T10:00"))
    assert _local(due) == "2026-03-09T17:00"
    assert due.utcoffset() == timedelta(hours=-4)


def test_the_due_keeps_the_offset_of_a_dst_day() -> None:
    # Cairo moves its clocks at 00:00 on the last Friday of April, a business day there.
    due = default_due(TaskType.TODO, ctx("2026-04-24T09:00", tz="Africa/Cairo"))
    assert _local(due) == "2026-04-24T17:00"
    assert due.utcoffset() == timedelta(hours=3)


def test_a_rep_known_only_by_utc_offset_gets_the_same_rule() -> None:
    fixed = timezone(timedelta(hours=5, minutes=30))
    context = DateContext(now=datetime(2026, 11, 25, 9, 29, tzinfo=UTC), tz=fixed)  # 14:59
    assert _local(default_due(TaskType.TODO, context)) == "2026-11-25T17:00"
    later = DateContext(now=datetime(2026, 11, 25, 9, 30, tzinfo=UTC), tz=fixed)  # 15:00
    assert _local(default_due(TaskType.TODO, later)) == "2026-11-26T17:00"


def test_a_naive_start_is_a_mistake() -> None:
    with pytest.raises(ValueError, match="aware"):
        default_due(TaskType.TODO, ctx("2026-11-25T14:37"), after=datetime(2026, 11, 30, 9))


@settings(max_examples=300, deadline=None)
@given(
    minutes=st.integers(0, 2 * 366 * 24 * 60),
    zone=st.sampled_from(["America/New_York", "Europe/Berlin", "Asia/Kolkata",
                          "Pacific/Kiritimati", "Australia/Lord_Howe", "America/Santiago"]),
    task_type=st.sampled_from([*WORK, *APPOINTMENTS]),
)  # fmt: skip
def test_the_default_due_is_ahead_on_a_business_day_at_its_hour(
    minutes: int, zone: str, task_type: TaskType | None
) -> None:
    context = DateContext(
        now=datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=minutes), tz=ZoneInfo(zone)
    )
    due = default_due(task_type, context)
    assert due - context.now > timedelta(hours=2)
    assert due - context.now <= timedelta(days=3, hours=3)  # Fri 15:00 → Mon 17:00, a DST hour
    assert due.weekday() < 5
    assert due.hour == (10 if task_type in APPOINTMENTS else 17)
    assert due.minute == 0
