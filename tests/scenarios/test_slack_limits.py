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
