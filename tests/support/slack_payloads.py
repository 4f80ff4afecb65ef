"""Requests as Slack sends them to taskbot: payloads, their encodings, and signatures.

Shapes follow Slack's reference (docs.slack.dev/interactivity/…, reference/interaction-payloads)
and bolt-python's scenario-test fixtures. Trigger ids and response_urls are issued by the fake
Slack, so `views.open` accepts them exactly as long as Slack would (3 s, once):

    body = command_body(slash_command(fake, user_id="U1", text="call jane@acme.com tmrw 3pm"))
    headers = signed_headers(body, SECRET, timestamp=int(time.time()))
    await http.post(f"{app_url}/slack/events", content=body, headers=headers)

Slash commands are form fields; every interaction is one form field `payload` holding JSON.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import parse_qsl, urlencode

from slack_sdk.signature import SignatureVerifier

from bot import ids
from bot.console.slack_standin.views import find_element, state_value
from tests.support.fake_slack import FakeSlack

FORM = "application/x-www-form-urlencoded"
STALE_SECONDS = 6 * 60  # slack_sdk refuses timestamps more than 5 minutes away


# --------------------------------------------------------------------------------------
# encodings and signatures


def command_body(fields: Mapping[str, str]) -> str:
    return urlencode(fields)


def interaction_body(payload: Mapping[str, Any]) -> str:
    return urlencode({"payload": json.dumps(payload)})


def decode_body(body: str) -> dict[str, Any]:
    """What a request body carries: an interaction's payload, or a slash command's fields."""
    fields = dict(parse_qsl(body, keep_blank_values=True))
    if "payload" in fields:
        payload: dict[str, Any] = json.loads(fields["payload"])
        return payload
    return fields


def signed_headers(body: str, secret: str, timestamp: int) -> dict[str, str]:
    """Slack's v0 scheme: `v0=HMAC-SHA256(secret, "v0:{timestamp}:{body}")`."""
    signature = SignatureVerifier(secret).generate_signature(timestamp=str(timestamp), body=body)
    return {
        "content-type": FORM,
        "x-slack-request-timestamp": str(timestamp),
        "x-slack-signature": signature,
    }


def bad_signature_headers(body: str, secret: str, timestamp: int) -> dict[str, str]:
    """Signed with another secret: what a forger (or a misconfigured app) sends."""
    return signed_headers(body, secret + "-wrong", timestamp)


def stale_headers(body: str, secret: str, now: int) -> dict[str, str]:
    """Correctly signed, six minutes old: a replayed request."""
    return signed_headers(body, secret, now - STALE_SECONDS)


# --------------------------------------------------------------------------------------
# common parts


def _user(fake: FakeSlack, user_id: str) -> dict[str, str]:
    name = fake.users[user_id].name if user_id in fake.users else user_id.lower()
    return {"id": user_id, "username": name, "name": name, "team_id": fake.team_id}


def _team(fake: FakeSlack) -> dict[str, str]:
    return {"id": fake.team_id, "domain": fake.team_domain}


def _interaction(fake: FakeSlack, kind: str, user_id: str) -> dict[str, Any]:
    return {
        "type": kind,
        "token": "verification-token-deprecated",
        "team": _team(fake),
        "user": _user(fake, user_id),
        "api_app_id": fake.app_id,
        "is_enterprise_install": False,
        "enterprise": None,
    }


# --------------------------------------------------------------------------------------
# slash command


def slash_command(
    fake: FakeSlack,
    *,
    user_id: str,
    text: str,
    channel_id: str = "C0SALES",
    channel_name: str = "sales",
    command: str = ids.COMMAND,
) -> dict[str, str]:
    """Form fields of a slash command (docs.slack.dev/interactivity/implementing-slash-commands)."""
    return {
        "token": "verification-token-deprecated",
        "team_id": fake.team_id,
        "team_domain": fake.team_domain,
        "channel_id": channel_id,
        "channel_name": channel_name,
        "user_id": user_id,
        "user_name": _user(fake, user_id)["username"],
        "command": command,
        "text": text,
        "api_app_id": fake.app_id,
        "is_enterprise_install": "false",
        "response_url": fake.new_response_url(),
        "trigger_id": fake.issue_trigger_id(),
    }


# --------------------------------------------------------------------------------------
# shortcuts


def global_shortcut(
    fake: FakeSlack, *, user_id: str, callback_id: str = ids.GLOBAL_SHORTCUT
) -> dict[str, Any]:
    """No channel and no response_url: global shortcuts carry neither."""
    return {
        **_interaction(fake, "shortcut", user_id),
        "callback_id": callback_id,
        "trigger_id": fake.issue_trigger_id(),
        "action_ts": fake.new_ts(),
    }


def message_shortcut(
    fake: FakeSlack,
    *,
    user_id: str,
    message: Mapping[str, Any],
    channel_id: str = "C0SALES",
    channel_name: str = "sales",
    callback_id: str = ids.MESSAGE_SHORTCUT,
) -> dict[str, Any]:
    """`message` comes from `fake.add_message(...)`, so chat.getPermalink knows it."""
    return {
        **_interaction(fake, "message_action", user_id),
        "callback_id": callback_id,
        "trigger_id": fake.issue_trigger_id(),
        "response_url": fake.new_response_url(),
        "message_ts": message["ts"],
        "message": dict(message),
        "channel": {"id": channel_id, "name": channel_name},
        "action_ts": fake.new_ts(),
    }


# --------------------------------------------------------------------------------------
# block_actions


def _button(blocks: Sequence[Mapping[str, Any]], action_id: str) -> tuple[str | None, Any]:
    for block in blocks:
        candidates = [block.get("accessory"), *block.get("elements", [])]
        for element in candidates:
            if isinstance(element, Mapping) and element.get("action_id") == action_id:
                return block.get("block_id"), element
    known = [
        e.get("action_id")
        for b in blocks
        for e in [b.get("accessory"), *b.get("elements", [])]
        if isinstance(e, Mapping)
    ]
    raise AssertionError(f"no button {action_id!r} on this message; it has {known}")


def block_actions_from_message(
    fake: FakeSlack,
    *,
    user_id: str,
    message: Mapping[str, Any],
    action_id: str,
    channel_id: str = "C0SALES",
    ephemeral: bool = True,
) -> dict[str, Any]:
    """A click on a button of a message taskbot sent (`message` holds its `blocks`).

    Ephemeral messages come back without `message` (Slack does not send it), so listeners
    must rely on the button's value; the response_url's original is this message, so a
    `replace_original` post replaces it."""
    blocks = message.get("blocks") or []
    block_id, element = _button(blocks, action_id)
    ts = str(message.get("ts") or fake.new_ts())
    action = {
        "type": element["type"],
        "action_id": action_id,
        "block_id": block_id,
        "text": element.get("text"),
        "value": element.get("value"),
        "action_ts": fake.new_ts(),
    }
    if element.get("style"):
        action["style"] = element["style"]
    payload: dict[str, Any] = {
        **_interaction(fake, "block_actions", user_id),
        "container": {
            "type": "message",
            "message_ts": ts,
            "channel_id": channel_id,
            "is_ephemeral": ephemeral,
        },
        "trigger_id": fake.issue_trigger_id(),
        "channel": {"id": channel_id, "name": "sales"},
        "state": {"values": {}},
        "response_url": fake.new_response_url(original=message),
        "actions": [action],
    }
    if not ephemeral:
        payload["message"] = {"type": "message", "ts": ts, **dict(message)}
    return payload


def block_actions_from_view(
    fake: FakeSlack, *, user_id: str, view_id: str, action_id: str, value: Any = None
) -> dict[str, Any]:
    """A person changes `action_id` in an open modal to `value` (a select with
    dispatch_action, a button, …); the view in the payload carries the state and hash."""
    view = fake.views[view_id]
    block_id, element = find_element(view, action_id)
    action: dict[str, Any] = {"action_id": action_id, "block_id": block_id}
    if element["type"] == "button":
        action.update(type="button", text=element.get("text"), value=element.get("value"))
    else:
        fake.fill(view_id, {action_id: value})
        action.update(state_value(element, value))
    action["action_ts"] = fake.new_ts()
    return {
        **_interaction(fake, "block_actions", user_id),
        "container": {"type": "view", "view_id": view_id},
        "trigger_id": fake.issue_trigger_id(from_view=view_id),
        "view": json.loads(json.dumps(view)),
        "actions": [action],
    }


def view_submission(
    fake: FakeSlack, *, user_id: str, view_id: str, values: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The rep presses Submit after typing `values` (by action_id) into the modal."""
    if values:
        fake.fill(view_id, values)
    return {
        **_interaction(fake, "view_submission", user_id),
        "trigger_id": fake.issue_trigger_id(from_view=view_id),
        "view": json.loads(json.dumps(fake.views[view_id])),
        "response_urls": [],
    }


def block_suggestion(
    fake: FakeSlack, *, user_id: str, view_id: str, action_id: str, typed: str
) -> dict[str, Any]:
    """An external_select asks for options: `typed` is what the person typed so far."""
    view = fake.views[view_id]
    block_id, element = find_element(view, action_id)
    if not element["type"].endswith("external_select"):
        raise AssertionError(f"{action_id} is a {element['type']}, not an external select")
    return {
        **_interaction(fake, "block_suggestion", user_id),
        "container": {"type": "view", "view_id": view_id},
        "action_id": action_id,
        "block_id": block_id,
        "value": typed,
        "view": json.loads(json.dumps(view)),
    }
