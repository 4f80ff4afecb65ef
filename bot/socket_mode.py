"""Socket Mode: connect, serve until SIGINT/SIGTERM, then disconnect, drain, close.

    exit_code = await serve_socket_mode(settings, err=sys.stderr)     # `taskbot socket`

Bolt's AsyncSocketModeHandler (aiohttp) carries the requests; `AckOrderedHandler` adds one
thing: each request's Bolt context gets an event set once its answer has gone back over the
socket (`bot.background.ACK_DELIVERED`), so a card never overtakes the ack it replaces.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import time
from typing import TextIO

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.adapter.socket_mode.async_internals import send_async_response
from slack_bolt.adapter.socket_mode.internals import build_headers
from slack_bolt.async_app import AsyncBoltRequest
from slack_sdk.errors import SlackApiError
from slack_sdk.socket_mode.aiohttp import SocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest

from bot.app import build_app
from bot.background import ACK_DELIVERED
from bot.gc_policy import tune_for_serving
from bot.settings import Settings
from bot.wiring import open_dependencies

log = logging.getLogger(__name__)

CONFIGURATION = 2

_HINTS = {
    "invalid_auth": "a token is wrong or was revoked",
    "not_authed": "a token is missing",
    "account_inactive": "the app or workspace was deactivated",
    "token_revoked": "a token was revoked",
}


class AckOrderedHandler(AsyncSocketModeHandler):
    """Bolt's handler, with the ack-delivered event in every request's context (the same
    steps as `AsyncSocketModeHandler.handle`: dispatch, then answer the envelope)."""

    async def handle(self, client: SocketModeClient, req: SocketModeRequest) -> None:  # type: ignore[override]
        started = time.time()
        delivered = asyncio.Event()
        request = AsyncBoltRequest(
            mode="socket_mode",
            body=req.payload,
            headers=build_headers(req),
            context={ACK_DELIVERED: delivered},
        )
        response = await self.app.async_dispatch(request)
        try:
            await send_async_response(client, req, response, started)
        finally:
            delivered.set()


async def serve_socket_mode(settings: Settings, *, err: TextIO) -> int:
    """Serve Slack over Socket Mode until SIGINT or SIGTERM; 0, or 2 when Slack refuses the
    tokens (one line on `err`)."""
    assert settings.slack_app_token is not None
    async with open_dependencies(settings) as deps:
        app = build_app(deps, mode="socket")
        handler = AckOrderedHandler(app, app_token=settings.slack_app_token.get_secret_value())
        try:
            identity = await deps.slack.auth_test()
            await handler.connect_async()  # type: ignore[no-untyped-call]  # untyped in Bolt
        except SlackApiError as exc:
            err.write(f"taskbot socket: Slack refused the connection: {slack_error(exc)}\n")
            await handler.close_async()  # type: ignore[no-untyped-call]  # untyped in Bolt
            return CONFIGURATION
        tune_for_serving()  # connected: start-up is over (bot.gc_policy)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        reply = "the embedded Reply sandbox" if deps.in_sandbox else deps.reply.base_url
        log.info(
            "connected to Slack workspace %s as %s over Socket Mode; Reply: %s",
            identity.get("team"),
            identity.get("user"),
            reply,
        )
        try:
            await stop.wait()
        finally:
            for signum in (signal.SIGINT, signal.SIGTERM):
                loop.remove_signal_handler(signum)
            log.info("disconnecting; finishing work already started")
            await handler.close_async()  # type: ignore[no-untyped-call]  # untyped in Bolt
    return 0


def slack_error(exc: SlackApiError) -> str:
    """Slack's error code, with what it usually means for these tokens."""
    error = exc.response.get("error") if exc.response is not None else None
    if error in _HINTS:
        return f"{error} ({_HINTS[error]}: check SLACK_BOT_TOKEN and SLACK_APP_TOKEN)"
    return str(error or exc)
