# ruff: noqa: RUF002 - the quote characters reps type are the subject here
"""Contacts written in a command: the four forms the help card lists, and a name guess.

The forms (issue 3, "Contact forms"), each one token:

* an email, `jane@acme.com` (Slack's `<mailto:…|…>` is undone before this);
* a Reply contact id, `#12345`;
* a LinkedIn profile URL, `linkedin.com/in/jane-doe`, with or without a scheme or `www.`;
* a name in quotes, `"Jane Doe"`, `“Jane Doe”`, `„Jane Doe“`, `«Jane Doe»`, `‘Jane Doe’`.

A token may be wrapped in `<…>`, `(…)` or `[…]` and end in `,` `;` `:` `.` — the wrapping is
part of the recognised span, not of the value.

The name guess (`guess_name`): "call Priya tomorrow" names nobody in a form taskbot can look
up exactly, but the capitalised words right after the type almost always are the contact.
They are offered as a `name` query the Slack side must confirm unless Reply finds exactly one
contact with exactly that name — and they also stay in the body, so a wrong guess costs
nothing ("call Tom at 555-0134" keeps "Tom at 555-0134" as the task's text).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final

from bot.domain import ContactQuery
from bot.parsing._text import QUOTE_CLOSERS, Span, Token, overlaps

_WRAPPERS: Final = (("<", ">"), ("(", ")"), ("[", "]"))
_TRAILING: Final = ",;:.!?"
_EMAIL: Final = r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}"
_CONTACT_ID: Final = r"#0*([1-9]\d{0,17})"  # Reply ids are positive; "#0" is not one
_LINKEDIN: Final = r"(?:https?://)?(?:[\w-]+\.)?linkedin\.com/(?:in|pub)/[^\s/?#]+[^\s]*"

_MAX_NAME_WORDS: Final = 3
_HONORIFICS: Final = frozenset({"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "sir", "dame"})
"""Skipped before a guessed name: Reply keeps first and last names, not titles."""
_POSSESSIVE: Final = ("'s", "\u2019s")
_NOT_NAMES: Final = frozenset(
    """a an the i we you he she they it me my our your his her their this that these those
    re about ask check follow send discuss confirm remind review prep prepare share get set
    see tell talk let please pls hi hello hey dear thanks thank to for with from on at in by
    of and or but if when what who how why is are was be do did not no yes fyi intro quick
    update urgent important note reminder call email meeting demo todo task""".split()  # noqa: SIM905 - a word list reads best as text
)
"""Words a sentence starts with, never a contact's name ("call Ask about pricing" would
otherwise search Reply for "Ask")."""


@dataclass(frozen=True, slots=True)
class FoundContact:
    query: ContactQuery
    span: Span
    text: str
    """As typed, e.g. `<jane@acme.com>,` (the span's text)."""


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    return (
        re.compile(_EMAIL),
        re.compile(_CONTACT_ID),
        re.compile(_LINKEDIN, re.IGNORECASE),
    )


def _unwrap(text: str) -> str:
    core = text.rstrip(_TRAILING)
    for opening, closing in _WRAPPERS:
        if core.startswith(opening) and core.endswith(closing):
            return core[1:-1].rstrip(_TRAILING)
    return core


def contact_in(token: Token) -> FoundContact | None:
    """The contact `token` is written as, or None."""
    query = _query(token.text)
    return FoundContact(query, token.span, token.text) if query else None


def read_contact(text: str) -> ContactQuery | None:
    """`text` (one contact, as a rep would type it after the type word) as a contact query:
    `jane@acme.com`, `#12345`, `linkedin.com/in/jane`, `"Jane Doe"`; None for anything else."""
    written = text.strip()
    return _query(written) if written else None


def _query(text: str) -> ContactQuery | None:
    email, contact_id, linkedin = _patterns()
    closers = QUOTE_CLOSERS.get(text[:1])
    if closers is not None:
        core = text.rstrip(_TRAILING)
        if len(core) > 2 and core[-1] in closers:
            name = " ".join(core[1:-1].split())
            return ContactQuery("name", name) if name else None
        return None
    core = _unwrap(text)
    if email.fullmatch(core):
        return ContactQuery("email", core)
    if match := contact_id.fullmatch(core):
        return ContactQuery("id", match[1])
    if linkedin.fullmatch(core):
        return ContactQuery("linkedin", _profile(core))
    return None


def _profile(text: str) -> str:
    """A profile URL without a trailing `)` or `.` picked up from the sentence (the query
    keeps it in `bot.linkedin.profile_url`'s form)."""
    return text.rstrip(_TRAILING + ")")


def contacts_in_body(text: str, skip: Sequence[Span]) -> list[FoundContact]:
    """Emails and LinkedIn URLs anywhere outside `skip` (ids are not looked for: "#4471"
    in a sentence is an order or invoice number far more often than a contact)."""
    email, _, linkedin = _patterns()
    found = [
        FoundContact(ContactQuery("email", match[0]), match.span(), match[0])
        for match in email.finditer(text)
    ]
    found += [
        FoundContact(ContactQuery("linkedin", _profile(match[0])), match.span(), match[0])
        for match in linkedin.finditer(text)
    ]
    return sorted(
        (contact for contact in found if not overlaps(contact.span, skip)),
        key=lambda contact: contact.span,
    )


def guess_name(tokens: Sequence[Token]) -> FoundContact | None:
    """Capitalised words at the start of `tokens` that read as a name: "Priya", "Priya
    Patel", "Jean-Luc O'Brien"; None when the first is not one. `tokens` must follow each
    other in the text with nothing recognised between them (the caller's job)."""
    if tokens and tokens[0].text.rstrip(".").casefold() in _HONORIFICS:
        tokens = tokens[1:]  # "Dr. Smith" → "Smith"
    words: list[Token] = []
    for token in tokens[:_MAX_NAME_WORDS]:
        word = token.text.rstrip(_TRAILING)
        possessive = word.endswith(_POSSESSIVE)
        word = word[:-2] if possessive else word
        if not _looks_like_name(word):
            break
        words.append(Token(token.start, token.start + len(word), word))
        if possessive or word != token.text:
            break  # "Priya," and "Priya's assistant" end the name
    if not words:
        return None
    name = " ".join(word.text for word in words)
    span = (words[0].start, words[-1].end)
    return FoundContact(ContactQuery("name", name), span, name)


def _looks_like_name(word: str) -> bool:
    if not word or not word[0].isupper() or word.casefold() in _NOT_NAMES:
        return False
    letters = word.replace("-", "").replace("'", "").replace("\u2019", "").replace(".", "")
    if not letters.isalpha():
        return False
    return not (len(letters) > 1 and letters.isupper())  # ASAP, NDA, EOD are not names
