"""Block Kit as console text: mrkdwn, date tokens, links, and typeable button keywords."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot import ids
from bot.views import console_buttons, render_text

TOKYO = ZoneInfo("Asia/Tokyo")
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=TOKYO)
STAMP = int(datetime(2026, 11, 26, 15, 5, tzinfo=TOKYO).timestamp())


def section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def button(action_id: str, **extra: Any) -> dict[str, Any]:
    label = {"type": "plain_text", "text": action_id}
    return {"type": "button", "action_id": action_id, "text": label, **extra}


def plain(text: str, *, now: datetime | None = NOW, ansi: bool = False) -> str:
    return render_text([section(text)], ansi=ansi, tz=TOKYO, now=now)


@pytest.mark.parametrize(
    ("mrkdwn", "text"),
    [
        ("*bold* and _italic_ and ~gone~", "bold and italic and gone"),
        ("snake_case_name and 2*3*4", "snake_case_name and 2*3*4"),
        ("&lt;b&gt; &amp; co", "<b> & co"),
        (
            "<https://acme.example/p?a=1&amp;b=2|the deal>",
            "the deal (https://acme.example/p?a=1&b=2)",
        ),
        ("<https://acme.example>", "https://acme.example"),
        ("<mailto:jane@acme.com|Jane>", "jane@acme.com"),
        ("<@U0JANE> and <@U0BOB|bob>", "@U0JANE and @bob"),
        ("<#C0SALES|sales> <!here>", "#sales @here"),
        ("*<https://x.example/a_b_c|link>*", "link (https://x.example/a_b_c)"),
    ],
)
def test_mrkdwn_becomes_plain_text(mrkdwn: str, text: str) -> None:
    assert plain(mrkdwn) == text


@pytest.mark.parametrize(
    ("token", "text"),
    [
        ("{date_short_pretty} at {time}", "Tomorrow at 3:05 PM"),
        ("{date_num} {time_secs}", "2026-11-26 3:05:00 PM"),
        ("{date}", "November 26th, 2026"),
        ("{date_short}", "Nov 26, 2026"),
        ("{date_long}", "Thursday, November 26th, 2026"),
        ("{date_long_pretty}", "Tomorrow"),
        ("{ago}", "{ago}"),
    ],
)
def test_date_tokens_are_written_out_in_the_given_zone(token: str, text: str) -> None:
    assert plain(f"<!date^{STAMP}^{token}|fallback>") == text


def test_relative_days_need_a_now() -> None:
    token = f"<!date^{STAMP}^{{date_short_pretty}} at {{time}}|fallback>"
    assert plain(token, now=None) == "Nov 26, 2026 at 3:05 PM"
    assert (
        plain(f"<!date^{STAMP}^{{date_pretty}}|x>", now=datetime(2026, 11, 27, tzinfo=TOKYO))
        == "Yesterday"
    )
    assert plain("<!date^oops^{date}|the fallback>") == "the fallback"


def test_ordinal_suffixes() -> None:
    stamps = {
        d: int(datetime(2026, 12, d, 9, tzinfo=TOKYO).timestamp())
        for d in (1, 2, 3, 11, 12, 13, 22)
    }
    rendered = [plain(f"<!date^{s}^{{date}}|x>", now=None) for s in stamps.values()]
    assert [r.split(",")[0] for r in rendered] == [
        "December 1st", "December 2nd", "December 3rd", "December 11th",
        "December 12th", "December 13th", "December 22nd",
    ]  # fmt: skip


def test_ansi_styles_and_plain_agree_on_the_words() -> None:
    styled = plain("*Due* _soon_", ansi=True)
    assert styled == "\x1b[1mDue\x1b[0m \x1b[3msoon\x1b[0m"


def test_buttons_have_the_keyword_the_console_accepts() -> None:
    card_row = [button(a, value="v") for a in (ids.DONE, ids.EDIT, ids.CANCEL, ids.SHARE)]
    blocks = [
        {"type": "actions", "block_id": ids.CARD_ACTIONS_BLOCK, "elements": card_row},
        {"type": "actions", "elements": [button("other.done")]},
        {"type": "divider"},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": "Task #1"}]},
    ]
    assert render_text(blocks, ansi=False, tz=TOKYO) == (
        "[done] [edit] [cancel] [share]\n[done-2]\n" + "─" * 40 + "\nTask #1"
    )
    found = console_buttons(blocks)
    assert [b.keyword for b in found] == ["done", "edit", "cancel", "share", "done-2"]
    assert (found[0].action_id, found[0].block_id, found[0].value) == (
        ids.DONE,
        ids.CARD_ACTIONS_BLOCK,
        "v",
    )
    assert found[4].block_id is None


def test_plain_text_objects_are_not_read_as_mrkdwn() -> None:
    blocks = [{"type": "section", "text": {"type": "plain_text", "text": "*not bold* &amp;"}}]
    assert render_text(blocks, ansi=False, tz=TOKYO) == "*not bold* &amp;"


def test_a_mention_shows_the_persons_name_when_known() -> None:
    blocks = [section("Shared by <@U0JANE> and <@U0BOB> and <@U0EVE|eve>")]
    text = render_text(blocks, ansi=False, tz=TOKYO, names={"U0JANE": "jane"})
    assert text == "Shared by @jane and @U0BOB and @eve"
