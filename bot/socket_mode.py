"""Socket Mode: connect, serve until SIGINT/SIGTERM, then disconnect, drain, close.

    exit_code = await serve_socket_mode(settings, err=sys.stderr, tune_gc=True)  # `taskbot socket`

Bolt's AsyncSocketModeHandler (aiohttp) carries the requests; `AckOrderedHandler` adds two
things: each request's Bolt context gets an event set once its answer has gone back over the
socket (`bot.background.ACK_DELIVERED`), so a card never overtakes the ack it replaces; and
shutdown answers the requests already received before it closes the socket.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import time
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from typing import TextIO

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.adapter.socket_mode.async_internals import send_async_response
from slack_bolt.adapter.socket_mode.internals import build_headers
from slack_bolt.async_app import AsyncApp, AsyncBoltRequest
from slack_sdk.errors import SlackApiError
from slack_sdk.socket_mode.async_client import AsyncBaseSocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest

from bot.app import build_app
from bot.background import ACK_DELIVERED
from bot.gc_policy import tune_for_serving
from bot.settings import Settings
from bot.wiring import Dependencies, open_dependencies

log = logging.getLogger(__name__)

CONFIGURATION = 2

ANSWER_DEADLINE = 3.0
"""Seconds Slack waits for a request's answer (slack-notes §2.2): how long shutdown lets the
requests already received finish before the socket closes."""

OpenDependencies = Callable[[Settings], AbstractAsyncContextManager[Dependencies]]

_HINTS = {
    "invalid_auth": "a token is wrong or was revoked",
    "not_authed": "a token is missing",
    "account_inactive": "the app or workspace was deactivated",
    "token_revoked": "a token was revoked",
}


class AckOrderedHandler(AsyncSocketModeHandler):
    """Bolt's handler, with the ack-delivered event in every request's context (the same
    steps as `AsyncSocketModeHandler.handle`: dispatch, then answer the envelope), counting
    the requests not answered yet so shutdown can wait for them (`finish_answering`)."""

    def __init__(self, app: AsyncApp, *, app_token: str) -> None:
        super().__init__(app, app_token=app_token)
        self._unanswered = 0
        self._all_answered = asyncio.Event()
        self._all_answered.set()

    async def handle(self, client: AsyncBaseSocketModeClient, req: SocketModeRequest) -> None:
        self._unanswered += 1
        self._all_answered.clear()
        try:
            await self._dispatch_and_answer(client, req)
        finally:
            self._unanswered -= 1
            if not self._unanswered:
                self._all_answered.set()

    async def finish_answering(self, timeout: float) -> bool:  # noqa: ASYNC109 - a shutdown bound
        """Wait until every request received so far is answered; False if `timeout` seconds
        passed first. Closing the socket earlier would drop their acks: Slack shows the rep
        an error, and a command's progress line never appears."""
        try:
            async with asyncio.timeout(timeout):
                await self._all_answered.wait()
        except TimeoutError:
            return False
        return True

    async def _dispatch_and_answer(
        self, client: AsyncBaseSocketModeClient, req: SocketModeRequest
    ) -> None:
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


async def serve_socket_mode(
    settings: Settings,
    *,
    err: TextIO,
    dependencies: OpenDependencies | None = None,
    stop: asyncio.Event | None = None,
    tune_gc: bool = False,
) -> int:
    """Serve Slack over Socket Mode until SIGINT or SIGTERM; 0, or 2 when Slack refuses the
    tokens (one line on `err`).

    As `bot.http.create_http_app`: `dependencies` opens them (default `open_dependencies`);
    `tune_gc` when the process is taskbot's server (`taskbot socket`), not a program or test
    that embeds it. `stop`: serve until it is set instead of installing signal handlers."""
    assert settings.slack_app_token is not None
    opener: OpenDependencies = dependencies or open_dependencies
    async with opener(settings) as deps:
        app = build_app(deps, mode="socket")
        handler = AckOrderedHandler(app, app_token=settings.slack_app_token.get_secret_value())
        try:
            identity = await deps.slack.auth_test()
            # slack_sdk's connect() retries a refused apps.connections.open forever, logging a
            # traceback each time, so a wrong or revoked app token would hang here: ask for
            # the first URL ourselves (connect() uses it) and let Slack's refusal through.
            handler.client.wss_uri = await handler.client.issue_new_wss_url()
            await handler.connect_async()  # type: ignore[no-untyped-call]  # untyped in Bolt
        except SlackApiError as exc:
            err.write(f"taskbot socket: Slack refused the connection: {slack_error(exc)}\n")
            await handler.close_async()  # type: ignore[no-untyped-call]  # untyped in Bolt
            return CONFIGURATION
        if tune_gc:
            tune_for_serving()  # connected: start-up is over (bot.gc_policy)
        signals = (signal.SIGINT, signal.SIGTERM) if stop is None else ()
        stop = stop or asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in signals:
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
            for signum in signals:
                loop.remove_signal_handler(signum)
            log.info("disconnecting; finishing work already started")
            if not await handler.finish_answering(ANSWER_DEADLINE):
                log.warning(
                    "closing the socket with Slack requests unanswered after %.0f s",
                    ANSWER_DEADLINE,
                )
            await handler.close_async()  # type: ignore[no-untyped-call]  # untyped in Bolt
    return 0


def slack_error(exc: SlackApiError) -> str:
    """Slack's error code, with what it usually means for these tokens."""
    error = exc.response.get("error") if exc.response is not None else None
    if error in _HINTS:
        return f"{error} ({_HINTS[error]}: check SLACK_BOT_TOKEN and SLACK_APP_TOKEN)"
    return str(error or exc)
