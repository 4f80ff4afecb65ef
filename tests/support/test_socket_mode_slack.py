"""The fake Slack's Socket Mode side refuses what Slack refuses. Driven by slack_sdk's Web API
client (apps.connections.open, as Bolt's handler calls it) and a bare aiohttp WebSocket in the
app's place, on 127.0.0.1."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from tests.support import slack_payloads as payloads
from tests.support.fake_slack import SlackUser
from tests.support.socket_mode_slack import SocketModeSlack

REP = SlackUser("U0REP")
APP_TOKEN = "xapp-1-A0TASKBOT-1-secret"
SECTION = {"type": "section", "text": {"type": "mrkdwn", "text": "⏳ Working on it…"}}


async def open_url(slack: SocketModeSlack, app_token: str = APP_TOKEN) -> str:
    answer = await AsyncWebClient(base_url=slack.api_url).apps_connections_open(app_token=app_token)
    return str(answer["url"])


@asynccontextmanager
async def app_socket(slack: SocketModeSlack) -> AsyncIterator[aiohttp.ClientWebSocketResponse]:
    """The app's side: a WebSocket on a fresh URL, its `hello` already read."""
    url = await open_url(slack)
    async with aiohttp.ClientSession() as session, session.ws_connect(url) as socket:
        hello = await socket.receive_json()
        assert hello["type"] == "hello"
        yield socket


async def test_apps_connections_open_hands_out_a_websocket_url_for_an_app_token() -> None:
    slack = SocketModeSlack()
    async with slack.running():
        url = await open_url(slack)
        assert url.startswith(slack.url.replace("http://", "ws://") + "/link/?ticket=")
        assert url.endswith("&app_id=A0TASKBOT")
        [call] = slack.calls_to("apps.connections.open")
        assert call.ok
        assert call.headers["authorization"] == f"Bearer {APP_TOKEN}"


@pytest.mark.parametrize(
    ("token", "error"),
    [
        pytest.param("xoxb-bot", "not_allowed_token_type", id="bot-token"),
        pytest.param("xoxp-user", "not_allowed_token_type", id="user-token"),
        pytest.param("xapp-", "invalid_auth", id="empty-app-token"),
        pytest.param("nonsense", "invalid_auth", id="nonsense"),
    ],
)
async def test_apps_connections_open_wants_an_app_level_token(token: str, error: str) -> None:
    slack = SocketModeSlack()
    async with slack.running():
        with pytest.raises(SlackApiError) as refused:
            await open_url(slack, token)
        assert refused.value.response["error"] == error


async def test_apps_connections_open_without_a_token_is_not_authed() -> None:
    slack = SocketModeSlack()
    async with slack.running(), aiohttp.ClientSession() as session:
        answer = await session.post(f"{slack.api_url}apps.connections.open")
        assert await answer.json() == {"ok": False, "error": "not_authed"}


async def test_apps_connections_open_can_be_scripted_to_fail() -> None:
    slack = SocketModeSlack()
    slack.fail_next("apps.connections.open", "invalid_auth")
    async with slack.running():
        with pytest.raises(SlackApiError, match="invalid_auth"):
            await open_url(slack)
        assert (await open_url(slack)).startswith("ws://")  # only the next call failed


async def test_hello_comes_first_and_counts_the_open_connections() -> None:
    slack = SocketModeSlack()
    async with slack.running(), aiohttp.ClientSession() as session:
        first = await session.ws_connect(await open_url(slack))
        second = await session.ws_connect(await open_url(slack))
        hellos = [await first.receive_json(), await second.receive_json()]
        assert [hello["num_connections"] for hello in hellos] == [1, 2]
        assert hellos[0]["connection_info"] == {"app_id": "A0TASKBOT"}
        assert set(hellos[0]["debug_info"]) == {
            "host",
            "build_number",
            "approximate_connection_time",
        }
        assert [(await slack.next_link()).number, (await slack.next_link()).number] == [1, 2]
        await first.close()
        await second.close()


async def test_a_ticket_opens_one_connection() -> None:
    slack = SocketModeSlack()
    async with slack.running(), aiohttp.ClientSession() as session:
        url = await open_url(slack)
        async with session.ws_connect(url) as socket:
            await socket.receive_json()
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await session.ws_connect(url)
            assert refused.value.status == 403
        [problem] = slack.take_problems()
        assert "unknown or used ticket" in problem


async def test_a_problem_nobody_expected_fails_when_the_fake_stops() -> None:
    slack = SocketModeSlack()

    async def reuse_a_ticket() -> None:
        async with slack.running(), aiohttp.ClientSession() as session:
            url = await open_url(slack)
            async with session.ws_connect(url) as socket:
                await socket.receive_json()
                with pytest.raises(aiohttp.WSServerHandshakeError):
                    await session.ws_connect(url)

    with pytest.raises(AssertionError, match=r"Socket Mode protocol problems: .*used ticket"):
        await reuse_a_ticket()


async def test_an_envelope_is_answered_by_its_ack() -> None:
    slack = SocketModeSlack(users=[REP])
    async with slack.running(), app_socket(slack) as socket:
        link = await slack.next_link()
        fields = payloads.slash_command(slack, user_id=REP.id, text="todo tomorrow Call back")
        envelope_id = await link.push("slash_commands", fields)
        envelope = await socket.receive_json()
        assert envelope == {
            "envelope_id": envelope_id,
            "payload": fields,
            "type": "slash_commands",
            "accepts_response_payload": True,
        }
        answer = {"text": "⏳ Working on it…", "blocks": [SECTION]}
        await socket.send_json({"envelope_id": envelope_id, "payload": answer})
        ack = await slack.ack_for(envelope_id)
        assert (ack.envelope_id, ack.payload, ack.link) == (envelope_id, answer, 1)
        # What the rep sees until the response_url replaces it.
        assert slack.messages_at(fields["response_url"]) == [answer]
        assert slack.unanswered == []


async def test_a_click_accepts_no_payload_in_its_ack() -> None:
    slack = SocketModeSlack(users=[REP])
    message = {"blocks": [{"type": "actions", "elements": [
        {"type": "button", "action_id": "go", "value": "1",
         "text": {"type": "plain_text", "text": "Go"}}]}]}  # fmt: skip
    async with slack.running(), app_socket(slack) as socket:
        link = await slack.next_link()
        click = payloads.block_actions_from_message(
            slack, user_id=REP.id, message=message, action_id="go"
        )
        envelope_id = await link.push("interactive", click)
        envelope = await socket.receive_json()
        assert envelope["accepts_response_payload"] is False
        await socket.send_json({"envelope_id": envelope_id, "payload": {"text": "hi"}})
        with pytest.raises(AssertionError, match="does not accept one"):
            await slack.ack_for(envelope_id)
        assert len(slack.take_problems()) == 1


@pytest.mark.parametrize(
    ("answer", "problem"),
    [
        pytest.param(b"{}", "binary frame", id="binary"),
        pytest.param("ok!", "not JSON", id="not-json"),
        pytest.param({"envelope_id": "never-sent"}, "no envelope sent", id="unknown-envelope"),
        pytest.param({"payload": {"text": "hi"}}, "no envelope sent", id="no-envelope-id"),
    ],
)
async def test_what_is_not_an_ack_is_a_problem(answer: Any, problem: str) -> None:
    slack = SocketModeSlack()
    async with slack.running(), app_socket(slack) as socket:
        link = await slack.next_link()
        if isinstance(answer, bytes):
            await socket.send_bytes(answer)
        elif isinstance(answer, str):
            await socket.send_str(answer)
        else:
            await socket.send_json(answer)
        await socket.close()
        await link.closed.wait()  # the server read everything before the close
        [seen] = slack.take_problems()
        assert problem in seen


@pytest.mark.parametrize(
    ("answer", "problem"),
    [
        pytest.param({"extra": 1}, "fields Slack does not read", id="unknown-field"),
        pytest.param({"payload": "text"}, "not a JSON object", id="payload-not-object"),
        pytest.param(
            {"payload": {"blocks": [{"type": "section"}]}},
            "would refuse the message",
            id="invalid-blocks",
        ),
    ],
)
async def test_a_bad_ack_fails_the_test_awaiting_it(answer: dict[str, Any], problem: str) -> None:
    slack = SocketModeSlack(users=[REP])
    async with slack.running(), app_socket(slack) as socket:
        link = await slack.next_link()
        fields = payloads.slash_command(slack, user_id=REP.id, text="todo")
        envelope_id = await link.push("slash_commands", fields)
        await socket.receive_json()
        await socket.send_json({"envelope_id": envelope_id, **answer})
        with pytest.raises(AssertionError, match=problem):
            await slack.ack_for(envelope_id)
        assert len(slack.take_problems()) == 1


async def test_an_options_ack_over_slacks_limits_fails_as_over_http() -> None:
    """The ack rules of `bot.console.slack_standin.acks` hold for a socket's acks too: 101
    options are "no more than 100 items allowed", whichever way they reach Slack."""
    slack = SocketModeSlack(users=[REP])
    suggestion = {"type": "block_suggestion", "value": "jan", "action_id": "form.contact.select"}
    option = {"text": {"type": "plain_text", "text": "Jane"}, "value": "id:1"}
    async with slack.running(), app_socket(slack) as socket:
        link = await slack.next_link()
        envelope_id = await link.push("interactive", suggestion)
        await socket.receive_json()
        await socket.send_json({"envelope_id": envelope_id, "payload": {"options": [option] * 101}})
        with pytest.raises(AssertionError, match="no more than 100 items allowed"):
            await slack.ack_for(envelope_id)
        assert len(slack.take_problems()) == 1


async def test_a_second_ack_is_a_problem() -> None:
    slack = SocketModeSlack(users=[REP])
    async with slack.running(), app_socket(slack) as socket:
        link = await slack.next_link()
        envelope_id = await link.push("interactive", {"type": "shortcut"})
        await socket.receive_json()
        await socket.send_json({"envelope_id": envelope_id})
        await slack.ack_for(envelope_id)
        await socket.send_json({"envelope_id": envelope_id})
        await socket.close()
        await link.closed.wait()
        [problem] = slack.take_problems()
        assert problem.startswith("a second ack of the interactive envelope")


async def test_an_ack_may_come_back_over_another_connection() -> None:
    slack = SocketModeSlack()
    async with slack.running(), app_socket(slack) as old, app_socket(slack) as new:
        first = await slack.next_link()
        await slack.next_link()
        envelope_id = await first.push("events_api", {"type": "event_callback"})
        await old.receive_json()
        await new.send_json({"envelope_id": envelope_id})
        assert (await slack.ack_for(envelope_id)).link == 2


async def test_disconnect_asks_the_app_to_leave_and_drop_closes_the_socket() -> None:
    slack = SocketModeSlack()
    async with slack.running(), app_socket(slack) as socket:
        link = await slack.next_link()
        await link.disconnect("warning")
        message = await socket.receive_json()
        assert message["type"] == "disconnect"
        assert message["reason"] == "warning"
        assert "host" in message["debug_info"]
        await link.drop(1001)
        closing = await socket.receive()
        assert closing.type == aiohttp.WSMsgType.CLOSE
        assert closing.data == 1001
        await link.closed.wait()


async def test_a_missing_ack_fails_with_what_was_sent() -> None:
    slack = SocketModeSlack()
    async with slack.running(), app_socket(slack) as socket:
        link = await slack.next_link()
        envelope_id = await link.push("interactive", {"type": "shortcut"})
        await socket.receive_json()
        with pytest.raises(
            AssertionError, match=f"no ack of the interactive envelope {envelope_id}"
        ):
            await slack.ack_for(envelope_id, timeout=0.05)
        assert slack.unanswered == [envelope_id]


async def test_a_held_method_answers_once_released() -> None:
    slack = SocketModeSlack(users=[REP])
    async with slack.running():
        held = slack.hold("users.info")
        client = AsyncWebClient(token="xoxb-test", base_url=slack.api_url)
        asking = asyncio.create_task(client.users_info(user=REP.id))
        await held.arrived.wait()
        assert slack.calls_to("users.info") == []
        held.release()
        assert (await asking)["user"]["id"] == REP.id
