"""Reply's JSON answers as pydantic models (reply-api-v3.md §5.12, §5.13, §6.5, §7).

Private to `bot.reply.models`, which turns them into domain types. Each field is the
snake_case spelling of Reply's camelCase name (`alias_generator=to_camel`), so
`linked_in_task_type` reads `linkedInTaskType`.

Strict: ids must be JSON integers, flags JSON booleans. Enums accept either dialect's
encoding (`EnumCodec.decode`). Datetimes are read with or without an offset; one without
(Reply's contact timestamps: `"createdAt": "2024-03-08T10:00:00"`, §6.2) is UTC, and every
datetime comes out in UTC. Fields taskbot does not use are ignored, so Reply may add fields
freely. Fields the domain cannot do without (`id`, `taskType`, `status`, the dates,
`assignedUserId`, `template.body`) are required; everything else defaults.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Generic, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, PlainValidator
from pydantic.alias_generators import to_camel

from bot.clock import is_aware
from bot.domain import CreationSource, LinkedInAction, TaskStatus, TaskType
from bot.reply.enums import CREATION_SOURCE, LINKEDIN_ACTION, TASK_STATUS, TASK_TYPE


def _in_utc(value: datetime) -> datetime:
    if not is_aware(value):
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


UtcDateTime = Annotated[datetime, AfterValidator(_in_utc)]
WireTaskType = Annotated[TaskType, PlainValidator(TASK_TYPE.decode)]
WireTaskStatus = Annotated[TaskStatus, PlainValidator(TASK_STATUS.decode)]
WireLinkedInAction = Annotated[LinkedInAction, PlainValidator(LINKEDIN_ACTION.decode)]
WireCreationSource = Annotated[CreationSource, PlainValidator(CREATION_SOURCE.decode)]


class Shape(BaseModel):
    model_config = ConfigDict(strict=True, frozen=True, extra="ignore", alias_generator=to_camel)


class TemplateShape(Shape):
    body: str
    subject: str | None = None
    attachment_id_list: list[int] | None = None


class ContentShape(Shape):
    body: str
    subject: str | None = None


class DeliveryInfoShape(Shape):
    email: str | None = None
    phone_number: str | None = None
    linked_in_url: str | None = None


class TaskShape(Shape):
    """`Task`: the full detail from create, get, update and complete."""

    id: int
    task_type: WireTaskType
    status: WireTaskStatus
    start_at: UtcDateTime
    due_to: UtcDateTime
    template: TemplateShape
    assigned_user_id: int
    created_at: UtcDateTime
    creation_source: WireCreationSource = CreationSource.USER
    contact_id: int | None = None
    linked_in_task_type: WireLinkedInAction | None = None
    finished_at: UtcDateTime | None = None
    is_failed: bool = False
    is_scheduled: bool = False
    content: ContentShape | None = None
    delivery_info: DeliveryInfoShape | None = None
    sequence_id: int | None = None
    sequence_step_id: int | None = None
    sequence_step_display_name: str | None = None


class TaskContactShape(Shape):
    id: int
    full_name: str | None = None


class TaskListItemShape(Shape):
    """`TaskListItemResponse`: a filter item. It carries no template."""

    id: int
    task_type: WireTaskType
    status: WireTaskStatus
    start_at: UtcDateTime
    due_to: UtcDateTime
    assigned_user_id: int
    linked_in_task_type: WireLinkedInAction | None = None
    contact: TaskContactShape | None = None
    finished_at: UtcDateTime | None = None
    is_scheduled: bool = False
    sequence_id: int | None = None
    sequence_step_id: int | None = None


class CustomFieldShape(Shape):
    key: str
    value: str | None = None


class ContactShape(Shape):
    """`Contact`. Seed and beta differ only in enum fields taskbot does not read
    (`companySize`, `phoneStatus`: PascalCase vs camelCase, §0), so one shape serves both."""

    id: int
    email: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    company: str | None = None
    title: str | None = None
    phone: str | None = None
    linked_in_url: str | None = None
    time_zone_id: str | None = None
    city: str | None = None
    country: str | None = None
    custom_fields: list[CustomFieldShape] | None = None


class WhoamiShape(Shape):
    # Reply's OpenAPI requires all three; the beta auth page's example shows only userId.
    user_id: int
    username: str | None = None
    team_id: int | None = None


ItemShape = TypeVar("ItemShape", bound=Shape)


class PageShape(Shape, Generic[ItemShape]):
    """`{items, hasMore}` (§2). The contacts filter's `totalCount` is ignored."""

    items: list[ItemShape]
    has_more: bool


# The pages decoders read, as named classes. `PageShape[X]` written in a function builds a new
# pydantic model whenever the garbage collector has freed the last one (pydantic keeps
# parametrized generics in a WeakValueDictionary, pydantic/_internal/_generics.py), which at
# 100 commands/s was a few percent of taskbot's CPU (tests/bench/command_cpu.py).
class ContactPageShape(PageShape[ContactShape]):
    pass


class TaskPageShape(PageShape[TaskListItemShape]):
    pass
