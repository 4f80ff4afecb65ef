"""private_metadata: round trips, always ≤ 3,000 characters, and refuses what we did not write."""

from __future__ import annotations

import base64
import json
import random
import zlib
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain import LinkedInAction
from bot.forms import (
    METADATA_LIMIT,
    EditedTask,
    FormMetadata,
    FormMetadataError,
    HiddenValues,
    Origin,
)
from tests.forms.support import CREATE_META, EDIT_META, EDITED


@pytest.mark.parametrize(
    "metadata",
    [
        CREATE_META,
        EDIT_META,
        FormMetadata(origin=Origin.GLOBAL_SHORTCUT, user_id="U1"),
        FormMetadata(
            origin=Origin.MESSAGE_SHORTCUT,
            user_id="U1",
            channel_id="C1",
            thread_ts="1764099420.000100",
            message_ts="1764099999.000200",
            response_url="https://hooks.slack.com/app/T1/2/xyz",
            permalink="https://acme.slack.com/archives/C1/p1764099999000200?thread_ts=1764099420.000100",
            hidden=HiddenValues(subject="Pricing", linkedin_action=LinkedInAction.INMAIL),
            nonce="nonce-1",
        ),
        replace(CREATE_META, origin=Origin.OPEN_IN_FORM, hidden=HiddenValues(subject="Hi")),
    ],
    ids=["command", "edit", "global", "message-in-thread", "open-in-form"],
)
def test_metadata_round_trips(metadata: FormMetadata) -> None:
    text = metadata.encode()
    assert len(text) <= METADATA_LIMIT
    assert FormMetadata.decode(text) == metadata


def test_it_is_compact_readable_json_with_a_version() -> None:
    data = json.loads(CREATE_META.encode())
    assert data["v"] == 1
    assert data["origin"] == "command"
    assert "hidden" not in data  # defaults are left out
    assert "editing" not in data
    edited = json.loads(EDIT_META.encode())["editing"]
    assert edited == {
        "task_id": 1001,
        "start_at": "2026-11-20T09:15:42Z",
        "due_to": "2026-11-25T17:36:43Z",
    }


def test_an_edit_form_and_only_it_names_the_task() -> None:
    with pytest.raises(ValueError, match="card_edit"):
        FormMetadata(origin=Origin.CARD_EDIT, user_id="U1")
    with pytest.raises(ValueError, match="card_edit"):
        FormMetadata(origin=Origin.COMMAND, user_id="U1", editing=EDITED)


def test_the_kept_fields_are_bounded_however_the_object_is_built() -> None:
    with pytest.raises(ValueError, match="user_id"):
        FormMetadata(origin=Origin.COMMAND, user_id="")
    with pytest.raises(ValueError, match="channel_id"):
        FormMetadata(origin=Origin.COMMAND, user_id="U1", channel_id="C" * 256)


def test_an_edited_task_has_a_real_id_and_aware_times() -> None:
    with pytest.raises(ValueError, match="positive"):
        EditedTask(task_id=0, start_at=EDITED.start_at, due_to=EDITED.due_to)
    with pytest.raises(ValueError, match="aware"):
        EditedTask(task_id=1, start_at=datetime(2026, 1, 1), due_to=EDITED.due_to)


def test_long_but_repetitive_metadata_is_compressed_whole() -> None:
    metadata = replace(CREATE_META, hidden=HiddenValues(subject="pricing " * 400))
    text = metadata.encode()
    assert text.startswith("z:")
    assert len(text) <= METADATA_LIMIT
    assert FormMetadata.decode(text) == metadata


def test_what_does_not_fit_is_dropped_least_important_first() -> None:
    text = base64.b85encode(random.Random(5).randbytes(6000)).decode()  # incompressible
    metadata = replace(
        CREATE_META,
        permalink="https://acme.slack.com/archives/C1/p1",
        hidden=HiddenValues(subject=text[:2900], linkedin_action=LinkedInAction.CONNECT),
    )
    decoded = FormMetadata.decode(metadata.encode())
    # Only the hidden subject had to go; the action kept beside it, and everything else too.
    assert decoded == replace(metadata, hidden=HiddenValues(linkedin_action=LinkedInAction.CONNECT))

    metadata = replace(metadata, permalink="https://x/" + text[:2800], nonce=text[3000:3100])
    decoded = FormMetadata.decode(metadata.encode())
    assert decoded.permalink is None
    assert decoded.hidden.subject == ""
    assert decoded.nonce == metadata.nonce  # dropping the two biggest was enough
    assert decoded.response_url == CREATE_META.response_url


# Any length in every field, including what Slack itself would never send.
_big = st.text(min_size=0, max_size=4000)


@settings(max_examples=60, deadline=None)
@given(
    origin=st.sampled_from([o for o in Origin if o is not Origin.CARD_EDIT]),
    user_id=st.text(min_size=1, max_size=255),
    channel_id=st.none() | st.text(min_size=1, max_size=255),
    thread_ts=st.none() | _big.filter(bool),
    message_ts=st.none() | _big.filter(bool),
    response_url=st.none() | _big,
    permalink=st.none() | _big,
    tz=st.none() | _big,
    locale=st.none() | _big,
    subject=_big,
    nonce=st.none() | _big,
    edit=st.booleans(),
)
def test_the_worst_case_still_fits_and_keeps_what_matters(  # noqa: PLR0917 - hypothesis
    origin: Origin,
    user_id: str,
    channel_id: str | None,
    thread_ts: str | None,
    message_ts: str | None,
    response_url: str | None,
    permalink: str | None,
    tz: str | None,
    locale: str | None,
    subject: str,
    nonce: str | None,
    edit: bool,
) -> None:
    metadata = FormMetadata(
        origin=Origin.CARD_EDIT if edit else origin,
        user_id=user_id,
        channel_id=channel_id,
        thread_ts=thread_ts,
        message_ts=message_ts,
        response_url=response_url,
        permalink=permalink,
        tz=tz,
        locale=locale,
        editing=EDITED if edit else None,
        hidden=HiddenValues(subject=subject, linkedin_action=LinkedInAction.INMAIL),
        nonce=nonce,
    )
    text = metadata.encode()
    assert len(text) <= METADATA_LIMIT
    decoded = FormMetadata.decode(text)
    assert (decoded.origin, decoded.user_id, decoded.channel_id, decoded.editing) == (
        metadata.origin,
        metadata.user_id,
        metadata.channel_id,
        metadata.editing,
    )
    assert decoded.hidden.linkedin_action is LinkedInAction.INMAIL
    # A field is either kept whole or dropped, never cut.
    for name in ("thread_ts", "message_ts", "response_url", "permalink", "tz", "locale", "nonce"):
        assert getattr(decoded, name) in (None, getattr(metadata, name))
    assert decoded.hidden.subject in ("", subject)


def _z(raw: bytes) -> str:
    return "z:" + base64.urlsafe_b64encode(zlib.compress(raw)).decode()


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("", "no taskbot metadata"),
        ("hello", "not JSON"),
        ("[1, 2]", "unknown version"),
        ('{"origin": "command", "user_id": "U1"}', "unknown version"),
        ('{"v": 2, "origin": "command", "user_id": "U1"}', "unknown version"),
        ('{"v": 1, "origin": "fax", "user_id": "U1"}', "origin"),
        ('{"v": 1, "origin": "command"}', "user_id"),
        ('{"v": 1, "origin": "command", "user_id": "U1", "admin": true}', "admin"),
        ('{"v": 1, "origin": "card_edit", "user_id": "U1"}', "card_edit"),
        ('{"v": 1, "origin": "card_edit", "user_id": "U1", "editing": {"task_id": 5, '
         '"start_at": "2026-11-20T09:15:00", "due_to": "2026-11-21T09:15:00Z"}}', "timezone"),
        ('{"v": 1, "origin": "command", "user_id": "U1", "hidden": {"linkedin_action": "Poke"}}',
         "linkedin_action"),
        ("z:!!!not-base64!!!", "compressed"),
        ("z:" + base64.urlsafe_b64encode(b"plain bytes").decode(), "compressed"),
        (_z(b"\x00" * 200_000), "too large"),
        (_z(b'{"v": 1}')[:-6], "compressed"),
    ],
    ids=["empty", "not-json", "list", "no-version", "future-version", "bad-origin", "no-user",
         "extra-field", "edit-without-task", "naive-time", "bad-action", "bad-base64",
         "not-zlib", "zip-bomb", "truncated"],
)  # fmt: skip
def test_anything_else_is_refused_with_a_reason(text: str, why: str) -> None:
    with pytest.raises(FormMetadataError, match=why):
        FormMetadata.decode(text)


def test_the_time_zone_of_an_edited_task_does_not_matter() -> None:
    metadata = replace(
        EDIT_META,
        editing=EditedTask(
            task_id=7,
            start_at=datetime(2026, 11, 20, 9, 15, tzinfo=UTC),
            due_to=datetime(2026, 11, 30, 17, 0, tzinfo=UTC),
        ),
    )
    assert FormMetadata.decode(metadata.encode()) == metadata
