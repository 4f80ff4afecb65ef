"""The payloads Slack would send for what the console user did, in Socket Mode's shape
(a dict: the slash command's form fields, or the interaction JSON).

Shapes follow Slack's reference (docs.slack.dev/interactivity/implementing-slash-commands,
reference/interaction-payloads/block-actions-payload). Trigger ids and response_urls come
from the stand-in, so they behave as Slack's do (3 s and single use; 5 posts in 30 minutes).
"""

from __future__ import annotations

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
        "type": "block_actions",
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
