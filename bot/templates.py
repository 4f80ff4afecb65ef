"""`{{variables}}` in a task's text: what Reply's Handlebars would refuse, and what it would
fill in with nothing.

Reply renders a task's body and subject as Handlebars with the contact's data ("The template
body may contain handlebars variables (e.g. {{firstName}}) which are resolved when the task
is read or executed", reply-api-v3.md §5.1). Two mistakes cost a rep silently:

* an unclosed `{{firstName` is a Handlebars parse error, which Reply answers with a failed
  render (or, leniently, drops the text): `unclosed_variable` finds it before anything is sent;
* a variable the contact has no value for (`{{fristName}}`, `{{company}}` for a contact with
  no company) renders as nothing, so "Hi {{fristName}}," reaches the prospect as "Hi ,":
  `empty_variables` names them so the card can say so.

Pure functions of text and a contact; nothing of taskbot's but the domain's `Contact`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from bot.domain import Contact

_OPEN: Final = "{{"
_CLOSE: Final = "}}"
_FRAGMENT: Final = r"\{\{\{?[ \t]*[^\s{}]{0,40}"
"""What to quote of an unclosed variable: the braces and the word after them."""
_VARIABLE: Final = r"(?<!\\)\{\{\{?[ \t]*([A-Za-z_][\w.-]*)[ \t]*\}?\}\}"
"""A simple `{{name}}` (or `{{{name}}}`): helpers, blocks and paths are left alone."""

_CONTACT_FIELDS: Final[Mapping[str, Callable[[Contact], str | None]]] = {
    "firstName": lambda c: c.first_name,
    "lastName": lambda c: c.last_name,
    "email": lambda c: c.email,
    "phone": lambda c: c.phone,
    "title": lambda c: c.title,
    "company": lambda c: c.company,
    "city": lambda c: c.city,
    "country": lambda c: c.country,
    "timeZoneId": lambda c: c.time_zone_id,
    "linkedInUrl": lambda c: c.linkedin_url,
}
"""Reply's contact properties that taskbot reads (the Contact schema's names)."""
_UNCHECKED: Final = frozenset({"industry", "state", "domain"})
"""Contact properties Reply fills in that taskbot does not read: never reported as empty."""


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return re.compile(_FRAGMENT), re.compile(_VARIABLE)


def unclosed_variable(text: str) -> str | None:
    """The first `{{` without its `}}` (as typed, e.g. `{{firstName`), or None.

    A `{{` counts as closed by the first `}}` after it, unless another `{{` comes first
    (`{{a {{b}}` leaves `{{a` open); `\\{{` is Handlebars' escape for literal braces."""
    at = text.find(_OPEN)
    while at != -1:
        if _escaped(text, at):
            at = text.find(_OPEN, at + 2)
            continue
        inner = at + 2 + (text[at + 2 : at + 3] == "{")
        close = text.find(_CLOSE, inner)
        reopen = text.find(_OPEN, inner)
        if close == -1 or (reopen != -1 and reopen < close):
            fragment = _patterns()[0].match(text, at)
            return fragment.group(0).rstrip() if fragment else _OPEN
        at = text.find(_OPEN, close + 2)
    return None


def variables_in(text: str) -> list[str]:
    """The simple `{{variables}}` in `text`, in order, once each."""
    return list(dict.fromkeys(m.group(1) for m in _patterns()[1].finditer(text)))


@dataclass(frozen=True, slots=True)
class EmptyVariables:
    """The `{{variables}}` of a text that render as nothing for one contact."""

    unset: tuple[str, ...] = ()
    """Contact properties or custom fields the contact has no value for."""
    unknown: tuple[str, ...] = ()
    """Names that are neither a contact property nor one of the contact's custom fields
    (custom fields are variables by their key): most likely misspelt."""

    def __bool__(self) -> bool:
        return bool(self.unset or self.unknown)


def empty_variables(text: str, contact: Contact) -> EmptyVariables:
    """The `{{variables}}` in `text` that render as nothing for `contact`, in order."""
    custom = dict(contact.custom_fields)
    unset: list[str] = []
    unknown: list[str] = []
    for name in variables_in(text):
        if name in _UNCHECKED:
            continue
        known = _CONTACT_FIELDS.get(name)
        if known is None and name not in custom:
            unknown.append(name)
            continue
        value = known(contact) if known is not None else custom[name]
        if not (value or "").strip():
            unset.append(name)
    return EmptyVariables(tuple(unset), tuple(unknown))


def _escaped(text: str, at: int) -> bool:
    """`\\{{` is literal braces in Handlebars; `\\\\{{` is a backslash, then a variable."""
    start = at
    while start > 0 and text[start - 1] == "\\":
        start -= 1
    return (at - start) % 2 == 1
