"""Text → lexemes: numbers, clock times, numeric dates, vocabulary words, masked content.

Every lexeme keeps its character span in the original text, so `find_date` can report what a
person would highlight. Things that are never dates are masked first (rule 20): Slack escapes,
URLs, emails, `{{variables}}`, quoted names, phone numbers, prices, percentages, "24/7", and the
number after an id-like word ("PO 4471", "tier 3", "invoice 1042").

A lexeme never starts or ends inside a word: pieces of one run of letters and digits ("9am5pm",
"5pm2", "1st2") are fused back into one FUSED lexeme, so no reading takes half a word (rule 20:
the span is what a person would highlight). The one suffix allowed to touch a time is ISO 8601's
UTC designator ("15:00Z").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time
from functools import cache
from typing import Final

from bot.parsing.dates._compounds import split_compound
from bot.parsing.dates._lexicon import Cat, Entry, fold
from bot.parsing.dates._typos import fuzzy_word

_MASK_PATTERN: Final = r"""
      <[^<>\n]+>                                   # Slack escapes: <mailto:…|…>, <https://…>, <@U1>
    | \b(?:https?://|www\.)\S+                      # URLs
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                  # emails
    | \{\{[^{}]*\}\}                                # Reply {{variables}}
    | "[^"\n]*" | \u201c[^\u201d\n]*\u201d                         # quoted names
    | \+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}         # +1 212 555 0199
    | (?<![\w/.-])(?:\(\d{3}\)\s?|\d{3}[.-])?\d{3}[.-]\d{4}(?![\w/])   # 555-0134, (212) 555-0199
    | [$€£¥]\s?\d[\d,]*(?:\.\d+)?\s?[kKmMbB]?\b      # $50, €1,200, $5k
    | \b\d[\d,]*(?:\.\d+)?\s?(?:%|k\b|K\b|USD\b|EUR\b|GBP\b|dollars\b|euros\b|bucks\b)
    | \b24\s?[/x]\s?7\b | \b9-to-5\b
    | \#\d[\w-]*                                    # #12345
    | \b\d{1,5}(?=\s+(?:[A-Z][a-z]+\s+){0,2}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Lane|Ln|Dr|
              Drive|Way|Plaza|Pkwy|Parkway)\b)      # street numbers
    """
# The number after an id-like word is an identifier, not a date: "PO 4471", "tier 3".
_ID_NUMBER_PATTERN: Final = r"""
    \b(?:po|inv|invoice|order|ticket|case|ref|tier|level|phase|step|version|room|suite|floor|
       unit|ext|option|page|line|item|id|no|number|acct|account|seat|row|plan|sku|rev|build|
       release|ver|grade|stage|round|zone|region|gate|apt)\.?\s*(?P<id>\#?\d[\w-]*)
"""
_RAW_PATTERN: Final = r"""
      (?P<iso>\d{4}-\d{1,2}-\d{1,2}(?:[T\s]\d{1,2}:\d{2}(?::\d{2})?)?)(?![\d:])
    | (?P<ymd>\d{4}/\d{1,2}/\d{1,2})(?![\d/])
    | (?P<sdate>\d{1,2}(?P<sep>[/-])\d{1,2}(?:(?P=sep)(?:\d{4}|\d{2}))?)(?![\d/:.]|[^\W\d_])
    | (?P<ddate>\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})?)(?![\d.])
    | (?P<clock>(?P<ch>\d{1,2}):(?P<cm>\d{2})(?::\d{2})?
        (?:\s?(?P<cmer>[ap]\.?m\.?|[ap])(?![^\W\d_]))?)(?!\d)
    | (?P<hmer>\d{1,2}(?:\s?[ap]\.m\.|\s?[ap]m|[ap])(?![^\W\d_]))
    | (?P<hfr>\d{1,2}h\d{2})(?![^\W\d_])
    | (?P<utc>(?<=:\d\d)[Zz])(?!\w)                   # ISO 8601's UTC designator: 15:00Z
    | (?P<span>\d+(?:[.,]\d+)?(?:hrs|hr|h|mins|min|m))(?![^\W\d_])
    | (?P<ord>\d{1,2}(?:st|nd|rd|th|er|e|º|ª))(?![^\W\d_])
    | (?P<mixed>\w*\d\w*)(?<![\d])|(?P<mixed2>\w*[^\W\d_]\w*\d\w*)
    | (?P<num>\d+(?:[.,]\d+)?)
    | (?P<word>[^\W\d_]+(?:['\u2019][^\W\d_]+)*)
    | (?P<punct>\S)
    """
_MAX_WINDOW: Final = 9  # raw tokens a multi-word entry may span ("first thing in the morning")
_SUFFIXES: Final = frozenset({"utc"})
"""Token kinds that may touch the token before them inside a word."""


@dataclass(frozen=True, slots=True)
class Lexeme:
    cat: Cat
    value: object
    start: int
    end: int
    raw: str


@dataclass(frozen=True, slots=True)
class NumDate:
    """1-2 digit numbers around a separator: 12/3, 12-3, 3.12., 03/12/2026."""

    first: int
    second: int
    year: int | None
    sep: str


@dataclass(frozen=True, slots=True)
class Clock:
    hour: int
    minute: int
    meridiem: str | None  # "am", "pm" or None (24-hour or bare)
    twenty_four: bool = False
    """The writing itself says 24-hour: a zero-padded hour (05:00, 07:30, 00:30) or the
    French/Portuguese 15h30 form — never rule 3's business-hours reading, in any language."""


@dataclass(frozen=True, slots=True)
class IsoDate:
    """A Y-M-D date, maybe with a time; `valid` is False for 2026-02-30."""

    parts: tuple[int, int, int]
    at: time | None
    valid: bool

    @property
    def day(self) -> date:
        return date(*self.parts)


def zero_padded(digits: str) -> bool:
    """'05', '07', '00': an hour written with a leading zero, the way 24-hour clocks show it."""
    return len(digits) == 2 and digits[0] == "0"


def _meridiem(text: str) -> str:
    return "am" if text.strip().lower().startswith("a") else "pm"


def _year(text: str) -> int:
    number = int(text)
    return number + 2000 if len(text) == 2 else number


_LEADING_DIGITS = re.compile(r"\d+")


def _classify(  # noqa: PLR0911, PLR0912 - one branch per token kind
    kind: str, match: re.Match[str]
) -> tuple[Cat, object]:
    text = match.group(kind)
    if kind == "iso":
        day_part, _, clock_part = text.replace("T", " ").partition(" ")
        y, m, d = (int(p) for p in day_part.split("-"))
        at = None
        if clock_part:
            h, mi = (int(p) for p in clock_part.split(":")[:2])
            at = time(h, mi) if h < 24 and mi < 60 else None
            if at is None:
                return Cat.ISO, IsoDate((y, m, d), None, valid=False)
        return Cat.ISO, IsoDate((y, m, d), at, valid=_valid(y, m, d))
    if kind == "ymd":
        y, m, d = (int(p) for p in text.split("/"))
        return Cat.ISO, IsoDate((y, m, d), None, valid=_valid(y, m, d))
    if kind in {"sdate", "ddate"}:
        sep = "." if kind == "ddate" else ("/" if "/" in text else "-")
        parts = [p for p in text.split(sep) if p]
        year = _year(parts[2]) if len(parts) == 3 else None
        return Cat.NUMDATE, NumDate(int(parts[0]), int(parts[1]), year, sep)
    if kind == "clock":
        mer = match.group("cmer")
        hour, minute = int(match.group("ch")), int(match.group("cm"))
        padded = zero_padded(match.group("ch"))
        return Cat.CLOCK, Clock(hour, minute, _meridiem(mer) if mer else None, padded)
    if kind == "hmer":
        digits = text.rstrip("apmAPM. ").strip()
        return Cat.CLOCK, Clock(int(digits), 0, _meridiem(text[len(digits) :]))
    if kind == "hfr":
        hours, minutes = text.lower().split("h")
        return Cat.CLOCK, Clock(int(hours), int(minutes), None, twenty_four=True)
    if kind == "span":
        number = text.rstrip("hrsmin")
        unit = "hour" if text[len(number) :].startswith("h") else "minute"
        return Cat.SPAN_H, (float(number.replace(",", ".")), unit)
    if kind == "ord":
        # \d matches any Unicode decimal digit ("𑁦º"): take the digits as the regex did
        digits = _LEADING_DIGITS.match(text)
        assert digits is not None  # the ord pattern starts with \d
        return Cat.ORDINAL, int(digits[0])
    if kind == "num":
        return Cat.NUM, float(text.replace(",", ".")) if re.search("[.,]", text) else int(text)
    if kind in {"mixed", "mixed2"}:
        return Cat.CONTENT, text
    if kind in {"word", "utc"}:
        return Cat.WORD, fold(text)
    return Cat.PUNCT, text


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Compiled on first use, not at import."""
    return (
        re.compile(_MASK_PATTERN, re.VERBOSE | re.IGNORECASE),
        re.compile(_ID_NUMBER_PATTERN, re.VERBOSE | re.IGNORECASE),
        re.compile(_RAW_PATTERN, re.VERBOSE),
        re.compile(r"\w\w"),
    )


def _masked_spans(text: str) -> list[tuple[int, int]]:
    masks, ids, *_ = _patterns()
    spans = [(m.start(), m.end()) for m in masks.finditer(text)]
    spans += [(m.start("id"), m.end("id")) for m in ids.finditer(text)]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _raw_tokens(text: str) -> list[Lexeme]:
    masked = _masked_spans(text)
    raw_pattern = _patterns()[2]
    tokens: list[Lexeme] = []
    position = 0
    for start, end in [*masked, (len(text), len(text))]:
        for match in raw_pattern.finditer(text, position, start):
            kind = match.lastgroup or "punct"
            cat, value = _classify(kind, match)
            token = Lexeme(cat, value, match.start(), match.end(), match.group())
            _add(tokens, token, text, suffix=kind in _SUFFIXES)
        if end > start:
            _add(tokens, Lexeme(Cat.CONTENT, text[start:end], start, end, text[start:end]), text)
        position = end
    return tokens


def _add(tokens: list[Lexeme], token: Lexeme, text: str, *, suffix: bool = False) -> None:
    """Append `token`, or fuse it with the token before when the two meet inside a word.

    Each token pattern guards its own end against some word characters only ("9am" may be
    followed by a digit, "5:00" by a letter), so a word can come out in pieces: "9am5pm" as
    9am + 5pm, "5pm2" as 5pm + 2. Such pieces are one FUSED lexeme — a word nobody would
    highlight half of is not a date (rule 20).
    """
    touching = bool(tokens) and tokens[-1].end == token.start and not suffix
    if touching and _patterns()[3].match(text, token.start - 1):
        first = tokens[-1]
        whole = text[first.start : token.end]
        tokens[-1] = Lexeme(Cat.FUSED, whole, first.start, token.end, whole)
    else:
        tokens.append(token)


def lexemes(text: str, words: Mapping[str, Entry]) -> list[Lexeme]:
    """Tokenize `text` and look words up in `words` (longest multi-word entry first)."""
    raw = _raw_tokens(text)
    out: list[Lexeme] = []
    i = 0
    while i < len(raw):
        token = raw[i]
        found = None
        if token.cat in {Cat.WORD, Cat.PUNCT, Cat.CONTENT, Cat.NUM}:
            for j in range(min(len(raw), i + _MAX_WINDOW), i, -1):
                last = raw[j - 1]
                if last.cat not in {Cat.WORD, Cat.PUNCT, Cat.CONTENT}:
                    continue
                key = " ".join(fold(text[token.start : last.end]).split())
                entry = words.get(key)
                if entry is not None:
                    found = (entry, j)
                    break
        if found is None and token.cat is Cat.WORD:
            parts = split_compound(str(token.value), words)
            if parts is not None:  # "morgenochtend": two lexemes over one word
                out.extend(
                    Lexeme(cat, value, token.start, token.end, token.raw) for cat, value in parts
                )
                i += 1
                continue
            guess = fuzzy_word(str(token.value))
            if guess is not None and guess in words:
                found = (words[guess], i + 1)
        if found is not None:
            (cat, value), j = found
            end = raw[j - 1].end
            out.append(Lexeme(cat, value, token.start, end, text[token.start : end]))
            i = j
            continue
        out.append(token)
        i += 1
    return out
