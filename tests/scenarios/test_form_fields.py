"""The form while it is open: the type select reshapes it (LinkedIn action, subject) without
losing anything typed, and the contact select's options come from Reply within Slack's limits."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx

from bot import ids
from bot.domain import ContactQuery, LinkedInAction
from bot.forms import ContactChoice
from tests.scenarios.form_harness import FormBot, form_bot
from tests.scenarios.harness import blocks_of, texts

JANE = ("Jane Cooper · Acme · jane@acme.com", "id:30101")
TYPED = {
    ids.CONTACT_SELECT: JANE,
    ids.START_INPUT: "tomorrow 9am",
    ids.DUE_INPUT: "Fri 3pm",
    ids.BODY_INPUT: "Hi {{firstName}}, loved your talk",
}


def label(bot: FormBot, view_id: str, block_id: str) -> str:
    [block] = [b for b in bot.view(view_id)["blocks"] if b.get("block_id") == block_id]
    return str(block["label"]["text"])


async def test_the_linkedin_action_and_subject_come_and_go_and_nothing_typed_is_lost() -> None:
    async with form_bot() as bot:
        view_id = await bot.open_with_command()
        bot.fake.fill(view_id, TYPED)
        hash_before = bot.view(view_id)["hash"]

        await bot.choose(view_id, ids.TYPE_SELECT, "LinkedIn")
        assert bot.inputs(view_id) == [
            ids.TYPE_BLOCK, ids.LINKEDIN_BLOCK, ids.CONTACT_BLOCK, ids.START_BLOCK,
            ids.DUE_BLOCK, ids.BODY_BLOCK,
        ]  # fmt: skip
        update = bot.fake.calls_to("views.update")[-1]
        assert update.params["hash"] == hash_before  # guarded against a race (slack-notes §2.3)
        form, _ = bot.form(view_id)
        assert (form.start_text, form.due_text) == ("tomorrow 9am", "Fri 3pm")
        assert form.body == TYPED[ids.BODY_INPUT]
        assert form.contact == ContactChoice(ContactQuery("id", "30101"), JANE[0])

        await bot.choose(view_id, ids.LINKEDIN_SELECT, "InMail")
        assert ids.SUBJECT_BLOCK in bot.inputs(view_id)
        assert label(bot, view_id, ids.SUBJECT_BLOCK) == "InMail subject"
        bot.fake.fill(view_id, {ids.SUBJECT_INPUT: "About your talk"})

        await bot.choose(view_id, ids.TYPE_SELECT, "Call")  # both leave the form…
        assert ids.LINKEDIN_BLOCK not in bot.inputs(view_id)
        assert ids.SUBJECT_BLOCK not in bot.inputs(view_id)
        form, meta = bot.form(view_id)
        assert (meta.hidden.subject, meta.hidden.linkedin_action) == (
            "About your talk",
            LinkedInAction.INMAIL,
        )  # …and wait in the metadata
        assert form.body == TYPED[ids.BODY_INPUT]

        await bot.choose(view_id, ids.TYPE_SELECT, "LinkedIn")  # back, as they were
        form, _ = bot.form(view_id)
        assert (form.linkedin_action, form.subject) == (LinkedInAction.INMAIL, "About your talk")
        assert (form.start_text, form.due_text) == ("tomorrow 9am", "Fri 3pm")

        assert await bot.submit(view_id) == {}
        await bot.settle()
        [post] = bot.fake.calls_to("response_url")
        assert blocks_of(post.params, "header")[0]["text"]["text"] == (
            "💼 LinkedIn · InMail — Jane Cooper"
        )
        assert "*Subject:* About your talk" in texts(post.params)
        [created] = [r for r in bot.sandbox.requests if r.method == "POST"]
        sent = json.loads(created.body)
        assert sent["template"]["subject"] == "About your talk"


async def test_an_email_shows_a_subject_and_a_call_does_not() -> None:
    async with form_bot() as bot:
        view_id = await bot.open_with_command()
        await bot.choose(view_id, ids.TYPE_SELECT, "ManualEmail")
        assert ids.SUBJECT_BLOCK in bot.inputs(view_id)
        assert label(bot, view_id, ids.SUBJECT_BLOCK) == "Subject"
        assert label(bot, view_id, ids.BODY_BLOCK) == "Email text"
        await bot.choose(view_id, ids.TYPE_SELECT, "Call")
        assert ids.SUBJECT_BLOCK not in bot.inputs(view_id)


async def test_a_to_do_needs_no_contact() -> None:
    async with form_bot() as bot:
        view_id = await bot.open_with_command()
        await bot.choose(view_id, ids.TYPE_SELECT, "ToDo")
        [contact] = [b for b in bot.view(view_id)["blocks"] if b["block_id"] == ids.CONTACT_BLOCK]
        assert contact["optional"] is True
        assert await bot.submit(view_id, {ids.BODY_INPUT: "Prepare the forecast"}) == {}
        await bot.settle()
        [post] = bot.fake.calls_to("response_url")
        assert blocks_of(post.params, "header")[0]["text"]["text"] == "📝 To-do"


# --------------------------------------------------------------------------------------
# contact options


async def test_contact_options_come_from_reply_and_fit_slacks_limits() -> None:
    async with form_bot() as bot:
        view_id = await bot.open_with_command()
        options = await bot.suggest(view_id, "jane")
        assert [(o["text"]["text"], o["value"]) for o in options] == [
            ("Jane Cooper · Acme · jane@acme.com", "id:30101"),
            ("Jane Park · Hooli · jane.park@hooli.com", "id:30105"),
        ]
        # Someone new: the typed email comes first, found in Reply on saving.
        [new] = await bot.suggest(view_id, "sam@new.example")
        assert (new["text"]["text"], new["value"]) == (
            "✉️ Use sam@new.example",
            "email:sam@new.example",
        )
        [known] = await bot.suggest(view_id, "#30106")
        assert known["value"] == "id:30106"
        assert known["text"]["text"].startswith("Priya Raman")


async def test_the_same_search_is_answered_from_the_cache() -> None:
    async with form_bot() as bot:
        view_id = await bot.open_with_command()
        await bot.suggest(view_id, "jane")
        await bot.suggest(view_id, "Jane")
        searches = [r for r in bot.sandbox.requests if r.path == "/v3/contacts/filter"]
        assert len(searches) == 1


async def test_a_slow_reply_never_makes_the_options_late() -> None:
    async with form_bot(search_wait=0.2) as bot:
        view_id = await bot.open_with_command()
        await bot.suggest(view_id, "ja")  # cached
        bot.hold_next("POST", "/v3/contacts/filter")  # answers only on release()…
        options = await bot.suggest(view_id, "jane p")  # …so this answer is the bound's
        assert [o["value"] for o in options] == ["id:30105"]
        bot.release()


@asynccontextmanager
async def many_contacts(count: int) -> AsyncIterator[httpx.MockTransport]:
    """A Reply whose search answers `count` contacts, whatever page size was asked for."""

    def answer(request: httpx.Request) -> httpx.Response:
        items = [
            {"id": 40000 + n, "email": f"smith{n}@corp.example", "firstName": "Alex",
             "lastName": f"Smith {n}", "company": "Corp"}
            for n in range(count)
        ]  # fmt: skip
        return httpx.Response(200, json={"items": items, "hasMore": False})

    yield httpx.MockTransport(answer)


async def test_never_more_than_100_options_even_if_reply_sends_more() -> None:
    async with many_contacts(150) as transport, form_bot(reply_transport=transport) as bot:
        view_id = await bot.open_with_command()
        options = await bot.suggest(view_id, "smith")
        assert len(options) == 100
        assert all(len(o["text"]["text"]) <= 75 and len(o["value"]) <= 150 for o in options)
