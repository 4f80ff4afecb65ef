"""A refusal raised deep in resolution and returned by `resolve` (never leaves the package)."""

from __future__ import annotations

from datetime import date, time

from bot.parsing.dates._model import DateContext, DateRefusal, Kind
from bot.parsing.dates._wall import wall

DEFAULT_TIME = {"due": time(17), "start": time(9)}  # rule 1


class Refuse(Exception):  # noqa: N818 - control flow, not an error
    def __init__(self, refusal: DateRefusal) -> None:
        super().__init__(refusal.reason)
        self.refusal = refusal


def past(refusal: DateRefusal, day: date, ctx: DateContext, kind: Kind) -> DateRefusal:
    """`refusal`, carrying the (past) instant `day` resolved to."""
    return DateRefusal(refusal.reason, refusal.text, resolved=wall(day, DEFAULT_TIME[kind], ctx.tz))
