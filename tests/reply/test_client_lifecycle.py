"""Building, sharing and closing a ReplyClient; what it sends on every request."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from bot import __version__
from bot.reply import RateLimit, ReplyClient, ReplyTimeout
from bot.reply.client import SANDBOX_KEY
from bot.reply.enums import Dialect
from bot.settings import DEFAULT_REPLY_BASE_URL, Settings
from bot.wiring import open_dependencies
from tests.reply.client_fakes import KEY, FakeReply, fail, ok, reply_client
from tests.reply.client_payloads import task_json


def settings(**values: Any) -> Settings:
    return Settings.model_validate(values)


@asynccontextmanager
async def wired(configured: Settings, fake: FakeReply) -> AsyncIterator[ReplyClient]:
    """The Reply client `bot.wiring` builds from `configured`, talking to `fake`."""
    async with open_dependencies(
        configured, slack_token="xoxb-test", reply_transport=httpx.MockTransport(fake)
    ) as deps:
        yield deps.reply


async def test_async_with_closes_the_pool() -> None:
    fake = FakeReply(ok({"userId": 1}))
    async with reply_client(fake) as reply:
        assert not reply.is_closed
        await reply.whoami()
    assert reply.is_closed


async def test_aclose() -> None:
    reply = ReplyClient(
        api_key=KEY,
        base_url=DEFAULT_REPLY_BASE_URL,
        transport=httpx.MockTransport(FakeReply(ok({}))),
    )
    await reply.aclose()
    assert reply.is_closed
    with pytest.raises(RuntimeError, match="client has been closed"):
        await reply.whoami()


async def test_one_client_serves_many_concurrent_calls() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        task_id = int(request.url.path.rsplit("/", 1)[1])
        return ok(task_json(Dialect.SEED, id=task_id))

    fake = FakeReply(answer)
    async with reply_client(fake) as reply:
        tasks = await asyncio.gather(*(reply.get_task(n) for n in range(1, 51)))
    assert [t.id for t in tasks] == list(range(1, 51))
    assert len(fake.requests) == 50


@pytest.mark.parametrize(
    ("dialect", "header", "value"),
    [(Dialect.SEED, "X-API-Key", KEY), (Dialect.BETA, "Authorization", f"Bearer {KEY}")],
    ids=["seed", "beta"],
)
async def test_every_request_carries_the_key_and_user_agent(
    dialect: Dialect, header: str, value: str
) -> None:
    fake = FakeReply(ok({"userId": 1}), dialect=dialect)
    async with reply_client(fake) as reply:
        await reply.whoami()
    sent = fake.request
    assert sent.headers[header] == value
    assert sent.headers["User-Agent"] == f"taskbot/{__version__}"
    assert sent.headers["Accept"] == "application/json, application/problem+json"


# The settings configure the client through bot.wiring, as `taskbot` itself builds it.


async def test_the_settings_choose_the_base_url_dialect_and_key() -> None:
    fake = FakeReply(ok({"userId": 1}), dialect=Dialect.BETA)
    configured = settings(
        REPLY_API_KEY=KEY,
        REPLY_API_BASE_URL="http://127.0.0.1:8765",
        REPLY_API_DIALECT="beta",
        REPLY_TIMEOUT_SECONDS="3.5",
    )
    async with wired(configured, fake) as reply:
        assert reply.dialect is Dialect.BETA
        assert reply.base_url == "http://127.0.0.1:8765"
        await reply.whoami()
    assert str(fake.request.url) == "http://127.0.0.1:8765/v3/whoami"
    assert fake.request.headers["Authorization"] == f"Bearer {KEY}"


async def test_the_settings_choose_the_timeout() -> None:
    fake = FakeReply(fail(httpx.ReadTimeout))
    async with wired(settings(REPLY_API_KEY=KEY, REPLY_TIMEOUT_SECONDS="3.5"), fake) as reply:
        with pytest.raises(ReplyTimeout, match=r"did not answer within 3\.5s"):
            await reply.complete_task(1)  # not retried, so the default policy never sleeps


async def test_with_no_key_a_given_transport_gets_the_sandbox_key() -> None:
    fake = FakeReply(ok({"userId": 1}))
    async with wired(settings(), fake) as reply:
        assert reply.base_url == DEFAULT_REPLY_BASE_URL
        await reply.whoami()
    assert fake.request.headers["X-API-Key"] == SANDBOX_KEY


@pytest.mark.parametrize("key", ["", "   "])
def test_an_empty_key_is_refused(key: str) -> None:
    with pytest.raises(ValueError, match="api_key is empty"):
        ReplyClient(api_key=key, base_url=DEFAULT_REPLY_BASE_URL)


@pytest.mark.parametrize("timeout", [0, -1.0])
def test_a_non_positive_timeout_is_refused(timeout: float) -> None:
    with pytest.raises(ValueError, match="timeout must be positive"):
        ReplyClient(api_key=KEY, base_url=DEFAULT_REPLY_BASE_URL, timeout=timeout)


async def test_the_key_is_in_no_repr() -> None:
    async with ReplyClient(
        api_key=KEY, base_url=DEFAULT_REPLY_BASE_URL, dialect=Dialect.SEED
    ) as reply:
        shown = [repr(reply), str(reply), repr(vars(reply)), repr(reply.retry)]
        shown.append(repr(reply._http.headers))
        shown.append(repr(reply._http.auth))
    assert not [text for text in shown if KEY in text]
    assert repr(reply) == "ReplyClient(base_url='https://api.reply.io', dialect='seed')"


def test_a_dialect_given_as_text_is_accepted() -> None:
    reply = ReplyClient(api_key=KEY, base_url=DEFAULT_REPLY_BASE_URL, dialect="beta")  # type: ignore[arg-type]
    assert reply.dialect is Dialect.BETA


async def test_rate_limit_headers_are_exposed() -> None:
    fake = FakeReply(
        ok({"userId": 1}, headers={"x-rate-limit-remaining": "97", "x-rate-limit-limit": "1h",
                                   "x-rate-limit-reset": "2026-11-25T20:00:00Z"}),
        ok({"userId": 1}),
    )  # fmt: skip
    async with reply_client(fake) as reply:
        assert reply.rate_limit is None
        await reply.whoami()
        expected = RateLimit(97, "1h", datetime(2026, 11, 25, 20, tzinfo=UTC))
        assert reply.rate_limit == expected
        await reply.whoami()  # an answer without the headers keeps what was known
        assert reply.rate_limit == expected


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({}, None),
        ({"x-rate-limit-remaining": "lots"}, RateLimit(None, None, None)),
        ({"x-rate-limit-reset": "soon"}, RateLimit(None, None, None)),
        ({"x-rate-limit-reset": "2026-11-25T20:00:00"},
         RateLimit(None, None, datetime(2026, 11, 25, 20, tzinfo=UTC))),
    ],
    ids=["none", "bad-count", "bad-reset", "naive-reset"],
)  # fmt: skip
def test_rate_limit_headers_are_read_leniently(
    headers: dict[str, str], expected: RateLimit | None
) -> None:
    assert RateLimit.from_headers(httpx.Headers(headers)) == expected


def test_settings_keep_the_key_secret() -> None:
    # The client takes the key from SecretStr only when it builds the auth header.
    configured = settings(REPLY_API_KEY=KEY)
    assert isinstance(configured.reply_api_key, SecretStr)
    assert KEY not in repr(configured)
