"""Components → phrases: one date phrase is a run of compatible components (one day, one time,
one part of day, one zone) with fillers and prefixes between them.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.parsing.dates._components import Phrase, RelDay, Weekday
from bot.parsing.dates._grammar import Grammar
from bot.parsing.dates._lexicon import Cat

SEPARATORS = frozenset({Cat.FILLER, Cat.AT, Cat.PREP})
_TRAILING_PUNCT = frozenset({".", "!", ",", ";"})


@dataclass(frozen=True, slots=True)
class Run:
    """A phrase and the lexeme indexes it covers: [first, end)."""

    phrase: Phrase
    first: int
    end: int


def assemble(grammar: Grammar, i: int) -> Run | None:
    """The longest phrase whose first component starts at `i`."""
    phrase = Phrase()
    first, end, j = i, i, i
    while j < len(grammar.lexemes):
        found = grammar.match(j)
        if phrase.time is None and isinstance(phrase.day, Weekday | RelDay):
            found = grammar.hour_range(j) or found  # "Mon 1-3" is a slot, not Jan 3
        if found is None and phrase.time is None and (phrase.day or phrase.part):
            found = grammar.bare_hour(j)
        if found is not None:
            component, k = found
            if not phrase.accepts(component):
                break
            phrase.add(component)
            end = j = k
            continue
        if grammar.cat(j) in SEPARATORS or (grammar.cat(j) is Cat.PUNCT and grammar.val(j) == ","):
            j += 1
            continue
        break
    return Run(phrase, first, end) if phrase.parts else None


def read_whole(grammar: Grammar) -> Run | None:
    """The phrase that is the whole text (prefixes and closing punctuation aside), if any."""
    j = 0
    while j < len(grammar.lexemes) and grammar.match(j) is None:
        if grammar.cat(j) not in SEPARATORS:
            return None
        j += 1
    run = assemble(grammar, j)
    if run is None:
        return None
    for k in range(run.end, len(grammar.lexemes)):
        cat = grammar.cat(k)
        if cat not in SEPARATORS and not (cat is Cat.PUNCT and grammar.val(k) in _TRAILING_PUNCT):
            return None
    return run


def scan(grammar: Grammar) -> list[Run]:
    """Every phrase in free text, left to right, without overlaps."""
    runs: list[Run] = []
    i = 0
    while i < len(grammar.lexemes):
        run = assemble(grammar, i) if grammar.match(i) is not None else None
        if run is None:
            i += 1
            continue
        runs.append(run)
        i = run.end
    return runs
