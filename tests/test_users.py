"""The rep's zone and locale from users.info, against the fake Slack over HTTP."""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from bot.users import UserDirectory, UserProfile
from tests.support.fake_slack import FakeClock, FakeSlack, SlackUser

BERLIN = SlackUser("U0BERLIN", name="hanna", real_name="Hanna Vogel", tz="Europe/Berlin",
                   tz_label="Central European Time", tz_offset=3600, locale="de-DE")  # fmt: skip
NO_NAME = SlackUser("U0OFFSET", name="ravi", tz=None, tz_label="India Standard Time",
                    tz_offset=19800, locale="en-IN")  # fmt: skip
OLD_ZONE = SlackUser("U0OLDZONE", name="old", tz="Mars/Olympus_Mons", tz_offset=-7200)
NOTHING = SlackUser("U0NOTHING", name="none", tz=None, tz_offset=None, locale="")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def fake(clock: FakeClock) -> AsyncIterator[FakeSlack]:
    slack = FakeSlack(users=[BERLIN, NO_NAME, OLD_ZONE, NOTHING], clock=clock)
    async with slack.running():
        yield slack


def directory(fake: FakeSlack, clock: FakeClock, *, ttl: float = 3600) -> UserDirectory:
    client = AsyncWebClient(token="xoxb-test", base_url=fake.api_url)
    return UserDirectory(
        client, default_tz="America/Chicago", default_locale="en-US", ttl=ttl, clock=clock
    )


async def test_zone_locale_and_name_come_from_users_info(fake: FakeSlack, clock: FakeClock) -> None:
    profile = await directory(fake, clock).profile(BERLIN.id)
    assert profile.tz == ZoneInfo("Europe/Berlin")
    assert (profile.locale, profile.name, profile.zone_source) == ("de-DE", "hanna", "tz")
    [call] = fake.calls_to("users.info")
    assert call.params == {"user": BERLIN.id, "include_locale": "1"}


async def test_a_null_zone_falls_back_to_the_fixed_offset(
    fake: FakeSlack, clock: FakeClock
) -> None:
    profile = await directory(fake, clock).profile(NO_NAME.id)
    assert profile.tz == timezone(timedelta(hours=5, minutes=30))
    assert profile.zone_source == "tz_offset"
    assert profile.locale == "en-IN"
    winter = datetime(2026, 1, 15, 12, tzinfo=UTC).astimezone(profile.tz)
    assert winter.utcoffset() == timedelta(hours=5, minutes=30)


async def test_a_zone_unknown_to_this_machine_falls_back_to_the_offset(
    fake: FakeSlack, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    profile = await directory(fake, clock).profile(OLD_ZONE.id)
    assert profile.tz == timezone(timedelta(hours=-2))
    assert "Mars/Olympus_Mons" in caplog.text


async def test_no_zone_at_all_means_the_workspace_default(
    fake: FakeSlack, clock: FakeClock
) -> None:
    profile = await directory(fake, clock).profile(NOTHING.id)
    assert profile.tz == ZoneInfo("America/Chicago")
    assert (profile.zone_source, profile.locale) == ("default", "en-US")


def test_the_fallback_is_the_workspace_default(fake: FakeSlack, clock: FakeClock) -> None:
    fallback = directory(fake, clock).fallback("U0ANY")
    assert fallback == UserProfile(ZoneInfo("America/Chicago"), "en-US", "U0ANY", "default")


async def test_answers_are_cached_for_the_ttl(fake: FakeSlack, clock: FakeClock) -> None:
    users = directory(fake, clock, ttl=600)
    await users.profile(BERLIN.id)
    clock.advance(599)
    await users.profile(BERLIN.id)
    assert len(fake.calls_to("users.info")) == 1
    clock.advance(2)
    await users.profile(BERLIN.id)
    assert len(fake.calls_to("users.info")) == 2


async def test_cached_answers_what_is_known_without_asking(
    fake: FakeSlack, clock: FakeClock
) -> None:
    users = directory(fake, clock, ttl=600)
    assert users.cached(BERLIN.id) is None
    assert fake.calls_to("users.info") == []
    looked_up = await users.profile(BERLIN.id)
    assert users.cached(BERLIN.id) == looked_up
    clock.advance(601)
    assert users.cached(BERLIN.id) is None, "an expired entry is not an answer"
    fake.fail_next("users.info", "ratelimited", status=429, retry_after=30)
    fallback = await users.profile(BERLIN.id)
    assert users.cached(BERLIN.id) == fallback
    assert fallback.zone_source == "default"


async def test_concurrent_lookups_for_one_user_make_one_call(
    fake: FakeSlack, clock: FakeClock
) -> None:
    users = directory(fake, clock)
    profiles = await asyncio.gather(*(users.profile(BERLIN.id) for _ in range(20)),
                                    users.profile(NO_NAME.id))  # fmt: skip
    assert {p.name for p in profiles} == {"hanna", "ravi"}
    assert sorted(c.params["user"] for c in fake.calls_to("users.info")) == [
        BERLIN.id,
        NO_NAME.id,
    ]


async def test_a_cancelled_caller_does_not_cancel_the_others(
    fake: FakeSlack, clock: FakeClock
) -> None:
    users = directory(fake, clock)
    first = asyncio.create_task(users.profile(BERLIN.id))
    second = asyncio.create_task(users.profile(BERLIN.id))
    await asyncio.sleep(0)  # one turn of the loop (not a wait): both callers join the lookup
    first.cancel()
    assert (await second).name == "hanna"
    assert first.cancelled()
    assert len(fake.calls_to("users.info")) == 1


@pytest.mark.parametrize(
    ("error", "status"),
    [("user_not_found", 200), ("ratelimited", 429), ("invalid_auth", 200), ("fatal_error", 500)],
)
async def test_slack_errors_fall_back_to_the_defaults_and_are_logged(
    fake: FakeSlack,
    clock: FakeClock,
    caplog: pytest.LogCaptureFixture,
    error: str,
    status: int,
) -> None:
    fake.fail_next("users.info", error, status=status, retry_after=5 if status == 429 else None)
    users = directory(fake, clock)
    with caplog.at_level(logging.WARNING, logger="bot.users"):
        profile = await users.profile(BERLIN.id)
    assert profile.tz == ZoneInfo("America/Chicago")
    assert (profile.locale, profile.name, profile.zone_source) == ("en-US", BERLIN.id, "default")
    assert error in caplog.text


async def test_a_fallback_is_remembered_for_a_minute_only(
    fake: FakeSlack, clock: FakeClock
) -> None:
    users = directory(fake, clock)
    fake.fail_next("users.info", "ratelimited", status=429, retry_after=30)
    assert (await users.profile(BERLIN.id)).zone_source == "default"
    await users.profile(BERLIN.id)
    assert len(fake.calls_to("users.info")) == 1, "not asked again during the rate limit"
    clock.advance(61)
    assert (await users.profile(BERLIN.id)).zone_source == "tz"
    assert len(fake.calls_to("users.info")) == 2


async def test_an_unreachable_slack_falls_back_too(
    clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # No retry handlers: slack_sdk retries a refused connection once by default, after a pause.
    client = AsyncWebClient(
        token="xoxb-test", base_url=f"http://127.0.0.1:{port}/api/", timeout=2, retry_handlers=[]
    )
    users = UserDirectory(client, default_tz="UTC", default_locale="en-GB", ttl=60, clock=clock)
    profile = await users.profile("U0ANYONE")
    assert (profile.tz, profile.locale) == (ZoneInfo("UTC"), "en-GB")
    assert "unreachable" in caplog.text


def test_bad_settings_are_refused_with_a_clear_message(clock: FakeClock) -> None:
    client = AsyncWebClient(token="xoxb-test")
    with pytest.raises(ValueError, match="unknown default time zone 'Moon/Base'"):
        UserDirectory(client, default_tz="Moon/Base", default_locale="en-US", ttl=1, clock=clock)
    with pytest.raises(ValueError, match="ttl must be 0 or more"):
        UserDirectory(client, default_tz="UTC", default_locale="en-US", ttl=-1, clock=clock)
