"""Matchers for periods (rules 10, 11): "next week", "end of the quarter", "EOM", "in January",
and the same with the modifier after its noun ("la semaine prochaine", "fin du mois prochain")."""

from __future__ import annotations

from typing import Final

from bot.parsing.dates._components import Period
from bot.parsing.dates._cursor import Cursor, Match
from bot.parsing.dates._lexicon import Cat

MOD_TO_WEEKDAY_MODE: Final = {"this": "this", "next": "next", "next_bare": "bare", "last": "last"}
_PERIOD_UNITS: Final = frozenset({"week", "month", "quarter", "year", "weekend"})


class PeriodMatchers(Cursor):
    def _period(self, i: int) -> Match:  # noqa: PLR0911 - one return per form
        cat = self.cat(i)
        if cat is Cat.EDGE_UNIT:
            edge, unit = self.pair(i)
            after = self._postposed(i + 1)
            if after is not None:  # "fin du mois prochain"
                return Period(unit, after[0], edge), after[1]
            return Period(unit, "this", edge), i + 1
        if cat is Cat.EDGE:
            return self._edge_period(i)
        if cat is Cat.MOD:
            j = self.skip_fillers(i + 1)
            which = "next" if self.val(i) == "next_bare" else str(self.val(i))
            if self.cat(j) is Cat.UNIT and self.val(j) in _PERIOD_UNITS:
                return Period(str(self.val(j)), which, "start"), j + 1
            return None
        if cat is Cat.IN:
            j = self.skip_fillers(i + 1)
            if self.cat(j) is Cat.MONTH:
                return Period("month", f"month:{self.val(j)}", "start"), j + 1
            if self.cat(j) is Cat.QUARTER_NAME:
                return Period("quarter", f"quarter:{self.val(j)}", "start"), j + 1
        if cat is Cat.UNIT and self.val(i) in _PERIOD_UNITS:
            after = self._after_next(i + 1) or self._postposed(i + 1)
            if after is not None:  # "la semaine prochaine", "el mes que viene"
                return Period(str(self.val(i)), after[0], "start"), after[1]
            if self.val(i) == "weekend":
                return Period("weekend", "this", "start"), i + 1
        return None

    def _edge_period(self, i: int) -> Match:
        """ "end of (next) month", "Ende des Quartals", "fin du mois prochain", "end of Q1"."""
        edge = str(self.val(i))
        j = self.skip_fillers(i + 1)
        which = "this"
        if self.cat(j) is Cat.MOD:
            which = "next" if self.val(j) == "next_bare" else str(self.val(j))
            j = self.skip_fillers(j + 1)
        if self.cat(j) is Cat.UNIT and self.val(j) in _PERIOD_UNITS:
            after = (self._after_next(j + 1) or self._postposed(j + 1)) if which == "this" else None
            if after is not None:  # "fin du mois prochain", "fim do mês que vem"
                return Period(str(self.val(j)), after[0], edge), after[1]
            return Period(str(self.val(j)), which, edge), j + 1
        if self.cat(j) is Cat.QUARTER_NAME and which == "this":
            return Period("quarter", f"quarter:{self.val(j)}", edge), j + 1
        if self.cat(j) is Cat.MONTH and which == "this":
            return Period("month", f"month:{self.val(j)}", edge), j + 1
        return None

    def _after_next(self, i: int) -> tuple[str, int] | None:
        """ "(the week) after next": the period after the next one."""
        if self.cat(i) is Cat.AFTER and self._postposed(i + 1) == ("next", i + 2):
            return "after_next", i + 2
        return None

    def _postposed(self, i: int) -> tuple[str, int] | None:
        """A modifier after its noun, the Romance and Dutch way ("lundi prochain", "mês que
        vem"; English "Monday next" too): which period it picks, and the index after it."""
        j = self.skip_fillers(i)
        if self.cat(j) is Cat.MOD and self.val(j) in MOD_TO_WEEKDAY_MODE:
            return ("next" if self.val(j) == "next_bare" else str(self.val(j))), j + 1
        return None
