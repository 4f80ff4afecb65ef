"""Reply's errors as sentences (bot/messages/reply.py): every class, real Reply and sandbox
wording, field-by-field validation, and when to retry."""

from __future__ import annotations

import pytest

from bot.domain import TaskType, TaskWrite
from bot.messages.reply import (
    explain,
    may_have_been_created,
    not_saved_after_error,
    retry_hint,
)
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
    ReplyUnexpectedResponse,
    ReplyValidationError,
    TaskMayHaveBeenCreated,
)
from tests.service_support import DUE, NOW

DOING = "create the task"


@pytest.mark.parametrize(
    ("error", "says"),
    [
        pytest.param(
            ReplyAuthenticationError("401", status=401),
            "Reply didn't accept taskbot's API key: it is wrong, or it was revoked. Whoever "
            "runs taskbot needs to set REPLY_API_KEY",
            id="401",
        ),
        pytest.param(
            ReplyPermissionError("403", status=403),
            "Reply didn't let taskbot create the task: the Reply user behind taskbot's API key "
            "lacks a feature or team membership",
            id="403",
        ),
        pytest.param(
            ReplyNotFound("404", status=404),
            "Reply couldn't find what taskbot needed to create the task",
            id="404",
        ),
        pytest.param(
            ReplyConflict("409", status=409, detail="Task is already completed."),
            "Reply refused to create the task because of the task's current state "
            "(Task is already completed).",
            id="409",
        ),
        pytest.param(
            ReplyRateLimited("429", status=429, retry_after=12),
            "Reply is over its rate limit (100 requests a minute per user), so taskbot "
            "couldn't create the task. Try again in 12 seconds.",
            id="429",
        ),
        pytest.param(
            ReplyServerError("503", status=503),
            "Reply had a problem on its side (HTTP 503) and couldn't create the task. "
            "Try again in a few minutes.",
            id="5xx",
        ),
        pytest.param(
            ReplyStatusError("415", status=415, detail="Unsupported media type."),
            "Reply turned down the request to create the task (HTTP 415: Unsupported media type).",
            id="other-4xx",
        ),
        pytest.param(
            ReplyTimeout("slow", may_have_reached_reply=False),
            "Reply didn't answer in time, so taskbot couldn't create the task. Try again.",
            id="timeout",
        ),
        pytest.param(
            ReplyConnectionError("refused", may_have_reached_reply=False),
            "taskbot couldn't reach Reply to create the task (a network problem, or Reply is "
            "down).",
            id="connection",
        ),
        pytest.param(
            ReplyUnexpectedResponse("garbled", status=200),
            "Reply answered in a way taskbot doesn't understand, so it couldn't create the task.",
            id="unreadable",
        ),
    ],
)
def test_each_error_is_a_sentence_with_a_next_step(error: ReplyError, says: str) -> None:
    explanation = explain(error, doing=DOING, sandbox=False)
    assert explanation.message.startswith(says)
    assert explanation.message.endswith(".")
    assert "sandbox" not in explanation.message


def test_the_sandbox_is_never_called_reply_nor_blamed_on_a_reply_account() -> None:
    auth = explain(ReplyAuthenticationError("401", status=401), doing=DOING, sandbox=True)
    assert auth.message.startswith("The Reply sandbox refused taskbot's key.")
    assert "REPLY_API_KEY" not in auth.message
    dropped = ReplyConnectionError("x", may_have_reached_reply=True)
    broken = explain(dropped, doing=DOING, sandbox=True)
    assert broken.message == (
        "taskbot lost its connection to the Reply sandbox and couldn't create the task. Try again."
    )
    limited = explain(ReplyRateLimited("429", status=429), doing=DOING, sandbox=True)
    assert limited.message.startswith("The Reply sandbox is over its rate limit")


def test_reply_validation_is_listed_field_by_field() -> None:
    error = ReplyValidationError(
        "400",
        status=400,
        field_errors=[
            FieldError("/dueTo", "'dueTo' must be after 'startAt'.", "due_to"),
            FieldError("/template/body", "'body' must not be empty.", "body"),
            FieldError("", "The request body is invalid."),
        ],
    )
    explanation = explain(error, doing=DOING, sandbox=False)
    assert explanation.message == "Reply refused to create the task:"
    assert explanation.details == (
        "Due: 'dueTo' must be after 'startAt'.",
        "What to do: 'body' must not be empty.",
        "The request body is invalid.",
    )


def test_a_business_rule_400_is_one_sentence() -> None:
    error = ReplyValidationError(
        "400", status=400, code="task.unknown", detail="Only tasks with 'New' status can be edited."
    )
    assert explain(error, doing="save the task", sandbox=False).message == (
        "Reply refused to save the task: Only tasks with 'New' status can be edited."
    )


def test_a_write_stopped_before_sending_says_nothing_was_sent() -> None:
    write = TaskWrite(TaskType.CALL, start_at=NOW, due_to=DUE, body="")
    explanation = explain(
        ReplyValidationError.before_sending(write.problems()), doing=DOING, sandbox=False
    )
    assert explanation.message == "taskbot didn't send this to Reply; fix these first:"
    assert explanation.details == (
        "What to do: The task needs a description.",
        "Contact: Pick the contact this task is for.",
    )


def test_an_unclear_create_never_suggests_simply_trying_again() -> None:
    write = TaskWrite(TaskType.TODO, start_at=NOW, due_to=DUE, body="x")
    cause = ReplyTimeout("read timeout", may_have_reached_reply=True)
    explanation = explain(TaskMayHaveBeenCreated(write, cause), doing=DOING, sandbox=False)
    assert "Try again" not in explanation.message
    assert "check your tasks there before you create it again" in explanation.message
    searched = may_have_been_created(cause, sandbox=False, searched=True)
    assert searched.startswith("Reply didn't answer in time while taskbot was creating your task.")
    assert "can't find the task in Reply, but Reply may still be saving it" in searched


def test_not_saved_after_an_answered_error_is_the_retryable_case() -> None:
    message = not_saved_after_error(ReplyServerError("500", status=500), sandbox=False)
    assert message == (
        "Reply answered with an error (HTTP 500) to the new task, and the task is not in Reply "
        "(taskbot checked). Try again in a minute."
    )


@pytest.mark.parametrize(
    ("seconds", "hint"),
    [
        (None, "Try again in a minute."),
        (0, "Try again in a minute."),
        (1, "Try again in 1 second."),
        (0.2, "Try again in 1 second."),
        (59.5, "Try again in 60 seconds."),
        (89, "Try again in 89 seconds."),
        (90, "Try again in 2 minutes."),
        (3600, "Try again in 60 minutes."),
    ],
)
def test_retry_hints_round_up(seconds: float | None, hint: str) -> None:
    assert retry_hint(seconds) == hint
