"""Finding contacts: by email, by LinkedIn URL, by free text, by rules; and sorting them.

Reply documents the inputs (reply-api-v3.md §6) but not how they match; the sandbox's
choices, also listed in the README:

* `email` (GET /v3/contacts): exact match, ignoring case ("look one up by exact email").
* `linkedIn`: the same profile URL, ignoring case, scheme, `www.`, a trailing slash, a query
  string and a fragment (`linkedin.com/in/janepark/` finds `https://www.linkedin.com/in/janepark`).
* `searchTerm` (POST /v3/contacts/filter): every word of the term must occur in the first
  name, last name, email or company, ignoring case and accents (`amelie` finds Amélie).
  Results are ranked: matches on names alone first, then names and email, then anything
  involving the company; ties by first name, last name, id.
* `rules[]`: `property` is a Contact property name (firstName, company, …) and `condition`
  one of equals, notEquals, contains, notContains, startsWith, endsWith, isEmpty,
  isNotEmpty (case-insensitive, values compared ignoring case and accents). Reply does not
  document its vocabulary; this one is a guess, and anything else is a clear 400.
* `sortBy` (a Contact property) and `sortDirection` (`asc`/`desc`) replace the ranking.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from urllib.parse import urlsplit

from bot.reply.sandbox.contract import ContactRule
from bot.reply.sandbox.problems import FieldError
from bot.reply.sandbox.seed import SeedContact


def fold(text: str) -> str:
    """Case- and accent-insensitive form: `Amélie` -> `amelie`."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def linkedin_key(url: str) -> str:
    text = url.strip()
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}".casefold()


def by_email(contacts: Iterable[SeedContact], email: str) -> list[SeedContact]:
    wanted = email.strip().casefold()
    return [c for c in contacts if c.email and c.email.casefold() == wanted]


def by_linkedin(contacts: Iterable[SeedContact], url: str) -> list[SeedContact]:
    wanted = linkedin_key(url)
    return [c for c in contacts if c.linkedin_url and linkedin_key(c.linkedin_url) == wanted]


def _by_name(contact: SeedContact) -> tuple[str, str, int]:
    return fold(contact.first_name), fold(contact.last_name), contact.id


def search(contacts: Iterable[SeedContact], term: str) -> list[SeedContact]:
    words = [fold(word) for word in term.split()]
    if not words:
        return sorted(contacts, key=_by_name)
    ranked: list[tuple[int, tuple[str, str, int], SeedContact]] = []
    for contact in contacts:
        names = (fold(contact.first_name), fold(contact.last_name))
        email, company = fold(contact.email), fold(contact.company)
        rank = 0
        for word in words:
            if any(word in name for name in names):
                continue
            if word in email:
                rank = max(rank, 1)
            elif word in company:
                rank = 2
            else:
                break
        else:
            ranked.append((rank, _by_name(contact), contact))
    return [contact for _, _, contact in sorted(ranked, key=lambda entry: entry[:2])]


_TEXT: dict[str, Callable[[SeedContact], str]] = {
    "firstName": lambda c: c.first_name,
    "lastName": lambda c: c.last_name,
    "email": lambda c: c.email,
    "domain": lambda c: c.domain,
    "phone": lambda c: c.phone,
    "title": lambda c: c.title,
    "company": lambda c: c.company,
    "industry": lambda c: c.industry,
    "city": lambda c: c.city,
    "state": lambda c: c.state,
    "country": lambda c: c.country,
    "timeZoneId": lambda c: c.time_zone_id,
    "linkedInUrl": lambda c: c.linkedin_url,
    "notes": lambda c: c.notes,
}
_CONDITIONS: dict[str, Callable[[str, str], bool]] = {
    "equals": lambda have, want: have == want,
    "notequals": lambda have, want: have != want,
    "contains": lambda have, want: want in have,
    "notcontains": lambda have, want: want not in have,
    "startswith": lambda have, want: have.startswith(want),
    "endswith": lambda have, want: have.endswith(want),
    "isempty": lambda have, _: not have,
    "isnotempty": lambda have, _: bool(have),
}
_CONDITION_NAMES = (
    "equals, notEquals, contains, notContains, startsWith, endsWith, isEmpty, isNotEmpty"
)
_NO_VALUE = {"isempty", "isnotempty"}


def _property(name: str) -> str | None:
    return next((known for known in _TEXT if known.lower() == name.strip().lower()), None)


def rule_problems(rules: Sequence[ContactRule]) -> list[FieldError]:
    found: list[FieldError] = []
    for index, rule in enumerate(rules):
        at = f"/rules/{index}"
        if not rule.property.strip():
            # FilterContacts 400 example.
            found.append(FieldError(f"{at}/property", "'property' must not be empty."))
        elif _property(rule.property) is None:
            names = ", ".join(_TEXT)
            detail = f"'property' must be a contact property: {names}; got {rule.property!r}."
            found.append(FieldError(f"{at}/property", detail))
        condition = rule.condition.strip().lower()
        if condition not in _CONDITIONS:
            detail = f"'condition' must be one of {_CONDITION_NAMES}; got {rule.condition!r}."
            found.append(FieldError(f"{at}/condition", detail))
        elif condition not in _NO_VALUE and rule.value is None:
            detail = f"'value' is required for condition {rule.condition!r}."
            found.append(FieldError(f"{at}/value", detail))
    return found


def apply_rules(contacts: Iterable[SeedContact], rules: Sequence[ContactRule]) -> list[SeedContact]:
    """Contacts meeting every rule (call `rule_problems` first)."""
    checks = []
    for rule in rules:
        name = _property(rule.property)
        assert name is not None
        test = _CONDITIONS[rule.condition.strip().lower()]
        checks.append((_TEXT[name], test, fold(rule.value or "")))
    return [c for c in contacts if all(test(fold(get(c)), want) for get, test, want in checks)]


def _sort_text(name: str) -> Callable[[SeedContact], str]:
    get = _TEXT[name]
    return lambda contact: fold(get(contact))


# Every sort key is text that orders like the value: zero-padded ids, UTC ISO times.
_SORTABLE: dict[str, Callable[[SeedContact], str]] = {
    "id": lambda c: f"{c.id:012d}",
    "addingDate": lambda c: c.added_at.isoformat(),
    "createdAt": lambda c: c.added_at.isoformat(),
    "lastModifiedAt": lambda c: c.modified_at.isoformat(),
    **{name: _sort_text(name) for name in _TEXT},
}


def _sort_key(name: str) -> str | None:
    return next((known for known in _SORTABLE if known.lower() == name.strip().lower()), None)


def sort_problems(sort_by: str | None, direction: str | None) -> list[FieldError]:
    found: list[FieldError] = []
    if sort_by is not None and _sort_key(sort_by) is None:
        detail = f"'sortBy' must be a contact property: {', '.join(_SORTABLE)}; got {sort_by!r}."
        found.append(FieldError("/sortBy", detail))
    if direction is not None and direction.strip().lower() not in ("asc", "desc"):
        detail = f"'sortDirection' must be asc or desc; got {direction!r}."
        found.append(FieldError("/sortDirection", detail))
    return found


def sort(
    contacts: list[SeedContact], sort_by: str | None, direction: str | None
) -> list[SeedContact]:
    """Order by `sortBy` (then id); without it, keep the given order (the ranking)."""
    descending = (direction or "asc").strip().lower() == "desc"
    name = None if sort_by is None else _sort_key(sort_by)
    if name is None:
        return contacts[::-1] if descending else contacts
    key = _SORTABLE[name]
    return sorted(contacts, key=lambda c: (key(c), c.id), reverse=descending)
