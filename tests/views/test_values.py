"""The button value codec: round trips, compression, and refusing what it did not write."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.views.values import (
    VALUE_LIMIT,
    ButtonValueError,
    CommandRef,
    ContactPick,
    TaskRef,
    decode,
    encode,
    encode_fitting,
)


def test_a_task_ref_is_short_json() -> None:
    value = encode(TaskRef(task_id=1001, owner="U0JANE"))
    assert value == '{"task_id":1001,"owner":"U0JANE","kind":"task"}'
    assert decode(value, TaskRef) == TaskRef(task_id=1001, owner="U0JANE")


@given(st.text(max_size=6000))
def test_commands_round_trip_or_say_they_were_cut(command: str) -> None:
    value, whole = encode_fitting(
        lambda text, complete: CommandRef(command=text, complete=complete), command
    )
    assert len(value) <= VALUE_LIMIT
    back = decode(value, CommandRef)
    assert back.complete is whole
    if whole:
        assert back.command == command
    else:
        assert command.startswith(back.command)


def test_a_long_repetitive_command_is_compressed_not_cut() -> None:
    command = "call jane@acme.com tomorrow 3pm Ask about pricing. " * 60
    value = encode(ContactPick(contact_id=5, command=command))
    assert value.startswith("z:")
    assert decode(value, ContactPick).command == command


def test_too_much_is_refused_with_the_numbers() -> None:
    import os  # noqa: PLC0415

    with pytest.raises(ValueError, match="Slack allows 2000"):
        encode(CommandRef(command=os.urandom(3000).hex()))


@pytest.mark.parametrize(
    "value",
    [
        "",
        "42",
        '{"task_id": "x", "owner": "U1", "kind": "task"}',
        '{"kind": "bomb"}',
        "z:!!!",
        "z:eJw=",
    ],
)
def test_values_it_did_not_write_are_refused(value: str) -> None:
    with pytest.raises(ButtonValueError):
        decode(value, TaskRef)


def test_a_value_of_another_kind_is_refused() -> None:
    with pytest.raises(ButtonValueError, match="expected a TaskRef button, got a command"):
        decode(encode(CommandRef(command="call")), TaskRef)
