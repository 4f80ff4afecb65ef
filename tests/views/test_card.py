"""`Card`, the value every builder returns: Slack's message limits hold at construction."""

from __future__ import annotations

import pytest

from bot.views.card import Card, mrkdwn_section


def test_a_card_is_text_plus_blocks_as_slack_json() -> None:
    card = Card(blocks=(mrkdwn_section("*hi*"),), text="hi")
    assert card.message() == {
        "text": "hi",
        "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "*hi*"}}],
    }


def test_a_card_needs_a_notification_text() -> None:
    with pytest.raises(ValueError, match="notification text"):
        Card(blocks=(mrkdwn_section("x"),), text=" ")


@pytest.mark.parametrize("count", [0, 51])
def test_a_card_holds_1_to_50_blocks(count: int) -> None:
    with pytest.raises(ValueError, match="1 to 50 blocks"):
        Card(blocks=tuple(mrkdwn_section("x") for _ in range(count)), text="x")


def test_the_notification_text_goes_out_escaped_and_stays_plain_on_the_card() -> None:
    """A contact named `<!channel>` must not ping a channel from a shared card's
    notification: Slack parses `text` as mrkdwn (formatting reference, "Escaping text")."""
    card = Card(blocks=(mrkdwn_section("x"),), text="📞 Call — <!channel> & <https://e.vil|Jane>")
    assert card.text == "📞 Call — <!channel> & <https://e.vil|Jane>"
    assert card.message()["text"] == "📞 Call — &lt;!channel&gt; &amp; &lt;https://e.vil|Jane&gt;"
