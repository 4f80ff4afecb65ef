"""taskbot over Socket Mode end to end: the real front door (`bot.socket_mode.serve_socket_mode`:
Bolt's AsyncSocketModeHandler on slack_sdk's aiohttp client, dependencies from `bot.wiring`,
the embedded Reply sandbox) connected over a WebSocket on 127.0.0.1 to the fake Slack
(`tests.support.socket_mode_slack`), which pushes envelopes and awaits the acks as Slack does.

    async with socket_taskbot() as bot:
        ack, response_url = await bot.command("todo tomorrow Prepare the Q4 forecast")
        [card] = await bot.shown(response_url)

Every test ends by stopping taskbot and checking the stop was clean: exit 0, nothing on
stderr, every envelope answered, every connection Slack did not drop closed by taskbot with a
normal close (1000), and no task left running in the event loop."""

from __future__ import annotations

import asyncio
import io
import logging
import os
import re
import signal
import sys
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot import ids
from bot.reply.sandbox import Sandbox
from bot.settings import ENV_NAMES, Settings
from bot.socket_mode import serve_socket_mode
from bot.wiring import Dependencies, open_dependencies
from tests.scenarios.harness import BERLIN_REP, NOW, REPS, button_ids, settings_for, texts
from tests.service_support import INSTANT_RETRIES
from tests.support import slack_payloads as payloads
from tests.support.fake_slack import FakeClock
from tests.support.socket_envelopes import Ack
from tests.support.socket_mode_slack import SocketLink, SocketModeSlack

APP_TOKEN = "xapp-1-A0TASKBOT-1-scenario"
HEADLINE = "call jane@acme.com tomorrow 3pm Ask about {{company}} pricing"
TODO = "todo tomorrow Prepare the Q4 forecast"
NORMAL_CLOSURE = 1000  # RFC 6455 §7.4.1: the endpoint said goodbye


@dataclass
class SocketBot:
    """taskbot serving over Socket Mode, and the fake Slack it is connected to."""

    slack: SocketModeSlack
    sandbox: Sandbox
    link: SocketLink
    serving: asyncio.Task[int]
    stop_serving: asyncio.Event
    err: io.StringIO
    captured: list[Dependencies] = field(default_factory=list)

    @property
    def deps(self) -> Dependencies:
        return self.captured[-1]

    async def command(self, text: str, *, user: str = BERLIN_REP.id) -> tuple[Ack, str]:
        """`/task text` as a slash_commands envelope: its ack and its response_url."""
        fields = payloads.slash_command(self.slack, user_id=user, text=text)
        return await self.link.request("slash_commands", fields), fields["response_url"]

    async def click(
        self, message: Mapping[str, Any], action_id: str, *, user: str = BERLIN_REP.id
    ) -> tuple[Ack, str]:
        """A click on a button of an ephemeral message, as an interactive envelope."""
        payload = payloads.block_actions_from_message(
            self.slack, user_id=user, message=message, action_id=action_id
        )
        return await self.link.request("interactive", payload), payload["response_url"]

    async def shown(self, response_url: str, *, posts: int = 1) -> list[dict[str, Any]]:
        """What the rep sees from a response_url once taskbot posted to it `posts` times."""
        await self.slack.wait_for("response_url", count=self._posts_before(response_url) + posts)
        return self.slack.messages_at(response_url)

    async def reconnected(self) -> SocketLink:
        """taskbot's next connection, which envelopes go to from now on."""
        self.link = await self.slack.next_link()
        return self.link

    async def stop(self) -> int:
        """Stop taskbot as SIGINT/SIGTERM would; its exit code."""
        self.stop_serving.set()
        return await self.serving

    def _posts_before(self, response_url: str) -> int:
        return sum(c.response_url != response_url for c in self.slack.calls_to("response_url"))


@asynccontextmanager
async def socket_taskbot(**wiring: Any) -> AsyncIterator[SocketBot]:
    """taskbot's Socket Mode front door in this event loop, connected to a fake Slack, on an
    embedded sandbox; `wiring` goes to `open_dependencies` (e.g. profile_wait)."""
    clock = FakeClock(NOW)
    slack = SocketModeSlack(users=REPS, clock=clock)
    async with slack.running(), Sandbox.create(clock=clock) as sandbox:
        captured: list[Dependencies] = []

        @asynccontextmanager
        async def dependencies(settings: Settings) -> AsyncIterator[Dependencies]:
            async with open_dependencies(
                settings, sandbox=sandbox, clock=clock, retry=INSTANT_RETRIES, **wiring
            ) as deps:
                captured.append(deps)
                yield deps

        stop, err = asyncio.Event(), io.StringIO()
        settings = settings_for(slack, SLACK_APP_TOKEN=APP_TOKEN)
        serving = asyncio.create_task(
            serve_socket_mode(settings, err=err, dependencies=dependencies, stop=stop),
            name="taskbot socket",
        )
        link = await first_connection(slack, serving, err)
        bot = SocketBot(slack, sandbox, link, serving, stop, err, captured)
        try:
            yield bot
        finally:
            code = await bot.stop()
        assert (code, err.getvalue()) == (0, "")
        assert slack.unanswered == []
        left = [link.close_code for link in slack.links if not link.dropped]
        assert left == [NORMAL_CLOSURE] * len(left)  # taskbot said goodbye on each
        assert bot.deps.background.pending == 0
    assert others_running() == []


async def first_connection(
    slack: SocketModeSlack, serving: asyncio.Task[int], err: io.StringIO
) -> SocketLink:
    """taskbot's first connection; if it stops instead, why."""
    connecting = asyncio.ensure_future(slack.next_link())
    await asyncio.wait({connecting, serving}, return_when=asyncio.FIRST_COMPLETED)
    if not connecting.done():
        connecting.cancel()
        raise AssertionError(f"taskbot stopped (exit {serving.result()}): {err.getvalue()!r}")
    return connecting.result()


def others_running() -> list[str]:
    """Tasks in this loop besides the test's own."""
    return sorted(t.get_name() for t in asyncio.all_tasks() if t is not asyncio.current_task())


def field_of(card: Mapping[str, Any], label: str) -> str:
    for text in texts(card):
        if text.startswith(f"*{label}*\n"):
            return text.removeprefix(f"*{label}*\n")
    raise AssertionError(f"no {label} field on the card")


def due_of(card: Mapping[str, Any]) -> tuple[datetime, str]:
    """The instant in the card's Due field (a Slack date token), and its fallback text."""
    found = re.search(r"<!date\^(\d+)\^[^|]*\|([^>]+)>", field_of(card, "Due"))
    assert found, field_of(card, "Due")
    return datetime.fromtimestamp(int(found.group(1)), ZoneInfo("Europe/Berlin")), found.group(2)


# --------------------------------------------------------------------------------------
# commands and buttons over the socket


async def test_the_headline_command_acks_with_the_progress_line_then_the_card_replaces_it() -> None:
    async with socket_taskbot() as bot:
        ack, response_url = await bot.command(HEADLINE)
        assert ack.payload is not None
        assert ack.payload["text"] == "⏳ Creating a call task for jane@acme.com…"
        assert ack.payload.get("response_type", "ephemeral") == "ephemeral"

        [card] = await bot.shown(response_url)  # the progress line is gone: replaced
        [post] = bot.slack.calls_to("response_url")
        assert post.ok
        assert post.params["replace_original"] is True
        assert texts(card)[0] == "📞 Call — Jane Cooper"
        # 3pm tomorrow in the rep's zone, from users.info (Berlin; it is 20:37 there now)
        assert due_of(card) == (
            datetime(2026, 11, 26, 15, 0, tzinfo=ZoneInfo("Europe/Berlin")),
            "Thu 26 Nov 2026 15:00 CET",
        )
        [asked] = bot.slack.calls_to("users.info")
        assert asked.params["user"] == BERLIN_REP.id
        assert "Ask about Acme pricing" in texts(card)  # rendered by Reply
        assert button_ids(card) == [ids.DONE, ids.EDIT, ids.CANCEL, ids.SHARE]


async def test_done_on_a_to_do_acks_at_once_and_the_card_changes_in_place() -> None:
    async with socket_taskbot() as bot:
        _, response_url = await bot.command(TODO)
        [card] = await bot.shown(response_url)

        ack, clicked_url = await bot.click(card, ids.DONE)
        assert ack.payload is None  # a click's ack is empty; the card changes after it
        [done] = await bot.shown(clicked_url)  # replaced, not added
        assert field_of(done, "Status") == "✅ Done"
        assert button_ids(done) == [ids.SHARE]
        completed = [r for r in bot.sandbox.requests if r.path.endswith("/complete")]
        assert len(completed) == 1


# --------------------------------------------------------------------------------------
# the connection


async def test_a_refresh_moves_taskbot_to_a_new_connection_and_commands_keep_working() -> None:
    async with socket_taskbot() as bot:
        first = bot.link
        await bot.command(TODO)
        await first.disconnect("refresh_requested")

        second = await bot.reconnected()
        assert second.number == 2
        assert [c.ok for c in bot.slack.calls_to("apps.connections.open")] == [True, True]
        await first.closed.wait()  # taskbot left the old one itself
        assert first.close_code == NORMAL_CLOSURE

        ack, response_url = await bot.command(HEADLINE)
        assert ack.link == 2
        [card] = await bot.shown(response_url)
        assert texts(card)[0] == "📞 Call — Jane Cooper"


async def test_a_connection_slack_drops_is_replaced() -> None:
    async with socket_taskbot() as bot:
        first = bot.link
        await first.drop(1001)  # "going away", with no disconnect message first
        await bot.reconnected()
        ack, response_url = await bot.command(TODO)
        assert ack.link == 2
        assert len(await bot.shown(response_url)) == 1


async def test_a_refused_app_token_is_one_line_and_exit_2() -> None:
    slack = SocketModeSlack(users=REPS)
    slack.fail_next("apps.connections.open", "invalid_auth")
    async with slack.running():
        err = io.StringIO()
        settings = settings_for(slack, SLACK_APP_TOKEN="xapp-1-revoked")
        refused = serve_socket_mode(settings, err=err, stop=asyncio.Event())
        assert await asyncio.wait_for(refused, 10) == 2  # the bound: it used to retry forever
        assert err.getvalue() == (
            "taskbot socket: Slack refused the connection: invalid_auth (a token is wrong or "
            "was revoked: check SLACK_BOT_TOKEN and SLACK_APP_TOKEN)\n"
        )
        assert slack.links == []
    assert others_running() == []


# --------------------------------------------------------------------------------------
# stopping


async def test_stopping_closes_the_socket_and_leaves_nothing_running() -> None:
    async with socket_taskbot() as bot:
        _, response_url = await bot.command(TODO)
        await bot.shown(response_url)
        assert await bot.stop() == 0
        await bot.link.closed.wait()
        assert bot.link.close_code == NORMAL_CLOSURE
        assert bot.deps.background.closed
        port = bot.slack.url.rsplit(":", 1)[1]
        assert others_running() == [f"serving on :{port}"]  # the fake Slack, and nothing else


class _Heard(logging.Handler):
    """Sets `heard` when a record starting with `words` is logged."""

    def __init__(self, words: str) -> None:
        super().__init__()
        self.words = words
        self.heard = asyncio.Event()

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().startswith(self.words):
            self.heard.set()


async def test_stopping_still_answers_a_command_already_received(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="bot.socket_mode")
    stopping = _Heard("disconnecting; finishing work already started")
    logging.getLogger("bot.socket_mode").addHandler(stopping)
    try:
        async with socket_taskbot(profile_wait=30) as bot:
            held = bot.slack.hold("users.info")  # the ack waits for the rep's zone
            fields = payloads.slash_command(bot.slack, user_id=BERLIN_REP.id, text=TODO)
            envelope_id = await bot.link.push("slash_commands", fields)
            await held.arrived.wait()
            bot.stop_serving.set()
            await stopping.heard.wait()  # taskbot is stopping, the command still unanswered
            held.release()

            ack = await bot.slack.ack_for(envelope_id)
            assert ack.payload is not None
            assert ack.payload["text"] == "⏳ Creating a to-do…"
            assert await bot.serving == 0
            [card] = bot.slack.messages_at(fields["response_url"])  # the card still came
            assert texts(card)[0] == "📝 To-do"
    finally:
        logging.getLogger("bot.socket_mode").removeHandler(stopping)


# --------------------------------------------------------------------------------------
# the real process


async def test_taskbot_socket_serves_a_command_and_stops_on_sigterm(tmp_path: Path) -> None:
    slack = SocketModeSlack(users=REPS)
    async with slack.running():
        kept = {k: v for k, v in os.environ.items() if k not in ENV_NAMES}
        env = {
            **kept,
            "PYTHONUNBUFFERED": "1",
            "SLACK_BOT_TOKEN": "xoxb-runner",
            "SLACK_APP_TOKEN": APP_TOKEN,
            "SLACK_API_URL": slack.api_url,
            "TASKBOT_LOG_LEVEL": "INFO",
        }
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "socket", env=env, cwd=tmp_path,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        try:
            link = await slack.next_link(timeout=30)
            fields = payloads.slash_command(slack, user_id=BERLIN_REP.id, text=HEADLINE)
            ack = await link.request("slash_commands", fields)
            assert ack.payload is not None
            assert ack.payload["text"] == "⏳ Creating a call task for jane@acme.com…"
            [post] = await slack.wait_for("response_url", timeout=15)
            assert post.params["text"].startswith("📞 Call — Jane Cooper, due")

            process.send_signal(signal.SIGTERM)
            assert await asyncio.wait_for(process.wait(), 20) == 0
            await link.closed.wait()
            assert link.close_code == NORMAL_CLOSURE
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
        assert process.stderr is not None
        log = (await process.stderr.read()).decode()
    assert "connected to Slack workspace taskbot test as taskbot over Socket Mode" in log
    assert "disconnecting; finishing work already started" in log
    assert "Traceback" not in log
