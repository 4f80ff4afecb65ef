"""Day + part-of-day compounds written as one word, the Dutch and German way: "morgenochtend"
(tomorrow morning), "vrijdagmiddag", "Freitagnachmittag", "Montagabend".

Rather than list them, a word taskbot does not know is split where a day word (a relative day or
a weekday) meets a part-of-day word of the rep's vocabulary; both halves must be real entries,
so the split adds no new words, only new spellings of two-word phrases already read.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from bot.parsing.dates._lexicon import Cat, Entry

_HEADS: Final = frozenset({Cat.RELDAY, Cat.WEEKDAY})
_SHORTEST_HALF: Final = 4  # "zo" + "avond" is not worth guessing at; "morgen" + "ochtend" is


def split_compound(word: str, words: Mapping[str, Entry]) -> tuple[Entry, Entry] | None:
    """The (day, part of day) entries `word` is made of, if it is such a compound."""
    for cut in range(_SHORTEST_HALF, len(word) - _SHORTEST_HALF + 1):
        head, tail = words.get(word[:cut]), words.get(word[cut:])
        if head is not None and tail is not None and head[0] in _HEADS and tail[0] is Cat.PART:
            return head, tail
    return None
