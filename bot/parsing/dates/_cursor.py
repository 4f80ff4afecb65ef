"""A cursor over lexemes: the small reads every matcher needs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.parsing.dates._lexicon import Cat
from bot.parsing.dates._tokens import Lexeme

Match = tuple[object, int] | None
"""A matcher's answer: the component and the index after it, or None."""


class Cursor:
    def __init__(self, lexemes: Sequence[Lexeme]) -> None:
        self.lexemes = lexemes

    def cat(self, i: int) -> Cat | None:
        return self.lexemes[i].cat if 0 <= i < len(self.lexemes) else None

    def val(self, i: int) -> object:
        return self.lexemes[i].value if 0 <= i < len(self.lexemes) else None

    def skip_fillers(self, i: int) -> int:
        while self.cat(i) is Cat.FILLER:
            i += 1
        return i

    def pair(self, i: int) -> tuple[Any, Any]:
        """The two-part value of a SPAN_H or EDGE_UNIT lexeme."""
        value = self.val(i)
        assert isinstance(value, tuple)
        return value[0], value[1]

    def integer(self, i: int) -> int | None:
        value = self.val(i)
        return value if isinstance(value, int) else None

    def amount(self, i: int) -> float | None:
        if self.cat(i) in {Cat.NUM, Cat.NUMWORD}:
            value = self.val(i)
            assert isinstance(value, int | float)
            return value
        return None
