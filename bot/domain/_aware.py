"""Rule 7 of ARCHITECTURE.md at the door: domain values refuse naive datetimes, so a
mistake shows up where it is made, not on a card."""

from __future__ import annotations

from datetime import datetime

from bot.clock import is_aware


def require_aware(name: str, value: datetime | None) -> None:
    if value is not None and not is_aware(value):
        raise ValueError(f"{name} must be timezone-aware, got naive {value.isoformat()}")
