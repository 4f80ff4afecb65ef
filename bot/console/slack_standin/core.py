"""`SlackStandIn`: a local Slack Web API and response_url endpoint that answers like Slack and
rejects what Slack rejects. The console runs one so the same AsyncApp that serves Slack has
somewhere to send its calls; tests extend it (`tests/support/fake_slack.FakeSlack`).

    standin = SlackStandIn(users=[SlackUser("U1", tz="Europe/Berlin", locale="de-DE")])
    standin.subscribe(print_call)                 # every answered call, as it happens
    async with standin.running():
        client = AsyncWebClient(token="xoxb-local", base_url=standin.api_url)
        url = standin.new_response_url()          # for a slash command payload

Modelled on bolt-python's `tests/mock_web_api_server` (record requests, answer Slack-shaped
JSON), async, and strict like stripe-mock:

- Tokens: `Authorization: Bearer xoxb-…` (or a `token` parameter); none → `not_authed`,
  anything else → `invalid_auth`.
- Scopes: each method needs the scope Slack's reference names; the default set is the
  manifest's (`commands`, `chat:write`, `users:read`) → `missing_scope` otherwise.
- Blocks and views are validated like Slack (`block_kit`) → `invalid_blocks` /
  `invalid_arguments` with `[json-pointer:…]` messages.
- Trigger ids (`issue_trigger_id`) are single use and expire after 3 s of the clock →
  `invalid_trigger_id`, `exchanged_trigger_id`, `expired_trigger_id`.
- `response_url`s come from `new_response_url()`: 5 uses within 30 minutes (`used_url`,
  `expired_url`); `messages_at(url)` shows what the rep sees after replace/delete.
- Every call, including response_url posts (method `"response_url"`), is recorded in `calls`
  and handed to each subscriber.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import secrets
from collections.abc import AsyncIterator, Callable, Iterable, Mapping
from contextlib import asynccontextmanager
from typing import Any, Self

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from bot.clock import Clock, system_clock
from bot.console.slack_standin import methods
from bot.console.slack_standin._records import Call, ScriptedFailure, SlackUser
from bot.console.slack_standin._requests import authorize, read_params
from bot.console.slack_standin._triggers import TRIGGER_TTL, TriggerIds
from bot.console.slack_standin.methods import SlackError
from bot.console.slack_standin.response_urls import ResponseUrlState, post_to_response_url
from bot.console.slack_standin.views import fill_state
from bot.serving import serve_locally

__all__ = ["DEFAULT_SCOPES", "TRIGGER_TTL", "Call", "ScriptedFailure", "SlackStandIn", "SlackUser"]

DEFAULT_SCOPES = frozenset({"commands", "chat:write", "users:read"})


class SlackStandIn:
    def __init__(
        self,
        *,
        users: Iterable[SlackUser] = (),
        scopes: Iterable[str] = DEFAULT_SCOPES,
        clock: Clock = system_clock,
        team_id: str = "T0TASKBOT",
        team_domain: str = "taskbot-test",
        bot_user_id: str = "U0TASKBOT",
        bot_id: str = "B0TASKBOT",
        app_id: str = "A0TASKBOT",
    ) -> None:
        self.users: dict[str, SlackUser] = {u.id: u for u in users}
        self.scopes = frozenset(scopes)
        self.clock = clock
        self.team_id, self.team_domain = team_id, team_domain
        self.bot_user_id, self.bot_id, self.app_id = bot_user_id, bot_id, app_id
        self.calls: list[Call] = []
        self.messages: dict[tuple[str, str], dict[str, Any]] = {}
        self.views: dict[str, dict[str, Any]] = {}
        self.view_stacks: dict[str, list[str]] = {}  # root view id -> stack of view ids
        self._triggers = TriggerIds(clock)
        self._response_urls: dict[str, ResponseUrlState] = {}
        self._subscribers: list[Callable[[Call], None]] = []
        self._counter = itertools.count(1)
        self._changed = asyncio.Condition()
        self._url: str | None = None
        self.app = Starlette(
            routes=[
                Route("/api/{method}", self._api, methods=["GET", "POST"]),
                Route("/response/{token}", self._response_url, methods=["POST"]),
            ]
        )

    # ---------------------------------------------------------------- serving

    @asynccontextmanager
    async def running(self) -> AsyncIterator[Self]:
        """Serve on 127.0.0.1 (a random free port) while the block runs."""
        async with serve_locally(self.app) as url:
            self._url = url
            try:
                yield self
            finally:
                self._url = None

    @property
    def url(self) -> str:
        if self._url is None:
            raise RuntimeError("the Slack stand-in is not running: use `async with …running()`")
        return self._url

    @property
    def api_url(self) -> str:
        """For `AsyncWebClient(base_url=…)` / `SLACK_API_URL` (trailing slash included)."""
        return f"{self.url}/api/"

    # ---------------------------------------------------------------- arranging

    def subscribe(self, subscriber: Callable[[Call], None]) -> None:
        """Call `subscriber(call)` after each answered call (the console prints them)."""
        self._subscribers.append(subscriber)

    def issue_trigger_id(self, *, from_view: str | None = None) -> str:
        """A trigger id as Slack puts in an interaction payload: valid once, for 3 s.
        `from_view`: the modal the interaction happened in (only those allow views.push)."""
        return self._triggers.issue(from_view=from_view)

    def trigger_view(self, trigger_id: object) -> str | None:
        """The modal the interaction that got `trigger_id` happened in (views.push needs one)."""
        return self._triggers.view_of(trigger_id)

    def new_response_url(self, original: Mapping[str, Any] | None = None) -> str:
        """A response_url here. `original` is the message the interaction came from (what
        `replace_original` replaces), e.g. the card whose button was clicked."""
        token = secrets.token_urlsafe(12)
        state = ResponseUrlState(issued=self.clock())
        if original is not None:
            state.original = dict(original)
        self._response_urls[token] = state
        return f"{self.url}/response/{token}"

    def messages_at(self, response_url: str) -> list[dict[str, Any]]:
        """The messages the rep sees from this response_url, after replaces and deletes."""
        return self._response_urls[response_url.rsplit("/", 1)[1]].visible()

    def show_original(self, response_url: str, message: Mapping[str, Any]) -> None:
        """Set the message a response_url's `replace_original` acts on when it was not known
        at issue time, e.g. the ephemeral a slash command acked with. Order-independent: posts
        that arrived earlier are applied on top of it."""
        self._response_urls[response_url.rsplit("/", 1)[1]].original = dict(message)

    def add_message(
        self, channel: str, *, text: str, user: str, thread_ts: str | None = None
    ) -> dict[str, Any]:
        """A message already in Slack (e.g. the one a message shortcut is used on)."""
        message = {"type": "message", "user": user, "text": text, "ts": self.new_ts()}
        if thread_ts:
            message["thread_ts"] = thread_ts
        self.messages[(channel, message["ts"])] = message
        return message

    def fill(self, view_id: str, values: Mapping[str, Any]) -> dict[str, Any]:
        """What a person types or picks in an open modal, by action_id; returns the view.
        Raises `NotEnterableError` for anything no person could enter."""
        view = self.views[view_id]
        fill_state(view, values)
        return view

    def calls_to(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    # ---------------------------------------------------------------- helpers for handlers

    def new_ts(self) -> str:
        return f"{int(self.clock().timestamp())}.{next(self._counter):06d}"

    def new_id(self, prefix: str) -> str:
        return prefix + secrets.token_hex(5).upper()

    def use_trigger(self, trigger_id: object) -> None:
        self._triggers.use(trigger_id)

    def _scripted_failure(self, method: str) -> ScriptedFailure | None:
        """The error to answer this call of `method` with instead of handling it. None here;
        the test fake scripts failures (`fail_next`)."""
        return None

    # ---------------------------------------------------------------- HTTP

    async def _record(self, call: Call) -> None:
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()
        for subscriber in self._subscribers:
            subscriber(call)

    async def _api(self, request: Request) -> JSONResponse:
        method = request.path_params["method"]
        params = await read_params(request)
        headers = {k.lower(): v for k, v in request.headers.items()}
        status, extra_headers = 200, {}
        try:
            authorize(method, headers, params, self.scopes)
            failure = self._scripted_failure(method)
            if failure is not None:
                status = failure.status
                if failure.retry_after is not None:
                    extra_headers["Retry-After"] = str(failure.retry_after)
                raise SlackError(failure.error)
            answer = {"ok": True, **methods.HANDLERS[method](self, params)}
        except SlackError as error:
            answer = {"ok": False, "error": error.error, **error.extra}
        if method == "auth.test":
            extra_headers["x-oauth-scopes"] = ",".join(sorted(self.scopes))
        await self._record(Call(method, params, headers, answer, status))
        return JSONResponse(answer, status_code=status, headers=extra_headers)

    async def _response_url(self, request: Request) -> JSONResponse:
        token = request.path_params["token"]
        headers = {k.lower(): v for k, v in request.headers.items()}
        try:
            body = json.loads(await request.body() or b"{}")
        except json.JSONDecodeError:
            body = {}
        status, answer = post_to_response_url(self, self._response_urls.get(token), body)
        url = f"{self.url}/response/{token}"
        await self._record(Call("response_url", body, headers, answer, status, response_url=url))
        return JSONResponse(answer, status_code=status)
