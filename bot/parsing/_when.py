# ruff: noqa: RUF001, RUF002 - en and em dashes are range separators reps type
"""When a command's task starts and is due: the date phrases in the date view.

Forms, tried in this order (issue 3, "When"):

1. `from X to Y` (also until/till/through/thru/–): X is the start, Y the due time.
2. `start X` (starts/starting/begin/beginning, an optional colon): X is the start; the due
   phrase is then looked for in the rest of the text, so `start tomorrow due Fri` and
   `start Monday, call Bob on Wednesday` both work.
3. Otherwise one phrase found by `find_date` (rule 20) is the due time: `tomorrow 3pm`,
   `by EOW`, `due Friday noon`.

A form only counts when its X reads as a date, so "from Bluth Co to Jane" stays text. A due
time on or before an explicit start is read again from the start, and kept when that lands
within a day after it: "from 9am to 5pm" said at 14:37 starts tomorrow 09:00 and so ends
tomorrow 17:00, not today. Anything else ("start Friday due tomorrow") is a problem the rep
must fix, not a guess. Everything here works on the date view
(`bot.parsing._text.View`); spans are view positions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Final, Literal

from bot.domain import FieldProblem, TaskType
from bot.messages import grammar as words
from bot.parsing._text import Span
from bot.parsing.dates import (
    DateContext,
    DateRefusal,
    FoundDate,
    Kind,
    ReadDate,
    RefusalReason,
    default_due,
    find_date,
    read_date,
)  # fmt: skip

_FROM: Final = r"(?i)(?<![\w-])from\b"
_START: Final = r"(?i)(?<![\w-])(?:start(?:s|ing)?|begin(?:s|ning)?)\b\s*:?"
_UNTIL: Final = r"(?i)\s(?:to|until|till|through|thru|[-–—])\s"
_PHRASE_END: Final = r"(?i)[,;|\n]|\s(?:due|by|to|until|till|through|thru|[-–—])(?=\s)"
_SOFT_PREFIX: Final = r"(?i)(?<![\w-])(?:for|para|für|pour|per|voor)\s*$"
"""find_date leaves these out of the phrase but drops them from the rest ("book onsite for
Dec 3" → "book onsite"); they go with the phrase here when it ends the sentence, so the body
reads the same — but "prep for Dec 3 demo" keeps its "for" ("prep for demo")."""
_SENTENCE_END: Final = r"\s*(?:$|[,.;:!?)\]\n|])"
_MAX_PHRASE_WORDS: Final = 7
_ONE_DAY: Final = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class DatePart:
    role: Literal["start", "due"]
    text: str
    """The phrase as typed ("next Fri", "by EOW")."""
    result: ReadDate | DateRefusal


@dataclass(frozen=True, slots=True)
class When:
    start: DatePart | None = None
    due: DatePart | None = None
    found: FoundDate | None = None
    """The due phrase as find_date found it (form 3, or the due after `start X`)."""
    spans: tuple[Span, ...] = ()
    """View spans the date forms cover, keywords included (taken out of the body)."""
    text: str | None = None
    """What the rep typed as dates, for `TaskDraft.date_text`: "tomorrow 3pm", "from Mon
    9am to Mon 5pm", "start tomorrow … due Fri" (two phrases apart)."""


@cache
def _pattern(source: str) -> re.Pattern[str]:
    return re.compile(source)


def read_when(text: str, ctx: DateContext) -> When:
    """The start and due phrases of the date view `text`; see the module docstring."""
    ranged = _from_to(text, ctx)
    if ranged is not None:
        return ranged
    started = _started(text, ctx)
    if started is None:
        return _due_only(text, ctx)
    start, span = started
    masked = text[: span[0]] + " " * (span[1] - span[0]) + text[span[1] :]
    rest = _due_only(masked, ctx, after=start)
    phrases = [text[span[0] : span[1]], *([rest.text] if rest.text else [])]
    if rest.spans and rest.spans[-1][0] < span[0]:
        phrases.reverse()
    spans = tuple(sorted((span, *rest.spans)))
    return When(start, rest.due, rest.found, spans, " … ".join(phrases))


def _due_only(text: str, ctx: DateContext, after: DatePart | None = None) -> When:
    found = find_date(text, ctx, "due")
    if found is None:
        return When()
    first = found.start
    prefix = _pattern(_SOFT_PREFIX).search(text, 0, found.start)
    if prefix and _pattern(_SENTENCE_END).match(text, found.end):
        first = prefix.start()
    due = DatePart("due", found.date_text, found.result)
    if after is not None:
        due = _after_start(due, after, ctx)
    return When(due=due, found=found, spans=((first, found.end),), text=found.date_text)


def _from_to(text: str, ctx: DateContext) -> When | None:
    for keyword in _pattern(_FROM).finditer(text):
        until = _pattern(_UNTIL).search(text, keyword.end())
        if until is None:
            return None
        start_text = text[keyword.end() : until.start()].strip()
        if not start_text or len(start_text.split()) > _MAX_PHRASE_WORDS:
            continue
        start_result = read_date(start_text, ctx, "start")
        if _unreadable(start_result):
            continue
        due_found = _leading_phrase(text, until.end(), ctx, "due")
        if due_found is None:
            continue
        due_text, due_end, due_result = due_found
        start = DatePart("start", start_text, start_result)
        due = _after_start(DatePart("due", due_text, due_result), start, ctx)
        span = (keyword.start(), due_end)
        return When(start, due, spans=(span,), text=text[span[0] : span[1]])
    return None


def _started(text: str, ctx: DateContext) -> tuple[DatePart, Span] | None:
    for keyword in _pattern(_START).finditer(text):
        found = _leading_phrase(text, keyword.end(), ctx, "start")
        if found is not None:
            phrase, end, result = found
            return DatePart("start", phrase, result), (keyword.start(), end)
    return None


def _leading_phrase(
    text: str, at: int, ctx: DateContext, kind: Kind
) -> tuple[str, int, ReadDate | DateRefusal] | None:
    """The date phrase that starts right at `at` (blanks skipped): its text, its end in
    `text`, and its reading. Tried on ever shorter windows so that a stronger phrase later
    in the sentence does not hide it."""
    while at < len(text) and text[at] in " \t":
        at += 1
    stop = _pattern(_PHRASE_END).search(text, at)
    window = text[at : stop.start() if stop else len(text)]
    words = window.split()[:_MAX_PHRASE_WORDS]
    for count in range(len(words), 0, -1):
        candidate = _first_words(window, count)
        found = find_date(candidate, ctx, kind)
        if found is not None and found.start == 0:
            return found.date_text, at + found.end, found.result
    return None


def _first_words(text: str, count: int) -> str:
    match = re.match(rf"\s*(?:\S+\s+){{{count - 1}}}\S+", text)
    return match[0] if match else text


def _unreadable(result: ReadDate | DateRefusal) -> bool:
    return isinstance(result, DateRefusal) and result.reason is RefusalReason.UNREADABLE


def _after_start(due: DatePart, start: DatePart, ctx: DateContext) -> DatePart:
    """`due` read again from the start when it is a time alone and not after the start
    ("from 9pm to 1am"); a due that names its day ("tomorrow 8am") stays on that day, and
    the rep hears that it is not after the start."""
    if not (isinstance(due.result, ReadDate) and isinstance(start.result, ReadDate)):
        return due
    if due.result.at > start.result.at or due.result.names_day:
        return due
    from_start = DateContext(now=start.result.at, tz=ctx.tz, locale=ctx.locale)
    again = read_date(due.text, from_start, "due")
    if isinstance(again, ReadDate) and timedelta(0) < again.at - start.result.at <= _ONE_DAY:
        return DatePart("due", due.text, again)
    return due


@dataclass(frozen=True, slots=True)
class Times:
    """The task's start and due instants, and what kept one of them from being set."""

    start_at: datetime | None
    due_to: datetime | None
    due_defaulted: bool
    problems: tuple[FieldProblem, ...]


def settle(when: When, ctx: DateContext, task_type: TaskType | None) -> Times:
    """Start and due for the draft: start is now (to the minute) unless the rep said
    otherwise; due is the phrase, or when there is none `default_due` for the type, counted
    from the start the rep gave (the form suggests the same due). A lone range is both:
    it starts at the range's start (rule 16) and is due at its end."""
    now = ctx.local_now.replace(second=0, microsecond=0)
    problems: list[FieldProblem] = []
    start_at: datetime | None = now
    if when.start is not None:
        start_at = _instant(when.start, "start_at", problems)
    due_to = None
    slot = when.due.result if when.due is not None and when.start is None else None
    if isinstance(slot, ReadDate) and slot.until is not None:
        start_at, due_to = slot.at, slot.until  # "tomorrow 2-3pm": a slot, not a deadline
    elif when.due is not None:
        due_to = _instant(when.due, "due_to", problems)
    else:
        given_start = start_at if when.start is not None else None
        due_to = default_due(task_type, ctx, after=given_start)
    if start_at is not None and due_to is not None and due_to <= start_at:
        problems.append(FieldProblem("due_to", words.due_not_after_start(due_to, start_at)))
    return Times(start_at, due_to, when.due is None, tuple(problems))


def _instant(
    part: DatePart, field: Literal["start_at", "due_to"], problems: list[FieldProblem]
) -> datetime | None:
    if isinstance(part.result, ReadDate):
        return part.result.at
    problems.append(FieldProblem(field, part.result.message))
    return None
