"""`ReplyClient`'s contact calls (reply-api-v3.md §6) and who the key acts as (§7).

A mixin: `ReplyClient` provides the `Sender`. Reply's contact lookups are documented as exact,
but the parameter text says "Filter" (§10 q6), and public clients still filter the answer
themselves (§6.1), so taskbot keeps only real matches: emails equal but for case and blanks,
LinkedIn URLs the same profile the way all of taskbot compares them (`bot.linkedin`).
"""

from __future__ import annotations

from bot.domain import Contact, Whoami
from bot.linkedin import profile_url, same_profile
from bot.reply import _arguments as check
from bot.reply import models
from bot.reply._sending import Call, Sender

# The seed's contacts-filter page shows `POST https://api.reply.io/v4/contacts/filter`
# (§6.2, §10 q8). Every other seed and beta URL is under /v3, no v4 route appears anywhere
# else, and the beta documents the same body at /v3: a typo. Both dialects use /v3.
CONTACTS_FILTER_PATH = "/v3/contacts/filter"


class ContactCalls:
    """The contact half of `ReplyClient`; the client sets `_sender`."""

    _sender: Sender

    async def find_contacts_by_email(self, email: str) -> list[Contact]:
        """`GET /v3/contacts?email=` (§6.1), keeping only exact, case-insensitive matches."""
        wanted = check.non_blank(email, "email")
        params = {"email": wanted}
        call = Call("find_contacts_by_email", "GET", "/v3/contacts", repeatable=True, params=params)
        found = self._sender.pages(call, 100, models.decode_contact_page)
        return [contact async for contact in found if _same_email(contact.email, wanted)]

    async def find_contacts_by_linkedin(self, url: str) -> list[Contact]:
        """`GET /v3/contacts?linkedIn=` (§6.1), keeping contacts whose profile URL is the
        same once normalised (`bot.linkedin.profile_key`)."""
        wanted = check.profile_url(url, "linkedIn")
        params = {"linkedIn": profile_url(wanted)}
        call = Call(
            "find_contacts_by_linkedin", "GET", "/v3/contacts", repeatable=True, params=params
        )
        found = self._sender.pages(call, 100, models.decode_contact_page)
        return [c async for c in found if same_profile(c.linkedin_url, wanted)]

    async def search_contacts(self, text: str, *, limit: int = 25) -> list[Contact]:
        """`POST /v3/contacts/filter {"searchTerm": text}` (§6.2): the first `limit` hits.
        Which fields the term matches is Reply's business (undocumented, §10 q5)."""
        body = models.encode_contact_search(check.non_blank(text, "searchTerm"))
        call = Call(
            "search_contacts",
            "POST",
            CONTACTS_FILTER_PATH,
            repeatable=True,
            params={"top": check.page_size(limit, "top")},
            json=body,
        )
        page = await self._sender.fetch(call, models.decode_contact_page)
        return list(page.items)

    async def get_contact(self, contact_id: int) -> Contact:
        """`GET /v3/contacts/{id}` (§6.3)."""
        path = f"/v3/contacts/{check.positive_id(contact_id, 'id')}"
        call = Call("get_contact", "GET", path, repeatable=True)
        return await self._sender.fetch(call, models.decode_contact)

    async def whoami(self) -> Whoami:
        """`GET /v3/whoami` (§7): who the key acts as; the cheapest check that it works."""
        call = Call("whoami", "GET", "/v3/whoami", repeatable=True)
        return await self._sender.fetch(call, models.decode_whoami)


def _same_email(stored: str | None, wanted: str) -> bool:
    """Exact match, ignoring case and surrounding blanks (as Reply's docs advise)."""
    return stored is not None and stored.strip().casefold() == wanted.strip().casefold()
