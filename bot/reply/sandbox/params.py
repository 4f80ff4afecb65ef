"""Route and query parameters: ids, `top`/`skip` paging, `includeContent`.

Reply (reply-api-v3.md §2, §5.2): `top` is 1..1000 (default 25), `skip` 0 or more; a bad
value is a 400 with `task.invalidPagination` / `contact.invalidPagination` (GetTasks,
GetContacts, FilterContacts examples) or a validation error with pointer `top` (FilterTasks
example). The task endpoints' schemas allow both at once, so their beta body carries the
`code` and `errors[{pointer: "top"}]`; the contact endpoints' 400 is `oneOf` a business or
a validation problem, so theirs carries the `code` alone.
A path id that is not a positive integer is a validation error with pointer `id`.

Integers are parsed strictly (`12`, not `+12`, `1_2`, ` 12` or `12.0`); an empty query value
counts as absent, as ASP.NET's model binding treats it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from bot.reply.sandbox.problems import FieldError, Kind, Problem

T = TypeVar("T")

MAX_TOP = 1000
DEFAULT_TOP = 25
INT32_MAX = 2_147_483_647
_INTEGER = re.compile(r"-?[0-9]+", re.ASCII)


@dataclass(frozen=True, slots=True)
class Page:
    top: int = DEFAULT_TOP
    skip: int = 0

    def cut(self, items: Sequence[T]) -> tuple[list[T], bool]:
        """This page of `items` and whether more follow (`hasMore`)."""
        end = self.skip + self.top
        return list(items[self.skip : end]), len(items) > end


def _integer(text: str) -> int | None:
    return int(text) if _INTEGER.fullmatch(text) else None


def page(query: Mapping[str, str], kind: Kind, *, pointer: bool = True) -> Page:
    """`top` and `skip`, or a 400 of `kind` (task or contact invalidPagination), with
    `errors[{pointer}]` unless `pointer` is false."""
    top_text = query.get("top", "")
    skip_text = query.get("skip", "")
    top = _integer(top_text) if top_text else DEFAULT_TOP
    skip = _integer(skip_text) if skip_text else 0
    if top is None or not 1 <= top <= MAX_TOP:
        detail = f"Parameter 'top' must be between 1 and {MAX_TOP}."
        if top is None:
            detail = (
                f"Parameter 'top' must be an integer between 1 and {MAX_TOP}; got {top_text!r}."
            )
        raise Problem(kind, detail, [FieldError("top", detail)] if pointer else [])
    if skip is None or skip < 0:
        detail = "Parameter 'skip' must be an integer, 0 or more"
        detail += f"; got {skip_text!r}." if skip is None else "."
        raise Problem(kind, detail, [FieldError("skip", detail)] if pointer else [])
    return Page(top, skip)


def positive_id(text: str, *, message: str = "'id' must be a positive integer.") -> int:
    """A route id: 1..2147483647, or a validation error with pointer `id`."""
    value = _integer(text)
    if value is None or not 1 <= value <= INT32_MAX:
        raise Problem.invalid([FieldError("id", message)])
    return value


# GetContactById's documented message (reply-v3-openapi.yaml, 400 example).
CONTACT_ID_MESSAGE = f"The field id must be between 1 and {INT32_MAX}."


def flag(query: Mapping[str, str], name: str) -> bool:
    """A boolean query parameter (`true`/`false`, any case; absent or empty: false)."""
    text = query.get(name, "")
    if text.lower() in ("", "false"):
        return False
    if text.lower() == "true":
        return True
    detail = f"The value {text!r} is not valid for {name}: use true or false."
    raise Problem.invalid([FieldError(name, detail)])
