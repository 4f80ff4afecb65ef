"""The task card's buttons through signed HTTP and the fake Slack: Done (a call asks how it
went first), the outcomes and 'Not now', Cancel, Share — only for the task's rep, acked at
once, and Reply's failures as sentences beside a card that stays as it was."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot import ids
from bot.domain import CallResolution, TaskStatus
from bot.reply.enums import CALL_RESOLUTION_CODES
from bot.reply.sandbox import Fault
from tests.scenarios.form_harness import FormBot, form_bot
from tests.scenarios.harness import OFFSET_REP, Sent, blocks_of, button_ids, texts

CALL = "call jane@acme.com tomorrow 3pm Ask about {{company}} pricing"
TODO = "todo tomorrow Prepare the Q4 forecast"
OPEN_BUTTONS = [ids.DONE, ids.EDIT, ids.CANCEL, ids.SHARE]
OUTCOME_BUTTONS = [
    ids.OUTCOME_POSITIVE,
    ids.OUTCOME_TO_CALL,
    ids.OUTCOME_NEGATIVE,
    ids.OUTCOME_BACK,
]


async def card_for(bot: FormBot, command: str) -> dict[str, Any]:
    sent = await bot.command(command)
    await bot.settle()
    [card] = bot.shown(sent)
    return card


async def press(
    bot: FormBot, card: dict[str, Any], action_id: str, *, user: str = "U0BERLIN"
) -> Sent:
    """Click, check the ack came back empty at once, and wait for what it started."""
    clicked = await bot.click(card, action_id, user=user)
    assert clicked.response.status_code == 200
    assert not clicked.response.content
    await bot.settle()
    return clicked


def status_of(card: dict[str, Any]) -> str:
    return next(t for t in texts(card) if t.startswith("*Status*\n")).removeprefix("*Status*\n")


def note_of(card: dict[str, Any]) -> str:
    return str(blocks_of(card, "context")[0]["elements"][0]["text"])


def completes(bot: FormBot) -> list[dict[str, Any]]:
    return [json.loads(r.body) for r in bot.sandbox.requests if r.path.endswith("/complete")]


async def test_done_on_a_to_do_completes_it_and_the_card_changes_in_place() -> None:
    async with form_bot() as bot:
        card = await card_for(bot, TODO)
        clicked = await press(bot, card, ids.DONE)
        [post] = bot.fake.calls_to("response_url")[-1:]
        assert post.params["replace_original"] is True
        [done] = bot.shown(clicked)  # replaced, not added
        assert status_of(done) == "✅ Done"
        assert note_of(done) == "Marked done."
        assert button_ids(done) == [ids.SHARE]
        assert completes(bot) == [{}]


async def test_done_on_a_call_first_asks_how_it_went_and_sends_nothing() -> None:
    async with form_bot() as bot:
        card = await card_for(bot, CALL)
        clicked = await press(bot, card, ids.DONE)
        [asking] = bot.shown(clicked)
        assert button_ids(asking) == OUTCOME_BUTTONS
        assert "*How did the call with Jane Cooper go?*" in texts(asking)
        assert status_of(asking) == "🔵 New"
        assert completes(bot) == []


@pytest.mark.parametrize("resolution", list(CallResolution), ids=lambda r: r.value)
async def test_each_call_outcome_completes_the_call_with_it(resolution: CallResolution) -> None:
    async with form_bot() as bot:
        card = await card_for(bot, CALL)
        clicked = await press(bot, card, ids.DONE)
        [asking] = bot.shown(clicked)
        answered = await press(bot, asking, ids.CALL_OUTCOMES[resolution])
        [done] = bot.shown(answered)
        assert status_of(done) == "✅ Done"
        assert note_of(done).startswith("Marked done (")
        assert completes(bot) == [{"callResolution": CALL_RESOLUTION_CODES[resolution]}]


async def test_not_now_goes_back_to_the_card_without_completing() -> None:
    async with form_bot() as bot:
        card = await card_for(bot, CALL)
        [asking] = bot.shown(await press(bot, card, ids.DONE))
        [back] = bot.shown(await press(bot, asking, ids.OUTCOME_BACK))
        assert button_ids(back) == OPEN_BUTTONS
        assert completes(bot) == []


async def test_done_twice_says_it_was_already_done() -> None:
    async with form_bot() as bot:
        card = await card_for(bot, TODO)
        await press(bot, card, ids.DONE)
        again = await press(bot, card, ids.DONE)  # the same, stale card
        [shown] = bot.shown(again)
        assert note_of(shown) == "This task was already done, so nothing changed."
        assert status_of(shown) == "✅ Done"
        assert len(completes(bot)) == 1


async def test_an_outcome_for_a_call_done_elsewhere_meets_reply_s_409_as_already_done() -> None:
    async with form_bot() as bot:
        card = await card_for(bot, CALL)
        [asking] = bot.shown(await press(bot, card, ids.DONE))
        await bot.deps.reply.complete_task(10001)  # done in Reply meanwhile
        [shown] = bot.shown(await press(bot, asking, ids.OUTCOME_NEGATIVE))
        assert note_of(shown) == "This task was already done, so nothing changed."
        statuses = [r.status for r in bot.sandbox.requests if r.path.endswith("/complete")]
        assert statuses == [200, 409]


async def test_cancel_asks_first_then_cancels_and_the_card_says_so() -> None:
    async with form_bot() as bot:
        card = await card_for(bot, CALL)
        [cancel] = [
            e
            for b in card["blocks"]
            for e in b.get("elements", [])
            if e.get("action_id") == ids.CANCEL
        ]
        assert cancel["confirm"]["title"]["text"] == "Cancel this task?"
        assert cancel["style"] == "danger"
        [cancelled] = bot.shown(await press(bot, card, ids.CANCEL))
        assert status_of(cancelled) == "🚫 Cancelled"
        assert note_of(cancelled) == "Cancelled in Reply."
        assert button_ids(cancelled) == [ids.SHARE]
        assert (await bot.deps.reply.get_task(10001)).status is TaskStatus.CANCELLED


async def test_a_cancel_whose_answer_was_lost_still_shows_the_task_cancelled() -> None:
    async with form_bot() as bot:
        card = await card_for(bot, CALL)
        bot.sandbox.faults.push(Fault.drop_after_store(method="DELETE"))
        [cancelled] = bot.shown(await press(bot, card, ids.CANCEL))
        assert (status_of(cancelled), note_of(cancelled)) == ("🚫 Cancelled", "Cancelled in Reply.")
        assert bot.reply_calls().count("DELETE /v3/tasks/10001") == 1


async def test_share_posts_a_read_only_copy_to_the_channel() -> None:
    async with form_bot() as bot:
        card = await card_for(bot, CALL)
        clicked = await press(bot, card, ids.SHARE)
        [post] = bot.fake.calls_to("response_url")[-1:]
        assert post.params["response_type"] == "in_channel"
        assert post.params["replace_original"] is False
        original, shared = bot.shown(clicked)
        assert original == card  # the rep's own card is untouched
        assert button_ids(shared) == []
        assert blocks_of(shared, "header")[0]["text"]["text"] == "📞 Call — Jane Cooper"
        assert "Shared by <@U0BERLIN>" in blocks_of(shared, "context")[-1]["elements"][0]["text"]


async def _share_after_the_card_link_expired(bot: FormBot) -> None:
    """Share, with Reply held until the click's response_url is past Slack's 30 minutes."""
    bot.allow("expired_url")
    card = await card_for(bot, CALL)
    bot.hold_next("GET", "/v3/tasks/{id}")
    await bot.click(card, ids.SHARE)
    bot.clock.advance(31 * 60)
    bot.release()
    await bot.settle()
    [refused] = bot.fake.calls_to("response_url")[-1:]
    assert refused.response.get("error") == "expired_url"


async def test_share_posts_as_the_bot_when_the_cards_link_has_expired() -> None:
    async with form_bot() as bot:
        await _share_after_the_card_link_expired(bot)
        [post] = bot.fake.calls_to("chat.postMessage")
        assert post.ok
        assert post.params["channel"] == "C0SALES"  # the channel the card was in
        assert "Shared by <@U0BERLIN>" in json.dumps(post.params["blocks"])


async def test_a_share_slack_refuses_twice_is_explained_in_the_reps_dm() -> None:
    async with form_bot() as bot:
        bot.allow("not_in_channel")
        bot.fake.fail_next("chat.postMessage", "not_in_channel")
        await _share_after_the_card_link_expired(bot)
        in_channel, in_dm = bot.fake.calls_to("chat.postMessage")
        assert in_channel.response["error"] == "not_in_channel"
        assert in_dm.ok
        assert in_dm.params["channel"] == "U0BERLIN"
        assert "couldn't share task #10001" in in_dm.params["text"]
        assert "/invite @taskbot" in in_dm.params["text"]


async def test_a_share_into_a_conversation_taskbot_cannot_join_says_so() -> None:
    async with form_bot() as bot:
        bot.allow("channel_not_found")
        bot.fake.fail_next("chat.postMessage", "channel_not_found")  # e.g. a DM between people
        await _share_after_the_card_link_expired(bot)
        _, in_dm = bot.fake.calls_to("chat.postMessage")
        assert "can't post in that conversation" in in_dm.params["text"]
        assert "/invite" not in in_dm.params["text"]  # advice that cannot be followed there


@pytest.mark.parametrize("action_id", [ids.DONE, ids.CANCEL, ids.SHARE, ids.EDIT])
async def test_only_the_reps_own_task_obeys_them(action_id: str) -> None:
    async with form_bot() as bot:
        card = await card_for(bot, CALL)
        before = bot.reply_calls()
        clicked = await press(bot, card, action_id, user=OFFSET_REP.id)
        original, refusal = bot.shown(clicked)
        assert original == card
        assert texts(refusal)[0].startswith("⚠️ Only the rep who created this task can")
        assert bot.reply_calls() == before
        assert bot.fake.calls_to("views.open") == []


async def test_only_the_rep_may_answer_how_the_call_went() -> None:
    async with form_bot() as bot:
        card = await card_for(bot, CALL)
        [asking] = bot.shown(await press(bot, card, ids.DONE))
        clicked = await press(bot, asking, ids.OUTCOME_POSITIVE, user=OFFSET_REP.id)
        assert texts(bot.shown(clicked)[-1])[0] == (
            "⚠️ Only the rep who created this task can record how the call went. Ask them, "
            "or create your own with /task."
        )
        assert completes(bot) == []


@pytest.mark.parametrize(
    ("action_id", "fault", "says"),
    [
        pytest.param(
            ids.DONE,
            Fault.status(503, method="GET", path="/v3/tasks/{id}"),
            "The Reply sandbox had a problem on its side (HTTP 503) and couldn't get the task.",
            id="done-outage",
        ),
        pytest.param(
            ids.CANCEL,
            Fault.status(403, method="DELETE"),
            "The Reply sandbox didn't let taskbot cancel the task",
            id="cancel-forbidden",
        ),
        pytest.param(
            ids.SHARE,
            Fault.status(404, method="GET", path="/v3/tasks/{id}"),
            "The Reply sandbox couldn't find what taskbot needed to get the task",
            id="share-gone",
        ),
    ],
)
async def test_reply_errors_are_sentences_beside_an_unchanged_card(
    action_id: str, fault: Fault, says: str
) -> None:
    async with form_bot() as bot:
        card = await card_for(bot, TODO)
        bot.sandbox.faults.push(fault, times=3)
        clicked = await press(bot, card, action_id)
        original, said = bot.shown(clicked)
        assert original == card
        assert texts(said)[0].startswith(f"⚠️ {says}")


async def test_a_button_is_acked_while_reply_is_still_working() -> None:
    async with form_bot() as bot:
        card = await card_for(bot, TODO)
        bot.hold_next("POST", "/v3/tasks/{id}/complete")  # answers only on release()
        clicked = await bot.click(card, ids.DONE)
        assert clicked.response.status_code == 200  # acked: Reply has not answered yet
        assert bot.shown(clicked) == [card]
        bot.release()
        await bot.settle()
        assert status_of(bot.shown(clicked)[0]) == "✅ Done"
