"""The body: what is left of the command once the recognised spans are taken out, verbatim.

Only the seams where something was taken out are tidied, the way a person would leave the
sentence (like find_date's `rest_text`): one blank (or the line break that was there) instead
of two, no blank before punctuation, no empty brackets, no separator dangling at the start or
the end. Everything else — line breaks, repeated blanks, `{{variables}}`, punctuation — stays
exactly as typed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from bot.parsing._text import Span, merge

_SEPARATORS: Final = ",;:.-\u2013\u2014|/"
"""Punctuation a removed span leaves behind at the body's start ("3 pm. Ask" → "Ask")…"""
_LONE_SEPARATOR: Final = r"[,;:|/\-\u2013\u2014]+(?=\s|$)"
"""…or typed on its own between the head and the body ("call #5 — Ask"); an ellipsis or a
full stop that is not attached to the head ("todo ... and then") is the rep's own."""
_TRAILING_SEPARATORS: Final = ",;:-\u2013\u2014|/"
"""At the end, a full stop, "?" or "!" belongs to the sentence and stays."""
_ATTACHING: Final = ",.;:!?)]}"
_PAIRS: Final = {"(": ")", "[": "]", "{": "}"}


def assemble(text: str, removed: Sequence[Span]) -> str:
    """`text` without the `removed` spans; see the module docstring."""
    gone = merge(removed)
    if not gone:
        return text.strip()
    segments: list[str] = []
    position = 0
    for start, end in gone:
        segments.append(text[position:start])
        position = end
    segments.append(text[position:])
    body = segments[0]
    for segment in segments[1:]:
        body = _join(body, segment)
    if not segments[-1].strip():
        body = body.rstrip().rstrip(_TRAILING_SEPARATORS)
    return body.strip()


def _join(left: str, right: str) -> str:
    left_core, right_core = left.rstrip(), right.lstrip()
    if not left_core.strip():
        return _body_start(right)
    if not right_core:
        return left_core + right[: len(right) - len(right_core)]
    if left_core[-1] in _PAIRS and right_core[0] == _PAIRS[left_core[-1]]:
        return _join(left_core[:-1], right_core[1:])  # "call Bob (tomorrow)" → "call Bob"
    if right_core[0] in _ATTACHING:
        if left_core[-1] in ",;:" and right_core[0] in ",.;:!?":
            left_core = left_core[:-1]
        return left_core + right_core
    breaks = max(
        left[len(left_core) :].count("\n"), right[: len(right) - len(right_core)].count("\n")
    )
    return left_core + ("\n" * min(breaks, 2) or " ") + right_core


def _body_start(text: str) -> str:
    """The seam where the body starts: drop what the head left behind, keep the rep's own."""
    if not text[:1].isspace():
        return text.lstrip(_SEPARATORS).lstrip()  # attached to the head: "3 pm. Ask"
    stripped = text.lstrip()
    lone = re.match(_LONE_SEPARATOR, stripped)
    return stripped[lone.end() :].lstrip() if lone else stripped
