"""find_date beyond the example file: what is content, what is the due phrase, the rest."""

from __future__ import annotations

import pytest

from bot.parsing.dates import DateRefusal, find_date
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
