"""`/_sandbox/...`: script and inspect a running sandbox from another process (or curl).

    GET    /_sandbox              what this sandbox is: demo user, contacts, settings, counts
    GET    /_sandbox/faults       the queued faults
    POST   /_sandbox/faults       queue one: {"kind": "status", "status": 503, "times": 2}
                                  kinds: status (status, retryAfter), drop, dropAfterStore,
                                  delay (seconds); all take optional method, path, times
    DELETE /_sandbox/faults       clear the queue
    GET    /_sandbox/requests     the recorded API requests, oldest first (keys never kept)
    DELETE /_sandbox/requests     forget them
    GET    /_sandbox/settings     {"latency": 0.0, "rateLimit": true}
    PATCH  /_sandbox/settings     change either
    POST   /_sandbox/reset        no tasks, faults, requests or rate-limit history

Outside `/v3` on purpose: no key, never rate-limited, faulted or recorded. Bodies are read as
JSON whatever their Content-Type, so `curl -d '{...}'` works.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bot.reply.enums import Dialect
from bot.reply.sandbox import wire
from bot.reply.sandbox.contract import parse
from bot.reply.sandbox.faults import Fault, FaultKind
from bot.reply.sandbox.middleware import CONTROL_PREFIX
from bot.reply.sandbox.problems import FieldError, Problem
from bot.reply.sandbox.state import SandboxState

_KINDS: dict[str, FaultKind] = {
    "status": "status",
    "drop": "drop",
    "dropAfterStore": "drop_after_store",
    "delay": "delay",
}


class FaultSpec(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")

    kind: Literal["status", "drop", "dropAfterStore", "delay"]
    status: int | None = None
    retry_after: int | None = Field(None, alias="retryAfter")
    seconds: float | int = 0.0
    method: str | None = None
    path: str | None = None
    times: int = Field(1, ge=1, le=1000)


class SettingsSpec(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")

    latency: float | int | None = Field(None, ge=0)
    rate_limit: bool | None = Field(None, alias="rateLimit")


def routes(state: SandboxState) -> list[Route]:
    async def overview(request: Request) -> Response:
        return JSONResponse(
            {
                "about": "Reply sandbox: a fake of Reply's v3 API for development and tests.",
                "demoUser": wire.whoami(state.user),
                "contacts": [wire.contact(c, Dialect.BETA) for c in state.contacts.values()],
                "settings": _settings(state),
                "tasks": len(state.store.all()),
                "faults": [fault.describe() for fault in state.faults.pending()],
                "requests": len(state.log.entries()),
            }
        )

    async def faults(request: Request) -> Response:
        if request.method == "POST":
            try:
                spec = parse(FaultSpec, await _body(request), Dialect.BETA)
            except Problem as problem:
                return problem.response(Dialect.BETA)
            try:
                fault = Fault(
                    _KINDS[spec.kind],
                    status_code=spec.status,
                    retry_after=spec.retry_after,
                    seconds=float(spec.seconds),
                    method=spec.method,
                    path=spec.path,
                )
            except ValueError as exc:
                return Problem.invalid([FieldError("", str(exc))], str(exc)).response(Dialect.BETA)
            state.faults.push(fault, times=spec.times)
        elif request.method == "DELETE":
            state.faults.clear()
        return _queue(state)

    async def requests(request: Request) -> Response:
        if request.method == "DELETE":
            state.log.clear()
            return Response(status_code=204)
        return JSONResponse({"items": [entry.describe() for entry in state.log.entries()]})

    async def settings(request: Request) -> Response:
        if request.method == "PATCH":
            try:
                spec = parse(SettingsSpec, await _body(request), Dialect.BETA)
            except Problem as problem:
                return problem.response(Dialect.BETA)
            if spec.latency is not None:
                state.latency = float(spec.latency)
            if spec.rate_limit is not None:
                state.limiter.enabled = spec.rate_limit
        return JSONResponse(_settings(state))

    async def reset(request: Request) -> Response:
        state.reset()
        return Response(status_code=204)

    return [
        Route(CONTROL_PREFIX, overview, methods=["GET"]),
        Route(f"{CONTROL_PREFIX}/faults", faults, methods=["GET", "POST", "DELETE"]),
        Route(f"{CONTROL_PREFIX}/requests", requests, methods=["GET", "DELETE"]),
        Route(f"{CONTROL_PREFIX}/settings", settings, methods=["GET", "PATCH"]),
        Route(f"{CONTROL_PREFIX}/reset", reset, methods=["POST"]),
    ]


async def _body(request: Request) -> bytes:
    raw = await request.body()
    if not raw.strip():
        raise Problem.invalid([FieldError("", "Send a JSON object.")], "The body is empty.")
    return raw


def _settings(state: SandboxState) -> dict[str, object]:
    return {"latency": state.latency, "rateLimit": state.limiter.enabled}


def _queue(state: SandboxState) -> Response:
    return JSONResponse({"items": [fault.describe() for fault in state.faults.pending()]})
