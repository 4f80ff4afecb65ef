"""The words taskbot thinks in: task types, tasks, contacts, drafts.

Pure data, no I/O. Every datetime here is timezone-aware (rule 7 of ARCHITECTURE.md);
constructors refuse naive ones so a mistake shows up where it is made, not on a card.
The wire encodings (Reply's integer "seed" enums and camelCase "beta" strings) live in
`bot.reply.enums`; this package knows nothing about JSON.

    from bot.domain import TaskType, TaskWrite, Task, ContactQuery, TaskDraft

Its private modules: `_kinds` (Reply's enums), `_write` (what is sent, and the rules Reply
enforces), `_stored` (what Reply answers), `_draft` (what the rep typed).
"""

from __future__ import annotations

from bot.domain._draft import ContactKind, ContactQuery, TaskDraft
from bot.domain._kinds import (
    CallResolution,
    CreationSource,
    LinkedInAction,
    TaskStatus,
    TaskType,
    subject_allowed,
)
from bot.domain._stored import (
    Contact,
    ContactRef,
    DeliveryInfo,
    Task,
    TaskContent,
    TaskSummary,
    TaskTemplate,
    Whoami,
)
from bot.domain._write import EARLIEST_START, Field, FieldProblem, TaskWrite

__all__ = [
    "EARLIEST_START",
    "CallResolution",
    "Contact",
    "ContactKind",
    "ContactQuery",
    "ContactRef",
    "CreationSource",
    "DeliveryInfo",
    "Field",
    "FieldProblem",
    "LinkedInAction",
    "Task",
    "TaskContent",
    "TaskDraft",
    "TaskStatus",
    "TaskSummary",
    "TaskTemplate",
    "TaskType",
    "TaskWrite",
    "Whoami",
    "subject_allowed",
]
