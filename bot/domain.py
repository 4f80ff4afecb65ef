"""The words taskbot thinks in: task types, tasks, contacts, drafts.

Pure data, no I/O. Every datetime here is timezone-aware (rule 7 of ARCHITECTURE.md);
constructors refuse naive ones so a mistake shows up where it is made, not on a card.
The wire encodings (Reply's integer "seed" enums and camelCase "beta" strings) live in
`bot.reply.enums`; this module knows nothing about JSON.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal

from bot.linkedin import profile_url
from bot.templates import unclosed_variable


class TaskType(enum.Enum):
    """Reply task types (Reply API v3, `taskType`)."""

    TODO = "ToDo"
    CALL = "Call"
    MEETING = "Meeting"
    LINKEDIN = "LinkedIn"
    MANUAL_EMAIL = "ManualEmail"
    SMS = "Sms"
    WHATSAPP = "WhatsApp"

    @property
    def needs_contact(self) -> bool:
        # Reply: "contactId for every type but toDo" (CreateTask operation text).
        return self is not TaskType.TODO

    @property
    def has_subject(self) -> bool:
        """Types whose template carries a subject (Reply: "Email subject or LinkedIn message
        subject"); for LinkedIn only the InMail action has one, see `subject_allowed`."""
        return self in (TaskType.MANUAL_EMAIL, TaskType.LINKEDIN)


class LinkedInAction(enum.Enum):
    """`linkedInTaskType`: only, and always, for LinkedIn tasks."""

    MESSAGE = "Message"
    CONNECT = "Connect"
    INMAIL = "InMail"
    VIEW_PROFILE = "ViewProfile"


class TaskStatus(enum.Enum):
    NEW = "New"
    FINISHED = "Finished"
    CANCELLED = "Cancelled"
    ARCHIVED = "Archived"
    SEQUENCE_DETACHED = "SequenceDetached"

    @property
    def is_open(self) -> bool:
        return self is TaskStatus.NEW


class CreationSource(enum.Enum):
    USER = "User"
    SEQUENCE = "Sequence"
    MEETING = "Meeting"


class CallResolution(enum.Enum):
    """How a call went, sent when completing a Call task (`callResolution`)."""

    POSITIVE = "Positive"
    TO_CALL = "ToCall"
    NEGATIVE = "Negative"


# Reply rejects startAt before this instant (CreateTask: "on or after 2015-01-01").
EARLIEST_START = datetime(2015, 1, 1, tzinfo=UTC)


def subject_allowed(task_type: TaskType, action: LinkedInAction | None) -> bool:
    """Whether a subject line means anything for this task (ManualEmail, LinkedIn InMail)."""
    if task_type is TaskType.MANUAL_EMAIL:
        return True
    return task_type is TaskType.LINKEDIN and action is LinkedInAction.INMAIL


def _require_aware(name: str, value: datetime | None) -> None:
    if value is not None and (value.tzinfo is None or value.utcoffset() is None):
        raise ValueError(f"{name} must be timezone-aware, got naive {value.isoformat()}")


# --------------------------------------------------------------------------------------
# Writing a task


Field = Literal["task_type", "linkedin_action", "contact", "start_at", "due_to", "body", "subject"]


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """One thing wrong with a task, tied to the field at fault (the modal shows it there)."""

    field: Field
    message: str
    in_form: str | None = None
    """The sentence for the form, when `message` tells how to fix a command ("start the
    command with a type") and the form's field is the fix; None: `message` fits both."""


@dataclass(frozen=True, slots=True)
class TaskWrite:
    """A complete task as taskbot sends it to Reply on create (POST) and edit (PUT)."""

    task_type: TaskType
    start_at: datetime
    due_to: datetime
    body: str
    contact_id: int | None = None
    linkedin_action: LinkedInAction | None = None
    subject: str | None = None

    def __post_init__(self) -> None:
        _require_aware("start_at", self.start_at)
        _require_aware("due_to", self.due_to)

    def problems(self) -> list[FieldProblem]:
        """The rules Reply enforces, checked here so the rep hears about a mistake without
        a round trip. Messages are plain sentences; `bot.messages` may reword them."""
        found: list[FieldProblem] = []
        if self.start_at < EARLIEST_START:
            found.append(FieldProblem("start_at", "The start can't be before 1 January 2015."))
        if self.due_to <= self.start_at:
            found.append(FieldProblem("due_to", "The due time must be after the start."))
        if not self.body.strip():
            found.append(FieldProblem("body", "The task needs a description."))
        # Reply renders body and subject as Handlebars, which cannot parse an open `{{`.
        texts: tuple[tuple[Field, str], ...] = (
            ("body", self.body),
            ("subject", self.subject or ""),
        )
        for name, text in texts:
            if (fragment := unclosed_variable(text)) is not None:
                found.append(FieldProblem(name, _unclosed(fragment)))
        if self.task_type.needs_contact and self.contact_id is None:
            found.append(FieldProblem("contact", "Pick the contact this task is for."))
        if self.contact_id is not None and self.contact_id <= 0:
            found.append(FieldProblem("contact", "A Reply contact id is a positive number."))
        if self.task_type is TaskType.LINKEDIN and self.linkedin_action is None:
            found.append(
                FieldProblem(
                    "linkedin_action",
                    "Choose the LinkedIn action: message, connect, InMail or view profile.",
                )
            )
        if self.task_type is not TaskType.LINKEDIN and self.linkedin_action is not None:
            found.append(
                FieldProblem("linkedin_action", "Only LinkedIn tasks have a LinkedIn action.")
            )
        return found


def _unclosed(fragment: str) -> str:
    return (
        f'"{fragment}" has no closing }}}}, so Reply can\'t fill it in. Write a variable as '
        f"{{{{firstName}}}}, or take out the {{{{ if you meant the braces as text."
    )


# --------------------------------------------------------------------------------------
# Reading tasks and contacts back


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
            _require_aware(name, getattr(self, name))


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


# --------------------------------------------------------------------------------------
# What the rep asked for, before Reply has seen it


ContactKind = Literal["email", "id", "linkedin", "name"]


@dataclass(frozen=True, slots=True)
class ContactQuery:
    """A contact as the rep wrote it: an email, a `#12345` id, a LinkedIn URL or a name.

    `value` has one form whoever builds the query, so no reader cleans it again: no
    surrounding blanks; an id is its number without the `#` (`"#030101"` → `"30101"`; see
    `contact_id`); a LinkedIn URL is `bot.linkedin.profile_url`'s (a scheme, no query)."""

    kind: ContactKind
    value: str

    def __post_init__(self) -> None:
        value = self.value.strip()
        if self.kind == "id":
            digits = value.removeprefix("#").strip()
            value = str(int(digits)) if digits.isascii() and digits.isdigit() else digits
        elif self.kind == "linkedin" and value:
            value = profile_url(value)
        object.__setattr__(self, "value", value)

    @property
    def contact_id(self) -> int | None:
        """The Reply contact id of an `id` query; None for other kinds or a value that is not
        a positive number (it cannot name a Reply contact)."""
        if self.kind != "id" or not (self.value.isascii() and self.value.isdigit()):
            return None
        number = int(self.value)
        return number if number > 0 else None


@dataclass(frozen=True, slots=True)
class TaskDraft:
    """What a `/task` command or a form said, possibly incomplete.

    `problems` lists what is missing or ambiguous; the Slack side opens the form prefilled
    with the draft instead of failing. Datetimes are aware, in the rep's zone.
    """

    task_type: TaskType | None = None
    linkedin_action: LinkedInAction | None = None
    contact: ContactQuery | None = None
    start_at: datetime | None = None
    due_to: datetime | None = None
    body: str = ""
    subject: str | None = None
    date_text: str | None = None
    problems: tuple[FieldProblem, ...] = field(default=())
    due_defaulted: bool = False  # no due phrase: `due_to` is taskbot's default for the type

    def __post_init__(self) -> None:
        _require_aware("start_at", self.start_at)
        _require_aware("due_to", self.due_to)
