"""Slack's limits met end to end: whatever the rep types or Reply holds, what taskbot sends
(acks included, checked by the harness) is something Slack takes."""

from __future__ import annotations

from bot import ids
from tests.scenarios.form_harness import form_bot
from tests.scenarios.harness import running_taskbot, texts

A_CALL = {
    ids.TYPE_SELECT: "Call",
    ids.CONTACT_SELECT: ("Jane Cooper · Acme · jane@acme.com", "id:30101"),
    ids.BODY_INPUT: "Ask about pricing",
}


async def test_a_name_longer_than_a_section_gets_a_progress_line_slack_takes() -> None:
    """Read as a contact name, 4,000 characters went whole into the ack's section (Slack
    holds 3,000): the card could not be built and the command failed without an ack."""
    async with running_taskbot() as bot:
        sent = await bot.command("call " + "Jane" * 1000 + " tomorrow 3pm Ask about pricing")
        assert sent.response.status_code == 200
        [line] = texts(sent.ack)
        assert line.startswith("⏳ Creating a call task for JaneJane")
        assert len(line) < 400
        await bot.settle()
        [answer] = bot.shown(sent)  # no such contact in Reply: said, with the form offered
        assert answer["response_type"] == "ephemeral"


async def test_the_notification_text_is_escaped_like_the_blocks() -> None:
    """Slack reads a message's top-level `text` as mrkdwn too (formatting reference,
    "Escaping text"): a typed `&` or `>` went out raw, where `<…>` is a link or a ping."""
    async with running_taskbot() as bot:
        sent = await bot.command('call "Smith & Sons > Acme" tomorrow 3pm Ask about pricing')
        assert sent.ack["text"] == "⏳ Creating a call task for Smith &amp; Sons &gt; Acme…"
        await bot.settle()
        [answer] = bot.shown(sent)
        assert "Smith &amp; Sons &gt; Acme" in answer["text"]
        assert "& " not in answer["text"]


async def test_a_rate_limited_dm_waits_retry_after_and_the_card_still_arrives() -> None:
    """The global shortcut's card goes to the rep's DM (chat.postMessage, about one message a
    second per channel). A 429 came back as an error and the card was lost (only logged)."""
    async with form_bot() as bot:
        view_id = await bot.global_shortcut()
        bot.allow("ratelimited")
        bot.fake.fail_next("chat.postMessage", "ratelimited", status=429, retry_after=0)
        await bot.submit(view_id, A_CALL)
        await bot.settle()
        refused, posted = bot.fake.calls_to("chat.postMessage")
        assert (refused.status, posted.status) == (429, 200)
        assert posted.response["channel"] == "D0BERLIN"
        assert texts(posted.params)[0] == "📞 Call — Jane Cooper"


async def test_a_card_read_in_the_default_zone_says_so() -> None:
    """users.info may fail (user_not_found, ratelimited) or be slower than the ack allows;
    the command is then read in the workspace's zone. "tomorrow 3pm" meant 15:00 UTC for a
    rep Slack said nothing about, and the card did not say so."""
    async with running_taskbot() as bot:
        sent = await bot.command(
            "call jane@acme.com tomorrow 3pm Ask about pricing", user="U0NOBODY"
        )
        await bot.settle()
        [card] = bot.shown(sent)
        note = card["blocks"][1]["elements"][0]["text"]
        assert note == (
            "Times were read in UTC: Slack didn't tell taskbot your time zone in time. "
            "Check them, and edit the task if they are off."
        )


async def test_a_card_read_in_the_reps_own_zone_has_no_such_note() -> None:
    async with running_taskbot() as bot:
        sent = await bot.command("call jane@acme.com tomorrow 3pm Ask about pricing")
        await bot.settle()
        [card] = bot.shown(sent)
        assert not any("time zone" in text for text in texts(card))
