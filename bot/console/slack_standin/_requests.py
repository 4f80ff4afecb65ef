"""Reading a Web API request as Slack does: its parameters, its token and the scopes it needs."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request

from bot.console.slack_standin import methods
from bot.console.slack_standin.methods import SlackError


async def read_params(request: Request) -> dict[str, Any]:
    """Query string + form or JSON body, as Slack reads them."""
    params: dict[str, Any] = dict(request.query_params)
    raw = await request.body()
    if not raw:
        return params
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("application/json"):
        loaded = json.loads(raw)
        if isinstance(loaded, dict):
            params.update(loaded)
    else:
        params.update(parse_qsl(raw.decode(), keep_blank_values=True))
    return params


def authorize(
    method: str, headers: Mapping[str, str], params: Mapping[str, Any], scopes: frozenset[str]
) -> None:
    """Raise what Slack answers for an unknown method (`unknown_method`), a missing or
    non-bot token (`not_authed`, `invalid_auth`) or a scope the method needs and the app
    lacks (`missing_scope`, with `needed` and `provided`)."""
    if method not in methods.HANDLERS:
        raise SlackError("unknown_method", req_method=method)
    auth = headers.get("authorization", "")
    token = auth.removeprefix("Bearer ") if auth.startswith("Bearer ") else params.get("token")
    if not token:
        raise SlackError("not_authed")
    if not str(token).startswith("xoxb-") or len(str(token)) <= len("xoxb-"):
        raise SlackError("invalid_auth")
    needed = methods.SCOPES.get(method)
    if needed and not (set(needed) & scopes):
        raise SlackError(
            "missing_scope", needed=",".join(needed), provided=",".join(sorted(scopes))
        )
