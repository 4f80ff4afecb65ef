"""Shortcuts declared in manifest.yml: "Create Reply task", global (⚡ menu) and on a message.

Both open the task form, which ships with issue 5. Until then each is acked and answered with
a short note pointing at `/task`, so a rep who finds the shortcut gets words, not Slack's
"dispatch_failed". A global shortcut carries no response_url (slack-notes §2.4), so its
note goes to the rep's DM with the app (`chat.postMessage` with the user id as channel);
a message shortcut answers ephemerally through its response_url.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot import ids
from bot.listeners._common import deliver
from bot.messages import outcomes as words
from bot.views import error_card
from bot.wiring import Dependencies

log = logging.getLogger(__name__)


def register(app: AsyncApp, deps: Dependencies) -> None:
    @app.shortcut(ids.GLOBAL_SHORTCUT)
    async def global_shortcut(
        ack: AsyncAck, shortcut: dict[str, Any], client: AsyncWebClient
    ) -> None:
        await ack()
        card = error_card(words.SHORTCUT_NOT_YET)
        try:
            await client.chat_postMessage(channel=str(shortcut["user"]["id"]), **card.message())
        except SlackApiError as error:
            log.error("could not answer the global shortcut: %s", error.response.get("error"))

    @app.shortcut(ids.MESSAGE_SHORTCUT)
    async def message_shortcut(ack: AsyncAck, respond: AsyncRespond) -> None:
        await ack()
        await deliver(respond, error_card(words.SHORTCUT_NOT_YET), replace=False)
