"""Typo tolerance for date words: "wednesdy", "thrusday", "wendsday", "Janaury", "tommorw".

The words worth correcting are few (weekday and month names, tomorrow, a dozen others), so a
bounded Damerau-Levenshtein check (optimal string alignment: insert, delete, substitute, swap
two neighbours) over that short list is simpler and cheaper than a fuzzy-matching library.

How far a word may stray grows with its length, because a long name has more room for slips
and fewer neighbours: words of 6+ letters may be one edit from a target; weekday and month names
and "tomorrow" of 7+ letters may be two ("wendsday" is a swap and a deletion from Wednesday),
but only when the first letter agrees — reps slip inside a word, rarely on its first key, and
it keeps real words such as "remember" (two edits from "december") out. A word that is equally
close to two targets ("tursday": Tuesday or Thursday?) is not guessed at.
"""

from __future__ import annotations

from functools import cache
from typing import Final

from bot.parsing.dates._lexicon import MONTHS_EN, WEEKDAYS_EN

_ONE_EDIT_TARGETS: Final = (
    "tomorrow", "tonight", "yesterday", "morning", "afternoon", "evening", "business",
    "minutes", "hours", "weeks", "months", "midnight",
)  # fmt: skip
_NAMES: Final = (
    *(names[0] for names in WEEKDAYS_EN),
    *(names[0] for names in MONTHS_EN if len(names[0]) >= 6),
)
_TWO_EDIT_TARGETS: Final = frozenset(word for word in (*_NAMES, "tomorrow") if len(word) >= 7)
TARGETS: Final = (*_NAMES, *_ONE_EDIT_TARGETS)
_MIN_LENGTH = 6


def fuzzy_word(word: str) -> str | None:
    """The date word `word` is a slip of, if exactly one target is nearest and close enough."""
    if len(word) < _MIN_LENGTH:
        return None
    return _nearest(word)


@cache
def _nearest(word: str) -> str | None:
    best: list[str] = []
    best_distance = 3
    for target in TARGETS:
        limit = 2 if target in _TWO_EDIT_TARGETS and word[0] == target[0] else 1
        if abs(len(target) - len(word)) > limit:
            continue
        distance = osa_distance(word, target, limit)
        if distance > limit or distance > best_distance:
            continue
        if distance < best_distance:
            best, best_distance = [], distance
        best.append(target)
    return best[0] if len(best) == 1 else None


def osa_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance of `a` and `b`, or `limit + 1` once it exceeds `limit`."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[len(b)], limit + 1)
