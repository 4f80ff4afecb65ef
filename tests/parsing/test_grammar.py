# ruff: noqa: RUF001 - smart quotes are among the contact forms under test
"""The /task grammar: types, LinkedIn actions, contact forms, order, help."""

from __future__ import annotations

import pytest

from bot.domain import ContactQuery, LinkedInAction, TaskDraft, TaskType
from bot.parsing import read_contact, unescape_slack
from tests.parsing.grammar_support import fields, local, parse

HEADLINE = "call jane@acme.com tomorrow 3pm Ask about {{company}} pricing"


def test_the_headline_example() -> None:
    parsed = parse(HEADLINE)
    draft = parsed.draft
    assert draft.task_type is TaskType.CALL
    assert draft.contact == ContactQuery("email", "jane@acme.com")
    assert parsed.contact_origin == "typed"
    assert local(draft.start_at) == "2026-11-25T14:37"  # now, to the minute
    assert local(draft.due_to) == "2026-11-26T15:00"  # tomorrow 15:00 in the rep's zone
    assert draft.due_to is not None
    assert draft.due_to.utcoffset() is not None
    assert draft.body == "Ask about {{company}} pricing"
    assert draft.date_text == "tomorrow 3pm"
    assert draft.problems == ()
    assert parsed.is_complete
    assert parsed.due is not None
    assert parsed.due.text == "tomorrow 3pm"
    assert [(item.role, item.text) for item in parsed.recognised] == [
        ("type", "call"), ("contact", "jane@acme.com"), ("date", "tomorrow 3pm"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("word", "task_type"),
    [
        ("todo", TaskType.TODO), ("to-do", TaskType.TODO), ("ToDo", TaskType.TODO),
        ("task", TaskType.TODO), ("call", TaskType.CALL), ("CALL", TaskType.CALL),
        ("Call:", TaskType.CALL), ("call,", TaskType.CALL), ("meeting", TaskType.MEETING),
        ("mtg", TaskType.MEETING), ("Meeting", TaskType.MEETING),
        ("linkedin", TaskType.LINKEDIN), ("LinkedIn", TaskType.LINKEDIN),
        ("li", TaskType.LINKEDIN), ("email", TaskType.MANUAL_EMAIL),
        ("e-mail", TaskType.MANUAL_EMAIL), ("mail", TaskType.MANUAL_EMAIL),
        ("ManualEmail", TaskType.MANUAL_EMAIL), ("sms", TaskType.SMS), ("SMS", TaskType.SMS),
        ("text", TaskType.SMS), ("whatsapp", TaskType.WHATSAPP),
        ("WhatsApp", TaskType.WHATSAPP), ("wa", TaskType.WHATSAPP),
    ],
    ids=lambda value: value if isinstance(value, str) else value.name,
)  # fmt: skip
def test_every_type_alias(word: str, task_type: TaskType) -> None:
    parsed = parse(f"{word} jane@acme.com tomorrow Hello there")
    assert parsed.draft.task_type is task_type
    assert parsed.draft.body == "Hello there"
    assert parsed.recognised[0].role == "type"
    assert parsed.recognised[0].text == word


def test_no_type_word_and_no_contact_is_a_todo() -> None:
    draft = parse("send proposal to Initech by EOD").draft
    assert draft.task_type is TaskType.TODO
    assert draft.problems == ()
    assert draft.body == "send proposal to Initech"


def test_a_type_word_later_in_the_text_is_just_a_word() -> None:
    parsed = parse("renewal call w/ Wayne Ent next Friday at 11am")
    assert parsed.draft.task_type is TaskType.TODO
    assert parsed.draft.body == "renewal call w/ Wayne Ent"


def test_a_second_type_word_is_body_text() -> None:
    draft = parse("call jane@acme.com meeting notes tomorrow").draft
    assert draft.task_type is TaskType.CALL
    assert draft.body == "meeting notes"


@pytest.mark.parametrize(
    ("word", "action"),
    [
        ("message", LinkedInAction.MESSAGE), ("msg", LinkedInAction.MESSAGE),
        ("Message", LinkedInAction.MESSAGE), ("connect", LinkedInAction.CONNECT),
        ("inmail", LinkedInAction.INMAIL), ("InMail", LinkedInAction.INMAIL),
        ("in-mail", LinkedInAction.INMAIL), ("view", LinkedInAction.VIEW_PROFILE),
        ("view-profile", LinkedInAction.VIEW_PROFILE),
        ("viewprofile", LinkedInAction.VIEW_PROFILE),
        ("profile", LinkedInAction.VIEW_PROFILE),
        ("view profile", LinkedInAction.VIEW_PROFILE),
    ],
    ids=lambda value: value if isinstance(value, str) else value.name,
)  # fmt: skip
@pytest.mark.parametrize(
    "template",
    ["li {action} linkedin.com/in/jane tomorrow Hi", "linkedin linkedin.com/in/jane {action} Hi"],
    ids=["after-type", "after-contact"],
)
def test_every_linkedin_action(word: str, action: LinkedInAction, template: str) -> None:
    parsed = parse(template.format(action=word))
    assert parsed.draft.task_type is TaskType.LINKEDIN
    assert parsed.draft.linkedin_action is action
    assert parsed.draft.body == "Hi"
    assert "linkedin_action" not in fields(parsed.draft.problems)


def test_linkedin_without_an_action_asks_for_one() -> None:
    draft = parse("linkedin linkedin.com/in/jane tomorrow Great talk at SaaStr").draft
    assert draft.task_type is TaskType.LINKEDIN
    assert draft.linkedin_action is None
    assert fields(draft.problems) == ["linkedin_action"]
    assert "`connect`" in draft.problems[0].message
    assert draft.body == "Great talk at SaaStr"  # the modal opens with everything else kept


def test_an_action_word_means_nothing_without_linkedin() -> None:
    draft = parse("call jane@acme.com connect about the offsite").draft
    assert draft.linkedin_action is None
    assert draft.body == "connect about the offsite"


@pytest.mark.parametrize(
    ("written", "kind", "value"),
    [
        ("jane@acme.com", "email", "jane@acme.com"),
        ("Jane.Doe+sales@acme.co.uk", "email", "Jane.Doe+sales@acme.co.uk"),
        ("<mailto:jane@acme.com|jane@acme.com>", "email", "jane@acme.com"),
        ("<mailto:jane@acme.com>", "email", "jane@acme.com"),
        ("&lt;jane@acme.com&gt;", "email", "jane@acme.com"),
        ("(jane@acme.com),", "email", "jane@acme.com"),
        ("#12345", "id", "12345"),
        ("#007", "id", "7"),
        ("#12345,", "id", "12345"),
        ("linkedin.com/in/janedoe", "linkedin", "https://linkedin.com/in/janedoe"),
        ("www.linkedin.com/in/jane-doe/", "linkedin", "https://www.linkedin.com/in/jane-doe/"),
        ("https://www.linkedin.com/in/jane-doe", "linkedin", "https://www.linkedin.com/in/jane-doe"),
        ("http://uk.linkedin.com/in/jane", "linkedin", "http://uk.linkedin.com/in/jane"),
        ("https://linkedin.com/pub/jane-doe/1/2/3", "linkedin", "https://linkedin.com/pub/jane-doe/1/2/3"),
        (
            "<https://www.linkedin.com/in/janedoe|linkedin.com/in/janedoe>",
            "linkedin", "https://linkedin.com/in/janedoe",
        ),
        ("<https://www.linkedin.com/in/janedoe>", "linkedin", "https://www.linkedin.com/in/janedoe"),
        ('"Jane Doe"', "name", "Jane Doe"),
        ("“Jane Doe”", "name", "Jane Doe"),
        ("„Jane Doe“", "name", "Jane Doe"),
        ("«Jane Doe»", "name", "Jane Doe"),
        ("‘Jane Doe’", "name", "Jane Doe"),
        ('"Jane Doe”', "name", "Jane Doe"),
        ('"  Jane   Doe "', "name", "Jane Doe"),
        ('"Jane O’Brien",', "name", "Jane O’Brien"),
    ],
)  # fmt: skip
def test_every_contact_form(written: str, kind: str, value: str) -> None:
    parsed = parse(f"call {written} tomorrow Ask about pricing")
    assert parsed.draft.contact == ContactQuery(kind, value)  # type: ignore[arg-type]
    assert parsed.contact_origin == "typed"
    assert parsed.draft.body == "Ask about pricing"
    assert parsed.draft.problems == ()


@pytest.mark.parametrize(
    "written",
    ["#abc", "#0", "linkedin.com/company/acme", "jane@acme", '""', "@jane", "jane(at)acme.com"],
)
def test_things_that_are_not_contacts(written: str) -> None:
    draft = parse(f"email {written} tomorrow hello").draft
    assert draft.contact is None
    assert written.replace("&lt;", "<") in draft.body
    assert "contact" in fields(draft.problems)


COMMANDS_IN_ANY_ORDER = [
    "call jane@acme.com tomorrow 3pm Ask about pricing",
    "call tomorrow 3pm jane@acme.com Ask about pricing",
    "jane@acme.com call tomorrow 3pm Ask about pricing",
    "tomorrow 3pm call jane@acme.com Ask about pricing",
    "tomorrow 3pm jane@acme.com call Ask about pricing",
    "jane@acme.com tomorrow 3pm call Ask about pricing",
    "call jane@acme.com Ask about pricing tomorrow 3pm",
    "call jane@acme.com by tomorrow 3pm Ask about pricing",
    "Call jane@acme.com, tomorrow 3pm: Ask about pricing",
    "CALL <mailto:jane@acme.com|jane@acme.com> tomorrow at 3pm — Ask about pricing",
    "call jane@acme.com Ask about pricing (tomorrow 3pm)",
]


@pytest.mark.parametrize("text", COMMANDS_IN_ANY_ORDER)
def test_order_is_forgiving_where_it_is_unambiguous(text: str) -> None:
    draft = parse(text).draft
    assert draft.task_type is TaskType.CALL
    assert draft.contact == ContactQuery("email", "jane@acme.com")
    assert local(draft.due_to) == "2026-11-26T15:00"
    assert draft.body == "Ask about pricing"
    assert draft.problems == ()


def test_the_contact_is_read_only_in_the_head() -> None:
    """An email in the middle of a to-do is part of what to do, not its contact."""
    draft = parse("follow up with bob@globex.com Friday re: contract").draft
    assert draft.task_type is TaskType.TODO
    assert draft.contact is None
    assert draft.body == "follow up with bob@globex.com re: contract"


def test_a_todo_may_have_a_contact() -> None:
    draft = parse("todo #42 by EOW send the case study").draft
    assert draft.task_type is TaskType.TODO
    assert draft.contact == ContactQuery("id", "42")
    assert draft.problems == ()


@pytest.mark.parametrize(
    ("text", "name", "body"),
    [
        ("call Priya tomorrow 11am re onboarding", "Priya", "Priya re onboarding"),
        ("call Priya Patel tomorrow", "Priya Patel", "Priya Patel"),
        ("email Jean-Luc O'Brien, tomorrow deck", "Jean-Luc O'Brien", "Jean-Luc O'Brien, deck"),
        ("call tomorrow 3pm Priya re onboarding", "Priya", "Priya re onboarding"),
        ("call Tom at 555-0134 tomorrow at 10", "Tom", "Tom at 555-0134"),
        ("call May about the renewal", "May", "May about the renewal"),
        ("sms Raj Dec 3 10am IST", "Raj", "Raj"),
        ("call Priya's assistant tomorrow", "Priya", "Priya's assistant"),
        ("call Dr. Smith tomorrow 10am", "Smith", "Dr. Smith"),
    ],
)  # fmt: skip
def test_capitalised_words_after_the_type_are_a_name_guess_kept_in_the_body(
    text: str, name: str, body: str
) -> None:
    parsed = parse(text)
    assert parsed.draft.contact == ContactQuery("name", name)
    assert parsed.contact_origin == "guessed"
    assert parsed.draft.body == body  # never eaten: a wrong guess costs nothing
    assert "contact" not in fields(parsed.draft.problems)


@pytest.mark.parametrize(
    "text",
    [
        "call bob 10am",  # lower case: not a name taskbot dares to guess
        "call Ask about pricing",
        "call ASAP re the PO",
        "call the 2pm no-show from Bluth Co tomorrow",
        "todo Priya tomorrow",  # a to-do needs no contact, so nothing is guessed
    ],
)
def test_no_name_guess(text: str) -> None:
    parsed = parse(text)
    assert parsed.contact_origin is None
    assert parsed.draft.contact is None


@pytest.mark.parametrize("text", ["help", "HELP", " help ", "?", "-h", "--help", "usage", "h"])
def test_help(text: str) -> None:
    parsed = parse(text)
    assert parsed.is_help
    assert parsed.draft.problems == ()


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_nothing_typed_is_help_too(text: str) -> None:
    parsed = parse(text)
    assert parsed.is_help  # nothing to create (the listener opens the form before parsing)
    assert parsed.draft == TaskDraft()


@pytest.mark.parametrize(
    "text", ["halp", "hlep", "hepl", "hellp", "hlp", "Help!", "help.", "Help:"]
)
def test_a_slip_typing_help_is_help(text: str) -> None:
    # `/task halp` used to create a to-do called "halp".
    assert parse(text).is_help


@pytest.mark.parametrize("text", ["held", "helm", "heap", "yelp", "hello", "halp Bob tomorrow"])
def test_real_words_near_help_stay_tasks(text: str) -> None:
    assert not parse(text).is_help


def test_help_inside_a_sentence_is_a_task() -> None:
    parsed = parse("help Bob with the demo tomorrow")
    assert not parsed.is_help
    assert parsed.draft.task_type is TaskType.TODO


@pytest.mark.parametrize("word", ["inmail", "InMail", "in-mail"])
def test_inmail_alone_is_a_linkedin_inmail(word: str) -> None:
    parsed = parse(f"{word} linkedin.com/in/jane subject: Intro | Hi")
    draft = parsed.draft
    assert (draft.task_type, draft.linkedin_action) == (TaskType.LINKEDIN, LinkedInAction.INMAIL)
    assert (draft.subject, draft.body, draft.problems) == ("Intro", "Hi", ())
    assert [item.role for item in parsed.recognised] == ["type", "contact", "subject"]


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("jane@acme.com", ContactQuery("email", "jane@acme.com")),
        (" #12345 ", ContactQuery("id", "12345")),
        ("linkedin.com/in/jane", ContactQuery("linkedin", "https://linkedin.com/in/jane")),
        ('"Jane Doe"', ContactQuery("name", "Jane Doe")),
        ("Jane Doe", None),
        ("", None),
    ],
)
def test_read_contact_reads_one_contact_form(text: str, query: ContactQuery | None) -> None:
    assert read_contact(text) == query


def test_unescape_slack_is_the_grammars_reading_of_slack_markup() -> None:
    assert unescape_slack("<mailto:a@b.co|a@b.co> &amp; <@U1|jo>") == "a@b.co & @jo"
