"""When to try a Reply call again: a policy object, not loops (ARCHITECTURE.md rule 6).

The client asks `RetryPolicy.decide(attempt, error, repeatable=...)` after each failed
attempt and either sleeps `delay` seconds and tries again, or raises the error.

The rules:

* A request that never reached Reply (connection refused, connect or pool timeout) is
  retried for every call, even a create: Reply cannot have acted on it.
* 429 is retried for every call: Reply's rate limiter answers before the request is handled
  (reply-api-v3.md §4). `Retry-After` is honoured, never undercut; when it asks for longer
  than `max_retry_after` the policy stops at once instead of waiting a shorter time for
  another 429, so the caller can tell the user when to try again (`retry_after`).
* A 5xx, a read timeout or a connection dropped after sending is retried only for calls that
  are safe to repeat (GET, PUT, DELETE, the filter POSTs). Never for a create (Reply has no
  idempotency key; the client reports `TaskMayHaveBeenCreated` instead) nor a complete.
* Anything else (a 4xx, an unreadable answer, a local protocol error) is not retried.

Waits grow exponentially from `base_delay`, capped at `max_delay`, and every wait gets up to
`jitter` times itself added at random, so clients throttled together do not retry together.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from bot.reply.errors import (
    ReplyConnectionError,
    ReplyError,
    ReplyRateLimited,
    ReplyServerError,
    ReplyTimeout,
)


@dataclass(frozen=True, slots=True)
class RetryDecision:
    """Retry after `delay` seconds, or stop (`retry` False); `reason` is for the log."""

    retry: bool
    delay: float
    reason: str


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How often and how long to retry. `max_attempts` counts the first try (1 = never retry).

    `random` returns a float in [0, 1) and exists so tests can fix the jitter.
    """

    max_attempts: int = 3
    base_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 30.0
    jitter: float = 0.2
    random: Callable[[], float] = field(
        default=random.random,  # not for security: only spreads retries out in time
        repr=False,
        compare=False,
    )

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError(f"max_attempts must be 1 or more, got {self.max_attempts}")
        for name in ("base_delay", "max_delay", "max_retry_after", "jitter"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be 0 or more, got {getattr(self, name)}")

    def decide(self, attempt: int, error: ReplyError, *, repeatable: bool) -> RetryDecision:
        """After attempt number `attempt` (1-based) failed with `error`, retry or stop?

        `repeatable` says whether sending the same request twice is harmless.
        """
        delay, reason = self._delay_for(attempt, error, repeatable=repeatable)
        if delay is None:
            return RetryDecision(retry=False, delay=0.0, reason=reason)
        if attempt >= self.max_attempts:
            reason = f"{reason}; gave up after {attempt} of {self.max_attempts} attempts"
            return RetryDecision(retry=False, delay=0.0, reason=reason)
        return RetryDecision(retry=True, delay=delay, reason=reason)

    def _delay_for(
        self, attempt: int, error: ReplyError, *, repeatable: bool
    ) -> tuple[float | None, str]:
        """How long to wait if this error may be retried at all (None: it may not), and why."""
        if isinstance(error, ReplyRateLimited):
            return self._rate_limited(attempt, error.retry_after)
        if isinstance(error, ReplyConnectionError | ReplyTimeout):
            if not error.may_have_reached_reply:
                return self._backoff(attempt), "the request never reached Reply"
        elif not isinstance(error, ReplyServerError):
            return None, f"{type(error).__name__} is not retried"
        # A server error, or a request that may have reached Reply and got no answer.
        if repeatable:
            return self._backoff(attempt), "the request is safe to repeat"
        return None, "the request may have reached Reply and is not safe to repeat"

    def _rate_limited(self, attempt: int, retry_after: float | None) -> tuple[float | None, str]:
        if retry_after is None:
            return self._backoff(attempt), "rate limited (no Retry-After)"
        if retry_after > self.max_retry_after:
            return None, (
                f"Reply asks to wait {retry_after:g}s, longer than max_retry_after "
                f"({self.max_retry_after:g}s)"
            )
        # Never sooner than Reply asked: jitter only adds.
        return self._with_jitter(retry_after), f"rate limited (Retry-After {retry_after:g}s)"

    def _backoff(self, attempt: int) -> float:
        return min(self.max_delay, self._with_jitter(self.base_delay * 2 ** (attempt - 1)))

    def _with_jitter(self, delay: float) -> float:
        return delay * (1 + self.jitter * self.random())


NO_RETRY = RetryPolicy(max_attempts=1)
"""Every failure is raised at once (tests, and callers that retry on their own terms)."""


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a `Retry-After` header (RFC 9110 §10.2.3): delay-seconds or an
    HTTP-date (relative to `now`, aware). None when absent or unreadable; never negative."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if text.isascii() and text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:  # "-0000": an HTTP-date is always GMT (RFC 9110 §5.6.7)
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())
