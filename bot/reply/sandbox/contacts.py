"""Contacts and the caller: GET/POST /v3/contacts…, GET /v3/whoami… (reply-api-v3.md §6, §7).

The contacts are the seed data (`seed.py`); creating contacts is not modelled (501). How
`email`, `linkedIn`, `searchTerm` and `rules` match is decided in `search.py`.
"""

from __future__ import annotations

from starlette.responses import Response
from starlette.routing import Route

from bot.reply.sandbox import params, search, wire
from bot.reply.sandbox.calls import Call, api_route, not_modelled_handler
from bot.reply.sandbox.contract import ContactFilterBody
from bot.reply.sandbox.problems import CONTACT_INVALID_PAGINATION, CONTACT_NOT_FOUND, Problem
from bot.reply.sandbox.seed import SeedContact
from bot.reply.sandbox.state import SandboxState


def routes(state: SandboxState) -> list[Route]:
    return [
        api_route(state, "/v3/contacts", {"GET": list_contacts, "POST": not_modelled_handler}),
        api_route(state, "/v3/contacts/filter", {"POST": filter_contacts}),
        api_route(state, "/v3/contacts/{id}", {"GET": get}),
        api_route(state, "/v3/whoami", {"GET": whoami}),
        api_route(state, "/v3/whoami/team-users", {"GET": team_users}),
    ]


async def list_contacts(call: Call) -> Response:
    """GetContacts: browse, or look one up "by exact email or LinkedIn URL"."""
    page = params.page(call.query, CONTACT_INVALID_PAGINATION, pointer=False)
    found = list(call.state.contacts.values())
    email, linkedin = call.query.get("email", ""), call.query.get("linkedIn", "")
    if email:
        found = search.by_email(found, email)
    if linkedin:
        found = search.by_linkedin(found, linkedin)
    items, more = page.cut(sorted(found, key=lambda contact: contact.id))
    return call.json({"items": _encoded(call, items), "hasMore": more})


async def filter_contacts(call: Call) -> Response:
    page = params.page(call.query, CONTACT_INVALID_PAGINATION, pointer=False)
    body = await call.body(ContactFilterBody)
    problems = search.rule_problems(body.rules or ())
    problems += search.sort_problems(body.sort_by, body.sort_direction)
    if problems:
        raise Problem.invalid(problems, "The request body contains validation errors.")
    found = search.search(call.state.contacts.values(), body.search_term or "")
    found = search.apply_rules(found, body.rules or ())
    if (
        body.list_id is not None
        or body.sequence_id is not None
        or body.sequence_step_id is not None
    ):
        found = []  # the sandbox has no lists and no sequences: nobody is in one
    found = search.sort(found, body.sort_by, body.sort_direction)
    items, more = page.cut(found)
    # `totalCount` appears in Reply's filter-contacts example (§6.2), not in its schema.
    return call.json({"items": _encoded(call, items), "hasMore": more, "totalCount": len(found)})


async def get(call: Call) -> Response:
    contact_id = call.path_id(params.CONTACT_ID_MESSAGE)
    contact = call.state.contacts.get(contact_id)
    if contact is None:
        raise Problem(CONTACT_NOT_FOUND, f"Contact with ID {contact_id} not found.")
    return call.json(wire.contact(contact, call.dialect))


async def whoami(call: Call) -> Response:
    return call.json(wire.whoami(call.state.user))


async def team_users(call: Call) -> Response:
    return call.json([wire.team_user(user) for user in call.state.team])


def _encoded(call: Call, contacts: list[SeedContact]) -> list[dict[str, object]]:
    return [wire.contact(contact, call.dialect) for contact in contacts]
