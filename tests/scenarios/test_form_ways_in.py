"""Every way into the task form, through signed HTTP and the fake Slack: `/task` alone, the
global shortcut, the message shortcut (also in a thread), and 'Open in form' after a command
that could not finish — each opened at once, and each card delivered where the rep started."""

from __future__ import annotations

from datetime import datetime

from bot import ids
from bot.forms import Origin
from bot.views.values import CommandRef, decode
from tests.scenarios.form_harness import REP, form_bot
from tests.scenarios.harness import OFFSET_REP, blocks_of, button_ids, button_value, texts
from tests.support import slack_payloads as payloads

JANE = ("Jane Cooper · Acme · jane@acme.com", "id:30101")
A_CALL = {
    ids.TYPE_SELECT: "Call",
    ids.CONTACT_SELECT: JANE,
    ids.BODY_INPUT: "Ask about {{company}}",
}


def header(message: dict[str, object]) -> str:
    return str(blocks_of(message, "header")[0]["text"]["text"])


async def test_task_alone_opens_a_blank_form_that_starts_now_in_the_reps_zone() -> None:
    async with form_bot() as bot:
        view_id = await bot.open_with_command()
        view = bot.view(view_id)
        assert (view["callback_id"], view["title"]["text"]) == (ids.TASK_MODAL, "New Reply task")
        assert view["submit"]["text"] == "Create task"
        assert bot.inputs(view_id) == [
            ids.TYPE_BLOCK, ids.CONTACT_BLOCK, ids.START_BLOCK, ids.DUE_BLOCK, ids.BODY_BLOCK,
        ]  # fmt: skip
        form, meta = bot.form(view_id)
        # 20:37 in Berlin: too late for "EOD", so the end of the next business day.
        assert (form.task_type, form.start_text, form.due_text) == (None, "now", "EOD tomorrow")
        assert (meta.origin, meta.user_id, meta.channel_id) == (Origin.COMMAND, REP, "C0SALES")
        assert (meta.tz, meta.locale) == ("Europe/Berlin", "de-DE")
        assert meta.response_url is not None
        assert meta.nonce
        hints = [b.get("hint", {}).get("text", "") for b in view["blocks"] if b["type"] == "input"]
        assert any("(Europe/Berlin)" in hint for hint in hints)
        assert "🧪 Reply sandbox" in bot.notices(view_id)["form.notes"]


async def test_a_saved_blank_form_closes_and_its_card_answers_the_command() -> None:
    async with form_bot() as bot:
        view_id = await bot.open_with_command()
        _, meta = bot.form(view_id)
        assert await bot.submit(view_id, A_CALL) == {}  # no errors: the modal closes
        await bot.settle()
        [post] = bot.fake.calls_to("response_url")
        assert post.response_url == meta.response_url
        assert post.params["replace_original"] is False  # the command showed nothing to replace
        [shown] = bot.fake.messages_at(post.response_url or "")
        assert shown["response_type"] == "ephemeral"
        assert header(post.params) == "📞 Call — Jane Cooper"
        assert "Ask about Acme" in texts(post.params)
        assert button_ids(post.params) == [ids.DONE, ids.EDIT, ids.CANCEL, ids.SHARE]
        assert bot.reply_calls().count("POST /v3/tasks") == 1


async def test_the_global_shortcut_opens_the_form_and_the_card_arrives_in_the_dm() -> None:
    async with form_bot() as bot:
        view_id = await bot.global_shortcut()
        _, meta = bot.form(view_id)
        assert meta.origin is Origin.GLOBAL_SHORTCUT
        assert (meta.channel_id, meta.response_url) == (None, None)
        await bot.submit(view_id, A_CALL)
        await bot.settle()
        [posted] = bot.fake.calls_to("chat.postMessage")
        assert posted.ok, posted.response
        assert posted.response["channel"] == "D0BERLIN"
        assert header(posted.params) == "📞 Call — Jane Cooper"
        assert bot.fake.calls_to("response_url") == []


async def test_the_message_shortcut_in_a_thread_fills_the_body_and_answers_in_the_thread() -> None:
    async with form_bot() as bot:
        parent = bot.fake.add_message("C0SALES", text="Globex deal", user="U0OTHER")
        reply = bot.fake.add_message(
            "C0SALES",
            text="<@U0OFFSET> can you call Bob &amp; ask about <https://globex.example/q4|Q4>?",
            user="U0OTHER",
            thread_ts=parent["ts"],
        )
        view_id, response_url = await bot.message_shortcut(reply)
        form, meta = bot.form(view_id)
        link = bot.fake.calls_to("chat.getPermalink")[0].response["permalink"]
        assert f"thread_ts={parent['ts']}" in link
        assert (
            form.body
            == f"@ravi can you call Bob & ask about Q4 (https://globex.example/q4)?\n\n{link}"
        )
        assert (meta.origin, meta.thread_ts, meta.message_ts) == (
            Origin.MESSAGE_SHORTCUT,
            parent["ts"],
            reply["ts"],
        )
        assert (meta.response_url, meta.permalink) == (response_url, link)
        await bot.submit(view_id, {ids.TYPE_SELECT: "Call", ids.CONTACT_SELECT: JANE})
        await bot.settle()
        [post] = bot.fake.calls_to("response_url")
        assert post.response_url == response_url
        assert post.params["thread_ts"] == parent["ts"]
        assert header(post.params) == "📞 Call — Jane Cooper"


async def test_a_message_shortcut_outside_a_thread_keeps_no_thread() -> None:
    async with form_bot() as bot:
        message = bot.fake.add_message("C0SALES", text="Ping Jane tomorrow", user="U0OTHER")
        view_id, _ = await bot.message_shortcut(message)
        form, meta = bot.form(view_id)
        assert meta.thread_ts is None
        assert form.body.startswith("Ping Jane tomorrow\n\nhttps://taskbot-test.slack.com/")


async def test_open_in_form_after_a_command_missing_its_text_shows_what_is_missing() -> None:
    async with form_bot() as bot:
        sent = await bot.command("email bob@globex.com tomorrow")
        error = sent.ack
        assert decode(button_value(error, ids.OPEN_FORM), CommandRef).command == (
            "email bob@globex.com tomorrow"
        )
        bot.fake.show_original(str(sent.response_url), error)
        clicked = await bot.click(error, ids.OPEN_FORM)
        view_id = await bot.views_opened(1)
        form, meta = bot.form(view_id)
        assert form.task_type is not None
        assert form.task_type.value == "ManualEmail"
        assert form.contact is not None
        assert form.contact.query.value == "bob@globex.com"
        assert form.due_text == "tomorrow"
        assert meta.origin is Origin.OPEN_IN_FORM
        assert meta.response_url == clicked.response_url
        notices = bot.notices(view_id)
        # The form's own words: the command's fix ("write it after the date") is not the form's.
        assert notices[f"{ids.BODY_BLOCK}.notice"].startswith("⚠️ Describe the task:")
        # Then Reply is asked who bob@globex.com is, and the form says so under the field.
        await bot.fake.wait_for("views.update")
        await bot.settle()
        notices = bot.notices(view_id)
        assert notices[f"{ids.CONTACT_BLOCK}.notice"] == (
            "✅ Found in Reply: Bob Martinez · Globex · bob@globex.com"
        )
        assert f"{ids.BODY_BLOCK}.notice" in notices  # still there
        # Saved: the card replaces the message that offered the form.
        await bot.submit(view_id, {ids.BODY_INPUT: "Hi {{firstName}}, any news?"})
        await bot.settle()
        [post] = bot.fake.calls_to("response_url")
        assert post.response_url == clicked.response_url
        assert post.params["replace_original"] is True
        [card] = bot.shown(clicked)
        assert header(card) == "✉️ Email — Bob Martinez"
        assert "Hi Bob, any news?" in texts(card)


async def test_open_in_form_after_no_contact_matched_warns_under_the_contact() -> None:
    async with form_bot() as bot:
        sent = await bot.command("call nobody@nowhere.example tomorrow 3pm hello")
        await bot.settle()
        [message] = bot.shown(sent)
        await bot.click(message, ids.OPEN_FORM)
        view_id = await bot.views_opened(1)
        await bot.fake.wait_for("views.update")
        notice = bot.notices(view_id)[f"{ids.CONTACT_BLOCK}.notice"]
        assert notice == (
            "⚠️ No Reply contact has the email nobody@nowhere.example. Check it, search by "
            "name instead, or add them in Reply first."
        )
        form, _ = bot.form(view_id)
        assert (form.due_text, form.body) == ("tomorrow 3pm", "hello")  # nothing lost


async def test_a_form_slack_would_not_open_is_explained_to_the_rep() -> None:
    async with form_bot() as bot:
        bot.allow("expired_trigger_id")
        bot.fake.fail_next("views.open", "expired_trigger_id")
        sent = await bot.command("")
        [post] = await bot.card_posts()
        assert texts(post)[0].startswith("⚠️ Slack gave taskbot too little time to open the form")
        assert sent.response_url is not None


async def test_a_changed_form_is_never_overwritten_by_a_late_contact_check() -> None:
    async with form_bot() as bot:
        sent = await bot.command("call nobody@nowhere.example tomorrow 3pm hello")
        await bot.settle()
        [message] = bot.shown(sent)
        bot.allow("hash_conflict")
        bot.hold_next("GET", "/v3/contacts")  # the contact check waits…
        await bot.click(message, ids.OPEN_FORM)
        view_id = await bot.views_opened(1)
        await bot.choose(view_id, ids.TYPE_SELECT, "Sms")  # …while the rep changes the type
        bot.release()
        await bot.settle()
        [_, late] = bot.fake.calls_to("views.update")
        assert late.response["error"] == "hash_conflict"
        form, _ = bot.form(view_id)
        assert form.task_type is not None
        assert form.task_type.value == "Sms"


async def test_only_the_rep_who_opened_a_form_can_save_it() -> None:
    async with form_bot() as bot:
        view_id = await bot.open_with_command()
        payload = payloads.view_submission(bot.fake, user_id="U0OFFSET", view_id=view_id)
        ack = (await bot.interact(payload)).json()
        assert ack["response_action"] == "errors"
        assert ack["errors"][ids.TYPE_BLOCK].startswith("This form was opened by someone else")
        assert bot.reply_calls() == []


async def test_a_rep_slack_knows_only_by_offset_saves_on_that_offset() -> None:
    async with form_bot() as bot:
        view_id = await bot.open_with_command(user=OFFSET_REP.id)
        _, meta = bot.form(view_id)
        assert meta.tz == "UTC+05:30"  # users.info gave no zone name, only tz_offset
        hint = " ".join(b.get("hint", {}).get("text", "") for b in bot.view(view_id)["blocks"])
        assert "in your time zone (UTC+05:30)" in hint
        saved = {**A_CALL, ids.DUE_INPUT: "tomorrow 3pm"}
        assert await bot.submit(view_id, saved, user=OFFSET_REP.id) == {}
        await bot.settle()
        task = await bot.deps.reply.get_task(10001)
        # 19:37 UTC is already Thursday 01:07 at +05:30: tomorrow is Friday.
        assert task.due_to == datetime.fromisoformat("2026-11-27T15:00:00+05:30")


async def test_a_global_shortcut_whose_form_slack_would_not_open_says_why_in_the_dm() -> None:
    async with form_bot() as bot:
        bot.allow("expired_trigger_id")
        bot.fake.fail_next("views.open", "expired_trigger_id")
        await bot.interact(payloads.global_shortcut(bot.fake, user_id=REP))
        [posted] = await bot.fake.wait_for("chat.postMessage")
        assert posted.ok, posted.response
        assert posted.response["channel"] == "D0BERLIN"  # a global shortcut has nowhere else
        assert texts(posted.params)[0].startswith(
            "⚠️ Slack gave taskbot too little time to open the form"
        )


async def test_a_message_shortcut_in_a_thread_says_in_the_thread_why_no_form_opened() -> None:
    """The card of a form from a thread goes back to that thread; the sentence saying the form
    did not open went to the channel itself, away from where the rep was."""
    async with form_bot() as bot:
        bot.allow("expired_trigger_id")
        parent = bot.fake.add_message("C0SALES", text="Globex deal", user="U0OTHER")
        reply = bot.fake.add_message(
            "C0SALES", text="call Bob?", user="U0OTHER", thread_ts=parent["ts"]
        )
        bot.fake.fail_next("views.open", "expired_trigger_id")
        shortcut = payloads.message_shortcut(bot.fake, user_id=REP, message=reply)
        await bot.interact(shortcut)
        [post] = await bot.fake.wait_for("response_url")
        assert post.response_url == shortcut["response_url"]
        assert post.params["thread_ts"] == parent["ts"]
        assert texts(post.params)[0].startswith("⚠️ Slack gave taskbot too little time")
