# ruff: noqa: RUF001 - typographic quotes are how taskbot quotes what a rep typed
"""Refusals: the right reason, the facts a message needs, and a message that says what to type."""

from __future__ import annotations

from datetime import date

import pytest

from bot.parsing.dates import DateRefusal, RefusalReason, read_date
from tests.parsing.dates_support import ctx

NOW = "2026-11-25T14:37"
R = RefusalReason


@pytest.mark.parametrize(
    ("text", "locale", "reason"),
    [
        ("yesterday", "en-US", R.PAST),
        ("last Friday", "en-US", R.PAST),
        ("2 days ago", "en-US", R.PAST),
        ("this morning", "en-US", R.PAST),
        ("earlier today", "en-US", R.PAST),
        ("03/12/2026", "en-US", R.PAST),  # March 12 for en-US
        ("vor 2 Tagen", "de-DE", R.PAST),
        ("Feb 30", "en-US", R.IMPOSSIBLE),
        ("31/11", "en-GB", R.IMPOSSIBLE),
        ("25:00", "en-US", R.IMPOSSIBLE),
        ("13/13", "en-US", R.IMPOSSIBLE),
        ("Dec 45", "en-US", R.IMPOSSIBLE),
        ("tomorrow at 13pm", "en-US", R.IMPOSSIBLE),
        ("2026-02-30", "en-US", R.IMPOSSIBLE),
        ("3/12", None, R.AMBIGUOUS),
        ("1600", "en-US", R.AMBIGUOUS),
        ("soon", "en-US", R.VAGUE),
        ("ASAP", "en-US", R.VAGUE),
        ("TBD", "en-US", R.VAGUE),
        ("whenever", "en-US", R.VAGUE),
        ("in a few days", "en-US", R.VAGUE),
        ("in a few hours", "en-US", R.VAGUE),
        ("Q4", "en-US", R.VAGUE),
        ("Friday Dec 3", "en-US", R.WEEKDAY_MISMATCH),
        ("Monday the 3rd", "en-US", R.WEEKDAY_MISMATCH),
        ("banana", "en-US", R.UNREADABLE),
        ("?", "en-US", R.UNREADABLE),
        ("123", "en-US", R.UNREADABLE),
        ("after the demo", "en-US", R.UNREADABLE),
        ("", "en-US", R.UNREADABLE),
    ],
)
def test_reason(text: str, locale: str | None, reason: RefusalReason) -> None:
    result = read_date(text, ctx(NOW, locale=locale))
    assert isinstance(result, DateRefusal), result
    assert result.reason is reason
    message = result.message
    assert "‘" in message, "a message quotes an example of what to type"
    assert any(word in message.lower() for word in ("try", "type")), message


def test_past_carries_the_instant_it_resolved_to() -> None:
    result = read_date("last Friday", ctx(NOW))
    assert isinstance(result, DateRefusal)
    assert result.resolved is not None
    assert result.resolved.date() == date(2026, 11, 20)
    assert "Fri 20 Nov 2026" in result.message


def test_ambiguous_carries_both_readings() -> None:
    result = read_date("3/12", ctx(NOW, locale=None))
    assert isinstance(result, DateRefusal)
    assert result.readings == (date(2026, 12, 3), date(2027, 3, 12))
    assert "3 Dec" in result.message
    assert "12 Mar" in result.message


def test_weekday_mismatch_names_both_days() -> None:
    result = read_date("Friday Dec 3", ctx(NOW))
    assert isinstance(result, DateRefusal)
    assert (result.weekday_given, result.weekday_actual) == (4, 3)
    assert "Thursday" in result.message
    assert "Friday" in result.message


def test_yesterday_message_reads_like_a_person() -> None:
    result = read_date("yesterday", ctx(NOW))
    assert isinstance(result, DateRefusal)
    assert result.message.startswith("‘yesterday’ is in the past")
    assert "‘tomorrow 10am’" in result.message
