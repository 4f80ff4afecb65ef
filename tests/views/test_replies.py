"""Progress line, help, errors and the contact pick: valid, and nothing typed is lost."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot import ids
from bot.domain import Contact, LinkedInAction, TaskType
from bot.views import contact_pick_card, error_card, progress_card, render_text, usage_card
from bot.views.card import Card
from bot.views.values import CommandRef, ContactPick, decode
from tests.support.block_kit import assert_valid_message
from tests.support.task_samples import JANE, NEW_YORK


def blocks_of(card: Card) -> list[dict[str, Any]]:
    return card.blocks_json()


def buttons(card: Card) -> list[dict[str, Any]]:
    found = []
    for block in blocks_of(card):
        for element in [block.get("accessory"), *block.get("elements", [])]:
            if isinstance(element, dict) and element.get("type") == "button":
                found.append(element)
    return found


@pytest.mark.parametrize(
    ("task_type", "action", "contact", "line"),
    [
        (TaskType.CALL, None, "jane@acme.com", "⏳ Creating a call task for jane@acme.com…"),
        (TaskType.MANUAL_EMAIL, None, "#12345", "⏳ Creating an email task for #12345…"),
        (TaskType.SMS, None, "Jane", "⏳ Creating an SMS task for Jane…"),
        (
            TaskType.LINKEDIN,
            LinkedInAction.INMAIL,
            "Jane",
            "⏳ Creating a LinkedIn InMail task for Jane…",
        ),
        (TaskType.TODO, None, None, "⏳ Creating a to-do…"),
        (None, None, "<Jane & co>", "⏳ Creating your task for <Jane & co>…"),
    ],
)
def test_the_progress_line_says_what_is_being_made(
    task_type: TaskType | None, action: LinkedInAction | None, contact: str | None, line: str
) -> None:
    card = progress_card(task_type, action, contact)
    assert card.text == line
    assert_valid_message(blocks_of(card), card.text)
    escaped = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert blocks_of(card)[0]["text"]["text"] == escaped


def test_the_usage_card_has_real_examples() -> None:
    card = usage_card()
    assert_valid_message(blocks_of(card), card.text)
    text = json.dumps(blocks_of(card))
    for example in ("/task call jane@acme.com tomorrow 3pm", "EOD Fri", "in 2 business days",
                    "{{firstName}}", "#12345", "linkedin.com/in/", "subject:", "mtg"):  # fmt: skip
        assert example in text, example
    assert "/task" in card.text


def test_an_error_keeps_what_the_rep_typed_on_open_in_form() -> None:
    command = "call jane@acme.com yesterday Ask about pricing"
    card = error_card("“yesterday” is in the past. Try “tomorrow 10am”.", command=command)
    assert_valid_message(blocks_of(card), card.text)
    [form] = buttons(card)
    assert form["action_id"] == ids.OPEN_FORM
    assert decode(form["value"], CommandRef) == CommandRef(command=command)
    assert card.text == "⚠️ “yesterday” is in the past. Try “tomorrow 10am”."


def test_try_again_only_when_asked() -> None:
    card = error_card("Reply is busy right now.", command="call #5 tmrw", retry=True)
    assert [b["action_id"] for b in buttons(card)] == [ids.OPEN_FORM, ids.TRY_AGAIN]
    no_command = error_card("Only the rep who created this task can change it.")
    assert buttons(no_command) == []
    assert_valid_message(blocks_of(no_command), no_command.text)


def test_an_error_lists_details() -> None:
    card = error_card(
        "Reply refused the task.",
        command="call x",
        details=["The due time must be after the start.", "Pick the contact <here>."],
    )
    assert blocks_of(card)[1]["text"]["text"] == (
        "• The due time must be after the start.\n• Pick the contact &lt;here&gt;."
    )
    assert "Pick the contact" in card.text


def test_a_long_command_still_travels_whole_when_it_compresses() -> None:
    command = "call jane@acme.com tomorrow " + "Ask about pricing and the renewal. " * 100
    card = error_card("Reply is down.", command=command, retry=True)
    assert_valid_message(blocks_of(card), card.text)
    for button in buttons(card):
        assert len(button["value"]) <= 2000
        assert decode(button["value"], CommandRef) == CommandRef(command=command)


def contacts(n: int) -> list[Contact]:
    return [
        Contact(
            id=100 + i,
            email=f"jane{i}@acme.com",
            first_name="Jane",
            last_name=f"Doe {i}",
            company="Acme",
            title="AE",
        )
        for i in range(n)
    ]


def test_a_pick_offers_one_button_per_contact_carrying_the_command() -> None:
    card = contact_pick_card('"Jane"', contacts(3), command='call "Jane" tmrw 3pm')
    assert_valid_message(blocks_of(card), card.text)
    picks = [b for b in buttons(card) if ids.PICK_CONTACT_PATTERN.match(b["action_id"])]
    assert [b["action_id"] for b in picks] == ["pick.1", "pick.2", "pick.3"]
    assert decode(picks[1]["value"], ContactPick) == ContactPick(
        contact_id=101, command='call "Jane" tmrw 3pm'
    )
    assert blocks_of(card)[2]["text"]["text"] == "*Jane Doe 1* · AE, Acme · jane1@acme.com · #101"
    rows = [b["block_id"] for b in blocks_of(card) if b.get("accessory")]
    assert rows == [ids.pick_contact_row(n) for n in (1, 2, 3)] == ["pick.1.row", "pick.2.row",
                                                                     "pick.3.row"]  # fmt: skip
    assert buttons(card)[-1]["action_id"] == ids.OPEN_FORM
    assert card.text == '3 Reply contacts match “"Jane"”. Pick one to create the task.'


def test_a_pick_shows_at_most_25_and_says_how_many_matched() -> None:
    card = contact_pick_card("Jane", contacts(30), command="call Jane", total=140)
    assert_valid_message(blocks_of(card), card.text)
    picks = [b for b in buttons(card) if b["action_id"].startswith("pick.")]
    assert len(picks) == 25
    assert (
        "*140 Reply contacts match “Jane”.* Here are the first 25"
        in (blocks_of(card)[0]["text"]["text"])
    )


def test_a_pick_of_a_huge_command_keeps_what_fits_and_says_so() -> None:
    import random  # noqa: PLC0415 - incompressible text, this test only

    rng = random.Random(7)
    noise = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789 ") for _ in range(4000))
    card = contact_pick_card("Jane", contacts(2), command=f"call Jane {noise}")
    assert_valid_message(blocks_of(card), card.text)
    value = decode(buttons(card)[0]["value"], ContactPick)
    assert value.complete is False
    assert f"call Jane {noise}".startswith(value.command)
    assert len(value.command) > 1000
    assert "only its first part travels" in json.dumps(blocks_of(card))


def test_a_pick_needs_someone_to_pick() -> None:
    with pytest.raises(ValueError, match="at least one contact"):
        contact_pick_card("Jane", [], command="call Jane")


def test_the_console_shows_pick_buttons_by_number() -> None:
    card = contact_pick_card("Jane", [JANE, *contacts(1)], command="call Jane")
    text = render_text(card.blocks, ansi=False, tz=NEW_YORK)
    assert text.splitlines()[1] == ("Jane Doe · VP Sales, Acme · jane@acme.com · #42  [1]")
    assert text.splitlines()[-1] == "[form]"


def test_a_pick_of_one_guessed_contact_reads_in_the_singular() -> None:
    """'call Priya …' finds Priya Raman only: not a name match, so the rep confirms her."""
    card = contact_pick_card("Priya", contacts(1), command="call Priya tomorrow")
    assert_valid_message(blocks_of(card), card.text)
    assert blocks_of(card)[0]["text"]["text"] == (
        "*1 Reply contact matches “Priya”.* Is this who you meant?"
    )
    assert card.text == "1 Reply contact matches “Priya”. Pick it to create the task."


def test_a_typed_name_longer_than_a_section_still_makes_a_valid_progress_line() -> None:
    """`/task call <4,000-character name> tomorrow` is read as a name; the ack quoting it
    must still be a message Slack takes (a section holds 3,000 characters)."""
    card = progress_card(TaskType.CALL, None, "Jane&" * 800)
    assert_valid_message(blocks_of(card), card.text)
    line = blocks_of(card)[0]["text"]["text"]
    assert line.startswith("⏳ Creating a call task for Jane&amp;Jane")
    assert line.endswith("……")  # the quote is cut, the sentence still ends


def test_a_search_longer_than_a_section_still_makes_a_valid_pick_card() -> None:
    card = contact_pick_card("Jane <Doe> " * 400, [JANE], command="call jane tomorrow")
    assert_valid_message(blocks_of(card), card.text)
    prompt = blocks_of(card)[0]["text"]["text"]
    assert prompt.startswith("*1 Reply contact matches “Jane &lt;Doe&gt;")
    assert prompt.endswith("Is this who you meant?")
