"""The contact field: what the rep chose, and how that travels in a select option's value.

The contact select is an `external_select` whose options taskbot answers while the rep types
(`block_suggestion`). An option is either a Reply contact found by the search, or what the rep
typed, taken as is and resolved when the form is saved: an email (exact lookup), a Reply id
(`#12345`), a LinkedIn profile URL, or — only when a command said so — a name to search for.
So a choice is a `ContactQuery` (the same four kinds `/task` understands) plus the label the
select shows.

Option values are `kind:value` (`id:42`, `email:jane@acme.com`): Slack caps an option's value
at 150 characters and its text at 75 (Block Kit, option object), so a value that cannot fit
is never offered rather than cut.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from bot.domain import Contact, ContactKind, ContactQuery
from bot.fitting import fit_plain
from bot.linkedin import profile_label
from bot.messages import form as words
from bot.parsing import read_contact

OPTION_VALUE: Final = 150
OPTION_TEXT: Final = 75
_SHORTEST_NAME: Final = 12  # below this a cut name says less than a cut email

_PREFIX: Final[dict[ContactKind, str]] = {
    "id": "id:",
    "email": "email:",
    "linkedin": "linkedin:",
    "name": "name:",
}


@dataclass(frozen=True, slots=True)
class ContactChoice:
    """A contact as the form holds it: `query` says how to find it in Reply (kind `id` is a
    contact already found), `label` is what the select shows (≤ 75 characters)."""

    query: ContactQuery
    label: str

    def __post_init__(self) -> None:
        if self.query.kind == "id" and self.query.contact_id is None:
            raise ValueError(f"a contact id is a positive number, got {self.query.value!r}")
        if not self.query.value.strip():
            raise ValueError("a contact choice needs a value")

    # ------------------------------------------------------------------ building

    @classmethod
    def of(cls, contact: Contact) -> ContactChoice:
        """A Reply contact: "Jane Cooper · Acme · jane@acme.com"."""
        return cls(ContactQuery("id", str(contact.id)), contact_label(contact))

    @classmethod
    def from_query(cls, query: ContactQuery) -> ContactChoice | None:
        """What a `/task` command named, shown as written and found in Reply on saving; None
        when it cannot travel in an option value (longer than Slack allows)."""
        kind, value = query.kind, query.value
        if kind == "id":
            if query.contact_id is None:
                return None
            label = words.contact_number(query.contact_id)
        elif kind == "email":
            label = value
        elif kind == "linkedin":
            label = profile_label(value)
        else:
            label = words.search_name(value)
        choice = cls(query, _fit(label))
        return choice if len(choice.option_value) <= OPTION_VALUE else None

    @classmethod
    def from_option(cls, value: str, text: str) -> ContactChoice | None:
        """Read back an option taskbot wrote; None for anything else (never trusted)."""
        for kind, prefix in _PREFIX.items():
            if value.startswith(prefix):
                rest = value[len(prefix) :]
                query = ContactQuery(kind, rest)
                if not query.value or (kind == "id" and query.contact_id is None):
                    return None
                return cls(query, _fit(text or query.value))
        return None

    # ------------------------------------------------------------------ reading

    @property
    def option_value(self) -> str:
        return _PREFIX[self.query.kind] + self.query.value

    @property
    def contact_id(self) -> int | None:
        """The Reply contact id when the choice is a contact already found."""
        return self.query.contact_id

    @property
    def needs_lookup(self) -> bool:
        """An email, LinkedIn URL or name still to be found in Reply when the form is saved."""
        return self.query.kind != "id"

    def described(self) -> str:
        """For sentences: "the email jane@acme.com", "“Jane Doe”"."""
        kind, value = self.query.kind, self.query.value
        if kind == "email":
            return f"the email {value}"
        if kind == "linkedin":
            return f"the LinkedIn profile {profile_label(value)}"
        if kind == "id":
            return f"the id #{value}"
        return f"“{value}”"


# --------------------------------------------------------------------------------------
# What the rep typed into the search


def typed_choice(typed: str) -> ContactChoice | None:
    """An option for text typed into the contact search that is usable as is: an email,
    `#12345`, or a LinkedIn profile URL — the forms `/task` reads (`bot.parsing`), so a rep
    can type the same thing in both. None for anything else, e.g. part of a name."""
    text = typed.strip().removeprefix("mailto:")
    query = read_contact(text) if text and " " not in text else None
    if query is None:
        return None
    kind, value = query.kind, query.value
    if kind == "email":
        label = words.use_email(value)
    elif kind == "id" and query.contact_id is not None:
        label = words.use_contact_id(query.contact_id)
    elif kind == "linkedin":
        label = words.use_linkedin(profile_label(value))
    else:
        return None  # a quoted name is a search, and the search results answer it
    choice = ContactChoice(query, _fit(label))
    return choice if len(choice.option_value) <= OPTION_VALUE else None


def contact_label(contact: Contact) -> str:
    """ "Jane Cooper · Acme · jane@acme.com" in at most 75 characters: when it does not fit,
    the company goes first, then the name is shortened so the email (what tells two Janes
    apart) stays whole; only an email too long for that is cut itself."""
    name = contact.display_name
    reach = contact.email or (profile_label(contact.linkedin_url) if contact.linkedin_url else "")
    reach = reach or contact.phone or ""
    parts = [p for p in (name, contact.company, reach) if p]
    parts = list(dict.fromkeys(parts))  # a contact known only by email shows it once
    label = " · ".join(parts)
    if len(label) > OPTION_TEXT and contact.company and len(parts) == 3:
        parts.remove(contact.company)
        label = " · ".join(parts)
    room = OPTION_TEXT - len(f" · {reach}")
    if len(label) > OPTION_TEXT and reach and parts[-1] == reach and room >= _SHORTEST_NAME:
        label = f"{fit_plain(parts[0], room)} · {reach}"
    return _fit(label)


def _fit(text: str) -> str:
    return fit_plain(text, OPTION_TEXT)
