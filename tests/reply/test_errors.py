"""The ReplyError tree itself: its shape, the status table, messages and key scrubbing."""

from __future__ import annotations

import inspect
import re
from datetime import UTC, datetime, timedelta

import pytest

from bot.domain import FieldProblem, TaskType, TaskWrite
from bot.reply import errors
from bot.reply.errors import (
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
    TaskMayHaveBeenCreated,
    error_class_for_status,
    redact,
)

TREE = {
    ReplyTransportError: ReplyError,
    ReplyConnectionError: ReplyTransportError,
    ReplyTimeout: ReplyTransportError,
    ReplyStatusError: ReplyError,
    ReplyValidationError: ReplyStatusError,
    ReplyAuthenticationError: ReplyStatusError,
    ReplyPermissionError: ReplyStatusError,
    ReplyNotFound: ReplyStatusError,
    ReplyConflict: ReplyStatusError,
    ReplyRateLimited: ReplyStatusError,
    ReplyServerError: ReplyStatusError,
    ReplyUnexpectedResponse: ReplyError,
    TaskMayHaveBeenCreated: ReplyError,
}


@pytest.mark.parametrize(("child", "parent"), TREE.items(), ids=lambda c: c.__name__)
def test_the_tree(child: type[ReplyError], parent: type[ReplyError]) -> None:
    assert child.__bases__ == (parent,)


def test_the_docstring_draws_every_error_class_and_no_other() -> None:
    defined = {
        name
        for name, value in vars(errors).items()
        if inspect.isclass(value)
        and issubclass(value, Exception)
        and value.__module__ == errors.__name__
    }
    drawn = set(re.findall(r"(?:├──|└──)\s*(\w+)|^ {4}(\w+)", errors.__doc__ or "", re.M))
    assert {branch or root for branch, root in drawn} == defined


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (400, ReplyValidationError),
        (401, ReplyAuthenticationError),
        (403, ReplyPermissionError),
        (404, ReplyNotFound),
        (405, ReplyStatusError),
        (409, ReplyConflict),
        (415, ReplyStatusError),
        (422, ReplyStatusError),
        (429, ReplyRateLimited),
        (500, ReplyServerError),
        (502, ReplyServerError),
        (503, ReplyServerError),
        (599, ReplyServerError),
    ],
)
def test_each_status_has_its_class(status: int, kind: type[ReplyStatusError]) -> None:
    assert error_class_for_status(status) is kind


KEY = "rk_3f9a1c2e7b5d4c8a9e0f1b2c3d4e5f6a"


@pytest.mark.parametrize(
    ("text", "secret", "scrubbed"),
    [
        (f"Invalid key {KEY}.", KEY, "Invalid key [redacted]."),
        (f"Bearer {KEY}{KEY}", KEY, "Bearer [redacted][redacted]"),
        ("Nothing secret here.", KEY, "Nothing secret here."),
        ("Invalid key: k.", "k", "Invalid key: [redacted]."),
        ("Task not found; keep k-ey", "k", "Task not found; keep [redacted]-ey"),
        ("The latest test run", "test", "The latest [redacted] run"),
        ("anything", "", "anything"),
    ],
    ids=["long", "twice", "absent", "short-token", "short-inside-words", "short-word", "empty"],
)
def test_redact(text: str, secret: str, scrubbed: str) -> None:
    assert redact(text, secret) == scrubbed


def test_str_is_the_message_and_repr_names_the_class() -> None:
    error = ReplyNotFound("GET /v3/tasks/42: Reply answered 404 Not Found", status=404)
    assert str(error) == error.message == "GET /v3/tasks/42: Reply answered 404 Not Found"
    assert repr(error).startswith("ReplyNotFound(")


def test_status_errors_carry_the_problem() -> None:
    error = ReplyConflict(
        "m", status=409, title="Conflict", detail="Already finished.", code="task.cannotComplete",
        error_code=7, request_id="req-1",
    )  # fmt: skip
    assert (error.status, error.title, error.detail) == (409, "Conflict", "Already finished.")
    assert (error.code, error.error_code, error.request_id) == ("task.cannotComplete", 7, "req-1")


def test_rate_limited_carries_retry_after() -> None:
    assert ReplyRateLimited("m", status=429, retry_after=60.0).retry_after == 60.0
    assert ReplyRateLimited("m", status=429).retry_after is None


def test_server_validation_problems_are_the_field_errors_that_map_to_a_field() -> None:
    error = ReplyValidationError(
        "m",
        status=400,
        field_errors=[
            FieldError("/dueTo", "'dueTo' must be after 'startAt'.", "due_to"),
            FieldError("top", "'top' must be between 1 and 1000.", None),
        ],
    )
    assert error.problems == (FieldProblem("due_to", "'dueTo' must be after 'startAt'."),)
    assert len(error.field_errors) == 2


def test_a_validation_error_before_sending_has_no_status() -> None:
    problems = [
        FieldProblem("due_to", "The due time must be after the start."),
        FieldProblem("body", "The task needs a description."),
    ]
    error = ReplyValidationError.before_sending(problems)
    assert error.status is None
    assert error.problems == tuple(problems)
    assert [e.field for e in error.field_errors] == ["due_to", "body"]
    assert error.message == (
        "Not sent to Reply, the task has problems: due_to: The due time must be after the "
        "start.; body: The task needs a description."
    )


def test_a_bad_argument_points_at_the_parameter() -> None:
    error = ReplyValidationError.bad_argument("id", "'id' must be a positive integer, got 0.")
    assert error.status is None
    assert error.field_errors == (FieldError("id", "'id' must be a positive integer, got 0."),)
    assert error.problems == ()


def test_task_may_have_been_created_keeps_the_task_and_the_cause() -> None:
    now = datetime(2025, 6, 2, 9, tzinfo=UTC)
    task = TaskWrite(TaskType.TODO, now, now + timedelta(hours=1), "Prepare the demo")
    cause = ReplyTimeout(
        "POST /v3/tasks: Reply did not answer within 10s", may_have_reached_reply=True
    )
    error = TaskMayHaveBeenCreated(task, cause)
    assert error.task is task
    assert error.cause is cause
    assert "Reply did not answer within 10s" in error.message
    assert "Look for it before creating it again" in error.message


def test_transport_errors_say_whether_reply_may_have_acted() -> None:
    assert not ReplyConnectionError("m", may_have_reached_reply=False).may_have_reached_reply
    assert ReplyTimeout("m", may_have_reached_reply=True).may_have_reached_reply


def test_unexpected_response_keeps_status_and_excerpt() -> None:
    error = ReplyUnexpectedResponse("m", status=200, body_excerpt="<html>")
    assert (error.status, error.body_excerpt) == (200, "<html>")
