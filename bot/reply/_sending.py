"""Send one Reply request under the retry policy; turn every failure into a `ReplyError`.

What httpx raises, and whether Reply may have acted on the request (this decides whether a
create may be retried, see `bot.reply.retry`):

    httpx exception            raised as              may have reached Reply
    ConnectError               ReplyConnectionError   no: no connection was made
    ConnectTimeout             ReplyTimeout           no: no connection was made
    PoolTimeout                ReplyTimeout           no: no free connection to send on
    WriteTimeout               ReplyTimeout           no: the request was not fully written,
                                                          and a server cannot act on half a
                                                          request (HTTP/1.1 framing)
    WriteError                 ReplyConnectionError   no: as above. httpcore swallows most
                                                          write errors and reads the answer
                                                          anyway, so a peer that closed while
                                                          we wrote surfaces as RemoteProtocolError
    ReadTimeout                ReplyTimeout           yes: sent, no answer in time
    RemoteProtocolError        ReplyConnectionError   yes: "Server disconnected without
                                                          sending a response", or garbage
    ReadError, CloseError      ReplyConnectionError   yes: reset after sending
    LocalProtocolError,        ReplyTransportError    no: refused before sending (not retried:
    UnsupportedProtocol,                                  it would fail the same way again)
    ProxyError
    anything else              ReplyTransportError    yes (the safe assumption)
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import TypeVar

import httpx

from bot.clock import Clock
from bot.reply._headers import RateLimit
from bot.reply._problems import decode_problem
from bot.reply.enums import Dialect
from bot.reply.errors import (
    FieldError,
    ReplyAuthenticationError,
    ReplyConnectionError,
    ReplyError,
    ReplyRateLimited,
    ReplyStatusError,
    ReplyTimeout,
    ReplyTransportError,
    ReplyUnexpectedResponse,
    ReplyValidationError,
    error_class_for_status,
    redact,
)
from bot.reply.models import JSONObject, Page, ResponseShapeError
from bot.reply.retry import RetryPolicy, parse_retry_after

logger = logging.getLogger("bot.reply.client")
T = TypeVar("T")

_BODY_EXCERPT = 300  # kept on the error
_QUOTED_EXCERPT = 120  # quoted in its message

_TRANSPORT: tuple[tuple[type[httpx.RequestError], type[ReplyTransportError], bool, str], ...] = (
    (httpx.ConnectError, ReplyConnectionError, False, "could not connect to Reply"),
    (httpx.ConnectTimeout, ReplyTimeout, False, "timed out connecting to Reply"),
    (httpx.PoolTimeout, ReplyTimeout, False, "timed out waiting for a free connection"),
    (httpx.WriteTimeout, ReplyTimeout, False, "timed out sending the request"),
    (httpx.WriteError, ReplyConnectionError, False, "the connection broke while sending"),
    (httpx.ReadTimeout, ReplyTimeout, True, "Reply did not answer in time"),
    (httpx.RemoteProtocolError, ReplyConnectionError, True, "the connection dropped unanswered"),
    (httpx.ReadError, ReplyConnectionError, True, "the connection broke before the answer"),
    (httpx.CloseError, ReplyConnectionError, True, "the connection broke after sending"),
    (httpx.LocalProtocolError, ReplyTransportError, False, "the request could not be sent"),
    (httpx.UnsupportedProtocol, ReplyTransportError, False, "the request could not be sent"),
    (httpx.ProxyError, ReplyTransportError, False, "the proxy refused the connection"),
)
# Reply does not document a request id; these are the usual places for one.
_REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-correlation-id", "x-amzn-requestid")


@dataclass(frozen=True, slots=True)
class Call:
    """One Reply operation: what to send and what success looks like."""

    operation: str
    method: str
    path: str
    repeatable: bool
    expected: frozenset[int] = frozenset({200})
    params: Mapping[str, str | int] = field(default_factory=dict)
    json: JSONObject | None = None

    @property
    def where(self) -> str:
        return f"{self.method} {self.path}"


class Sender:
    """Sends `Call`s through one pooled `httpx.AsyncClient`, retrying as the policy says."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        secret: str,
        dialect: Dialect,
        policy: RetryPolicy,
        sleep: Callable[[float], Awaitable[None]],
        clock: Clock,
    ) -> None:
        self._http = http
        self._secret = secret
        self._dialect = dialect
        self._policy = policy
        self._sleep = sleep
        self._clock = clock
        self.rate_limit: RateLimit | None = None

    def redact(self, text: str) -> str:
        return redact(text, self._secret)

    async def send(self, call: Call) -> httpx.Response:
        """The answer, if its status is one `call.expected`; otherwise raise a ReplyError."""
        attempt = 1
        while True:
            try:
                response = await self._http.request(
                    call.method, call.path, params=call.params or None, json=call.json
                )
            except httpx.RequestError as exc:
                # Not chained: httpx's exception holds the request, and so the key.
                error: ReplyError = self._transport_error(call, exc)
            else:
                _unbind(response)
                self.rate_limit = RateLimit.from_headers(response.headers) or self.rate_limit
                logger.debug("%s: %d (attempt %d)", call.where, response.status_code, attempt)
                if response.status_code in call.expected:
                    return response
                if response.status_code < 400:
                    raise self.unexpected(call, response, "an undocumented status")
                error = self._status_error(call, response)
            decision = self._policy.decide(attempt, error, repeatable=call.repeatable)
            if not decision.retry:
                raise error
            logger.warning(
                "Reply %s failed: %s; retrying in %.2fs (attempt %d of %d; %s)",
                call.operation,
                error.message,
                decision.delay,
                attempt + 1,
                self._policy.max_attempts,
                decision.reason,
            )
            await self._sleep(decision.delay)
            attempt += 1

    async def fetch(self, call: Call, decode: Callable[[bytes], T]) -> T:
        """Send `call` and decode the answer; an unreadable one is `ReplyUnexpectedResponse`."""
        response = await self.send(call)
        try:
            return decode(response.content)
        except ResponseShapeError as exc:
            problem = str(exc)
        # Raised outside the except block, so the unredacted summary is not its __context__.
        raise self.unexpected(call, response, f"a body taskbot cannot read ({problem})")

    async def pages(
        self, call: Call, page_size: int, decode: Callable[[bytes], Page[T]]
    ) -> AsyncIterator[T]:
        """Every item of a paged list: `top`/`skip` until `hasMore` is false (§2).

        `skip` advances by the items received, in case Reply caps a page below `top`.
        """
        skip = 0
        while True:
            page_call = replace(call, params={**call.params, "top": page_size, "skip": skip})
            page = await self.fetch(page_call, decode)
            for item in page.items:
                yield item
            if not page.has_more:
                return
            if not page.items:  # asking again would get the same empty page forever
                raise ReplyUnexpectedResponse(
                    f"{page_call.where}: Reply said hasMore on an empty page (skip={skip})",
                    status=200,
                )
            skip += len(page.items)

    def unexpected(
        self, call: Call, response: httpx.Response, what: str
    ) -> ReplyUnexpectedResponse:
        excerpt = self.redact(response.text[:_BODY_EXCERPT])
        return ReplyUnexpectedResponse(
            self.redact(
                f"{call.where}: Reply answered {response.status_code} with {what}; "
                f"body starts {excerpt[:_QUOTED_EXCERPT]!r}"
            ),
            status=response.status_code,
            body_excerpt=excerpt,
        )

    def _transport_error(self, call: Call, exc: httpx.RequestError) -> ReplyTransportError:
        kind, reached, what = ReplyTransportError, True, "no usable answer from Reply"
        for exc_type, error_type, may_have_reached, text in _TRANSPORT:
            if isinstance(exc, exc_type):
                kind, reached, what = error_type, may_have_reached, text
                break
        if isinstance(exc, httpx.ReadTimeout) and self._http.timeout.read is not None:
            what = f"Reply did not answer within {self._http.timeout.read:g}s"
        said = f": {exc}" if str(exc) else ""
        message = f"{call.where}: {what} ({type(exc).__name__}{said})"
        return kind(self.redact(message), may_have_reached_reply=reached)

    def _status_error(self, call: Call, response: httpx.Response) -> ReplyStatusError:
        status = response.status_code
        problem = decode_problem(response.content)
        title = self.redact(problem.title) if problem.title else response.reason_phrase or None
        detail = self.redact(problem.detail) if problem.detail else None
        field_errors = tuple(
            FieldError(e.pointer, self.redact(e.detail), e.field) for e in problem.field_errors
        )
        request_id = next(
            (response.headers[h] for h in _REQUEST_ID_HEADERS if h in response.headers),
            problem.trace_id,
        )
        request_id = self.redact(request_id) if request_id else None
        parts = [f"{call.where}: Reply answered {status} {title or ''}".rstrip()]
        if detail:
            parts.append(f": {detail}")
        if problem.code or problem.error_code is not None:
            parts.append(f" [{problem.code or f'errorCode {problem.error_code}'}]")
        if field_errors and detail not in {e.detail for e in field_errors}:
            listed = "; ".join(
                f"{e.pointer or e.field or 'body'}: {e.detail}" for e in field_errors
            )
            parts.append(f" ({listed})")
        if request_id:
            parts.append(f" (request id {request_id})")
        error_type = error_class_for_status(status)
        if error_type is ReplyAuthenticationError:
            parts.append(self._authentication_hint(response))
        message = self.redact("".join(parts))
        if error_type is ReplyValidationError:
            return ReplyValidationError(
                message,
                status=status,
                field_errors=field_errors,
                title=title,
                detail=detail,
                code=problem.code,
                error_code=problem.error_code,
                request_id=request_id,
            )
        if error_type is ReplyRateLimited:
            return ReplyRateLimited(
                message,
                status=status,
                retry_after=parse_retry_after(response.headers.get("retry-after"), self._clock()),
                title=title,
                detail=detail,
                code=problem.code,
                error_code=problem.error_code,
                request_id=request_id,
            )
        return error_type(
            message,
            status=status,
            title=title,
            detail=detail,
            code=problem.code,
            error_code=problem.error_code,
            request_id=request_id,
        )

    def _authentication_hint(self, response: httpx.Response) -> str:
        asked = response.headers.get("www-authenticate", "").split(" ", 1)[0].lower()
        if asked == "bearer" and self._dialect is Dialect.SEED:
            # The beta docs send `Authorization: Bearer`; the seed sends `X-API-Key`.
            return (
                ". Reply asks for Bearer authentication, which the beta dialect sends: "
                "try REPLY_API_DIALECT=beta"
            )
        return ". Check REPLY_API_KEY (Reply → Settings → API Key)"


def _unbind(response: httpx.Response) -> None:
    """Let reference counting free a response and its connection's stream objects.

    httpx binds every response and its stream to each other (`BoundAsyncStream`, which
    records `elapsed` when closed): a reference cycle per call, with the pool's stream
    wrappers hanging off it, that only the cyclic garbage collector frees. The client has
    read the body and closed the stream by the time `request` returns, so the stream is
    replaced by the bytes it delivered (what httpx holds for a response built from content)."""
    if response.is_closed:
        response.stream = httpx.ByteStream(response.content)
