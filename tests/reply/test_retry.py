"""RetryPolicy: which failures are retried, for which calls, and how long it waits."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from bot.reply.errors import (
    ReplyAuthenticationError,
    ReplyConflict,
    ReplyConnectionError,
    ReplyError,
    ReplyNotFound,
    ReplyPermissionError,
    ReplyRateLimited,
    ReplyServerError,
    ReplyStatusError,
    ReplyTimeout,
    ReplyTransportError,
    ReplyUnexpectedResponse,
    ReplyValidationError,
)
from bot.reply.retry import NO_RETRY, RetryPolicy, parse_retry_after

NOW = datetime(2026, 11, 25, 19, 37, tzinfo=UTC)
POLICY = RetryPolicy(random=lambda: 0.0)  # no jitter: delays are exact


def connect_error() -> ReplyError:
    return ReplyConnectionError("refused", may_have_reached_reply=False)


def connect_timeout() -> ReplyError:
    return ReplyTimeout("connect timeout", may_have_reached_reply=False)


def read_timeout() -> ReplyError:
    return ReplyTimeout("read timeout", may_have_reached_reply=True)


def dropped_after_sending() -> ReplyError:
    return ReplyConnectionError("server disconnected", may_have_reached_reply=True)


def status(kind: type[ReplyStatusError], code: int) -> ReplyError:
    return kind("m", status=code)


def rate_limited(retry_after: float | None = 2.0) -> ReplyError:
    return ReplyRateLimited("m", status=429, retry_after=retry_after)


# (outcome, retried when the call is safe to repeat, retried when it is not: create, complete)
TABLE = [
    ("connect error", connect_error, True, True),
    ("connect timeout", connect_timeout, True, True),
    ("429", rate_limited, True, True),
    ("429 without Retry-After", lambda: rate_limited(None), True, True),
    ("read timeout", read_timeout, True, False),
    ("dropped after sending", dropped_after_sending, True, False),
    ("500", lambda: status(ReplyServerError, 500), True, False),
    ("503", lambda: status(ReplyServerError, 503), True, False),
    ("400", lambda: status(ReplyValidationError, 400), False, False),
    ("401", lambda: status(ReplyAuthenticationError, 401), False, False),
    ("403", lambda: status(ReplyPermissionError, 403), False, False),
    ("404", lambda: status(ReplyNotFound, 404), False, False),
    ("409", lambda: status(ReplyConflict, 409), False, False),
    ("405", lambda: status(ReplyStatusError, 405), False, False),
    ("unreadable 200", lambda: ReplyUnexpectedResponse("m", status=200), False, False),
    (
        "local protocol error",
        lambda: ReplyTransportError("bad request", may_have_reached_reply=False),
        False,
        False,
    ),
]


@pytest.mark.parametrize(
    ("outcome", "make", "when_repeatable", "when_not"), TABLE, ids=[row[0] for row in TABLE]
)
def test_what_is_retried(
    outcome: str, make: Callable[[], ReplyError], when_repeatable: bool, when_not: bool
) -> None:
    assert POLICY.decide(1, make(), repeatable=True).retry is when_repeatable
    assert POLICY.decide(1, make(), repeatable=False).retry is when_not


def test_backoff_doubles_up_to_max_delay() -> None:
    policy = RetryPolicy(max_attempts=10, base_delay=0.5, max_delay=3.0, random=lambda: 0.0)
    delays = [policy.decide(n, connect_error(), repeatable=True).delay for n in range(1, 7)]
    assert delays == [0.5, 1.0, 2.0, 3.0, 3.0, 3.0]


def test_jitter_only_adds_and_stays_within_its_fraction() -> None:
    high = RetryPolicy(jitter=0.2, random=lambda: 0.999999)
    low = RetryPolicy(jitter=0.2, random=lambda: 0.0)
    assert low.decide(2, read_timeout(), repeatable=True).delay == 1.0
    assert 1.0 < high.decide(2, read_timeout(), repeatable=True).delay < 1.2
    assert (
        RetryPolicy(jitter=0.0, random=lambda: 0.9)
        .decide(1, connect_error(), repeatable=True)
        .delay
        == 0.5
    )


def test_jitter_never_pushes_backoff_past_max_delay() -> None:
    policy = RetryPolicy(max_attempts=9, max_delay=2.0, jitter=1.0, random=lambda: 0.99)
    assert policy.decide(8, connect_error(), repeatable=True).delay == 2.0


def test_retry_after_is_honoured_and_never_undercut() -> None:
    decision = RetryPolicy(jitter=0.25, random=lambda: 0.5).decide(
        1, rate_limited(4.0), repeatable=False
    )
    assert decision.retry
    assert decision.delay == 4.5  # 4s + 0.25 * 0.5 * 4s of jitter
    assert "Retry-After 4s" in decision.reason


def test_a_retry_after_longer_than_the_cap_is_not_waited_for() -> None:
    decision = RetryPolicy(max_retry_after=30.0).decide(1, rate_limited(60.0), repeatable=True)
    assert not decision.retry
    assert decision.reason == "Reply asks to wait 60s, longer than max_retry_after (30s)"


def test_a_retry_after_at_the_cap_is_waited_for() -> None:
    assert POLICY.decide(1, rate_limited(30.0), repeatable=True).delay == 30.0


def test_429_without_retry_after_backs_off() -> None:
    assert POLICY.decide(2, rate_limited(None), repeatable=True).delay == 1.0


def test_it_gives_up_after_max_attempts() -> None:
    policy = RetryPolicy(max_attempts=3, random=lambda: 0.0)
    assert policy.decide(1, rate_limited(), repeatable=True).retry
    assert policy.decide(2, rate_limited(), repeatable=True).retry
    last = policy.decide(3, rate_limited(), repeatable=True)
    assert not last.retry
    assert last.reason == "rate limited (Retry-After 2s); gave up after 3 of 3 attempts"


def test_the_reason_says_why_a_call_is_not_retried() -> None:
    assert POLICY.decide(1, read_timeout(), repeatable=False).reason == (
        "the request may have reached Reply and is not safe to repeat"
    )
    assert POLICY.decide(1, status(ReplyNotFound, 404), repeatable=True).reason == (
        "ReplyNotFound is not retried"
    )


@pytest.mark.parametrize("make", [connect_error, rate_limited, read_timeout])
def test_no_retry_never_retries(make: Callable[[], ReplyError]) -> None:
    assert not NO_RETRY.decide(1, make(), repeatable=True).retry


@pytest.mark.parametrize(
    "changes",
    [
        {"max_attempts": 0},
        {"base_delay": -1},
        {"max_delay": -0.1},
        {"max_retry_after": -1},
        {"jitter": -0.5},
    ],
)
def test_nonsense_settings_are_refused(changes: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must be"):
        RetryPolicy(**changes)  # type: ignore[arg-type]


def test_policies_compare_by_settings_not_by_random_source() -> None:
    assert RetryPolicy(random=lambda: 0.1) == RetryPolicy(random=lambda: 0.9)
    assert "random" not in repr(RetryPolicy())


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("120", 120.0),
        (" 7 ", 7.0),
        ("0", 0.0),
        ("Wed, 25 Nov 2026 19:37:30 GMT", 30.0),
        ("Wed, 25 Nov 2026 19:38:00 -0000", 60.0),
        ("Wed, 25 Nov 2026 19:00:00 GMT", 0.0),
        ("1.5", None),
        ("-3", None),
        ("soon", None),
        ("", None),
        (None, None),
    ],
    ids=["seconds", "padded", "zero", "date", "date-minus-zero", "date-past", "fraction",
         "negative", "word", "empty", "absent"],
)  # fmt: skip
def test_parse_retry_after(header: str | None, seconds: float | None) -> None:
    assert parse_retry_after(header, NOW) == seconds
