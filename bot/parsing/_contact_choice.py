"""Which contact a draft gets when the head has none (or several): the choice and its problems.

In order: the first contact written in the head (`typed`; a second one is a problem and stays
in the body); for a type that needs a contact, the capitalised words right after the head
(`guessed`, kept in the body too); one email or LinkedIn URL in the body (`description`, with
a problem asking the rep to confirm it); otherwise a problem saying how to add one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from bot.domain import ContactQuery, FieldProblem, TaskType
from bot.messages import grammar as words
from bot.parsing._contacts import FoundContact, contacts_in_body, guess_name
from bot.parsing._text import Span, Token, merge, overlaps
from bot.parsing._words import TYPE_KEYWORD

ContactOrigin = Literal["typed", "guessed", "description"]
"""Where the draft's contact came from: one of the four forms in the head (`typed`); the
capitalised words after the type (`guessed` — confirm unless Reply finds exactly one contact
with exactly that name); an email or URL found in the body (`description` — a problem asks
the rep to confirm it)."""

Choice = tuple[ContactQuery | None, ContactOrigin | None]


def choose_contact(
    text: str,
    body_tokens: Sequence[Token],
    typed: Sequence[FoundContact],
    *,
    wanted: TaskType | None,
    taken: Sequence[Span],
    problems: list[FieldProblem],
) -> Choice:
    """The contact for a draft of type `wanted`: `typed` are the head's contacts,
    `body_tokens` the tokens after the head, `taken` every span recognised as something else.
    Problems found on the way are appended to `problems`."""
    if typed:
        if len(typed) > 1:
            queries = [found.query for found in typed]
            problems.append(FieldProblem("contact", words.several_contacts(queries)))
        return typed[0].query, "typed"
    if wanted is None or not wanted.needs_contact:
        return None, None
    guess = guess_name(_leading(body_tokens, merge(taken)))
    if guess is not None:
        return guess.query, "guessed"
    return _in_body(text, wanted, taken, problems)


def _leading(tokens: Sequence[Token], taken: Sequence[Span]) -> list[Token]:
    """The body's first tokens, up to the first recognised span or `subject:`."""
    leading: list[Token] = []
    for token in tokens:
        if overlaps(token.span, taken):
            break
        leading.append(token)
    return leading


def _in_body(
    text: str, wanted: TaskType, taken: Sequence[Span], problems: list[FieldProblem]
) -> Choice:
    found = contacts_in_body(text, taken)
    keyword = TYPE_KEYWORD[wanted]
    if len(found) == 1:
        query = found[0].query
        problems.append(FieldProblem("contact", words.contact_from_description(keyword, query)))
        return query, "description"
    if found:
        queries = [contact.query for contact in found]
        problems.append(
            FieldProblem("contact", words.several_in_description(wanted, keyword, queries))
        )
    else:
        problems.append(
            FieldProblem(
                "contact", words.missing_contact(wanted), words.missing_contact_in_form(wanted)
            )
        )
    return None, None
