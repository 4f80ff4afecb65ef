"""Options for the form's contact select (`block_suggestion` for `ids.CONTACT_SELECT`).

Slack asks as the rep types (from the select's `min_query_length`) and wants the answer within
3 s, at most 100 options (slack-notes §2.3). The search (`bot.service.directory`) is cached
briefly and bounded by `deps.search_wait`: when Reply is slower, the answer is what is
already known, and the next keystroke asks again. Text that is itself usable (an email,
`#12345`, a LinkedIn URL) comes first as "✉️ Use …" when no result already is it.
"""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck

from bot import ids
from bot.views.modal import contact_options
from bot.wiring import Dependencies


def register(app: AsyncApp, deps: Dependencies) -> None:
    @app.options(ids.CONTACT_SELECT)
    async def contact_choices(ack: AsyncAck, payload: dict[str, Any]) -> None:
        typed = str(payload.get("value") or "")
        found = await deps.service.contacts.search(typed, wait=deps.search_wait)
        await ack(options=contact_options(typed, found.contacts))
