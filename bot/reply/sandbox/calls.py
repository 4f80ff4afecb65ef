"""One API call as a handler sees it, and how a route turns requests into calls.

Every API call goes through the same steps, in Reply's middleware order (§3, §4): the route
was matched already (unknown: 404, wrong method: 405), then the key (401), the rate limit
(429), then the handler, whose `Problem`s are rendered in the caller's dialect.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from pydantic import BaseModel
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bot.reply.enums import Dialect
from bot.reply.sandbox import contract, params
from bot.reply.sandbox.auth import Caller, Unauthenticated, identify
from bot.reply.sandbox.problems import NOT_IMPLEMENTED, RATE_LIMITED, Problem, bare_response
from bot.reply.sandbox.state import SandboxState

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True, slots=True)
class Call:
    """One authenticated API call, as a handler sees it."""

    request: Request
    caller: Caller
    state: SandboxState

    @property
    def dialect(self) -> Dialect:
        return self.caller.dialect

    @property
    def query(self) -> Mapping[str, str]:
        return self.request.query_params

    async def body(self, model: type[M]) -> M:
        raw = await self.request.body()
        contract.require_json(raw, self.request.headers.get("content-type"))
        return contract.parse(model, raw, self.dialect)

    def path_id(self, message: str = "'id' must be a positive integer.") -> int:
        return params.positive_id(self.request.path_params["id"], message=message)

    def json(self, payload: object, status: int = 200) -> JSONResponse:
        return JSONResponse(payload, status_code=status)


Handler = Callable[[Call], Awaitable[Response]]


def _endpoint(
    state: SandboxState, handlers: Mapping[str, Handler]
) -> Callable[..., Awaitable[Response]]:
    async def answer(request: Request) -> Response:
        method = "GET" if request.method == "HEAD" else request.method
        try:
            caller = identify(request.headers)
        except Unauthenticated as unauthenticated:
            return unauthenticated.response()
        wait = state.limiter.admit(caller.key)
        if wait is not None:
            detail = f"Rate limit exceeded. Retry after {wait} seconds."
            return bare_response(RATE_LIMITED, detail, {"Retry-After": str(wait)})
        try:
            return await handlers[method](Call(request, caller, state))
        except Problem as problem:
            return problem.response(caller.dialect)

    return answer


def api_route(state: SandboxState, path: str, handlers: Mapping[str, Handler]) -> Route:
    return Route(path, _endpoint(state, handlers), methods=list(handlers))


async def not_modelled_handler(call: Call) -> Response:
    """Answer 501: a route Reply has and the sandbox does not model."""
    request = call.request
    raise Problem(
        NOT_IMPLEMENTED,
        f"The Reply sandbox does not model {request.method} {request.url.path}; "
        "see 'What the sandbox is not' in the README.",
    )


def not_modelled(state: SandboxState, path: str, *methods: str) -> Route:
    return api_route(state, path, dict.fromkeys(methods, not_modelled_handler))
