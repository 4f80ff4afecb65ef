"""Refusals raised deep in resolution and turned into results by `resolve` (never leave the
package)."""

from __future__ import annotations

from datetime import date, time

from bot.parsing.dates._model import DateRefusal

DEFAULT_TIME = {"due": time(17), "start": time(9)}  # rule 1


class Refuse(Exception):  # noqa: N818 - control flow, not an error
    def __init__(self, refusal: DateRefusal) -> None:
        super().__init__(refusal.reason)
        self.refusal = refusal


class PastDay(Exception):  # noqa: N818 - control flow, not an error
    """A day component named a day before today ("yesterday", "last Friday", "Nov 20", "end of
    last week"): the phrase is refused as PAST whatever time of day it gives (rules 13, 17).

    It carries the day and the time the day itself implies (17:00 for an end of period), not an
    instant: `_resolve` puts the phrase's own time of day and zone on it exactly as it would on a
    day ahead, so the refusal names the instant the rep typed ("Mon 23 Nov 15:00", not 17:00).
    """

    def __init__(self, day: date, at: time | None = None) -> None:
        super().__init__(day)
        self.day = day
        self.at = at
