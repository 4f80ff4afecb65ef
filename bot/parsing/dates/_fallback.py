"""dateparser as a second opinion, for phrases taskbot's own grammar cannot read.

The grammar handles the conventions; dateparser brings its ~200 languages and many formats. It is
only ever asked with an explicit language list — the rep's language and English — so it never
runs its ~1 s scan of every language. Parsers are built lazily and reused: one per (languages,
date order, reference minute), in a small LRU cache, because dateparser fixes RELATIVE_BASE when a
parser is built.
"""

from __future__ import annotations

from datetime import datetime, time
from functools import cache, lru_cache
from typing import Any

from bot.parsing.dates._model import DateContext, DateRefusal, Kind, ReadDate, RefusalReason
from bot.parsing.dates._month_days import locale_order
from bot.parsing.dates._refuse import DEFAULT_TIME
from bot.parsing.dates._wall import wall

_PERIODS_WITHOUT_TIME = frozenset({"day", "week", "month", "year"})


@cache
def _known_languages() -> frozenset[str]:
    from dateparser.data.languages_info import language_order  # noqa: PLC0415 - lazy

    return frozenset(language_order)


def languages_for(language: str) -> tuple[str, ...]:
    """The rep's language (when dateparser knows it) and English, in that order."""
    if language != "en" and language in _known_languages():
        return (language, "en")
    return ("en",)


@lru_cache(maxsize=64)
def _parser(languages: tuple[str, ...], date_order: str | None, base: datetime) -> Any:
    from dateparser.date import DateDataParser  # noqa: PLC0415 - dateparser loads lazily

    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "future",
        "RELATIVE_BASE": base,
        "RETURN_TIME_AS_PERIOD": True,
        "PREFER_DAY_OF_MONTH": "first",
    }
    if date_order:
        settings["DATE_ORDER"] = date_order
    return DateDataParser(languages=list(languages), settings=settings)


def read_with_dateparser(text: str, ctx: DateContext, kind: Kind) -> ReadDate | DateRefusal | None:
    """dateparser's reading of `text`, with taskbot's default times and no past instants."""
    order = {"MD": "MDY", "DM": "DMY"}.get(locale_order(ctx.locale) or "")
    local_now = ctx.local_now
    base = local_now.replace(tzinfo=None, second=0, microsecond=0)
    data = _parser(languages_for(ctx.language), order, base).get_date_data(text)
    found: datetime | None = data.date_obj
    if found is None:
        return None
    if found.tzinfo is not None:  # a zone in the text: dateparser hands back pytz tzinfos
        at = found.astimezone(ctx.tz)
        has_time = True
    elif data.period in _PERIODS_WITHOUT_TIME:
        at = wall(found.date(), DEFAULT_TIME[kind], ctx.tz)
        has_time = False
    else:
        at = wall(found.date(), time(found.hour, found.minute), ctx.tz)
        has_time = True
    if at < local_now.replace(second=0, microsecond=0):
        return DateRefusal(RefusalReason.PAST, text, resolved=at)
    return ReadDate(at, has_time, text)
