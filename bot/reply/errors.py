"""Everything that can go wrong talking to Reply, as types (ARCHITECTURE.md rule 5).

    ReplyError                          base; .message is safe to log (never holds the API key)
     ├── ReplyTransportError            no usable HTTP answer; .may_have_reached_reply
     │    ├── ReplyConnectionError      could not connect, or the connection dropped
     │    └── ReplyTimeout              connect, pool, write or read timeout
     ├── ReplyStatusError               Reply answered 4xx/5xx: .status .title .detail
     │    │                             .code (beta slug) .error_code (seed int) .request_id
     │    ├── ReplyValidationError      400, or raised before sending (status None):
     │    │                             .field_errors (FieldError) and .problems (FieldProblem)
     │    ├── ReplyAuthenticationError  401 (an empty body, or problem+json: both documented)
     │    ├── ReplyPermissionError      403
     │    ├── ReplyNotFound             404
     │    ├── ReplyConflict             409 (e.g. task.cannotComplete)
     │    ├── ReplyRateLimited          429: .retry_after (seconds, from Retry-After)
     │    └── ReplyServerError          5xx
     ├── ReplyUnexpectedResponse        a 2xx (or 3xx) answer taskbot cannot understand
     └── TaskMayHaveBeenCreated         a create whose outcome is unknown: .task, .cause

Reply documents two error bodies (reply-api-v3.md §3): the seed's RFC 9457 problem with an
integer `errorCode`, and the beta's problem with a string `code` slug plus, on 400,
`errors[]` of `{pointer, detail}`. Both land on the same attributes; whichever the server did
not send is None. Other 4xx statuses (405, 415, ...) raise plain `ReplyStatusError`.

A 400 is not always about a field: `task.unknown` ("Only tasks with 'New' status can be
edited.") is a business rule. Such errors have `.code` set and no `.field_errors`.

Every text that came from the server is scrubbed of the API key (`redact`) before it is
stored here, because a server (or a proxy) may echo request headers into an error body.
"""

# The names below are the ones the rest of taskbot uses (httpx-style: ReplyTimeout, not
# ReplyTimeoutError), so the Error-suffix rule is off for this module.
# ruff: noqa: N818

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypedDict, Unpack

from bot.domain import Field, FieldProblem, TaskWrite

REDACTED = "[redacted]"
# Keys this short are not real Reply keys (the sandbox accepts any), and replacing every
# occurrence of, say, "k" would mangle the message; below it only whole tokens are scrubbed.
_SHORT_SECRET = 8


def redact(text: str, secret: str) -> str:
    """`text` with every occurrence of `secret` replaced by `[redacted]`."""
    if not secret or secret not in text:
        return text
    if len(secret) >= _SHORT_SECRET:
        return text.replace(secret, REDACTED)
    token = rf"(?<![A-Za-z0-9]){re.escape(secret)}(?![A-Za-z0-9])"
    return re.sub(token, REDACTED, text)


class ReplyError(Exception):
    """Base of every Reply client error. `message` (also `str(error)`) is safe to log."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


# --------------------------------------------------------------------------------------
# No usable HTTP answer


class ReplyTransportError(ReplyError):
    """No usable HTTP answer. `may_have_reached_reply` is False only when the request
    certainly never arrived complete (connection refused, connect or pool timeout), so Reply
    cannot have acted on it; see `bot.reply._sending` for the httpx exception mapping."""

    def __init__(self, message: str, *, may_have_reached_reply: bool) -> None:
        super().__init__(message)
        self.may_have_reached_reply = may_have_reached_reply


class ReplyConnectionError(ReplyTransportError):
    """Could not connect, or the connection dropped before an answer arrived."""


class ReplyTimeout(ReplyTransportError):
    """Reply did not answer (or accept the connection) in time."""


# --------------------------------------------------------------------------------------
# Reply answered with an error status


@dataclass(frozen=True, slots=True)
class FieldError:
    """One `errors[]` item of a validation problem.

    `pointer` is Reply's raw JSON Pointer (`/dueTo`; `""` is the whole body; a bare name
    such as `id` or `top` is a route or query parameter), or None when the server gave no
    pointer (the seed dialect; the field was read from `detail`). `field` is the matching
    `TaskWrite` field when there is one, so a form can show the message beside it.
    """

    pointer: str | None
    detail: str
    field: Field | None = None


class ProblemDetails(TypedDict, total=False):
    """What an error body and its headers say beyond the status (RFC 9457 `title` and
    `detail`, the beta `code`, the seed `errorCode`, the request id); every subclass of
    `ReplyStatusError` takes them the same way."""

    title: str | None
    detail: str | None
    code: str | None
    error_code: int | None
    request_id: str | None


class ReplyStatusError(ReplyError):
    """Reply answered with a 4xx or 5xx status (or, for a validation error raised before
    sending, none: `status` is None)."""

    def __init__(
        self, message: str, *, status: int | None, **details: Unpack[ProblemDetails]
    ) -> None:
        super().__init__(message)
        self.status = status
        self.title = details.get("title")
        self.detail = details.get("detail")
        self.code = details.get("code")
        self.error_code = details.get("error_code")
        self.request_id = details.get("request_id")


class ReplyValidationError(ReplyStatusError):
    """Reply (400), or taskbot before sending (status None), refused the input.

    `field_errors` are what the server said, pointer by pointer; `problems` are the same
    messages tied to `TaskWrite` fields (those that map to one), in the shape
    `TaskWrite.problems()` uses, so a form shows client-side and server-side mistakes alike.
    A business 400 (`code` such as `task.unknown`) has neither.
    """

    def __init__(
        self,
        message: str,
        *,
        status: int | None,
        field_errors: Sequence[FieldError] = (),
        problems: Sequence[FieldProblem] | None = None,
        **details: Unpack[ProblemDetails],
    ) -> None:
        super().__init__(message, status=status, **details)
        self.field_errors = tuple(field_errors)
        if problems is None:
            problems = [FieldProblem(e.field, e.detail) for e in field_errors if e.field]
        self.problems = tuple(problems)

    @classmethod
    def before_sending(cls, problems: Sequence[FieldProblem]) -> ReplyValidationError:
        """The task broke a rule Reply enforces (`TaskWrite.problems()`); nothing was sent."""
        listed = "; ".join(f"{p.field}: {p.message}" for p in problems)
        return cls(
            f"Not sent to Reply, the task has problems: {listed}",
            status=None,
            field_errors=[FieldError(None, p.message, p.field) for p in problems],
            problems=problems,
        )

    @classmethod
    def bad_argument(cls, name: str, detail: str) -> ReplyValidationError:
        """A parameter Reply would refuse (`pointer` is its bare name, as Reply reports
        route and query parameters); nothing was sent."""
        return cls(
            f"Not sent to Reply: {detail}",
            status=None,
            field_errors=[FieldError(name, detail)],
        )


class ReplyAuthenticationError(ReplyStatusError):
    """401: the key is missing, malformed or revoked (or sent in the other dialect's header)."""


class ReplyPermissionError(ReplyStatusError):
    """403: the key's user lacks a feature scope or team membership (`task.forbidden`)."""


class ReplyNotFound(ReplyStatusError):
    """404: no such task or contact, or no permission to see it (Reply does not say which)."""


class ReplyConflict(ReplyStatusError):
    """409: the request clashes with the task's state (`task.cannotComplete`)."""


class ReplyRateLimited(ReplyStatusError):
    """429: over Reply's quota (100 requests/minute per user). `retry_after` is in seconds."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None,
        retry_after: float | None = None,
        **details: Unpack[ProblemDetails],
    ) -> None:
        super().__init__(message, status=status, **details)
        self.retry_after = retry_after


class ReplyServerError(ReplyStatusError):
    """5xx: Reply (or something in front of it) failed."""


_BY_STATUS: dict[int, type[ReplyStatusError]] = {
    400: ReplyValidationError,
    401: ReplyAuthenticationError,
    403: ReplyPermissionError,
    404: ReplyNotFound,
    409: ReplyConflict,
    429: ReplyRateLimited,
}


def error_class_for_status(status: int) -> type[ReplyStatusError]:
    """The error type for an HTTP error status (4xx/5xx)."""
    if status >= 500:
        return ReplyServerError
    return _BY_STATUS.get(status, ReplyStatusError)


# --------------------------------------------------------------------------------------
# Answers taskbot cannot use


class ReplyUnexpectedResponse(ReplyError):
    """A success (or redirect) status with a body taskbot cannot read: not JSON, a missing
    required field, an unknown enum value. `body_excerpt` is the start of the body."""

    def __init__(self, message: str, *, status: int | None, body_excerpt: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.body_excerpt = body_excerpt


class TaskMayHaveBeenCreated(ReplyError):
    """`create_task` sent the task but cannot tell whether Reply stored it.

    Reply has no idempotency key, so the client never re-sends a create that may have
    arrived (a read timeout, a connection dropped after sending, a 5xx, an unreadable
    2xx). The caller should look for the task first (e.g. `filter_tasks(contact_id=...)`)
    and only then create it again, or tell the user exactly this.
    """

    def __init__(self, task: TaskWrite, cause: ReplyError) -> None:
        super().__init__(
            f"Reply may have created the task, but taskbot cannot tell ({cause.message}). "
            "Look for it before creating it again."
        )
        self.task = task
        self.cause = cause
