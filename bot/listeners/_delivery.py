"""Where a form's card goes once Reply has answered: back where the rep started.

    await deliver_to_origin(deps, meta, card)

`private_metadata` (`FormMetadata`) says where that is (issue 5; slack-notes §2.4):

    origin                  posted through               replaces
    /task alone             the command's response_url   —   (a new ephemeral message)
    message shortcut        its response_url, in the     —
                            message's thread if it had one
    Open in form            the clicked card's URL       the card that offered the form
    ✏️ Edit                 the clicked card's URL       the task's card (now up to date)
    global shortcut         —  (none exists)             the rep's DM with the app instead

A response_url takes 5 posts within 30 minutes, and a rep may keep a form open longer; when
Slack refuses the post (or there is no URL), the card goes to the rep's DM with the app
(`chat.postMessage` to the user id, scope `chat:write`), so it is never lost.
"""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError

from bot.forms import FormMetadata, Origin
from bot.listeners._common import send
from bot.listeners._respond import PooledRespond
from bot.views import Card
from bot.wiring import Dependencies

log = logging.getLogger(__name__)

_REPLACES = frozenset({Origin.CARD_EDIT, Origin.OPEN_IN_FORM})


async def deliver_to_origin(
    deps: Dependencies, meta: FormMetadata, card: Card, *, replace: bool | None = None
) -> None:
    """Show `card` where the form was opened from (see the module); `replace` overrides
    whether it replaces the message the form came from."""
    if meta.response_url:
        respond = PooledRespond(response_url=meta.response_url, session=deps.slack_session)
        replacing = meta.origin in _REPLACES if replace is None else replace
        if await send(respond, card, replace=replacing, thread_ts=meta.thread_ts):
            return
        log.info("the form's response_url refused the card; sending it to %s's DM", meta.user_id)
    await direct_message(deps, meta.user_id, card)


async def direct_message(deps: Dependencies, user_id: str, card: Card) -> bool:
    """`card` in the rep's DM with the app (a user id as channel: no `im:write` needed)."""
    return await post_message(deps, user_id, card) is None


async def post_message(deps: Dependencies, channel: str, card: Card) -> str | None:
    """`card` posted by the bot in `channel` (a user id: their DM with the app); None, or
    Slack's error (logged), e.g. `not_in_channel` where the bot is not a member."""
    try:
        await deps.slack.chat_postMessage(channel=channel, **card.message())
    except SlackApiError as error:
        reason = str(error.response.get("error") or "unknown_error")
        log.error("could not post a card in %s: %s", channel, reason)
        return reason
    return None
