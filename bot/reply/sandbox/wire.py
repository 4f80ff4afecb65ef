"""Tasks, contacts and users as JSON, in the caller's dialect, with every documented property.

Shapes (reply-v3-openapi.yaml): `Task` (§5.12: full detail from create, get, update and
complete), `TaskListItemResponse` (§5.13: list and filter items, no template), `Contact`
(§6.5), Whoami and WhoamiTeamUsers (§7). Unset nullable properties are `null`, never absent.
Times are UTC with a `Z`, as in every example of Reply's docs.

Dialects differ only in enum encoding: seed answers integers (`bot.reply.enums`), beta
camelCase strings. Contacts differ too: the seed contacts page shows PascalCase
`companySize`/`phoneStatus` and no `callStatus`/`meetingStatus` (§6.2).
"""

from __future__ import annotations

from datetime import UTC, datetime

from bot.domain import Task, TaskContent, TaskType
from bot.reply.enums import CREATION_SOURCE, LINKEDIN_ACTION, TASK_STATUS, TASK_TYPE, Dialect
from bot.reply.sandbox.seed import SeedContact, TeamUser

JSON = dict[str, object]


def timestamp(value: datetime) -> str:
    text = value.astimezone(UTC).isoformat()
    return text.removesuffix("+00:00") + "Z"


def _maybe_time(value: datetime | None) -> str | None:
    return None if value is None else timestamp(value)


def delivery_info(task_type: TaskType, contact: SeedContact | None) -> JSON | None:
    """Where the rep reaches the contact (§5.12): email for ManualEmail, phone for Call and
    Sms, LinkedIn URL for LinkedIn; null for ToDo, Meeting and WhatsApp."""
    if task_type in (TaskType.TODO, TaskType.MEETING, TaskType.WHATSAPP):
        return None
    email = phone = linkedin = None
    if contact is not None:
        if task_type is TaskType.MANUAL_EMAIL:
            email = contact.email or None
        elif task_type in (TaskType.CALL, TaskType.SMS):
            phone = contact.phone or None
        else:
            linkedin = contact.linkedin_url or None
    return {"email": email, "phoneNumber": phone, "linkedInUrl": linkedin}


def task(
    value: Task, dialect: Dialect, *, contact: SeedContact | None, content: TaskContent | None
) -> JSON:
    action = value.linkedin_action
    return {
        "id": value.id,
        "contactId": value.contact_id,
        "taskType": TASK_TYPE.encode(value.task_type, dialect),
        "status": TASK_STATUS.encode(value.status, dialect),
        "linkedInTaskType": None if action is None else LINKEDIN_ACTION.encode(action, dialect),
        "sequenceId": value.sequence_id,
        "sequenceStepId": value.sequence_step_id,
        "sequenceStepDisplayName": value.sequence_step_name,
        "assignedUserId": value.assigned_user_id,
        "creationSource": CREATION_SOURCE.encode(value.creation_source, dialect),
        "createdAt": timestamp(value.created_at),
        "startAt": timestamp(value.start_at),
        "dueTo": timestamp(value.due_to),
        "finishedAt": _maybe_time(value.finished_at),
        "isFailed": value.is_failed,
        "isScheduled": value.is_scheduled,
        "template": {
            "body": value.template.body,
            "subject": value.template.subject,
            "attachmentIdList": list(value.template.attachment_ids) or None,
        },
        "content": None if content is None else {"body": content.body, "subject": content.subject},
        "deliveryInfo": delivery_info(value.task_type, contact),
    }


def task_item(value: Task, dialect: Dialect, *, contact: SeedContact | None) -> JSON:
    action = value.linkedin_action
    summary: JSON | None = None
    if value.contact_id is not None:
        name = None if contact is None else contact.full_name
        summary = {"id": value.contact_id, "fullName": name}
    return {
        "id": value.id,
        "taskType": TASK_TYPE.encode(value.task_type, dialect),
        "status": TASK_STATUS.encode(value.status, dialect),
        "linkedInTaskType": None if action is None else LINKEDIN_ACTION.encode(action, dialect),
        "assignedUserId": value.assigned_user_id,
        "contact": summary,
        "startAt": timestamp(value.start_at),
        "dueTo": timestamp(value.due_to),
        "finishedAt": _maybe_time(value.finished_at),
        "isScheduled": value.is_scheduled,
        "sequenceId": value.sequence_id,
        "sequenceStepId": value.sequence_step_id,
    }


def _pascal(text: str) -> str:
    return text[:1].upper() + text[1:]


def contact(value: SeedContact, dialect: Dialect) -> JSON:
    seed = dialect is Dialect.SEED
    body: JSON = {
        "id": value.id,
        "email": value.email,
        "domain": value.domain,
        "firstName": value.first_name,
        "lastName": value.last_name,
        "phone": value.phone,
        "title": value.title,
        "company": value.company,
        "companySize": _pascal(value.company_size) if seed else value.company_size,
        "industry": value.industry,
        "city": value.city,
        "state": value.state,
        "country": value.country,
        "timeZoneId": value.time_zone_id,
        "linkedInUrl": value.linkedin_url,
        "linkedInSalesNavigatorUrl": value.sales_navigator_url,
        "linkedInRecruiterUrl": value.recruiter_url,
        "phoneStatus": _pascal(value.phone_status) if seed else value.phone_status,
        "notes": value.notes,
        "ownerUserId": value.owner_user_id,
        "accountId": None,
        "isOptedOut": False,
        "addingDate": timestamp(value.added_at),
        "createdAt": timestamp(value.added_at),
        "lastModifiedAt": timestamp(value.modified_at),
        "customFields": [{"key": k, "value": v} for k, v in value.custom_fields],
    }
    if not seed:
        body["callStatus"] = "none"
        body["meetingStatus"] = "none"
    return body


def whoami(user: TeamUser) -> JSON:
    return {"userId": user.user_id, "username": user.name, "teamId": user.team_id}


def team_user(user: TeamUser) -> JSON:
    return {
        "teamId": user.team_id,
        "teamName": user.team_name,
        "userId": user.user_id,
        "userName": user.name,
        "userEmail": user.email,
    }
