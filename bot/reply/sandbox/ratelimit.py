"""Reply's rate limit: 100 requests per minute per key, answered with 429 and `Retry-After`.

Reply (reply-api-v3.md §4, rate-limits page): "100 requests per minute and 3,000 requests
per hour, per user"; a breach returns 429 with `Retry-After: <seconds>`. The sandbox models
the per-minute limit as a sliding window per API key, on the injected clock; the hourly
quota is not modelled. Requests it refuses do not count against the window.
"""

from __future__ import annotations

import math
from collections import deque
from datetime import timedelta

from bot.clock import Clock

REQUESTS_PER_MINUTE = 100


class RateLimiter:
    def __init__(
        self,
        clock: Clock,
        *,
        limit: int = REQUESTS_PER_MINUTE,
        window: timedelta = timedelta(minutes=1),
        enabled: bool = True,
    ) -> None:
        self._clock = clock
        self._limit = limit
        self._window = window.total_seconds()
        self._seen: dict[str, deque[float]] = {}
        self.enabled = enabled

    def admit(self, key: str) -> int | None:
        """Count a request; None when it may proceed, else the seconds to wait."""
        if not self.enabled:
            return None
        now = self._clock().timestamp()
        seen = self._seen.setdefault(key, deque())
        while seen and seen[0] <= now - self._window:
            seen.popleft()
        if len(seen) >= self._limit:
            # Retry-After is an integer, minimum 1 (reply-v3-openapi.yaml, every 429).
            return max(1, math.ceil(seen[0] + self._window - now))
        seen.append(now)
        return None

    def reset(self) -> None:
        self._seen.clear()
