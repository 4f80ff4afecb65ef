"""A scripted Reply for the client tests (httpx.MockTransport).

`FakeReply(answer, ...)` answers each request with the next scripted answer (the last one
repeats) and records what it was sent. In the beta dialect every request is checked against
Reply's OpenAPI document (`tests.support.openapi`), and so is every answer when the fake is
`documented=True` (the seed dialect has no OpenAPI file to check against).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx

from bot.reply import ReplyClient, RetryPolicy
from bot.reply.enums import Dialect
from bot.settings import DEFAULT_REPLY_BASE_URL
from tests.support.openapi import validate_exchange, validate_request

# A realistic-looking key: long enough that scrubbing it is a plain substring replace.
KEY = "rk_3f9a1c2e7b5d4c8a9e0f1b2c3d4e5f6a"

Answer = httpx.Response | Callable[[httpx.Request], httpx.Response]


def ok(body: object, status: int = 200, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


def problem(
    status: int,
    body: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    """An RFC 9457 error answer (`body` None: an empty body, as Reply's 401 may have)."""
    if body is None:
        return httpx.Response(status, headers={"content-length": "0", **(headers or {})})
    return httpx.Response(
        status,
        content=json.dumps(body).encode(),
        headers={"content-type": "application/problem+json", **(headers or {})},
    )


def fail(exc_type: type[httpx.RequestError], message: str = "") -> Answer:
    """An answer that raises what httpx raises for a network failure."""

    def raise_it(request: httpx.Request) -> httpx.Response:
        raise exc_type(message, request=request)

    return raise_it


class FakeReply:
    def __init__(
        self,
        *answers: Answer,
        dialect: Dialect = Dialect.SEED,
        documented: bool = False,
    ) -> None:
        assert answers, "script at least one answer"
        self.answers = list(answers)
        self.dialect = dialect
        self.documented = documented
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.dialect is Dialect.BETA:
            validate_request(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        response = answer(request) if callable(answer) else answer
        response = httpx.Response(
            response.status_code,
            headers=response.headers,
            content=response.content,
            request=request,
        )
        if self.documented and self.dialect is Dialect.BETA:
            validate_exchange(response)
        return response

    @property
    def request(self) -> httpx.Request:
        """The only request sent (fails if there were more or none)."""
        assert len(self.requests) == 1, f"{len(self.requests)} requests sent"
        return self.requests[0]

    @staticmethod
    def body(request: httpx.Request) -> Any:
        return json.loads(request.content)


class Sleeps:
    """An injected `sleep` that records the delays and returns at once."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


@asynccontextmanager
async def reply_client(
    fake: FakeReply,
    *,
    retry: RetryPolicy | None = None,
    sleep: Sleeps | None = None,
    timeout: float = 10.0,  # noqa: ASYNC109 - the client's own setting, passed through
) -> AsyncIterator[ReplyClient]:
    async with ReplyClient(
        api_key=KEY,
        base_url=DEFAULT_REPLY_BASE_URL,
        dialect=fake.dialect,
        transport=httpx.MockTransport(fake),
        retry=retry or RetryPolicy(random=lambda: 0.0),
        sleep=sleep or Sleeps(),
        timeout=timeout,
    ) as client:
        yield client
