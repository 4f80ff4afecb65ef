"""find_date: the due phrase inside free text (rule 20 of CONVENTIONS.md).

Every run of date components is a candidate; candidates that are content rather than a due
date are dropped (a month name alone is a person — "April", "May"; "the 2pm no-show" and "the
March invoice" describe a noun; "asap" and "Q4" are not times; a lone "3-5" is a quantity); the
strongest remaining one wins (a day beats a bare time; ties go to the first).
"""

from __future__ import annotations

import re
from functools import cache

from bot.parsing.dates._components import (
    DayOfMonth,
    Impossible,
    Now,
    Numeric,
    PartOfDay,
    Period,
    Vague,
    Weekday,
)  # fmt: skip
from bot.parsing.dates._grammar import Grammar
from bot.parsing.dates._languages import vocabulary
from bot.parsing.dates._lexicon import Cat
from bot.parsing.dates._model import DateContext, FoundDate, Kind
from bot.parsing.dates._phrases import Run, scan
from bot.parsing.dates._resolve import resolve
from bot.parsing.dates._tokens import lexemes

_WEAK_PARTS = frozenset({"am", "pm", "morning", "afternoon", "evening", "noon", "first_thing"})
_SHORT_NAMES = frozenset({"sat", "sun", "wed", "mar", "may", "jan", "jun", "mon", "dom", "mai"})
"""Weekday and month abbreviations that are also everyday words or names."""
_SOFT_PREFIX = r"(?:for|para|für|pour|per|voor)"
"""Left out of the date span, but dropped from the rest: "book onsite for Dec 3" → "book onsite"."""


def find_date(text: str, ctx: DateContext, kind: Kind = "due") -> FoundDate | None:
    """The due phrase in `text`, or None when it has none; see the package docstring."""
    grammar = Grammar(lexemes(text, vocabulary(ctx.language)), ctx.language)
    runs = [run for run in scan(grammar) if _is_due_phrase(grammar, run)]
    if not runs:
        return None
    best = max(runs, key=lambda run: (_strength(grammar, run), -run.first))
    first = _span_start(grammar, best.first)
    start, end = grammar.lexemes[first].start, grammar.lexemes[best.end - 1].end
    date_text = text[start:end]
    result = resolve(best.phrase, ctx, kind, date_text)
    return FoundDate(start, end, date_text, tidy_rest(text[:start], text[end:]), result)


def _prefixed(grammar: Grammar, first: int) -> bool:
    k = first - 1
    while grammar.cat(k) is Cat.FILLER and grammar.val(k) is None and grammar.lexemes[k].raw != ",":
        k -= 1
    return grammar.cat(k) in {Cat.PREP, Cat.AT, Cat.IN} or grammar.cat(first) in {Cat.AT, Cat.IN}


def _is_due_phrase(grammar: Grammar, run: Run) -> bool:  # noqa: PLR0911 - one rule each
    phrase = run.phrase
    if isinstance(phrase.problem, Vague):
        return False
    before = grammar.lexemes[run.first - 1].raw.casefold() if run.first > 0 else ""
    if before in {"the", "a", "an"} and grammar.cat(run.end) is Cat.WORD:
        return False  # "the 2pm no-show", "the March invoice", "the Friday meeting"
    if _prefixed(grammar, run.first) or len(phrase.parts) > 1:
        return True
    only = phrase.parts[0]
    single = run.end - run.first == 1
    raw = grammar.lexemes[run.first].raw.casefold()
    if isinstance(only, Impossible | DayOfMonth | Now):
        return False
    if isinstance(only, Period) and only.which.startswith("month:") and single:
        return False  # April, May, March: people before dates
    if isinstance(only, Numeric) and only.value.sep == "-" and only.value.year is None:
        return False  # "3-5 case studies"
    if isinstance(only, Weekday) and single and (len(raw) <= 2 or raw in _SHORT_NAMES):
        return False
    return not (isinstance(only, PartOfDay) and only.name in _WEAK_PARTS)


def _strength(grammar: Grammar, run: Run) -> float:
    phrase = run.phrase
    return (
        2 * (phrase.day is not None or phrase.exact is not None)
        + (phrase.time is not None)
        + 0.5 * (phrase.part is not None)
        + 0.5 * _prefixed(grammar, run.first)
    )


def _span_start(grammar: Grammar, first: int) -> int:
    """Include a leading by/on/at/due (and the fillers after it) in the span."""
    k = first
    lexemes = grammar.lexemes
    while grammar.cat(k - 1) in {Cat.PREP, Cat.AT, Cat.FILLER} and lexemes[k - 1].raw != ",":
        k -= 1
    while k < first and grammar.cat(k) is Cat.FILLER:
        k += 1
    return k


@cache
def _tidy_patterns() -> tuple[re.Pattern[str], ...]:
    return (
        re.compile(rf"\s*\b{_SOFT_PREFIX}\s*$", re.IGNORECASE),
        re.compile(r"\(\s*\)|\[\s*\]"),
        re.compile(r"\s+([,.;:!?)\]])"),
        re.compile(r"([,;:])\s*(?=[,.;:!?])"),
    )


def tidy_rest(before: str, after: str) -> str:
    """The text around a removed span, as a person would leave it: no dangling "for", no empty
    brackets, no space before punctuation, no doubled or leading separators."""
    soft, empty_brackets, space_before_punct, doubled = _tidy_patterns()
    joined = " ".join(f"{soft.sub('', before)} {after}".split())
    joined = " ".join(empty_brackets.sub("", joined).split())
    joined = doubled.sub("", space_before_punct.sub(r"\1", joined))
    return joined.strip(" ,;:")
