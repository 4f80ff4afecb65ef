"""The fake Slack fails where Slack fails. Driven through slack_sdk's own async clients (what
Bolt uses), over HTTP on 127.0.0.1."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable
from typing import Any

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.signature import SignatureVerifier
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot import ids
from tests.support import slack_payloads as payloads
from tests.support.fake_slack import FakeClock, FakeSlack, SlackUser

JANE = SlackUser("U0JANE", name="jane", real_name="Jane Rep", tz="Europe/Berlin",
                 tz_label="Central European Time", tz_offset=3600, locale="de-DE")  # fmt: skip
DRIFTER = SlackUser("U0DRIFT", name="drifter", tz=None, tz_label="", tz_offset=19800)

SECTION = {"type": "section", "text": {"type": "mrkdwn", "text": "hello"}}


def modal(*blocks: dict[str, Any], title: str = "New task", **extra: Any) -> dict[str, Any]:
    view: dict[str, Any] = {
        "type": "modal",
        "callback_id": ids.TASK_MODAL,
        "title": {"type": "plain_text", "text": title},
        "submit": {"type": "plain_text", "text": "Create"},
        "blocks": list(blocks) or [SECTION],
    }
    view.update(extra)
    return view


def text_input(block_id: str, action_id: str, **element: Any) -> dict[str, Any]:
    return {
        "type": "input",
        "block_id": block_id,
        "label": {"type": "plain_text", "text": block_id},
        "element": {"type": "plain_text_input", "action_id": action_id, **element},
    }


def type_select(block_id: str = ids.TYPE_BLOCK) -> dict[str, Any]:
    options = [
        {"text": {"type": "plain_text", "text": name}, "value": name}
        for name in ("ToDo", "Call", "LinkedIn")
    ]
    return {
        "type": "input",
        "block_id": block_id,
        "dispatch_action": True,
        "label": {"type": "plain_text", "text": "Type"},
        "element": {"type": "static_select", "action_id": ids.TYPE_SELECT, "options": options},
    }


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def fake(clock: FakeClock) -> AsyncIterator[FakeSlack]:
    slack = FakeSlack(users=[JANE, DRIFTER], clock=clock)
    async with slack.running():
        yield slack


@pytest.fixture
def client(fake: FakeSlack) -> AsyncWebClient:
    return AsyncWebClient(token="xoxb-test-token", base_url=fake.api_url)


async def error_of(call: Awaitable[Any]) -> SlackApiError:
    with pytest.raises(SlackApiError) as raised:
        await call
    return raised.value


# --------------------------------------------------------------------------------------
# auth, methods, scopes


async def test_auth_test_answers_like_slack_with_the_scopes_header(
    fake: FakeSlack, client: AsyncWebClient
) -> None:
    answer = await client.auth_test()
    assert answer["ok"] is True
    assert answer["user_id"] == fake.bot_user_id
    assert answer["bot_id"] == fake.bot_id
    assert answer.headers["x-oauth-scopes"] == "chat:write,commands,users:read"
    [call] = fake.calls_to("auth.test")
    assert call.headers["authorization"] == "Bearer xoxb-test-token"


@pytest.mark.parametrize(
    ("token", "error"),
    [("xoxp-user-token", "invalid_auth"), ("xoxb-", "invalid_auth"), ("", "not_authed")],
)
async def test_tokens_other_than_a_bot_token_are_refused(
    fake: FakeSlack, token: str, error: str
) -> None:
    client = AsyncWebClient(token=token or None, base_url=fake.api_url)
    assert (await error_of(client.auth_test())).response["error"] == error


async def test_an_unknown_method_is_refused(client: AsyncWebClient) -> None:
    failed = await error_of(client.api_call("chat.scheduleMessage", json={"channel": "C1"}))
    assert failed.response["error"] == "unknown_method"


async def test_a_method_without_its_scope_is_refused(fake: FakeSlack) -> None:
    narrow = FakeSlack(users=[JANE], scopes={"commands", "chat:write"})
    async with narrow.running():
        client = AsyncWebClient(token="xoxb-t", base_url=narrow.api_url)
        failed = await error_of(client.users_info(user=JANE.id))
    assert failed.response["error"] == "missing_scope"
    assert failed.response["needed"] == "users:read"


async def test_dms_by_conversations_open_need_a_scope_taskbot_does_not_ask_for(
    fake: FakeSlack, client: AsyncWebClient
) -> None:
    """Why manifest.yml has no im:write: chat.postMessage to a user id needs only chat:write."""
    failed = await error_of(client.conversations_open(users=JANE.id))
    assert failed.response["error"] == "missing_scope"
    posted = await client.chat_postMessage(channel=JANE.id, text="your card")
    assert posted["channel"] == "D0JANE"

    wide = FakeSlack(users=[JANE], scopes={"im:write"})
    async with wide.running():
        opened = await AsyncWebClient(token="xoxb-t", base_url=wide.api_url).conversations_open(
            users=JANE.id
        )
    assert opened["channel"]["id"] == "D0JANE"


# --------------------------------------------------------------------------------------
# users.info


async def test_users_info_gives_the_locale_only_when_asked(client: AsyncWebClient) -> None:
    plain = await client.users_info(user=JANE.id)
    assert plain["user"]["tz"] == "Europe/Berlin"
    assert plain["user"]["tz_offset"] == 3600
    assert "locale" not in plain["user"]
    with_locale = await client.users_info(user=JANE.id, include_locale=True)
    assert with_locale["user"]["locale"] == "de-DE"


async def test_users_info_can_have_no_zone_name(client: AsyncWebClient) -> None:
    user = (await client.users_info(user=DRIFTER.id))["user"]
    assert user["tz"] is None
    assert user["tz_offset"] == 19800


async def test_an_unknown_user_is_not_found(client: AsyncWebClient) -> None:
    assert (await error_of(client.users_info(user="U0NOBODY"))).response["error"] == (
        "user_not_found"
    )


async def test_a_scripted_rate_limit_comes_back_as_429_with_retry_after(
    fake: FakeSlack, client: AsyncWebClient
) -> None:
    fake.fail_next("users.info", "ratelimited", status=429, retry_after=30)
    failed = await error_of(client.users_info(user=JANE.id))
    assert failed.response.status_code == 429
    assert failed.response.headers["retry-after"] == "30"
    assert (await client.users_info(user=JANE.id))["ok"], "only the next call fails"


# --------------------------------------------------------------------------------------
# chat


async def test_post_update_and_permalink_of_a_message(
    fake: FakeSlack, client: AsyncWebClient
) -> None:
    posted = await client.chat_postMessage(channel="C0SALES", text="card", blocks=[SECTION])
    ts = posted["ts"]
    assert posted["message"]["blocks"] == [SECTION]
    updated = await client.chat_update(channel="C0SALES", ts=ts, text="done", blocks=[SECTION])
    assert updated["ts"] == ts
    assert fake.messages[("C0SALES", ts)]["text"] == "done"
    link = await client.chat_getPermalink(channel="C0SALES", message_ts=ts)
    assert link["permalink"] == (
        f"https://taskbot-test.slack.com/archives/C0SALES/p{ts.replace('.', '')}"
    )


async def test_a_thread_reply_permalink_names_its_thread(
    fake: FakeSlack, client: AsyncWebClient
) -> None:
    parent = fake.add_message("C0SALES", text="deal news", user=JANE.id)
    reply = fake.add_message("C0SALES", text="call her", user=JANE.id, thread_ts=parent["ts"])
    link = (await client.chat_getPermalink(channel="C0SALES", message_ts=reply["ts"]))["permalink"]
    assert link.endswith(f"?thread_ts={parent['ts']}&cid=C0SALES")


@pytest.mark.parametrize(
    ("call", "error"),
    [
        ({"channel": "C0SALES", "ts": "1.000001", "text": "x"}, "message_not_found"),
        ({"channel": "nowhere", "ts": "1.000001", "text": "x"}, "channel_not_found"),
    ],
)
async def test_updating_what_does_not_exist_fails(
    client: AsyncWebClient, call: dict[str, str], error: str
) -> None:
    assert (await error_of(client.chat_update(**call))).response["error"] == error


async def test_messages_taskbot_did_not_post_cannot_be_updated(
    fake: FakeSlack, client: AsyncWebClient
) -> None:
    theirs = fake.add_message("C0SALES", text="mine", user=JANE.id)
    failed = await error_of(client.chat_update(channel="C0SALES", ts=theirs["ts"], text="x"))
    assert failed.response["error"] == "cant_update_message"
    failed = await error_of(client.chat_getPermalink(channel="C0SALES", message_ts="9.000009"))
    assert failed.response["error"] == "message_not_found"


@pytest.mark.parametrize(
    ("blocks", "pointer"),
    [
        ([SECTION] * 51, "/blocks"),
        ([{"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}], "/blocks/0"),
        ([{**SECTION, "colour": "red"}], "/blocks/0/colour"),
        ([{"type": "hero"}], "/blocks/0/type"),
        ([{"type": "header", "text": {"type": "plain_text", "text": "h" * 151}}], "/blocks/0"),
        ([{**SECTION, "block_id": "a"}, {**SECTION, "block_id": "a"}], "/blocks/1/block_id"),
        # Any text object holds 3,000 (composition objects), a context element too, though
        # slack_sdk checks only the blocks that name a limit.
        (
            [{"type": "context", "elements": [{"type": "mrkdwn", "text": "x" * 3001}]}],
            "/blocks/0/elements/0/text",
        ),
    ],
    ids=[
        "51-blocks",
        "long-section",
        "unknown-property",
        "unknown-type",
        "long-header",
        "dup-id",
        "long-context",
    ],
)
async def test_invalid_blocks_are_refused_like_slack(
    client: AsyncWebClient, blocks: list[dict[str, Any]], pointer: str
) -> None:
    failed = await error_of(client.chat_postMessage(channel="C0SALES", text="t", blocks=blocks))
    assert failed.response["error"] == "invalid_blocks"
    assert any(f"[json-pointer:{pointer}]" in m for m in failed.response["errors"])
    assert failed.response["response_metadata"]["messages"][0].startswith("[ERROR] ")


async def test_a_message_needs_something_to_say(client: AsyncWebClient) -> None:
    failed = await error_of(client.api_call("chat.postMessage", json={"channel": "C0SALES"}))
    assert failed.response["error"] == "no_text"
    failed = await error_of(client.chat_postMessage(channel="C0SALES", text="x" * 40_001))
    assert failed.response["error"] == "msg_too_long"


async def test_ephemeral_messages_need_a_member(client: AsyncWebClient) -> None:
    sent = await client.chat_postEphemeral(channel="C0SALES", user=JANE.id, text="psst")
    assert sent["message_ts"]
    failed = await error_of(client.chat_postEphemeral(channel="C0SALES", user="U0GONE", text="x"))
    assert failed.response["error"] == "user_not_in_channel"


# --------------------------------------------------------------------------------------
# views


async def test_views_open_needs_a_trigger_the_fake_issued_once_and_recently(
    fake: FakeSlack, client: AsyncWebClient, clock: FakeClock
) -> None:
    failed = await error_of(client.views_open(trigger_id="123.456.abc", view=modal()))
    assert failed.response["error"] == "invalid_trigger_id"

    trigger = fake.issue_trigger_id()
    opened = (await client.views_open(trigger_id=trigger, view=modal()))["view"]
    assert opened["id"].startswith("V")
    assert opened["hash"]
    assert opened["callback_id"] == ids.TASK_MODAL
    failed = await error_of(client.views_open(trigger_id=trigger, view=modal()))
    assert failed.response["error"] == "exchanged_trigger_id"

    late = fake.issue_trigger_id()
    clock.advance(3.01)
    failed = await error_of(client.views_open(trigger_id=late, view=modal()))
    assert failed.response["error"] == "expired_trigger_id"


@pytest.mark.parametrize(
    ("view", "pointer"),
    [
        (modal(title="Create a Reply.io task!!!"), "/view"),
        (modal(private_metadata="m" * 3001), "/view"),
        (modal(*[SECTION] * 101), "/view/blocks"),
        ({**modal(text_input("b", "a")), "submit": None}, "/view"),
        (modal(surprise=True), "/view/surprise"),
    ],
    ids=["title-over-24", "metadata-over-3000", "101-blocks", "inputs-without-submit", "unknown"],
)
async def test_invalid_views_are_refused(
    fake: FakeSlack, client: AsyncWebClient, view: dict[str, Any], pointer: str
) -> None:
    view = {k: v for k, v in view.items() if v is not None}
    failed = await error_of(client.views_open(trigger_id=fake.issue_trigger_id(), view=view))
    assert failed.response["error"] == "invalid_arguments"
    assert any(f"[json-pointer:{pointer}]" in m for m in failed.response["errors"]), failed


async def test_views_update_refuses_a_stale_hash_and_keeps_the_view_id(
    fake: FakeSlack, client: AsyncWebClient
) -> None:
    first = (await client.views_open(trigger_id=fake.issue_trigger_id(), view=modal()))["view"]
    second = (
        await client.views_update(view_id=first["id"], hash=first["hash"], view=modal(SECTION))
    )["view"]
    assert second["id"] == first["id"]
    assert second["hash"] != first["hash"]
    failed = await error_of(
        client.views_update(view_id=first["id"], hash=first["hash"], view=modal())
    )
    assert failed.response["error"] == "hash_conflict"
    failed = await error_of(client.views_update(view_id="V0NOPE", view=modal()))
    assert failed.response["error"] == "not_found"


async def test_typed_values_survive_an_update_only_where_both_ids_stay(
    fake: FakeSlack, client: AsyncWebClient
) -> None:
    body = text_input(ids.BODY_BLOCK, ids.BODY_INPUT, multiline=True)
    subject = text_input(ids.SUBJECT_BLOCK, ids.SUBJECT_INPUT)
    anonymous = {k: v for k, v in text_input("x", "note").items() if k != "block_id"}
    view = modal(type_select(), body, subject, anonymous)
    opened = (await client.views_open(trigger_id=fake.issue_trigger_id(), view=view))["view"]
    fake.fill(
        opened["id"],
        {ids.TYPE_SELECT: "LinkedIn", ids.BODY_INPUT: "Hi {{firstName}}", ids.SUBJECT_INPUT: "S",
         "note": "lost"},
    )  # fmt: skip

    without_subject = modal(type_select(), body, anonymous)
    updated = (await client.views_update(view_id=opened["id"], view=without_subject))["view"]
    values = updated["state"]["values"]
    assert values[ids.BODY_BLOCK][ids.BODY_INPUT]["value"] == "Hi {{firstName}}"
    assert values[ids.TYPE_BLOCK][ids.TYPE_SELECT]["selected_option"]["value"] == "LinkedIn"
    assert ids.SUBJECT_BLOCK not in values
    # Slack gave the block without a block_id a new random id: its value is gone.
    notes = [v["note"]["value"] for v in values.values() if "note" in v]
    assert notes == [None]


async def test_fill_refuses_what_no_person_could_enter(
    fake: FakeSlack, client: AsyncWebClient
) -> None:
    view = modal(type_select(), text_input(ids.SUBJECT_BLOCK, ids.SUBJECT_INPUT, max_length=5))
    opened = (await client.views_open(trigger_id=fake.issue_trigger_id(), view=view))["view"]
    with pytest.raises(AssertionError, match="offers no option 'Fax'"):
        fake.fill(opened["id"], {ids.TYPE_SELECT: "Fax"})
    with pytest.raises(AssertionError, match="at most 5 characters"):
        fake.fill(opened["id"], {ids.SUBJECT_INPUT: "too long"})
    with pytest.raises(AssertionError, match=r"no element 'form\.nope'"):
        fake.fill(opened["id"], {"form.nope": "x"})


async def test_views_push_needs_a_trigger_from_a_modal_and_stops_at_three(
    fake: FakeSlack, client: AsyncWebClient
) -> None:
    root = (await client.views_open(trigger_id=fake.issue_trigger_id(), view=modal()))["view"]
    failed = await error_of(client.views_push(trigger_id=fake.issue_trigger_id(), view=modal()))
    assert failed.response["error"] == "invalid_trigger_id"
    for _ in range(2):
        pushed = await client.views_push(
            trigger_id=fake.issue_trigger_id(from_view=root["id"]), view=modal()
        )
        assert pushed["view"]["root_view_id"] == root["id"]
    failed = await error_of(
        client.views_push(trigger_id=fake.issue_trigger_id(from_view=root["id"]), view=modal())
    )
    assert failed.response["error"] == "push_limit_reached"


# --------------------------------------------------------------------------------------
# response_url


async def test_response_urls_replace_delete_and_wear_out(fake: FakeSlack, clock: FakeClock) -> None:
    url = fake.new_response_url()
    fake.show_original(url, {"text": "⏳ Creating a call task…"})
    hook = AsyncWebhookClient(url)
    assert (await hook.send(text="the card", replace_original=True)).status_code == 200
    assert [m["text"] for m in fake.messages_at(url)] == ["the card"]
    await hook.send(text="shared", response_type="in_channel")
    assert fake.messages_at(url)[-1]["response_type"] == "in_channel"
    await hook.send(delete_original=True)
    assert [m["text"] for m in fake.messages_at(url)] == ["the card"]
    await hook.send(text="4th")
    await hook.send(text="5th")
    used = await hook.send(text="6th")
    assert (used.status_code, used.body) == (404, '{"ok":false,"error":"used_url"}')

    old = fake.new_response_url()
    clock.advance(30 * 60 + 1)
    expired = await AsyncWebhookClient(old).send(text="late")
    assert expired.status_code == 404
    assert "expired_url" in expired.body
    assert len(fake.calls_to("response_url")) == 7


async def test_response_url_posts_are_validated(fake: FakeSlack) -> None:
    hook = AsyncWebhookClient(fake.new_response_url())
    bad = await hook.send(text="t", blocks=[{**SECTION, "colour": "red"}])
    assert bad.status_code == 400
    assert "invalid_blocks" in bad.body
    assert (await hook.send(text="")).status_code == 400


# --------------------------------------------------------------------------------------
# waiting


async def test_wait_for_returns_when_the_call_arrives(
    fake: FakeSlack, client: AsyncWebClient
) -> None:
    async def later() -> None:
        await client.auth_test()
        await client.chat_postMessage(channel="C0SALES", text="card")

    task = asyncio.create_task(later())
    [call] = await fake.wait_for("chat.postMessage")
    assert call.params["text"] == "card"
    await task


async def test_wait_for_reports_what_it_saw_when_nothing_comes(
    fake: FakeSlack, client: AsyncWebClient
) -> None:
    await client.auth_test()
    with pytest.raises(AssertionError, match=r"expected 1 views.open.*auth.test\(ok\)"):
        await fake.wait_for("views.open", timeout=0.05)


# --------------------------------------------------------------------------------------
# payloads and signatures


def test_signatures_verify_and_forgeries_and_replays_do_not() -> None:
    body = payloads.command_body({"command": "/task", "text": "help"})
    now = 1_795_000_000
    verifier = SignatureVerifier("s3cret", clock=type("C", (), {"now": lambda self: now})())
    good = payloads.signed_headers(body, "s3cret", now)
    assert verifier.is_valid_request(body, good)
    assert not verifier.is_valid_request(body, payloads.bad_signature_headers(body, "s3cret", now))
    assert not verifier.is_valid_request(body, payloads.stale_headers(body, "s3cret", now))


async def test_a_slash_command_carries_a_live_trigger_and_response_url(
    fake: FakeSlack, client: AsyncWebClient
) -> None:
    fields = payloads.slash_command(fake, user_id=JANE.id, text="call jane@acme.com")
    assert fields["command"] == ids.COMMAND
    assert fields["response_url"].startswith(fake.url)
    opened = await client.views_open(trigger_id=fields["trigger_id"], view=modal())
    assert opened["ok"]


async def test_a_message_shortcut_points_at_a_real_message(
    fake: FakeSlack, client: AsyncWebClient
) -> None:
    message = fake.add_message("C0SALES", text="Jane wants pricing", user=JANE.id)
    payload = payloads.message_shortcut(fake, user_id=JANE.id, message=message)
    assert payload["type"] == "message_action"
    assert payload["callback_id"] == ids.MESSAGE_SHORTCUT
    link = await client.chat_getPermalink(
        channel=payload["channel"]["id"], message_ts=payload["message_ts"]
    )
    assert link["ok"]


async def test_a_click_on_a_card_comes_with_its_value_and_replaces_the_card(
    fake: FakeSlack,
) -> None:
    card = {
        "text": "card",
        "blocks": [{"type": "actions", "block_id": ids.CARD_ACTIONS_BLOCK, "elements": [
            {"type": "button", "action_id": ids.DONE, "value": "v1",
             "text": {"type": "plain_text", "text": "Done"}}]}],
    }  # fmt: skip
    payload = payloads.block_actions_from_message(
        fake, user_id=JANE.id, message=card, action_id=ids.DONE
    )
    [action] = payload["actions"]
    assert (action["action_id"], action["block_id"], action["value"]) == (
        ids.DONE, ids.CARD_ACTIONS_BLOCK, "v1"
    )  # fmt: skip
    assert "message" not in payload, "ephemeral messages do not come back"
    await AsyncWebhookClient(payload["response_url"]).send(text="done!", replace_original=True)
    assert [m["text"] for m in fake.messages_at(payload["response_url"])] == ["done!"]
    with pytest.raises(AssertionError, match=r"no button 'task\.edit'"):
        payloads.block_actions_from_message(fake, user_id=JANE.id, message=card, action_id=ids.EDIT)


async def test_modal_payloads_carry_state_hash_and_a_push_trigger(
    fake: FakeSlack, client: AsyncWebClient
) -> None:
    contact = {
        "type": "input",
        "block_id": ids.CONTACT_BLOCK,
        "label": {"type": "plain_text", "text": "Contact"},
        "element": {"type": "external_select", "action_id": ids.CONTACT_SELECT},
    }
    view = modal(type_select(), contact, text_input(ids.BODY_BLOCK, ids.BODY_INPUT))
    opened = (await client.views_open(trigger_id=fake.issue_trigger_id(), view=view))["view"]

    changed = payloads.block_actions_from_view(
        fake, user_id=JANE.id, view_id=opened["id"], action_id=ids.TYPE_SELECT, value="Call"
    )
    assert changed["view"]["hash"] == opened["hash"]
    assert changed["actions"][0]["selected_option"]["value"] == "Call"
    assert changed["container"] == {"type": "view", "view_id": opened["id"]}
    pushed = await client.views_push(trigger_id=changed["trigger_id"], view=modal())
    assert pushed["ok"]

    suggestion = payloads.block_suggestion(
        fake, user_id=JANE.id, view_id=opened["id"], action_id=ids.CONTACT_SELECT, typed="jan"
    )
    assert (suggestion["type"], suggestion["value"]) == ("block_suggestion", "jan")

    submitted = payloads.view_submission(
        fake,
        user_id=JANE.id,
        view_id=opened["id"],
        values={ids.CONTACT_SELECT: ("Jane Doe", "42"), ids.BODY_INPUT: "Ask about pricing"},
    )
    state = submitted["view"]["state"]["values"]
    assert state[ids.TYPE_BLOCK][ids.TYPE_SELECT]["selected_option"]["value"] == "Call"
    assert state[ids.CONTACT_BLOCK][ids.CONTACT_SELECT]["selected_option"]["value"] == "42"
    assert state[ids.BODY_BLOCK][ids.BODY_INPUT] == {
        "type": "plain_text_input",
        "value": "Ask about pricing",
    }
    body = payloads.interaction_body(submitted)
    assert body.startswith("payload=%7B")


async def test_the_original_may_be_learnt_after_the_reply_replaced_it(fake: FakeSlack) -> None:
    """A slash command's ack reaches the test after the app may already have responded."""
    url = fake.new_response_url()
    await AsyncWebhookClient(url).send(text="the card", replace_original=True)
    fake.show_original(url, {"text": "⏳ Creating…"})
    assert [m["text"] for m in fake.messages_at(url)] == ["the card"]
