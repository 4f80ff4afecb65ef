# ruff: noqa: E501, RUF001 - tables of commands read best one row per line; typographic quotes are what taskbot says
"""The body (the rest, verbatim) and the subject line."""

from __future__ import annotations

import pytest

from bot.domain import LinkedInAction, TaskType
from bot.parsing._slack_text import unescape
from tests.parsing.grammar_support import fields, parse


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("call #5 tomorrow Ask about {{company}} pricing", "Ask about {{company}} pricing"),
        ("call #5 Hi {{ firstName }}, {{company}}'s  renewal", "Hi {{ firstName }}, {{company}}'s  renewal"),
        ("call #5 {{firstName|there}} and {{ custom.Field 3 }}", "{{firstName|there}} and {{ custom.Field 3 }}"),
        ("call #5 tomorrow 3pm\nLine one\n\n  - bullet  two", "Line one\n\n  - bullet  two"),
        ("call #5 Line one\ntomorrow 3pm\nLine two", "Line one\nLine two"),
        ("call #5 tomorrow: Ask", "Ask"),
        ("call #5 — Ask about pricing", "Ask about pricing"),
        ("call #5 tomorrow. Ask about pricing.", "Ask about pricing."),
        ("todo send the deck (tomorrow) please", "send the deck please"),
        ("todo send the deck [by Friday], thanks", "send the deck, thanks"),
        ("todo Ask Bob, tomorrow", "Ask Bob"),
        ("todo Ask Bob, tomorrow?", "Ask Bob?"),
        ("todo book onsite for Dec 3", "book onsite"),
        ("todo send proposal for Friday, thanks", "send proposal, thanks"),
        ("todo prep for Dec 3 demo", "prep for demo"),  # "for" stays when the sentence goes on
        ("todo ... and then some", "... and then some"),
        ("todo Q&amp;A prep &lt;draft&gt; 100% by EOD", "Q&A prep <draft> 100%"),
        ("todo ping <@U123|bob> in <#C42|deals>, cc <!here>", "ping @bob in #deals, cc @here"),
        ("todo ping <@U123> and <!subteam^S1|@sales>", "ping @U123 and @sales"),
        ("todo read <https://acme.com/pricing|acme.com/pricing>", "read acme.com/pricing"),
        ("todo read <https://acme.com/x|the deck>", "read the deck (https://acme.com/x)"),
        ("todo mail <mailto:ops@acme.com|ops@acme.com>", "mail ops@acme.com"),
        ("todo 24/7 support SLA for Globex", "24/7 support SLA for Globex"),
    ],
)  # fmt: skip
def test_the_body_is_the_rest_verbatim(text: str, body: str) -> None:
    assert parse(text).draft.body == body


def test_the_body_keeps_a_second_contact_and_the_problem_names_both() -> None:
    draft = parse("call jane@acme.com bob@acme.com tomorrow hi").draft
    assert draft.body == "bob@acme.com hi"
    assert fields(draft.problems) == ["contact"]


def test_text_is_the_command_with_slacks_escapes_undone() -> None:
    parsed = parse("call <mailto:a@b.co|a@b.co> Q&amp;A")
    assert parsed.text == "call a@b.co Q&A"
    for item in parsed.recognised:
        assert parsed.text[item.span[0] : item.span[1]] == item.text


@pytest.mark.parametrize(
    ("text", "subject", "body"),
    [
        ("email jane@acme.com subject: Pricing for 2027 | Hi {{firstName}}", "Pricing for 2027", "Hi {{firstName}}"),
        ("email jane@acme.com tomorrow subject: Pricing|Hi", "Pricing", "Hi"),
        ('email jane@acme.com subject: "Pricing | 2027" Hi there', "Pricing | 2027", "Hi there"),
        ("email jane@acme.com subject: “Pricing” Hi there", "Pricing", "Hi there"),
        ("email jane@acme.com subject: Pricing\nHi there,\nJane", "Pricing", "Hi there,\nJane"),
        ("email jane@acme.com Subject: Pricing | Hi", "Pricing", "Hi"),
        ("email jane@acme.com SUBJ: Pricing | Hi", "Pricing", "Hi"),
        ("email jane@acme.com subject:Pricing | Hi", "Pricing", "Hi"),
        ("email jane@acme.com Hi there\nsubject: Pricing", "Pricing", "Hi there"),
        ("email jane@acme.com subject: A | Hi subject: B", "A", "Hi subject: B"),
        ("email jane@acme.com subject: Meet {{firstName}} | Hi", "Meet {{firstName}}", "Hi"),
        ("li inmail linkedin.com/in/jane subject: Intro | Hi", "Intro", "Hi"),
    ],
)  # fmt: skip
def test_subject(text: str, subject: str, body: str) -> None:
    draft = parse(text).draft
    assert draft.subject == subject
    assert draft.body == body
    assert draft.problems == ()


def test_a_subject_ends_the_head() -> None:
    """Everything after `subject:` is subject or body: a date there is still found."""
    draft = parse("email jane@acme.com subject: Pricing | Hi {{firstName}}, by Friday please").draft
    assert draft.subject == "Pricing"
    assert draft.date_text == "by Friday"
    assert draft.body == "Hi {{firstName}}, please"


@pytest.mark.parametrize(
    ("text", "task_type"),
    [
        ("call jane@acme.com subject: Pricing | Hi", TaskType.CALL),
        ("todo subject: Pricing | Hi", TaskType.TODO),
        ("li message linkedin.com/in/jane subject: Intro | Hi", TaskType.LINKEDIN),
    ],
)
def test_a_subject_on_another_type_stays_in_the_body_with_a_problem(
    text: str, task_type: TaskType
) -> None:
    draft = parse(text).draft
    assert draft.task_type is task_type
    assert draft.subject is None
    assert "subject: " in draft.body
    assert draft.body.endswith("Hi")
    assert fields(draft.problems) == ["body"]
    assert "subject" in draft.problems[0].message


def test_a_subject_waits_for_a_linkedin_action() -> None:
    draft = parse("linkedin linkedin.com/in/jane subject: Intro | Hi").draft
    assert draft.linkedin_action is None
    assert draft.subject == "Intro"  # kept for when the rep picks InMail in the form
    assert fields(draft.problems) == ["linkedin_action"]


def test_an_inmail_subject_is_kept() -> None:
    draft = parse("li inmail #7 subject: Intro | Hi").draft
    assert (draft.linkedin_action, draft.subject) == (LinkedInAction.INMAIL, "Intro")


def test_an_empty_subject_is_a_problem() -> None:
    draft = parse("email jane@acme.com subject: | Hi").draft
    assert draft.subject is None
    assert fields(draft.problems) == ["subject"]
    assert "after the colon" in draft.problems[0].message


def test_a_subject_that_took_the_rest_says_how_to_end_it() -> None:
    draft = parse("email jane@acme.com tomorrow subject: Pricing Hi {{firstName}}").draft
    assert draft.subject == "Pricing Hi {{firstName}}"
    assert fields(draft.problems) == ["body"]
    assert draft.problems[0].message == (
        "The subject took the rest of the command (‘Pricing Hi {{firstName}}’), so there is "
        "no text left for the task. End the subject with `|` and write the text after it, "
        "e.g. `subject: Pricing for 2027 | Hi {{firstName}}, …`."
    )


@pytest.mark.parametrize(
    "text", ["email #5 tomorrow subject: Pricing |", 'email #5 tomorrow subject: "Pricing"']
)
def test_a_subject_ended_on_purpose_gets_the_usual_empty_body_sentence(text: str) -> None:
    problems = parse(text).draft.problems
    assert fields(problems) == ["body"]
    assert problems[0].message.startswith("Say what the task is about")


@pytest.mark.parametrize(
    ("raw", "readable"),
    [
        ("plain text", "plain text"),
        ("&amp;lt; stays an entity", "&lt; stays an entity"),
        ("a &lt; b &gt; c &amp; d", "a < b > c & d"),
        ("<mailto:jane@acme.com|jane@acme.com>", "jane@acme.com"),
        ("<mailto:jane@acme.com|Jane>", "Jane (jane@acme.com)"),
        ("<https://acme.com|acme.com>", "acme.com"),
        ("<http://www.acme.com/|acme.com>", "acme.com"),
        ("<https://acme.com>", "https://acme.com"),
        ("<https://acme.com/?a=1&amp;b=2|acme.com/?a=1&amp;b=2>", "acme.com/?a=1&b=2"),
        ("<https://acme.com/x|the deck>", "the deck (https://acme.com/x)"),
        ("<@U123ABC|jane>", "@jane"),
        ("<@U123ABC>", "@U123ABC"),
        ("<#C123|deals>", "#deals"),
        ("<#C123>", "#C123"),
        ("<!here>", "@here"),
        ("<!channel|channel>", "@channel"),
        ("<!subteam^S123|@sales>", "@sales"),
        ("<!date^1392734382^{date_pretty}|Feb 18, 2014>", "Feb 18, 2014"),
        ("<3 and <b> stay", "<3 and <b> stay"),
        ("x <not markup> y", "x <not markup> y"),
    ],
)
def test_slack_escapes_are_undone(raw: str, readable: str) -> None:
    assert unescape(raw) == readable
