# ruff: noqa: RUF001 - smart quotes are among the pieces commands are built from
"""Properties of the grammar for any text, instant, zone and locale (hypothesis).

* `parse_command` never raises.
* Nothing is lost: every word of the command (Slack's escapes undone) is in the body or in
  exactly one recognised piece — as a multiset, so a repeated word counts each time.
* The recognised pieces are what the text says at their spans, and never overlap.
* Times are aware, on the rep's clock; a draft without a date problem is due after it starts,
  and a draft without problems is due in the future.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.parsing import ParsedCommand, parse_command
from bot.parsing._slack_text import unescape
from bot.parsing.dates import DateContext
from tests.parsing.dates_support import ZoneInfo
from tests.parsing.test_dates_properties import LOCALES, TEMPLATES, ZONES

PIECES = [
    *TEMPLATES,
    "call", "Call:", "email", "mail", "li", "linkedin", "inmail", "connect", "msg", "view",
    "profile", "view profile", "mtg", "meeting", "todo", "to-do", "sms", "text", "wa",
    "whatsapp", "cal", "emial", "conect", "all", "ask", "jane@acme.com", "Bob.Lee@acme.co.uk,",
    "#12345", "#0", "#4471", "linkedin.com/in/jane", "https://www.linkedin.com/in/bob/",
    '"Jane Doe"', "“Jane Doe”", "‘Jo’", "«Jo»", '"', "“", "<mailto:a@b.co|a@b.co>",
    "<https://acme.com/x|the deck>", "<https://www.linkedin.com/in/jo|linkedin.com/in/jo>",
    "<@U123|jane>", "<@U1>", "<#C1|deals>", "<!here>", "&amp;", "&lt;", "&gt;", "<3",
    "subject:", "Subject:", "subj:", "|", "\n", "{{firstName}}", "{{ company }}", "{{",
    "}}", "Priya", "Tom O'Neil", "ASAP", "for", "from", "to", "start", "due", "by", "until",
    "(", ")", ",", ".", "...", "-", "–", "—", ":", "Ask", "about", "pricing", "re", "the",
    "2pm", "no-show", "yesterday", "Feb 30", "1/15", "24/7", "Q4", "+1 212 555 0199",
    "acme.com/reports/12/3", "9am5pm", "May", "April", "help", "?",
]  # fmt: skip

instants = st.datetimes(
    min_value=datetime(2015, 1, 2), max_value=datetime(2099, 12, 28), timezones=st.just(UTC)
)
contexts = st.builds(
    DateContext,
    now=instants,
    tz=st.sampled_from(ZONES).map(ZoneInfo),
    locale=st.sampled_from(LOCALES),
)
separators = st.sampled_from([" ", " ", " ", "  ", "", "\n", " \n"])
commands = st.lists(st.tuples(st.sampled_from(PIECES), separators), max_size=12).map(
    lambda parts: "".join(piece + separator for piece, separator in parts)
)
any_text = st.one_of(commands, st.text(max_size=80))
fast = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

NOW = DateContext(now=datetime(2026, 11, 25, 19, 37, tzinfo=UTC), tz=ZoneInfo("America/New_York"))


def _words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text))


def _check(parsed: ParsedCommand, raw: str) -> None:
    assert parsed.text == unescape(raw)
    draft = parsed.draft
    for moment in (draft.start_at, draft.due_to):
        assert moment is None or moment.utcoffset() is not None
    if parsed.is_help:
        assert draft.problems == ()
        return
    recognised = Counter[str]()
    last_end = 0
    for item in parsed.recognised:
        assert parsed.text[item.span[0] : item.span[1]] == item.text
        assert item.span[0] >= last_end, "recognised pieces overlap"
        last_end = item.span[1]
        recognised += _words(item.text)
    assert _words(parsed.text) == recognised + _words(draft.body), "a word was lost"
    assert draft.body == draft.body.strip()
    date_problem = any(p.field in ("start_at", "due_to") for p in draft.problems)
    if draft.start_at and draft.due_to and not date_problem:
        assert draft.due_to > draft.start_at
    for problem in draft.problems:
        assert problem.message.strip()


@fast
@given(text=any_text, context=contexts)
@example(text="9am5pm call jane@acme.com", context=NOW)
@example(text="call <mailto:a@b.co|a@b.co> Q&amp;A {{x}} from 9am to 5pm", context=NOW)
@example(text="inmail inmail subject: subject: | |", context=NOW)
@example(text="𑁦º", context=NOW)  # a Brahmi digit is \d to re but not to str.lstrip("0-9")
def test_any_text_parses_without_losing_a_word(text: str, context: DateContext) -> None:
    _check(parse_command(text, context), text)


@fast
@given(text=commands, context=contexts)
def test_a_complete_draft_is_due_in_the_future(text: str, context: DateContext) -> None:
    parsed = parse_command(text, context)
    if parsed.is_complete:
        draft = parsed.draft
        assert draft.task_type is not None
        assert draft.body
        assert draft.due_to is not None
        assert draft.due_to > context.now
        assert draft.start_at is not None
        assert draft.start_at >= context.now.replace(second=0, microsecond=0)
        assert draft.due_to.tzinfo == context.tz  # on the rep's own clock


@fast
@given(text=commands)
def test_the_same_command_reads_the_same_twice(text: str) -> None:
    assert parse_command(text, NOW) == parse_command(text, NOW)
