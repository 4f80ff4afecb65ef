"""Reply's two enum encodings, in one table per enum.

Reply API v3 is documented twice (see `reply-api-v3.md` §0): the specification taskbot was
built from ("seed": `X-API-Key`, integer enums) and Reply's current Beta docs ("beta":
`Authorization: Bearer`, camelCase strings). Field names are the same; only the auth header
and the enum encoding differ. `encode` follows the dialect chosen for sending; `decode`
accepts either encoding, because we never know for sure what a given Reply deployment answers.

`callResolution` is an integer in both dialects (Reply's OpenAPI has no string form).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Generic, TypeVar

from bot.domain import CallResolution, CreationSource, LinkedInAction, TaskStatus, TaskType


class Dialect(enum.StrEnum):
    SEED = "seed"
    BETA = "beta"


E = TypeVar("E", bound=enum.Enum)


class EnumCodec(Generic[E]):
    """Maps one domain enum to Reply's integer and string encodings and back."""

    def __init__(self, name: str, table: Mapping[E, tuple[int, str]]) -> None:
        self.name = name
        self._to_wire = dict(table)
        self._from_int = {number: member for member, (number, _) in table.items()}
        self._from_str = {text: member for member, (_, text) in table.items()}

    def encode(self, member: E, dialect: Dialect) -> int | str:
        number, text = self._to_wire[member]
        return number if dialect is Dialect.SEED else text

    def decode(self, raw: object) -> E:
        """Either encoding -> the member; ValueError names the field and the bad value."""
        # bool is an int subclass; `true` is never a valid enum value.
        if isinstance(raw, int) and not isinstance(raw, bool) and raw in self._from_int:
            return self._from_int[raw]
        if isinstance(raw, str) and raw in self._from_str:
            return self._from_str[raw]
        raise ValueError(f"{raw!r} is not a valid {self.name}")

    def decode_strict(self, raw: object, dialect: Dialect) -> E:
        """Only the dialect's own encoding (what the sandbox accepts in a request)."""
        if dialect is Dialect.SEED:
            ok = isinstance(raw, int) and not isinstance(raw, bool) and raw in self._from_int
        else:
            ok = isinstance(raw, str) and raw in self._from_str
        if not ok:
            raise ValueError(f"{raw!r} is not a valid {self.name}")
        return self.decode(raw)

    def wire_values(self, dialect: Dialect) -> list[int | str]:
        return [self.encode(member, dialect) for member in self._to_wire]


TASK_TYPE: EnumCodec[TaskType] = EnumCodec(
    "taskType",
    {
        TaskType.TODO: (0, "toDo"),
        TaskType.CALL: (2, "call"),
        TaskType.MEETING: (4, "meeting"),
        TaskType.LINKEDIN: (5, "linkedIn"),
        TaskType.MANUAL_EMAIL: (7, "manualEmail"),
        TaskType.SMS: (8, "sms"),
        TaskType.WHATSAPP: (9, "whatsApp"),
    },
)

TASK_STATUS: EnumCodec[TaskStatus] = EnumCodec(
    "status",
    {
        TaskStatus.NEW: (0, "new"),
        TaskStatus.FINISHED: (1, "finished"),
        TaskStatus.CANCELLED: (3, "cancelled"),
        TaskStatus.ARCHIVED: (4, "archived"),
        TaskStatus.SEQUENCE_DETACHED: (5, "sequenceDetached"),
    },
)

LINKEDIN_ACTION: EnumCodec[LinkedInAction] = EnumCodec(
    "linkedInTaskType",
    {
        LinkedInAction.MESSAGE: (0, "message"),
        LinkedInAction.CONNECT: (1, "connect"),
        LinkedInAction.INMAIL: (2, "inMail"),
        LinkedInAction.VIEW_PROFILE: (3, "viewProfile"),
    },
)

CREATION_SOURCE: EnumCodec[CreationSource] = EnumCodec(
    "creationSource",
    {
        CreationSource.USER: (0, "user"),
        CreationSource.SEQUENCE: (1, "sequence"),
        CreationSource.MEETING: (2, "meeting"),
    },
)

# Integer in both dialects: encode() with either dialect gives the number.
CALL_RESOLUTION_CODES: Mapping[CallResolution, int] = {
    CallResolution.POSITIVE: 0,
    CallResolution.TO_CALL: 1,
    CallResolution.NEGATIVE: 2,
}
