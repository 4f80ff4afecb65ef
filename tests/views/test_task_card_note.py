"""The note above a task card is plain text: the card escapes it (review #12), so a
listener passes the service's sentence as it is."""

from __future__ import annotations

from bot.views import CardContext, task_card
from tests.support.task_samples import JANE, NEW_YORK, make_task


def test_a_notes_mrkdwn_characters_are_shown_not_read() -> None:
    note = "Reply says: <!channel> *bold* & <https://x.example|a link>"
    card = task_card(make_task(), JANE, CardContext(owner="U0JANE", tz=NEW_YORK, note=note))
    [element] = card.blocks_json()[1]["elements"]
    assert element["text"] == (
        "Reply says: &lt;!channel&gt; *bold* &amp; &lt;https://x.example|a link&gt;"
    )
