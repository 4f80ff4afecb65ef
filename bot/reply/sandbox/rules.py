"""The rules Reply applies to a well-typed task request, and how filters select tasks.

Each rule cites where Reply states it (reply-api-v3.md). They run after `contract` has
typed the body, and every broken rule is reported at once, each with its pointer.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta

from bot.domain import EARLIEST_START, CallResolution, Task, TaskStatus, TaskType
from bot.reply.enums import CALL_RESOLUTION_CODES, TASK_TYPE, Dialect
from bot.reply.sandbox.contract import SeedTaskFilterBody, TaskBody, TaskFilterBody
from bot.reply.sandbox.params import INT32_MAX
from bot.reply.sandbox.problems import FieldError
from bot.reply.sandbox.seed import SeedContact

# FilterTasks (§5.4): `from` defaults to 2000-01-01, `to` to now + 1 year.
DEFAULT_FROM = datetime.fromisoformat("2000-01-01T00:00:00+00:00")
DEFAULT_TO_AHEAD = timedelta(days=365)


def shown(task_type: TaskType, dialect: Dialect) -> str:
    """A task type as the caller writes it: `linkedIn`, or `5 (LinkedIn)` in seed."""
    wire = TASK_TYPE.encode(task_type, dialect)
    return f"{wire} ({task_type.value})" if dialect is Dialect.SEED else str(wire)


def task_problems(
    body: TaskBody, contacts: Mapping[int, SeedContact], dialect: Dialect
) -> list[FieldError]:
    """CreateTask / UpdateTask rules beyond types (§5.1, §5.8)."""
    found: list[FieldError] = []
    kind = body.task_type
    if not body.template.body.strip():
        # "Task content template. Body is required." A blank body is no body.
        found.append(FieldError("/template/body", "'body' must not be empty."))
    if body.template.attachment_ids:
        # "Read-only. Attachment IDs ... set by sequence system, not user-editable via API."
        found.append(
            FieldError(
                "/template/attachmentIdList",
                "'attachmentIdList' is read-only: attachments are set by sequences, "
                "not through the API. Send null or leave it out.",
            )
        )
    if body.start_at < EARLIEST_START:
        found.append(FieldError("/startAt", "'startAt' must be on or after 2015-01-01T00:00:00Z."))
    if body.due_to <= body.start_at:
        found.append(FieldError("/dueTo", "'dueTo' must be after 'startAt'."))
    linkedin = shown(TaskType.LINKEDIN, dialect)
    if kind is TaskType.LINKEDIN and body.linkedin_action is None:
        found.append(
            FieldError(
                "/linkedInTaskType",
                f"'linkedInTaskType' is required when 'taskType' is {linkedin}.",
            )
        )
    if kind is not TaskType.LINKEDIN and body.linkedin_action is not None:
        found.append(
            FieldError(
                "/linkedInTaskType",
                f"'linkedInTaskType' is only allowed when 'taskType' is {linkedin}.",
            )
        )
    found.extend(_contact_problems(body.contact_id, kind, contacts, dialect))
    return found


def _contact_problems(
    contact_id: int | None,
    kind: TaskType,
    contacts: Mapping[int, SeedContact],
    dialect: Dialect,
) -> list[FieldError]:
    if contact_id is None:
        if kind.needs_contact:
            # CreateTask: "contactId for every type but toDo".
            todo = shown(TaskType.TODO, dialect)
            detail = f"'contactId' is required for every task type but {todo}."
            return [FieldError("/contactId", detail)]
        return []
    if not 1 <= contact_id <= INT32_MAX:
        return [FieldError("/contactId", "'contactId' must be a positive integer.")]
    if contact_id not in contacts:
        # CreateTask documents no 404, so an unknown contact is a 400 on the field.
        return [FieldError("/contactId", f"Contact with ID {contact_id} not found.")]
    return []


def complete_problems(call_resolution: int | None, task: Task) -> list[FieldError]:
    """CompleteTask (§5.5): `callResolution` is "only for Call tasks", 0, 1 or 2."""
    if call_resolution is None:
        return []
    allowed = {code: member for member, code in CALL_RESOLUTION_CODES.items()}
    if call_resolution not in allowed:
        names = ", ".join(f"{code} ({member.value})" for code, member in sorted(allowed.items()))
        return [FieldError("/callResolution", f"'callResolution' must be one of {names}.")]
    if task.task_type is not TaskType.CALL:
        return [FieldError("/callResolution", "'callResolution' is only for call tasks.")]
    return []


def call_resolution(code: int | None) -> CallResolution | None:
    if code is None:
        return None
    return {c: member for member, c in CALL_RESOLUTION_CODES.items()}[code]


def filter_problems(body: TaskFilterBody) -> list[FieldError]:
    if body.from_ is not None and body.to is not None and body.to < body.from_:
        # FilterTasks 400 example: pointer /to.
        return [FieldError("/to", "'to' must be greater than or equal to 'from'.")]
    return []


def _hidden_by_default(task: Task) -> bool:
    # DeleteTask: "either way it leaves your task lists" (§5.7).
    return task.status in (TaskStatus.CANCELLED, TaskStatus.ARCHIVED)


def is_overdue(task: Task, now: datetime) -> bool:
    """Open and past its due time (the sandbox's reading of `overdue`)."""
    return task.status is TaskStatus.NEW and task.due_to < now


def listed(tasks: Iterable[Task]) -> list[Task]:
    """GET /v3/tasks: the caller's tasks that have not been cancelled or archived."""
    return [task for task in tasks if not _hidden_by_default(task)]


def select(
    tasks: Iterable[Task],
    body: TaskFilterBody,
    *,
    now: datetime,
    contacts: Mapping[int, SeedContact],
) -> list[Task]:
    """POST /v3/tasks/filter (§5.4). `tasks` arrive ordered by startAt, then id."""
    start = body.from_ or DEFAULT_FROM
    end = body.to or now + DEFAULT_TO_AHEAD
    action = body.linkedin_action if isinstance(body, SeedTaskFilterBody) else None
    zones = set(body.time_zone_ids or ())

    def keep(task: Task) -> bool:
        contact = contacts.get(task.contact_id) if task.contact_id is not None else None
        checks = (
            start <= task.start_at <= end,
            (body.status is None and not _hidden_by_default(task)) or body.status is task.status,
            body.task_type is None or body.task_type is task.task_type,
            action is None or action is task.linkedin_action,
            # No sandbox task comes from a sequence: any sequence filter matches nothing.
            not body.sequence_ids or task.sequence_id in body.sequence_ids,
            not body.sequence_step_ids or task.sequence_step_id in body.sequence_step_ids,
            not zones or (contact is not None and contact.time_zone_id in zones),
            body.contact_id is None or body.contact_id == task.contact_id,
            body.assigned_user_id is None or body.assigned_user_id == task.assigned_user_id,
            body.overdue is None or body.overdue is is_overdue(task, now),
        )
        return all(checks)

    return [task for task in tasks if keep(task)]
