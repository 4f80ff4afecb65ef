"""Every rule the sandbox enforces, in both dialects: the status, the beta `code` and
pointer, the seed `errorCode`, and (beta) the problem body against Reply's OpenAPI."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from bot.reply.enums import Dialect
from bot.reply.sandbox import Sandbox
from tests.reply.sandbox_fixtures import (
    DROP,
    JANE,
    FakeClock,
    auth,
    client,
    task_body,
)
from tests.support.openapi import validate_response

Body = dict[str, Any] | bytes | Callable[[Dialect], Any] | None


@dataclass(frozen=True)
class Case:
    id: str
    method: str
    path: str
    body: Body = None
    status: int = 400
    code: str | None = None  # beta `code`
    error_code: int | None = 3  # seed `errorCode` (3: invalid input)
    pointer: str | None = None  # one of beta's errors[].pointer
    query: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    documented: bool = True  # Reply's OpenAPI file lists this status for this operation


def body(**changes: Any) -> Callable[[Dialect], dict[str, Any]]:
    return lambda dialect: task_body(dialect, **changes)


def without_template_body(dialect: Dialect) -> dict[str, Any]:
    return task_body(dialect, template={"subject": "Hi"})


def enum_of_other_dialect(dialect: Dialect) -> dict[str, Any]:
    return task_body(dialect) | {"taskType": "call" if dialect is Dialect.SEED else 2}


def action_of_other_dialect(dialect: Dialect) -> dict[str, Any]:
    linkedin = task_body(dialect, taskType="linkedIn", linkedInTaskType="connect")
    return linkedin | {"linkedInTaskType": "connect" if dialect is Dialect.SEED else 1}


def status_filter_of_other_dialect(dialect: Dialect) -> dict[str, Any]:
    return {"status": "new" if dialect is Dialect.SEED else 0}


def linkedin_without_action(dialect: Dialect) -> dict[str, Any]:
    return task_body(dialect, taskType="linkedIn")


def create(name: str, payload: Body, **expected: Any) -> Case:
    return Case(name, "POST", "/v3/tasks", payload, **expected)


CREATE_CASES = [
    create("unknown field", body(dueAt="2026-03-04T10:00:00Z"), pointer="/dueAt"),
    create("unknown template field", body(template={"body": "x", "html": "<b>"}),
         pointer="/template/html"),
    create("string for an integer", body(contactId=str(JANE)), pointer="/contactId"),
    create("bool for an integer", body(contactId=True), pointer="/contactId"),
    create("float for an integer", body(contactId=30101.0), pointer="/contactId"),
    create("integer for a string", body(template={"body": 5}),
         pointer="/template/body"),
    create("null for a required string", body(template={"body": None}),
         pointer="/template/body"),
    create("not a date-time", body(startAt="tomorrow 3pm"), pointer="/startAt"),
    create("a date without a time", body(dueTo="2026-03-04"), pointer="/dueTo"),
    create("a date-time without an offset", body(startAt="2026-03-03T09:00:00"),
         pointer="/startAt"),
    create("epoch seconds for a date-time", body(dueTo=1772500000),
         pointer="/dueTo"),
    create("an impossible date", body(startAt="2026-02-30T09:00:00Z"),
         pointer="/startAt"),
    create("bad task type", body(taskType="phone"), pointer="/taskType"),
    create("bad task type number", body(taskType=3), pointer="/taskType"),
    create("task type in the other dialect", enum_of_other_dialect,
         pointer="/taskType"),
    create("linkedIn action in the other dialect", action_of_other_dialect,
         pointer="/linkedInTaskType"),
    create("bad linkedIn action", body(taskType="linkedIn", linkedInTaskType="poke"),
           pointer="/linkedInTaskType"),
    create("missing taskType", body(taskType=DROP), pointer="/taskType"),
    create("null taskType", body(taskType=None), pointer="/taskType"),
    create("missing startAt", body(startAt=DROP), pointer="/startAt"),
    create("missing dueTo", body(dueTo=DROP), pointer="/dueTo"),
    create("missing template", body(template=DROP), pointer="/template"),
    create("template not an object", body(template="Call Jane"),
         pointer="/template"),
    create("missing template body", without_template_body,
         pointer="/template/body"),
    create("blank template body", body(template={"body": "  \n"}),
         pointer="/template/body"),
    create("attachments are read-only", body(template={"body": "x", "attachmentIdList": [1]}),
           pointer="/template/attachmentIdList"),
    create("empty body", b"", pointer=""),
    create("blank body", b"  \n ", pointer=""),
    create("body not JSON", b"{taskType: call", pointer=""),
    create("body not an object", b"[1, 2]", pointer=""),
    create("startAt before 2015",
           body(startAt="2014-12-31T23:59:59Z", dueTo="2015-01-02T00:00:00Z"), pointer="/startAt"),
    create("dueTo equal to startAt",
           body(startAt="2026-03-03T09:00:00Z", dueTo="2026-03-03T09:00:00Z"), pointer="/dueTo"),
    create("dueTo before startAt",
           body(startAt="2026-03-03T09:00:00Z", dueTo="2026-03-03T10:00:00+02:00"),
           pointer="/dueTo"),
    create("linkedIn action on a call", body(linkedInTaskType="message"),
         pointer="/linkedInTaskType"),
    create("linkedIn task without an action", linkedin_without_action,
         pointer="/linkedInTaskType"),
    create("call without a contact", body(contactId=DROP), pointer="/contactId"),
    create("meeting with a null contact", body(taskType="meeting", contactId=None),
         pointer="/contactId"),
    create("contact id zero", body(contactId=0), pointer="/contactId"),
    create("unknown contact", body(contactId=99999), pointer="/contactId"),
    create("template that does not compile", body(template={"body": "{{/if}}"}),
         code="task.unknown", error_code=8, pointer="/template/body"),
    create("template with an unknown helper", body(template={"body": "{{shout firstName}}"}),
           code="task.unknown", error_code=8, pointer="/template/body"),
    create("subject that does not compile",
           body(taskType="manualEmail", template={"body": "Hi", "subject": "{{> header}}"}),
           code="task.unknown", error_code=8, pointer="/template/subject"),
    create("form body", b"taskType=call",
         headers={"Content-Type": "application/x-www-form-urlencoded"}, status=415, error_code=None,
         documented=False),
]  # fmt: skip

ID_CASES = [
    Case(f"{method} {path} id {raw}", method, path.format(raw), body_, pointer="id")
    for raw in ("0", "-4", "abc", "1.5", "2147483648")
    for method, path, body_ in [
        ("GET", "/v3/tasks/{}", None),
        ("PUT", "/v3/tasks/{}", body()),
        ("DELETE", "/v3/tasks/{}", None),
        ("POST", "/v3/tasks/{}/complete", {}),
        ("GET", "/v3/contacts/{}", None),
    ]
]

STATE_CASES = [
    Case("task not found", "GET", "/v3/tasks/424242", status=404, code="task.notFound",
         error_code=1),
    Case("edit of a missing task", "PUT", "/v3/tasks/424242", body(), status=404,
         code="task.notFound", error_code=1),
    Case("delete of a missing task", "DELETE", "/v3/tasks/424242", status=404, code="task.notFound",
         error_code=1),
    Case("completing a missing task", "POST", "/v3/tasks/424242/complete", {}, status=404,
         code="task.notFound", error_code=1),
    Case("contact not found", "GET", "/v3/contacts/99999", status=404, code="contact.notFound",
         error_code=1),
    Case("edit of a finished task", "PUT", "/v3/tasks/{finished}", body(), code="task.unknown",
         error_code=5),
    Case("edit of a cancelled task", "PUT", "/v3/tasks/{cancelled}", body(), code="task.unknown",
         error_code=5),
    Case("completing a finished task", "POST", "/v3/tasks/{finished}/complete", {}, status=409,
         code="task.cannotComplete", error_code=7),
    Case("completing a cancelled task", "POST", "/v3/tasks/{cancelled}/complete", {}, status=409,
         code="task.cannotComplete", error_code=7),
    Case("deleting a cancelled task", "DELETE", "/v3/tasks/{cancelled}", code="task.unknown",
         error_code=6),
    Case("deleting an archived task", "DELETE", "/v3/tasks/{archived}", code="task.unknown",
         error_code=6),
    Case("completing without a body", "POST", "/v3/tasks/{new}/complete", b"", pointer=""),
    Case("call resolution on a meeting", "POST", "/v3/tasks/{meeting}/complete",
         {"callResolution": 0}, pointer="/callResolution"),
    Case("call resolution out of range", "POST", "/v3/tasks/{new}/complete", {"callResolution": 3},
         pointer="/callResolution"),
    Case("call resolution as a string", "POST", "/v3/tasks/{new}/complete",
         {"callResolution": "positive"}, pointer="/callResolution"),
    Case("unknown complete field", "POST", "/v3/tasks/{new}/complete", {"note": "done"},
         pointer="/note"),
    Case("includeContent not a boolean", "GET", "/v3/tasks/{new}", query={"includeContent": "yes"},
         pointer="includeContent"),
    Case("unchanged rules on edit", "PUT", "/v3/tasks/{new}", body(contactId=DROP),
         pointer="/contactId"),
]  # fmt: skip

# Task endpoints answer the code and the pointer (both documented for them); the contact
# endpoints' 400 is oneOf business or validation, so they answer the code alone.
PAGING_CASES = [
    Case(f"{method} {path} {name}={value!r}", method, path, body_, query={name: value},
         code=code, error_code=10, pointer=name if code.startswith("task") else None)
    for method, path, body_, code in [
        ("GET", "/v3/tasks", None, "task.invalidPagination"),
        ("POST", "/v3/tasks/filter", {}, "task.invalidPagination"),
        ("GET", "/v3/contacts", None, "contact.invalidPagination"),
        ("POST", "/v3/contacts/filter", {}, "contact.invalidPagination"),
    ]
    for name, value in [("top", "0"), ("top", "1001"), ("top", "ten"), ("top", "5.0"),
                        ("skip", "-1"), ("skip", "two")]
]  # fmt: skip

FILTER_CASES = [
    Case("to before from", "POST", "/v3/tasks/filter",
         {"from": "2026-03-05T00:00:00Z", "to": "2026-03-04T00:00:00Z"}, pointer="/to"),
    Case("filter status in the other dialect", "POST", "/v3/tasks/filter",
         status_filter_of_other_dialect, pointer="/status"),
    Case("filter with a mistyped field", "POST", "/v3/tasks/filter", {"overdue": "yes"},
         pointer="/overdue"),
    Case("filter without a body", "POST", "/v3/tasks/filter", b"", pointer=""),
    Case("contact rule without a property", "POST", "/v3/contacts/filter",
         {"rules": [{"property": "", "condition": "equals", "value": "x"}]},
         pointer="/rules/0/property"),
    Case("contact rule with an unknown condition", "POST", "/v3/contacts/filter",
         {"rules": [{"property": "company", "condition": "like", "value": "x"}]},
         pointer="/rules/0/condition"),
    Case("contact rule without a value", "POST", "/v3/contacts/filter",
         {"rules": [{"property": "company", "condition": "equals"}]}, pointer="/rules/0/value"),
    Case("contact sort by an unknown property", "POST", "/v3/contacts/filter",
         {"sortBy": "shoeSize"}, pointer="/sortBy"),
    Case("contact sort in a bad direction", "POST", "/v3/contacts/filter",
         {"sortDirection": "up"}, pointer="/sortDirection"),
]  # fmt: skip

ROUTE_CASES = [
    Case("unknown route", "GET", "/v3/tickets", status=404, error_code=None, documented=False),
    Case("wrong method", "PATCH", "/v3/tasks/1", body(), status=405, error_code=None,
         documented=False),
    Case("execute is not modelled", "POST", "/v3/tasks/1/execute", {}, status=501,
         error_code=None, documented=False),
]  # fmt: skip

CASES = CREATE_CASES + ID_CASES + STATE_CASES + PAGING_CASES + FILTER_CASES + ROUTE_CASES


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    async with Sandbox.create(clock=FakeClock()) as created:
        yield created


async def _task_in_each_state(http: httpx.AsyncClient) -> dict[str, int]:
    """Tasks to act on: new, meeting, finished, cancelled and archived."""
    ids = {}
    for name in ("new", "meeting", "finished", "cancelled", "archived"):
        kind = "meeting" if name == "meeting" else "call"
        created = await http.post("/v3/tasks", json=task_body(Dialect.BETA, taskType=kind))
        ids[name] = created.json()["id"]
    for name in ("finished", "archived"):
        assert (await http.post(f"/v3/tasks/{ids[name]}/complete", json={})).status_code == 200
    for name in ("cancelled", "archived"):
        assert (await http.delete(f"/v3/tasks/{ids[name]}")).status_code == 204
    return ids


@pytest.mark.parametrize("dialect", [Dialect.SEED, Dialect.BETA], ids=["seed", "beta"])
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
async def test_rejected_like_reply_rejects_it(
    sandbox: Sandbox, case: Case, dialect: Dialect
) -> None:
    async with client(sandbox, Dialect.BETA) as setup:
        ids = await _task_in_each_state(setup)
    payload = case.body(dialect) if callable(case.body) else case.body
    request: dict[str, Any] = {"params": case.query, "headers": case.headers}
    if isinstance(payload, bytes):
        request["content"] = payload
        request["headers"] = {"Content-Type": "application/json"} | case.headers
    elif payload is not None:
        request["json"] = payload
    async with client(sandbox, dialect) as http:
        response = await http.request(case.method, case.path.format(**ids), **request)

    assert response.status_code == case.status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == case.status
    assert problem["title"]
    assert problem["detail"]
    if dialect is Dialect.SEED:
        assert problem.get("errorCode") == case.error_code
        assert "code" not in problem
        assert "errors" not in problem
        return
    assert problem.get("code") == case.code
    assert "errorCode" not in problem
    pointers = [error["pointer"] for error in problem.get("errors", [])]
    if case.pointer is None:
        assert pointers == []
    else:
        assert case.pointer in pointers
    if case.documented:
        validate_response(response)


async def test_every_broken_rule_is_reported_at_once(sandbox: Sandbox) -> None:
    broken = {
        "taskType": "linkedIn",
        "startAt": "2014-06-01T00:00:00Z",
        "dueTo": "2014-05-01T00:00:00Z",
        "template": {"body": " "},
    }
    async with client(sandbox, Dialect.BETA) as http:
        problem = (await http.post("/v3/tasks", json=broken)).json()
    assert [e["pointer"] for e in problem["errors"]] == [
        "/template/body", "/startAt", "/dueTo", "/linkedInTaskType", "/contactId",
    ]  # fmt: skip


async def test_a_wrong_dialect_enum_says_which_encoding_was_sent(sandbox: Sandbox) -> None:
    async with client(sandbox, Dialect.BETA) as http:
        problem = (await http.post("/v3/tasks", json=task_body(Dialect.SEED))).json()
    (error,) = problem["errors"]
    assert error["detail"] == (
        '\'taskType\' must be one of "toDo", "call", "meeting", "linkedIn", '
        '"manualEmail", "sms", "whatsApp"; got 2 (that is the integer encoding of the '
        "X-API-Key dialect)."
    )


async def test_a_misspelt_field_gets_a_suggestion(sandbox: Sandbox) -> None:
    async with client(sandbox, Dialect.BETA) as http:
        body = task_body(Dialect.BETA, dueTo=DROP) | {"dueAt": "2026-03-04T10:00:00Z"}
        problem = (await http.post("/v3/tasks", json=body)).json()
    details = {error["pointer"]: error["detail"] for error in problem["errors"]}
    assert details["/dueAt"] == "'dueAt' is not a field of this request. Did you mean 'dueTo'?"
    assert details["/dueTo"] == "'dueTo' is required."


async def test_seed_problems_fold_field_messages_into_the_detail(sandbox: Sandbox) -> None:
    async with client(sandbox, Dialect.SEED) as http:
        problem = (
            await http.post("/v3/tasks", json=task_body(Dialect.SEED, contactId=DROP))
        ).json()
    assert problem == {
        "title": "Validation failed",
        "status": 400,
        "detail": "The request body contains validation errors. "
        "'contactId' is required for every task type but 0 (ToDo).",
        "errorCode": 3,
    }


async def test_the_beta_pagination_problem_is_the_documented_one(sandbox: Sandbox) -> None:
    async with client(sandbox, Dialect.BETA) as http:
        problem = (await http.get("/v3/tasks", params={"top": "1001"})).json()
    assert problem == {
        "title": "Bad Request",
        "status": 400,
        "detail": "Parameter 'top' must be between 1 and 1000.",
        "code": "task.invalidPagination",
        "errors": [{"pointer": "top", "detail": "Parameter 'top' must be between 1 and 1000."}],
    }


async def test_an_edit_of_a_finished_task_is_refused_with_reply_s_sentence(
    sandbox: Sandbox,
) -> None:
    async with client(sandbox, Dialect.BETA) as http:
        ids = await _task_in_each_state(http)
        response = await http.put(f"/v3/tasks/{ids['finished']}", json=task_body(Dialect.BETA))
    assert response.json() == {
        "title": "Bad Request",
        "status": 400,
        "detail": "Only tasks with 'New' status can be edited.",
        "code": "task.unknown",
    }


async def test_rejected_requests_change_nothing(sandbox: Sandbox) -> None:
    async with client(sandbox, Dialect.BETA) as http:
        task = (await http.post("/v3/tasks", json=task_body(Dialect.BETA))).json()
        bad_edit = task_body(Dialect.BETA, dueTo="2026-03-01T00:00:00Z", template={"body": "New"})
        assert (await http.put(f"/v3/tasks/{task['id']}", json=bad_edit)).status_code == 400
        assert (
            await http.post("/v3/tasks", json=task_body(Dialect.BETA, contactId=7))
        ).status_code == 400
        after = (await http.get(f"/v3/tasks/{task['id']}")).json()
        listed = (await http.get("/v3/tasks")).json()["items"]
    assert after == task
    assert [item["id"] for item in listed] == [task["id"]]


@pytest.mark.parametrize("dialect", [Dialect.SEED, Dialect.BETA], ids=["seed", "beta"])
async def test_no_key_is_a_401_in_the_dialect_s_own_form(
    sandbox: Sandbox, dialect: Dialect
) -> None:
    transport = sandbox.transport()
    async with httpx.AsyncClient(transport=transport, base_url="http://reply-sandbox") as http:
        empty = await http.get("/v3/whoami", headers=auth(dialect, key=""))
        blank = await http.get("/v3/whoami", headers=auth(dialect, key="   "))
    for response in (empty, blank):
        assert response.status_code == 401
        if dialect is Dialect.BETA:
            # Reply's authentication page: empty body, Content-Length: 0, WWW-Authenticate.
            assert response.content == b""
            assert response.headers["content-length"] == "0"
            assert response.headers["www-authenticate"] == "Bearer"
        else:
            assert response.headers["content-type"] == "application/problem+json"
            assert response.json() == {
                "title": "Unauthorized",
                "status": 401,
                "detail": "Authentication credentials are missing or invalid.",
            }


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Basic dXNlcjpwYXNz"}, {"Authorization": "Bearer"}],
    ids=["no header", "basic auth", "bearer without a token"],
)
async def test_other_missing_or_malformed_credentials_get_the_beta_401(
    sandbox: Sandbox, headers: dict[str, str]
) -> None:
    transport = sandbox.transport()
    async with httpx.AsyncClient(transport=transport, base_url="http://reply-sandbox") as http:
        response = await http.post("/v3/tasks", json={}, headers=headers)
    assert (response.status_code, response.content) == (401, b"")
    assert response.headers["www-authenticate"] == "Bearer"


async def test_the_bearer_scheme_is_case_insensitive(sandbox: Sandbox) -> None:
    transport = sandbox.transport()
    async with httpx.AsyncClient(transport=transport, base_url="http://reply-sandbox") as http:
        response = await http.get("/v3/whoami", headers={"Authorization": "bearer k"})
    assert response.status_code == 200
