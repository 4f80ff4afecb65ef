"""Every way a Reply call fails, as the client reports it (one error class per case).

Retries are off here (NO_RETRY) unless a test is about them: this file is about what is
raised; test_client_retries.py is about what is re-sent.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from bot.domain import TaskType, TaskWrite
from bot.reply import (
    NO_RETRY,
    FieldError,
    ReplyAuthenticationError,
    ReplyConflict,
    ReplyConnectionError,
    ReplyError,
    ReplyNotFound,
    ReplyPermissionError,
    ReplyRateLimited,
    ReplyServerError,
    ReplyStatusError,
    ReplyTimeout,
    ReplyTransportError,
    ReplyUnexpectedResponse,
    ReplyValidationError,
    RetryPolicy,
)
from bot.reply.enums import Dialect
from tests.reply.client_fakes import KEY, FakeReply, Sleeps, fail, ok, problem, reply_client
from tests.reply.client_payloads import task_json

NOW = datetime(2025, 6, 2, 9, tzinfo=UTC)
CALL = TaskWrite(TaskType.CALL, NOW, NOW + timedelta(hours=8), "Call", contact_id=12345)


async def failure(fake: FakeReply, call: Any = None, **client: Any) -> ReplyError:
    """The error raised by `call(reply)` (default: get_task(501))."""
    client.setdefault("retry", NO_RETRY)
    async with reply_client(fake, **client) as reply:
        with pytest.raises(ReplyError) as caught:
            await (call or (lambda r: r.get_task(501)))(reply)
    return caught.value


# --------------------------------------------------------------------------------------
# 400


async def test_400_with_pointers_beta() -> None:
    body = {
        "title": "Validation failed", "status": 400,
        "detail": "The request body contains validation errors.",
        "errors": [
            {"pointer": "/dueTo", "detail": "'dueTo' must be after 'startAt'."},
            {"pointer": "/template/body", "detail": "Field is required."},
            {"pointer": "", "detail": "Request body is not valid JSON."},
        ],
    }  # fmt: skip
    fake = FakeReply(problem(400, body), dialect=Dialect.BETA, documented=True)
    error = await failure(fake, lambda r: r.create_task(CALL))
    assert isinstance(error, ReplyValidationError)
    assert (error.status, error.title) == (400, "Validation failed")
    assert error.field_errors == (
        FieldError("/dueTo", "'dueTo' must be after 'startAt'.", "due_to"),
        FieldError("/template/body", "Field is required.", "body"),
        FieldError("", "Request body is not valid JSON.", None),
    )
    assert [(p.field, p.message) for p in error.problems] == [
        ("due_to", "'dueTo' must be after 'startAt'."),
        ("body", "Field is required."),
    ]
    assert error.message == (
        "POST /v3/tasks: Reply answered 400 Validation failed: The request body contains "
        "validation errors. (/dueTo: 'dueTo' must be after 'startAt'.; /template/body: Field "
        "is required.; body: Request body is not valid JSON.)"
    )


async def test_400_with_a_seed_error_code() -> None:
    body = {"title": "Bad Request", "status": 400, "errorCode": 3,
            "detail": "'startAt' must be on or after 2015-01-01."}  # fmt: skip
    error = await failure(FakeReply(problem(400, body)), lambda r: r.create_task(CALL))
    assert isinstance(error, ReplyValidationError)
    assert (error.error_code, error.code) == (3, None)
    assert error.field_errors == (
        FieldError(None, "'startAt' must be on or after 2015-01-01.", "start_at"),
    )
    assert error.message.endswith("must be on or after 2015-01-01. [errorCode 3]")


async def test_400_business_error_is_not_a_field_error() -> None:
    body = {"title": "Bad Request", "status": 400, "code": "task.unknown",
            "detail": "Only tasks with 'New' status can be edited."}  # fmt: skip
    fake = FakeReply(problem(400, body), dialect=Dialect.BETA, documented=True)
    error = await failure(fake, lambda r: r.update_task(501, CALL))
    assert isinstance(error, ReplyValidationError)
    assert error.code == "task.unknown"
    assert (error.field_errors, error.problems) == ((), ())
    assert error.message == (
        "PUT /v3/tasks/501: Reply answered 400 Bad Request: Only tasks with 'New' status can "
        "be edited. [task.unknown]"
    )


# --------------------------------------------------------------------------------------
# 401


@pytest.mark.parametrize(
    ("dialect", "hint"),
    [
        (Dialect.SEED, "Reply asks for Bearer authentication, which the beta dialect sends: "
                       "try REPLY_API_DIALECT=beta"),
        (Dialect.BETA, "Check REPLY_API_KEY (Reply → Settings → API Key)"),
    ],
    ids=str,
)  # fmt: skip
async def test_401_with_an_empty_body(dialect: Dialect, hint: str) -> None:
    # Reply's beta docs: 401, empty body, Content-Length: 0, WWW-Authenticate: Bearer.
    fake = FakeReply(problem(401, None, {"WWW-Authenticate": "Bearer"}), dialect=dialect)
    error = await failure(fake, lambda r: r.whoami())
    assert isinstance(error, ReplyAuthenticationError)
    assert (error.status, error.title, error.detail, error.code) == (
        401, "Unauthorized", None, None,
    )  # fmt: skip
    assert error.message == f"GET /v3/whoami: Reply answered 401 Unauthorized. {hint}"


async def test_401_with_problem_json() -> None:
    body = {"title": "Unauthorized", "status": 401,
            "detail": "Authentication credentials are missing or invalid."}  # fmt: skip
    fake = FakeReply(problem(401, body), dialect=Dialect.BETA, documented=True)
    error = await failure(fake, lambda r: r.whoami())
    assert isinstance(error, ReplyAuthenticationError)
    assert error.detail == "Authentication credentials are missing or invalid."


# --------------------------------------------------------------------------------------
# 403, 404, 409, other 4xx


@pytest.mark.parametrize(
    ("status", "body", "call", "kind"),
    [
        (403, {"title": "Forbidden", "status": 403, "code": "task.forbidden",
               "detail": "Feature scopes [ManageTask] are denied for userId 123."},
         lambda r: r.create_task(CALL), ReplyPermissionError),
        (404, {"title": "Not Found", "status": 404, "code": "task.notFound",
               "detail": "Task with ID 501 not found or insufficient permissions."},
         lambda r: r.get_task(501), ReplyNotFound),
        (404, {"title": "Not Found", "status": 404, "code": "contact.notFound",
               "detail": "Contact with ID 42 not found."},
         lambda r: r.get_contact(42), ReplyNotFound),
        (409, {"title": "Conflict", "status": 409, "code": "task.cannotComplete",
               "detail": "Task is already finished or in an invalid state for completion."},
         lambda r: r.complete_task(501), ReplyConflict),
    ],
    ids=["403-forbidden", "404-task", "404-contact", "409-cannot-complete"],
)  # fmt: skip
async def test_documented_business_errors(
    status: int, body: dict[str, Any], call: Any, kind: type[ReplyStatusError]
) -> None:
    fake = FakeReply(problem(status, body), dialect=Dialect.BETA, documented=True)
    error = await failure(fake, call)
    assert type(error) is kind
    assert isinstance(error, ReplyStatusError)
    assert (error.status, error.code, error.detail) == (status, body["code"], body["detail"])
    assert error.message.endswith(f"{body['detail']} [{body['code']}]")


async def test_an_undocumented_4xx_is_a_plain_status_error() -> None:
    fake = FakeReply(problem(405, {"title": "Method Not Allowed", "status": 405}))
    error = await failure(fake)
    assert type(error) is ReplyStatusError
    assert error.message == "GET /v3/tasks/501: Reply answered 405 Method Not Allowed"


@pytest.mark.parametrize(
    ("headers", "body", "request_id"),
    [
        ({"X-Request-Id": "req-7f3"}, {"title": "Conflict"}, "req-7f3"),
        ({}, {"title": "Conflict", "traceId": "00-4bf92f-01"}, "00-4bf92f-01"),
        ({}, {"title": "Conflict"}, None),
    ],
    ids=["header", "aspnet-trace-id", "none"],
)
async def test_a_request_id_is_kept_when_there_is_one(
    headers: dict[str, str], body: dict[str, Any], request_id: str | None
) -> None:
    error = await failure(FakeReply(problem(409, body, headers)), lambda r: r.complete_task(1))
    assert isinstance(error, ReplyConflict)
    assert error.request_id == request_id
    assert (f"(request id {request_id})" in error.message) is (request_id is not None)


# --------------------------------------------------------------------------------------
# 429, 5xx


async def test_429_carries_retry_after() -> None:
    body = {"title": "Too Many Requests", "status": 429,
            "detail": "Rate limit exceeded. Retry after 60 seconds."}  # fmt: skip
    fake = FakeReply(problem(429, body, {"Retry-After": "60"}), dialect=Dialect.BETA,
                     documented=True)  # fmt: skip
    error = await failure(fake)
    assert isinstance(error, ReplyRateLimited)
    assert error.retry_after == 60.0
    assert len(fake.requests) == 1


async def test_429_retries_then_gives_up_after_max_attempts() -> None:
    sleeps = Sleeps()
    fake = FakeReply(problem(429, {"title": "Too Many Requests"}, {"Retry-After": "2"}))
    error = await failure(fake, retry=RetryPolicy(max_attempts=3, random=lambda: 0.0), sleep=sleeps)
    assert isinstance(error, ReplyRateLimited)
    assert len(fake.requests) == 3
    assert sleeps.delays == [2.0, 2.0]


async def test_429_with_an_http_date() -> None:
    # Retry-After may be an HTTP-date (RFC 9110); measured against the injected clock.
    fake = FakeReply(problem(429, None, {"Retry-After": "Mon, 02 Jun 2025 09:00:05 GMT"}))
    async with reply_client(fake, retry=NO_RETRY) as reply:
        reply._sender._clock = lambda: NOW
        with pytest.raises(ReplyRateLimited) as caught:
            await reply.whoami()
    assert caught.value.retry_after == 5.0


@pytest.mark.parametrize("status", [500, 502, 503, 504])
async def test_5xx_is_a_server_error(status: int) -> None:
    fake = FakeReply(problem(status, {"title": "Service Unavailable", "status": status,
                                      "code": "task.unavailable"}))  # fmt: skip
    error = await failure(fake)
    assert isinstance(error, ReplyServerError)
    assert error.status == status


async def test_5xx_from_a_proxy_with_an_html_body() -> None:
    html = httpx.Response(502, text="<html><body><h1>502 Bad Gateway</h1></body></html>")
    error = await failure(FakeReply(html))
    assert isinstance(error, ReplyServerError)
    assert (error.title, error.detail) == ("Bad Gateway", None)


# --------------------------------------------------------------------------------------
# No usable answer


async def test_connect_error() -> None:
    fake = FakeReply(fail(httpx.ConnectError, "[Errno 111] Connection refused"))
    error = await failure(fake)
    assert type(error) is ReplyConnectionError
    assert not error.may_have_reached_reply
    assert error.message == (
        "GET /v3/tasks/501: could not connect to Reply (ConnectError: [Errno 111] Connection "
        "refused)"
    )


async def test_read_timeout() -> None:
    error = await failure(FakeReply(fail(httpx.ReadTimeout)), timeout=2.5)
    assert type(error) is ReplyTimeout
    assert error.may_have_reached_reply
    assert error.message == "GET /v3/tasks/501: Reply did not answer within 2.5s (ReadTimeout)"
    # httpx's exception is not chained: it holds the request, and the request the key.
    assert (error.__cause__, error.__context__) == (None, None)


@pytest.mark.parametrize(
    ("raised", "kind", "reached"),
    [
        (httpx.ConnectTimeout, ReplyTimeout, False),
        (httpx.PoolTimeout, ReplyTimeout, False),
        (httpx.WriteTimeout, ReplyTimeout, False),
        (httpx.WriteError, ReplyConnectionError, False),
        (httpx.RemoteProtocolError, ReplyConnectionError, True),
        (httpx.ReadError, ReplyConnectionError, True),
        (httpx.CloseError, ReplyConnectionError, True),
        (httpx.LocalProtocolError, ReplyTransportError, False),
        (httpx.UnsupportedProtocol, ReplyTransportError, False),
        (httpx.ProxyError, ReplyTransportError, False),
        (httpx.DecodingError, ReplyTransportError, True),
    ],
    ids=lambda v: v.__name__ if isinstance(v, type) else str(v),
)
async def test_every_httpx_failure_maps_to_a_transport_error(
    raised: type[httpx.RequestError], kind: type[ReplyTransportError], reached: bool
) -> None:
    error = await failure(FakeReply(fail(raised, "boom")))
    assert type(error) is kind
    assert isinstance(error, ReplyTransportError)
    assert error.may_have_reached_reply is reached
    assert f"({raised.__name__}: boom)" in error.message


# --------------------------------------------------------------------------------------
# 2xx and 3xx that cannot be used


@pytest.mark.parametrize(
    ("answer", "named"),
    [
        (ok({**task_json(Dialect.SEED), "status": 42}), "status: 42 is not a valid status"),
        (ok({k: v for k, v in task_json(Dialect.SEED).items() if k != "id"}), "id: Field required"),
        (httpx.Response(200, text="<html>Maintenance</html>"), "Invalid JSON"),
        (httpx.Response(200), "Invalid JSON"),
    ],
    ids=["bad-enum", "missing-id", "html", "empty"],
)
async def test_a_2xx_that_cannot_be_read(answer: httpx.Response, named: str) -> None:
    error = await failure(FakeReply(answer))
    assert isinstance(error, ReplyUnexpectedResponse)
    assert error.status == 200
    assert named in error.message
    assert error.message.startswith("GET /v3/tasks/501: Reply answered 200 with a body taskbot ")
    assert error.__cause__ is None


async def test_a_redirect_is_not_followed() -> None:
    moved = httpx.Response(301, headers={"Location": "https://evil.example/v3/tasks/501"})
    fake = FakeReply(moved)
    error = await failure(fake)
    assert isinstance(error, ReplyUnexpectedResponse)
    assert error.status == 301
    assert len(fake.requests) == 1


# --------------------------------------------------------------------------------------
# The key never leaks


def chain(error: BaseException) -> list[BaseException]:
    found: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in found:
        found.append(current)
        current = current.__cause__ or current.__context__
    return found


def texts(error: ReplyError) -> list[str]:
    seen = [str(error), repr(error), error.message]
    seen += [str(value) for value in vars(error).values()]
    for link in chain(error):
        seen += [str(link), repr(link)]
    return seen


ECHO = f"Invalid API key {KEY} (Bearer {KEY})"

ECHOES = [
    ("400", problem(400, {"title": ECHO, "detail": ECHO,
                          "errors": [{"pointer": "/taskType", "detail": ECHO}]})),
    ("401", problem(401, {"detail": ECHO}, {"WWW-Authenticate": "Bearer"})),
    ("403", problem(403, {"title": "Forbidden", "detail": ECHO, "code": "task.forbidden"})),
    ("404", problem(404, {"detail": ECHO})),
    ("409", problem(409, {"detail": ECHO}, {"X-Request-Id": KEY})),
    ("429", problem(429, {"detail": ECHO}, {"Retry-After": "1"})),
    ("500", problem(500, {"title": ECHO, "detail": ECHO})),
    ("503 html", httpx.Response(503, text=f"<h1>{ECHO}</h1>")),
    ("bad 2xx enum", ok(task_json(Dialect.SEED, status=KEY))),
    ("bad 2xx html", httpx.Response(200, text=f"<p>{ECHO}</p>")),
    ("connect error", fail(httpx.ConnectError, ECHO)),
    ("read timeout", fail(httpx.ReadTimeout, ECHO)),
]  # fmt: skip


@pytest.mark.parametrize("dialect", list(Dialect), ids=str)
@pytest.mark.parametrize(("case", "answer"), ECHOES, ids=[case for case, _ in ECHOES])
async def test_the_key_is_never_in_a_message_or_repr_even_when_echoed(
    case: str, answer: Any, dialect: Dialect
) -> None:
    fake = FakeReply(answer, dialect=dialect)
    for call in (lambda r: r.get_task(501), lambda r: r.create_task(CALL)):
        error = await failure(fake, call)
        leaked = [text for text in texts(error) if KEY in text]
        assert leaked == [], f"{case}: {type(error).__name__} leaks the key"
        if case != "503 html":  # an HTML error page is not quoted in the message at all
            assert "[redacted]" in error.message
