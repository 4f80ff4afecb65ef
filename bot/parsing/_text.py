"""The command text as tokens with positions, and the "date view" handed to find_date.

Every piece the grammar recognises is a span of the (unescaped) command text, so the body can
be what is left, verbatim, and nothing the rep typed disappears without a trace. A token is a
run of non-blank characters, except that a `{{variable}}` and a quoted string at the start of a
token stay whole even with blanks inside (`{{first name}}`, `"Jane Doe"`).

The date view is the text find_date reads: the recognised head words taken out (type,
action, contacts) and content masked (variables, quotes, emails, URLs, the subject), so that
an email, a URL or a `{{variable}}` is never read as a date (issue 3, rule 20).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final

Span = tuple[int, int]

QUOTE_CLOSERS: Final[dict[str, str]] = {
    '"': '"\u201d\u201c',  # "Jane", also "Jane” as autocorrect leaves it
    "\u201c": "\u201d\u201c\"",  # “Jane”
    "\u201e": "\u201c\u201d\"",  # „Jane“ (German)
    "\u00ab": "\u00bb",  # «Jane»
    "\u2018": "\u2019",  # single smart quotes
}  # fmt: skip
"""Opening quote → the characters that may close it (smart quotes are what Slack's clients
and phones type)."""

_CONTENT: Final = r"""
      \{\{[^{}]*\}\}                                  # Reply {{variables}}
    | [\w.+'-]+@[\w-]+(?:\.[\w-]+)+                   # emails
    | \b(?:https?://|www\.)\S+                         # URLs
    | (?<![\w@./-])(?:[\w-]+\.)+[^\W\d_]{2,}/\S*       # acme.com/reports/12/3 (no scheme)
"""


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def span(self) -> Span:
        return (self.start, self.end)


def tokenize(text: str) -> list[Token]:
    """The tokens of `text`, in order; see the module docstring."""
    tokens: list[Token] = []
    length, at = len(text), 0
    while at < length:
        if text[at].isspace():
            at += 1
            continue
        start = at
        closing = quote_end(text, at)
        if closing is not None:
            at = closing
        while at < length and not text[at].isspace():
            if text.startswith("{{", at) and (close := text.find("}}", at + 2)) != -1:
                at = close + 2
            else:
                at += 1
        tokens.append(Token(start, at, text[start:at]))
    return tokens


def quote_end(text: str, at: int) -> int | None:
    """If a quote opens at `at` and closes on the same line, the index after the closer."""
    closers = QUOTE_CLOSERS.get(text[at]) if at < len(text) else None
    if closers is None:
        return None
    for index in range(at + 1, len(text)):
        character = text[index]
        if character == "\n":
            return None
        if character in closers:
            return index + 1
    return None


@cache
def _content_pattern() -> re.Pattern[str]:
    return re.compile(_CONTENT, re.VERBOSE)


def content_spans(text: str, tokens: Sequence[Token]) -> list[Span]:
    """Spans that are content, never a date: variables, emails, URLs, quoted strings."""
    spans = [match.span() for match in _content_pattern().finditer(text)]
    for token in tokens:
        closing = quote_end(text, token.start)
        if closing is not None:
            spans.append((token.start, closing))
    return spans


def merge(spans: Iterable[Span]) -> list[Span]:
    """Sorted, with overlapping and touching spans joined; empty spans dropped."""
    merged: list[Span] = []
    for start, end in sorted(span for span in spans if span[1] > span[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def covered(span: Span, by: Sequence[Span]) -> bool:
    """Whether `span` lies inside one of the merged spans `by`."""
    return any(start <= span[0] and span[1] <= end for start, end in by)


def overlaps(span: Span, by: Sequence[Span]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in by)


@dataclass(frozen=True, slots=True)
class _Piece:
    view_start: int
    view_end: int
    original_start: int | None  # None: a mask or a joining blank, which maps to nothing


@dataclass(frozen=True, slots=True)
class View:
    """`text` with spans taken out and others masked; maps its positions back."""

    text: str
    pieces: tuple[_Piece, ...]

    def original(self, start: int, end: int) -> list[Span]:
        """The original spans of the unmasked characters in `text[start:end]`."""
        found: list[Span] = []
        for piece in self.pieces:
            if piece.original_start is None:
                continue
            low, high = max(start, piece.view_start), min(end, piece.view_end)
            if low < high:
                shift = piece.original_start - piece.view_start
                found.append((low + shift, high + shift))
        return merge(found)


def mask(length: int, original: str) -> str:
    """A same-length stand-in the date layer reads as content: `{{____}}`. Shorter spans
    stay as they are (the date layer masks `#1` and `""` itself)."""
    return "{{" + "_" * (length - 4) + "}}" if length >= 4 else original


def build_view(text: str, removed: Iterable[Span], masked: Iterable[Span]) -> View:
    """`text` without `removed` (one blank where something was taken out) and with `masked`
    replaced by same-length content placeholders."""
    gone = merge(removed)
    hidden = [span for span in merge(masked) if not covered(span, gone)]
    pieces: list[_Piece] = []
    parts: list[str] = []
    length = 0

    def add(part: str, original_start: int | None) -> None:
        nonlocal length
        if part:
            pieces.append(_Piece(length, length + len(part), original_start))
            parts.append(part)
            length += len(part)

    kept: list[Span] = []
    position = 0
    for start, end in gone:
        kept.append((position, start))
        position = end
    kept.append((position, len(text)))
    for number, (start, end) in enumerate(kept):
        if number:
            add(" ", None)
        at = start
        for mask_start, mask_end in hidden:
            low, high = max(mask_start, start), min(mask_end, end)
            if low >= high:
                continue
            add(text[at:low], at)
            add(mask(high - low, text[low:high]), None)
            at = high
        add(text[at:end], at)
    return View("".join(parts), tuple(pieces))
