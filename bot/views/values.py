"""What a button carries to its listener, as a small typed codec.

A button's `value` is the only state that comes back in a `block_actions` payload we can rely
on: ephemeral messages (the cards `/task` answers with) come back without the message itself.
So each button says what its listener needs, in at most 2000 characters (Block Kit, button
element: `value` max 2000).

Encoding: compact JSON with a `kind` tag; when a rep's long command does not fit, the JSON is
zlib-compressed and base64-encoded behind a `z:` prefix. If even that does not fit, the command
is cut to fit and `complete` says so, and the listener can tell the rep instead of silently
losing text. Values are not secret (the Slack client holds them) and must not be trusted for
authorisation: listeners still check `owner` against the clicking user and Reply against the task.
"""

from __future__ import annotations

import base64
import binascii
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Annotated, Literal, TypeVar

from pydantic import AwareDatetime, Field, TypeAdapter, ValidationError

VALUE_LIMIT = 2000
_COMPRESSED = "z:"


@dataclass(frozen=True, slots=True, kw_only=True)
class TaskRef:
    """On card buttons: which task, and the Slack user who may act on it."""

    task_id: int
    owner: str
    kind: Literal["task"] = "task"


@dataclass(frozen=True, slots=True, kw_only=True)
class CommandRef:
    """On 'Open in form' and 'Try again': the command text the rep typed (after `/task`)."""

    command: str
    complete: bool = True
    kind: Literal["command"] = "command"


@dataclass(frozen=True, slots=True, kw_only=True)
class ContactPick:
    """On a contact-pick button: the chosen Reply contact and the command to finish."""

    contact_id: int
    command: str
    complete: bool = True
    kind: Literal["pick"] = "pick"


@dataclass(frozen=True, slots=True, kw_only=True)
class EditRef:
    """The task an edit form changed, with its times as Reply had them when the form opened
    (`bot.forms.EditedTask`), so a failed edit reopens as that edit."""

    task_id: int
    start_at: AwareDatetime
    due_to: AwareDatetime


@dataclass(frozen=True, slots=True, kw_only=True)
class FormRef:
    """On 'Open in form' after a form's save failed once the form had closed (Reply was slower
    than the ack allows): what the form held, by field, and the problems to show as notices
    (keys are `bot.domain.Field` names). `complete` is False when the body was cut to fit;
    `editing` is set when the form edited a task."""

    task_type: str | None = None
    linkedin_action: str | None = None
    contact_value: str | None = None
    contact_label: str = ""
    start: str = ""
    due: str = ""
    subject: str = ""
    body: str = ""
    notices: dict[str, str] = field(default_factory=dict)
    complete: bool = True
    editing: EditRef | None = None
    kind: Literal["form"] = "form"


ButtonValue = TaskRef | CommandRef | ContactPick | FormRef
V = TypeVar("V", TaskRef, CommandRef, ContactPick, FormRef)


@cache
def _adapter() -> TypeAdapter[ButtonValue]:
    # Built on first use, not at import (rule 1).
    tagged = Annotated[ButtonValue, Field(discriminator="kind")]
    return TypeAdapter(tagged)


class ButtonValueError(ValueError):
    """A value this codec did not write (tampered, truncated, or from another app version)."""


def encode(value: ButtonValue) -> str:
    """The button `value` string; ValueError if it cannot fit in 2000 characters."""
    raw = _adapter().dump_json(value, exclude_defaults=False)
    text = raw.decode()
    if len(text) <= VALUE_LIMIT:
        return text
    packed = _COMPRESSED + base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode("ascii")
    if len(packed) <= VALUE_LIMIT:
        return packed
    raise ValueError(
        f"button value needs {len(packed)} characters compressed; Slack allows {VALUE_LIMIT}"
    )


def decode(text: str, expected: type[V]) -> V:
    """Read a value back, checking it is the kind the listener expects."""
    value = decode_any(text)
    if not isinstance(value, expected):
        raise ButtonValueError(f"expected a {expected.__name__} button, got a {value.kind}")
    return value


def decode_any(text: str) -> ButtonValue:
    """Read a value back whatever its kind (a button that carries one of several)."""
    raw: str | bytes = text
    if text.startswith(_COMPRESSED):
        try:
            raw = zlib.decompress(base64.urlsafe_b64decode(text[len(_COMPRESSED) :]))
        except (binascii.Error, zlib.error, ValueError) as exc:
            raise ButtonValueError(f"unreadable compressed button value: {exc}") from exc
    try:
        return _adapter().validate_json(raw)
    except ValidationError as exc:
        raise ButtonValueError(f"not a taskbot button value: {text[:80]!r}") from exc


def encode_fitting(build: Callable[[str, bool], ButtonValue], command: str) -> tuple[str, bool]:
    """Encode a value carrying `command`, cutting the command only if nothing else fits.

    `build(command, complete)` makes the value. Returns the encoded value and whether the
    whole command is in it. The cut keeps the longest prefix that fits (binary search)."""
    try:
        return encode(build(command, True)), True
    except ValueError:
        pass
    low, high = 0, len(command)
    best = encode(build("", False))
    while low < high:
        middle = (low + high + 1) // 2
        try:
            candidate = encode(build(command[:middle], False))
        except ValueError:
            high = middle - 1
        else:
            best, low = candidate, middle
    return best, False
