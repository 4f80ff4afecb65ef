"""Problem Details (RFC 9457) exactly as Reply sends them, in either dialect.

Reply's error format (reply-api-v3.md §3):

* bare envelope `{title, status, detail}`: 401, 429 and route-level 404/405/415;
* beta business problems add `code`, a `<resource>.<variant>` slug (`task.notFound`);
* beta validation problems (400) add `errors[]` of `{pointer, detail}`; the pointer is a JSON
  Pointer into the body (`/template/body`), `""` for the whole body, or the bare name of a
  route or query parameter (`id`, `top`);
* seed problems carry an integer `errorCode` instead of `code` and no `errors[]`: the seed
  errors page documents `title`, `status`, `detail`, `errorCode` and nothing else.

Reply's seed `errorCode` table for Tasks was never captured, so `SeedErrorCode` is our choice,
kept here and nowhere else.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from http import HTTPStatus

from starlette.responses import JSONResponse

from bot.reply.enums import Dialect

PROBLEM_JSON = "application/problem+json"


class SeedErrorCode(enum.IntEnum):
    """The seed dialect's `errorCode`, one table for tasks and contacts.

    Where a meaning overlaps a documented table the number follows it: the Sequences table
    (1 NotFound, 2 Forbidden, 10 InvalidPagination) and the batch item codes (1 NotFound,
    7 CannotComplete). The rest are ours. Unlike Reply ("the same number can mean different
    things in different domains"), a number here means the same thing in every domain.
    """

    NOT_FOUND = 1
    FORBIDDEN = 2
    INVALID_INPUT = 3  # request validation (beta: a validation problem with errors[])
    CAN_ONLY_EDIT_NEW_TASKS = 5  # beta: task.unknown
    CANNOT_DELETE = 6  # beta: task.unknown
    CANNOT_COMPLETE = 7
    RENDER_ERROR = 8  # beta: task.unknown on create/update
    INVALID_PAGINATION = 10


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind of problem: its HTTP status and title, its beta `code` slug and its seed
    `errorCode`. Both None means the bare envelope in both dialects."""

    status: int
    title: str
    code: str | None = None
    error_code: SeedErrorCode | None = None


# Validation: beta sends `errors[]` and no code; seed sends errorCode 3.
VALIDATION = Kind(400, "Validation failed", None, SeedErrorCode.INVALID_INPUT)

TASK_NOT_FOUND = Kind(404, "Not Found", "task.notFound", SeedErrorCode.NOT_FOUND)
TASK_CANNOT_COMPLETE = Kind(409, "Conflict", "task.cannotComplete", SeedErrorCode.CANNOT_COMPLETE)
TASK_INVALID_PAGINATION = Kind(
    400, "Bad Request", "task.invalidPagination", SeedErrorCode.INVALID_PAGINATION
)
# `task.unknown` is Reply's fallback slug for domain rejections that have no slug of their
# own: canOnlyEditNewTasks, cannotDelete, renderError on PUT (§3, DeleteTask, UpdateTask).
TASK_NOT_EDITABLE = Kind(400, "Bad Request", "task.unknown", SeedErrorCode.CAN_ONLY_EDIT_NEW_TASKS)
TASK_CANNOT_DELETE = Kind(400, "Bad Request", "task.unknown", SeedErrorCode.CANNOT_DELETE)
TASK_RENDER_ERROR = Kind(400, "Bad Request", "task.unknown", SeedErrorCode.RENDER_ERROR)

CONTACT_NOT_FOUND = Kind(404, "Not Found", "contact.notFound", SeedErrorCode.NOT_FOUND)
CONTACT_INVALID_PAGINATION = Kind(
    400, "Bad Request", "contact.invalidPagination", SeedErrorCode.INVALID_PAGINATION
)

# Bare envelopes (middleware and route level in Reply).
UNAUTHORIZED = Kind(401, "Unauthorized")
RATE_LIMITED = Kind(429, "Too Many Requests")
ROUTE_NOT_FOUND = Kind(404, "Not Found")
METHOD_NOT_ALLOWED = Kind(405, "Method Not Allowed")
UNSUPPORTED_MEDIA_TYPE = Kind(415, "Unsupported Media Type")
NOT_IMPLEMENTED = Kind(501, "Not Implemented")
SERVER_ERROR = Kind(500, "Internal Server Error")


def bare_kind(status: int) -> Kind:
    """The bare envelope for any status (scripted faults), titled with its reason phrase."""
    try:
        title = HTTPStatus(status).phrase
    except ValueError:
        title = "Error"
    return Kind(status, title)


# What a scripted status looks like where Reply documents a business problem for it (§3:
# "Emitted for most 4xx responses (business 400, 403, 404, 409, …)"): a `<resource>.<variant>`
# slug in beta, an errorCode in seed. 401 and 429 stay bare envelopes, as do 5xx.
_RESOURCES = {"tasks": "task", "contacts": "contact", "whoami": "whoami"}
_VARIANTS: dict[int, tuple[str, SeedErrorCode]] = {
    400: ("unknown", SeedErrorCode.INVALID_INPUT),
    403: ("forbidden", SeedErrorCode.FORBIDDEN),
    404: ("notFound", SeedErrorCode.NOT_FOUND),
    409: ("cannotComplete", SeedErrorCode.CANNOT_COMPLETE),
}


def scripted_kind(status: int, path: str) -> Kind:
    """The kind of problem a scripted `status` fault answers with on `path`."""
    segments = path.strip("/").split("/")
    resource = _RESOURCES.get(segments[1] if len(segments) > 1 else "")
    variant = _VARIANTS.get(status)
    if resource is None or variant is None:
        return bare_kind(status)
    slug, error_code = variant
    return Kind(status, bare_kind(status).title, f"{resource}.{slug}", error_code)


@dataclass(frozen=True, slots=True)
class FieldError:
    """One entry of a beta validation problem's `errors[]`."""

    pointer: str
    detail: str


class Problem(Exception):  # noqa: N818 - it is a problem document, raised to answer with it
    """An error answer. Raise it from a handler; the app renders it in the caller's dialect."""

    def __init__(
        self,
        kind: Kind,
        detail: str,
        errors: Sequence[FieldError] = (),
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail
        self.errors = tuple(errors)
        self.headers = dict(headers or {})

    @classmethod
    def invalid(cls, errors: Sequence[FieldError], detail: str | None = None) -> Problem:
        """A validation problem (400) listing every field error found."""
        text = detail or "The request contains validation errors."
        return cls(VALIDATION, text, errors)

    def body(self, dialect: Dialect) -> dict[str, object]:
        kind = self.kind
        body: dict[str, object] = {"title": kind.title, "status": kind.status}
        if dialect is Dialect.SEED:
            # No errors[] in the seed format: fold the field messages into `detail`.
            messages = [e.detail for e in self.errors if e.detail != self.detail]
            body["detail"] = " ".join([self.detail, *messages])
            if kind.error_code is not None:
                body["errorCode"] = int(kind.error_code)
            return body
        body["detail"] = self.detail
        if kind.code is not None:
            body["code"] = kind.code
        if self.errors:
            body["errors"] = [{"pointer": e.pointer, "detail": e.detail} for e in self.errors]
        return body

    def response(self, dialect: Dialect) -> JSONResponse:
        return problem_response(self.kind.status, self.body(dialect), self.headers)


def problem_response(
    status: int, body: Mapping[str, object], headers: Mapping[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(dict(body), status_code=status, headers=headers, media_type=PROBLEM_JSON)


def bare_response(
    kind: Kind, detail: str, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    """A bare envelope: the same in both dialects."""
    body = {"title": kind.title, "status": kind.status, "detail": detail}
    return problem_response(kind.status, body, headers)
