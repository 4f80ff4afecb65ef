"""What the client re-sends, per operation and failure, and what it raises in the end.

The rule under test (bot/reply/retry.py): connect errors and 429 are retried for every call;
5xx, read timeouts and dropped connections only for calls that are safe to repeat; a create
that may have reached Reply is never re-sent but reported as TaskMayHaveBeenCreated.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TypeVar

import httpx
import pytest

from bot.domain import TaskType, TaskWrite
from bot.reply import (
    ReplyAuthenticationError,
    ReplyClient,
    ReplyConnectionError,
    ReplyError,
    ReplyRateLimited,
    ReplyServerError,
    ReplyTimeout,
    ReplyUnexpectedResponse,
    ReplyValidationError,
    RetryPolicy,
    TaskMayHaveBeenCreated,
)
from bot.reply.enums import Dialect
from tests.reply.client_fakes import KEY, Answer, FakeReply, Sleeps, fail, ok, problem, reply_client
from tests.reply.client_payloads import contact_json, list_item_json, task_json

NOW = datetime(2025, 6, 2, 9, tzinfo=UTC)
T = TypeVar("T")
CALL = TaskWrite(TaskType.CALL, NOW, NOW + timedelta(hours=8), "Call Jane", contact_id=12345)
THREE = RetryPolicy(max_attempts=3, random=lambda: 0.0)

TASK = ok(task_json(Dialect.SEED))
CREATED = ok(task_json(Dialect.SEED), status=201)
PAGE = ok({"items": [list_item_json(Dialect.SEED, 1)], "hasMore": False})
CONTACTS = ok({"items": [contact_json(email="jane@acme.com")], "hasMore": False})


@dataclass(frozen=True)
class Operation:
    name: str
    call: Callable[[ReplyClient], Awaitable[object]]
    success: httpx.Response
    repeatable: bool


async def _drain(found: AsyncIterator[T]) -> list[T]:
    return [item async for item in found]


OPERATIONS = [
    Operation("create_task", lambda r: r.create_task(CALL), CREATED, False),
    Operation("complete_task", lambda r: r.complete_task(501), TASK, False),
    Operation("get_task", lambda r: r.get_task(501), TASK, True),
    Operation("update_task", lambda r: r.update_task(501, CALL), TASK, True),
    Operation("delete_task", lambda r: r.delete_task(501), httpx.Response(204), False),
    Operation("filter_tasks", lambda r: _drain(r.filter_tasks()), PAGE, True),
    Operation("find_contacts_by_email",
              lambda r: r.find_contacts_by_email("jane@acme.com"), CONTACTS, True),
    Operation("find_contacts_by_linkedin",
              lambda r: r.find_contacts_by_linkedin("linkedin.com/in/jane"), CONTACTS, True),
    Operation("search_contacts", lambda r: r.search_contacts("Jane"), CONTACTS, True),
    Operation("get_contact", lambda r: r.get_contact(7), ok(contact_json()), True),
    Operation("whoami", lambda r: r.whoami(), ok({"userId": 1}), True),
]  # fmt: skip


@dataclass(frozen=True)
class Failure:
    name: str
    answer: Callable[[], Answer]
    raised: type[ReplyError]
    retried_when_repeatable: bool
    retried_otherwise: bool


FAILURES = [
    Failure("connect error", lambda: fail(httpx.ConnectError, "refused"),
            ReplyConnectionError, True, True),
    Failure("connect timeout", lambda: fail(httpx.ConnectTimeout), ReplyTimeout, True, True),
    Failure("429", lambda: problem(429, {"title": "Too Many Requests"}, {"Retry-After": "1"}),
            ReplyRateLimited, True, True),
    Failure("read timeout", lambda: fail(httpx.ReadTimeout), ReplyTimeout, True, False),
    Failure("dropped after sending",
            lambda: fail(httpx.RemoteProtocolError, "Server disconnected without a response."),
            ReplyConnectionError, True, False),
    Failure("500", lambda: problem(500, {"title": "Internal Server Error"}),
            ReplyServerError, True, False),
    Failure("503", lambda: problem(503, {"title": "Service Unavailable"}),
            ReplyServerError, True, False),
    Failure("400", lambda: problem(400, {"title": "Bad Request", "code": "task.unknown"}),
            ReplyValidationError, False, False),
    Failure("401", lambda: problem(401, None), ReplyAuthenticationError, False, False),
]  # fmt: skip
AMBIGUOUS_FOR_CREATE = {"read timeout", "dropped after sending", "500", "503"}


@pytest.mark.parametrize("operation", OPERATIONS, ids=[o.name for o in OPERATIONS])
@pytest.mark.parametrize("failure", FAILURES, ids=[f.name for f in FAILURES])
async def test_retry_table(operation: Operation, failure: Failure) -> None:
    retried = failure.retried_when_repeatable if operation.repeatable else failure.retried_otherwise
    # A failure that is retried recovers on the next attempt ...
    recovering = FakeReply(failure.answer(), operation.success)
    async with reply_client(recovering, retry=THREE) as reply:
        if retried:
            await operation.call(reply)
        else:
            with pytest.raises(ReplyError):
                await operation.call(reply)
    assert len(recovering.requests) == (2 if retried else 1)

    # ... and one that keeps failing is raised after max_attempts (or at once).
    failing = FakeReply(failure.answer())
    async with reply_client(failing, retry=THREE) as reply:
        with pytest.raises(ReplyError) as caught:
            await operation.call(reply)
    assert len(failing.requests) == (3 if retried else 1)
    if operation.name == "create_task" and failure.name in AMBIGUOUS_FOR_CREATE:
        assert type(caught.value) is TaskMayHaveBeenCreated
        assert type(caught.value.cause) is failure.raised
    else:
        assert type(caught.value) is failure.raised


async def test_create_after_a_read_timeout_is_sent_exactly_once() -> None:
    fake = FakeReply(fail(httpx.ReadTimeout), ok(task_json(Dialect.SEED), status=201))
    async with reply_client(fake, retry=RetryPolicy(max_attempts=5)) as reply:
        with pytest.raises(TaskMayHaveBeenCreated) as caught:
            await reply.create_task(CALL)
    assert len(fake.requests) == 1
    assert caught.value.task is CALL
    assert isinstance(caught.value.cause, ReplyTimeout)
    assert caught.value.cause.may_have_reached_reply
    assert caught.value.__cause__ is caught.value.cause
    assert caught.value.message == (
        "Reply may have created the task, but taskbot cannot tell (POST /v3/tasks: Reply did not "
        "answer within 10s (ReadTimeout)). Look for it before creating it again."
    )


async def test_create_after_a_connect_error_is_retried_with_the_same_body() -> None:
    sleeps = Sleeps()
    fake = FakeReply(fail(httpx.ConnectError), ok(task_json(Dialect.SEED), status=201))
    async with reply_client(fake, retry=THREE, sleep=sleeps) as reply:
        task = await reply.create_task(CALL)
    assert task.id == 501
    first, second = fake.requests
    assert first.content == second.content
    assert sleeps.delays == [0.5]


async def test_create_answered_with_an_unreadable_201_may_have_created_the_task() -> None:
    fake = FakeReply(ok({"taskType": 2}, status=201))
    async with reply_client(fake) as reply:
        with pytest.raises(TaskMayHaveBeenCreated) as caught:
            await reply.create_task(CALL)
    assert isinstance(caught.value.cause, ReplyUnexpectedResponse)
    assert len(fake.requests) == 1


async def test_create_rate_limited_to_the_end_was_not_created() -> None:
    fake = FakeReply(problem(429, None, {"Retry-After": "1"}))
    async with reply_client(fake, retry=THREE) as reply:
        with pytest.raises(ReplyRateLimited):
            await reply.create_task(CALL)
    assert len(fake.requests) == 3


async def test_a_long_retry_after_is_not_waited_for() -> None:
    sleeps = Sleeps()
    fake = FakeReply(problem(429, None, {"Retry-After": "60"}))
    async with reply_client(fake, retry=RetryPolicy(max_retry_after=30), sleep=sleeps) as reply:
        with pytest.raises(ReplyRateLimited) as caught:
            await reply.whoami()
    assert caught.value.retry_after == 60.0
    assert len(fake.requests) == 1
    assert sleeps.delays == []


async def test_delays_back_off_and_honour_retry_after() -> None:
    sleeps = Sleeps()
    fake = FakeReply(
        fail(httpx.ConnectError),
        problem(503, {"title": "Service Unavailable"}),
        problem(429, None, {"Retry-After": "3"}),
        ok({"userId": 1}),
    )
    async with reply_client(fake, retry=RetryPolicy(max_attempts=4, random=lambda: 0.0),
                            sleep=sleeps) as reply:  # fmt: skip
        await reply.whoami()
    assert sleeps.delays == [0.5, 1.0, 3.0]


async def test_a_failed_page_is_retried_at_the_same_skip() -> None:
    fake = FakeReply(
        ok({"items": [list_item_json(Dialect.SEED, 1)], "hasMore": True}),
        fail(httpx.ReadTimeout),
        ok({"items": [list_item_json(Dialect.SEED, 2)], "hasMore": False}),
    )
    async with reply_client(fake, retry=THREE) as reply:
        assert [t.id for t in await _drain(reply.filter_tasks(page_size=1))] == [1, 2]
    assert [r.url.params["skip"] for r in fake.requests] == ["0", "1", "1"]


async def test_each_retry_is_logged_at_warning_without_the_key(
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake = FakeReply(
        problem(503, {"title": "Service Unavailable", "detail": f"key {KEY} is busy"}),
        ok({"userId": 1}),
    )
    with caplog.at_level(logging.WARNING, logger="bot.reply.client"):
        async with reply_client(fake, retry=THREE) as reply:
            await reply.whoami()
    (record,) = caplog.records
    assert record.levelno == logging.WARNING
    assert record.getMessage() == (
        "Reply whoami failed: GET /v3/whoami: Reply answered 503 Service "
        "Unavailable: key [redacted] is busy; retrying in 0.50s (attempt 2 of 3; the request is "
        "safe to repeat)"
    )
    assert KEY not in caplog.text


async def test_task_may_have_been_created_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    fake = FakeReply(fail(httpx.ReadTimeout))
    with caplog.at_level(logging.WARNING, logger="bot.reply.client"):
        async with reply_client(fake) as reply:
            with pytest.raises(TaskMayHaveBeenCreated):
                await reply.create_task(CALL)
    assert "Reply may have created the task" in caplog.text
