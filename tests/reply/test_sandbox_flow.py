"""A task's whole life through the sandbox, in both dialects, in process and over HTTP.

Beta exchanges are checked against Reply's OpenAPI document; seed answers are checked for
Reply's integer encoding in the raw JSON.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import httpx
import pytest

from bot.reply.enums import Dialect
from bot.reply.sandbox import Sandbox
from tests.reply.sandbox_fixtures import (
    BOB,
    DROP,
    JANE,
    OPS,
    PRIYA,
    START,
    FakeClock,
    client,
    iso,
    task_body,
    wire,
)
from tests.support.openapi import validate_exchange

DIALECTS = [pytest.param(Dialect.SEED, id="seed"), pytest.param(Dialect.BETA, id="beta")]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def sandbox(clock: FakeClock) -> AsyncIterator[Sandbox]:
    async with Sandbox.create(clock=clock) as created:
        yield created


def checked(response: httpx.Response, dialect: Dialect) -> Any:
    """The JSON answer, after checking a beta exchange against Reply's OpenAPI document."""
    if dialect is Dialect.BETA:
        validate_exchange(response)
    return response.json() if response.content else None


@pytest.mark.parametrize("over_http", [False, True], ids=["in-process", "http"])
@pytest.mark.parametrize("dialect", DIALECTS)
async def test_a_task_is_created_read_edited_completed_archived_and_filtered(
    sandbox: Sandbox, clock: FakeClock, dialect: Dialect, over_http: bool
) -> None:
    async with client(sandbox, dialect, over_http=over_http) as http:
        created = await http.post("/v3/tasks", json=task_body(dialect))
        assert created.status_code == 201
        task = checked(created, dialect)
        task_id = task["id"]
        assert task_id == 10001
        assert task["taskType"] == wire("call", dialect)
        assert task["status"] == wire("new", dialect)
        assert task["creationSource"] == wire("user", dialect)
        assert task["assignedUserId"] == sandbox.demo_user.user_id
        assert task["createdAt"] == iso(START)
        assert task["content"] is None  # only with includeContent=true
        if dialect is Dialect.SEED:
            assert '"taskType":2,"status":0' in created.text  # JSON numbers, not strings

        read = await http.get(f"/v3/tasks/{task_id}", params={"includeContent": "true"})
        detail = checked(read, dialect)
        assert detail["content"] == {"body": "Call Jane about Acme pricing", "subject": None}
        assert detail["template"]["body"] == "Call {{firstName}} about {{company}} pricing"
        assert detail["deliveryInfo"] == {
            "email": None,
            "phoneNumber": "+14155550132",
            "linkedInUrl": None,
        }

        # PUT replaces the whole task: another type and another contact are fine.
        edit = task_body(
            dialect,
            taskType="manualEmail",
            contactId=BOB,
            template={"body": "Hi {{firstName}}, {{plan}} renewal", "subject": "{{company}} plan"},
        )
        edited = checked(await http.put(f"/v3/tasks/{task_id}", json=edit), dialect)
        assert (edited["taskType"], edited["contactId"]) == (wire("manualEmail", dialect), BOB)
        assert edited["deliveryInfo"]["email"] == "bob@globex.com"
        assert edited["template"]["subject"] == "{{company}} plan"

        clock.advance(3600)
        done = await http.post(f"/v3/tasks/{task_id}/complete", json={})
        finished = checked(done, dialect)
        assert finished["status"] == wire("finished", dialect)
        assert finished["finishedAt"] == iso(START + timedelta(hours=1))
        # "for finished tasks [template] holds the final content"
        assert finished["template"]["body"] == "Hi Bob, Growth renewal"
        assert finished["template"]["subject"] == "Globex plan"

        again = await http.post(f"/v3/tasks/{task_id}/complete", json={})
        assert again.status_code == 409
        checked(again, dialect)

        deleted = await http.delete(f"/v3/tasks/{task_id}")
        assert checked(deleted, dialect) is None
        assert (deleted.status_code, deleted.content) == (204, b"")
        archived = checked(await http.get(f"/v3/tasks/{task_id}"), dialect)
        assert archived["status"] == wire("archived", dialect)

        todo = task_body(dialect, taskType="toDo", contactId=DROP, template={"body": "Prep QBR"})
        todo_id = checked(await http.post("/v3/tasks", json=todo), dialect)["id"]
        meeting = task_body(dialect, taskType="meeting", contactId=OPS)
        meeting_id = checked(await http.post("/v3/tasks", json=meeting), dialect)["id"]
        assert (todo_id, meeting_id) == (10002, 10003)
        assert (await http.delete(f"/v3/tasks/{todo_id}")).status_code == 204
        cancelled = checked(await http.get(f"/v3/tasks/{todo_id}"), dialect)
        assert cancelled["status"] == wire("cancelled", dialect)

        # Cancelled and archived tasks leave the list and the default filter.
        listed = checked(await http.get("/v3/tasks"), dialect)
        assert [item["id"] for item in listed["items"]] == [meeting_id]
        assert listed["items"][0]["contact"] == {"id": OPS, "fullName": None}
        filtered = checked(await http.post("/v3/tasks/filter", json={}), dialect)
        assert [item["id"] for item in filtered["items"]] == [meeting_id]
        asked = {"status": wire("archived", dialect)}
        found = checked(await http.post("/v3/tasks/filter", json=asked), dialect)
        assert [item["id"] for item in found["items"]] == [task_id]
        assert found["items"][0]["contact"] == {"id": BOB, "fullName": "Bob Martinez"}


DELIVERY = [
    ("call", JANE, {"phoneNumber": "+14155550132"}),
    ("sms", JANE, {"phoneNumber": "+14155550132"}),
    ("manualEmail", JANE, {"email": "jane@acme.com"}),
    ("linkedIn", JANE, {"linkedInUrl": "https://www.linkedin.com/in/jane-cooper-acme"}),
    ("linkedIn", PRIYA, {"linkedInUrl": "https://www.linkedin.com/in/priya-raman-growth"}),
    ("call", PRIYA, {}),  # a call to someone with no phone: the object, with a null number
    ("toDo", JANE, None),
    ("meeting", JANE, None),
    ("whatsApp", JANE, None),
]


@pytest.mark.parametrize(("kind", "contact", "expected"), DELIVERY)
@pytest.mark.parametrize("dialect", DIALECTS)
async def test_delivery_info_follows_the_task_type(
    sandbox: Sandbox, dialect: Dialect, kind: str, contact: int, expected: dict[str, str] | None
) -> None:
    action = "connect" if kind == "linkedIn" else DROP
    body = task_body(dialect, taskType=kind, contactId=contact, linkedInTaskType=action)
    async with client(sandbox, dialect) as http:
        created = await http.post("/v3/tasks", json=body)
        assert created.status_code == 201, created.text
        delivery = checked(created, dialect)["deliveryInfo"]
    if expected is None:
        assert delivery is None
    else:
        assert delivery == {"email": None, "phoneNumber": None, "linkedInUrl": None} | expected


@pytest.mark.parametrize("dialect", DIALECTS)
async def test_subjects_are_kept_for_email_and_linkedin_only(
    sandbox: Sandbox, dialect: Dialect
) -> None:
    template = {"body": "Hello", "subject": "Quick question"}
    async with client(sandbox, dialect) as http:
        call = await http.post("/v3/tasks", json=task_body(dialect, template=template))
        email = task_body(dialect, taskType="manualEmail", template=template)
        mail = await http.post("/v3/tasks", json=email)
    # "Email subject or LinkedIn message subject. Null for non-email/LinkedIn task types."
    assert checked(call, dialect)["template"]["subject"] is None
    assert checked(mail, dialect)["template"]["subject"] == "Quick question"


@pytest.mark.parametrize("dialect", DIALECTS)
async def test_a_call_can_be_completed_with_a_call_resolution(
    sandbox: Sandbox, dialect: Dialect
) -> None:
    async with client(sandbox, dialect) as http:
        task_id = (await http.post("/v3/tasks", json=task_body(dialect))).json()["id"]
        done = await http.post(
            f"/v3/tasks/{task_id}/complete",
            json={"callResolution": 0, "finishProspectInSequence": False},
        )
    assert checked(done, dialect)["status"] == wire("finished", dialect)


async def test_filters_select_by_every_documented_field(sandbox: Sandbox, clock: FakeClock) -> None:
    dialect = Dialect.BETA
    day = timedelta(days=1)
    plan = [  # (type, contact, starts in days, due after start in days)
        ("call", JANE, 1, 1),
        ("linkedIn", PRIYA, 2, 1),
        ("manualEmail", BOB, -3, 1),  # overdue
        ("call", BOB, 400, 1),  # beyond the default `to` (now + 1 year)
    ]
    ids = []
    async with client(sandbox, dialect) as http:
        for kind, contact, starts, lasts in plan:
            body = task_body(
                dialect,
                taskType=kind,
                contactId=contact,
                startAt=iso(START + starts * day),
                dueTo=iso(START + (starts + lasts) * day),
                linkedInTaskType="message" if kind == "linkedIn" else DROP,
            )
            created = await http.post("/v3/tasks", json=body)
            assert created.status_code == 201, created.text
            ids.append(created.json()["id"])
        call_jane, linkedin_priya, overdue_bob, far_bob = ids

        async def found(query: dict[str, Any], **params: Any) -> list[int]:
            response = await http.post("/v3/tasks/filter", json=query, params=params)
            return [item["id"] for item in checked(response, dialect)["items"]]

        # Ordered by startAt, then id; the default window ends a year from now.
        assert await found({}) == [overdue_bob, call_jane, linkedin_priya]
        assert await found({"to": iso(START + 500 * day)}) == [
            overdue_bob, call_jane, linkedin_priya, far_bob,
        ]  # fmt: skip
        assert await found({"from": iso(START), "to": iso(START + 1 * day)}) == [call_jane]
        assert await found({"taskType": "call"}) == [call_jane]
        assert await found({"contactId": BOB}) == [overdue_bob]
        assert await found({"overdue": True}) == [overdue_bob]
        assert await found({"overdue": False}) == [call_jane, linkedin_priya]
        assert await found({"timeZoneIds": ["Asia/Kolkata"]}) == [linkedin_priya]
        assert await found({"assignedUserId": sandbox.demo_user.user_id}) == [
            overdue_bob, call_jane, linkedin_priya,
        ]  # fmt: skip
        assert await found({"assignedUserId": 4202}) == []  # a teammate owns nothing
        assert await found({"sequenceIds": [77]}) == []  # nothing comes from a sequence
        assert await found({"status": "new"}, top=2) == [overdue_bob, call_jane]
        assert await found({"status": "new"}, top=2, skip=2) == [linkedin_priya]

        page = checked(await http.post("/v3/tasks/filter", json={}, params={"top": 2}), dialect)
        assert page["hasMore"] is True
        # The plain list has no date window.
        last = checked(await http.get("/v3/tasks", params={"top": 2, "skip": 2}), dialect)
        assert [i["id"] for i in last["items"]] == [linkedin_priya, far_bob]
        assert last["hasMore"] is False

        # Time passes: the Jane call becomes overdue too.
        clock.advance(timedelta(days=3).total_seconds())
        assert await found({"overdue": True}) == [overdue_bob, call_jane]

    seed_filter = {"linkedInTaskType": 0, "taskType": 5}  # the seed filter keeps this field
    async with client(sandbox, Dialect.SEED) as http:
        response = await http.post("/v3/tasks/filter", json=seed_filter)
        assert [item["id"] for item in response.json()["items"]] == [linkedin_priya]
        assert response.json()["items"][0]["linkedInTaskType"] == 0


@pytest.mark.parametrize("dialect", DIALECTS)
async def test_times_are_stored_and_answered_in_utc(sandbox: Sandbox, dialect: Dialect) -> None:
    body = task_body(
        dialect, startAt="2026-06-02T09:00:00+02:00", dueTo="2026-06-02T17:30:00-04:00"
    )
    async with client(sandbox, dialect) as http:
        task = checked(await http.post("/v3/tasks", json=body), dialect)
    assert (task["startAt"], task["dueTo"]) == ("2026-06-02T07:00:00Z", "2026-06-02T21:30:00Z")


async def test_head_answers_like_get_without_a_body(sandbox: Sandbox) -> None:
    async with client(sandbox, Dialect.BETA) as http:
        response = await http.head("/v3/whoami")
    assert (response.status_code, response.content) == (200, b"")


@pytest.mark.parametrize("dialect", DIALECTS)
async def test_documented_nulls_and_json_media_types_are_accepted(
    sandbox: Sandbox, dialect: Dialect
) -> None:
    body = task_body(
        dialect,
        taskType="toDo",
        contactId=None,
        linkedInTaskType=None,
        template={"body": "Prep the QBR deck", "subject": None, "attachmentIdList": None},
    )
    async with client(sandbox, dialect) as http:
        for media_type in ("application/json", "application/json; charset=utf-8",
                           "application/merge-patch+json"):  # fmt: skip
            response = await http.post(
                "/v3/tasks",
                content=json.dumps(body).encode(),
                headers={"Content-Type": media_type},
            )
            assert response.status_code == 201, response.text
    assert response.json()["contactId"] is None
    assert response.json()["deliveryInfo"] is None
