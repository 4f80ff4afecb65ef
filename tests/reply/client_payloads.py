"""Reply's documented payloads (reply-api-v3.md), with placeholders made concrete."""

from __future__ import annotations

from typing import Any

from bot.reply.enums import Dialect


def task_json(dialect: Dialect, **changes: object) -> dict[str, Any]:
    """A Call task as Reply returns it (§5.12), in the dialect's encoding."""
    beta = dialect is Dialect.BETA
    task: dict[str, Any] = {
        "id": 501, "contactId": 12345, "taskType": "call" if beta else 2,
        "status": "new" if beta else 0, "linkedInTaskType": None,
        "sequenceId": None, "sequenceStepId": None, "sequenceStepDisplayName": None,
        "assignedUserId": 42, "creationSource": "user" if beta else 0,
        "createdAt": "2025-06-01T12:00:00Z", "startAt": "2025-06-02T09:00:00Z",
        "dueTo": "2025-06-02T17:00:00Z", "finishedAt": None,
        "isFailed": False, "isScheduled": False,
        "template": {"body": "Call {{firstName}} about the renewal", "subject": None,
                     "attachmentIdList": None},
        "content": None, "deliveryInfo": None,
    }  # fmt: skip
    task.update(changes)
    return task


def list_item_json(dialect: Dialect, task_id: int, **changes: object) -> dict[str, Any]:
    """A filter item (§5.13) in the dialect's encoding."""
    beta = dialect is Dialect.BETA
    item: dict[str, Any] = {
        "id": task_id, "taskType": "call" if beta else 2, "status": "new" if beta else 0,
        "linkedInTaskType": None, "assignedUserId": 42,
        "contact": {"id": 12345, "fullName": "John Doe"},
        "startAt": "2025-06-02T09:00:00Z", "dueTo": "2025-06-02T17:00:00Z",
        "finishedAt": None, "isScheduled": False, "sequenceId": None, "sequenceStepId": None,
    }  # fmt: skip
    item.update(changes)
    return item


# The beta contacts-filter example (§6.2), as published.
CONTACT_BETA: dict[str, Any] = {
    "id": 12345, "email": "john.doe@company.com", "firstName": "John", "lastName": "Doe",
    "title": "Senior Product Manager", "company": "Tech Solutions Inc", "domain": "company.com",
    "companySize": "oneThousand", "city": "San Francisco", "state": "CA",
    "country": "United States", "timeZoneId": "America/Los_Angeles", "phone": "+1-415-555-0123",
    "phoneStatus": "valid", "linkedInUrl": "https://www.linkedin.com/in/johndoe",
    "linkedInSalesNavigatorUrl": "https://www.linkedin.com/sales/profile/123456",
    "linkedInRecruiterUrl": "https://www.linkedin.com/recruiter/profile/789012",
    "industry": "Software & Technology", "notes": "Met at SaaS Conference 2024",
    "ownerUserId": 42, "accountId": 100, "isOptedOut": False, "callStatus": "toCall",
    "meetingStatus": "none", "addingDate": "2024-03-08T10:00:00+00:00",
    "createdAt": "2024-03-08T10:00:00", "lastModifiedAt": "2024-03-10T15:30:00",
    "customFields": [{"key": "leadSource", "value": "Conference"},
                     {"key": "budget", "value": "100k-250k"}],
}  # fmt: skip

# The seed's version (§6.2): PascalCase enum values, no callStatus or meetingStatus, and
# (as published) sequences/lists that the beta's GET /v3/contacts item does not document.
CONTACT_SEED: dict[str, Any] = {
    **{k: v for k, v in CONTACT_BETA.items() if k not in {"callStatus", "meetingStatus"}},
    "companySize": "OneThousand",
    "phoneStatus": "Valid",
    "sequences": [{"sequenceId": 100, "sequenceName": "Sales Outreach", "status": "Active",
                   "currentStep": 2, "addingDate": "2024-03-08T10:00:00+00:00",
                   "emailAccountId": 101, "linkedInAccountId": None}],
    "lists": [{"listId": 10, "listName": "Hot Leads", "isShared": False}],
}  # fmt: skip


def contact_json(**changes: object) -> dict[str, Any]:
    """The beta example, made valid against Reply's own OpenAPI file: the published
    `createdAt`/`lastModifiedAt` have no offset, which its `date-time` format refuses
    (the client reads both forms; see test_models)."""
    valid = {**CONTACT_BETA, "createdAt": "2024-03-08T10:00:00Z",
             "lastModifiedAt": "2024-03-10T15:30:00Z"}  # fmt: skip
    return {**valid, **changes}
