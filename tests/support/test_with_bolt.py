"""The test kit works with the real thing: a Bolt AsyncApp in HTTP mode on 127.0.0.1 accepts the
signed payloads, its Web API calls and response_url posts reach the fake Slack, and the views
it sends pass the fake's checks. (The real listeners come later; these stand-ins are minimal.)"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from slack_bolt.adapter.asgi.async_handler import AsyncSlackRequestHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot import ids
from bot.domain import TaskType
from bot.views import CardContext, progress_card, task_card
from bot.views.values import TaskRef, decode
from tests.support import slack_payloads as payloads
from tests.support.fake_slack import FakeSlack, SlackUser
from tests.support.servers import serve_asgi
from tests.support.task_samples import JANE, NEW_YORK, make_task

SECRET = "test-signing-secret"
REP = SlackUser("U0REP", name="rep", tz="America/New_York")


def build_app(fake: FakeSlack, clicks: list[TaskRef]) -> AsyncApp:
    client = AsyncWebClient(token="xoxb-test", base_url=fake.api_url)
    app = AsyncApp(client=client, signing_secret=SECRET)

    @app.command(ids.COMMAND)
    async def command(ack: Any, respond: Any, command: dict[str, Any]) -> None:
        await ack(**progress_card(TaskType.CALL, None, "jane@acme.com").message())
        card = task_card(make_task(), JANE, CardContext(owner=command["user_id"], tz=NEW_YORK))
        await respond(replace_original=True, **card.message())

    @app.action(ids.DONE)
    async def done(ack: Any, respond: Any, action: dict[str, Any]) -> None:
        await ack()
        clicks.append(decode(action["value"], TaskRef))
        await respond(replace_original=True, text="✅ Marked done.")

    @app.shortcut(ids.GLOBAL_SHORTCUT)
    async def shortcut(ack: Any, shortcut: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        await client.views_open(
            trigger_id=shortcut["trigger_id"],
            view={
                "type": "modal",
                "callback_id": ids.TASK_MODAL,
                "title": {"type": "plain_text", "text": "New Reply task"},
                "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "Loading…"}}],
            },
        )

    return app


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    slack = FakeSlack(users=[REP])
    async with slack.running():
        yield slack


@pytest.fixture
def clicks() -> list[TaskRef]:
    return []


@pytest.fixture
async def app_url(fake: FakeSlack, clicks: list[TaskRef]) -> AsyncIterator[str]:
    async with serve_asgi(AsyncSlackRequestHandler(build_app(fake, clicks))) as url:
        yield f"{url}/slack/events"


async def post(url: str, body: str, headers: dict[str, str]) -> httpx.Response:
    async with httpx.AsyncClient() as http:
        return await http.post(url, content=body, headers=headers)


def now() -> int:
    return int(time.time())


async def test_a_signed_command_is_acked_then_replaced_by_the_card(
    fake: FakeSlack, app_url: str
) -> None:
    fields = payloads.slash_command(fake, user_id=REP.id, text="call jane@acme.com tmrw 3pm")
    body = payloads.command_body(fields)
    acked = await post(app_url, body, payloads.signed_headers(body, SECRET, now()))
    assert acked.status_code == 200
    assert acked.json()["text"] == "⏳ Creating a call task for jane@acme.com…"
    fake.show_original(fields["response_url"], acked.json())

    [posted] = await fake.wait_for("response_url")
    assert posted.ok
    assert posted.params["replace_original"] is True
    [shown] = fake.messages_at(fields["response_url"])
    assert shown["text"].startswith("📞 Call — Jane Doe, due")
    assert shown["response_type"] == "ephemeral"


async def test_forged_and_replayed_requests_are_refused(fake: FakeSlack, app_url: str) -> None:
    body = payloads.command_body(payloads.slash_command(fake, user_id=REP.id, text="help"))
    forged = await post(app_url, body, payloads.bad_signature_headers(body, SECRET, now()))
    replayed = await post(app_url, body, payloads.stale_headers(body, SECRET, now()))
    assert (forged.status_code, replayed.status_code) == (401, 401)
    assert fake.calls_to("response_url") == []


async def test_a_click_on_the_cards_done_button_reaches_its_listener(
    fake: FakeSlack, app_url: str, clicks: list[TaskRef]
) -> None:
    card = task_card(make_task(), JANE, CardContext(owner=REP.id, tz=NEW_YORK)).message()
    payload = payloads.block_actions_from_message(
        fake, user_id=REP.id, message=card, action_id=ids.DONE
    )
    body = payloads.interaction_body(payload)
    assert (await post(app_url, body, payloads.signed_headers(body, SECRET, now()))).is_success
    await fake.wait_for("response_url")
    assert clicks == [TaskRef(task_id=1001, owner=REP.id)]
    assert [m["text"] for m in fake.messages_at(payload["response_url"])] == ["✅ Marked done."]


async def test_a_shortcut_opens_a_modal_with_the_trigger_it_carried(
    fake: FakeSlack, app_url: str
) -> None:
    body = payloads.interaction_body(payloads.global_shortcut(fake, user_id=REP.id))
    assert (await post(app_url, body, payloads.signed_headers(body, SECRET, now()))).is_success
    [opened] = await fake.wait_for("views.open")
    assert opened.ok, opened.response
    assert opened.response["view"]["callback_id"] == ids.TASK_MODAL
