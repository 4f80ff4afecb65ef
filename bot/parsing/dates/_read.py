"""read_date: the whole text is one date phrase."""

from __future__ import annotations

import re

from bot.parsing.dates._fallback import read_with_dateparser
from bot.parsing.dates._grammar import Grammar
from bot.parsing.dates._languages import GLUED_LANGUAGES, vocabulary
from bot.parsing.dates._lexicon import Cat
from bot.parsing.dates._model import DateContext, DateRefusal, Kind, ReadDate, RefusalReason
from bot.parsing.dates._phrases import read_whole
from bot.parsing.dates._resolve import resolve
from bot.parsing.dates._tokens import Lexeme, lexemes

_FOUR_DIGITS = re.compile(r"\d{4}")
_DATE_LIKE = frozenset(
    {Cat.MONTH, Cat.WEEKDAY, Cat.RELDAY, Cat.NUMDATE, Cat.ISO, Cat.CLOCK, Cat.ORDINAL}
)


def read_date(text: str, ctx: DateContext, kind: Kind = "due") -> ReadDate | DateRefusal:
    """Read `text` as one date phrase; see the package docstring."""
    phrase_text = " ".join(text.split())
    if not phrase_text:
        return DateRefusal(RefusalReason.UNREADABLE, text)
    if _FOUR_DIGITS.fullmatch(phrase_text):  # 1600: a year or a time? (rule 14)
        return DateRefusal(RefusalReason.AMBIGUOUS, text, detail=phrase_text)
    found = lexemes(phrase_text, vocabulary(ctx.language))
    grammar = Grammar(found, ctx.language, whole=True)
    run = read_whole(grammar)
    if run is not None:
        return resolve(run.phrase, ctx, kind, text)
    if any(lexeme.cat is Cat.VAGUE for lexeme in found):
        word = next(lexeme.raw for lexeme in found if lexeme.cat is Cat.VAGUE)
        return DateRefusal(RefusalReason.VAGUE, text, detail=word)
    if _worth_a_second_opinion(found, ctx.language):
        fallback = read_with_dateparser(phrase_text, ctx, kind)
        if fallback is not None:
            return fallback
    return DateRefusal(RefusalReason.UNREADABLE, text)


def _worth_a_second_opinion(found: list[Lexeme], language: str) -> bool:
    """Ask dateparser only about text with words taskbot does not know, and then only when
    something in it looks like a date — or the rep writes a language taskbot has no phrase
    glue for (ja, ru, …), where dateparser's reading is the best there is. Never about text with
    a word that came out in pieces ("tomorrow 9am5pm"): dateparser would read half of it."""
    if any(lexeme.cat is Cat.FUSED for lexeme in found):
        return False
    if not any(lexeme.cat in {Cat.WORD, Cat.CONTENT} for lexeme in found):
        return False
    if language not in GLUED_LANGUAGES:
        return True
    return any(lexeme.cat in _DATE_LIKE for lexeme in found)
