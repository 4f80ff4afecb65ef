"""HTTP mode: an ASGI app (Starlette) serving Slack's requests, for uvicorn or any ASGI server.

    POST /slack/events   every Slack request (commands, interactivity, options), signed;
                         handed to Bolt's Starlette adapter (the async one: the sync adapters
                         block the event loop until the ack, slack-notes §2.7)
    GET  /healthz        200 {"status": "ok", ...} once dependencies are open; 503 before

The lifespan opens the dependencies (`bot.wiring`) and builds the Bolt app on startup, and on
shutdown stops taking background work, drains it, and closes the clients. So the app object
itself does no work until a server starts it:

    asgi = create_http_app(settings)                       # explicit settings (tests, bench)
    uvicorn bot.http:app_from_environment --factory        # settings from the environment
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass

from slack_bolt.adapter.starlette.async_handler import AsyncSlackRequestHandler
from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bot import __version__
from bot.app import build_app
from bot.background import ACK_DELIVERED
from bot.gc_policy import tune_for_serving
from bot.settings import Settings, load_settings
from bot.wiring import Dependencies, open_dependencies

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"

OpenDependencies = Callable[[Settings], AbstractAsyncContextManager[Dependencies]]


@dataclass
class _Running:
    """What the lifespan opened; empty until startup finished."""

    deps: Dependencies | None = None
    handler: AsyncSlackRequestHandler | None = None


def create_http_app(
    settings: Settings,
    *,
    dependencies: OpenDependencies | None = None,
    tune_gc: bool = False,
) -> Starlette:
    """The ASGI app for `settings`. `dependencies` opens them (default `open_dependencies`
    with the settings alone); tests pass one that injects a sandbox, a fake Slack, a clock.
    `tune_gc`: the process is taskbot's server, so tune its garbage collector once started
    (`bot.gc_policy`); `taskbot http` and `app_from_environment` do."""
    opener: OpenDependencies = dependencies or open_dependencies
    running = _Running()

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        async with opener(settings) as deps:
            running.deps = deps
            running.handler = AsyncSlackRequestHandler(build_app(deps, mode="http"))
            if tune_gc:
                tune_for_serving()
            reply = "the embedded Reply sandbox" if deps.in_sandbox else deps.reply.base_url
            log.info("taskbot %s serving Slack at %s, Reply: %s", __version__, EVENTS_PATH, reply)
            try:
                yield
            finally:
                running.handler = None
                log.info("taskbot stopping: finishing work already started")
        running.deps = None

    async def events(request: Request) -> Response:
        if running.handler is None:
            return JSONResponse({"error": "taskbot is not running"}, status_code=503)
        delivered = asyncio.Event()
        response = await running.handler.handle(
            request, addition_context_properties={ACK_DELIVERED: delivered}
        )
        # Starlette runs a response's background task once the body has been sent. An async
        # function, because Starlette hands a plain one to a worker thread (run_in_threadpool):
        # a thread hop per request, and asyncio.Event is not thread-safe (asyncio docs,
        # "Synchronization Primitives": not thread-safe).
        response.background = BackgroundTask(_mark_sent, delivered)
        return response

    async def health(_: Request) -> Response:
        deps = running.deps
        if deps is None or running.handler is None:
            return JSONResponse({"status": "starting"}, status_code=503)
        return JSONResponse(
            {
                "status": "ok",
                "version": __version__,
                "reply": "sandbox" if deps.in_sandbox else "reply",
                "background": deps.background.pending,
            }
        )

    return Starlette(
        routes=[
            Route(EVENTS_PATH, events, methods=["POST"]),
            Route(HEALTH_PATH, health, methods=["GET"]),
        ],
        lifespan=lifespan,
    )


async def _mark_sent(delivered: asyncio.Event) -> None:
    delivered.set()


def app_from_environment() -> Starlette:
    """uvicorn's `--factory` entry: one app per worker process, from the environment (a
    worker is a new process: its logging is set up here too)."""
    from bot.runners import configure_logging  # noqa: PLC0415 - runners import this module

    settings = load_settings()
    configure_logging(settings, sys.stderr)
    return create_http_app(settings, tune_gc=True)
