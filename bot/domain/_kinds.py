"""Reply's enumerations as taskbot names them, and the rules that hang on a task's type.

The wire encodings (Reply's integer "seed" enums and camelCase "beta" strings) live in
`bot.reply.enums`; these are the names the rest of taskbot uses.
"""

from __future__ import annotations

import enum


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


def subject_allowed(task_type: TaskType, action: LinkedInAction | None) -> bool:
    """Whether a subject line means anything for this task (ManualEmail, LinkedIn InMail)."""
    if task_type is TaskType.MANUAL_EMAIL:
        return True
    return task_type is TaskType.LINKEDIN and action is LinkedInAction.INMAIL
