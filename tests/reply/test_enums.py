"""The seed dialect's integer mapping and the beta dialect's strings (reply-api-v3.md §2)."""

import pytest

from bot.domain import CreationSource, LinkedInAction, TaskStatus, TaskType
from bot.reply.enums import (
    CREATION_SOURCE,
    LINKEDIN_ACTION,
    TASK_STATUS,
    TASK_TYPE,
    Dialect,
    EnumCodec,
)

DOCUMENTED = [
    (TASK_TYPE, TaskType.TODO, 0, "toDo"),
    (TASK_TYPE, TaskType.CALL, 2, "call"),
    (TASK_TYPE, TaskType.MEETING, 4, "meeting"),
    (TASK_TYPE, TaskType.LINKEDIN, 5, "linkedIn"),
    (TASK_TYPE, TaskType.MANUAL_EMAIL, 7, "manualEmail"),
    (TASK_TYPE, TaskType.SMS, 8, "sms"),
    (TASK_TYPE, TaskType.WHATSAPP, 9, "whatsApp"),
    (TASK_STATUS, TaskStatus.NEW, 0, "new"),
    (TASK_STATUS, TaskStatus.FINISHED, 1, "finished"),
    (TASK_STATUS, TaskStatus.CANCELLED, 3, "cancelled"),
    (TASK_STATUS, TaskStatus.ARCHIVED, 4, "archived"),
    (TASK_STATUS, TaskStatus.SEQUENCE_DETACHED, 5, "sequenceDetached"),
    (LINKEDIN_ACTION, LinkedInAction.MESSAGE, 0, "message"),
    (LINKEDIN_ACTION, LinkedInAction.CONNECT, 1, "connect"),
    (LINKEDIN_ACTION, LinkedInAction.INMAIL, 2, "inMail"),
    (LINKEDIN_ACTION, LinkedInAction.VIEW_PROFILE, 3, "viewProfile"),
    (CREATION_SOURCE, CreationSource.USER, 0, "user"),
    (CREATION_SOURCE, CreationSource.SEQUENCE, 1, "sequence"),
    (CREATION_SOURCE, CreationSource.MEETING, 2, "meeting"),
]


@pytest.mark.parametrize(("codec", "member", "number", "text"), DOCUMENTED)
def test_both_encodings_round_trip(
    codec: EnumCodec[TaskType], member: TaskType, number: int, text: str
) -> None:
    assert codec.encode(member, Dialect.SEED) == number
    assert codec.encode(member, Dialect.BETA) == text
    assert codec.decode(number) is member
    assert codec.decode(text) is member


def test_every_member_is_mapped() -> None:
    for codec, enum_type in [
        (TASK_TYPE, TaskType),
        (TASK_STATUS, TaskStatus),
        (LINKEDIN_ACTION, LinkedInAction),
        (CREATION_SOURCE, CreationSource),
    ]:
        assert len(codec.wire_values(Dialect.SEED)) == len(enum_type)


@pytest.mark.parametrize("raw", [1, 3, 6, 10, -1, True, "ToDo", "CALL", None, 2.0])
def test_unknown_values_are_refused(raw: object) -> None:
    with pytest.raises(ValueError, match="not a valid taskType"):
        TASK_TYPE.decode(raw)


def test_strict_decoding_accepts_only_the_dialects_own_encoding() -> None:
    assert TASK_TYPE.decode_strict(2, Dialect.SEED) is TaskType.CALL
    assert TASK_TYPE.decode_strict("call", Dialect.BETA) is TaskType.CALL
    with pytest.raises(ValueError, match="not a valid"):
        TASK_TYPE.decode_strict("call", Dialect.SEED)
    with pytest.raises(ValueError, match="not a valid"):
        TASK_TYPE.decode_strict(2, Dialect.BETA)
