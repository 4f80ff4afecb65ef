"""Tasks and contacts as Reply stored them (read back from its answers)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.domain._aware import require_aware
from bot.domain._kinds import CreationSource, LinkedInAction, TaskStatus, TaskType


@dataclass(frozen=True, slots=True)
class TaskTemplate:
    body: str
    subject: str | None = None
    attachment_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class TaskContent:
    """The template rendered with the contact's data (`includeContent=true`)."""

    body: str
    subject: str | None = None


@dataclass(frozen=True, slots=True)
class DeliveryInfo:
    """Where the rep reaches the contact: email for ManualEmail, phone for Call/Sms,
    LinkedIn URL for LinkedIn; Reply sends null for ToDo, Meeting and WhatsApp."""

    email: str | None = None
    phone_number: str | None = None
    linkedin_url: str | None = None


@dataclass(frozen=True, slots=True)
class Task:
    """A task as Reply stored it (`GET /v3/tasks/{id}`, and the create/update answers)."""

    id: int
    task_type: TaskType
    status: TaskStatus
    start_at: datetime
    due_to: datetime
    template: TaskTemplate
    assigned_user_id: int
    created_at: datetime
    creation_source: CreationSource = CreationSource.USER
    contact_id: int | None = None
    linkedin_action: LinkedInAction | None = None
    finished_at: datetime | None = None
    is_failed: bool = False
    is_scheduled: bool = False
    content: TaskContent | None = None
    delivery: DeliveryInfo | None = None
    sequence_id: int | None = None
    sequence_step_id: int | None = None
    sequence_step_name: str | None = None

    def __post_init__(self) -> None:
        for name in ("start_at", "due_to", "created_at", "finished_at"):
            require_aware(name, getattr(self, name))


@dataclass(frozen=True, slots=True)
class ContactRef:
    """The contact summary in task list items: `{id, fullName}`."""

    id: int
    full_name: str | None = None


@dataclass(frozen=True, slots=True)
class TaskSummary:
    """A task list / filter item. It has no body: a card needs `get_task`."""

    id: int
    task_type: TaskType
    status: TaskStatus
    start_at: datetime
    due_to: datetime
    assigned_user_id: int
    linkedin_action: LinkedInAction | None = None
    contact: ContactRef | None = None
    finished_at: datetime | None = None
    is_scheduled: bool = False
    sequence_id: int | None = None
    sequence_step_id: int | None = None


@dataclass(frozen=True, slots=True)
class Contact:
    """A Reply contact (prospect). Reply has no full-name field; see `display_name`."""

    id: int
    email: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    company: str | None = None
    title: str | None = None
    phone: str | None = None
    linkedin_url: str | None = None
    time_zone_id: str | None = None
    city: str | None = None
    country: str | None = None
    custom_fields: tuple[tuple[str, str], ...] = ()

    @property
    def display_name(self) -> str:
        name = " ".join(p for p in (self.first_name, self.last_name) if p)
        return name or self.email or self.linkedin_url or f"contact #{self.id}"


@dataclass(frozen=True, slots=True)
class Whoami:
    user_id: int
    username: str | None = None
    team_id: int | None = None
