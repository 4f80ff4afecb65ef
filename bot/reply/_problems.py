"""Reading Reply's error bodies (RFC 9457 problem details, reply-api-v3.md §3).

Leniently, since an error may come from a proxy or load balancer rather than Reply: any bytes
give a `Problem`, possibly empty (Reply's own 401 has an empty body). The seed sends an
integer `errorCode`; the beta a `code` slug and, on 400, `errors[]` of `{pointer, detail}`.

Reply's field pointers (`/dueTo`) are mapped to `TaskWrite` fields, keeping the raw pointer.
The seed documents no pointers, so a field named in its `detail` is used instead. A business
error (one with a `code`, such as `task.unknown`) is never read as a field error.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from bot.domain import Field
from bot.reply.errors import FieldError

# Reply's names for TaskWrite's fields, compared without case or punctuation, so the beta's
# pointers (`/template/body`), ASP.NET-style keys (`Template.Body`) and FluentValidation's
# display names inside a seed `detail` ("'Due To' must be ...") all match.
_FIELD_BY_NAME: dict[str, Field] = {
    "tasktype": "task_type",
    "startat": "start_at",
    "dueto": "due_to",
    "template": "body",
    "templatebody": "body",
    "body": "body",
    "templatesubject": "subject",
    "subject": "subject",
    "contactid": "contact",
    "linkedintasktype": "linkedin_action",
}
_NOT_ALNUM = re.compile(r"[^a-z0-9]")
# Where a seed detail names a field: 'quoted' or "quoted" words, then camelCase words.
_NAMED_IN_DETAIL = re.compile(r"'([^']{1,40})'|\"([^\"]{1,40})\"|\b([a-z]+(?:[A-Z][a-z]*)+)\b")


def field_for_name(name: str | None) -> Field | None:
    """The `TaskWrite` field that Reply's pointer or field name refers to, if any.
    `""` (the whole body) and parameters such as `id` or `top` have none."""
    if not name:
        return None
    return _FIELD_BY_NAME.get(_NOT_ALNUM.sub("", name.lower()))


# Reply's documented wording for a contact that does not exist (§6.3: "Contact with ID 42 not
# found."), which names no field but can only be about `contactId`.
_UNKNOWN_CONTACT = re.compile(r"\bcontact with id \d+ not found", re.IGNORECASE)


def field_named_in(detail: str) -> Field | None:
    """The first `TaskWrite` field a free-text message names ("'dueTo' must be after...")."""
    if _UNKNOWN_CONTACT.search(detail):
        return "contact"
    for match in _NAMED_IN_DETAIL.finditer(detail):
        field = field_for_name(next(group for group in match.groups() if group))
        if field is not None:
            return field
    return None


@dataclass(frozen=True, slots=True)
class Problem:
    """What an error body said (RFC 9457, either dialect). Missing parts are None."""

    title: str | None = None
    detail: str | None = None
    code: str | None = None
    error_code: int | None = None
    field_errors: tuple[FieldError, ...] = ()
    trace_id: str | None = None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def decode_problem(content: bytes) -> Problem:
    """Read an error body; never raises (an empty 401 or a proxy's HTML give `Problem()`)."""
    try:
        data = json.loads(content)
    except ValueError:
        return Problem()
    if not isinstance(data, dict):
        return Problem()
    error_code = data.get("errorCode")
    detail = _text(data.get("detail"))
    code = _text(data.get("code"))
    field_errors = _field_errors(data.get("errors"))
    if not field_errors and code is None and detail:
        # The seed has no pointers (only `errorCode`): take the field from the message.
        named = field_named_in(detail)
        field_errors = (FieldError(None, detail, named),) if named else ()
    return Problem(
        title=_text(data.get("title")),
        detail=detail,
        code=code,
        error_code=error_code
        if isinstance(error_code, int) and not isinstance(error_code, bool)
        else None,
        field_errors=field_errors,
        trace_id=_text(data.get("traceId")),
    )


def _field_errors(raw: object) -> tuple[FieldError, ...]:
    found: list[FieldError] = []
    if isinstance(raw, list):  # Reply's documented form: [{pointer, detail}]
        for item in raw:
            if isinstance(item, dict) and (detail := _text(item.get("detail"))):
                pointer = item.get("pointer")
                pointer = pointer if isinstance(pointer, str) else None
                found.append(FieldError(pointer, detail, field_for_name(pointer)))
    elif isinstance(raw, dict):  # ASP.NET's ValidationProblemDetails: {"DueTo": ["..."]}
        for name, messages in raw.items():
            for message in messages if isinstance(messages, list) else [messages]:
                if detail := _text(message):
                    found.append(FieldError(str(name), detail, field_for_name(str(name))))
    return tuple(found)
