"""`respond` over one shared aiohttp session, so response_url posts reuse their connections.

Bolt's `AsyncRespond` makes a new `AsyncWebhookClient` without a session for every post, and
slack_sdk then opens (and closes) an `aiohttp.ClientSession` per request: a DNS lookup in a
thread, a new TCP connection and, against hooks.slack.com, a TLS handshake for every card.
That was a sixth of taskbot's CPU per `/task` at 100 commands/s (tests/bench/command_cpu.py).
`PooledRespond` is the same callable on the session taskbot already keeps open for the Web
API (`bot.wiring`), whose connector keeps connections alive between posts.

    app.middleware(respond_over(session))      # every listener's `respond` is pooled
    await PooledRespond(response_url=url, session=session)(text="…", replace_original=True)
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import aiohttp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond

# Bolt's own message builder (slack-bolt is pinned to one minor version in pyproject), so a
# pooled post sends exactly the body `AsyncRespond` would.
from slack_bolt.context.respond.internals import _build_message
from slack_sdk.webhook.async_client import AsyncWebhookClient
from slack_sdk.webhook.webhook_response import WebhookResponse

Middleware = Callable[[AsyncBoltContext, Callable[[], Awaitable[None]]], Awaitable[None]]


class PooledRespond(AsyncRespond):
    """Bolt's `respond()` for one response_url, posting over `session` (which the caller
    owns and closes)."""

    def __init__(self, *, response_url: str | None, session: aiohttp.ClientSession) -> None:
        super().__init__(response_url=response_url)
        self._session = session

    async def __call__(  # noqa: PLR0917 - AsyncRespond's signature, unchanged
        self,
        text: str | dict[str, Any] = "",
        blocks: Sequence[dict[str, Any] | Any] | None = None,
        attachments: Sequence[dict[str, Any] | Any] | None = None,
        response_type: str | None = None,
        replace_original: bool | None = None,
        delete_original: bool | None = None,
        unfurl_links: bool | None = None,
        unfurl_media: bool | None = None,
        thread_ts: str | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> WebhookResponse:
        if self.response_url is None:
            # Bolt's words, for a listener whose request carried no response_url.
            raise ValueError("respond is unsupported here as there is no response_url")
        if isinstance(text, dict):
            message = _build_message(**text)
        else:
            message = _build_message(
                text=text,
                blocks=blocks,
                attachments=attachments,
                response_type=response_type,
                replace_original=replace_original,
                delete_original=delete_original,
                unfurl_links=unfurl_links,
                unfurl_media=unfurl_media,
                thread_ts=thread_ts,
                metadata=metadata,
            )
        client = AsyncWebhookClient(url=self.response_url, session=self._session)
        return await client.send_dict(message)


def respond_over(session: aiohttp.ClientSession) -> Middleware:
    """A global Bolt middleware giving every request with a response_url a `PooledRespond`
    (Bolt builds `context.respond` only when none is set, slack_bolt.context.async_context)."""

    async def pooled_respond(
        context: AsyncBoltContext, next_: Callable[[], Awaitable[None]]
    ) -> None:
        if context.response_url is not None:
            context["respond"] = PooledRespond(response_url=context.response_url, session=session)
        await next_()

    return pooled_respond
