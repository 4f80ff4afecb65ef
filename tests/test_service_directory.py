"""The contact directory behind the form's contact select: what each kind of typing searches,
the brief cache, and answering within the wait with what is already known when Reply is slow
or failing."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest

from bot.reply.client import ReplyClient
from bot.reply.sandbox import Fault, Sandbox
from bot.service.contacts import fold
from bot.service.directory import SEARCH_TTL, ContactDirectory, Found
from tests.service_support import INSTANT_RETRIES, NOW, world
from tests.support.fake_slack import FakeClock


def names(found: Found) -> list[str]:
    return [c.display_name for c in found.contacts]


def searches(sandbox: Sandbox) -> int:
    return sum(1 for r in sandbox.requests if r.path.startswith("/v3/contacts"))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        pytest.param("jane", ["Jane Cooper", "Jane Park"], id="first-name"),
        pytest.param("  JANE   park ", ["Jane Park"], id="words-any-case"),
        pytest.param("amelie", ["Amélie Laurent"], id="accents"),
        pytest.param("globex", ["Bob Martinez"], id="company"),
        pytest.param("#30106", ["Priya Raman"], id="reply-id"),
        pytest.param("#99999", [], id="unknown-id"),
        pytest.param("bob@globex.com", ["Bob Martinez"], id="exact-email"),
        pytest.param("linkedin.com/in/janepark/", ["Jane Park"], id="linkedin-url"),
        pytest.param('"Mike Chen"', ["Mike Chen"], id="quoted-name"),
        pytest.param("zebra", [], id="nothing"),
    ],
)
async def test_what_each_kind_of_typing_finds(typed: str, expected: list[str]) -> None:
    async with world() as w:
        found = await w.service.contacts.search(typed, wait=5)
        assert found.complete
        assert names(found) == expected


async def test_the_same_search_is_answered_from_the_cache_until_it_expires() -> None:
    async with world() as w:
        directory = w.service.contacts
        await directory.search("jane", wait=5)
        await directory.search("Jane ", wait=5)  # the same once folded
        assert searches(w.sandbox) == 1
        w.clock.advance(SEARCH_TTL + 1)
        await directory.search("jane", wait=5)
        assert searches(w.sandbox) == 2


async def test_contacts_found_by_a_search_need_no_lookup_for_a_card() -> None:
    async with world() as w:
        await w.service.contacts.search("jane", wait=5)
        before = searches(w.sandbox)
        contact = await w.service.contacts.contact(30105)
        assert contact is not None
        assert contact.display_name == "Jane Park"
        assert searches(w.sandbox) == before


async def test_nothing_typed_asks_nobody() -> None:
    async with world() as w:
        assert await w.service.contacts.search("   ", wait=5) == Found(())
        assert searches(w.sandbox) == 0


async def test_a_failing_search_answers_with_the_earlier_results_narrowed() -> None:
    async with world() as w:
        directory = w.service.contacts
        await directory.search("ja", wait=5)
        w.sandbox.faults.push(Fault.status(503, path="/v3/contacts/filter"), times=3)
        found = await directory.search("jane p", wait=5)
        assert not found.complete
        assert names(found) == ["Jane Park"]


@asynccontextmanager
async def held_reply() -> AsyncIterator[tuple[ContactDirectory, asyncio.Event, Sandbox]]:
    """A directory over a sandbox whose `delay` faults wait for the test's go-ahead."""
    go = asyncio.Event()

    async def gate(seconds: float) -> None:
        await go.wait()

    clock = FakeClock(NOW)
    async with Sandbox.create(clock=clock, sleep=gate) as sandbox:
        reply = ReplyClient(
            api_key="k",
            base_url="http://reply-sandbox",
            transport=sandbox.transport(),
            retry=INSTANT_RETRIES,
            clock=clock,
        )
        async with reply:
            yield ContactDirectory(reply, clock=clock), go, sandbox


async def test_a_slow_reply_is_cut_off_at_the_wait_and_the_known_part_answered() -> None:
    async with held_reply() as (directory, go, sandbox):
        go.set()
        await directory.search("jane", wait=5)
        go.clear()
        sandbox.faults.push(Fault.delay(1, path="/v3/contacts/filter"))
        found = await asyncio.wait_for(directory.search("jane c", wait=0.05), timeout=2)
        assert (names(found), found.complete) == (["Jane Cooper"], False)
        go.set()
        # The search was cut off for the rep, not for Reply: asking again joins it (or its
        # cached answer), and Reply is never asked twice for the same text.
        asked = searches(sandbox)
        again = await directory.search("jane c", wait=5)
        assert again.complete
        assert searches(sandbox) == asked


async def test_keystrokes_asking_for_the_same_text_share_one_search() -> None:
    async with held_reply() as (directory, go, sandbox):
        sandbox.faults.push(Fault.delay(1, path="/v3/contacts/filter"))
        first = asyncio.ensure_future(directory.search("jane", wait=5))
        second = asyncio.ensure_future(directory.search(" JANE ", wait=5))
        await asyncio.sleep(0)  # both are waiting on Reply now
        go.set()
        found = await asyncio.gather(first, second)
        assert [names(f) for f in found] == [["Jane Cooper", "Jane Park"]] * 2
        assert searches(sandbox) == 1


async def test_a_search_answered_after_the_wait_is_cached_for_the_next_keystroke() -> None:
    async with held_reply() as (directory, go, sandbox):
        sandbox.faults.push(Fault.delay(1, path="/v3/contacts/filter"))
        cut = await asyncio.wait_for(directory.search("jane", wait=0.05), timeout=2)
        assert (cut.contacts, cut.complete) == ((), False)
        go.set()
        joined = await directory.search("jane", wait=5)  # the same search, still running
        cached = await directory.search("jane", wait=5)
        assert names(joined) == names(cached) == ["Jane Cooper", "Jane Park"]
        assert searches(sandbox) == 1


async def test_a_rep_giving_up_does_not_cancel_the_search_another_waits_for() -> None:
    async with held_reply() as (directory, go, sandbox):
        sandbox.faults.push(Fault.delay(1, path="/v3/contacts/filter"))
        impatient = asyncio.ensure_future(directory.search("jane", wait=5))
        patient = asyncio.ensure_future(directory.search("jane", wait=5))
        await asyncio.sleep(0)
        impatient.cancel()  # Slack stopped waiting for one request's options
        go.set()
        assert names(await patient) == ["Jane Cooper", "Jane Park"]
        assert searches(sandbox) == 1


def test_fold_ignores_case_accents_and_spacing() -> None:
    assert fold("  Amélie   LAURENT ") == "amelie laurent"
