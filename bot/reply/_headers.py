"""What taskbot puts in, and reads from, Reply's HTTP headers (besides JSON bodies)."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

from bot.reply.enums import Dialect


@dataclass(frozen=True, slots=True)
class RateLimit:
    """Reply's undocumented rate-limit headers from the latest answer (reply-api-v3.md §4):
    `x-rate-limit-remaining`, `x-rate-limit-limit` (a window label such as "1h", not a
    number) and `x-rate-limit-reset` (ISO 8601). Each is None when absent or unreadable."""

    remaining: int | None
    window: str | None
    reset_at: datetime | None

    @classmethod
    def from_headers(cls, headers: httpx.Headers) -> RateLimit | None:
        remaining, window, reset = (
            headers.get(f"x-rate-limit-{name}") for name in ("remaining", "limit", "reset")
        )
        if remaining is None and window is None and reset is None:
            return None
        try:
            reset_at = datetime.fromisoformat(reset.strip()) if reset else None
        except ValueError:
            reset_at = None
        if reset_at is not None and reset_at.tzinfo is None:
            reset_at = reset_at.replace(tzinfo=UTC)  # Reply's timestamps are UTC
        count = remaining.strip() if remaining else ""
        return cls(
            remaining=int(count) if count.isascii() and count.isdigit() else None,
            window=window,
            reset_at=reset_at,
        )


class ApiKeyAuth(httpx.Auth):
    """Puts the key on each request (seed: `X-API-Key`; beta: `Authorization: Bearer`, §1),
    so it never sits in the client's default headers, whose repr would show an `X-API-Key`."""

    def __init__(self, api_key: str, dialect: Dialect) -> None:
        self._api_key = api_key
        self._dialect = dialect

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self._dialect is Dialect.BETA:
            request.headers["Authorization"] = f"Bearer {self._api_key}"
        else:
            request.headers["X-API-Key"] = self._api_key
        yield request

    def __repr__(self) -> str:
        return f"<ApiKeyAuth {self._dialect.value}>"
