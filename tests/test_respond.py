"""`respond` over one shared aiohttp session: posts reuse a connection, and say what Bolt's
own `AsyncRespond` would say."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from slack_bolt.async_app import AsyncApp, AsyncBoltRequest
from slack_bolt.authorization import AuthorizeResult
from slack_bolt.context.respond.async_respond import AsyncRespond
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from bot.listeners._respond import PooledRespond, respond_over
from tests.support.servers import serve_asgi


class ResponseUrls:
    """A response_url endpoint that records each post's body and the client port it came
    from (one port: one connection)."""

    def __init__(self) -> None:
        self.posts: list[tuple[int, dict[str, Any]]] = []

    def app(self) -> Starlette:
        async def post(request: Request) -> Response:
            assert request.client is not None
            self.posts.append((request.client.port, json.loads(await request.body())))
            return PlainTextResponse("ok")

        return Starlette(routes=[Route("/hooks/{key}", post, methods=["POST"])])


@pytest.fixture
async def hooks() -> AsyncIterator[tuple[ResponseUrls, str]]:
    urls = ResponseUrls()
    async with serve_asgi(urls.app(), lifespan="off") as base:
        yield urls, base


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as shared:
        yield shared


async def test_posts_share_one_connection(
    hooks: tuple[ResponseUrls, str], session: aiohttp.ClientSession
) -> None:
    urls, base = hooks
    for n in range(3):
        respond = PooledRespond(response_url=f"{base}/hooks/{n}", session=session)
        answer = await respond(text=f"card {n}", replace_original=True)
        assert answer.status_code == 200
    ports = {port for port, _ in urls.posts}
    assert len(urls.posts) == 3
    assert len(ports) == 1, f"each post opened a connection: client ports {ports}"
    assert not session.closed


async def test_bodies_are_the_ones_bolt_would_send(
    hooks: tuple[ResponseUrls, str], session: aiohttp.ClientSession
) -> None:
    urls, base = hooks
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "*Call* Jane"}}]
    kwargs: dict[str, Any] = {
        "text": "Call Jane",
        "blocks": blocks,
        "response_type": "in_channel",
        "replace_original": False,
        "thread_ts": "1700000000.000100",
    }
    await AsyncRespond(response_url=f"{base}/hooks/bolt")(**kwargs)
    await PooledRespond(response_url=f"{base}/hooks/pooled", session=session)(**kwargs)
    whole = {"text": "as a dict", "delete_original": True}
    await AsyncRespond(response_url=f"{base}/hooks/bolt")(whole)
    await PooledRespond(response_url=f"{base}/hooks/pooled", session=session)(whole)
    bodies = [body for _, body in urls.posts]
    assert bodies[0] == bodies[1]
    assert bodies[1]["thread_ts"] == "1700000000.000100"
    assert bodies[2] == bodies[3] == whole


async def test_no_response_url_is_bolts_error(session: aiohttp.ClientSession) -> None:
    with pytest.raises(ValueError, match="no response_url"):
        await PooledRespond(response_url=None, session=session)(text="hello")


async def test_the_middleware_gives_listeners_a_pooled_respond(
    session: aiohttp.ClientSession,
) -> None:
    async def authorize(**_: Any) -> AuthorizeResult:  # no auth.test: nothing to call
        return AuthorizeResult(enterprise_id=None, team_id="T0TEST", bot_token="xoxb-test")

    app = AsyncApp(name="t", authorize=authorize, request_verification_enabled=False)
    app.middleware(respond_over(session))
    seen: list[AsyncRespond] = []

    @app.command("/task")
    async def listener(ack: Any, respond: AsyncRespond) -> None:
        seen.append(respond)
        await ack()

    body = {
        "command": "/task",
        "text": "call jane",
        "user_id": "U0REP",
        "team_id": "T0TEST",
        "response_url": "http://127.0.0.1:9/hooks/x",
    }
    response = await app.async_dispatch(AsyncBoltRequest(body=body, mode="socket_mode"))
    assert response.status == 200
    assert len(seen) == 1
    assert isinstance(seen[0], PooledRespond)
    assert seen[0].response_url == body["response_url"]
