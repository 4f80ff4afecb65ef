"""Shortcuts declared in manifest.yml: "Create Reply task", global (⚡ menu) and on a message.

Both open the task form at once (`_ways_in`). A global shortcut carries no channel and no
response_url (slack-notes §2.4), so its card goes to the rep's DM with the app; a message
shortcut fills the body with the message and its link, and its card goes back to the
message's channel — into its thread when the message is in one (slash commands cannot be
used in threads; this shortcut can).
"""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond

from bot import ids
from bot.forms import Origin
from bot.listeners._ways_in import open_blank, open_from_message
from bot.wiring import Dependencies


def register(app: AsyncApp, deps: Dependencies) -> None:
    @app.shortcut(ids.GLOBAL_SHORTCUT)
    async def global_shortcut(ack: AsyncAck, shortcut: dict[str, Any]) -> None:
        await ack()
        await open_blank(
            deps,
            user_id=str(shortcut["user"]["id"]),
            trigger_id=str(shortcut["trigger_id"]),
            origin=Origin.GLOBAL_SHORTCUT,
            respond=None,
        )

    @app.shortcut(ids.MESSAGE_SHORTCUT)
    async def message_shortcut(
        ack: AsyncAck, shortcut: dict[str, Any], respond: AsyncRespond
    ) -> None:
        await ack()
        await open_from_message(deps, shortcut, respond)
