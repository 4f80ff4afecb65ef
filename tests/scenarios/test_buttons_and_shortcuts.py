"""Buttons carrying a command refuse to act on a shortened or unreadable one. (The card
buttons, 'Open in form' and the shortcuts: tests/scenarios/test_actions_*.py and
test_form_*.py.)"""

from __future__ import annotations

import json

from bot import ids
from bot.messages import outcomes as words
from bot.views import error_card
from bot.views.values import ContactPick, encode
from tests.scenarios.harness import running_taskbot, texts

COMMAND = "call jane@acme.com tomorrow 3pm Ask about {{company}} pricing"


async def test_a_pick_whose_command_was_cut_to_fit_creates_nothing() -> None:
    async with running_taskbot() as bot:
        pick = ContactPick(contact_id=30101, command="call Jane tomorrow Ask ab", complete=False)
        message = {
            "text": "pick",
            "blocks": [
                {
                    "type": "actions",
                    "elements": [
                        {
                            "type": "button",
                            "action_id": "pick.1",
                            "text": {"type": "plain_text", "text": "Pick"},
                            "value": encode(pick),
                        }
                    ],
                }
            ],
        }
        clicked = await bot.click(message, "pick.1")
        await bot.fake.wait_for("response_url")
        [shown] = bot.shown(clicked)
        assert texts(shown)[0] == f"⚠️ {words.COMMAND_CUT}"
        assert bot.reply_calls() == []


async def test_a_button_value_taskbot_did_not_write_is_refused_politely() -> None:
    async with running_taskbot() as bot:
        message = error_card("old", command="call x").message()
        message["blocks"][-1]["elements"][0]["value"] = json.dumps({"kind": "mystery"})
        clicked = await bot.click(message, ids.OPEN_FORM)
        await bot.fake.wait_for("response_url")
        assert texts(bot.shown(clicked)[-1]) == [f"⚠️ {words.STALE_BUTTON}"]
