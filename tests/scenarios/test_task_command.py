"""/task end to end in HTTP mode: what the rep sees in the ack, and on the card that replaces
it through the response_url."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot import ids
from bot.console.slack_standin.block_kit import block_problems
from bot.views.values import CommandRef, TaskRef, decode
from tests.scenarios.harness import (
    BERLIN_REP,
    OFFSET_REP,
    blocks_of,
    button_ids,
    button_value,
    running_taskbot,
    texts,
)

HEADLINE = "call jane@acme.com tomorrow 3pm Ask about {{company}} pricing"


def date_token(text: str) -> tuple[int, str]:
    """(unix seconds, fallback) of the Slack date token in a card field."""
    found = re.search(r"<!date\^(\d+)\^\{date_short_pretty\} at \{time\}\|([^>]+)>", text)
    assert found, text
    return int(found.group(1)), found.group(2)


def field(card: dict[str, object], label: str) -> str:
    for text in texts(card):  # type: ignore[arg-type]
        if text.startswith(f"*{label}*\n"):
            return text.removeprefix(f"*{label}*\n")
    raise AssertionError(f"no {label} field on the card")


async def test_the_headline_command_acks_then_the_card_replaces_the_progress_line() -> None:
    async with running_taskbot() as bot:
        sent = await bot.command(HEADLINE)
        assert sent.response.status_code == 200
        assert sent.ack["text"] == "⏳ Creating a call task for jane@acme.com…"
        assert sent.ack.get("response_type", "ephemeral") == "ephemeral"
        await bot.settle()

        [post] = bot.fake.calls_to("response_url")
        assert post.ok
        assert post.params["replace_original"] is True
        [card] = bot.shown(sent)  # the progress line is gone: replaced
        assert card["response_type"] == "ephemeral"
        assert not block_problems(card["blocks"])

        [header] = blocks_of(card, "header")
        assert header["text"]["text"] == "📞 Call — Jane Cooper"
        due, fallback = date_token(field(card, "Due"))
        assert due == int(
            datetime(2026, 11, 26, 15, 0, tzinfo=ZoneInfo("Europe/Berlin")).timestamp()
        )
        assert fallback == "Thu 26 Nov 2026 15:00 CET"
        assert field(card, "Status") == "🔵 New"
        assert field(card, "Phone") == "+14155550132"
        assert "Ask about Acme pricing" in texts(card)  # rendered by Reply, not the template
        [context] = blocks_of(card, "context")
        assert context["elements"][0]["text"].startswith(
            "Task #10001 · via Slack · *🧪 Reply sandbox"
        )
        assert button_ids(card) == [ids.DONE, ids.EDIT, ids.CANCEL, ids.SHARE]
        ref = decode(button_value(card, ids.DONE), TaskRef)
        assert ref == TaskRef(task_id=10001, owner=BERLIN_REP.id)
        assert card["text"] == "📞 Call — Jane Cooper, due Thu 26 Nov 2026 15:00 CET (New)"


async def test_a_rep_slack_knows_only_by_offset_gets_times_at_that_offset() -> None:
    async with running_taskbot() as bot:
        sent = await bot.command(HEADLINE, user=OFFSET_REP.id)
        await bot.settle()
        [card] = bot.shown(sent)
        due, fallback = date_token(field(card, "Due"))
        # 19:37 UTC is already 01:07 on Thursday at +05:30, so tomorrow is Friday.
        assert datetime.fromisoformat("2026-11-27T15:00:00+05:30").timestamp() == due
        assert fallback == "Fri 27 Nov 2026 15:00 UTC+05:30"


async def test_a_rep_slack_cannot_describe_gets_the_workspace_zone() -> None:
    async with running_taskbot(users=[]) as bot:  # users.info: user_not_found
        sent = await bot.command(HEADLINE, user="U0STRANGER")
        await bot.settle()
        [card] = bot.shown(sent)
        assert date_token(field(card, "Due"))[1] == "Thu 26 Nov 2026 15:00 UTC"


async def test_users_info_is_asked_once_per_rep() -> None:
    async with running_taskbot() as bot:
        for _ in range(3):
            await bot.command(HEADLINE)
        await bot.settle()
        assert len(bot.fake.calls_to("users.info")) == 1
        assert len(bot.fake.calls_to("auth.test")) == 1  # Bolt authorizes once per process


async def test_an_email_task_shows_where_to_write() -> None:
    async with running_taskbot() as bot:
        sent = await bot.command("email bob@globex.com EOD Fri Hi {{firstName}}, any news?")
        assert sent.ack["text"] == "⏳ Creating an email task for bob@globex.com…"
        await bot.settle()
        [card] = bot.shown(sent)
        assert field(card, "Email") == "<mailto:bob@globex.com|bob@globex.com>"
        assert "Hi Bob, any news?" in texts(card)
        due, _ = date_token(field(card, "Due"))
        assert datetime.fromisoformat("2026-11-27T17:00:00+01:00").timestamp() == due


async def test_a_3000_character_body_still_makes_a_valid_card() -> None:
    async with running_taskbot() as bot:
        sent = await bot.command("todo tomorrow " + "Prepare the forecast. " * 136)
        await bot.settle()
        [post] = bot.fake.calls_to("response_url")
        assert post.ok, post.response  # the fake refuses what Slack would
        [card] = bot.shown(sent)
        assert blocks_of(card, "header")[0]["text"]["text"] == "📝 To-do"


async def test_several_matching_contacts_are_offered_and_a_pick_finishes_the_task() -> None:
    async with running_taskbot() as bot:
        sent = await bot.command('call "Jane" tomorrow 3pm Ask about pricing')
        assert sent.ack["text"] == "⏳ Creating a call task for Jane…"
        await bot.settle()
        [pick_card] = bot.shown(sent)
        assert pick_card["text"] == "2 Reply contacts match “Jane”. Pick one to create the task."
        assert button_ids(pick_card) == ["pick.1", "pick.2", ids.OPEN_FORM]
        assert not [r for r in bot.sandbox.requests if r.path == "/v3/tasks"]

        clicked = await bot.click(pick_card, "pick.2")
        assert clicked.response.status_code == 200
        await bot.fake.wait_for("response_url", count=3)  # pick card; progress; card
        [card] = bot.shown(clicked)
        assert blocks_of(card, "header")[0]["text"]["text"] == "📞 Call — Jane Park"
        assert "Ask about pricing" in texts(card)
        assert len([r for r in bot.sandbox.requests if r.path == "/v3/tasks"]) == 1


async def test_no_matching_contact_says_so_and_offers_the_form_with_the_command() -> None:
    command = "call nobody@nowhere.example tomorrow 3pm hello"
    async with running_taskbot() as bot:
        sent = await bot.command(command)
        await bot.settle()
        [message] = bot.shown(sent)
        assert texts(message)[0] == (
            "⚠️ No Reply contact has the email nobody@nowhere.example. Check the spelling, or "
            "continue in the form and choose the contact there."
        )
        assert button_ids(message) == [ids.OPEN_FORM]
        assert decode(button_value(message, ids.OPEN_FORM), CommandRef).command == command


async def test_help_answers_in_the_ack_and_touches_nothing_else() -> None:
    async with running_taskbot() as bot:
        for text in ("help", "?"):  # `/task` alone opens the form (test_form_ways_in.py)
            sent = await bot.command(text)
            assert sent.ack["text"].startswith("How to use /task:")
            assert (
                blocks_of(sent.ack, "header")[0]["text"]["text"] == "Create Reply tasks with /task"
            )
        await bot.settle()
        assert bot.fake.calls_to("response_url") == []
        assert bot.reply_calls() == []


async def test_a_command_missing_its_description_is_answered_at_once_keeping_the_text() -> None:
    async with running_taskbot() as bot:
        sent = await bot.command("email bob@globex.com tomorrow")
        message = sent.ack
        assert texts(message)[0] == "⚠️ taskbot needs a little more before it can create this task:"
        assert texts(message)[1].startswith("• Say what the task is about")
        value = decode(button_value(message, ids.OPEN_FORM), CommandRef)
        assert value == CommandRef(command="email bob@globex.com tomorrow")
        await bot.settle()
        assert bot.reply_calls() == []
        assert bot.fake.calls_to("response_url") == []


async def test_a_misspelt_type_gets_a_suggestion() -> None:
    async with running_taskbot() as bot:
        sent = await bot.command("cal jane@acme.com tomorrow hi")
        problems = " ".join(texts(sent.ack))
        assert "`call`" in problems
        assert bot.reply_calls() == []


@pytest.mark.parametrize(
    ("text", "progress"),
    [
        pytest.param(
            "email #30108 EOD Fri Bonjour {{firstName}}",
            "⏳ Creating an email task for #30108…",
            id="reply-id",
        ),
        pytest.param(
            "linkedin connect https://www.linkedin.com/in/lars-eriksson-northwind tomorrow hi",
            "⏳ Creating a LinkedIn Connect task for linkedin.com/in/lars-eriksson-northwind…",
            id="linkedin-url",
        ),
        pytest.param(
            "todo by EOW Prepare the Q4 forecast", "⏳ Creating a to-do…", id="no-contact"
        ),
    ],
)
async def test_the_progress_line_names_the_contact_the_way_a_rep_reads_it(
    text: str, progress: str
) -> None:
    async with running_taskbot() as bot:
        sent = await bot.command(text)
        assert sent.ack["text"] == progress
        await bot.settle()
        [card] = bot.shown(sent)
        assert card["text"].endswith("(New)")
