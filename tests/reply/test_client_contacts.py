"""ReplyClient contact lookups and whoami (reply-api-v3.md §6, §7)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from bot.reply import ReplyValidationError
from bot.reply.client import CONTACTS_FILTER_PATH
from bot.reply.enums import Dialect
from tests.reply.client_fakes import KEY, FakeReply, ok, reply_client
from tests.reply.client_payloads import CONTACT_SEED, contact_json

BOTH = pytest.mark.parametrize("dialect", list(Dialect), ids=str)


def contacts(*items: dict[str, Any], has_more: bool = False) -> httpx.Response:
    return ok({"items": list(items), "hasMore": has_more})


# --------------------------------------------------------------------------------------
# by email


@BOTH
async def test_by_email_keeps_only_exact_matches_ignoring_case(dialect: Dialect) -> None:
    fake = FakeReply(
        contacts(
            contact_json(id=1, email="Jane.Doe@Acme.com"),
            contact_json(id=2, email="jane.doe@acme.com.au"),
            contact_json(id=3, email="ops+jane.doe@acme.com"),
            contact_json(id=4, email="jane.doe@acme.com"),
        ),
        dialect=dialect,
        documented=True,
    )
    async with reply_client(fake) as reply:
        found = await reply.find_contacts_by_email("  jane.doe@ACME.com ")
    assert [c.id for c in found] == [1, 4]
    sent = fake.request
    assert (sent.method, sent.url.path) == ("GET", "/v3/contacts")
    assert dict(sent.url.params) == {"email": "jane.doe@ACME.com", "top": "100", "skip": "0"}
    assert b"jane.doe%40ACME.com" in sent.url.query
    auth = sent.headers["X-API-Key"] if dialect is Dialect.SEED else sent.headers["Authorization"]
    assert KEY in auth


async def test_by_email_reads_every_page() -> None:
    # The docs call the lookup exact but the parameter "Filter" (§10 q6): if Reply matched
    # loosely, an exact match could sit on a later page.
    fake = FakeReply(
        contacts(contact_json(id=1, email="jane@acme.co"), has_more=True),
        contacts(contact_json(id=2, email="jane@acme.com")),
    )
    async with reply_client(fake) as reply:
        assert [c.id for c in await reply.find_contacts_by_email("jane@acme.com")] == [2]
    assert [r.url.params["skip"] for r in fake.requests] == ["0", "1"]


async def test_by_email_reads_the_seeds_contact_shape() -> None:
    fake = FakeReply(contacts(CONTACT_SEED))
    async with reply_client(fake) as reply:
        (john,) = await reply.find_contacts_by_email("john.doe@company.com")
    assert john.display_name == "John Doe"
    assert john.time_zone_id == "America/Los_Angeles"


async def test_by_email_with_no_match_is_an_empty_list() -> None:
    fake = FakeReply(contacts())
    async with reply_client(fake) as reply:
        assert await reply.find_contacts_by_email("nobody@acme.com") == []


async def test_a_contact_without_an_email_never_matches() -> None:
    fake = FakeReply(contacts(contact_json(id=1, email=None)))
    async with reply_client(fake) as reply:
        assert await reply.find_contacts_by_email("jane@acme.com") == []


# --------------------------------------------------------------------------------------
# by LinkedIn URL


@BOTH
async def test_by_linkedin_compares_normalised_urls(dialect: Dialect) -> None:
    fake = FakeReply(
        contacts(
            contact_json(id=1, linkedInUrl="https://www.linkedin.com/in/johndoe/"),
            contact_json(id=2, linkedInUrl="https://www.linkedin.com/in/johndoe-42"),
            contact_json(id=3, linkedInUrl="http://linkedin.com/in/JohnDoe"),
        ),
        dialect=dialect,
        documented=True,
    )
    async with reply_client(fake) as reply:
        found = await reply.find_contacts_by_linkedin(
            "https://www.linkedin.com/in/johndoe?originalSubdomain=uk"
        )
    assert [c.id for c in found] == [1, 3]
    sent = fake.request
    assert (sent.method, sent.url.path) == ("GET", "/v3/contacts")
    # Sent as given, minus the share link's tracking query.
    assert sent.url.params["linkedIn"] == "https://www.linkedin.com/in/johndoe"


async def test_by_linkedin_adds_a_scheme_when_the_rep_left_it_out() -> None:
    fake = FakeReply(contacts(contact_json(linkedInUrl="https://www.linkedin.com/in/johndoe")))
    async with reply_client(fake) as reply:
        assert len(await reply.find_contacts_by_linkedin("linkedin.com/in/johndoe")) == 1
    assert fake.request.url.params["linkedIn"] == "https://linkedin.com/in/johndoe"


async def test_a_contact_without_a_linkedin_url_never_matches() -> None:
    fake = FakeReply(contacts(contact_json(linkedInUrl=None), contact_json(linkedInUrl="")))
    async with reply_client(fake) as reply:
        assert await reply.find_contacts_by_linkedin("https://linkedin.com/in/x") == []


@pytest.mark.parametrize("url", ["https://", "linkedin.com", "https://www.linkedin.com/"])
async def test_by_linkedin_needs_a_profile_url(url: str) -> None:
    fake = FakeReply(contacts())
    async with reply_client(fake) as reply:
        with pytest.raises(ReplyValidationError, match="must be a profile URL such as"):
            await reply.find_contacts_by_linkedin(url)
    assert fake.requests == []


# --------------------------------------------------------------------------------------
# search, get, whoami


@BOTH
async def test_search_posts_the_term_to_v3_contacts_filter(dialect: Dialect) -> None:
    # The seed page's /v4/contacts/filter is taken for a typo (§10 q8): both dialects use /v3.
    fake = FakeReply(
        contacts(contact_json(id=1), contact_json(id=2), has_more=True),
        dialect=dialect,
        documented=True,
    )
    async with reply_client(fake) as reply:
        found = await reply.search_contacts("  Jane Doe ", limit=2)
    assert [c.id for c in found] == [1, 2]
    sent = fake.request
    assert CONTACTS_FILTER_PATH == "/v3/contacts/filter"
    assert (sent.method, sent.url.path) == ("POST", "/v3/contacts/filter")
    assert dict(sent.url.params) == {"top": "2"}
    assert fake.body(sent) == {"searchTerm": "Jane Doe"}


async def test_search_asks_for_25_by_default() -> None:
    fake = FakeReply(contacts())
    async with reply_client(fake) as reply:
        assert await reply.search_contacts("acme") == []
    assert fake.request.url.params["top"] == "25"


@pytest.mark.parametrize(
    ("call", "pointer"),
    [
        (lambda r: r.find_contacts_by_email(""), "email"),
        (lambda r: r.find_contacts_by_email("   "), "email"),
        (lambda r: r.find_contacts_by_linkedin(" "), "linkedIn"),
        (lambda r: r.search_contacts(""), "searchTerm"),
        (lambda r: r.search_contacts("jane", limit=0), "top"),
        (lambda r: r.search_contacts("jane", limit=1001), "top"),
        (lambda r: r.get_contact(0), "id"),
        (lambda r: r.get_contact("12"), "id"),
    ],
    ids=["empty-email", "blank-email", "blank-url", "empty-search", "limit-0", "limit-1001",
         "contact-0", "contact-str"],
)  # fmt: skip
async def test_bad_lookups_are_refused_before_sending(call: Any, pointer: str) -> None:
    fake = FakeReply(contacts())
    async with reply_client(fake) as reply:
        with pytest.raises(ReplyValidationError) as caught:
            await call(reply)
    assert caught.value.status is None
    assert caught.value.field_errors[0].pointer == pointer
    assert fake.requests == []


@BOTH
async def test_get_contact(dialect: Dialect) -> None:
    fake = FakeReply(ok(contact_json()), dialect=dialect, documented=True)
    async with reply_client(fake) as reply:
        john = await reply.get_contact(12345)
    assert (fake.request.method, fake.request.url.path) == ("GET", "/v3/contacts/12345")
    assert john.email == "john.doe@company.com"
    assert john.custom_fields == (("leadSource", "Conference"), ("budget", "100k-250k"))


@BOTH
async def test_whoami(dialect: Dialect) -> None:
    fake = FakeReply(
        ok({"userId": 42, "username": "jane", "teamId": 7}), dialect=dialect, documented=True
    )
    async with reply_client(fake) as reply:
        me = await reply.whoami()
    assert (fake.request.method, fake.request.url.path) == ("GET", "/v3/whoami")
    assert (me.user_id, me.username, me.team_id) == (42, "jane", 7)
