"""find_date beyond the example file: what is content, what is the due phrase, the rest."""

from __future__ import annotations

import pytest

from bot.parsing.dates import DateRefusal, RefusalReason, find_date, read_date
from tests.parsing.dates_support import ctx, local

NOW = ctx("2026-11-25T14:37")


@pytest.mark.parametrize(
    ("text", "date_text", "rest"),
    [
        ("send quote to May by Friday", "by Friday", "send quote to May"),
        ("call 555-0134 at 3pm", "at 3pm", "call 555-0134"),
        ("send $500 invoice #1234 tomorrow", "tomorrow", "send $500 invoice #1234"),
        ("upgrade Acme to v3 on Monday", "on Monday", "upgrade Acme to v3"),
        (
            "call <mailto:jan@x.com|jan@x.com> tomorrow",
            "tomorrow",
            "call <mailto:jan@x.com|jan@x.com>",
        ),
        ("review https://x.com/2026/12/03 tomorrow", "tomorrow", "review https://x.com/2026/12/03"),
        ("visit 123 Main St Friday", "Friday", "visit 123 Main St"),
        ("tomorrow, call Bob", "tomorrow", "call Bob"),
        ("ask the Friday meeting owners Monday", "Monday", "ask the Friday meeting owners"),
        ("{{first_name}} follow-up Friday", "Friday", "{{first_name}} follow-up"),
        ("sell 50 licenses by EOD", "by EOD", "sell 50 licenses"),
        (
            "discuss 20% discount with Ana next Tuesday",
            "next Tuesday",
            "discuss 20% discount with Ana",
        ),
        ('call "May Parker" Dec 3', "Dec 3", 'call "May Parker"'),
        ("schedule demo for tomorrow", "tomorrow", "schedule demo"),
        ("send deck (by Friday) to Bo", "by Friday", "send deck to Bo"),
        ("send 3 quotes by 5", "by 5", "send 3 quotes"),
    ],
)
def test_the_due_phrase_and_the_rest(text: str, date_text: str, rest: str) -> None:
    found = find_date(text, NOW)
    assert found is not None
    assert (found.date_text, found.rest_text) == (date_text, rest)
    assert text[found.start : found.end] == found.date_text


@pytest.mark.parametrize(
    "text",
    [
        "email Jan about the contract",
        "check in with April",
        "ping the PM about the SOW",
        "grab lunch with the team",
        "good morning team",
        "send 24x7 coverage terms",
        "renew the 2025 contract",
        "call the 3rd lead on the list",
        "update v2.1 notes",
        "call +44 20 7946 0958",
        "close it asap",
        "Q4 pipeline review",
        "send sat results to Sun Microsystems",
        "ship by 5 units",
        "meet at 4 locations",
    ],
)
def test_no_due_phrase(text: str) -> None:
    assert find_date(text, NOW) is None


def test_a_found_phrase_in_the_past_is_reported_with_its_refusal() -> None:
    found = find_date("send revised quote last Friday", NOW)
    assert found is not None
    assert found.date_text == "last Friday"
    assert isinstance(found.result, DateRefusal)


def test_a_dated_phrase_beats_a_bare_time() -> None:
    found = find_date("prep 9am standup notes, due Friday", NOW)
    assert found is not None
    assert found.date_text == "due Friday"
    assert local(found) == "2026-11-27T17:00:00"


def test_start_kind_applies_to_found_phrases() -> None:
    found = find_date("kickoff with Delos Dec 3", NOW, "start")
    assert found is not None
    assert local(found) == "2026-12-03T09:00:00"


@pytest.mark.parametrize(
    "text",
    [
        "prep 9am5pm",
        "call at 5pm2",
        "sync 10am2pm",
        "call at 5:00pm2",
        "review the 1st2 draft",
        "block in 90min2",
        "demo 3pm3",
        "ping 10:30am1",
    ],
)
def test_a_word_in_pieces_is_not_a_date(text: str) -> None:
    assert find_date(text, NOW) is None


@pytest.mark.parametrize(
    ("text", "date_text", "rest"),
    [
        ("cover the 9am5pm shift tomorrow", "tomorrow", "cover the 9am5pm shift"),
        ("call at 5pm2 on Friday", "on Friday", "call at 5pm2"),
        ("re-send PO4471 by Friday", "by Friday", "re-send PO4471"),
    ],
)
def test_a_word_in_pieces_stays_in_the_rest(text: str, date_text: str, rest: str) -> None:
    found = find_date(text, NOW)
    assert found is not None
    assert (found.date_text, found.rest_text) == (date_text, rest)


@pytest.mark.parametrize(
    ("text", "date_text", "expect"),
    [
        ("staff 9am-5pm tomorrow", "9am-5pm tomorrow", "2026-11-26T09:00:00"),  # rule 16
        ("staff 9am–5pm tomorrow", "9am–5pm tomorrow", "2026-11-26T09:00:00"),  # noqa: RUF001 - reps type en dashes
        ("call at 3pm, then email", "at 3pm", "2026-11-25T15:00:00"),
        ("call (at 3pm) Bo", "at 3pm", "2026-11-25T15:00:00"),
        ("call at 10am-ish", "at 10am", "2026-11-26T10:00:00"),  # a hyphen ends a word
        ("deploy window 2026-12-03T15:00Z", "2026-12-03T15:00Z", "2026-12-03T10:00:00"),
        ("deploy at 15:00Z", "at 15:00Z", "2026-11-26T10:00:00"),  # 10:00 here has passed
    ],
)
def test_words_apart_are_still_read(text: str, date_text: str, expect: str) -> None:
    found = find_date(text, NOW)
    assert found is not None
    assert (found.date_text, local(found)) == (date_text, expect)


@pytest.mark.parametrize(
    "text", ["9am5pm", "tomorrow 9am5pm", "tomorrow 3pm2", "1st2", "5:00pm2", "Friday 10am2pm"]
)
def test_read_date_refuses_a_word_in_pieces_rather_than_guess(text: str) -> None:
    """Not even dateparser is asked: it would read "tomorrow" and drop "9am5pm"."""
    result = read_date(text, NOW)
    assert isinstance(result, DateRefusal), result
    assert result.reason is RefusalReason.UNREADABLE
