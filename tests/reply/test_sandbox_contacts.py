"""Contacts, whoami and team users: lookups, search, rules, sorting, and both dialects' shapes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from openapi_core.validation.response.exceptions import ResponseValidationError

from bot.domain import Contact
from bot.reply.enums import Dialect
from bot.reply.sandbox import Sandbox
from tests.reply.sandbox_fixtures import JANE, OPS, PRIYA, client
from tests.support.openapi import validate_exchange

BETA, SEED = Dialect.BETA, Dialect.SEED


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    async with Sandbox.create() as created:
        yield created


@pytest.fixture
async def beta(sandbox: Sandbox) -> AsyncIterator[httpx.AsyncClient]:
    async with client(sandbox, BETA) as http:
        yield http


async def names(response: httpx.Response) -> list[str]:
    return [
        f"{c['firstName']} {c['lastName']}".strip() or c["email"] for c in response.json()["items"]
    ]


def test_the_seed_has_what_the_product_s_examples_need(sandbox: Sandbox) -> None:
    contacts = {contact.id: contact for contact in sandbox.contacts}
    jane = contacts[JANE]
    assert (jane.display_name, jane.email, jane.company) == ("Jane Cooper", "jane@acme.com", "Acme")
    emails = {contact.email for contact in sandbox.contacts}
    assert {"bob@globex.com", "mike@oscorp.com", "ops@initech.io"} <= emails
    janes = [c for c in sandbox.contacts if c.first_name == "Jane"]
    assert len(janes) == 2
    assert contacts[PRIYA].email is None
    assert contacts[PRIYA].linkedin_url
    assert contacts[OPS].phone is None
    for contact in sandbox.contacts:
        assert isinstance(contact, Contact)
        assert contact.time_zone_id
        assert contact.phone is None or (
            contact.phone.startswith("+") and contact.phone[1:].isdigit()
        )
    assert sandbox.demo_user.username == "Alex Rivera"


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ({"email": "jane@acme.com"}, ["Jane Cooper"]),
        ({"email": "JANE@Acme.COM"}, ["Jane Cooper"]),  # exact, but not case-sensitive
        ({"email": "jane"}, []),  # no partial matches
        ({"email": "nobody@acme.com"}, []),
        ({"linkedIn": "https://www.linkedin.com/in/janepark"}, ["Jane Park"]),
        ({"linkedIn": "linkedin.com/in/JanePark/"}, ["Jane Park"]),
        ({"linkedIn": "http://www.linkedin.com/in/priya-raman-growth?trk=x"}, ["Priya Raman"]),
        ({"email": "jane@acme.com", "linkedIn": "https://www.linkedin.com/in/janepark"}, []),
        ({"email": ""}, None),  # empty counts as absent: everybody
    ],
)
async def test_get_contacts_looks_up_by_email_and_linkedin(
    beta: httpx.AsyncClient, query: dict[str, str], found: list[str] | None
) -> None:
    response = await beta.get("/v3/contacts", params=query)
    if found is None:
        assert len(response.json()["items"]) == 8
    else:
        assert await names(response) == found
    if found and "Priya Raman" not in found:  # see the test of the no-email gap below
        validate_exchange(response)


async def test_get_contacts_pages_in_id_order(beta: httpx.AsyncClient) -> None:
    first = (await beta.get("/v3/contacts", params={"top": 3})).json()
    rest = (await beta.get("/v3/contacts", params={"top": 10, "skip": 3})).json()
    assert [c["id"] for c in first["items"]] == [30101, 30102, 30103]
    assert first["hasMore"] is True
    assert [c["id"] for c in rest["items"]] == [30104, 30105, 30106, 30107, 30108]
    assert rest["hasMore"] is False
    assert "totalCount" not in first  # only the filter's documented example has it


@pytest.mark.parametrize(
    ("term", "found"),
    [
        ("jane", ["Jane Cooper", "Jane Park"]),  # a name a rep types hits both Janes
        ("Jane Cooper", ["Jane Cooper"]),
        ("cooper jane", ["Jane Cooper"]),
        ("amelie", ["Amélie Laurent"]),  # accents are ignored
        ("LAURENT", ["Amélie Laurent"]),
        ("globex", ["Bob Martinez"]),  # email and company match too
        ("initech", ["ops@initech.io"]),
        ("hooli jane", ["Jane Park"]),
        # Names first (Jane, Jane, Raman), then Amélie, matched by her email's "vandelay".
        ("an", ["Jane Cooper", "Jane Park", "Priya Raman", "Amélie Laurent"]),
        ("zed", []),
        ("", None),
    ],
)
async def test_search_term_matches_names_then_email_then_company(
    beta: httpx.AsyncClient, term: str, found: list[str] | None
) -> None:
    response = await beta.post("/v3/contacts/filter", json={"searchTerm": term})
    body = response.json()
    if found is None:
        assert body["totalCount"] == 8
    else:
        assert await names(response) == found
        assert body["totalCount"] == len(found)


async def test_rules_and_sorting_narrow_and_order_the_filter(beta: httpx.AsyncClient) -> None:
    rules = [
        {"property": "country", "condition": "equals", "value": "united states"},
        {"property": "phone", "condition": "isNotEmpty"},
    ]
    body = {"rules": rules, "sortBy": "lastName", "sortDirection": "desc"}
    response = await beta.post("/v3/contacts/filter", json=body)
    assert await names(response) == ["Jane Park", "Bob Martinez", "Jane Cooper", "Mike Chen"]
    paged = await beta.post("/v3/contacts/filter", json=body, params={"top": 2, "skip": 1})
    assert await names(paged) == ["Bob Martinez", "Jane Cooper"]
    assert (paged.json()["hasMore"], paged.json()["totalCount"]) == (True, 4)
    in_a_list = await beta.post("/v3/contacts/filter", json={"listId": 10})
    assert in_a_list.json()["items"] == []  # the sandbox has no lists


async def test_a_contact_is_answered_with_every_documented_property(
    beta: httpx.AsyncClient,
) -> None:
    response = await beta.get(f"/v3/contacts/{JANE}")
    validate_exchange(response)
    contact = response.json()
    assert contact["customFields"] == [
        {"key": "plan", "value": "Enterprise"},
        {"key": "renewalDate", "value": "2026-03-31"},
    ]
    assert (contact["companySize"], contact["phoneStatus"]) == ("twoHundred", "valid")
    assert (contact["domain"], contact["timeZoneId"]) == ("acme.com", "America/Los_Angeles")


async def test_seed_contacts_use_pascal_case_and_no_call_or_meeting_status(
    sandbox: Sandbox,
) -> None:
    async with client(sandbox, SEED) as http:
        contact = (await http.get(f"/v3/contacts/{JANE}")).json()
    assert (contact["companySize"], contact["phoneStatus"]) == ("TwoHundred", "Valid")
    assert "callStatus" not in contact
    assert "meetingStatus" not in contact


async def test_a_contact_without_an_email_answers_an_empty_string(
    beta: httpx.AsyncClient,
) -> None:
    """Reply allows a contact with only a LinkedIn URL (CreateContact), but its Contact schema
    has no nullable strings: the sandbox answers "" for unset ones, which the OpenAPI check
    accepts as a documented gap (tests/support/openapi.py) while still checking real emails."""
    response = await beta.get(f"/v3/contacts/{PRIYA}")
    assert (response.json()["email"], response.json()["phone"]) == ("", "")
    validate_exchange(response)
    broken = httpx.Response(
        200, json={**response.json(), "email": "not-an-email"}, request=response.request
    )
    with pytest.raises(ResponseValidationError):
        validate_exchange(broken)


async def test_whoami_and_team_users(beta: httpx.AsyncClient, sandbox: Sandbox) -> None:
    me = await beta.get("/v3/whoami")
    validate_exchange(me)
    user = sandbox.demo_user
    assert me.json() == {"userId": user.user_id, "username": user.username, "teamId": user.team_id}
    team = await beta.get("/v3/whoami/team-users")
    validate_exchange(team)
    members: list[dict[str, Any]] = team.json()
    assert members[0]["userId"] == user.user_id
    assert {m["teamId"] for m in members} == {user.team_id}
    assert all("@" in m["userEmail"] for m in members)


async def test_contact_routes_that_are_not_modelled_say_so(beta: httpx.AsyncClient) -> None:
    response = await beta.post("/v3/contacts", json={"email": "new@example.com"})
    assert response.status_code == 501
    assert "does not model POST /v3/contacts" in response.json()["detail"]
