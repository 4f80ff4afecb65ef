"""Submitting the form: each mistake on its field, Reply's own refusals mapped back to fields,
the budget that lets a slow Reply finish after the modal closed, and never a task twice."""

from __future__ import annotations

from typing import Any

import pytest

from bot import ids
from bot.reply.sandbox import Fault
from bot.views.values import FormRef, decode
from tests.scenarios.form_harness import FormBot, form_bot
from tests.scenarios.harness import blocks_of, button_ids, button_value, texts
from tests.support import slack_payloads as payloads

JANE = ("Jane Cooper · Acme · jane@acme.com", "id:30101")
CALL = {ids.TYPE_SELECT: "Call", ids.CONTACT_SELECT: JANE, ids.BODY_INPUT: "Ask about {{company}}"}


def posts_of_tasks(bot: FormBot) -> int:
    return bot.reply_calls().count("POST /v3/tasks")


def header(message: dict[str, Any]) -> str:
    return str(blocks_of(message, "header")[0]["text"]["text"])


MISTAKES = {
    "unreadable-due": ({ids.DUE_INPUT: "someday soon"}, ids.DUE_BLOCK, "doesn't say when"),
    "past-due": ({ids.DUE_INPUT: "yesterday 9am"}, ids.DUE_BLOCK, "is in the past"),
    "no-due": ({ids.DUE_INPUT: ""}, ids.DUE_BLOCK, "Say when the task is due"),
    "due-before-start": (
        {ids.START_INPUT: "tomorrow 5pm", ids.DUE_INPUT: "tomorrow 3pm"},
        ids.DUE_BLOCK,
        "must be after the start",
    ),
    # A start before 2015 is in the past: the date reader refuses it before Reply's rule.
    "start-2014": ({ids.START_INPUT: "1 March 2014 9am"}, ids.START_BLOCK, "is in the past"),
    "bad-start": ({ids.START_INPUT: "whenever"}, ids.START_BLOCK, "doesn't say when"),
    "empty-body": ({ids.BODY_INPUT: "   "}, ids.BODY_BLOCK, "Describe the task"),
    "no-contact": ({ids.CONTACT_SELECT: None}, ids.CONTACT_BLOCK, "needs a contact for a call"),
    "no-type": ({ids.TYPE_SELECT: None}, ids.TYPE_BLOCK, "Choose what kind of task"),
}


@pytest.mark.parametrize(("typed", "block", "says"), MISTAKES.values(), ids=MISTAKES.keys())
async def test_each_mistake_is_shown_on_its_field_and_nothing_is_sent(
    typed: dict[str, Any], block: str, says: str
) -> None:
    async with form_bot() as bot:
        view_id = await bot.open_with_command()
        ack = await bot.submit(view_id, {**CALL, ids.DUE_INPUT: "tomorrow 3pm", **typed})
        assert ack["response_action"] == "errors"
        assert list(ack["errors"]) == [block]
        assert says in ack["errors"][block]
        assert bot.reply_calls() == []
        form, _ = bot.form(view_id)  # the modal is still there, as typed
        assert form.body == {**CALL, **typed}.get(ids.BODY_INPUT)


async def test_a_linkedin_task_without_its_action_is_refused_on_that_field() -> None:
    async with form_bot() as bot:
        view_id = await bot.open_with_command()
        await bot.choose(view_id, ids.TYPE_SELECT, "LinkedIn")
        ack = await bot.submit(view_id, {ids.CONTACT_SELECT: JANE, ids.BODY_INPUT: "hi"})
        assert ack["errors"] == {ids.LINKEDIN_BLOCK: ack["errors"][ids.LINKEDIN_BLOCK]}
        assert ack["errors"][ids.LINKEDIN_BLOCK].startswith("Choose the LinkedIn action")


async def test_several_mistakes_are_all_shown_at_once() -> None:
    async with form_bot() as bot:
        view_id = await bot.open_with_command()
        ack = await bot.submit(view_id, {ids.TYPE_SELECT: "Call", ids.DUE_INPUT: "someday"})
        assert set(ack["errors"]) == {ids.CONTACT_BLOCK, ids.DUE_BLOCK, ids.BODY_BLOCK}


# --------------------------------------------------------------------------------------
# Reply's answer within the budget


async def test_reply_refusing_a_contact_is_shown_on_the_contact_field() -> None:
    async with form_bot() as bot:
        view_id = await bot.open_with_command()
        stale = ("Old Contact · Gone Inc", "id:99999")  # picked from a search, deleted since
        ack = await bot.submit(view_id, {**CALL, ids.CONTACT_SELECT: stale})
        assert ack["response_action"] == "errors"
        assert list(ack["errors"]) == [ids.CONTACT_BLOCK]
        assert ack["errors"][ids.CONTACT_BLOCK].startswith("Reply says:")
        assert "Contact with ID 99999 not found." in ack["errors"][ids.CONTACT_BLOCK]
        assert bot.fake.calls_to("response_url") == []  # no card: the form is still open


async def test_a_typed_email_reply_does_not_know_is_shown_on_the_contact_field() -> None:
    async with form_bot() as bot:
        view_id = await bot.open_with_command()
        typed = ("✉️ Use sam@new.example", "email:sam@new.example")
        ack = await bot.submit(view_id, {**CALL, ids.CONTACT_SELECT: typed})
        assert ack["errors"] == {
            ids.CONTACT_BLOCK: "No Reply contact has the email sam@new.example. Check it, search "
            "by name instead, or add them in Reply first."
        }
        assert posts_of_tasks(bot) == 0


async def test_a_name_several_contacts_share_asks_to_pick_one() -> None:
    async with form_bot() as bot:
        sent = await bot.command('call "Jane" tomorrow 3pm Ask about pricing')
        await bot.settle()
        [pick_card] = bot.shown(sent)
        await bot.click(pick_card, ids.OPEN_FORM)
        view_id = await bot.views_opened(1)
        ack = await bot.submit(view_id)
        assert ack["errors"] == {
            ids.CONTACT_BLOCK: "2 Reply contacts match “Jane”. Search for the one you mean "
            "and pick them."
        }


async def test_a_template_reply_cannot_render_is_refused_on_the_text() -> None:
    async with form_bot() as bot:
        view_id = await bot.open_with_command()
        ack = await bot.submit(view_id, {**CALL, ids.BODY_INPUT: "Call {{#if title}}now{{/each}}"})
        assert list(ack["errors"]) == [ids.BODY_BLOCK]
        assert "cannot be rendered" in ack["errors"][ids.BODY_BLOCK]


async def test_a_rate_limit_keeps_the_form_open_and_pressing_again_creates_it_once() -> None:
    async with form_bot() as bot:
        view_id = await bot.open_with_command()
        bot.sandbox.faults.push(Fault.status(429, retry_after=120, method="POST", path="/v3/tasks"))
        ack = await bot.submit(view_id, CALL)
        assert list(ack["errors"]) == [ids.BODY_BLOCK]
        assert "rate limit" in ack["errors"][ids.BODY_BLOCK]
        assert ack["errors"][ids.BODY_BLOCK].endswith("Try again in 2 minutes.")
        assert await bot.submit(view_id) == {}  # the same form, pressed again
        await bot.settle()
        assert len(bot.fake.calls_to("response_url")) == 1
        assert (
            len([r for r in bot.sandbox.requests if r.path == "/v3/tasks" and r.status == 201]) == 1
        )


# --------------------------------------------------------------------------------------
# Reply slower than the budget


async def test_a_slow_reply_closes_the_form_and_the_card_still_arrives_once() -> None:
    async with form_bot(submit_budget=0.2) as bot:
        view_id = await bot.open_with_command()
        bot.hold_next("POST", "/v3/tasks")
        # Reply holds the create until release(): an ack now can only be the budget's.
        assert await bot.submit(view_id, CALL) == {}  # the form closed…
        assert bot.fake.calls_to("response_url") == []  # …with no card yet
        bot.release()
        await bot.settle()
        [post] = bot.fake.calls_to("response_url")
        assert header(post.params) == "📞 Call — Jane Cooper"
        assert posts_of_tasks(bot) == 1
        tasks = [t async for t in bot.deps.reply.filter_tasks()]
        assert len(tasks) == 1


async def test_submitting_again_while_reply_is_slow_never_creates_twice() -> None:
    async with form_bot(submit_budget=0.2) as bot:
        view_id = await bot.open_with_command()
        bot.hold_next("POST", "/v3/tasks")
        assert await bot.submit(view_id, CALL) == {}
        # Slack lost that ack and the rep presses again on the same form.
        assert await bot.submit(view_id) == {}
        bot.release()
        await bot.settle()
        assert await bot.submit(view_id) == {}  # and once more, after it was saved
        await bot.settle()
        assert posts_of_tasks(bot) == 1
        assert len(bot.fake.calls_to("response_url")) == 1


async def test_a_refusal_after_the_form_closed_offers_the_whole_form_again() -> None:
    async with form_bot(submit_budget=0.2) as bot:
        view_id = await bot.open_with_command()
        bot.hold_next("POST", "/v3/tasks")
        stale = ("Old Contact · Gone Inc", "id:99999")
        body = "A long note. " * 200
        assert (
            await bot.submit(view_id, {**CALL, ids.CONTACT_SELECT: stale, ids.BODY_INPUT: body})
            == {}
        )
        bot.release()
        await bot.settle()
        [post] = bot.fake.calls_to("response_url")
        assert post.params["replace_original"] is False
        error = post.params
        assert texts(error)[0] == "⚠️ The Reply sandbox refused to create the task:"
        assert button_ids(error) == [ids.OPEN_FORM]
        carried = decode(button_value(error, ids.OPEN_FORM), FormRef)
        assert (carried.task_type, carried.body, carried.complete) == ("Call", body, True)
        assert "Contact with ID 99999 not found." in carried.notices["contact"]
        # Open in form: the form comes back as it was, the problem under the contact.
        await bot.click(error, ids.OPEN_FORM)
        reopened = await bot.views_opened(2)
        form, _ = bot.form(reopened)
        assert (form.task_type and form.task_type.value, form.body) == ("Call", body)
        notice = bot.notices(reopened)[f"{ids.CONTACT_BLOCK}.notice"]
        assert "Contact with ID 99999 not found." in notice


async def test_a_lost_answer_after_the_form_closed_is_reconciled_not_repeated() -> None:
    async with form_bot(submit_budget=0.2) as bot:
        view_id = await bot.open_with_command()
        bot.sandbox.faults.push(Fault.drop_after_store(method="POST", path="/v3/tasks"))
        bot.hold_next("POST", "/v3/tasks/filter")
        assert await bot.submit(view_id, CALL) == {}
        bot.release()
        await bot.settle()
        [post] = bot.fake.calls_to("response_url")
        assert header(post.params) == "📞 Call — Jane Cooper"
        assert "found it instead of creating it twice" in texts(post.params)[1]
        assert posts_of_tasks(bot) == 1


# --------------------------------------------------------------------------------------
# Where the card goes


async def test_a_response_url_past_its_30_minutes_sends_the_card_to_the_dm() -> None:
    async with form_bot() as bot:
        view_id = await bot.open_with_command()
        bot.allow("expired_url")
        bot.clock.advance(31 * 60)  # the rep kept the form open
        assert await bot.submit(view_id, {**CALL, ids.DUE_INPUT: "tomorrow 3pm"}) == {}
        await bot.settle()
        [refused] = bot.fake.calls_to("response_url")
        assert refused.response["error"] == "expired_url"
        [posted] = bot.fake.calls_to("chat.postMessage")
        assert posted.response["channel"] == "D0BERLIN"
        assert header(posted.params) == "📞 Call — Jane Cooper"


async def test_a_form_taskbot_cannot_read_is_refused_with_a_way_out() -> None:
    async with form_bot() as bot:
        view_id = await bot.open_with_command()
        bot.view(view_id)["private_metadata"] = '{"v": 99}'
        payload = payloads.view_submission(bot.fake, user_id="U0BERLIN", view_id=view_id)
        ack = (await bot.interact(payload)).json()
        assert ack["errors"][ids.TYPE_BLOCK].startswith("taskbot can't read this form any more")
