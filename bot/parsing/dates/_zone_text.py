"""A rep's time zone as text, and back: one writer and one reader for all of taskbot.

A zone is written as its IANA name (`Europe/Berlin`) or, for a rep Slack knows only by
`tz_offset` (users.info), as a fixed offset `UTC+05:30`. The same offset form marks an instant
whose wall time happens twice (`Sun 7 November 2027 1:30am UTC-05:00`), and the date reader
reads it back in a phrase (rule 15). So the form's metadata, the form's date fields and the
`taskbot when`/`parse` flags all agree:

    zone_label(ZoneInfo("Europe/Berlin"))           # "Europe/Berlin"
    zone_label(timezone(timedelta(hours=5.5)))      # "UTC+05:30"
    read_zone("UTC+05:30") == read_zone("+05:30")   # timezone(timedelta(hours=5, minutes=30))
    read_zone("Mars/Olympus")                       # None: the caller says what to type
"""

from __future__ import annotations

import re
from datetime import timedelta, timezone, tzinfo
from functools import cache
from typing import Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_OFFSET: Final = r"(?i)^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$"
_ONE_DAY: Final = timedelta(days=1)


@cache
def _offset_pattern() -> re.Pattern[str]:
    return re.compile(_OFFSET)


def offset_label(offset: timedelta) -> str:
    """`UTC+05:30`, `UTC-05:00`, `UTC+00:00` (whole minutes; the sign always shown)."""
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def zone_label(tz: tzinfo) -> str:
    """The zone's IANA name, or `UTC+05:30` for a fixed offset (read back by `read_zone`)."""
    key = getattr(tz, "key", None)
    if isinstance(key, str) and key:
        return key
    return offset_label(tz.utcoffset(None) or timedelta(0))  # a fixed offset needs no instant


def read_zone(text: str | None) -> tzinfo | None:
    """An IANA name, or an offset written `UTC+05:30`, `GMT-5`, `+05:30` or `+0530`; None for
    anything else (blank, unknown, an offset of a day or more)."""
    if text is None or not text.strip():
        return None
    text = text.strip()
    if offset := _offset_pattern().match(text):
        sign = -1 if offset[1] == "-" else 1
        delta = timedelta(hours=int(offset[2]), minutes=int(offset[3] or 0))
        return timezone(sign * delta) if delta < _ONE_DAY else None
    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a folder ("America")
        return None
