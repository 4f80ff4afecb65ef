"""Helpers for the grammar tests: a command read at the reference instant, and local times."""

from __future__ import annotations

from datetime import datetime

from bot.domain import FieldProblem
from bot.parsing import ParsedCommand, parse_command
from tests.parsing.dates_support import ctx

NOW = "2026-11-25T14:37:00-05:00"
"""CONVENTIONS.md's reference instant: Wed 25 Nov 2026 14:37 in New York."""


def parse(
    text: str, now: str = NOW, tz: str = "America/New_York", locale: str | None = "en-US"
) -> ParsedCommand:
    return parse_command(text, ctx(now, tz, locale))


def local(at: datetime | None) -> str | None:
    """'YYYY-MM-DDTHH:MM' on the rep's clock (the draft's times are in the rep's zone)."""
    return at.replace(tzinfo=None).isoformat(timespec="minutes") if at else None


def fields(problems: tuple[FieldProblem, ...]) -> list[str]:
    return [problem.field for problem in problems]
