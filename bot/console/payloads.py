"""The payloads Slack would send for what the console user did, in Socket Mode's shape
(a dict: the slash command's form fields, or the interaction JSON).

Shapes follow Slack's reference (docs.slack.dev/interactivity/implementing-slash-commands,
reference/interaction-payloads/block-actions-payload). Trigger ids and response_urls come
from the stand-in, so they behave as Slack's do (3 s and single use; 5 posts in 30 minutes).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from bot import ids
from bot.console.slack_standin import SlackStandIn, SlackUser
from bot.views import ConsoleButton

CONSOLE_CHANNEL_NAME = "directmessage"


def console_channel(user: SlackUser) -> str:
    """The console talks in the user's DM with the app (Slack's `D…` ids)."""
    return "D" + user.id[1:]


def slash_command(
    standin: SlackStandIn, user: SlackUser, text: str, *, response_url: str
) -> dict[str, str]:
    """The form fields of `/task text`, as Socket Mode delivers them (`payload` of a
    `slash_commands` envelope)."""
    return {
        "token": "console",
        "team_id": standin.team_id,
        "team_domain": standin.team_domain,
        "channel_id": console_channel(user),
        "channel_name": CONSOLE_CHANNEL_NAME,
        "user_id": user.id,
        "user_name": user.name,
        "command": ids.COMMAND,
        "text": text,
        "api_app_id": standin.app_id,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": standin.issue_trigger_id(),
    }


def _person(standin: SlackStandIn, user: SlackUser, kind: str) -> dict[str, Any]:
    """What every interaction payload says about who acted, where (the `type` is `kind`)."""
    return {
        "type": kind,
        "token": "console",
        "team": {"id": standin.team_id, "domain": standin.team_domain},
        "user": {
            "id": user.id,
            "username": user.name,
            "name": user.name,
            "team_id": standin.team_id,
        },
        "api_app_id": standin.app_id,
        "is_enterprise_install": False,
        "enterprise": None,
    }


def button_click(
    standin: SlackStandIn,
    user: SlackUser,
    pressed: ConsoleButton,
    *,
    message: Mapping[str, Any],
    response_url: str,
) -> dict[str, Any]:
    """A `block_actions` payload for a click on `pressed`, a button of the ephemeral
    `message` (Slack sends no `message` for ephemeral ones: listeners rely on the value)."""
    action: dict[str, Any] = {
        "type": "button",
        "action_id": pressed.action_id,
        "block_id": pressed.block_id,
        "text": {"type": "plain_text", "text": pressed.label, "emoji": True},
        "action_ts": standin.new_ts(),
    }
    if pressed.value is not None:
        action["value"] = pressed.value
    channel = console_channel(user)
    return {
        **_person(standin, user, "block_actions"),
        "container": {
            "type": "message",
            "message_ts": str(message.get("ts") or standin.new_ts()),
            "channel_id": channel,
            "is_ephemeral": True,
        },
        "trigger_id": standin.issue_trigger_id(),
        "channel": {"id": channel, "name": CONSOLE_CHANNEL_NAME},
        "state": {"values": {}},
        "response_url": response_url,
        "actions": [action],
    }


# --------------------------------------------------------------------------------------
# The task form (docs.slack.dev/reference/interaction-payloads/view-interactions-payload,
# block-suggestion-payload; shortcuts-payload)


def _view_copy(view: Mapping[str, Any]) -> dict[str, Any]:
    """The view as a payload carries it (a copy: the stand-in keeps changing its own)."""
    copied: dict[str, Any] = json.loads(json.dumps(view))
    return copied


def global_shortcut(standin: SlackStandIn, user: SlackUser) -> dict[str, Any]:
    """The ⚡ shortcut "Create Reply task": no channel, no response_url."""
    return {
        **_person(standin, user, "shortcut"),
        "callback_id": ids.GLOBAL_SHORTCUT,
        "trigger_id": standin.issue_trigger_id(),
        "action_ts": standin.new_ts(),
    }


def view_action(
    standin: SlackStandIn,
    user: SlackUser,
    view: Mapping[str, Any],
    action: Mapping[str, Any],
) -> dict[str, Any]:
    """`block_actions` from inside a modal (a select with dispatch_action was changed);
    `action` is the element's new state plus its action_id and block_id."""
    return {
        **_person(standin, user, "block_actions"),
        "container": {"type": "view", "view_id": view["id"]},
        "trigger_id": standin.issue_trigger_id(from_view=str(view["id"])),
        "view": _view_copy(view),
        "actions": [{**action, "action_ts": standin.new_ts()}],
    }


def block_suggestion(
    standin: SlackStandIn,
    user: SlackUser,
    view: Mapping[str, Any],
    *,
    action_id: str,
    block_id: str,
    typed: str,
) -> dict[str, Any]:
    """An external select asks for options: `typed` is what the person typed so far."""
    return {
        **_person(standin, user, "block_suggestion"),
        "container": {"type": "view", "view_id": view["id"]},
        "action_id": action_id,
        "block_id": block_id,
        "value": typed,
        "view": _view_copy(view),
    }


def view_submission(
    standin: SlackStandIn, user: SlackUser, view: Mapping[str, Any]
) -> dict[str, Any]:
    """The person pressed the modal's submit button."""
    return {
        **_person(standin, user, "view_submission"),
        "trigger_id": standin.issue_trigger_id(from_view=str(view["id"])),
        "view": _view_copy(view),
        "response_urls": [],
    }
