"""What issue 5 added to the views: a form's values travelling on 'Open in form' (FormRef,
cut only when nothing else fits), and good news under a modal field (`confirmations`)."""

from __future__ import annotations

import os

import pytest

from bot import ids
from bot.forms import FormValues
from bot.views import error_card
from bot.views.modal import task_modal
from bot.views.values import ButtonValueError, FormRef, TaskRef, decode, decode_any, encode
from tests.forms.support import CREATE_META, CTX
from tests.support.block_kit import assert_valid_message, assert_valid_view


def open_in_form_value(card_blocks: list[dict[str, object]]) -> str:
    for block in card_blocks:
        for element in block.get("elements", []):  # type: ignore[attr-defined]
            if element.get("action_id") == ids.OPEN_FORM:
                return str(element["value"])
    raise AssertionError("no Open in form button")


def test_a_form_travels_whole_on_its_open_in_form_button() -> None:
    held = FormRef(
        task_type="Call",
        contact_value="email:jane@acme.com",
        contact_label="jane@acme.com",
        due="tomorrow 3pm",
        body="Ask about {{company}} pricing " * 90,  # 2,700 characters
        notices={"contact": "No Reply contact has the email jane@acme.com."},
    )
    card = error_card("Reply was too slow.", form=held)
    assert_valid_message(card.blocks_json(), card.text)
    assert decode(open_in_form_value(card.blocks_json()), FormRef) == held


def test_a_body_too_long_for_the_button_is_cut_and_says_so() -> None:
    noise = os.urandom(1400).hex()  # does not compress
    card = error_card("Reply was too slow.", form=FormRef(body=noise))
    carried = decode(open_in_form_value(card.blocks_json()), FormRef)
    assert not carried.complete
    assert noise.startswith(carried.body)
    assert 0 < len(carried.body) < len(noise)


def test_decode_any_reads_every_kind_and_decode_still_checks_the_kind() -> None:
    value = encode(TaskRef(task_id=1, owner="U1"))
    assert decode_any(value) == TaskRef(task_id=1, owner="U1")
    with pytest.raises(ButtonValueError):
        decode(value, FormRef)
    with pytest.raises(ButtonValueError):
        decode_any('{"kind": "mystery"}')


def test_a_confirmation_shows_under_its_field_unless_a_notice_is_there() -> None:
    view = task_modal(
        FormValues.blank(CTX),
        mode="create",
        metadata=CREATE_META,
        confirmations={"contact": "Found in Reply: Jane Cooper", "due_to": "ignored"},
        notices={"due_to": "Say when."},
    ).to_dict()
    assert_valid_view(view)
    shown = {
        b["block_id"]: b["elements"][0]["text"] for b in view["blocks"] if b["type"] == "context"
    }
    assert shown[ids.notice_block_id(ids.CONTACT_BLOCK)] == "✅ Found in Reply: Jane Cooper"
    assert shown[ids.notice_block_id(ids.DUE_BLOCK)] == "⚠️ Say when."
