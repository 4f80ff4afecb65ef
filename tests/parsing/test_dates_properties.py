"""Properties that hold for any text, instant, zone and locale (hypothesis)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.parsing.dates import (
    DateContext,
    DateRefusal,
    ReadDate,
    RefusalReason,
    find_date,
    read_date,
)  # fmt: skip

ZONES = [
    "America/New_York", "America/Los_Angeles", "Europe/Berlin", "Europe/London", "Asia/Kolkata",
    "Australia/Sydney", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kathmandu",
    "America/St_Johns", "Australia/Lord_Howe", "Pacific/Chatham", "UTC", "America/Sao_Paulo",
]  # fmt: skip
LOCALES = [None, "en-US", "en-GB", "en-IN", "en-AU", "de-DE", "fr-FR", "es-ES", "it-IT",
           "nl-NL", "pt-BR", "ja-JP"]  # fmt: skip
TEMPLATES = [
    "tomorrow", "today 11pm", "tomorrow 3pm", "Friday", "next Friday", "this Friday", "EOD",
    "COB", "EOW", "EOM", "EOQ", "EOY", "end of next month", "next week", "next month",
    "next quarter", "this weekend", "noon", "midnight", "tonight at 11", "3pm", "at 9",
    "9:30am", "17:00", "in 90 minutes", "in 3 business days", "in 2 weeks", "a week from Friday",
    "Dec 3", "Jan 5th 10am", "12/3", "3/12", "the 30th", "first thing Monday", "later today",
    "in January", "end of Q1", "tomorrow 10am PT", "4pm ET", "New Year's Eve", "Feb 29",
    "friday week", "mid next week", "next business day", "noon Pacific", "Sunday 2am",
    "tomorrow 2:30am", "this morning", "Monday morning", "tmrw eod", "2/29", "Dec 31 11:59pm",
]  # fmt: skip

instants = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 28), timezones=st.just(UTC)
)
contexts = st.builds(
    DateContext,
    now=instants,
    tz=st.sampled_from(ZONES).map(ZoneInfo),
    locale=st.sampled_from(LOCALES),
)
fast = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@fast
@given(text=st.text(max_size=60), context=contexts)
def test_any_text_reads_or_refuses_without_raising(text: str, context: DateContext) -> None:
    result = read_date(text, context)
    assert isinstance(result, ReadDate | DateRefusal)
    if isinstance(result, DateRefusal):
        assert result.message
    else:
        assert result.at.tzinfo is not None


words = st.sampled_from(
    [*TEMPLATES, "call", "jane@acme.com", "555-0134", "$50", "v3", "Q4", "May", "the", "at",
     "by", "on", "3", "24/7", "re:", ",", ".", "PO 4471", "3-5", "tier 3", "April", "2pm"]
)  # fmt: skip


@fast
@given(parts=st.lists(words | st.text(max_size=8), max_size=10), context=contexts)
def test_found_spans_are_consistent(parts: list[str], context: DateContext) -> None:
    text = " ".join(parts)
    found = find_date(text, context)
    if found is None:
        return
    assert 0 <= found.start < found.end <= len(text)
    assert text[found.start : found.end] == found.date_text
    assert found.date_text.strip() == found.date_text
    assert len(found.rest_text) < len(text)


pieces = st.sampled_from(
    ["9am", "5pm", "10:30am", "15:00", "05:00", "Z", "2", "1st", "5h30", "90min", "tomorrow",
     "Friday", "Dec", "3", "3/12", "2026-12-03", "T15:00", "at", "by", "in", "x", "PO", "4471",
     "v2", "EOD", "noon", "UTC", "+", "-", "_", "'", " ", " ", " ", ",", "."]
)  # fmt: skip


@fast
@given(parts=st.lists(pieces, min_size=1, max_size=10), context=contexts)
def test_a_found_phrase_never_starts_or_ends_inside_a_word(
    parts: list[str], context: DateContext
) -> None:
    """Pieces glued together ("9am5pm", "5pm2", "1st2") are one word: read whole or not at all
    (rule 20: the span is what a person would highlight)."""
    text = "".join(parts)
    found = find_date(text, context)
    if found is None:
        return
    assert not re.fullmatch(r"\w\w", text[max(found.start - 1, 0) : found.start + 1])
    assert not re.fullmatch(r"\w\w", text[found.end - 1 : found.end + 1])


@fast
@given(template=st.sampled_from(TEMPLATES), context=contexts)
def test_due_is_never_in_the_past_and_always_on_the_reps_clock(
    template: str, context: DateContext
) -> None:
    result = read_date(template, context)
    if isinstance(result, DateRefusal):
        assert result.reason in set(RefusalReason)
        return
    assert result.at.tzinfo == context.tz
    assert result.at >= context.now.replace(second=0, microsecond=0)
    # a wall time that exists: converting through UTC and back changes nothing
    assert result.at.astimezone(UTC).astimezone(context.tz) == result.at
    assert result.at - context.now < timedelta(days=9 * 366)  # Feb 29 after 2096: 2104


@fast
@given(template=st.sampled_from(TEMPLATES), context=contexts)
def test_start_is_never_in_the_past_either(template: str, context: DateContext) -> None:
    result = read_date(template, context, "start")
    if isinstance(result, ReadDate):
        assert result.at >= context.now.replace(second=0, microsecond=0)
