"""`build_app(deps, mode=…)`: the Bolt `AsyncApp`, from explicit settings, with no network.

One app for the three front doors (ARCHITECTURE, "Three front doors, one pipeline"):

    mode        request verification   process_before_response
    "http"      on (signing secret)    False: ack returns at once, work continues
    "socket"    off (Slack skips it)   False
    "console"   off (local payloads)   True: dispatch returns after the listener, so the
                                       console prints the ack before the work it started

Everything Bolt could read from the environment is passed explicitly (ARCHITECTURE rule 2):
the Web API client (token and `SLACK_API_URL` base), the signing secret and the name. Bolt
calls `auth.test` once, on the first request it authorizes, never at build time.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any, Literal

from slack_bolt.async_app import AsyncApp

from bot.listeners import register_all
from bot.listeners._common import send
from bot.listeners._respond import PooledRespond, respond_over
from bot.messages import outcomes as words
from bot.views import error_card
from bot.wiring import ConfigurationError, Dependencies

log = logging.getLogger(__name__)

Mode = Literal["http", "socket", "console"]


def build_app(deps: Dependencies, *, mode: Mode) -> AsyncApp:
    """The AsyncApp with every listener registered. HTTP mode needs `SLACK_SIGNING_SECRET`."""
    secret = deps.settings.slack_signing_secret
    if mode == "http" and secret is None:
        raise ConfigurationError(
            "SLACK_SIGNING_SECRET is not set: HTTP mode verifies every request with it. Copy "
            "it from your Slack app's Basic Information page (App Credentials)."
        )
    http = mode == "http"
    app = AsyncApp(
        name="taskbot",
        client=deps.slack,
        # An explicit "" keeps Bolt from reading SLACK_SIGNING_SECRET itself; it is only
        # used when verification is on, that is, in HTTP mode.
        signing_secret=secret.get_secret_value() if secret is not None else "",
        request_verification_enabled=http,
        ssl_check_enabled=http,
        url_verification_enabled=http,
        process_before_response=mode == "console",
    )
    app.middleware(respond_over(deps.slack_session))
    register_all(app, deps)
    app.error(_unhandled_reporter(deps))
    return app


def _unhandled_reporter(deps: Dependencies) -> Callable[..., Awaitable[None]]:
    async def report_unhandled(error: Exception, body: dict[str, Any]) -> None:
        """A listener raised: log it with its traceback and, when the interaction has a
        response_url, tell the rep (keeping a command's text on 'Open in form'). For a
        command the answer replaces what the command showed (its progress line, if the ack
        went out); a button's message stays, since it may be the task card the rep needs."""
        log.error("listener failed on a %s request", _kind(body), exc_info=error)
        url = body.get("response_url")
        if not isinstance(url, str) or not url:
            return
        command = body.get("text") if body.get("command") else None
        card = error_card(words.UNEXPECTED, command=str(command) if command is not None else None)
        respond = PooledRespond(response_url=url, session=deps.slack_session)
        await send(respond, card, replace=command is not None)

    return report_unhandled


def _kind(body: dict[str, Any]) -> str:
    if body.get("command"):
        return f"{body['command']} command"
    return str(body.get("type") or "Slack")
