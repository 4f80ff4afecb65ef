"""`/task`: ack at once, create after; `/task` alone opens the form.

0. Nothing typed: ack, then open the task form (`_ways_in.open_blank`) while the trigger id is
   fresh; its card comes back through this command's response_url.
1. The rep's zone and locale (users.info, cached; never waited on for more than
   `deps.profile_wait`), then the grammar (pure, about a millisecond).
2. `ack()` within Slack's 3 s (slack-notes §2.2), with one of: help or nothing typed → the
   usage card; something missing or unreadable → what is missing, with 'Open in form'
   carrying the text; otherwise the progress line ("⏳ Creating a call task for jane@acme.com…").
3. Only in the last case the slow part (contact lookup, create, read back) runs in a tracked
   background task (`bot.background`), and its card replaces the progress line through the
   command's response_url, once the ack has left (`bot.background.ACK_DELIVERED`).
"""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond

from bot import ids
from bot.background import ACK_DELIVERED
from bot.forms import Origin
from bot.listeners._common import create_in_background, first_answer
from bot.listeners._ways_in import open_blank
from bot.wiring import Dependencies


def register(app: AsyncApp, deps: Dependencies) -> None:
    @app.command(ids.COMMAND)
    async def task_command(
        ack: AsyncAck,
        command: dict[str, Any],
        respond: AsyncRespond,
        context: AsyncBoltContext,
    ) -> None:
        text, user_id = str(command.get("text") or ""), str(command["user_id"])
        if not text.strip():
            await ack()
            await open_blank(
                deps,
                user_id=user_id,
                trigger_id=str(command["trigger_id"]),
                origin=Origin.COMMAND,
                respond=respond,
                channel_id=command.get("channel_id") or None,
                response_url=command.get("response_url") or None,
            )
            return
        answer = await first_answer(deps, text=text, user_id=user_id)
        await ack(**answer.card.message())
        if answer.draft is not None:
            await create_in_background(
                deps,
                respond,
                draft=answer.draft,
                command=text,
                owner=user_id,
                tz=answer.tz,
                ack_delivered=context.get(ACK_DELIVERED),
                note=answer.zone_note,
            )
