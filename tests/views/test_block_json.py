"""`block_json` says exactly what slack_sdk's `to_dict()` says, for every block taskbot
builds, still refuses what slack_sdk refuses, and leaves the garbage collector little to do."""

from __future__ import annotations

import gc
import itertools
from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.blocks import (
    Block,
    ContextBlock,
    HeaderBlock,
    MarkdownTextObject,
    Option,
    PlainTextObject,
    RichTextBlock,
    RichTextSectionElement,
    SectionBlock,
    StaticSelectElement,
)

from bot.domain import LinkedInAction, TaskStatus, TaskType
from bot.views import (
    CardContext,
    contact_pick_card,
    error_card,
    progress_card,
    task_card,
    usage_card,
)
from bot.views._block_json import block_json
from bot.views.card import Card, button, confirm
from bot.views.modal import task_modal
from tests.forms.support import CREATE_META, EDIT_META
from tests.forms.support import CTX as FORM_CTX
from tests.support.task_samples import JANE, NEW_YORK, NOW, make_task


def _task_cards() -> Iterator[Card]:
    kinds = [(t, None) for t in TaskType if t is not TaskType.LINKEDIN]
    kinds += [(TaskType.LINKEDIN, action) for action in LinkedInAction]
    for (task_type, action), status, shared, asking in itertools.product(
        kinds, TaskStatus, (None, "U0JANE"), (False, True)
    ):
        task = make_task(
            task_type=task_type,
            linkedin_action=action,
            status=status,
            finished_at=NOW if status is TaskStatus.FINISHED else None,
        )
        ctx = CardContext(
            owner="U0JANE",
            tz=NEW_YORK,
            sandbox=True,
            shared_by=shared,
            asking_outcome=asking,
            note="Saved.",
        )
        yield task_card(task, JANE, ctx)
        yield task_card(task, None, ctx)


def _reply_cards() -> Iterator[Card]:
    yield progress_card(TaskType.CALL, None, "jane@acme.com")
    yield usage_card()
    yield error_card("Reply was too slow.", command="call jane tomorrow", retry=True)
    yield error_card("Not found.", details=["one", "two"], command="call x")
    others = [replace(JANE, id=JANE.id + n, company=None if n % 2 else "Acme") for n in range(5)]
    yield contact_pick_card("jane", [JANE, *others], command="call jane tomorrow", total=12)


def _modal_blocks() -> Iterator[Block]:
    from bot.forms import FormValues  # noqa: PLC0415 - only the modal cases need it

    for meta, mode in ((CREATE_META, "create"), (EDIT_META, "edit")):
        view = task_modal(FormValues.blank(FORM_CTX), mode=mode, metadata=meta, sandbox=True)
        yield from view.blocks


def _every_block() -> list[Block]:
    blocks = [b for card in (*_task_cards(), *_reply_cards()) for b in card.blocks]
    blocks += list(_modal_blocks())
    # Objects with their own to_dict (options, confirm) and an empty list Slack allows.
    select = StaticSelectElement(
        action_id="pick",
        placeholder="Pick",
        options=[Option(value="a", text="A"), Option(value="b", text="B")],
        confirm=confirm("Sure?", "It cannot be undone.", "Yes", "No"),
    )
    blocks.append(SectionBlock(text=MarkdownTextObject(text="*a select*"), accessory=select))
    blocks.append(RichTextBlock(elements=[RichTextSectionElement(elements=[])]))
    blocks.append(ContextBlock(elements=[button("Go", "go", "1", style="primary")]))
    return blocks


BLOCKS = _every_block()


def test_there_is_a_lot_to_compare() -> None:
    assert len(BLOCKS) > 500
    assert len({type(b).__name__ for b in BLOCKS}) >= 6


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_the_same_json_as_to_dict(index: int) -> None:
    block = BLOCKS[index]
    assert block_json(block) == block.to_dict()


def test_keys_in_the_same_order() -> None:
    for block in BLOCKS[:50]:
        assert list(block_json(block)) == list(block.to_dict())


def test_what_slack_sdk_refuses_is_refused() -> None:
    too_long = HeaderBlock(text=PlainTextObject(text="x" * 151))
    with pytest.raises(SlackObjectFormationError):
        too_long.to_dict()
    with pytest.raises(SlackObjectFormationError):
        block_json(too_long)
    nested = ContextBlock(elements=[PlainTextObject(text="ok")] * 11)  # at most 10 elements
    with pytest.raises(SlackObjectFormationError):
        Card(blocks=(nested,), text="x").blocks_json()


def _cycles_left(make_json: Callable[[], object]) -> int:
    """Objects the cyclic collector finds after `make_json()` (none were pending before)."""
    gc.collect()
    gc.disable()
    try:
        make_json()
        return gc.collect()
    finally:
        gc.enable()


def test_a_card_leaves_the_collector_little_to_do() -> None:
    card = next(_task_cards())
    confirms = sum(
        1 for block in card.blocks_json() for e in block.get("elements", []) if "confirm" in e
    )
    by_slack_sdk = _cycles_left(lambda: [block.to_dict() for block in card.blocks])
    ours = _cycles_left(card.message)
    # What is left comes from ConfirmObject.to_dict (its own, called as slack_sdk does): one
    # closure cycle (function, cell, two tuples) per text object, four per dialog.
    assert ours <= 4 * 4 * confirms
    assert by_slack_sdk >= 5 * max(ours, 1)
