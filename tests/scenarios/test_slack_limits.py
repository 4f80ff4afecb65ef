"""Slack's limits met end to end: whatever the rep types or Reply holds, what taskbot sends
(acks included, checked by the harness) is something Slack takes."""

from __future__ import annotations

from tests.scenarios.harness import running_taskbot, texts


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
