"""Buttons and shortcuts whose actions ship with the form (issue 5) answer in words now, and
never touch the card; buttons carrying a command refuse to act on a shortened or unreadable
one."""

from __future__ import annotations

import json

from bot import ids
from bot.messages import outcomes as words
from bot.views import error_card
from bot.views.values import ContactPick, encode
from tests.scenarios.harness import BERLIN_REP, blocks_of, running_taskbot, texts
from tests.support import slack_payloads as payloads

COMMAND = "call jane@acme.com tomorrow 3pm Ask about {{company}} pricing"


async def test_a_card_button_not_shipped_yet_answers_without_touching_the_card() -> None:
    async with running_taskbot() as bot:
        sent = await bot.command(COMMAND)
        await bot.settle()
        [card] = bot.shown(sent)
        for action_id, feature in (
            (ids.DONE, words.FEATURE_DONE),
            (ids.CANCEL, words.FEATURE_CANCEL),
            (ids.SHARE, words.FEATURE_SHARE),
        ):
            posts = len(bot.fake.calls_to("response_url")) + 1
            clicked = await bot.click(card, action_id)
            assert clicked.response.status_code == 200
            [post] = (await bot.fake.wait_for("response_url", count=posts))[-1:]
            assert post.params.get("replace_original") is False
            shown = bot.shown(clicked)
            assert shown[0] == card  # still there, buttons and all
            assert texts(shown[1]) == [f"⚠️ {words.not_available_yet(feature)}"]


async def test_open_in_form_hands_the_command_back_until_the_form_exists() -> None:
    async with running_taskbot() as bot:
        sent = await bot.command("call nobody@nowhere.example tomorrow hi")
        await bot.settle()
        [message] = bot.shown(sent)
        clicked = await bot.click(message, ids.OPEN_FORM)
        await bot.fake.wait_for("response_url", count=2)
        note = bot.shown(clicked)[-1]
        assert texts(note) == [
            f"⚠️ {words.form_not_available_yet('call nobody@nowhere.example tomorrow hi')}"
        ]


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


async def test_the_global_shortcut_answers_in_the_reps_dm() -> None:
    async with running_taskbot() as bot:
        shortcut = payloads.global_shortcut(bot.fake, user_id=BERLIN_REP.id)
        answered = await bot.post(payloads.interaction_body(shortcut))
        assert answered.status_code == 200
        [posted] = await bot.fake.wait_for("chat.postMessage")
        assert posted.ok, posted.response
        assert posted.response["channel"] == "D0BERLIN"
        assert posted.params["text"] == f"⚠️ {words.SHORTCUT_NOT_YET}"


async def test_the_message_shortcut_answers_through_its_response_url() -> None:
    async with running_taskbot() as bot:
        message = bot.fake.add_message("C0SALES", text="Jane wants a call", user="U0OTHER")
        shortcut = payloads.message_shortcut(bot.fake, user_id=BERLIN_REP.id, message=message)
        answered = await bot.post(payloads.interaction_body(shortcut))
        assert answered.status_code == 200
        [posted] = await bot.fake.wait_for("response_url")
        assert posted.ok
        assert blocks_of(posted.params, "section")[0]["text"]["text"].startswith("⚠️ The Create")
