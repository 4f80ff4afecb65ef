"""Reply contacts for the Slack side: the live search behind the form's contact select, and a
contact by id for a card's header. Both are cached briefly.

    directory = ContactDirectory(reply, clock=clock)
    found = await directory.search("jane", wait=1.5)   # Found(contacts=(…), complete=True)
    contact = await directory.contact(30101)           # None when Reply can't say

Why a cache: Slack asks for options on nearly every keystroke and wants them within 3 s
(slack-notes §2.3: "respond in under 3 s and cache slow back-ends", bolt-python #319), and
Reply allows 100 requests a minute per user (reply-api-v3.md §4). Answers live `SEARCH_TTL`
seconds (a contact added in Reply shows up within that), contacts by id `CONTACT_TTL`.

What is searched, by what the rep typed (the forms `/task` reads, `bot.parsing.read_contact`):
`#12345` → that contact; an email → an exact lookup; a LinkedIn URL → its profile; anything
else (a name, a company, part of an email) → Reply's free-text search, at most 100 hits (a
select's limit). When Reply is slower than `wait`, or fails, the answer is what is already
known: the cached results of the longest earlier query this one extends ("jan" after "ja"),
narrowed here to contacts with a name, company or email that begins with every word typed.

A slow search is not cancelled: it was sent (and counted against the rate limit), so it
runs on and its answer is cached for the next keystroke. While it runs, every request for
the same text (once folded: "Jane " is "jane") joins it instead of asking Reply again
(`bot.inflight`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from cachetools import TTLCache

from bot.clock import Clock
from bot.domain import Contact, ContactQuery
from bot.inflight import InFlight
from bot.parsing import read_contact
from bot.reply.client import ReplyClient
from bot.reply.errors import ReplyError, ReplyNotFound
from bot.service.contacts import find_contacts, fold

log = logging.getLogger(__name__)

SEARCH_LIMIT: Final = 100
"""Contacts asked for per search: Slack shows at most 100 options (slack-notes §2.3)."""
SEARCH_TTL: Final = 30.0
CONTACT_TTL: Final = 300.0
_CACHED: Final = 1000


@dataclass(frozen=True, slots=True)
class Found:
    """Contacts for a search, best first. `complete` is False when Reply did not answer in
    time (or failed) and these are only what was already known."""

    contacts: tuple[Contact, ...]
    complete: bool = True


class ContactDirectory:
    def __init__(
        self,
        reply: ReplyClient,
        *,
        clock: Clock,
        search_ttl: float = SEARCH_TTL,
        contact_ttl: float = CONTACT_TTL,
    ) -> None:
        def timer() -> float:
            return clock().timestamp()

        self._reply = reply
        self._searches: TTLCache[str, tuple[Contact, ...]] = TTLCache(_CACHED, search_ttl, timer)
        self._asking: InFlight[str, tuple[Contact, ...] | None] = InFlight("contact search")
        self._contacts: TTLCache[int, Contact] = TTLCache(_CACHED, contact_ttl, timer)

    async def search(self, text: str, *, wait: float) -> Found:
        """Reply contacts for what the rep typed, within `wait` seconds (see the module)."""
        key = fold(text)
        if not key:
            return Found(())
        cached = self._searches.get(key)
        if cached is not None:
            return Found(cached)
        try:
            async with asyncio.timeout(wait):
                found = await self._asking.join(key, lambda: self._search(key, text.strip()))
        except TimeoutError:
            log.info("contact search for %r took over %.1fs; answering from the cache", text, wait)
            return Found(self._known(key), complete=False)
        if found is None:
            return Found(self._known(key), complete=False)
        return Found(found)

    async def contact(self, contact_id: int | None) -> Contact | None:
        """The contact with this id, for a card's header; None when there is none or Reply
        can't say (the card then names the contact by its id)."""
        if contact_id is None:
            return None
        known = self._contacts.get(contact_id)
        if known is not None:
            return known
        try:
            found = await self._reply.get_contact(contact_id)
        except ReplyNotFound:
            return None
        except ReplyError as error:
            log.warning("could not get contact %d for a card: %s", contact_id, error)
            return None
        self._remember((found,))
        return found

    def remember(self, contact: Contact) -> None:
        """A contact Reply just returned (e.g. resolving a typed email)."""
        self._remember((contact,))

    # ----------------------------------------------------------------------------------

    async def _search(self, key: str, text: str) -> tuple[Contact, ...] | None:
        """Ask Reply and cache the answer, however long it takes and whoever still waits
        for it (a search cut off at `wait` was sent all the same: its answer is the next
        keystroke's). None when Reply failed."""
        query = read_contact(text) or ContactQuery("name", text)
        try:
            found = tuple(await find_contacts(self._reply, query, limit=SEARCH_LIMIT))
        except ReplyError as error:
            log.warning("contact search for %r failed: %s", text, error)
            return None
        self._searches[key] = found
        self._remember(found)
        return found

    def _remember(self, contacts: Iterable[Contact]) -> None:
        for contact in contacts:
            self._contacts[contact.id] = contact

    def _known(self, key: str) -> tuple[Contact, ...]:
        """What the cache already says about `key`: the longest cached query it extends,
        narrowed to contacts matching every word of `key`."""
        earlier = [cached for cached in list(self._searches) if key.startswith(cached)]
        if not earlier:
            return ()
        typed = key.split()
        return tuple(
            contact
            for contact in self._searches.get(max(earlier, key=len), ())
            if all(any(w.startswith(t) for w in _words(contact)) for t in typed)
        )


def _words(contact: Contact) -> list[str]:
    """What a typed word may begin, narrowing cached results: each word of the names and the
    company, and the email whole (so "c" is not "c" of ".com")."""
    parts = (contact.first_name, contact.last_name, contact.company)
    words = fold(" ".join(p for p in parts if p)).split()
    return [*words, fold(contact.email)] if contact.email else words
