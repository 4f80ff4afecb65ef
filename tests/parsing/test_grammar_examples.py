"""The example files and the help card, through the grammar.

* Every row of `tests/data/dates/commands.jsonl` (CONVENTIONS.md, rule 20): the date and
  `date_text` the row expects, and the body — the row's `rest_text`, less the type word and
  contact when the command starts with them.
* Every command the help card (bot/messages/usage.py) shows a rep is read without a problem,
  every type and action word it lists is one, every contact form is one, and every date
  phrase it lists is read whole.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from bot.domain import ContactQuery, LinkedInAction, TaskType
from bot.messages import grammar as grammar_words
from bot.messages import usage
from bot.parsing import parse_command
from bot.parsing.dates import DateRefusal, ReadDate
from tests.parsing.dates_support import ctx
from tests.parsing.grammar_support import parse

DATA = Path(__file__).parent.parent / "data" / "dates"


def _rows() -> list[dict[str, Any]]:
    with (DATA / "commands.jsonl").open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


# Rows whose text starts with a type word (or a date and then one): (type, body). The body is
# the row's rest_text without the type word and the contact; a name right after the type is
# a guess and stays.
TYPED_ROWS: dict[str, tuple[TaskType, str]] = {
    "x005": (TaskType.CALL, "Tom at 555-0134"),
    "x026": (TaskType.CALL, "Bob re renewal"),
    "x031": (TaskType.CALL, "about the PO"),
    "x034": (TaskType.CALL, "Gringotts"),
    "x038": (TaskType.CALL, "the 2pm no-show from Bluth Co"),
    "x042": (TaskType.CALL, "back +1 212 555 0199"),
    "x045": (TaskType.MANUAL_EMAIL, "Pam"),
    "x050": (TaskType.CALL, "Sam"),
    "x052": (TaskType.CALL, "Ask about pricing."),
    "x054": (TaskType.CALL, "bob"),
    "x057": (TaskType.CALL, "Morgan re 3 year deal"),
    "x065": (TaskType.CALL, "Raj"),
    "x070": (TaskType.MANUAL_EMAIL, "5 references to Virtucon"),
    "x071": (TaskType.CALL, ""),
    "x080": (TaskType.CALL, "Priya re onboarding"),
}


@pytest.mark.parametrize("row", _rows(), ids=lambda row: row["id"])
def test_commands_jsonl_row(row: dict[str, Any]) -> None:
    parsed = parse_command(row["text"], ctx(row["now"], row["tz"], row["locale"]))
    draft = parsed.draft
    assert draft.date_text == row["date_text"]
    if row["expect"] is None:
        assert not isinstance(parsed.due, ReadDate)
        if row["date_text"] is not None:  # read, but refused: a problem on the due time
            assert isinstance(parsed.due, DateRefusal)
            assert "due_to" in [problem.field for problem in draft.problems]
    else:
        assert draft.due_to is not None
        assert draft.due_to.replace(tzinfo=None).isoformat(timespec="seconds") == row["expect"]
    task_type, body = TYPED_ROWS.get(row["id"], (TaskType.TODO, row["rest_text"]))
    assert draft.task_type is task_type
    assert draft.body == body


def test_every_typed_row_is_a_row() -> None:
    assert set(TYPED_ROWS) <= {row["id"] for row in _rows()}


def _help_commands() -> list[str]:
    """Every `/task …` a rep can copy from the help card and its plain-text fallback."""
    texts = [usage.INTRO, usage.FALLBACK, *(line for s in usage.SECTIONS for line in s.lines)]
    found = [
        command
        for text in texts
        for command in re.findall(r"`(/task[^`]*)`", text)
        if "[" not in command  # the `/task [type] [contact] …` template
    ]
    found += re.findall(r"e\.g\. (/task .+?)\. ", usage.FALLBACK)
    commands = [command.removeprefix("/task").strip() for command in found]
    return [command for command in commands if command]  # `/task` alone: the form


def _section(title: str) -> list[str]:
    section = next(s for s in usage.SECTIONS if s.title == title)
    return [word for line in section.lines for word in re.findall(r"`([^`]+)`", line)]


HELP_EXAMPLES: dict[str, tuple[TaskType, LinkedInAction | None, ContactQuery, str]] = {
    "call jane@acme.com tomorrow 3pm Ask about {{company}} pricing": (
        TaskType.CALL, None, ContactQuery("email", "jane@acme.com"), "2026-11-26T15:00",
    ),
    "email #12345 EOD Fri Hi {{firstName}}, how is the trial going?": (
        TaskType.MANUAL_EMAIL, None, ContactQuery("id", "12345"), "2026-11-27T17:00",
    ),
    "li inmail https://linkedin.com/in/janedoe in 2 business days Intro to our API": (
        TaskType.LINKEDIN, LinkedInAction.INMAIL,
        ContactQuery("linkedin", "https://linkedin.com/in/janedoe"), "2026-11-27T17:00",
    ),
    'mtg "Jane Doe" next Tue 10am Quarterly review': (
        TaskType.MEETING, None, ContactQuery("name", "Jane Doe"), "2026-12-01T10:00",
    ),
}  # fmt: skip


def test_the_help_card_has_examples() -> None:
    commands = _help_commands()
    assert len(commands) >= 6
    assert set(HELP_EXAMPLES) <= set(commands)


@pytest.mark.parametrize("command", _help_commands())
def test_every_help_card_command_reads_without_a_problem(command: str) -> None:
    parsed = parse(command)
    assert parsed.is_complete, parsed.draft.problems
    assert parsed.draft.body
    assert parsed.contact_origin in (None, "typed")
    expected = HELP_EXAMPLES.get(command)
    if expected is not None:
        task_type, action, contact, due = expected
        draft = parsed.draft
        assert (draft.task_type, draft.linkedin_action, draft.contact) == (
            task_type,
            action,
            contact,
        )
        assert draft.due_to is not None
        assert draft.due_to.replace(tzinfo=None).isoformat(timespec="minutes") == due


def test_the_todo_example() -> None:
    draft = parse("todo by EOW Prepare the Q4 forecast").draft
    assert (draft.task_type, draft.contact, draft.body) == (
        TaskType.TODO, None, "Prepare the Q4 forecast",
    )  # fmt: skip


@pytest.mark.parametrize("word", _section("Types"))
def test_every_type_and_action_word_on_the_help_card(word: str) -> None:
    parsed = parse(f"{word} #12345 tomorrow Hello")
    first = parsed.recognised[0]
    if (first.role, first.text) == ("type", word):
        assert parsed.draft.task_type is not None
    else:  # an action word
        parsed = parse(f"li {word} #12345 tomorrow Hello")
        assert parsed.draft.linkedin_action is not None, word
    assert parsed.draft.body == "Hello"


@pytest.mark.parametrize(
    "form", [form for form in _section("Contacts") if not form.startswith("{")]
)
def test_every_contact_form_on_the_help_card(form: str) -> None:
    parsed = parse(f"call {form} tomorrow Hello")
    assert parsed.draft.contact is not None
    assert parsed.contact_origin == "typed"
    assert parsed.draft.body == "Hello"


@pytest.mark.parametrize("phrase", _section("When"))
def test_every_date_phrase_on_the_help_card_is_read_whole(phrase: str) -> None:
    parsed = parse(f"todo {phrase} Prepare the deck")
    assert parsed.is_complete, parsed.draft.problems
    assert parsed.draft.body == "Prepare the deck"
    assert parsed.draft.date_text is not None
    assert parsed.draft.date_text.replace(" … ", " ") == phrase


@pytest.mark.parametrize("variable", [v for v in _section("What to do") if v.startswith("{{")])
def test_every_variable_on_the_help_card_stays_verbatim(variable: str) -> None:
    assert parse(f"email #1 tomorrow Hi {variable}!").draft.body == f"Hi {variable}!"


def test_the_help_card_subject_line() -> None:
    (subject,) = [v for v in _section("What to do") if v.startswith("subject:")]
    draft = parse(f"email #1 {subject.replace('…', 'Pricing | Hi')}").draft
    assert (draft.subject, draft.body) == ("Pricing", "Hi")


def test_task_alone_opens_the_form() -> None:
    (alone,) = [v for v in _section("Prefer a form?") if v.startswith("/task")]
    typed = alone.removeprefix("/task")
    assert not typed.strip()  # what the /task listener checks before it opens the form
    assert parse(typed).is_help


@pytest.mark.parametrize("task_type", list(TaskType), ids=lambda t: t.name)
def test_the_example_in_every_problem_message_is_a_clean_command(task_type: TaskType) -> None:
    parsed = parse(grammar_words.EXAMPLE[task_type].removeprefix("/task "))
    assert parsed.draft.task_type is task_type
    assert parsed.is_complete, parsed.draft.problems
