"""The sandbox's ASGI app: Reply's v3 routes, answered the way Reply answers them.

Unknown routes get a 404 and wrong methods a 405, both as bare problems (§3: route-level
404/405/415 use the bare envelope). Around the whole app, `SandboxMiddleware` records each
request, adds latency and plays scripted faults; the `/_sandbox` control routes sit outside
the Reply API and are neither faulted, limited nor recorded.
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute
from starlette.types import ASGIApp

from bot.reply.sandbox import contacts, control, tasks
from bot.reply.sandbox.middleware import SandboxMiddleware
from bot.reply.sandbox.problems import (
    METHOD_NOT_ALLOWED,
    ROUTE_NOT_FOUND,
    SERVER_ERROR,
    bare_response,
)
from bot.reply.sandbox.state import SandboxState


async def _route_not_found(request: Request, exc: Exception) -> Response:
    detail = f"No route matches {request.method} {request.url.path}."
    return bare_response(ROUTE_NOT_FOUND, detail)


async def _method_not_allowed(request: Request, exc: Exception) -> Response:
    allowed = exc.headers.get("Allow", "") if isinstance(exc, HTTPException) and exc.headers else ""
    detail = f"{request.method} is not allowed on {request.url.path}; allowed: {allowed}."
    return bare_response(METHOD_NOT_ALLOWED, detail, {"Allow": allowed})


async def _server_error(request: Request, exc: Exception) -> Response:
    detail = f"The Reply sandbox failed on {request.method} {request.url.path}: a sandbox bug."
    return bare_response(SERVER_ERROR, detail)


def build_app(state: SandboxState) -> ASGIApp:
    routes: list[BaseRoute] = [
        *tasks.routes(state),
        *contacts.routes(state),
        *control.routes(state),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={
            404: _route_not_found,
            405: _method_not_allowed,
            500: _server_error,
        },
    )
    return SandboxMiddleware(app, state)
