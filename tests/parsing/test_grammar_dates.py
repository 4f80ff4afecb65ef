# ruff: noqa: E501, RUF001, RUF002 - tables of commands read best one row per line; reps type dashes
"""When a command's task starts and is due: one phrase, by/due, from–to, start–due, defaults."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from bot.domain import TaskType
from bot.parsing.dates import DateRefusal, ReadDate, RefusalReason, find_date
from tests.parsing.dates_support import ctx
from tests.parsing.grammar_support import NOW, fields, local, parse

NOW_LOCAL = "2026-11-25T14:37"


@pytest.mark.parametrize(
    ("text", "due", "date_text", "body"),
    [
        ("todo by EOW Prepare the Q4 forecast", "2026-11-27T17:00", "by EOW", "Prepare the Q4 forecast"),
        ("todo by Friday noon Prep", "2026-11-27T12:00", "by Friday noon", "Prep"),
        ("todo due Friday Prep", "2026-11-27T17:00", "due Friday", "Prep"),
        ("todo Prep due Friday", "2026-11-27T17:00", "due Friday", "Prep"),
        ("todo on Monday Prep", "2026-11-30T17:00", "on Monday", "Prep"),
        ("todo Prep next Fri", "2026-12-04T17:00", "next Fri", "Prep"),
        ("todo in 2 business days Prep", "2026-11-27T17:00", "in 2 business days", "Prep"),
        ("todo Dec 3 at 10 Prep", "2026-12-03T10:00", "Dec 3 at 10", "Prep"),
        ("todo EOD Prep", "2026-11-25T17:00", "EOD", "Prep"),
        ("todo in 90 minutes Prep", "2026-11-25T16:07", "in 90 minutes", "Prep"),
        ("todo book onsite for Dec 3", "2026-12-03T17:00", "Dec 3", "book onsite"),
    ],
)  # fmt: skip
def test_one_phrase_is_the_due_time_and_the_task_starts_now(
    text: str, due: str, date_text: str, body: str
) -> None:
    parsed = parse(text)
    draft = parsed.draft
    assert local(draft.start_at) == NOW_LOCAL
    assert local(draft.due_to) == due
    assert draft.date_text == date_text
    assert draft.body == body
    assert draft.problems == ()
    assert parsed.date is not None
    assert parsed.date.date_text == date_text
    assert isinstance(parsed.due, ReadDate)
    assert parsed.start is None
    assert not parsed.due_defaulted


@pytest.mark.parametrize(
    ("text", "start", "due", "body"),
    [
        ('mtg "Jane" from Mon 9am to Mon 5pm Quarterly review', "2026-11-30T09:00", "2026-11-30T17:00", "Quarterly review"),
        ("todo from tomorrow to Friday Prep", "2026-11-26T09:00", "2026-11-27T17:00", "Prep"),
        ("todo Prep from tomorrow until Friday", "2026-11-26T09:00", "2026-11-27T17:00", "Prep"),
        ("todo from Mon 9am – Mon 5pm offsite", "2026-11-30T09:00", "2026-11-30T17:00", "offsite"),
        ("todo from tomorrow 2pm till 3pm demo", "2026-11-26T14:00", "2026-11-26T15:00", "demo"),
        # 9am has passed today, so the start is tomorrow 09:00, and "5pm" means that day's
        ("todo from 9am to 5pm workshop", "2026-11-26T09:00", "2026-11-26T17:00", "workshop"),
        ("todo start tomorrow due Fri Prep", "2026-11-26T09:00", "2026-11-27T17:00", "Prep"),
        ("todo starting Monday, due Wednesday Prep", "2026-11-30T09:00", "2026-12-02T17:00", "Prep"),
        ("todo start: Dec 1 Prep the QBR by Dec 4", "2026-12-01T09:00", "2026-12-04T17:00", "Prep the QBR"),
        ("todo begin tomorrow 10am due tomorrow noon prep", "2026-11-26T10:00", "2026-11-26T12:00", "prep"),
    ],
)  # fmt: skip
def test_both_ends(text: str, start: str, due: str, body: str) -> None:
    parsed = parse(text)
    draft = parsed.draft
    assert (local(draft.start_at), local(draft.due_to)) == (start, due)
    assert draft.body == body
    assert draft.problems == ()
    assert isinstance(parsed.start, ReadDate)
    assert isinstance(parsed.due, ReadDate)


def test_date_text_shows_both_phrases() -> None:
    assert parse("todo start tomorrow due Fri Prep").draft.date_text == "start tomorrow … due Fri"
    assert parse("todo from Mon to Fri X").draft.date_text == "from Mon to Fri"


def test_a_start_alone_is_due_at_the_end_of_that_day() -> None:
    parsed = parse("todo start Monday Prep the deck")
    assert local(parsed.draft.start_at) == "2026-11-30T09:00"
    assert local(parsed.draft.due_to) == "2026-11-30T17:00"
    assert parsed.due_defaulted


def test_a_start_after_the_end_of_its_day_is_due_the_next_business_day() -> None:
    draft = parse("todo start Friday 6pm Prep").draft
    assert local(draft.start_at) == "2026-11-27T18:00"
    assert local(draft.due_to) == "2026-11-30T17:00"  # Monday, not Saturday


@pytest.mark.parametrize(
    "text",
    [
        "move the call from Bluth Co to Jane",  # "from … to …" without dates is text
        "start the demo with the intro",
        "kick-start Monday's prep",
    ],
)
def test_keywords_without_dates_stay_text(text: str) -> None:
    parsed = parse(f"todo {text}")
    assert parsed.start is None
    assert "from" not in (parsed.draft.date_text or "")
    assert parsed.draft.body.startswith(text.split(maxsplit=1)[0])


def test_start_keyword_followed_by_a_later_due_phrase() -> None:
    parsed = parse("todo start the demo tomorrow")
    assert parsed.start is None
    assert local(parsed.draft.due_to) == "2026-11-26T17:00"
    assert parsed.draft.body == "start the demo"


def test_a_due_before_the_start_is_a_problem_not_a_guess() -> None:
    parsed = parse("todo start Friday due tomorrow Prep")
    draft = parsed.draft
    assert local(draft.start_at) == "2026-11-27T09:00"
    assert local(draft.due_to) == "2026-11-26T17:00"
    assert fields(draft.problems) == ["due_to"]
    assert "not after its start" in draft.problems[0].message


def test_a_due_that_names_its_day_stays_on_it_even_before_the_start() -> None:
    # It used to be read again from the start and land on Friday 08:00, a day the rep
    # never said; only a time alone ("from 9pm to 1am") is placed after the start.
    draft = parse("todo from tomorrow 9am to tomorrow 8am Prep").draft
    assert (local(draft.start_at), local(draft.due_to)) == ("2026-11-26T09:00", "2026-11-26T08:00")
    assert fields(draft.problems) == ["due_to"]
    assert "not after its start" in draft.problems[0].message


def test_a_time_alone_as_the_due_runs_past_midnight_after_the_start() -> None:
    draft = parse("mtg jane@acme.com from 9pm to 1am launch party").draft
    assert (local(draft.start_at), local(draft.due_to)) == ("2026-11-25T21:00", "2026-11-26T01:00")
    assert draft.problems == ()


def test_a_refused_start_is_a_problem_on_the_start() -> None:
    parsed = parse("todo start yesterday due Fri Prep")
    assert isinstance(parsed.start, DateRefusal)
    assert parsed.draft.start_at is None
    assert local(parsed.draft.due_to) == "2026-11-27T17:00"
    assert fields(parsed.draft.problems) == ["start_at"]
    assert "past" in parsed.draft.problems[0].message


@pytest.mark.parametrize(
    ("text", "reason", "date_text", "body"),
    [
        ("todo send revised quote yesterday", RefusalReason.PAST, "yesterday", "send revised quote"),
        ("call #5 today at 10am re PO", RefusalReason.PAST, "today at 10am", "re PO"),
        ("call #5 Feb 30 re PO", RefusalReason.IMPOSSIBLE, "Feb 30", "re PO"),
        ("call #5 Friday Dec 3 re PO", RefusalReason.WEEKDAY_MISMATCH, "Friday Dec 3", "re PO"),
    ],
)  # fmt: skip
def test_a_refused_phrase_is_a_problem_and_stays_visible(
    text: str, reason: RefusalReason, date_text: str, body: str
) -> None:
    parsed = parse(text)
    draft = parsed.draft
    assert isinstance(parsed.due, DateRefusal)
    assert parsed.due.reason is reason
    assert draft.due_to is None  # the form asks, nothing is guessed
    assert draft.date_text == date_text  # never silently dropped
    assert draft.body == body
    assert fields(draft.problems) == ["due_to"]
    assert draft.problems[0].message == parsed.due.message


def test_an_ambiguous_date_with_an_unknown_locale_is_a_problem() -> None:
    parsed = parse("call #5 3/12 re PO", locale=None)
    assert isinstance(parsed.due, DateRefusal)
    assert parsed.due.reason is RefusalReason.AMBIGUOUS
    assert "could mean" in parsed.draft.problems[0].message


@pytest.mark.parametrize(
    ("now", "tz", "due"),
    [
        ("2026-11-25T14:37:00-05:00", "America/New_York", "2026-11-25T17:00"),  # EOD today
        ("2026-11-25T14:59:00-05:00", "America/New_York", "2026-11-25T17:00"),
        ("2026-11-25T15:00:00-05:00", "America/New_York", "2026-11-26T17:00"),  # 2 h is too short
        ("2026-11-25T16:58:00-05:00", "America/New_York", "2026-11-26T17:00"),  # never in 2 min
        ("2026-11-27T18:30:00-05:00", "America/New_York", "2026-11-30T17:00"),  # Fri evening → Mon
        ("2026-11-28T10:00:00-05:00", "America/New_York", "2026-11-30T17:00"),  # a Saturday rep
        ("2026-12-31T23:30:00-05:00", "America/New_York", "2027-01-01T17:00"),  # year end
        ("2026-11-25T19:37:00+00:00", "Asia/Kolkata", "2026-11-26T17:00"),  # already Thursday
        ("2026-11-25T19:37:00+00:00", "Pacific/Kiritimati", "2026-11-26T17:00"),  # UTC+14
        ("2026-03-07T10:00:00-05:00", "America/New_York", "2026-03-09T17:00"),  # DST starts Sun
        ("2026-10-24T08:00:00+02:00", "Europe/Berlin", "2026-10-26T17:00"),  # DST ends Sun
    ],
)
def test_no_date_means_the_end_of_the_day_or_the_next_business_day(
    now: str, tz: str, due: str
) -> None:
    parsed = parse("todo Prepare the forecast", now=now, tz=tz)
    draft = parsed.draft
    assert local(draft.due_to) == due
    assert parsed.due_defaulted
    assert parsed.due is None
    assert draft.date_text is None
    assert draft.problems == ()
    assert draft.start_at is not None
    assert draft.due_to is not None
    assert draft.due_to > draft.start_at
    assert str(draft.due_to.tzinfo) == tz  # on the rep's own clock


def test_the_default_due_has_the_right_offset_after_a_dst_change() -> None:
    draft = parse("todo X", now="2026-03-07T10:00:00-05:00").draft
    assert draft.due_to is not None
    assert draft.due_to.utcoffset() == timedelta(hours=-4)  # EDT since Sunday 03:00


@pytest.mark.parametrize(
    ("text", "now", "due"),
    [
        ("call jane@acme.com ask about pricing", "2026-11-25T16:58:00-05:00", "2026-11-26T10:00"),
        ("call jane@acme.com ask about pricing", "2026-11-25T07:30:00-05:00", "2026-11-25T10:00"),
        ("meeting #5 quarterly review", "2026-11-27T18:30:00-05:00", "2026-11-30T10:00"),
        ("email jane@acme.com Hi there", "2026-11-25T16:58:00-05:00", "2026-11-26T17:00"),
    ],
)
def test_no_date_for_a_call_or_meeting_means_10am(text: str, now: str, due: str) -> None:
    parsed = parse(text, now=now)
    assert local(parsed.draft.due_to) == due
    assert parsed.due_defaulted


def test_a_start_after_the_default_hour_moves_the_due_to_the_next_business_day() -> None:
    draft = parse("call #5 start Monday 11am ask about pricing").draft
    assert local(draft.start_at) == "2026-11-30T11:00"
    assert local(draft.due_to) == "2026-12-01T10:00"


def test_start_is_now_to_the_minute_even_for_a_call_at_a_time() -> None:
    draft = parse("call #5 tomorrow 3pm Ask", now="2026-11-25T14:37:42.5-05:00").draft
    assert draft.start_at is not None
    assert local(draft.start_at) == "2026-11-25T14:37"
    assert (draft.start_at.second, draft.start_at.microsecond) == (0, 0)
    assert local(draft.due_to) == "2026-11-26T15:00"


def test_a_due_time_a_minute_ahead_is_still_after_the_start() -> None:
    draft = parse("todo X in 1 minute", now="2026-11-25T14:37:59-05:00").draft
    assert draft.problems == ()
    assert local(draft.due_to) == "2026-11-25T14:38"


@pytest.mark.parametrize(
    "text",
    [
        "todo Hi {{tomorrow}} there",
        "todo Hi {{ date 3pm }} there",
        "todo check https://acme.com/2026-12-03/report",
        "todo read <https://acme.com/reports/12/3|acme.com/reports/12/3>",
        "email dec3@acme.com hello",
        'todo send the "Friday update" deck',
        "email #5 subject: Meeting tomorrow at 3pm | see you",
    ],
)
def test_variables_urls_emails_quotes_and_subjects_are_never_dates(text: str) -> None:
    parsed = parse(text)
    assert parsed.due is None
    assert parsed.due_defaulted
    assert parsed.draft.date_text is None


def test_types_and_contacts_are_out_of_the_text_the_dates_are_found_in() -> None:
    """ "mtg" and a #id in front of a bare number do not join a date phrase."""
    parsed = parse("mtg #12 10am sync")
    assert local(parsed.draft.due_to) == "2026-11-26T10:00"
    assert parsed.draft.task_type is TaskType.MEETING
    assert parsed.draft.body == "sync"


@pytest.mark.parametrize(
    ("text", "tz", "locale", "due"),
    [
        ("call #5 morgen 15 Uhr Angebot schicken", "Europe/Berlin", "de-DE", "2026-11-26T15:00"),
        ("call #5 mañana a las 10 sobre el contrato", "America/New_York", "es-US", "2026-11-26T10:00"),
        ("call #5 3/12 re PO", "Australia/Sydney", "en-AU", "2026-12-03T17:00"),
        ("call #5 tomorrow 11am re onboarding", "Asia/Kolkata", "en-IN", "2026-11-27T11:00"),
    ],
)  # fmt: skip
def test_the_reps_zone_and_locale(text: str, tz: str, locale: str, due: str) -> None:
    parsed = parse(text, tz=tz, locale=locale)
    assert local(parsed.draft.due_to) == due
    assert parsed.draft.problems == ()


@pytest.mark.parametrize("text", ["prep 9am5pm", "call at 5pm2"])
def test_find_date_never_cuts_a_word_in_half(text: str) -> None:
    found = find_date(text, ctx(NOW))
    assert found is None or not re.search(r"\w$", text[: found.start])
    assert found is None or not re.match(r"\w", text[found.end :])


@pytest.mark.parametrize("text", ["todo prep 9am5pm", "todo call at 5pm2"])
def test_the_grammar_never_cuts_a_word_in_half(text: str) -> None:
    parsed = parse(text)
    assert parsed.due is None
    assert parsed.draft.body == text.removeprefix("todo ")


def test_the_draft_says_when_its_due_was_defaulted() -> None:
    assert parse("call jane@acme.com asap ping her").draft.due_defaulted
    assert not parse("call jane@acme.com tomorrow 3pm ping her").draft.due_defaulted


@pytest.mark.parametrize(
    ("text", "start", "due"),
    [
        ('mtg "Jane" tomorrow 2-3pm Demo', "2026-11-26T14:00", "2026-11-26T15:00"),
        ("todo Mon 1-3 workshop", "2026-11-30T13:00", "2026-11-30T15:00"),
        ("call jane@acme.com between 3 and 4 tomorrow pricing", "2026-11-26T15:00", "2026-11-26T16:00"),
        ("mtg jane@acme.com Fri 10pm-1am launch", "2026-11-27T22:00", "2026-11-28T01:00"),
        ("todo tomorrow 2-3pm PT review", "2026-11-26T17:00", "2026-11-26T18:00"),
        # the end's am/pm goes to the start only when that keeps the start first
        ("mtg jane@acme.com tomorrow 11-12pm x", "2026-11-26T11:00", "2026-11-26T12:00"),
        ("mtg jane@acme.com tomorrow 11:30-12:30pm x", "2026-11-26T11:30", "2026-11-26T12:30"),
        ("mtg jane@acme.com Fri 9-5pm x", "2026-11-27T09:00", "2026-11-27T17:00"),
        ("mtg jane@acme.com Fri 12-1pm x", "2026-11-27T12:00", "2026-11-27T13:00"),
        # a bare end that reads earlier is the afternoon one, not tomorrow morning's
        ("mtg jane@acme.com tomorrow 7-9 x", "2026-11-26T19:00", "2026-11-26T21:00"),
        ("mtg jane@acme.com tomorrow morning 11-1 x", "2026-11-26T11:00", "2026-11-26T13:00"),
        # colon times need no am/pm to be a range (their end used to stay in the text)
        ("mtg jane@acme.com tomorrow 14:00-15:00 x", "2026-11-26T14:00", "2026-11-26T15:00"),
        ("mtg jane@acme.com tomorrow 2:30-3 x", "2026-11-26T14:30", "2026-11-26T15:00"),
        ("mtg jane@acme.com Fri 9:30 - 10:30 x", "2026-11-27T09:30", "2026-11-27T10:30"),
    ],
)  # fmt: skip
def test_a_lone_range_is_a_slot_from_its_start_to_its_end(text: str, start: str, due: str) -> None:
    # Rule 16 reads a range as its start; a command has room for both ends, so the task
    # starts then and is due at the end (a meeting at 2-3pm is not due at 2pm).
    draft = parse(text).draft
    assert (local(draft.start_at), local(draft.due_to)) == (start, due)
    assert draft.problems == ()
    assert not draft.due_defaulted


@pytest.mark.parametrize("when", ["tomorrow 3-2pm", "tomorrow 10-12am"])
def test_a_range_that_would_last_half_a_day_or_more_is_no_slot(when: str) -> None:
    # These read as 15:00-14:00 and 10:00-00:00: a slot of 23 or 14 hours is a misreading,
    # so only the range's start counts (rule 16) and the task starts now, as before ranges
    # became slots.
    draft = parse(f"mtg jane@acme.com {when} x").draft
    assert local(draft.start_at) == NOW_LOCAL
    assert local(draft.due_to) in ("2026-11-26T15:00", "2026-11-26T10:00")


def test_a_range_after_an_explicit_start_is_due_at_its_start() -> None:
    draft = parse("todo start tomorrow 9am due Fri 2-3pm Prep").draft
    assert (local(draft.start_at), local(draft.due_to)) == ("2026-11-26T09:00", "2026-11-27T14:00")
