"""`{{variables}}`: an open `{{` is caught before Reply sees it; empty ones are named."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.domain import Contact, TaskType, TaskWrite
from bot.templates import empty_variables, unclosed_variable, variables_in

JANE = Contact(
    id=30101,
    email="jane@acme.com",
    first_name="Jane",
    last_name="Cooper",
    company="Acme",
    custom_fields=(("plan", "Pro"), ("renewal", "")),
)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Body {{firstName", "{{firstName"),
        ("Hi {{ firstName and more", "{{ firstName"),
        ("x {{a {{b}}", "{{a"),
        ("ends with {{", "{{"),
        ("{{{firstName}} then", None),  # `}}` closes it; Handlebars says the rest
        ("Hi {{firstName}}, {{company}}", None),
        ("Raw {{{firstName}}}", None),
        ("Literal \\{{braces", None),
        ("A backslash \\\\{{then", "{{then"),
        ("}} stray closers }}", None),
        ("no braces at all", None),
    ],
)
def test_an_open_variable_is_found_as_typed(text: str, fragment: str | None) -> None:
    assert unclosed_variable(text) == fragment


def _write(body: str, subject: str | None = None) -> TaskWrite:
    start = datetime(2026, 11, 25, 19, 37, tzinfo=UTC)
    return TaskWrite(
        task_type=TaskType.MANUAL_EMAIL,
        start_at=start,
        due_to=start + timedelta(days=1),
        body=body,
        contact_id=30101,
        subject=subject,
    )


def test_an_open_variable_is_a_problem_on_its_field_before_reply_sees_it() -> None:
    problems = _write("Hi {{firstName", subject="About {{company").problems()
    assert [(p.field, p.message) for p in problems] == [
        (
            "body",
            '"{{firstName" has no closing }}, so Reply can\'t fill it in. Write a variable as '
            "{{firstName}}, or take out the {{ if you meant the braces as text.",
        ),
        (
            "subject",
            '"{{company" has no closing }}, so Reply can\'t fill it in. Write a variable as '
            "{{firstName}}, or take out the {{ if you meant the braces as text.",
        ),
    ]
    assert _write("Hi {{firstName}}", subject="About {{company}}").problems() == []


def test_variables_are_listed_once_in_order() -> None:
    assert variables_in("{{a}} {{ b }} {{a}} {{{c}}} {{#if d}}x{{/if}} \\{{e}}") == ["a", "b", "c"]


def test_empty_variables_are_those_the_contact_has_nothing_for() -> None:
    text = (
        "Hi {{firstName}} {{fristName}} at {{company}} ({{title}}), {{plan}} {{renewal}} "
        "{{industry}} {{firstName}}"
    )
    # title: a property Jane has no value for; renewal: a custom field left empty;
    # fristName: no such property or custom field; industry: Reply's, not known to taskbot.
    empty = empty_variables(text, JANE)
    assert (empty.unset, empty.unknown) == (("title", "renewal"), ("fristName",))
    assert not empty_variables("Hi {{firstName}} from {{plan}}", JANE)
