"""Which Reply contact the rep meant: an email, a `#id`, a LinkedIn URL or a name.

    resolution = await resolve_contact(reply, ContactQuery("name", "Jane"))
    match resolution:
        case Resolved(contact): ...
        case Ambiguous(candidates): ...     # the rep picks; never a guess
        case Missing(): ...

Rules (issue 4, "Resolve the contact"):

* email → `GET /v3/contacts?email=` with an exact, case-insensitive match (the client keeps
  only exact matches, reply-api-v3.md §6.1). Several contacts can share an address: pick.
* `#id` → `GET /v3/contacts/{id}`; a 404 is "no such contact" (or one taskbot's Reply user
  can't see: Reply does not say which, §3).
* LinkedIn URL → `GET /v3/contacts?linkedIn=`, the same profile once normalised.
* a name → `POST /v3/contacts/filter {"searchTerm"}`. Which fields the term matches is
  Reply's business (§10 q5), so a hit is used directly only when it is the one contact whose
  full name equals what was typed (ignoring case and accents); anything else — several hits,
  or one hit with another name ("Jane" → Jane Cooper) — is offered as a pick. A name typed
  without quotes may be the grammar's guess, and a guess is never acted on unconfirmed.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from bot.domain import Contact, ContactQuery
from bot.reply.client import ReplyClient
from bot.reply.errors import ReplyNotFound

MAX_CANDIDATES = 25
"""At most this many contacts are offered (one pick button each; an actions block's limit)."""


@dataclass(frozen=True, slots=True)
class Resolved:
    contact: Contact


@dataclass(frozen=True, slots=True)
class Ambiguous:
    candidates: tuple[Contact, ...]
    total: int | None = None


@dataclass(frozen=True, slots=True)
class Missing:
    pass


Resolution = Resolved | Ambiguous | Missing


async def resolve_contact(
    reply: ReplyClient, query: ContactQuery, *, limit: int = MAX_CANDIDATES
) -> Resolution:
    """Look the contact up in Reply. Reply errors other than "not found" propagate."""
    found = await find_contacts(reply, query, limit=limit)
    if query.kind == "name":
        return _by_name(found, query.value, limit)
    return _one_or_pick(found, limit)


async def find_contacts(
    reply: ReplyClient, query: ContactQuery, *, limit: int = MAX_CANDIDATES
) -> list[Contact]:
    """Every Reply contact `query` may name, as Reply ranks them (the form's search shows
    them all; `resolve_contact` decides whether one is meant). Reply errors other than "not
    found" propagate."""
    if query.kind == "id":
        contact_id = query.contact_id
        if contact_id is None:
            return []
        try:
            return [await reply.get_contact(contact_id)]
        except ReplyNotFound:
            return []
    if query.kind == "email":
        return await reply.find_contacts_by_email(query.value)
    if query.kind == "linkedin":
        return await reply.find_contacts_by_linkedin(query.value)
    return await reply.search_contacts(query.value, limit=limit)


def _by_name(found: list[Contact], name: str, limit: int) -> Resolution:
    if not found:
        return Missing()
    wanted = fold(name)
    exact = [c for c in found if fold(c.display_name) == wanted]
    if len(exact) == 1:
        return Resolved(exact[0])
    return Ambiguous(tuple(found[:limit]))


def _one_or_pick(found: list[Contact], limit: int) -> Resolution:
    if not found:
        return Missing()
    if len(found) == 1:
        return Resolved(found[0])
    return Ambiguous(tuple(found[:limit]), total=len(found) if len(found) > limit else None)


def fold(text: str) -> str:
    """Case-, accent- and spacing-insensitive: ' Amélie  LAURENT ' → 'amelie laurent'."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())
