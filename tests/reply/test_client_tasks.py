"""ReplyClient task operations: what goes over the wire in each dialect, and what comes back.

In the beta dialect every request is validated against Reply's OpenAPI document, and so is
every scripted answer (`documented=True`), so the fixtures cannot drift from the spec.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from bot.domain import (
    CallResolution,
    DeliveryInfo,
    LinkedInAction,
    TaskContent,
    TaskStatus,
    TaskSummary,
    TaskType,
    TaskWrite,
)
from bot.reply import ReplyUnexpectedResponse, ReplyValidationError
from bot.reply.enums import Dialect
from tests.reply.client_fakes import KEY, FakeReply, ok, problem, reply_client
from tests.reply.client_payloads import list_item_json, task_json

NEW_YORK = ZoneInfo("America/New_York")
START = datetime(2025, 6, 2, 5, 0, tzinfo=NEW_YORK)  # 09:00 UTC
DUE = datetime(2025, 6, 2, 13, 0, tzinfo=NEW_YORK)  # 17:00 UTC
CALL = TaskWrite(
    TaskType.CALL, START, DUE, "Call {{firstName}} about the renewal", contact_id=12345
)
BOTH = pytest.mark.parametrize("dialect", list(Dialect), ids=str)


def wire(dialect: Dialect, seed: object, beta: object) -> object:
    return seed if dialect is Dialect.SEED else beta


def assert_authenticated(request: httpx.Request, dialect: Dialect) -> None:
    if dialect is Dialect.SEED:
        assert request.headers["X-API-Key"] == KEY
        assert "Authorization" not in request.headers
    else:
        assert request.headers["Authorization"] == f"Bearer {KEY}"
        assert "X-API-Key" not in request.headers
    assert request.headers["User-Agent"] == "taskbot/0.1.0"


# --------------------------------------------------------------------------------------
# create


@BOTH
async def test_create_sends_the_documented_body_and_reads_the_task(dialect: Dialect) -> None:
    fake = FakeReply(ok(task_json(dialect), status=201), dialect=dialect, documented=True)
    async with reply_client(fake) as reply:
        task = await reply.create_task(CALL)
    sent = fake.request
    assert (sent.method, sent.url.path, sent.url.query) == ("POST", "/v3/tasks", b"")
    assert_authenticated(sent, dialect)
    assert sent.headers["Content-Type"] == "application/json"
    assert fake.body(sent) == {
        "taskType": wire(dialect, 2, "call"),
        "startAt": "2025-06-02T09:00:00Z",
        "dueTo": "2025-06-02T17:00:00Z",
        "template": {"body": "Call {{firstName}} about the renewal"},
        "contactId": 12345,
    }
    assert task.id == 501
    assert task.task_type is TaskType.CALL
    assert task.status is TaskStatus.NEW
    assert task.start_at == datetime(2025, 6, 2, 9, tzinfo=UTC)


@BOTH
async def test_a_linkedin_inmail_and_a_contactless_todo(dialect: Dialect) -> None:
    inmail = TaskWrite(
        TaskType.LINKEDIN, START, DUE, "Intro", contact_id=7,
        linkedin_action=LinkedInAction.INMAIL, subject="Quick question",
    )  # fmt: skip
    todo = TaskWrite(TaskType.TODO, START, DUE, "Prepare the QBR deck")
    answers = [
        ok(task_json(dialect, taskType=wire(dialect, 5, "linkedIn"),
                     linkedInTaskType=wire(dialect, 2, "inMail")), status=201),
        ok(task_json(dialect, taskType=wire(dialect, 0, "toDo"), contactId=None), status=201),
    ]  # fmt: skip
    fake = FakeReply(*answers, dialect=dialect, documented=True)
    async with reply_client(fake) as reply:
        linkedin = await reply.create_task(inmail)
        contactless = await reply.create_task(todo)
    first, second = (fake.body(r) for r in fake.requests)
    assert first["linkedInTaskType"] == wire(dialect, 2, "inMail")
    assert first["template"] == {"body": "Intro", "subject": "Quick question"}
    assert second["contactId"] is None
    assert "linkedInTaskType" not in second
    assert linkedin.linkedin_action is LinkedInAction.INMAIL
    assert contactless.contact_id is None


async def test_create_accepts_200_as_well_as_201() -> None:
    # The seed did not document the create status (reply-api-v3.md §10 q2).
    fake = FakeReply(ok(task_json(Dialect.SEED), status=200))
    async with reply_client(fake) as reply:
        assert (await reply.create_task(CALL)).id == 501


@pytest.mark.parametrize(
    ("task", "fields"),
    [
        (TaskWrite(TaskType.CALL, START, DUE, "Call"), ["contact"]),
        (TaskWrite(TaskType.CALL, DUE, START, "  ", contact_id=7), ["due_to", "body"]),
        (TaskWrite(TaskType.LINKEDIN, START, DUE, "Hi", contact_id=7), ["linkedin_action"]),
        (
            TaskWrite(TaskType.SMS, START, DUE, "Hi", contact_id=7,
                      linkedin_action=LinkedInAction.CONNECT),
            ["linkedin_action"],
        ),
        (
            TaskWrite(TaskType.TODO, datetime(2014, 12, 31, tzinfo=UTC),
                      datetime(2015, 1, 2, tzinfo=UTC), "Old"),
            ["start_at"],
        ),
    ],
    ids=["no-contact", "due-before-start-and-no-body", "linkedin-without-action",
         "action-on-sms", "before-2015"],
)  # fmt: skip
async def test_a_task_with_problems_is_not_sent(task: TaskWrite, fields: list[str]) -> None:
    fake = FakeReply(ok(task_json(Dialect.SEED), status=201))
    async with reply_client(fake) as reply:
        with pytest.raises(ReplyValidationError) as caught:
            await reply.create_task(task)
        with pytest.raises(ReplyValidationError):
            await reply.update_task(501, task)
    assert fake.requests == []
    assert caught.value.status is None
    assert [p.field for p in caught.value.problems] == fields
    assert caught.value.message.startswith("Not sent to Reply, the task has problems: ")


# --------------------------------------------------------------------------------------
# get, update, complete, delete


@BOTH
async def test_get_asks_for_the_rendered_content(dialect: Dialect) -> None:
    rendered = task_json(
        dialect,
        content={"body": "Call John about the renewal", "subject": None},
        deliveryInfo={"email": None, "phoneNumber": "+1-415-555-0123", "linkedInUrl": None},
    )
    fake = FakeReply(ok(rendered), ok(task_json(dialect)), dialect=dialect, documented=True)
    async with reply_client(fake) as reply:
        task = await reply.get_task(501)
        plain = await reply.get_task(501, include_content=False)
    with_content, without = fake.requests
    assert (with_content.method, with_content.url.path) == ("GET", "/v3/tasks/501")
    assert with_content.url.params["includeContent"] == "true"
    assert without.url.query == b""
    assert_authenticated(with_content, dialect)
    assert task.content == TaskContent("Call John about the renewal")
    assert task.delivery == DeliveryInfo(phone_number="+1-415-555-0123")
    assert plain.content is None


@BOTH
async def test_update_puts_the_whole_task(dialect: Dialect) -> None:
    moved = TaskWrite(TaskType.MEETING, START + timedelta(days=1), DUE + timedelta(days=1),
                      "Demo", contact_id=12345)  # fmt: skip
    answer = task_json(dialect, taskType=wire(dialect, 4, "meeting"),
                       startAt="2025-06-03T09:00:00Z", dueTo="2025-06-03T17:00:00Z")  # fmt: skip
    fake = FakeReply(ok(answer), dialect=dialect, documented=True)
    async with reply_client(fake) as reply:
        task = await reply.update_task(501, moved)
    sent = fake.request
    assert (sent.method, sent.url.path) == ("PUT", "/v3/tasks/501")
    assert fake.body(sent) == {
        "taskType": wire(dialect, 4, "meeting"),
        "startAt": "2025-06-03T09:00:00Z",
        "dueTo": "2025-06-03T17:00:00Z",
        "template": {"body": "Demo"},
        "contactId": 12345,
    }
    assert task.task_type is TaskType.MEETING


@BOTH
@pytest.mark.parametrize(
    ("kwargs", "body"),
    [
        ({}, {}),
        ({"call_resolution": CallResolution.POSITIVE}, {"callResolution": 0}),
        ({"call_resolution": CallResolution.TO_CALL}, {"callResolution": 1}),
        (
            {"call_resolution": CallResolution.NEGATIVE, "finish_prospect_in_sequence": True},
            {"callResolution": 2, "finishProspectInSequence": True},
        ),
    ],
    ids=["done", "positive", "to-call", "negative-and-finish"],
)
async def test_complete(dialect: Dialect, kwargs: dict[str, Any], body: dict[str, Any]) -> None:
    finished = task_json(dialect, status=wire(dialect, 1, "finished"),
                         finishedAt="2025-06-02T10:00:00Z")  # fmt: skip
    fake = FakeReply(ok(finished), dialect=dialect, documented=True)
    async with reply_client(fake) as reply:
        task = await reply.complete_task(501, **kwargs)
    sent = fake.request
    assert (sent.method, sent.url.path) == ("POST", "/v3/tasks/501/complete")
    # callResolution is an integer in both dialects (Reply's OpenAPI has no string form).
    assert fake.body(sent) == body
    assert task.status is TaskStatus.FINISHED
    assert task.finished_at == datetime(2025, 6, 2, 10, tzinfo=UTC)


@BOTH
async def test_delete(dialect: Dialect) -> None:
    # Only the request is checked against the OpenAPI file: it declares a JSON content for
    # the 204 it also calls "empty", which no empty body can satisfy.
    fake = FakeReply(httpx.Response(204), dialect=dialect)
    async with reply_client(fake) as reply:
        assert await reply.delete_task(501) is None
    sent = fake.request
    assert (sent.method, sent.url.path, sent.content) == ("DELETE", "/v3/tasks/501", b"")
    assert_authenticated(sent, dialect)


async def test_delete_accepts_200() -> None:
    """An API that answers 200 with the cancelled task has deleted it too: no error, and
    no second DELETE."""
    fake = FakeReply(ok(task_json(Dialect.SEED, status=3)))
    async with reply_client(fake) as reply:
        assert await reply.delete_task(501) is None  # type: ignore[func-returns-value]
    assert [(r.method, r.url.path) for r in fake.requests] == [("DELETE", "/v3/tasks/501")]


async def test_an_undocumented_success_status_is_unexpected() -> None:
    fake = FakeReply(httpx.Response(202, headers={"Location": "/v3/background-jobs/9"}))
    async with reply_client(fake) as reply:
        with pytest.raises(ReplyUnexpectedResponse, match="202 with an undocumented status"):
            await reply.get_task(501)


@pytest.mark.parametrize("bad", [0, -3, True, "42", 4.0, None], ids=repr)
async def test_ids_must_be_positive_integers(bad: Any) -> None:
    fake = FakeReply(ok(task_json(Dialect.SEED)))
    async with reply_client(fake) as reply:
        for attempt in (
            reply.get_task(bad),
            reply.update_task(bad, CALL),
            reply.complete_task(bad),
            reply.delete_task(bad),
        ):
            with pytest.raises(ReplyValidationError) as caught:
                await attempt
            assert caught.value.field_errors[0].pointer == "id"
            assert f"got {bad!r}" in caught.value.message
    assert fake.requests == []


# --------------------------------------------------------------------------------------
# filter


def page(dialect: Dialect, ids: list[int], has_more: bool) -> httpx.Response:
    return ok({"items": [list_item_json(dialect, i) for i in ids], "hasMore": has_more})


@BOTH
async def test_filter_pages_until_has_more_is_false(dialect: Dialect) -> None:
    fake = FakeReply(
        page(dialect, [1, 2], True),
        page(dialect, [3, 4], True),
        page(dialect, [5], False),
        dialect=dialect,
        documented=True,
    )
    async with reply_client(fake) as reply:
        found = [
            t.id
            async for t in reply.filter_tasks(
                status=TaskStatus.NEW, task_type=TaskType.CALL, assigned_user_id=42, page_size=2
            )
        ]
    assert found == [1, 2, 3, 4, 5]
    assert [(r.url.params["top"], r.url.params["skip"]) for r in fake.requests] == [
        ("2", "0"), ("2", "2"), ("2", "4"),
    ]  # fmt: skip
    for request in fake.requests:
        assert (request.method, request.url.path) == ("POST", "/v3/tasks/filter")
        assert fake.body(request) == {
            "status": wire(dialect, 0, "new"),
            "taskType": wire(dialect, 2, "call"),
            "assignedUserId": 42,
        }


@BOTH
async def test_filter_sends_every_criterion(dialect: Dialect) -> None:
    fake = FakeReply(page(dialect, [], False), dialect=dialect, documented=True)
    async with reply_client(fake) as reply:
        found = reply.filter_tasks(
            contact_id=12345, start_from=START, start_to=DUE, overdue=True,
            status=TaskStatus.FINISHED,
        )  # fmt: skip
        assert [t async for t in found] == []
    assert fake.body(fake.request) == {
        "contactId": 12345, "from": "2025-06-02T09:00:00Z", "to": "2025-06-02T17:00:00Z",
        "overdue": True, "status": wire(dialect, 1, "finished"),
    }  # fmt: skip
    assert fake.request.url.params["top"] == "100"


async def test_filter_with_no_criteria_sends_an_empty_object() -> None:
    # The body is required (reply-api-v3.md §5.4): {} returns every task.
    fake = FakeReply(page(Dialect.BETA, [7], False), dialect=Dialect.BETA, documented=True)
    async with reply_client(fake) as reply:
        assert [t.id async for t in reply.filter_tasks()] == [7]
    assert fake.request.content == b"{}"


async def test_filter_advances_by_what_reply_returned_when_it_caps_a_page() -> None:
    fake = FakeReply(page(Dialect.SEED, [1, 2], True), page(Dialect.SEED, [3], False))
    async with reply_client(fake) as reply:
        assert [t.id async for t in reply.filter_tasks(page_size=1000)] == [1, 2, 3]
    assert [r.url.params["skip"] for r in fake.requests] == ["0", "2"]


async def test_stopping_early_sends_no_more_requests() -> None:
    fake = FakeReply(page(Dialect.SEED, [1, 2], True), page(Dialect.SEED, [3, 4], False))
    async with reply_client(fake) as reply:
        async for task in reply.filter_tasks(page_size=2):
            assert task.id == 1
            break
    assert len(fake.requests) == 1


async def test_an_empty_page_that_claims_more_is_unexpected() -> None:
    fake = FakeReply(page(Dialect.SEED, [1], True), page(Dialect.SEED, [], True))
    async with reply_client(fake) as reply:
        with pytest.raises(ReplyUnexpectedResponse, match="hasMore on an empty page"):
            _ = [t async for t in reply.filter_tasks()]
    assert len(fake.requests) == 2


async def test_an_error_on_a_later_page_is_raised_after_the_earlier_items() -> None:
    fake = FakeReply(
        page(Dialect.SEED, [1], True),
        problem(400, {"title": "Bad Request", "status": 400, "code": "task.invalidPagination",
                      "detail": "Parameter 'top' must be between 1 and 1000."}),
    )  # fmt: skip
    seen: list[int] = []

    async def collect(found: AsyncIterator[TaskSummary]) -> None:
        async for task in found:
            seen.append(task.id)

    async with reply_client(fake) as reply:
        with pytest.raises(ReplyValidationError) as caught:
            await collect(reply.filter_tasks())
    assert seen == [1]
    assert caught.value.code == "task.invalidPagination"


@pytest.mark.parametrize("size", [0, 1001, -1, True, 2.5], ids=repr)
async def test_page_size_must_be_1_to_1000_and_is_checked_before_iterating(size: Any) -> None:
    fake = FakeReply(page(Dialect.SEED, [], False))
    async with reply_client(fake) as reply:
        with pytest.raises(ReplyValidationError, match="'top' must be between 1 and 1000"):
            reply.filter_tasks(page_size=size)  # no `async for`: the call itself refuses
    assert fake.requests == []


@pytest.mark.parametrize(
    ("kwargs", "pointer"),
    [
        ({"start_from": datetime(2025, 6, 2, 9)}, "from"),
        ({"start_to": datetime(2025, 6, 2, 9)}, "to"),
        ({"start_from": DUE, "start_to": START}, "to"),
        ({"contact_id": 0}, "contactId"),
        ({"assigned_user_id": -1}, "assignedUserId"),
    ],
    ids=["naive-from", "naive-to", "to-before-from", "contact-0", "user-negative"],
)
async def test_bad_filter_arguments_are_refused_at_once(
    kwargs: dict[str, Any], pointer: str
) -> None:
    fake = FakeReply(page(Dialect.SEED, [], False))
    async with reply_client(fake) as reply:
        with pytest.raises(ReplyValidationError) as caught:
            reply.filter_tasks(**kwargs)
    assert caught.value.field_errors[0].pointer == pointer
    assert fake.requests == []
