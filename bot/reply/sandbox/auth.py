"""Who is calling and in which dialect: the auth header decides, per request.

* `Authorization: Bearer <key>` -> beta (reply-api-v3.md §1, Reply's current docs);
* `X-API-Key: <key>` -> seed (the "Coming soon" pages our specification comes from).

Any non-empty key is accepted and acts as the demo user. When both headers are sent,
`Authorization` wins: it is the scheme Reply documents today.

A missing, empty or malformed key is a 401. Beta answers as Reply's authentication page
says: an empty body with `Content-Length: 0` and `WWW-Authenticate: Bearer`. The seed docs
say only "401 Unauthorized (missing or invalid API key)" and that all errors are RFC 9457
problems, so seed gets the bare problem body from Reply's OpenAPI example (the 99-byte body
a live probe also saw, §1). A request with no auth header at all gets the beta answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from starlette.responses import Response

from bot.reply.enums import Dialect
from bot.reply.sandbox.problems import UNAUTHORIZED, bare_response

UNAUTHORIZED_DETAIL = "Authentication credentials are missing or invalid."


@dataclass(frozen=True, slots=True)
class Caller:
    dialect: Dialect
    key: str


class Unauthenticated(Exception):  # noqa: N818 - a state, not an error of ours
    def __init__(self, dialect: Dialect) -> None:
        super().__init__("missing or invalid API key")
        self.dialect = dialect

    def response(self) -> Response:
        if self.dialect is Dialect.BETA:
            # Starlette sets Content-Length: 0 for an empty body.
            return Response(status_code=401, headers={"WWW-Authenticate": "Bearer"})
        return bare_response(UNAUTHORIZED, UNAUTHORIZED_DETAIL)


def dialect_of(headers: Mapping[str, str]) -> Dialect | None:
    """The dialect a request speaks, judged by its auth header alone (None: no header)."""
    if "authorization" in headers:
        return Dialect.BETA
    if "x-api-key" in headers:
        return Dialect.SEED
    return None


def identify(headers: Mapping[str, str]) -> Caller:
    """The caller, or `Unauthenticated` naming the dialect to answer the 401 in."""
    dialect = dialect_of(headers)
    if dialect is Dialect.SEED:
        key = headers["x-api-key"].strip()
        if key:
            return Caller(Dialect.SEED, key)
        raise Unauthenticated(Dialect.SEED)
    scheme, _, token = headers.get("authorization", "").strip().partition(" ")
    # Auth schemes are case-insensitive (RFC 9110 §11.1).
    if scheme.lower() == "bearer" and token.strip():
        return Caller(Dialect.BETA, token.strip())
    raise Unauthenticated(Dialect.BETA)
