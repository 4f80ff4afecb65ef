"""mrkdwn helpers (escaping, date tokens) and cutting text without breaking entities
(bot.fitting, which the form shares)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.fitting import fit_plain, shorten, split
from bot.views import mrkdwn

HALF_ENTITY = re.compile(r"&(?!amp;|lt;|gt;)")
user_text = st.text(alphabet=st.sampled_from("ab &<>\n|*_é🧪"), max_size=400)


def test_only_the_three_characters_slack_names_are_escaped() -> None:
    assert mrkdwn.escape("a & b < c > d *e* _f_ `g`") == "a &amp; b &lt; c &gt; d *e* _f_ `g`"


def test_a_date_token_renders_for_each_viewer_with_a_fallback_in_the_reps_zone() -> None:
    at = datetime(2026, 1, 3, 16, 0, tzinfo=UTC)
    assert mrkdwn.date_token(at, ZoneInfo("Asia/Kolkata")) == (
        "<!date^1767456000^{date_short_pretty} at {time}|Sat 3 Jan 2026 21:30 IST>"
    )
    with pytest.raises(ValueError, match="aware"):
        mrkdwn.date_token(datetime(2026, 1, 3, 16, 0), UTC)


def test_links_keep_their_label_as_text() -> None:
    assert mrkdwn.link("https://x.example/a?b=1&c=2", "<b>|") == (
        "<https://x.example/a?b=1&amp;c=2|&lt;b&gt;¦>"
    )
    assert mrkdwn.mailto("jane@acme.com") == "<mailto:jane@acme.com|jane@acme.com>"


@given(user_text, st.integers(min_value=8, max_value=300))
def test_split_gives_back_the_text_in_pieces_that_fit(text: str, limit: int) -> None:
    escaped = mrkdwn.escape(text)
    pieces = split(escaped, limit)
    assert "".join(pieces) == escaped
    assert all(len(p) <= limit for p in pieces)
    assert not any(HALF_ENTITY.search(p) for p in pieces)


@given(user_text, st.integers(min_value=8, max_value=300))
def test_shorten_fits_marks_the_cut_and_keeps_entities_whole(text: str, limit: int) -> None:
    escaped = mrkdwn.escape(text)
    short = shorten(escaped, limit)
    assert len(short) <= limit
    assert not HALF_ENTITY.search(short)
    if short != escaped:
        assert short.endswith("…")
        assert escaped.startswith(short.removesuffix("…").rstrip())


@given(st.text(max_size=200), st.integers(min_value=1, max_value=100))
def test_plain_text_is_cut_hard_with_a_visible_mark(text: str, limit: int) -> None:
    fitted = fit_plain(text, limit)
    assert len(fitted) <= limit
    assert fitted == text or (fitted.endswith("…") and text.startswith(fitted[:-1]))
