"""Dependencies and their lifecycle: one of each client per process, opened and closed together.

    async with open_dependencies(settings) as deps:
        app = build_app(deps, mode="http")
        ...
    # on exit: no new background work, running work drained, clients closed

What is created (nothing at import, nothing in `build_app`):

* ONE `ReplyClient` (one pooled httpx client): with no `REPLY_API_KEY`, over the embedded
  sandbox's in-process transport (`Sandbox.create(db=TASKBOT_SANDBOX_DB)`); otherwise Reply at
  `REPLY_API_BASE_URL` in the configured dialect.
* ONE `AsyncWebClient` for Slack's Web API at `SLACK_API_URL`, on one aiohttp session (without
  one, slack_sdk opens a session, and a connection, per call); response_url posts use it too.
* The `UserDirectory` (users.info cache), `Background` (work after the ack), the clock, the
  `/task` parser, and the `TaskService` over the client.

Tests inject what they control: a sandbox they push faults into, any Reply transport, the
Slack API URL and token of a fake, a clock, a retry policy, a parser.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from typing import Protocol

import aiohttp
import httpx
from pydantic import SecretStr
from slack_sdk.web.async_client import AsyncWebClient

from bot.background import Background
from bot.clock import Clock, system_clock
from bot.domain import TaskDraft
from bot.parsing import parse_command
from bot.parsing.dates import DateContext
from bot.reply.client import SANDBOX_KEY, ReplyClient
from bot.reply.retry import RetryPolicy
from bot.reply.sandbox import Sandbox
from bot.service import TaskService
from bot.settings import Settings
from bot.slack_retries import slack_retry_handlers
from bot.users import UserDirectory

log = logging.getLogger(__name__)

SANDBOX_BASE_URL = "http://reply-sandbox"
"""Base URL of the embedded sandbox (its transport is in process: the host is never resolved)."""

DRAIN_SECONDS = 10.0
"""How long shutdown waits for work started after an ack (a card on its way) before cancelling."""


class ParsedCommand(Protocol):
    """What the `/task` grammar gives back (`bot.parsing.ParsedCommand`), as far as the
    Slack side relies on it."""

    @property
    def draft(self) -> TaskDraft: ...

    @property
    def is_help(self) -> bool: ...


CommandParser = Callable[[str, DateContext], ParsedCommand]


class ConfigurationError(Exception):
    """A setting is missing or unusable; the message says which and how to fix it."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Dependencies:
    settings: Settings
    reply: ReplyClient
    slack: AsyncWebClient
    slack_session: aiohttp.ClientSession
    """The aiohttp session under `slack`, also posting to response_urls: one connection pool
    (`bot.listeners._respond`)."""
    users: UserDirectory
    background: Background
    service: TaskService
    clock: Clock
    parse: CommandParser
    sandbox: Sandbox | None
    """The embedded Reply sandbox, when taskbot runs on one (None with a real Reply)."""
    profile_wait: float = 1.5
    """Seconds an ack may wait for users.info before using the default zone (Slack's ack
    deadline is 3 s, slack-notes §2.2)."""
    submit_budget: float = 2.0
    """Seconds a form submission waits for Reply before acking (closing the form) and letting
    the same save finish after the ack; within it, Reply's own field errors reach the form."""
    search_wait: float = 1.5
    """Seconds the contact select's options wait for Reply's search before answering with
    what is already known (Slack wants options within 3 s)."""

    @property
    def in_sandbox(self) -> bool:
        """Tasks go to a sandbox, not someone's Reply account (cards carry a badge)."""
        return self.sandbox is not None


@asynccontextmanager
async def open_dependencies(
    settings: Settings,
    *,
    slack_token: str | None = None,
    slack_api_url: str | None = None,
    sandbox: Sandbox | None = None,
    reply_transport: httpx.AsyncBaseTransport | None = None,
    retry: RetryPolicy | None = None,
    clock: Clock = system_clock,
    parse: CommandParser | None = None,
    profile_wait: float = 1.5,
    submit_budget: float = 2.0,
    search_wait: float = 1.5,
    drain_timeout: float = DRAIN_SECONDS,
) -> AsyncIterator[Dependencies]:
    """Open every client, yield them, and on exit drain background work and close them.

    `sandbox`: use this embedded sandbox (the caller owns and closes it). `reply_transport`:
    talk to Reply through it (with the configured key and base URL). With neither, the
    settings decide: no `REPLY_API_KEY` means a new embedded sandbox, closed here.
    `slack_token` / `slack_api_url` override `SLACK_BOT_TOKEN` / `SLACK_API_URL`.
    """
    token = slack_token or _secret(settings.slack_bot_token)
    if token is None:
        raise ConfigurationError(
            "SLACK_BOT_TOKEN is not set: copy the bot token (xoxb-…) from your Slack app's "
            "OAuth & Permissions page."
        )
    async with AsyncExitStack() as stack:
        sandbox_in_use = sandbox
        if sandbox is None and reply_transport is None and settings.uses_sandbox:
            sandbox_in_use = Sandbox.create(db=settings.sandbox_db, clock=clock)
            stack.push_async_callback(sandbox_in_use.aclose)
        reply = _reply_client(settings, sandbox_in_use, reply_transport, retry, clock)
        await stack.enter_async_context(reply)
        session = aiohttp.ClientSession()
        stack.push_async_callback(session.close)
        slack = AsyncWebClient(
            token=token,
            base_url=slack_api_url or settings.slack_api_url,
            session=session,
            retry_handlers=slack_retry_handlers(),  # a 429: wait Retry-After, once
        )
        background = Background()
        stack.push_async_callback(_wind_down, background, drain_timeout)
        yield Dependencies(
            settings=settings,
            reply=reply,
            slack=slack,
            slack_session=session,
            users=UserDirectory(
                slack,
                default_tz=settings.default_timezone,
                default_locale=settings.default_locale,
                ttl=settings.user_cache_ttl_seconds,
                clock=clock,
            ),
            background=background,
            service=TaskService(reply, clock=clock, sandbox=sandbox_in_use is not None),
            clock=clock,
            parse=parse or parse_command,
            sandbox=sandbox_in_use,
            profile_wait=profile_wait,
            submit_budget=submit_budget,
            search_wait=search_wait,
        )


def _reply_client(
    settings: Settings,
    sandbox: Sandbox | None,
    transport: httpx.AsyncBaseTransport | None,
    retry: RetryPolicy | None,
    clock: Clock,
) -> ReplyClient:
    key = _secret(settings.reply_api_key)
    if sandbox is not None:
        transport, base_url = sandbox.transport(), SANDBOX_BASE_URL
    else:
        base_url = settings.reply_api_base_url
    return ReplyClient(
        api_key=key or SANDBOX_KEY,
        base_url=base_url,
        dialect=settings.reply_api_dialect,
        timeout=settings.reply_timeout_seconds,
        retry=retry,
        transport=transport,
        clock=clock,
    )


async def _wind_down(background: Background, timeout: float) -> None:  # noqa: ASYNC109
    background.close()
    if not await background.drain(timeout):
        await background.cancel_all()


def _secret(value: SecretStr | None) -> str | None:
    return value.get_secret_value() if value is not None else None
