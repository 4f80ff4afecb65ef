"""A 429 from Slack: wait the whole Retry-After and try once more, except where a trigger id
would expire first (views.open, views.push) or the wait is too long to make the rep sit out."""

from __future__ import annotations

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack_retries import MAX_WAIT, RateLimitRetry, slack_retry_handlers
from tests.support.fake_slack import FakeSlack, SlackUser

REP = SlackUser("U0REP", tz="Europe/Berlin")


class Sleeps:
    def __init__(self) -> None:
        self.waited: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waited.append(seconds)


async def test_a_rate_limited_call_waits_the_whole_retry_after_then_succeeds() -> None:
    sleeps = Sleeps()
    async with FakeSlack(users=[REP]).running() as fake:
        client = AsyncWebClient(
            token="xoxb-test", base_url=fake.api_url, retry_handlers=[RateLimitRetry(sleeps)]
        )
        fake.fail_next("users.info", "ratelimited", status=429, retry_after=12)
        answer = await client.users_info(user=REP.id, include_locale=True)
    assert answer["user"]["tz"] == "Europe/Berlin"
    assert [c.status for c in fake.calls_to("users.info")] == [429, 200]
    # slack_sdk's own handler reads the header's first character over aiohttp: 1 s for "12".
    [waited] = sleeps.waited
    assert 12 <= waited < 13


async def test_only_once() -> None:
    sleeps = Sleeps()
    async with FakeSlack(users=[REP]).running() as fake:
        client = AsyncWebClient(
            token="xoxb-test", base_url=fake.api_url, retry_handlers=[RateLimitRetry(sleeps)]
        )
        for _ in range(2):
            fake.fail_next("chat.postMessage", "ratelimited", status=429, retry_after=1)
        with pytest.raises(SlackApiError) as refused:
            await client.chat_postMessage(channel=REP.id, text="card")
    assert refused.value.response["error"] == "ratelimited"
    assert len(fake.calls_to("chat.postMessage")) == 2
    assert len(sleeps.waited) == 1


@pytest.mark.parametrize(
    ("method", "retry_after"),
    [("views.open", 1), ("views.push", 1), ("users.info", MAX_WAIT + 1)],
)
async def test_no_retry_past_a_trigger_id_or_a_long_wait(method: str, retry_after: int) -> None:
    sleeps = Sleeps()
    async with FakeSlack(users=[REP]).running() as fake:
        client = AsyncWebClient(
            token="xoxb-test", base_url=fake.api_url, retry_handlers=[RateLimitRetry(sleeps)]
        )
        fake.fail_next(method, "ratelimited", status=429, retry_after=retry_after)
        with pytest.raises(SlackApiError):
            await client.api_call(method, params={"user": REP.id, "trigger_id": "t", "view": "{}"})
    assert len(fake.calls_to(method)) == 1
    assert sleeps.waited == []


def test_the_defaults_still_retry_connection_errors() -> None:
    kinds = [type(handler).__name__ for handler in slack_retry_handlers()]
    assert kinds == ["AsyncConnectionErrorRetryHandler", "RateLimitRetry"]
