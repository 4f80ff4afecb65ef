"""What `taskbot when` and `taskbot parse` share: who is asking, and when, from flags or rows.

`--now` is an ISO 8601 instant (a naive one is a wall time in the zone); `--tz` an IANA zone
or a `+05:30` / `UTC+05:30` offset (Slack's `tz_offset` when a user has no `tz`; zones are
written back with `bot.parsing.dates.zone_label`), defaulting to the
settings' `TASKBOT_DEFAULT_TIMEZONE`; `--locale` the rep's Slack locale. Bad input is a
`BadInputError` whose message says how to fix it; the commands print it and exit 2.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, tzinfo
from typing import Any

from bot.clock import system_clock
from bot.parsing.dates import DateContext, read_zone

EXIT_BAD_INPUT = 2


class BadInputError(ValueError):
    """A flag or row that cannot be used; the message says how to fix it."""


def context_from(now_text: str | None, zone_text: str | None, locale: str | None) -> DateContext:
    """The date context for `--now`, `--tz` and `--locale` (or a row's fields)."""
    tz = zone_from(zone_text)
    if now_text is None:
        now = system_clock()
    else:
        try:
            now = datetime.fromisoformat(now_text)
        except (TypeError, ValueError) as exc:
            raise BadInputError(
                f"--now {now_text!r} is not an ISO 8601 time; use e.g. 2026-11-25T14:37-05:00"
            ) from exc
        if now.tzinfo is None:
            now = now.replace(tzinfo=tz)  # a wall time in the rep's zone
    return DateContext(now=now.astimezone(UTC), tz=tz, locale=locale or None)


def zone_from(zone_text: str | None) -> tzinfo:
    """An IANA zone or an offset (`+05:30`, `UTC+05:30`: `read_zone`); the settings' default
    zone when None."""
    if zone_text is None:
        from bot.settings import load_settings  # noqa: PLC0415 - only when --tz is missing

        zone_text = load_settings().default_timezone
    if not isinstance(zone_text, str):
        raise BadInputError(f"a time zone is a string such as America/New_York, got {zone_text!r}")
    zone = read_zone(zone_text)
    if zone is None:
        raise BadInputError(
            f"unknown time zone {zone_text!r}; use an IANA name such as America/New_York "
            "or an offset such as +05:30"
        )
    return zone


def jsonl_rows(
    lines: Iterable[str], args: argparse.Namespace
) -> Iterator[tuple[int, dict[str, Any], DateContext]]:
    """`--jsonl` input: each non-blank line as (line number, row, the row's date context),
    a row's `now`/`tz`/`locale` falling back to the flags. A line that cannot be used raises
    `BadInputError` naming its line number."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                raise BadInputError("each row needs a JSON object with a string 'text'")
            ctx = context_from(
                row.get("now", args.now), row.get("tz", args.tz), row.get("locale", args.locale)
            )
        except (BadInputError, json.JSONDecodeError) as problem:
            raise BadInputError(f"line {number}: {problem}") from problem
        yield number, row, ctx
