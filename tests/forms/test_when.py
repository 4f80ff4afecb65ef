"""Times written into the form read back to the same minute; the suggested due reads as ahead
and is the due `/task` gives a command with no date."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.domain import TaskType
from bot.forms import FormValues, default_due_text, instant_text
from bot.parsing import parse_command
from bot.parsing.dates import (
    DateContext,
    DateRefusal,
    ReadDate,
    RefusalReason,
    default_due,
    read_date,
)
from tests.forms.support import CTX, NOW, SLACK_LOCALES
from tests.support.task_samples import NEW_YORK

LORD_HOWE = ZoneInfo("Australia/Lord_Howe")  # half-hour DST: its repeated hour is 01:30-02:00
KOLKATA = ZoneInfo("Asia/Kolkata")


@pytest.mark.parametrize(
    ("at", "tz", "text"),
    [
        (datetime(2026, 12, 4, 22, 0, tzinfo=UTC), NEW_YORK, "Fri 4 December 2026 17:00"),
        (datetime(2026, 12, 5, 10, 30, tzinfo=UTC), NEW_YORK, "Sat 5 December 2026 5:30am"),
        (datetime(2026, 11, 26, 5, 30, tzinfo=UTC), NEW_YORK, "Thu 26 November 2026 00:30"),
        (datetime(2026, 11, 26, 13, 0, tzinfo=UTC), NEW_YORK, "Thu 26 November 2026 08:00"),
        (datetime(2026, 11, 26, 17, 0, tzinfo=UTC), NEW_YORK, "Thu 26 November 2026 12:00"),
        (datetime(2027, 3, 2, 10, 45, tzinfo=UTC), KOLKATA, "Tue 2 March 2027 16:15"),
        (datetime(2027, 11, 7, 5, 30, tzinfo=UTC), NEW_YORK,
         "Sun 7 November 2027 1:30am UTC-04:00"),
        (datetime(2027, 11, 7, 6, 30, tzinfo=UTC), NEW_YORK,
         "Sun 7 November 2027 1:30am UTC-05:00"),
        (datetime(2027, 4, 3, 14, 45, tzinfo=UTC), LORD_HOWE, "Sun 4 April 2027 1:45am UTC+11:00"),
        (datetime(2027, 4, 3, 15, 15, tzinfo=UTC), LORD_HOWE, "Sun 4 April 2027 1:45am UTC+10:30"),
        (datetime(2026, 12, 1, 12, 0, tzinfo=UTC), timezone(timedelta(hours=-3)),
         "Tue 1 December 2026 09:00"),
    ],
    ids=["evening", "early-morning-am", "after-midnight", "8am", "noon", "half-hour-zone",
         "dst-end-first", "dst-end-second", "lord-howe-first", "lord-howe-second",
         "fixed-offset"],
)  # fmt: skip
def test_instants_are_written_the_way_taskbot_reads_them(
    at: datetime, tz: tzinfo, text: str
) -> None:
    assert instant_text(at, tz) == text
    reading = read_date(text, DateContext(now=NOW, tz=tz, locale="en-US"), "due")
    assert isinstance(reading, ReadDate), reading
    assert reading.at.timestamp() == at.timestamp()


def test_a_naive_instant_is_a_mistake() -> None:
    with pytest.raises(ValueError, match="aware"):
        instant_text(datetime(2026, 12, 4, 17, 0), NEW_YORK)


@cache
def _zones() -> list[str]:
    return sorted(available_timezones())


def _minutes_until(at: datetime) -> int:
    return int((at - NOW).total_seconds()) // 60


def zones() -> st.SearchStrategy[tzinfo]:
    named = st.sampled_from(_zones()).map(ZoneInfo)
    # users.info without `tz` leaves only `tz_offset`: a fixed offset, in quarter hours.
    fixed = st.integers(-12 * 4, 14 * 4).map(lambda q: timezone(timedelta(minutes=15 * q)))
    return st.one_of(named, fixed)


@settings(max_examples=400, deadline=None)
@given(
    minutes=st.integers(1, 10 * 366 * 24 * 60),
    tz=zones(),
    locale=st.sampled_from(SLACK_LOCALES),
    kind=st.sampled_from(["start", "due"]),
)
@example(minutes=_minutes_until(datetime(2027, 11, 7, 6, 30, tzinfo=UTC)), tz=NEW_YORK,
         locale="fr-FR", kind="due")  # the second 1:30 of a DST end  # fmt: skip
def test_any_future_instant_reads_back_exactly(
    minutes: int, tz: tzinfo, locale: str | None, kind: str
) -> None:
    """For every zone, offset and Slack language: the text is read back to the same instant
    (an edit form shows the task's times, and an untouched one must not move)."""
    at = NOW + timedelta(minutes=minutes)
    text = instant_text(at, tz)
    reading = read_date(text, DateContext(now=NOW, tz=tz, locale=locale), kind)  # type: ignore[arg-type]
    assert isinstance(reading, ReadDate), (text, reading)
    assert reading.at.timestamp() == at.timestamp(), (text, reading.at)


@settings(max_examples=100, deadline=None)
@given(minutes=st.integers(1, 10 * 366 * 24 * 60), tz=zones())
def test_a_past_instant_is_refused_as_past_not_misread(minutes: int, tz: tzinfo) -> None:
    text = instant_text(NOW - timedelta(minutes=minutes), tz)
    reading = read_date(text, DateContext(now=NOW, tz=tz, locale="en-US"), "due")
    assert isinstance(reading, DateRefusal)
    assert reading.reason is RefusalReason.PAST


# --------------------------------------------------------------------------------------
# Two readings the form depends on, found while writing it and since fixed in the date
# layer: a zero-padded hour is a 24-hour time, and a past refusal names the time typed.


def test_a_zero_padded_hour_is_a_24_hour_time() -> None:
    reading = read_date("Fri 4 December 2026 05:00", CTX, "due")
    assert isinstance(reading, ReadDate)
    assert reading.at.hour == 5


def test_a_past_refusal_names_the_time_that_was_typed() -> None:
    reading = read_date("Mon 23 November 2026 15:00", CTX, "due")
    assert isinstance(reading, DateRefusal)
    assert reading.resolved is not None
    assert reading.resolved.hour == 15


# --------------------------------------------------------------------------------------
# The due a new form suggests

WEEK = [datetime(2026, 11, 23 + day, tzinfo=NEW_YORK) for day in range(7)]  # Mon..Sun


@pytest.mark.parametrize(
    ("day", "hour", "task_type", "text"),
    [
        (0, 9, None, "EOD"),
        (0, 14, TaskType.TODO, "EOD"),
        (0, 15, TaskType.TODO, "EOD tomorrow"),
        (3, 16, TaskType.MANUAL_EMAIL, "EOD tomorrow"),
        (4, 9, TaskType.SMS, "EOD"),
        (4, 16, TaskType.LINKEDIN, "EOD Mon"),
        (5, 9, None, "EOD Mon"),
        (6, 9, TaskType.WHATSAPP, "EOD tomorrow"),
        (0, 9, TaskType.CALL, "tomorrow 10am"),
        (0, 7, TaskType.CALL, "today 10am"),
        (3, 20, TaskType.MEETING, "tomorrow 10am"),
        (4, 9, TaskType.CALL, "Mon 10am"),
        (5, 23, TaskType.MEETING, "Mon 10am"),
        (6, 9, TaskType.CALL, "tomorrow 10am"),
    ],
    ids=["mon-morning", "mon-14", "mon-15", "thu-late", "fri-morning", "fri-late", "saturday",
         "sunday", "call", "early-call", "meeting-evening", "call-friday", "meeting-saturday",
         "call-sunday"],
)  # fmt: skip
def test_the_suggested_due_depends_on_the_type_and_the_rep_s_clock(
    day: int, hour: int, task_type: TaskType | None, text: str
) -> None:
    now = WEEK[day].replace(hour=hour)
    assert default_due_text(task_type, DateContext(now=now, tz=NEW_YORK)) == text


@settings(max_examples=200, deadline=None)
@given(
    minutes=st.integers(0, 2 * 366 * 24 * 60),
    tz=zones(),
    locale=st.sampled_from(SLACK_LOCALES),
    task_type=st.sampled_from([None, *TaskType]),
)
def test_the_suggested_due_always_reads_as_ahead_on_a_business_day(
    minutes: int, tz: tzinfo, locale: str | None, task_type: TaskType | None
) -> None:
    ctx = DateContext(now=NOW + timedelta(minutes=minutes), tz=tz, locale=locale)
    reading = read_date(default_due_text(task_type, ctx), ctx, "due")
    assert isinstance(reading, ReadDate), reading
    assert reading.at == default_due(task_type, ctx)  # the words mean the rule's instant
    assert reading.at > ctx.now
    assert reading.at.weekday() < 5
    assert reading.at - ctx.now <= timedelta(days=4)  # Friday evening to Monday


# --------------------------------------------------------------------------------------
# The two doors agree: `/task` with no date is due when the blank form suggests


COMMANDS: dict[TaskType | None, str] = {
    None: "jane@acme.com ask about pricing",  # no type yet: a problem, and work's default
    TaskType.TODO: "todo prepare the forecast",
    TaskType.CALL: "call jane@acme.com ask about pricing",
    TaskType.MEETING: "meeting jane@acme.com quarterly review",
    TaskType.LINKEDIN: "linkedin connect jane@acme.com say hello",
    TaskType.MANUAL_EMAIL: "email jane@acme.com how is the trial going",
    TaskType.SMS: "sms jane@acme.com are we still on",
    TaskType.WHATSAPP: "whatsapp jane@acme.com are we still on",
}


def _both_doors(task_type: TaskType | None, ctx: DateContext) -> tuple[datetime, datetime]:
    """The due `/task` sets, and the instant the blank form's suggestion reads as."""
    parsed = parse_command(COMMANDS[task_type], ctx)
    assert parsed.draft.task_type is task_type
    assert parsed.due_defaulted
    assert parsed.draft.due_to is not None
    form = FormValues.blank(ctx, task_type)
    suggested = read_date(form.due_text, ctx, "due")
    assert isinstance(suggested, ReadDate), suggested
    return parsed.draft.due_to, suggested.at


@pytest.mark.parametrize(
    ("local_now", "task_type", "due"),
    [
        (datetime(2026, 11, 25, 16, 58), TaskType.CALL, datetime(2026, 11, 26, 10)),
        (datetime(2026, 11, 25, 16, 58), TaskType.TODO, datetime(2026, 11, 26, 17)),
        (datetime(2026, 11, 25, 16, 58), None, datetime(2026, 11, 26, 17)),
        (datetime(2026, 11, 27, 18, 30), TaskType.TODO, datetime(2026, 11, 30, 17)),
        (datetime(2026, 11, 27, 18, 30), TaskType.MEETING, datetime(2026, 11, 30, 10)),
        (datetime(2026, 11, 27, 16, 58), TaskType.SMS, datetime(2026, 11, 30, 17)),
        (datetime(2026, 11, 28, 11, 0), TaskType.CALL, datetime(2026, 11, 30, 10)),
        (datetime(2026, 11, 25, 7, 30), TaskType.CALL, datetime(2026, 11, 25, 10)),
        (datetime(2026, 11, 25, 14, 37), TaskType.LINKEDIN, datetime(2026, 11, 25, 17)),
    ],
    ids=["16:58-call", "16:58-todo", "16:58-no-type", "friday-evening-todo",
         "friday-evening-meeting", "friday-16:58-sms", "saturday-call", "early-call",
         "afternoon-linkedin"],
)  # fmt: skip
def test_a_command_with_no_date_is_due_when_the_form_suggests(
    local_now: datetime, task_type: TaskType | None, due: datetime
) -> None:
    ctx = DateContext(now=local_now.replace(tzinfo=NEW_YORK), tz=NEW_YORK, locale="en-US")
    from_command, from_form = _both_doors(task_type, ctx)
    assert from_command == from_form == due.replace(tzinfo=NEW_YORK)


@settings(max_examples=150, deadline=None)
@given(
    minutes=st.integers(0, 366 * 24 * 60),
    tz=zones(),
    locale=st.sampled_from(SLACK_LOCALES),
    task_type=st.sampled_from(list(COMMANDS)),
)
def test_the_two_doors_agree_at_any_instant(
    minutes: int, tz: tzinfo, locale: str | None, task_type: TaskType | None
) -> None:
    ctx = DateContext(now=NOW + timedelta(minutes=minutes, seconds=minutes % 60), tz=tz,
                      locale=locale)  # fmt: skip
    from_command, from_form = _both_doors(task_type, ctx)
    assert from_command == from_form
