"""What the task modal remembers between opening and saving: its `private_metadata`.

A view_submission payload carries the form's state and `private_metadata`, a string of at most
3,000 characters (slack-notes §2.3; `slack_sdk` View `private_metadata_max_length`). Nothing
else tells the listener where the rep started, so this holds: how the form was opened, the
Slack user, where to deliver the card (channel, thread, the `response_url` of the command or
shortcut), the source message's permalink, the rep's zone and locale, the task being edited
(its id, and its start and due as Reply had them, so unchanged past times are kept), and the
values of fields the current type hides (`HiddenValues`: a subject typed for an email survives
switching to a call and back).

Encoding: compact JSON with a version tag; past 3,000 characters, zlib + base64 behind `z:`;
past that, fields are dropped, least important first (`_DROP_ORDER`), so `encode()` always
fits. It is not signed: Slack keeps views server-side and only returns `private_metadata` in
payloads verified by the request signature, and listeners still check the submitting user
against `user_id`. `decode` refuses anything this module did not write (`FormMetadataError`).
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cache
from typing import Annotated, Any, Final

from pydantic import (
    AwareDatetime,
    ConfigDict,
    StringConstraints,
    TypeAdapter,
    ValidationError,
    with_config,
)

from bot.clock import is_aware
from bot.domain import LinkedInAction

METADATA_LIMIT: Final = 3000
VERSION: Final = 1
_COMPRESSED: Final = "z:"
_DECOMPRESSED_LIMIT: Final = 64_000  # far above anything encode() writes: a bad blob stops here

_ID_LIMIT: Final = 255
SlackId = Annotated[str, StringConstraints(min_length=1, max_length=_ID_LIMIT)]
"""User, channel and message ids (`ts`): short in practice; 255 is Slack's id limit."""


class Origin(StrEnum):
    """How the form was opened (it decides where the card goes after saving)."""

    COMMAND = "command"  # `/task` with no text
    OPEN_IN_FORM = "open_in_form"  # "Open in form" on an answer to `/task`
    GLOBAL_SHORTCUT = "global_shortcut"  # ⚡ menu: no channel, no response_url
    MESSAGE_SHORTCUT = "message_shortcut"  # a message's ⋮ menu (works in threads)
    CARD_EDIT = "card_edit"  # ✏️ Edit on a task card


class FormMetadataError(ValueError):
    """`private_metadata` this module did not write (or wrote in an unknown version)."""


@with_config(ConfigDict(extra="forbid"))
@dataclass(frozen=True, slots=True)
class HiddenValues:
    """Values of fields the chosen type does not show, kept until the field comes back."""

    subject: str = ""
    linkedin_action: LinkedInAction | None = None


@with_config(ConfigDict(extra="forbid"))
@dataclass(frozen=True, slots=True)
class EditedTask:
    """The task an edit form changes, with its times as Reply had them when the form opened."""

    task_id: int
    start_at: AwareDatetime
    due_to: AwareDatetime

    def __post_init__(self) -> None:
        if self.task_id <= 0:
            raise ValueError(f"a Reply task id is a positive number, got {self.task_id}")
        for name in ("start_at", "due_to"):
            value = getattr(self, name)
            if not is_aware(value):
                raise ValueError(f"{name} must be timezone-aware, got {value.isoformat()}")


@with_config(ConfigDict(extra="forbid"))
@dataclass(frozen=True, slots=True, kw_only=True)
class FormMetadata:
    """The modal's context. `user_id` is the rep who opened it (the only one who may save)."""

    origin: Origin
    user_id: SlackId
    channel_id: SlackId | None = None
    thread_ts: SlackId | None = None
    message_ts: SlackId | None = None
    response_url: str | None = None
    permalink: str | None = None
    tz: str | None = None
    locale: str | None = None
    editing: EditedTask | None = None
    hidden: HiddenValues = field(default_factory=HiddenValues)
    nonce: str | None = None
    """Set by the listener (e.g. `secrets.token_urlsafe(8)`) to recognise a repeated submit."""

    def __post_init__(self) -> None:
        if (self.origin is Origin.CARD_EDIT) != (self.editing is not None):
            raise ValueError("an edit form (origin card_edit) and only it names the edited task")
        # The fields encode() never drops must stay bounded, however the object was built.
        for name in ("user_id", "channel_id"):
            value = getattr(self, name)
            if value is not None and not 0 < len(value) <= _ID_LIMIT:
                raise ValueError(f"{name} must be 1 to {_ID_LIMIT} characters, got {len(value)}")

    def with_hidden(self, hidden: HiddenValues) -> FormMetadata:
        return replace(self, hidden=hidden)

    def encode(self) -> str:
        """At most 3,000 characters, whatever the fields hold (see the module docstring)."""
        data = _adapter().dump_python(self, mode="json", exclude_defaults=True)
        data["v"] = VERSION
        for name in (None, *_DROP_ORDER):
            if name is not None:
                _drop(data, name)
            text = _pack(data)
            if text is not None:
                return text
        raise AssertionError("unreachable: the kept fields are bounded far below 3,000")

    @classmethod
    def decode(cls, text: str) -> FormMetadata:
        if not isinstance(text, str) or not text:
            raise FormMetadataError("the form has no taskbot metadata")
        raw = _unpack(text)
        try:
            data = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise FormMetadataError(f"form metadata is not JSON: {exc}") from None
        if not isinstance(data, dict) or data.pop("v", None) != VERSION:
            raise FormMetadataError("form metadata of an unknown version")
        try:
            return _adapter().validate_python(data)
        except (ValidationError, ValueError) as exc:
            raise FormMetadataError(f"form metadata does not fit: {_first_error(exc)}") from None


# Least important first: a hidden subject the rep can retype, links and hints the listener can
# do without (the body already holds a message's permalink; the zone and locale come from
# users.info again), then where to deliver (the card falls back to a DM). `origin`, `user_id`,
# `channel_id` and `editing` are never dropped: together they stay far below the limit.
_DROP_ORDER: Final = (
    "hidden.subject",
    "permalink",
    "nonce",
    "locale",
    "tz",
    "message_ts",
    "thread_ts",
    "response_url",
)


def _drop(data: dict[str, Any], name: str) -> None:
    head, _, rest = name.partition(".")
    if rest:
        inner = data.get(head)
        if isinstance(inner, dict):
            inner.pop(rest, None)
            if not inner:
                data.pop(head)
    else:
        data.pop(head, None)


def _pack(data: dict[str, Any]) -> str | None:
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    if len(text) <= METADATA_LIMIT:
        return text
    packed = zlib.compress(text.encode(), 9)
    compressed = _COMPRESSED + base64.urlsafe_b64encode(packed).decode("ascii")
    return compressed if len(compressed) <= METADATA_LIMIT else None


def _unpack(text: str) -> str | bytes:
    if not text.startswith(_COMPRESSED):
        return text
    try:
        packed = base64.urlsafe_b64decode(text[len(_COMPRESSED) :].encode("ascii"))
        inflater = zlib.decompressobj()
        raw = inflater.decompress(packed, _DECOMPRESSED_LIMIT)
    except (binascii.Error, zlib.error, ValueError, UnicodeEncodeError) as exc:
        raise FormMetadataError(f"unreadable compressed form metadata: {exc}") from None
    if inflater.unconsumed_tail or not inflater.eof:
        raise FormMetadataError("compressed form metadata is truncated or too large")
    return raw


def _first_error(exc: ValidationError | ValueError) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "metadata"
        return f"{where}: {first['msg']}"
    return str(exc)


@cache
def _adapter() -> TypeAdapter[FormMetadata]:
    # Built on first use, not at import (rule 1).
    return TypeAdapter(FormMetadata)
