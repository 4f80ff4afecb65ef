"""The OpenAPI helper itself: it accepts documented exchanges and rejects undocumented ones."""

import json

import httpx
import pytest
from openapi_core.validation.request.exceptions import RequestValidationError
from openapi_core.validation.response.exceptions import ResponseValidationError

from tests.support.openapi import validate_exchange, validate_request

TASK = {
    "id": 1, "contactId": 7, "taskType": "call", "status": "new", "linkedInTaskType": None,
    "sequenceId": None, "sequenceStepId": None, "sequenceStepDisplayName": None,
    "assignedUserId": 3, "creationSource": "user", "createdAt": "2026-11-25T19:37:00Z",
    "startAt": "2026-11-25T19:37:00Z", "dueTo": "2026-11-26T20:00:00Z", "finishedAt": None,
    "isFailed": False, "isScheduled": False,
    "template": {"body": "Call {{firstName}}", "subject": None, "attachmentIdList": None},
    "content": None, "deliveryInfo": None,
}  # fmt: skip
CREATE = {
    "taskType": "call",
    "startAt": "2026-11-25T19:37:00Z",
    "dueTo": "2026-11-26T20:00:00Z",
    "template": {"body": "Call {{firstName}}"},
    "contactId": 7,
}
AUTH = {"Authorization": "Bearer k"}


def exchange(method: str, url: str, body: object, status: int, answer: object) -> httpx.Response:
    request = httpx.Request(method, url, json=body, headers=AUTH)
    content_type = "application/json" if status < 400 else "application/problem+json"
    return httpx.Response(
        status, content=json.dumps(answer).encode(), request=request,
        headers={"content-type": content_type},
    )  # fmt: skip


def test_a_documented_create_passes_with_nulls_where_the_spec_allows_them() -> None:
    validate_exchange(exchange("POST", "http://127.0.0.1:9/v3/tasks", CREATE, 201, TASK))


def test_a_validation_problem_matches_the_400_schema() -> None:
    problem = {
        "title": "Validation failed", "status": 400, "detail": "The body has errors.",
        "errors": [{"pointer": "/taskType", "detail": "'taskType' is required."}],
    }  # fmt: skip
    validate_exchange(exchange("POST", "http://127.0.0.1:9/v3/tasks", CREATE, 400, problem))


def test_an_integer_task_type_is_not_the_beta_dialect() -> None:
    with pytest.raises(RequestValidationError):
        validate_request(
            httpx.Request("POST", "http://x/v3/tasks", json={**CREATE, "taskType": 2}, headers=AUTH)
        )


def test_a_response_missing_a_required_field_is_caught() -> None:
    broken = {k: v for k, v in TASK.items() if k != "status"}
    with pytest.raises(ResponseValidationError):
        validate_exchange(exchange("POST", "http://127.0.0.1:9/v3/tasks", CREATE, 201, broken))


def test_a_wrong_enum_value_in_a_response_is_caught() -> None:
    with pytest.raises(ResponseValidationError):
        validate_exchange(
            exchange("POST", "http://127.0.0.1:9/v3/tasks", CREATE, 201, {**TASK, "status": 0})
        )


def test_an_undocumented_request_field_is_caught() -> None:
    with pytest.raises(RequestValidationError):
        validate_request(
            httpx.Request("POST", "http://x/v3/tasks", json={**CREATE, "dueAt": "x"}, headers=AUTH)
        )


def test_an_empty_204_passes_where_the_spec_documents_one() -> None:
    request = httpx.Request("DELETE", "http://127.0.0.1:9/v3/tasks/7", headers=AUTH)
    validate_exchange(httpx.Response(204, request=request))


def test_an_empty_204_fails_where_the_spec_does_not_document_one() -> None:
    request = httpx.Request("GET", "http://127.0.0.1:9/v3/tasks/7", headers=AUTH)
    with pytest.raises(AssertionError, match="204 is not documented"):
        validate_exchange(httpx.Response(204, request=request))


def test_a_pagination_problem_matches_the_contacts_filter_400_schema() -> None:
    """The contacts filter nests its problem titles a level deeper than the tasks endpoints."""
    problem = {
        "title": "Bad Request", "status": 400, "detail": "Parameter 'top' is out of range.",
        "code": "contact.invalidPagination", "errors": [{"pointer": "top", "detail": "1..1000"}],
    }  # fmt: skip
    validate_exchange(
        exchange("POST", "http://127.0.0.1:9/v3/contacts/filter?top=0", {}, 400, problem)
    )
