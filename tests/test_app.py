"""The app factory and the dependencies: explicit settings, no network at build time, one
client of each kind opened and closed together, and the global error handler."""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from slack_bolt.async_app import AsyncApp, AsyncBoltRequest

from bot import ids
from bot.app import build_app
from bot.domain import TaskStatus
from bot.messages import outcomes as words
from bot.reply.sandbox import Sandbox
from bot.service import TaskService
from bot.settings import Settings
from bot.users import UserDirectory, UserProfile
from bot.views import error_card
from bot.wiring import ConfigurationError, Dependencies, open_dependencies
from tests.support import slack_payloads as payloads
from tests.support.fake_slack import FakeSlack, SlackUser

REP = SlackUser("U0REP", tz="Europe/Berlin")


def settings(**environment: str) -> Settings:
    return Settings.model_validate(
        {"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": "s3cret", **environment}
    )


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    slack = FakeSlack(users=[REP])
    async with slack.running():
        yield slack


def command(fake: FakeSlack, text: str) -> dict[str, str]:
    return {
        "command": "/task",
        "text": text,
        "user_id": REP.id,
        "user_name": "rep",
        "team_id": fake.team_id,
        "channel_id": "C0SALES",
        "response_url": fake.new_response_url(),
        "trigger_id": fake.issue_trigger_id(),
    }


async def dispatch(app: AsyncApp, body: dict[str, Any]) -> Any:
    return await app.async_dispatch(AsyncBoltRequest(body=body, mode="socket_mode"))


@pytest.mark.parametrize(
    ("mode", "before_response"), [("http", False), ("socket", False), ("console", True)]
)
async def test_building_the_app_calls_nobody(
    fake: FakeSlack, mode: Any, before_response: bool
) -> None:
    async with open_dependencies(settings(SLACK_API_URL=fake.api_url)) as deps:
        app = build_app(deps, mode=mode)
        assert app.process_before_response is before_response
        assert app.client is deps.slack
        assert app.client.base_url == fake.api_url
    assert fake.calls == []


async def test_http_mode_needs_the_signing_secret() -> None:
    async with open_dependencies(Settings.model_validate({"SLACK_BOT_TOKEN": "xoxb-t"})) as deps:
        with pytest.raises(ConfigurationError, match="SLACK_SIGNING_SECRET is not set"):
            build_app(deps, mode="http")
        build_app(deps, mode="socket")  # Socket Mode does not verify signatures


async def test_only_http_mode_verifies_signatures(fake: FakeSlack) -> None:
    async with open_dependencies(settings(SLACK_API_URL=fake.api_url)) as deps:
        unsigned = AsyncBoltRequest(
            body="command=%2Ftask&text=help&user_id=U0REP", mode="http", headers={}
        )
        assert (await build_app(deps, mode="http").async_dispatch(unsigned)).status == 401
        answer = await dispatch(build_app(deps, mode="console"), command(fake, "help"))
        assert answer.status == 200


async def test_dependencies_without_a_reply_key_run_on_their_own_sandbox() -> None:
    async with open_dependencies(settings()) as deps:
        assert deps.in_sandbox
        assert deps.sandbox is not None
        whoami = await deps.reply.whoami()
        assert whoami == deps.sandbox.demo_user
    assert deps.reply.is_closed
    assert deps.background.closed


async def test_dependencies_with_a_reply_key_talk_to_reply() -> None:
    environment = {
        "REPLY_API_KEY": "k-123",
        "REPLY_API_BASE_URL": "https://reply.example",
        "REPLY_API_DIALECT": "beta",
    }
    async with open_dependencies(settings(**environment)) as deps:
        assert not deps.in_sandbox
        assert deps.reply.base_url == "https://reply.example"
        assert deps.reply.dialect.value == "beta"


async def test_a_sandbox_database_keeps_tasks_across_restarts(tmp_path: Path) -> None:
    database = tmp_path / "sandbox.sqlite3"
    from tests.service_support import draft  # noqa: PLC0415

    async with open_dependencies(settings(TASKBOT_SANDBOX_DB=str(database))) as deps:
        created = await deps.service.create(draft(), command="c")
    async with open_dependencies(settings(TASKBOT_SANDBOX_DB=str(database))) as deps:
        kept = [t.id async for t in deps.reply.filter_tasks(status=TaskStatus.NEW)]
    assert kept == [created.task.id]  # type: ignore[union-attr]


async def test_no_bot_token_is_a_clear_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="SLACK_BOT_TOKEN is not set"):
        async with open_dependencies(Settings()):
            pass


async def test_closing_waits_for_work_already_started() -> None:
    finished: list[str] = []

    async def card() -> None:
        finished.append("card")

    async with open_dependencies(settings()) as deps:
        deps.background.spawn(card(), name="card")
    assert finished == ["card"]


async def test_an_injected_sandbox_belongs_to_the_caller(tmp_path: Path) -> None:
    from tests.service_support import draft  # noqa: PLC0415

    # SQLite-backed: a closed sandbox would refuse ("Cannot operate on a closed database").
    async with Sandbox.create(db=tmp_path / "sandbox.sqlite3") as sandbox:
        async with open_dependencies(settings(), sandbox=sandbox) as deps:
            assert deps.sandbox is sandbox
        # Still open after the dependencies closed.
        async with open_dependencies(settings(), sandbox=sandbox) as again:
            created = await again.service.create(draft(), command="c")
            assert created.task.content is not None  # type: ignore[union-attr]


# --------------------------------------------------------------------------------------
# The global error handler


async def test_a_listener_that_fails_before_its_ack_still_answers_the_rep(
    fake: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    def broken_parser(text: str, ctx: object) -> Any:
        raise RuntimeError("grammar bug")

    async with open_dependencies(settings(SLACK_API_URL=fake.api_url), parse=broken_parser) as deps:
        sent = command(fake, "call jane@acme.com tomorrow hi")
        answer = await dispatch(build_app(deps, mode="console"), sent)
        assert answer.status == 500
        [post] = await fake.wait_for("response_url")
        assert post.params["text"] == f"⚠️ {words.UNEXPECTED}"
        assert post.params["replace_original"] is True  # whatever the command showed goes
        assert "listener failed on a /task command request" in caplog.text
        assert "grammar bug" in caplog.text


async def test_a_button_whose_listener_fails_leaves_its_message_and_says_so_beside_it(
    fake: FakeSlack,
) -> None:
    def broken_parser(text: str, ctx: object) -> Any:
        raise RuntimeError("grammar bug")

    message = error_card("Reply was busy.", command="call jane@acme.com", retry=True).message()
    async with open_dependencies(settings(SLACK_API_URL=fake.api_url), parse=broken_parser) as deps:
        click = payloads.block_actions_from_message(
            fake, user_id=REP.id, message=message, action_id=ids.TRY_AGAIN
        )
        await dispatch(build_app(deps, mode="console"), click)
        [post] = await fake.wait_for("response_url")
        assert post.params["text"] == f"⚠️ {words.UNEXPECTED}"
        assert post.params["replace_original"] is False


class _ExplodingService(TaskService):
    async def create(self, *args: Any, **kwargs: Any) -> Any:
        raise KeyError("a bug after the ack")


async def test_work_that_fails_after_the_ack_replaces_the_progress_line(
    fake: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    async with open_dependencies(settings(SLACK_API_URL=fake.api_url)) as opened:
        deps: Dependencies = dataclasses.replace(
            opened, service=_ExplodingService(opened.reply, clock=opened.clock, sandbox=True)
        )
        sent = command(fake, "call jane@acme.com tomorrow 3pm hi")
        answer = await dispatch(build_app(deps, mode="console"), sent)
        assert answer.status == 200
        assert await deps.background.drain()
        [post] = fake.calls_to("response_url")
        assert post.params["replace_original"] is True
        assert post.params["text"] == f"⚠️ {words.UNEXPECTED}"
        assert deps.background.failures == 1
        assert "a bug after the ack" in caplog.text


class _StuckDirectory(UserDirectory):
    """users.info that never answers (a Slack outage, a rate-limit queue)."""

    async def profile(self, user_id: str) -> UserProfile:
        await asyncio.Event().wait()
        raise AssertionError("unreachable")


async def test_a_slow_users_info_never_makes_the_ack_late(
    fake: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    async with open_dependencies(
        settings(SLACK_API_URL=fake.api_url, TASKBOT_DEFAULT_TIMEZONE="America/Chicago"),
        profile_wait=0.05,
    ) as opened:
        # The workspace default comes from the directory, as wiring builds it from settings.
        stuck = _StuckDirectory(
            opened.slack,
            default_tz="America/Chicago",
            default_locale="en-US",
            ttl=0,
            clock=opened.clock,
        )
        deps = dataclasses.replace(opened, users=stuck)
        # The directory never answers: the dispatch returning at all is the point.
        answer = await dispatch(
            build_app(deps, mode="console"), command(fake, "call jane@acme.com tomorrow 3pm hi")
        )
        assert json.loads(answer.body)["text"] == "⏳ Creating a call task for jane@acme.com…"
        assert await deps.background.drain()
        [post] = fake.calls_to("response_url")
        assert post.params["text"].endswith(" CST (New)")  # the workspace default zone
        assert "took over 0.1s; using the default zone" in caplog.text
