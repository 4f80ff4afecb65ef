"""JSON <-> domain mapping, both dialects (bot/reply/models.py, _wire.py, _problems.py).

Payloads are the documented examples of reply-api-v3.md (§3, §5.12, §5.13, §6.2, §7), with
the docs' `<string>`/`123` placeholders made concrete where a real value is needed.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from bot.domain import (
    CallResolution,
    Contact,
    ContactRef,
    CreationSource,
    DeliveryInfo,
    LinkedInAction,
    TaskContent,
    TaskStatus,
    TaskType,
    TaskWrite,
)
from bot.reply._problems import decode_problem, field_for_name, field_named_in
from bot.reply.enums import Dialect
from bot.reply.errors import FieldError
from bot.reply.models import (
    ResponseShapeError,
    decode_contact,
    decode_contact_page,
    decode_task,
    decode_task_page,
    decode_whoami,
    encode_completion,
    encode_contact_search,
    encode_task_filter,
    encode_task_write,
    format_datetime,
)
from tests.reply.client_payloads import CONTACT_BETA, CONTACT_SEED, list_item_json, task_json
from tests.support.openapi import validate_request

START = datetime(2025, 6, 2, 11, 0, tzinfo=ZoneInfo("Europe/Berlin"))  # 09:00 UTC
DUE = datetime(2025, 6, 2, 19, 0, tzinfo=ZoneInfo("Europe/Berlin"))  # 17:00 UTC


def raw(value: object) -> bytes:
    return json.dumps(value).encode()


def write(task_type: TaskType = TaskType.CALL, **changes: Any) -> TaskWrite:
    fields: dict[str, Any] = {
        "task_type": task_type,
        "start_at": START,
        "due_to": DUE,
        "body": "Call {{firstName}} about the renewal",
        "contact_id": None if task_type is TaskType.TODO else 12345,
        "linkedin_action": LinkedInAction.CONNECT if task_type is TaskType.LINKEDIN else None,
    }
    fields.update(changes)
    return TaskWrite(**fields)


# --------------------------------------------------------------------------------------
# Datetimes


@pytest.mark.parametrize(
    ("value", "sent"),
    [
        (datetime(2025, 6, 2, 9, 0, tzinfo=UTC), "2025-06-02T09:00:00Z"),
        (START, "2025-06-02T09:00:00Z"),
        (
            datetime(2025, 6, 2, 4, 30, tzinfo=timezone(timedelta(hours=-4.5))),
            "2025-06-02T09:00:00Z",
        ),
        (datetime(2025, 6, 2, 9, 0, 0, 250000, tzinfo=UTC), "2025-06-02T09:00:00.250000Z"),
        (datetime(2025, 1, 1, 0, 30, tzinfo=ZoneInfo("Asia/Tokyo")), "2024-12-31T15:30:00Z"),
    ],
    ids=["utc", "berlin-summer", "half-hour-offset", "fraction", "previous-day"],
)
def test_datetimes_go_out_as_utc_with_a_z(value: datetime, sent: str) -> None:
    assert format_datetime(value) == sent


def test_a_naive_datetime_is_never_sent() -> None:
    with pytest.raises(ValueError, match="naive"):
        format_datetime(datetime(2025, 6, 2, 9, 0))


# --------------------------------------------------------------------------------------
# Request bodies

SEED_TYPES = {
    TaskType.TODO: 0, TaskType.CALL: 2, TaskType.MEETING: 4, TaskType.LINKEDIN: 5,
    TaskType.MANUAL_EMAIL: 7, TaskType.SMS: 8, TaskType.WHATSAPP: 9,
}  # fmt: skip
BETA_TYPES = {
    TaskType.TODO: "toDo", TaskType.CALL: "call", TaskType.MEETING: "meeting",
    TaskType.LINKEDIN: "linkedIn", TaskType.MANUAL_EMAIL: "manualEmail", TaskType.SMS: "sms",
    TaskType.WHATSAPP: "whatsApp",
}  # fmt: skip


@pytest.mark.parametrize("task_type", list(TaskType), ids=lambda t: t.value)
@pytest.mark.parametrize("dialect", list(Dialect), ids=str)
def test_every_task_type_encodes_in_the_dialects_own_enum(
    task_type: TaskType, dialect: Dialect
) -> None:
    body = encode_task_write(write(task_type), dialect)
    table = SEED_TYPES if dialect is Dialect.SEED else BETA_TYPES
    assert body["taskType"] == table[task_type]
    assert body["startAt"] == "2025-06-02T09:00:00Z"
    assert body["dueTo"] == "2025-06-02T17:00:00Z"
    assert body["template"] == {"body": "Call {{firstName}} about the renewal"}
    # linkedInTaskType only, and always, for LinkedIn
    assert ("linkedInTaskType" in body) is (task_type is TaskType.LINKEDIN)
    # contactId always present: null for the contact-less ToDo
    assert body["contactId"] == (None if task_type is TaskType.TODO else 12345)
    if dialect is Dialect.BETA:
        validate_request(
            httpx.Request(
                "POST", "https://api.reply.io/v3/tasks", json=body,
                headers={"Authorization": "Bearer k"},
            )
        )  # fmt: skip


@pytest.mark.parametrize(
    ("action", "seed", "beta"),
    [
        (LinkedInAction.MESSAGE, 0, "message"),
        (LinkedInAction.CONNECT, 1, "connect"),
        (LinkedInAction.INMAIL, 2, "inMail"),
        (LinkedInAction.VIEW_PROFILE, 3, "viewProfile"),
    ],
)
def test_linkedin_actions_encode_per_dialect(action: LinkedInAction, seed: int, beta: str) -> None:
    task = write(TaskType.LINKEDIN, linkedin_action=action)
    assert encode_task_write(task, Dialect.SEED)["linkedInTaskType"] == seed
    assert encode_task_write(task, Dialect.BETA)["linkedInTaskType"] == beta


def test_the_documented_seed_create_body_is_what_goes_out() -> None:
    # reply-api-v3.md §5.1, "A concrete [SEED] create body".
    assert encode_task_write(write(), Dialect.SEED) == {
        "taskType": 2, "startAt": "2025-06-02T09:00:00Z", "dueTo": "2025-06-02T17:00:00Z",
        "template": {"body": "Call {{firstName}} about the renewal"}, "contactId": 12345,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("subject", "template"),
    [
        (None, {"body": "Hi"}),
        ("", {"body": "Hi"}),
        ("   ", {"body": "Hi"}),
        ("Renewal", {"body": "Hi", "subject": "Renewal"}),
    ],
    ids=["none", "empty", "blank", "given"],
)
def test_a_subject_is_sent_only_when_there_is_one(
    subject: str | None, template: dict[str, str]
) -> None:
    task = write(TaskType.MANUAL_EMAIL, subject=subject, body="Hi")
    assert encode_task_write(task, Dialect.BETA)["template"] == template


def test_filter_sends_only_the_criteria_given() -> None:
    assert encode_task_filter(Dialect.SEED) == {}
    body = encode_task_filter(
        Dialect.SEED,
        status=TaskStatus.NEW,
        task_type=TaskType.SMS,
        contact_id=7,
        assigned_user_id=42,
        start_from=START,
        start_to=DUE,
        overdue=False,
    )
    assert body == {
        "status": 0, "taskType": 8, "contactId": 7, "assignedUserId": 42,
        "from": "2025-06-02T09:00:00Z", "to": "2025-06-02T17:00:00Z", "overdue": False,
    }  # fmt: skip
    beta = encode_task_filter(Dialect.BETA, status=TaskStatus.SEQUENCE_DETACHED, overdue=True)
    assert beta == {"status": "sequenceDetached", "overdue": True}


@pytest.mark.parametrize(
    ("resolution", "finish", "body"),
    [
        (None, False, {}),
        (CallResolution.POSITIVE, False, {"callResolution": 0}),
        (CallResolution.TO_CALL, False, {"callResolution": 1}),
        (CallResolution.NEGATIVE, True, {"callResolution": 2, "finishProspectInSequence": True}),
        (None, True, {"finishProspectInSequence": True}),
    ],
)
def test_completion_bodies(
    resolution: CallResolution | None, finish: bool, body: dict[str, object]
) -> None:
    # callResolution is an integer in both dialects: the encoder takes no dialect.
    assert encode_completion(resolution, finish) == body


def test_contact_search_body() -> None:
    assert encode_contact_search("Jane Doe") == {"searchTerm": "Jane Doe"}


# --------------------------------------------------------------------------------------
# Tasks

BETA_GET_EXAMPLE = {
    "id": 123, "contactId": 123, "taskType": "toDo", "status": "new", "linkedInTaskType": "message",
    "sequenceId": 123, "sequenceStepId": 123, "sequenceStepDisplayName": "Step 2 - Email",
    "assignedUserId": 123, "creationSource": "user",
    "createdAt": "2023-11-07T05:31:56Z", "startAt": "2023-11-07T05:31:56Z",
    "dueTo": "2023-11-07T05:31:56Z", "finishedAt": "2023-11-07T05:31:56Z",
    "isFailed": True, "isScheduled": True,
    "template": {"body": "<string>", "subject": "<string>", "attachmentIdList": [123]},
    "content": {"body": "<string>", "subject": "<string>"},
    "deliveryInfo": {"email": "<string>", "phoneNumber": "<string>", "linkedInUrl": "<string>"},
}  # fmt: skip
# The seed example (§5.12) with its `123` enum placeholders replaced by real codes.
SEED_GET_EXAMPLE = {
    **BETA_GET_EXAMPLE, "taskType": 0, "status": 0, "linkedInTaskType": 0, "creationSource": 0,
}  # fmt: skip


def test_the_documented_task_reads_the_same_in_both_encodings() -> None:
    beta = decode_task(raw(BETA_GET_EXAMPLE))
    assert decode_task(raw(SEED_GET_EXAMPLE)) == beta
    when = datetime(2023, 11, 7, 5, 31, 56, tzinfo=UTC)
    assert beta.id == 123
    assert beta.task_type is TaskType.TODO
    assert beta.status is TaskStatus.NEW
    assert beta.linkedin_action is LinkedInAction.MESSAGE
    assert beta.creation_source is CreationSource.USER
    assert (beta.start_at, beta.due_to, beta.created_at, beta.finished_at) == (when,) * 4
    assert beta.template.attachment_ids == (123,)
    assert beta.content == TaskContent("<string>", "<string>")
    assert beta.delivery == DeliveryInfo("<string>", "<string>", "<string>")
    assert (beta.sequence_id, beta.sequence_step_id) == (123, 123)
    assert beta.sequence_step_name == "Step 2 - Email"
    assert beta.is_failed
    assert beta.is_scheduled


def test_the_seed_pages_placeholder_enum_123_is_refused() -> None:
    published = {**BETA_GET_EXAMPLE, "taskType": 123, "status": 123}
    with pytest.raises(ResponseShapeError, match=r"taskType: 123 is not a valid taskType"):
        decode_task(raw(published))


def test_nulls_and_missing_optional_fields_take_the_defaults() -> None:
    minimal = {
        k: v
        for k, v in task_json(Dialect.SEED).items()
        if k in {"id", "taskType", "status", "startAt", "dueTo", "template", "assignedUserId",
                 "createdAt"}
    }  # fmt: skip
    task = decode_task(raw(minimal))
    assert task.contact_id is None
    assert task.creation_source is CreationSource.USER
    assert task.content is None
    assert task.delivery is None
    assert not task.is_failed
    assert not task.is_scheduled
    assert task.linkedin_action is None
    assert task.finished_at is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-06-02T09:00:00Z", datetime(2025, 6, 2, 9, tzinfo=UTC)),
        ("2025-06-02T09:00:00", datetime(2025, 6, 2, 9, tzinfo=UTC)),
        ("2025-06-02T11:00:00+02:00", datetime(2025, 6, 2, 9, tzinfo=UTC)),
        ("2025-06-02T09:00:00.1234567Z", datetime(2025, 6, 2, 9, 0, 0, 123456, tzinfo=UTC)),
    ],
    ids=["z", "naive-is-utc", "offset", "dotnet-7-digit-fraction"],
)
def test_datetimes_are_read_with_or_without_an_offset(text: str, expected: datetime) -> None:
    task = decode_task(raw(task_json(Dialect.BETA, startAt=text)))
    assert task.start_at == expected
    assert task.start_at.tzinfo is UTC


def test_unknown_fields_are_ignored() -> None:
    task = decode_task(raw(task_json(Dialect.BETA, priority="high", owner={"id": 1})))
    assert task.id == 501


@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ({"id": None}, "id"),
        ({"id": "501"}, "id"),
        ({"status": "done"}, "status: 'done' is not a valid status"),
        ({"taskType": True}, "taskType: True is not a valid taskType"),
        ({"startAt": "tomorrow"}, "startAt"),
        ({"template": {"subject": "x"}}, "template/body"),
        ({"isFailed": "false"}, "isFailed"),
        ({"linkedInTaskType": 9}, "linkedInTaskType"),
    ],
    ids=["null-id", "string-id", "bad-status", "bool-type", "bad-date", "no-body", "str-bool",
         "bad-linkedin"],
)  # fmt: skip
def test_a_malformed_task_names_what_is_wrong(changes: dict[str, object], named: str) -> None:
    with pytest.raises(ResponseShapeError, match=named):
        decode_task(raw(task_json(Dialect.BETA, **changes)))


def test_a_missing_required_field_is_named() -> None:
    body = task_json(Dialect.SEED)
    del body["id"], body["status"]
    with pytest.raises(ResponseShapeError, match=r"id: Field required; status: Field required"):
        decode_task(raw(body))


@pytest.mark.parametrize("content", [b"", b"<html>502 Bad Gateway</html>", b"[]", b"null"])
def test_a_body_that_is_not_a_task_object_is_refused(content: bytes) -> None:
    with pytest.raises(ResponseShapeError):
        decode_task(content)


# --------------------------------------------------------------------------------------
# Task lists

BETA_FILTER_EXAMPLE = {
    "items": [
        {"id": 123, "taskType": "toDo", "status": "new", "linkedInTaskType": "message",
         "assignedUserId": 123, "contact": {"id": 123, "fullName": "<string>"},
         "startAt": "2023-11-07T05:31:56Z", "dueTo": "2023-11-07T05:31:56Z",
         "finishedAt": "2023-11-07T05:31:56Z", "isScheduled": True, "sequenceId": 123,
         "sequenceStepId": 123}
    ],
    "hasMore": True,
}  # fmt: skip


def test_the_documented_filter_page_reads_the_same_in_both_encodings() -> None:
    seed = json.loads(json.dumps(BETA_FILTER_EXAMPLE))
    seed["items"][0].update(taskType=0, status=0, linkedInTaskType=0)
    page = decode_task_page(raw(BETA_FILTER_EXAMPLE))
    assert decode_task_page(raw(seed)) == page
    assert page.has_more is True
    (item,) = page.items
    assert item.contact == ContactRef(123, "<string>")
    assert item.linkedin_action is LinkedInAction.MESSAGE
    assert item.is_scheduled
    assert item.sequence_step_id == 123


def test_a_list_item_without_a_contact() -> None:
    page = {"items": [list_item_json(Dialect.SEED, 9, contact=None)], "hasMore": False}
    assert decode_task_page(raw(page)).items[0].contact is None


@pytest.mark.parametrize(
    "body",
    [
        {"items": []},
        {"hasMore": False},
        {"items": {}, "hasMore": False},
        {"items": [{}], "hasMore": False},
    ],
    ids=["no-hasMore", "no-items", "items-not-a-list", "empty-item"],
)
def test_a_malformed_page_is_refused(body: dict[str, object]) -> None:
    with pytest.raises(ResponseShapeError):
        decode_task_page(raw(body))


# --------------------------------------------------------------------------------------
# Contacts and whoami

JOHN = Contact(
    id=12345, email="john.doe@company.com", first_name="John", last_name="Doe",
    company="Tech Solutions Inc", title="Senior Product Manager", phone="+1-415-555-0123",
    linkedin_url="https://www.linkedin.com/in/johndoe", time_zone_id="America/Los_Angeles",
    city="San Francisco", country="United States",
    custom_fields=(("leadSource", "Conference"), ("budget", "100k-250k")),
)  # fmt: skip


@pytest.mark.parametrize("example", [CONTACT_BETA, CONTACT_SEED], ids=["beta", "seed"])
def test_the_documented_contact_reads_in_both_encodings(example: dict[str, object]) -> None:
    # The seed's PascalCase companySize/phoneStatus and the naive createdAt are no obstacle.
    assert decode_contact(raw(example)) == JOHN
    page = decode_contact_page(raw({"items": [example], "hasMore": True, "totalCount": 123}))
    assert page.items == (JOHN,)
    assert page.has_more


def test_a_sparse_contact() -> None:
    contact = decode_contact(raw({"id": 7, "customFields": [{"key": "tier", "value": None}]}))
    assert contact == Contact(id=7, custom_fields=(("tier", ""),))
    assert contact.display_name == "contact #7"


def test_blank_contact_strings_mean_unknown() -> None:
    """Reply's Contact schema has no nullable strings: an unset email can arrive as ""."""
    contact = decode_contact(
        raw({"id": 7, "email": "", "firstName": "Priya", "lastName": " ", "phone": ""})
    )
    assert (contact.email, contact.last_name, contact.phone) == (None, None, None)
    assert contact.display_name == "Priya"


def test_a_contact_without_an_id_is_refused() -> None:
    with pytest.raises(ResponseShapeError, match="id: Field required"):
        decode_contact(raw({"email": "x@y.z"}))


def test_whoami_in_the_specs_shape_and_the_auth_pages_shorter_one() -> None:
    full = decode_whoami(raw({"userId": 12345, "username": "jane", "teamId": 9}))
    assert (full.user_id, full.username, full.team_id) == (12345, "jane", 9)
    short = decode_whoami(raw({"userId": 12345}))
    assert (short.user_id, short.username, short.team_id) == (12345, None, None)
    with pytest.raises(ResponseShapeError, match="userId"):
        decode_whoami(raw({"username": "jane"}))


# --------------------------------------------------------------------------------------
# Problems (error bodies)


def test_the_documented_beta_validation_problem() -> None:
    found = decode_problem(
        raw(
            {
                "title": "Validation failed", "status": 400,
                "detail": "The request body contains validation errors.",
                "errors": [
                    {"pointer": "/taskType", "detail": "'taskType' is required."},
                    {"pointer": "/contactId", "detail": "'contactId' must be a positive integer."},
                ],
            }
        )
    )  # fmt: skip
    assert found.title == "Validation failed"
    assert found.code is None
    assert found.error_code is None
    assert found.field_errors == (
        FieldError("/taskType", "'taskType' is required.", "task_type"),
        FieldError("/contactId", "'contactId' must be a positive integer.", "contact"),
    )


def test_a_documented_business_problem_has_a_code_and_no_field_errors() -> None:
    found = decode_problem(
        raw({"title": "Bad Request", "status": 400, "code": "task.unknown",
             "detail": "Only tasks with 'New' status can be edited."})
    )  # fmt: skip
    assert found.code == "task.unknown"
    assert found.field_errors == ()


def test_a_seed_problem_has_an_error_code_and_the_field_is_read_from_detail() -> None:
    found = decode_problem(
        raw({"title": "Bad Request", "status": 400, "errorCode": 4,
             "detail": "'dueTo' must be after 'startAt'."})
    )  # fmt: skip
    assert found.error_code == 4
    assert found.field_errors == (FieldError(None, "'dueTo' must be after 'startAt'.", "due_to"),)


def test_asp_net_style_errors_are_read_too() -> None:
    found = decode_problem(raw({"errors": {"DueTo": ["Must be after StartAt."], "Id": "Bad."}}))
    assert found.field_errors == (
        FieldError("DueTo", "Must be after StartAt.", "due_to"),
        FieldError("Id", "Bad.", None),
    )


@pytest.mark.parametrize(
    "content",
    [b"", b"<html><body>502 Bad Gateway</body></html>", b"[1, 2]", b'"oops"', b"\xff\xfe"],
    ids=["empty", "html", "array", "string", "not-utf8"],
)
def test_any_error_body_gives_a_problem_without_raising(content: bytes) -> None:
    found = decode_problem(content)
    assert (found.title, found.detail, found.code, found.field_errors) == (None, None, None, ())


def test_junk_inside_a_problem_is_skipped() -> None:
    found = decode_problem(
        raw({"title": 5, "errorCode": True, "traceId": "00-abc-01",
             "errors": [None, {"pointer": 3, "detail": "whole body"}, {"pointer": "/x"}]})
    )  # fmt: skip
    assert found.title is None
    assert found.error_code is None
    assert found.trace_id == "00-abc-01"
    assert found.field_errors == (FieldError(None, "whole body", None),)


@pytest.mark.parametrize(
    ("pointer", "field"),
    [
        ("/taskType", "task_type"),
        ("/startAt", "start_at"),
        ("/dueTo", "due_to"),
        ("/template", "body"),
        ("/template/body", "body"),
        ("/template/subject", "subject"),
        ("/contactId", "contact"),
        ("/linkedInTaskType", "linkedin_action"),
        ("/DueTo", "due_to"),
        ("Template.Body", "body"),
        ("", None),
        ("id", None),
        ("top", None),
        ("/to", None),
        (None, None),
    ],
)
def test_pointers_map_to_task_fields(pointer: str | None, field: str | None) -> None:
    assert field_for_name(pointer) == field


@pytest.mark.parametrize(
    ("detail", "field"),
    [
        ("'dueTo' must be after 'startAt'.", "due_to"),
        ("'Due To' must be greater than 'Start At'.", "due_to"),
        ('"startAt" must be on or after 2015-01-01.', "start_at"),
        ("Invalid linkedInTaskType for this task type.", "linkedin_action"),
        ("Only tasks with 'New' status can be edited.", None),
        ("The request body contains validation errors. Contact with ID 42 not found.", "contact"),
        ("Something went wrong.", None),
    ],
)
def test_a_field_named_in_a_seed_detail(detail: str, field: str | None) -> None:
    assert field_named_in(detail) == field
