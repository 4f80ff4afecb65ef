# ruff: noqa: RUF001 - typographic quotes are how taskbot quotes what a rep typed
"""What is missing or wrong, on the field at fault, with a message that says how to fix it."""

from __future__ import annotations

import pytest

from bot.domain import ContactQuery, TaskType
from bot.messages import grammar as words
from tests.parsing.grammar_support import fields, parse

NEEDS_CONTACT = [task_type for task_type in TaskType if task_type.needs_contact]


@pytest.mark.parametrize("task_type", NEEDS_CONTACT, ids=lambda t: t.name)
def test_a_missing_contact_names_the_type_and_shows_a_command(task_type: TaskType) -> None:
    keyword = {TaskType.LINKEDIN: "li connect", TaskType.MANUAL_EMAIL: "email"}.get(
        task_type, task_type.name.lower()
    )
    draft = parse(f"{keyword} tomorrow follow up on the trial").draft
    assert draft.task_type is task_type
    assert draft.contact is None
    assert fields(draft.problems) == ["contact"]
    message = draft.problems[0].message
    assert message == words.missing_contact(task_type)
    opening = {
        TaskType.CALL: "A call",
        TaskType.MEETING: "A meeting",
        TaskType.LINKEDIN: "A LinkedIn task",
        TaskType.MANUAL_EMAIL: "An email",
        TaskType.SMS: "An SMS",  # str.capitalize once made it "An sms"
        TaskType.WHATSAPP: "A WhatsApp message",
    }[task_type]
    assert message.startswith(f"{opening} needs a contact")
    assert f"`{words.EXAMPLE[task_type]}`" in message


def test_a_todo_needs_no_contact() -> None:
    assert parse("todo tomorrow follow up on the trial").draft.problems == ()


def test_several_contacts_keep_the_first_and_say_so() -> None:
    draft = parse('mtg "Jane Doe" #12 tomorrow sync').draft
    assert draft.contact == ContactQuery("name", "Jane Doe")
    assert fields(draft.problems) == ["contact"]
    assert draft.problems[0].message == (
        "This command names 2 contacts (“Jane Doe”, #12), but a task is for one. Keep one "
        "(the first is filled in), or send one `/task` per contact."
    )


def test_a_contact_in_the_description_is_offered_for_confirmation() -> None:
    parsed = parse("call about the deal with bob@acme.com tomorrow")
    assert parsed.draft.contact == ContactQuery("email", "bob@acme.com")
    assert parsed.contact_origin == "description"
    assert parsed.draft.body == "about the deal with bob@acme.com"  # still there
    assert fields(parsed.draft.problems) == ["contact"]
    assert "`/task call bob@acme.com …`" in parsed.draft.problems[0].message


def test_a_contact_id_in_the_description_is_not_offered() -> None:
    """ "#4471" in a sentence is an order number far more often than a contact."""
    parsed = parse("call about PO #4471 tomorrow")
    assert parsed.draft.contact is None
    assert parsed.draft.problems[0].message == words.missing_contact(TaskType.CALL)


def test_several_contacts_in_the_description() -> None:
    draft = parse("email loop in jane@acme.com and linkedin.com/in/bob").draft
    assert draft.contact is None
    assert fields(draft.problems) == ["contact"]
    assert "(jane@acme.com, https://linkedin.com/in/bob)" in draft.problems[0].message


def test_a_contact_without_a_type_asks_which_kind() -> None:
    parsed = parse("jane@acme.com tomorrow follow up")
    assert parsed.draft.task_type is None
    assert parsed.draft.contact == ContactQuery("email", "jane@acme.com")
    assert fields(parsed.draft.problems) == ["task_type"]
    assert "`/task call jane@acme.com …`" in parsed.draft.problems[0].message


@pytest.mark.parametrize(
    ("text", "keyword"),
    [
        ("cal jane@acme.com tomorrow hi", "call"),
        ("calll jane@acme.com tomorrow hi", "call"),
        ("emial #5 tomorrow hi", "email"),
        ("emal #5 tomorrow hi", "email"),
        ("meting #5 tomorrow hi", "meeting"),
        ("mtng #5 tomorrow hi", "mtg"),
        ("meet #5 tomorrow hi", "meeting"),  # a contact follows: worth asking
        ("linkdin #5 tomorrow hi", "linkedin"),
        ("whatsap #5 tomorrow hi", "whatsapp"),
        ("txt #5 tomorrow hi", "text"),
        ("tdo tomorrow prep the deck", "todo"),
        ("tood tomorrow prep the deck", "todo"),  # swapped letters
        ("clal #5 tomorrow hi", "call"),
        ("Emial tomorrow the deck", "email"),
    ],
)  # fmt: skip
def test_a_misspelt_type_gets_a_suggestion(text: str, keyword: str) -> None:
    parsed = parse(text)
    word = text.split(maxsplit=1)[0]
    assert parsed.draft.task_type is None
    problem = parsed.draft.problems[0]
    assert problem.field == "task_type"
    assert problem.message.startswith(f"‘{word}’ isn't a task type — did you mean `{keyword}`?")
    assert (parsed.recognised[0].role, parsed.recognised[0].text) == ("type", word)
    assert word not in parsed.draft.body.split()


def test_a_misspelt_type_still_finds_the_contact_and_the_name() -> None:
    parsed = parse("cal Priya tomorrow re onboarding")
    assert "did you mean `call`?" in parsed.draft.problems[0].message
    assert parsed.draft.contact == ContactQuery("name", "Priya")
    assert parsed.draft.body == "Priya re onboarding"


@pytest.mark.parametrize(
    "text",
    [
        "all hands prep tomorrow",
        "ask about pricing tier 3 end of month",
        "recall the deck from legal",
        "test the demo flow",
        "next steps for Globex",
        "Ali tomorrow review",  # one edit from "li", but a name
        "way forward for Q1",  # one edit from "wa"
        "meet Bob at the office",  # no contact follows: an ordinary word
        "texts from Bob",
    ],
)
def test_everyday_first_words_are_not_taken_for_misspelt_types(text: str) -> None:
    parsed = parse(text)
    assert parsed.draft.task_type is TaskType.TODO
    assert parsed.draft.problems == ()


@pytest.mark.parametrize(
    ("text", "word", "alias"),
    [
        ("li conect #5 hi", "conect", "connect"),
        ("li inmial #5 hi", "inmial", "inmail"),
        ("linkedin mesage #5 hi", "mesage", "message"),
        ("li veiw #5 hi", "veiw", "view"),  # swapped letters
    ],
)
def test_a_misspelt_action_gets_a_suggestion(text: str, word: str, alias: str) -> None:
    parsed = parse(text)
    assert parsed.draft.linkedin_action is None
    assert parsed.draft.contact == ContactQuery("id", "5")
    assert fields(parsed.draft.problems) == ["linkedin_action"]
    assert parsed.draft.problems[0].message.startswith(
        f"‘{word}’ isn't a LinkedIn action — did you mean `{alias}`?"
    )
    assert parsed.draft.body == "hi"


def test_an_empty_body_is_a_problem() -> None:
    draft = parse("call jane@acme.com at noon").draft
    assert draft.body == ""
    assert fields(draft.problems) == ["body"]
    assert draft.problems[0].message == words.empty_body(TaskType.CALL)


def test_problems_stack_on_their_own_fields() -> None:
    draft = parse("linkedin yesterday subject:").draft
    assert sorted(fields(draft.problems)) == [
        "body", "contact", "due_to", "linkedin_action", "subject",
    ]  # fmt: skip


PROBLEM_COMMANDS = [
    "call tomorrow hi",
    "li #5 hi",
    "li conect #5 hi",
    "cal #5 hi",
    "#5 tomorrow hi",
    "call jane@acme.com bob@acme.com hi",
    "call about bob@acme.com",
    "email loop in a@b.co and c@d.co",
    "call #5",
    "call #5 subject: x | hi",
    "email #5 subject: | hi",
    "todo start Friday due tomorrow x",
]


@pytest.mark.parametrize("text", PROBLEM_COMMANDS)
def test_every_grammar_message_says_what_to_type(text: str) -> None:
    problems = parse(text).draft.problems
    assert problems
    for problem in problems:
        assert problem.message.endswith(".")
        assert "`" in problem.message  # a command, a type word or an example to copy
