# ruff: noqa: RUF001 - typographic quotes are what the console says
"""The console driving the task form: a script in, an exact transcript out. The form is the
modal the app opened in the shipped Slack stand-in; each answer is what a person would do in
Slack (pick, search, type), sent through the same AsyncApp as real `block_actions`,
`block_suggestion` and `view_submission` payloads; errors in the submission's ack ask those
fields again. Then the card's buttons, a call's outcome included."""

from __future__ import annotations

from tests.console.test_console import run_script

FORM_SCRIPT = """\
/task
li
3
jan
jane p
1

yesterday 5pm
About your talk
Hi {{firstName}},\\nloved your talk at {{company}}.
Fri 3pm
done
/task call jane@acme.com tomorrow 3pm Ask about {{company}} pricing
done
positive
"""

FORM_TRANSCRIPT = """\
taskbot> /task
[form] New Reply task
🧪 Reply sandbox: tasks made here are practice tasks, not in your Reply account.
Enter keeps [the value]; - empties a field; :back goes back; :save saves now; :close closes \
the form.
1 📝 To-do   2 📞 Call   3 🤝 Meeting   4 💼 LinkedIn   5 ✉️ Email   6 💬 SMS   7 🟢 WhatsApp
Type [—]> li
1 💬 Send a message   2 🤝 Send a connection request   3 📨 Send an InMail   4 👀 View their \
profile
LinkedIn action [—]> 3
Search by name, email or company (type 2 letters or more). Someone new? Type their email \
and pick “Use …”.
Contact [—]> jan
  1 Jane Cooper · Acme · jane@acme.com
  2 Jane Park · Hooli · jane.park@hooli.com
Pick 1-2, or search again> jane p
  1 Jane Cooper · Acme · jane@acme.com
  2 Jane Park · Hooli · jane.park@hooli.com
Pick 1-2, or search again> 1
When the task opens in Reply, in your time zone (Europe/Berlin). For example ‘now’, \
‘tomorrow 9am’, ‘Mon 8:30am’. Left empty, it starts now.
Start [now]>
Read in your time zone (Europe/Berlin). For example ‘tomorrow 3pm’, ‘EOD Fri’, ‘in 2 \
business days’, ‘Dec 3 at 10am’. A date alone means 17:00.
Due [EOD tomorrow]> yesterday 5pm
Variables work here too, e.g. {{firstName}}. Up to 200 characters.
InMail subject [—]> About your talk
Reply fills in variables from the contact: {{firstName}} {{lastName}} {{company}} {{title}} \
{{email}} {{phone}} {{city}} {{country}}. Up to 3,000 characters.
Message or notes [—]> Hi {{firstName}},\\nloved your talk at {{company}}.
⚠️ Due: ‘yesterday 5pm’ is in the past (Tue 24 Nov 2026 17:00 CET). Dates need to be ahead: \
try ‘tomorrow 10am’, ‘Fri 3pm’ or ‘Dec 3’.
Due [yesterday 5pm]> Fri 3pm
(the form closed)

💼 LinkedIn · InMail — Jane Cooper
Start: Today at 8:37 PM
Due: Nov 27, 2026 at 3:00 PM
Status: 🔵 New
LinkedIn: linkedin.com/in/jane-cooper-acme (https://www.linkedin.com/in/jane-cooper-acme)
Subject: About your talk
Hi Jane,
loved your talk at Acme.
Task #10001 · via Slack · 🧪 Reply sandbox: a practice task, not in your Reply account
[done] [edit] [cancel] [share]

taskbot> done
💼 LinkedIn · InMail — Jane Cooper
Marked done.
Start: Today at 8:37 PM
Due: Nov 27, 2026 at 3:00 PM
Status: ✅ Done
LinkedIn: linkedin.com/in/jane-cooper-acme (https://www.linkedin.com/in/jane-cooper-acme)
Finished: Today at 8:37 PM
Subject: About your talk
Hi Jane,
loved your talk at Acme.
Task #10001 · via Slack · 🧪 Reply sandbox: a practice task, not in your Reply account
[share]

taskbot> /task call jane@acme.com tomorrow 3pm Ask about {{company}} pricing
⏳ Creating a call task for jane@acme.com…

📞 Call — Jane Cooper
Start: Today at 8:37 PM
Due: Tomorrow at 3:00 PM
Status: 🔵 New
Phone: +14155550132
Ask about Acme pricing
Task #10002 · via Slack · 🧪 Reply sandbox: a practice task, not in your Reply account
[done] [edit] [cancel] [share]

taskbot> done
📞 Call — Jane Cooper
Start: Today at 8:37 PM
Due: Tomorrow at 3:00 PM
Status: 🔵 New
Phone: +14155550132
Ask about Acme pricing
Task #10002 · via Slack · 🧪 Reply sandbox: a practice task, not in your Reply account
How did the call with Jane Cooper go?
[positive] [again] [negative] [back]

taskbot> positive
📞 Call — Jane Cooper
Marked done (👍 Positive).
Start: Today at 8:37 PM
Due: Tomorrow at 3:00 PM
Status: ✅ Done
Phone: +14155550132
Finished: Today at 8:37 PM
Ask about Acme pricing
Task #10002 · via Slack · 🧪 Reply sandbox: a practice task, not in your Reply account
[share]

"""


async def test_the_console_fills_the_form_field_by_field_and_presses_card_buttons() -> None:
    code, output = await run_script(FORM_SCRIPT)
    assert code == 0
    assert output[output.index("taskbot> ") :] == FORM_TRANSCRIPT


async def test_a_typo_in_a_choice_is_answered_with_what_it_probably_meant() -> None:
    code, output = await run_script("shortcut\nli\nconect\n2\n:close\nquit\n")
    assert code == 0
    assert (
        "‘conect’ is none of these. Did you mean 🤝 Send a connection request (2)? "
        "Type a number from 1 to 4 or a name.\n"
    ) in output
    assert "LinkedIn action [—]> 2\n" in output


async def test_back_empty_close_and_choices_by_name_or_number() -> None:
    code, output = await run_script("shortcut\nzebra\ntodo\n:back\n2\n-\n:close\nquit\n")
    assert code == 0
    assert "‘zebra’ is none of these. Type a number from 1 to 7 or a name.\n" in output
    assert "Type [📝 To-do]> 2\n" in output  # :back shows what was chosen
    assert "Contact [—]> -\nContact can't be left empty.\n" in output  # a call needs one
    assert output.endswith(
        "Contact [—]> :close\n(form closed; nothing was saved)\n\ntaskbot> quit\n"
    )


async def test_a_text_longer_than_the_field_takes_is_refused_as_slack_would() -> None:
    _, output = await run_script("/task\nemail\n\n\n\n" + "x" * 201 + "\n:close\n")
    assert "Subject takes at most 200 characters.\n" in output


async def test_the_global_shortcuts_card_arrives_in_the_dm_and_edit_replaces_it() -> None:
    code, output = await run_script(
        "shortcut\ntodo\n\n\n\nPrepare the forecast\nedit\n\n\n\nMon 9am\n:save\nedit\n"
    )
    assert code == 0
    assert "taskbot> edit\n[form] Edit Reply task\n" in output
    assert "✏️ Editing task #10001 as Reply has it now. Saving replaces what is there.\n" in output
    assert "Due [Thu 26 November 2026 17:00]> Mon 9am\n" in output
    assert "📝 To-do\nSaved your changes.\n" in output
    assert "Due: Nov 30, 2026 at 9:00 AM\n" in output


async def test_share_prints_a_read_only_copy_and_keeps_the_card() -> None:
    code, output = await run_script("/task todo tomorrow Prepare the forecast\nshare\ndone\n")
    assert code == 0
    shared = output.split("taskbot> share\n", 1)[1].split("taskbot> done\n", 1)[0]
    assert "Shared by @you" in shared  # the name Slack would show, not the user id
    assert "[" not in shared  # no buttons on the channel's copy
    assert "Marked done." in output.split("taskbot> done\n", 1)[1]  # the card kept its own


async def test_a_script_that_ends_inside_the_form_ends_cleanly() -> None:
    code, output = await run_script("/task\ncall\n")
    assert code == 0
    assert output.endswith(
        "Type [—]> call\nSearch by name, email or company (type 2 letters "
        "or more). Someone new? Type their email and pick “Use …”.\n"
    )


async def test_a_notice_stays_under_its_field_when_the_type_changes() -> None:
    code, output = await run_script(
        "/task call nobody@nowhere.com tomorrow Ping\nform\nemail\n:close\n"
    )
    assert code == 0
    after_switch = output.split("Type [📞 Call]> email\n", 1)[1]
    assert after_switch.startswith(
        "Search by name, email or company (type 2 letters or more). Someone new? Type their "
        "email and pick “Use …”.\n"
        "⚠️ No Reply contact has the email nobody@nowhere.com. Check it, search by name "
        "instead, or add them in Reply first.\n"
        "Contact [nobody@nowhere.com]> :close\n"
    )


async def test_the_forms_choices_take_the_words_the_help_card_teaches() -> None:
    """`wa`, `mtg`, `connect`: what /task accepts, the form's type and action prompts accept."""
    code, output = await run_script("/task\nwa\n:close\n/task\nli\nconnect\n:close\n/task\nmtg\n")
    assert code == 0
    assert "none of these" not in output
    assert "Type [—]> wa\n" in output
    assert "LinkedIn action [—]> connect\nSearch by name" in output
    assert "Type [—]> mtg\nSearch by name" in output
