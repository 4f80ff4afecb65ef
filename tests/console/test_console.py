# ruff: noqa: RUF001 - typographic quotes are what the console says
"""The console: a script in, an exact transcript out (ANSI off, a fixed clock, a Berlin zone),
through the same AsyncApp, the shipped Slack stand-in and the sandbox."""

from __future__ import annotations

import builtins
import io
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any, cast
from zoneinfo import ZoneInfo

import pytest
from slack_bolt.async_app import AsyncApp
from slack_bolt.authorization import AuthorizeResult

from bot.console.main import ScriptLines, TerminalLines, console_user, run_console
from bot.console.printer import Printer
from bot.console.session import ConsoleSession
from bot.console.slack_standin import Call, SlackStandIn
from bot.reply.sandbox import Sandbox
from bot.settings import Settings
from tests.scenarios.harness import NOW
from tests.support.fake_slack import FakeClock
from tests.support.servers import serve_asgi

BERLIN = {"TASKBOT_CONSOLE_TIMEZONE": "Europe/Berlin"}
BERLIN_ZONE = ZoneInfo("Europe/Berlin")

SCRIPT = """\
/task call jane@acme.com tomorrow 3pm Ask about {{company}} pricing
cancel
no
task mtg "Jane" next Tue 10am Quarterly review
pick 2
help

/task email bob@globex.com tomorrow
form




Trial check-in
Hi {{firstName}}, any news?
bogus
/remind me
quit
/task never runs
"""

CARD_CONTEXT = "via Slack · 🧪 Reply sandbox: a practice task, not in your Reply account"

TRANSCRIPT = f"""\
taskbot console on the Reply sandbox (no REPLY_API_KEY): practice tasks, not your Reply account.
Contacts to try: jane@acme.com · bob@globex.com · mike@oscorp.com · "Jane" (2 match) · \
#30106 (Priya Raman, LinkedIn only)
Times are read in Europe/Berlin. Type help for how this works, quit to leave.

taskbot> /task call jane@acme.com tomorrow 3pm Ask about {{{{company}}}} pricing
⏳ Creating a call task for jane@acme.com…

📞 Call — Jane Cooper
Start: Today at 8:37 PM
Due: Tomorrow at 3:00 PM
Status: 🔵 New
Phone: +14155550132
Ask about Acme pricing
Task #10001 · {CARD_CONTEXT}
[done] [edit] [cancel] [share]

taskbot> cancel
Cancel this task?
Reply will cancel the Call task for Jane Cooper. You can't undo this from Slack.
Type yes to cancel task, anything else to keep it.

taskbot> no
Keep it: nothing was done.

taskbot> task mtg "Jane" next Tue 10am Quarterly review
⏳ Creating a meeting task for Jane…

2 Reply contacts match “Jane”. Which one did you mean?
Jane Cooper · VP of Sales, Acme · jane@acme.com · #30101  [1]
Jane Park · Director of Engineering, Hooli · jane.park@hooli.com · #30105  [2]
[form]

taskbot> pick 2
⏳ Creating a meeting task for Jane…

🤝 Meeting — Jane Park
Start: Today at 8:37 PM
Due: Dec 1, 2026 at 10:00 AM
Status: 🔵 New
Email: jane.park@hooli.com
Quarterly review
Task #10002 · {CARD_CONTEXT}
[done] [edit] [cancel] [share]

taskbot> help
Type a command as you would in Slack, e.g. /task call jane@acme.com tomorrow 3pm Ask about \
pricing (the slash is optional; /task help lists everything it understands).
Press a button by typing the word shown in [brackets]: done, cancel, retry, pick 2, …
/task alone (or shortcut) opens the form; form and edit on a card open it too. In the form \
each line answers the field asked: Enter keeps the value in [brackets], - empties it, a \
number or a name picks an option, text in Contact searches Reply (then pick a number), \\n in \
a text starts a new line, :back goes back a field, :save saves now, :close closes the form \
without saving.
quit (or Ctrl-D) leaves.

taskbot>
taskbot> /task email bob@globex.com tomorrow
⚠️ taskbot needs a little more before it can create this task:
• Say what the task is about: write it after the date, e.g. `/task email #12345 EOD Fri Hi \
{{{{firstName}}}}, how is the trial going?`.
[form]

taskbot> form
[form] New Reply task
🧪 Reply sandbox: tasks made here are practice tasks, not in your Reply account.
Enter keeps [the value]; - empties a field; :back goes back; :save saves now; :close closes \
the form.
1 📝 To-do   2 📞 Call   3 🤝 Meeting   4 💼 LinkedIn   5 ✉️ Email   6 💬 SMS   7 🟢 WhatsApp
Type [✉️ Email]>
Search by name, email or company (type 2 letters or more). Someone new? Type their email and \
pick “Use …”.
✅ Found in Reply: Bob Martinez · Globex · bob@globex.com
Contact [bob@globex.com]>
When the task opens in Reply, in your time zone (Europe/Berlin). For example ‘now’, \
‘tomorrow 9am’, ‘Mon 8:30am’. Left empty, it starts now.
Start [now]>
Read in your time zone (Europe/Berlin). For example ‘tomorrow 3pm’, ‘EOD Fri’, \
‘in 2 business days’, ‘Dec 3 at 10am’. A date alone means 17:00.
Due [tomorrow]>
Variables work here too, e.g. {{{{firstName}}}}. Up to 200 characters.
Subject [—]> Trial check-in
Reply fills in variables from the contact: {{{{firstName}}}} {{{{lastName}}}} {{{{company}}}} \
{{{{title}}}} {{{{email}}}} {{{{phone}}}} {{{{city}}}} {{{{country}}}}. Up to 3,000 characters.
⚠️ Describe the task: what should happen, e.g. ‘Ask about {{{{company}}}} pricing’.
Email text [—]> Hi {{{{firstName}}}}, any news?
(the form closed)

✉️ Email — Bob Martinez
Start: Today at 8:37 PM
Due: Tomorrow at 5:00 PM
Status: 🔵 New
Email: bob@globex.com
Subject: Trial check-in
Hi Bob, any news?
Task #10003 · {CARD_CONTEXT}
[done] [edit] [cancel] [share]

taskbot> bogus
‘bogus’ isn't something the console knows. Type /task … or a button: done, edit, cancel, \
share (help explains).

taskbot> /remind me
/remind isn't a taskbot command; the only one is /task (try /task help).

taskbot> quit
"""


async def run_script(script: str, environment: dict[str, str] | None = None) -> tuple[int, str]:
    clock = FakeClock(NOW)
    out = io.StringIO()
    settings = Settings.model_validate({**BERLIN, **(environment or {})})
    async with Sandbox.create(clock=clock) as sandbox:
        code = await run_console(
            settings, lines=ScriptLines(script), out=out, clock=clock, sandbox=sandbox
        )
    return code, out.getvalue()


async def test_a_script_gives_this_exact_transcript() -> None:
    code, output = await run_script(SCRIPT)
    assert output == TRANSCRIPT
    assert code == 0


async def test_a_confirmed_cancel_cancels_and_the_card_loses_its_buttons() -> None:
    code, output = await run_script(
        "/task call jane@acme.com tomorrow 3pm hi\ncancel\nno\ncancel\nyes\ncancel\n"
    )
    assert code == 0
    assert output.endswith(
        "taskbot> no\nKeep it: nothing was done.\n\n"
        "taskbot> cancel\nCancel this task?\n"
        "Reply will cancel the Call task for Jane Cooper. You can't undo this from Slack.\n"
        "Type yes to cancel task, anything else to keep it.\n\n"
        "taskbot> yes\n"
        "📞 Call — Jane Cooper\n"
        "Cancelled in Reply.\n"
        "Start: Today at 8:37 PM\n"
        "Due: Tomorrow at 3:00 PM\n"
        "Status: 🚫 Cancelled\n"
        "Phone: +14155550132\n"
        "hi\n"
        f"Task #10001 · {CARD_CONTEXT}\n"
        "[share]\n\n"
        # The card was replaced: its cancel button is gone with it.
        "taskbot> cancel\n‘cancel’ was a button on a message taskbot has changed since, so "
        "it's gone (as in Slack). Buttons you can press now: share.\n\n"
    )


async def test_a_replaced_message_loses_its_buttons() -> None:
    _, output = await run_script('task call "Jane" tomorrow 3pm hi\npick 1\npick 2\n')
    assert output.endswith(
        "taskbot> pick 2\n‘pick 2’ was a button on a message taskbot has changed since, so "
        "it's gone (as in Slack). Buttons you can press now: done, edit, cancel, share.\n\n"
    )


async def test_on_a_real_reply_the_console_says_tasks_are_real() -> None:
    clock = FakeClock(NOW)
    reply = Sandbox.create(clock=clock)
    async with reply, serve_asgi(reply.app, lifespan="off") as url:
        settings = Settings.model_validate(
            {**BERLIN, "REPLY_API_KEY": "k-real", "REPLY_API_BASE_URL": url}
        )
        out = io.StringIO()
        script = ScriptLines("/task todo tomorrow Prepare the forecast\n")
        assert await run_console(settings, lines=script, out=out, clock=clock) == 0
    shown = out.getvalue()
    assert shown.startswith(
        f"taskbot console on Reply ({url}): tasks you create are real.\n"
        "Times are read in Europe/Berlin."
    )
    assert "📝 To-do\n" in shown
    assert "Reply sandbox" not in shown.split("taskbot>", 1)[1]


def test_ansi_styles_the_card_when_asked() -> None:
    out = io.StringIO()
    printer = Printer(out, ansi=True, tz=BERLIN_ZONE, clock=lambda: NOW)
    printer.message(
        {"text": "t", "blocks": [{"type": "header", "text": {"type": "plain_text", "text": "Hi"}}]}
    )
    assert out.getvalue() == "\x1b[1mHi\x1b[0m\n\n"


def test_what_slack_would_refuse_is_shown_and_counted() -> None:
    out = io.StringIO()
    printer = Printer(out, ansi=False, tz=BERLIN_ZONE, clock=lambda: NOW)
    refused = Call(
        "response_url",
        {"text": "x", "blocks": "[]"},
        {},
        {"ok": False, "error": "invalid_blocks", "errors": ["no more than 50 items allowed"]},
        status=400,
    )
    assert printer.call(refused) is None
    assert out.getvalue() == (
        "⚠️ Slack would refuse taskbot's response_url (invalid_blocks):\n"
        "   no more than 50 items allowed\n\n"
    )
    assert printer.refusals == 1


def test_the_console_user_has_the_zone_and_offset_slack_would_report() -> None:
    user = console_user("Asia/Kolkata", "en-IN", lambda: NOW)
    assert (user.tz, user.tz_offset, user.locale) == ("Asia/Kolkata", 19800, "en-IN")
    assert user.tz_label == "IST"


async def test_terminal_lines_prompt_one_line_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    typed: Iterator[str] = iter(["/task help", "quit"])
    prompts: list[str] = []

    def fake_input(prompt: str) -> str:
        prompts.append(prompt)
        try:
            return next(typed)
        except StopIteration:
            raise EOFError from None

    monkeypatch.setattr(builtins, "input", fake_input)
    lines = TerminalLines()
    assert [await lines.next(), await lines.next("Due [EOD]> "), await lines.next()] == [
        "/task help",
        "quit",
        None,
    ]
    # The prompt is the console's, or the form field being asked; it stays until changed.
    assert prompts == ["taskbot> ", "Due [EOD]> ", "Due [EOD]> "]


async def test_done_twice_says_the_button_is_gone_not_that_done_is_unknown() -> None:
    code, output = await run_script("/task todo tomorrow Send the deck\ndone\ndone\nbogus\n")
    assert code == 0
    assert output.endswith(
        "taskbot> done\n‘done’ was a button on a message taskbot has changed since, so it's "
        "gone (as in Slack). Buttons you can press now: share.\n\n"
        "taskbot> bogus\n‘bogus’ isn't something the console knows. Type /task … or a button: "
        "share (help explains).\n\n"
    )


async def test_an_open_variable_stops_the_command_instead_of_vanishing_from_the_task() -> None:
    code, output = await run_script("/task email jane@acme.com tomorrow Hi {{firstName\n")
    assert code == 0
    assert output.endswith(
        "⚠️ taskbot needs a little more before it can create this task:\n"
        '• "{{firstName" has no closing }}, so Reply can\'t fill it in. Write a variable as '
        "{{firstName}}, or take out the {{ if you meant the braces as text.\n[form]\n\n"
    )


async def test_an_ack_slack_would_refuse_is_reported_like_slack_would() -> None:
    # The console checks every ack by the stand-in's rules (the same `ack_problems` the
    # scenario harness applies), not only a command's blocks.
    async def authorize(**_: Any) -> AuthorizeResult:  # no auth.test: nothing to ask
        return AuthorizeResult(enterprise_id=None, team_id="T0TASKBOT", bot_token="xoxb-c")

    app = AsyncApp(
        signing_secret="",
        request_verification_enabled=False,
        authorize=authorize,
        process_before_response=True,  # as the console runs taskbot's app
    )

    @app.command("/task")
    async def answer_wrongly(ack: Any) -> None:
        await ack(text="Creating…", response_type="shout")

    async def drain() -> None:
        return None

    out = io.StringIO()
    printer = Printer(out, ansi=False, tz=BERLIN_ZONE, clock=lambda: NOW)
    user = console_user("Europe/Berlin", "de-DE", lambda: NOW)
    standin = SlackStandIn(users=[user], clock=lambda: NOW)
    async with standin.running():
        session = ConsoleSession(
            app=app,
            deps=cast(Any, SimpleNamespace(background=SimpleNamespace(drain=drain))),
            standin=standin,
            user=user,
            printer=printer,
        )
        await session.command("todo tomorrow x")
    assert out.getvalue().startswith(
        "⚠️ Slack would refuse this answer:\n   invalid response_type 'shout'"
    )
    assert printer.refusals == 1
