"""✏️ Edit on a task card: the form opens at once, fills in from the task as Reply has it,
saves with PUT and updates the card it came from; a task that is no longer New says so."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from bot import ids
from bot.domain import TaskStatus
from bot.forms import Origin
from bot.reply.sandbox import Fault
from tests.scenarios.form_harness import FormBot, form_bot
from tests.scenarios.harness import Sent, blocks_of, button_ids, texts

CALL = "email jane@acme.com tomorrow 3pm Hi {{firstName}}, how is {{company}}? subject: Hello"


async def card_for(bot: FormBot, command: str = CALL) -> dict[str, Any]:
    sent = await bot.command(command)
    await bot.settle()
    [card] = bot.shown(sent)
    return card


async def open_edit(bot: FormBot, card: dict[str, Any]) -> tuple[str, Sent]:
    clicked = await bot.click(card, ids.EDIT)
    assert clicked.response.status_code == 200
    view_id = await bot.views_opened(1)
    await bot.settle()
    return view_id, clicked


def section_texts(view: dict[str, Any]) -> list[str]:
    return [b["text"]["text"] for b in view["blocks"] if b["type"] == "section"]


async def test_edit_opens_at_once_then_fills_in_from_reply() -> None:
    async with form_bot() as bot:
        card = await card_for(bot)
        bot.hold_next("GET", "/v3/tasks/{id}")  # Reply answers only on release()
        clicked = await bot.click(card, ids.EDIT)
        view_id = await bot.views_opened(1)
        waiting = bot.view(view_id)
        assert section_texts(waiting) == ["⏳ Getting the task from Reply…"]
        assert waiting["submit"] is None  # nothing to save yet
        bot.release()
        await bot.settle()
        view = bot.view(view_id)
        assert (view["title"]["text"], view["submit"]["text"]) == (
            "Edit Reply task",
            "Save changes",
        )
        form, meta = bot.form(view_id)
        assert form.task_type is not None
        assert form.task_type.value == "ManualEmail"
        assert (
            form.body == "Hi {{firstName}}, how is {{company}}?"
        )  # the template, not the rendering
        assert form.subject == "Hello"
        assert form.contact is not None
        assert form.contact.label == "Jane Cooper · Acme · jane@acme.com"
        assert form.due_text == "Thu 26 November 2026 15:00"
        assert meta.origin is Origin.CARD_EDIT
        assert meta.editing is not None
        assert meta.editing.task_id == 10001
        assert meta.response_url == clicked.response_url
        assert "✏️ Editing task #10001" in bot.notices(view_id)["form.notes"]


async def test_saving_an_edit_puts_the_task_and_updates_the_card_it_came_from() -> None:
    async with form_bot() as bot:
        card = await card_for(bot)
        view_id, clicked = await open_edit(bot, card)
        assert (
            await bot.submit(view_id, {ids.DUE_INPUT: "Fri 10am", ids.SUBJECT_INPUT: "Hi again"})
            == {}
        )
        await bot.settle()
        [put] = [r for r in bot.sandbox.requests if r.method == "PUT"]
        sent = json.loads(put.body)
        assert sent["template"] == {
            "body": "Hi {{firstName}}, how is {{company}}?",
            "subject": "Hi again",
        }
        [updated] = bot.shown(clicked)  # the card was replaced, not joined by another
        assert blocks_of(updated, "context")[0]["elements"][0]["text"] == "Saved your changes."
        assert "*Subject:* Hi again" in texts(updated)
        assert button_ids(updated) == [ids.DONE, ids.EDIT, ids.CANCEL, ids.SHARE]
        task = await bot.deps.reply.get_task(10001)
        assert task.due_to == datetime(2026, 11, 27, 9, 0, tzinfo=UTC)  # Fri 10:00 in Berlin


async def test_times_left_as_shown_are_kept_exactly_even_once_past() -> None:
    async with form_bot() as bot:
        card = await card_for(bot)
        view_id, _ = await open_edit(bot, card)
        before = await bot.deps.reply.get_task(10001)
        bot.clock.advance(2 * 86400)  # the task is overdue by the time the rep saves
        bot.allow("expired_url")  # and the card's response_url too: the card goes to the DM
        assert await bot.submit(view_id, {ids.BODY_INPUT: "Following up"}) == {}
        await bot.settle()
        after = await bot.deps.reply.get_task(10001)
        assert (after.start_at, after.due_to) == (before.start_at, before.due_to)
        assert after.template.body == "Following up"
        [dm] = bot.fake.calls_to("chat.postMessage")
        assert dm.ok


async def test_a_finished_task_cannot_be_edited_and_its_card_catches_up() -> None:
    async with form_bot() as bot:
        card = await card_for(bot)
        await bot.deps.reply.complete_task(10001)  # done in Reply; the card still says New
        view_id, clicked = await open_edit(bot, card)
        view = bot.view(view_id)
        assert section_texts(view) == ["This task is done, and Reply only lets you edit new tasks."]
        assert view["submit"] is None
        [shown] = bot.shown(clicked)
        assert blocks_of(shown, "context")[0]["elements"][0]["text"] == (
            "This task was already done, so nothing changed."
        )
        assert button_ids(shown) == [ids.SHARE]


async def test_a_task_done_while_its_form_was_open_is_not_saved_and_the_form_says_why() -> None:
    async with form_bot() as bot:
        card = await card_for(bot)
        view_id, clicked = await open_edit(bot, card)
        await bot.deps.reply.complete_task(10001)
        ack = await bot.submit(view_id, {ids.BODY_INPUT: "Changed my mind"})
        assert ack["response_action"] == "update"
        assert section_texts(ack["view"]) == [
            "This task is done, and Reply only lets you edit new tasks."
        ]
        await bot.settle()
        [shown] = bot.shown(clicked)
        assert "✅ Done" in " ".join(texts(shown))
        assert (await bot.deps.reply.get_task(10001)).status is TaskStatus.FINISHED


async def test_an_edit_can_change_the_type_and_mistakes_are_still_shown_on_their_field() -> None:
    async with form_bot() as bot:
        card = await card_for(bot)
        view_id, clicked = await open_edit(bot, card)
        await bot.choose(view_id, ids.TYPE_SELECT, "Call")
        assert ids.SUBJECT_BLOCK not in bot.inputs(view_id)
        ack = await bot.submit(view_id, {ids.DUE_INPUT: "yesterday"})
        assert list(ack["errors"]) == [ids.DUE_BLOCK]
        assert await bot.submit(view_id, {ids.DUE_INPUT: "Mon 9am"}) == {}
        await bot.settle()
        [updated] = bot.shown(clicked)
        assert blocks_of(updated, "header")[0]["text"]["text"] == "📞 Call — Jane Cooper"


async def test_a_task_reply_no_longer_has_is_said_in_the_form() -> None:
    async with form_bot() as bot:
        card = await card_for(bot)
        bot.sandbox.faults.push(Fault.status(404, method="GET", path="/v3/tasks/{id}"))
        view_id, _ = await open_edit(bot, card)
        [said] = section_texts(bot.view(view_id))
        assert said.startswith(
            "The Reply sandbox couldn't find what taskbot needed to get the task"
        )


# --------------------------------------------------------------------------------------
# An edit Reply turns down after the form closed: nothing the rep changed is lost


STALE = ("Old Contact · Gone Inc", "id:99999")  # picked from a search, deleted since


async def test_an_edit_refused_after_the_form_closed_reopens_as_that_edit() -> None:
    async with form_bot(submit_budget=0.2) as bot:
        card = await card_for(bot)
        view_id, _ = await open_edit(bot, card)
        bot.hold_next("PUT", "/v3/tasks/{id}")  # Reply answers only after the form closed
        changes = {
            ids.CONTACT_SELECT: STALE,
            ids.BODY_INPUT: "New words",
            ids.DUE_INPUT: "Fri 10am",
        }
        assert await bot.submit(view_id, changes) == {}
        bot.release()
        await bot.settle()
        [*_, post] = bot.fake.calls_to("response_url")
        error = post.params
        assert error["replace_original"] is False  # the task's card stays as it was
        said = texts(error)[0]
        assert said.startswith(
            "⚠️ Your changes to task #10001 weren't saved, but nothing you changed is lost"
        )
        assert said.endswith("The Reply sandbox refused to save your changes:")
        assert button_ids(error) == [ids.OPEN_FORM]
        # Open in form: the edit form again, with every change and the problem on its field.
        clicked = await bot.click(error, ids.OPEN_FORM)
        reopened = await bot.views_opened(2)
        view = bot.view(reopened)
        assert (view["title"]["text"], view["submit"]["text"]) == (
            "Edit Reply task",
            "Save changes",
        )
        form, meta = bot.form(reopened)
        assert (form.body, form.due_text) == ("New words", "Fri 10am")
        assert form.contact is not None
        assert form.contact.option_value == "id:99999"
        assert meta.origin is Origin.CARD_EDIT
        assert meta.editing is not None
        assert meta.editing.task_id == 10001
        assert "Contact with ID 99999 not found." in bot.notices(reopened)["form.contact.notice"]
        # Saving it now changes the same task (PUT, never a new one) and answers the click.
        jane = ("Jane Cooper · Acme · jane@acme.com", "id:30101")
        assert await bot.submit(reopened, {ids.CONTACT_SELECT: jane}) == {}
        await bot.settle()
        assert bot.reply_calls().count("POST /v3/tasks") == 1  # only the command's own
        task = await bot.deps.reply.get_task(10001)
        assert (task.template.body, task.due_to) == (
            "New words",
            datetime(2026, 11, 27, 9, 0, tzinfo=UTC),
        )
        [updated] = bot.shown(clicked)
        assert blocks_of(updated, "context")[0]["elements"][0]["text"] == "Saved your changes."


async def test_an_edit_that_failed_after_the_form_closed_keeps_the_tasks_own_times() -> None:
    async with form_bot(submit_budget=0.2) as bot:
        card = await card_for(bot)
        view_id, _ = await open_edit(bot, card)
        before = await bot.deps.reply.get_task(10001)
        bot.hold_next("PUT", "/v3/tasks/{id}")
        assert await bot.submit(view_id, {ids.CONTACT_SELECT: STALE}) == {}
        bot.release()
        await bot.settle()
        [*_, post] = bot.fake.calls_to("response_url")
        bot.clock.advance(2 * 86400)  # the task is overdue by the time the rep comes back
        await bot.click(post.params, ids.OPEN_FORM)
        reopened = await bot.views_opened(2)
        jane = ("Jane Cooper · Acme · jane@acme.com", "id:30101")
        assert await bot.submit(reopened, {ids.CONTACT_SELECT: jane}) == {}
        await bot.settle()
        after = await bot.deps.reply.get_task(10001)
        assert (after.start_at, after.due_to) == (before.start_at, before.due_to)
