# ruff: noqa: RUF001 - typographic quotes are how taskbot quotes what a rep typed
"""Refusals: the right reason, the facts a message needs, and a message that says what to type."""

from __future__ import annotations

from datetime import date

import pytest

from bot.parsing.dates import DateRefusal, Kind, ReadDate, RefusalReason, find_date, read_date
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


@pytest.mark.parametrize(
    ("text", "locale", "kind", "resolved"),
    [
        ("Mon 23 Nov 15:00", "en-US", "due", "2026-11-23T15:00:00"),
        ("Mon 23 Nov 15:00", "en-US", "start", "2026-11-23T15:00:00"),
        ("yesterday 3pm", "en-US", "due", "2026-11-24T15:00:00"),
        ("yesterday at 5", "en-US", "due", "2026-11-24T17:00:00"),  # rule 3: bare 5 is pm
        ("Mon 23 Nov 05:00", "en-US", "due", "2026-11-23T05:00:00"),  # 24-hour writing
        ("last Friday 10am", "en-US", "due", "2026-11-20T10:00:00"),
        ("Nov 20 9am", "en-US", "due", "2026-11-20T09:00:00"),  # rule 13: a recent date
        ("11/20 10am", "en-US", "due", "2026-11-20T10:00:00"),
        ("20/11 10:30", "en-GB", "due", "2026-11-20T10:30:00"),
        ("2026-11-20 09:30", "en-US", "due", "2026-11-20T09:30:00"),
        ("2 days ago at 4pm", "en-US", "due", "2026-11-23T16:00:00"),
        ("yesterday evening", "en-US", "due", "2026-11-24T18:00:00"),  # rule 9's evening
        ("yesterday midnight", "en-US", "due", "2026-11-25T00:00:00"),  # the end of yesterday
        ("yesterday 3pm PT", "en-US", "due", "2026-11-24T18:00:00"),  # on the rep's clock
        ("yesterday", "en-US", "due", "2026-11-24T17:00:00"),  # no time: the kind's default
        ("yesterday", "en-US", "start", "2026-11-24T09:00:00"),
        ("last week", "en-US", "start", "2026-11-16T09:00:00"),
        ("end of last week", "en-US", "start", "2026-11-20T17:00:00"),  # EOW is 17:00 (rule 10)
        ("gestern 15 Uhr", "de-DE", "due", "2026-11-24T15:00:00"),
        ("ayer a las 3pm", "es-US", "due", "2026-11-24T15:00:00"),
        ("hier à 15h", "fr-FR", "due", "2026-11-24T15:00:00"),
    ],
)
def test_past_names_the_instant_typed(text: str, locale: str, kind: Kind, resolved: str) -> None:
    result = read_date(text, ctx(NOW, locale=locale), kind)
    assert isinstance(result, DateRefusal), result
    assert result.reason is R.PAST
    assert result.resolved is not None
    assert result.resolved.tzinfo == ctx(NOW).tz
    assert result.resolved.replace(tzinfo=None).isoformat() == resolved
    assert f"{result.resolved:%H:%M}" in result.message


def test_past_message_shows_the_time_typed_not_the_default() -> None:
    result = read_date("Mon 23 Nov 15:00", ctx(NOW))
    assert isinstance(result, DateRefusal)
    assert result.message.startswith(
        "‘Mon 23 Nov 15:00’ is in the past (Mon 23 Nov 2026 15:00 EST)"
    )


def test_a_found_past_phrase_carries_the_time_typed() -> None:
    found = find_date("send the quote Nov 20 at 9:30am to Bo", ctx(NOW))
    assert found is not None
    assert found.date_text == "Nov 20 at 9:30am"
    assert isinstance(found.result, DateRefusal)
    assert found.result.resolved is not None
    assert f"{found.result.resolved:%d %H:%M}" == "20 09:30"


def test_a_past_reading_of_an_ambiguous_pair_is_no_reading() -> None:
    # Unknown locale: 3/11 is 3 Nov (22 days ago: a mistake, rule 13) or 11 Mar; only one is ahead.
    result = read_date("3/11", ctx(NOW, locale=None))
    assert isinstance(result, ReadDate), result
    assert result.at.date() == date(2027, 3, 11)
