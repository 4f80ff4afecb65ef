"""How taskbot's Slack Web API client rides out a rate limit: wait `Retry-After`, try once more.

    AsyncWebClient(token=…, retry_handlers=slack_retry_handlers())

slack_sdk's client retries only connection errors by default (`async_default_handlers()`); a
429 (`ratelimited`) comes back as a SlackApiError at once. Slack's answer to a 429 is "wait
the seconds in the Retry-After header, then retry" (docs.slack.dev/apis/web-api/rate-limits),
and for the calls taskbot makes after an ack that is right: a form's card in the rep's DM
(chat.postMessage, 1 message per second per channel), a form's reshape or fill-in
(views.update), the rep's zone (users.info, Tier 4; a command waits for it at most
`profile_wait`, and the answer is cached for the next one).

Not retried: `views.open` and `views.push`. Their trigger id dies 3 s after the click
(slack-notes §2.3), so an attempt after a Retry-After wait could only meet
`expired_trigger_id`, and the rep would wait longer to be told the form did not open. A wait
longer than `MAX_WAIT` is not waited either: the rep would rather hear now.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from typing import Final

from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncRateLimitErrorRetryHandler,
    async_default_handlers,
)
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

TRIGGER_BOUND: Final = frozenset({"views.open", "views.push"})
"""Methods whose trigger id expires before a rate limit would let them through."""

MAX_WAIT: Final = 30
"""Seconds of Retry-After taskbot still waits out (Slack's usual answer is a few)."""


class RateLimitRetry(AsyncRateLimitErrorRetryHandler):
    """slack_sdk's 429 handler, once, never for a trigger-bound method or past `MAX_WAIT`,
    and waiting the whole Retry-After: slack_sdk 3.48 reads `headers[name][0]`, which over
    aiohttp (str header values) is the first digit, 3 s for "30"."""

    def __init__(self, sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        super().__init__(max_retry_count=1)
        self._sleep = sleep

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if response is None or response.status_code != 429:
            return False
        if request.url.rstrip("/").rsplit("/", 1)[-1] in TRIGGER_BOUND:
            return False
        return _retry_after(response) <= MAX_WAIT

    async def prepare_for_next_attempt_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        wait = _retry_after(response) if response is not None else 1
        state.next_attempt_requested = True
        # Jitter as slack_sdk adds it, so a burst of callers does not come back at once.
        await self._sleep(wait + random.random())  # noqa: S311 - jitter, not a secret
        state.increment_current_attempt()


def _retry_after(response: HttpResponse) -> int:
    for name, value in response.headers.items():
        if name.lower() == "retry-after":
            # A list (slack_sdk's own type) or a str (what aiohttp gives).
            text = value if isinstance(value, str) else (value[0] if value else "")
            try:
                return max(int(text), 0)
            except ValueError:
                break
    return 1  # slack_sdk's own assumption when the header is missing


def slack_retry_handlers() -> list[AsyncRetryHandler]:
    """slack_sdk's defaults (connection errors) plus `RateLimitRetry`."""
    return [*async_default_handlers(), RateLimitRetry()]
