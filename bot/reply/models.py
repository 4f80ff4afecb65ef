"""JSON ↔ domain mapping for Reply API v3: the only client module that knows Reply's JSON.

Sending (`encode_*`) follows the chosen dialect (reply-api-v3.md §0): integers for enums in
the seed, camelCase strings in the beta; field names are the same. Datetimes always go out
as UTC with a `Z` (§10 q9: Reply does not say how it reads an offset, so never send one).

Receiving (`decode_*`) understands either encoding, ignores fields it does not use, and
raises `ResponseShapeError` (a ValueError naming the bad fields) for anything else; the client
turns that into `ReplyUnexpectedResponse`. The shapes are in `bot.reply._wire`.

Error bodies are read by `bot.reply._problems`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Generic, TypeVar

from pydantic import ValidationError

from bot.clock import is_aware
from bot.domain import (
    CallResolution,
    Contact,
    ContactRef,
    DeliveryInfo,
    Task,
    TaskContent,
    TaskStatus,
    TaskSummary,
    TaskTemplate,
    TaskType,
    TaskWrite,
    Whoami,
)
from bot.reply._wire import (
    ContactPageShape,
    ContactShape,
    Shape,
    TaskListItemShape,
    TaskPageShape,
    TaskShape,
    WhoamiShape,
)
from bot.reply.enums import CALL_RESOLUTION_CODES, LINKEDIN_ACTION, TASK_STATUS, TASK_TYPE, Dialect

JSONObject = dict[str, object]


def format_datetime(value: datetime) -> str:
    """`2025-06-02T09:00:00Z`: UTC, `Z`, fractions only when there are some."""
    if not is_aware(value):
        raise ValueError(f"cannot send a naive datetime to Reply: {value.isoformat()}")
    return value.astimezone(UTC).isoformat().removesuffix("+00:00") + "Z"


# --------------------------------------------------------------------------------------
# Requests


def encode_task_write(task: TaskWrite, dialect: Dialect) -> JSONObject:
    """`TaskCreateRequest` / `TaskUpdateRequest` (§5.1, §5.8; the same body)."""
    template: JSONObject = {"body": task.body}
    if task.subject is not None and task.subject.strip():
        # Omitted, not null, when there is none: "Null for non-email/LinkedIn task types".
        template["subject"] = task.subject
    body: JSONObject = {
        "taskType": TASK_TYPE.encode(task.task_type, dialect),
        "startAt": format_datetime(task.start_at),
        "dueTo": format_datetime(task.due_to),
        "template": template,
        # Explicit null for a contact-less ToDo (the schema's `nullable: true`).
        "contactId": task.contact_id,
    }
    if task.task_type is TaskType.LINKEDIN and task.linkedin_action is not None:
        # "Only applicable for LinkedIn tasks (taskType=linkedIn)."
        body["linkedInTaskType"] = LINKEDIN_ACTION.encode(task.linkedin_action, dialect)
    return body


def encode_task_filter(
    dialect: Dialect,
    *,
    status: TaskStatus | None = None,
    task_type: TaskType | None = None,
    contact_id: int | None = None,
    assigned_user_id: int | None = None,
    start_from: datetime | None = None,
    start_to: datetime | None = None,
    overdue: bool | None = None,
) -> JSONObject:
    """`TaskFilterRequest` (§5.4) with only the criteria given; `{}` means every task.
    `from`/`to` bound `startAt` (not the due time)."""
    body: JSONObject = {}
    if start_from is not None:
        body["from"] = format_datetime(start_from)
    if start_to is not None:
        body["to"] = format_datetime(start_to)
    if task_type is not None:
        body["taskType"] = TASK_TYPE.encode(task_type, dialect)
    if status is not None:
        body["status"] = TASK_STATUS.encode(status, dialect)
    if contact_id is not None:
        body["contactId"] = contact_id
    if assigned_user_id is not None:
        body["assignedUserId"] = assigned_user_id
    if overdue is not None:
        body["overdue"] = overdue
    return body


def encode_completion(
    call_resolution: CallResolution | None, finish_prospect_in_sequence: bool
) -> JSONObject:
    """`TaskCompleteRequest` (§5.5); `{}` is the plain "Done". `callResolution` is an integer
    in both dialects (Reply's OpenAPI has no string form)."""
    body: JSONObject = {}
    if call_resolution is not None:
        body["callResolution"] = CALL_RESOLUTION_CODES[call_resolution]
    if finish_prospect_in_sequence:
        body["finishProspectInSequence"] = True
    return body


def encode_contact_search(text: str) -> JSONObject:
    """`POST /v3/contacts/filter` body for a free-text search (§6.2)."""
    return {"searchTerm": text}


# --------------------------------------------------------------------------------------
# Answers

S = TypeVar("S", bound=Shape)
T = TypeVar("T")


class ResponseShapeError(ValueError):
    """A success body that is not the documented shape; the message names what is wrong."""


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: tuple[T, ...]
    has_more: bool


def _parse(shape: type[S], content: bytes) -> S:
    try:
        return shape.model_validate_json(content)
    except ValidationError as exc:
        raise ResponseShapeError(_summary(exc)) from None


def _summary(exc: ValidationError, limit: int = 5) -> str:
    found = []
    for error in exc.errors(include_url=False)[:limit]:
        where = "/".join(str(part) for part in error["loc"]) or "body"
        found.append(f"{where}: {error['msg'].removeprefix('Value error, ')}")
    more = exc.error_count() - limit
    return "; ".join(found) + (f"; and {more} more" if more > 0 else "")


def _task(shape: TaskShape) -> Task:
    template = shape.template
    content, delivery = shape.content, shape.delivery_info
    return Task(
        id=shape.id,
        task_type=shape.task_type,
        status=shape.status,
        start_at=shape.start_at,
        due_to=shape.due_to,
        template=TaskTemplate(
            body=template.body,
            subject=template.subject,
            attachment_ids=tuple(template.attachment_id_list or ()),
        ),
        assigned_user_id=shape.assigned_user_id,
        created_at=shape.created_at,
        creation_source=shape.creation_source,
        contact_id=shape.contact_id,
        linkedin_action=shape.linked_in_task_type,
        finished_at=shape.finished_at,
        is_failed=shape.is_failed,
        is_scheduled=shape.is_scheduled,
        content=TaskContent(content.body, content.subject) if content else None,
        delivery=(
            DeliveryInfo(delivery.email, delivery.phone_number, delivery.linked_in_url)
            if delivery
            else None
        ),
        sequence_id=shape.sequence_id,
        sequence_step_id=shape.sequence_step_id,
        sequence_step_name=shape.sequence_step_display_name,
    )


def _task_summary(shape: TaskListItemShape) -> TaskSummary:
    contact = shape.contact
    return TaskSummary(
        id=shape.id,
        task_type=shape.task_type,
        status=shape.status,
        start_at=shape.start_at,
        due_to=shape.due_to,
        assigned_user_id=shape.assigned_user_id,
        linkedin_action=shape.linked_in_task_type,
        contact=ContactRef(contact.id, contact.full_name) if contact else None,
        finished_at=shape.finished_at,
        is_scheduled=shape.is_scheduled,
        sequence_id=shape.sequence_id,
        sequence_step_id=shape.sequence_step_id,
    )


def _text(value: str | None) -> str | None:
    """Reply's Contact schema has no nullable strings, so an unset field can arrive as "";
    taskbot means "not known" by None (a card must not show an empty "Email:" line)."""
    return value if value and value.strip() else None


def _contact(shape: ContactShape) -> Contact:
    return Contact(
        id=shape.id,
        email=_text(shape.email),
        first_name=_text(shape.first_name),
        last_name=_text(shape.last_name),
        company=_text(shape.company),
        title=_text(shape.title),
        phone=_text(shape.phone),
        linkedin_url=_text(shape.linked_in_url),
        time_zone_id=_text(shape.time_zone_id),
        city=_text(shape.city),
        country=_text(shape.country),
        # A null value renders like an empty one in a {{variable}}; keep the key.
        custom_fields=tuple((f.key, f.value or "") for f in shape.custom_fields or ()),
    )


def decode_task(content: bytes) -> Task:
    return _task(_parse(TaskShape, content))


def decode_task_page(content: bytes) -> Page[TaskSummary]:
    page = _parse(TaskPageShape, content)
    return Page(tuple(_task_summary(item) for item in page.items), page.has_more)


def decode_contact(content: bytes) -> Contact:
    return _contact(_parse(ContactShape, content))


def decode_contact_page(content: bytes) -> Page[Contact]:
    page = _parse(ContactPageShape, content)
    return Page(tuple(_contact(item) for item in page.items), page.has_more)


def decode_whoami(content: bytes) -> Whoami:
    shape = _parse(WhoamiShape, content)
    return Whoami(shape.user_id, shape.username, shape.team_id)
