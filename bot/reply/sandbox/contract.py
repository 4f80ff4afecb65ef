"""Request bodies as Reply types them, per dialect, and the 400s for everything else.

The shapes are Reply's request schemas (reply-v3-openapi.yaml: TaskCreateRequest =
TaskUpdateRequest, TaskFilterRequest, TaskCompleteRequest, FilterContacts). pydantic in
strict mode does the typing, so a string for an integer, an integer for a string, `true`
for an integer, `5.0` for an integer and any unknown field are all rejected, each with a
JSON Pointer to the field. What pydantic's datetime accepts is wider than the spec's
`format: date-time` (it takes `1700000000` and naive times), so date-times are parsed here
as RFC 3339 with a mandatory offset.

Enums are checked in the caller's own encoding only (`EnumCodec.decode_strict`): seed
integers with `X-API-Key`, beta strings with `Authorization: Bearer`.
"""

from __future__ import annotations

import difflib
import json
import re
from datetime import datetime
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, ValidationError, ValidationInfo
from pydantic_core import ErrorDetails, PydanticCustomError

from bot.domain import LinkedInAction, TaskStatus, TaskType
from bot.reply.enums import LINKEDIN_ACTION, TASK_STATUS, TASK_TYPE, Dialect, EnumCodec
from bot.reply.sandbox.problems import UNSUPPORTED_MEDIA_TYPE, FieldError, Problem

M = TypeVar("M", bound=BaseModel)

_RFC3339 = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})", re.ASCII
)


def _date_time(value: object) -> datetime:
    if value is None:
        raise PydanticCustomError("null", "null")
    if isinstance(value, str) and _RFC3339.fullmatch(value):
        try:
            return datetime.fromisoformat(value.upper())
        except ValueError:
            pass  # e.g. 2025-02-30: well-formed, not a date
    raise PydanticCustomError("date_time", "not an RFC 3339 date-time", {"got": value})


def _enum(codec: EnumCodec[Any]) -> PlainValidator:
    def validate(value: object, info: ValidationInfo) -> Any:
        dialect: Dialect = (info.context or {})["dialect"]
        if value is None:
            raise PydanticCustomError("null", "null")
        try:
            return codec.decode_strict(value, dialect)
        except ValueError:
            other = Dialect.BETA if dialect is Dialect.SEED else Dialect.SEED
            try:
                codec.decode_strict(value, other)
            except ValueError:
                hint = ""
            else:
                hint = (
                    " (that is the integer encoding of the X-API-Key dialect)"
                    if other is Dialect.SEED
                    else " (that is the string encoding of the Authorization: Bearer dialect)"
                )
            allowed = ", ".join(json.dumps(v) for v in codec.wire_values(dialect))
            ctx = {"allowed": allowed, "got": value, "hint": hint}
            raise PydanticCustomError("enum_value", "not a valid value", ctx) from None

    return PlainValidator(validate)


DateTime = Annotated[datetime, PlainValidator(_date_time)]
TaskTypeField = Annotated[TaskType, _enum(TASK_TYPE)]
TaskStatusField = Annotated[TaskStatus, _enum(TASK_STATUS)]
LinkedInField = Annotated[LinkedInAction, _enum(LINKEDIN_ACTION)]


class _Body(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class TemplateBody(_Body):
    body: str
    subject: str | None = None
    attachment_ids: list[int] | None = Field(None, alias="attachmentIdList")


class TaskBody(_Body):
    """POST /v3/tasks and PUT /v3/tasks/{id}: `required: [taskType, startAt, dueTo, template]`."""

    task_type: TaskTypeField = Field(alias="taskType")
    start_at: DateTime = Field(alias="startAt")
    due_to: DateTime = Field(alias="dueTo")
    template: TemplateBody
    contact_id: int | None = Field(None, alias="contactId")
    linkedin_action: LinkedInField | None = Field(None, alias="linkedInTaskType")


class TaskFilterBody(_Body):
    """POST /v3/tasks/filter, beta: every field optional and nullable."""

    from_: DateTime | None = Field(None, alias="from")
    to: DateTime | None = None
    task_type: TaskTypeField | None = Field(None, alias="taskType")
    status: TaskStatusField | None = None
    sequence_ids: list[int] | None = Field(None, alias="sequenceIds")
    sequence_step_ids: list[int] | None = Field(None, alias="sequenceStepIds")
    time_zone_ids: list[str] | None = Field(None, alias="timeZoneIds")
    contact_id: int | None = Field(None, alias="contactId")
    assigned_user_id: int | None = Field(None, alias="assignedUserId")
    overdue: bool | None = None


class SeedTaskFilterBody(TaskFilterBody):
    """The seed filter also takes `linkedInTaskType`, which beta dropped (§5.4)."""

    linkedin_action: LinkedInField | None = Field(None, alias="linkedInTaskType")


class CompleteBody(_Body):
    """POST /v3/tasks/{id}/complete. `callResolution` is an integer in both dialects."""

    call_resolution: int | None = Field(None, alias="callResolution")
    finish_prospect_in_sequence: bool = Field(False, alias="finishProspectInSequence")


class ContactRule(_Body):
    property: str
    condition: str
    value: str | None = None


class ContactFilterBody(_Body):
    """POST /v3/contacts/filter: every field optional."""

    rules: list[ContactRule] | None = None
    list_id: int | None = Field(None, alias="listId")
    sequence_id: int | None = Field(None, alias="sequenceId")
    sequence_step_id: int | None = Field(None, alias="sequenceStepId")
    search_term: str | None = Field(None, alias="searchTerm")
    sort_by: str | None = Field(None, alias="sortBy")
    sort_direction: str | None = Field(None, alias="sortDirection")


def filter_body_model(dialect: Dialect) -> type[TaskFilterBody]:
    return SeedTaskFilterBody if dialect is Dialect.SEED else TaskFilterBody


# --------------------------------------------------------------------------------------
# Reading a body


def require_json(raw: bytes, content_type: str | None) -> None:
    """An empty body is a 400; a body that is not JSON by its media type, a 415."""
    if not raw.strip():
        raise Problem.invalid(
            # Reply's own wording (the Validation Error schema lists its message templates).
            [FieldError("", "The request body is required and cannot be empty.")],
            "The request body is required and cannot be empty; send a JSON object (at least {}).",
        )
    media = (content_type or "").partition(";")[0].strip().lower()
    if media != "application/json" and not media.endswith("+json"):
        raise Problem(
            UNSUPPORTED_MEDIA_TYPE,
            f"Content-Type {content_type or '(none)'!r} is not supported; send JSON with "
            "Content-Type: application/json.",
        )


def parse(model: type[M], raw: bytes, dialect: Dialect) -> M:
    try:
        return model.model_validate_json(raw, context={"dialect": dialect})
    except ValidationError as exc:
        errors = [_field_error(error, model) for error in exc.errors()]
        raise Problem.invalid(errors, "The request body contains validation errors.") from None


def _field_error(error: ErrorDetails, model: type[BaseModel]) -> FieldError:
    loc = error["loc"]
    pointer = "".join(f"/{part}" for part in loc)
    names = [p for p in loc if isinstance(p, str)]
    name = names[-1] if names else "body"
    if loc and isinstance(loc[-1], int):
        name = f"{name}[{loc[-1]}]"
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "json_invalid":
        return FieldError("", f"Request body is not valid JSON: {ctx.get('error', '')}.")
    if not loc:
        return FieldError("", "The request body must be a JSON object.")
    return FieldError(pointer, _message(kind, name, error.get("input"), ctx, model))


_TYPE_WORDS = {
    "int_type": "an integer",
    "int_parsing": "an integer",
    "string_type": "a string",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "an array",
    "model_type": "an object",
    "model_attributes_type": "an object",
    "dict_type": "an object",
}


def _message(kind: str, name: str, got: object, ctx: dict[str, Any], model: type[BaseModel]) -> str:
    if kind == "missing":
        text = f"'{name}' is required."
    elif kind == "extra_forbidden":
        close = difflib.get_close_matches(name, _known_names(model), n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        text = f"'{name}' is not a field of this request.{hint}"
    elif kind == "null" or (kind in _TYPE_WORDS and got is None):
        text = f"'{name}' must not be null."
    elif kind in _TYPE_WORDS:
        text = f"'{name}' must be {_TYPE_WORDS[kind]}, not {_show(got)}."
    elif kind == "date_time":
        text = (
            f"'{name}' must be a date-time with a UTC offset (RFC 3339), "
            f"e.g. 2025-06-02T09:00:00Z; got {_show(ctx.get('got'))}."
        )
    elif kind == "enum_value":
        text = f"'{name}' must be one of {ctx['allowed']}; got {_show(ctx['got'])}{ctx['hint']}."
    else:
        text = f"'{name}' is not valid ({kind})."
    return text


def _show(value: object, limit: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _known_names(model: type[BaseModel]) -> list[str]:
    names: list[str] = []
    for name, info in model.model_fields.items():
        names.append(info.alias or name)
        annotation = info.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            names.extend(_known_names(annotation))
    return names
