"""Check blocks and views the way Slack does, offline: what the Slack stand-in rejects (so the
console shows a developer an invalid card at once), and what view tests assert of every builder.

Slack publishes no Block Kit schema (slack-notes §3.6), so this combines:
- `slack_sdk.models` parsing + `to_dict()` (which runs every `@JsonValidator`, nested objects
  included: text lengths, option counts, view title ≤ 24, private_metadata ≤ 3000, …);
- a round trip: what slack_sdk writes back must equal what was sent, so an unknown property or
  an unsupported element type is caught (Slack answers `invalid_blocks` for those);
- the rules slack_sdk leaves out: 50 blocks per message (100 per modal), unique block_ids,
  action_ids unique within a block, `submit` required when a modal has input blocks.

Problems come back as Slack words them: `message [json-pointer:/blocks/0/text]`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any, Literal

from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

BLOCK_LIMIT = {"message": 50, "modal": 100}
ID_LIMIT = 255
TEXT_LIMIT = 3000
"""Any text object (composition objects, "text": "maximum length … 3000 characters"); slack_sdk
checks it only where a block names it (section text), not e.g. in a context element."""


def load_json(value: Any) -> Any:
    """Form-encoded Web API calls carry blocks/views as JSON strings."""
    if isinstance(value, str):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    return value


def block_problems(
    raw_blocks: Any, *, surface: Literal["message", "modal"] = "message", pointer: str = "/blocks"
) -> list[str]:
    blocks = load_json(raw_blocks)
    if not isinstance(blocks, list):
        return [f"must provide an array [json-pointer:{pointer}]"]
    problems: list[str] = []
    limit = BLOCK_LIMIT[surface]
    if len(blocks) > limit:
        problems.append(f"no more than {limit} items allowed [json-pointer:{pointer}]")
    seen_block_ids: set[str] = set()
    for index, block in enumerate(blocks):
        here = f"{pointer}/{index}"
        if not isinstance(block, dict):
            problems.append(f"must provide an object [json-pointer:{here}]")
            continue
        problems += _one_block(block, here)
        block_id = block.get("block_id")
        if isinstance(block_id, str):
            if block_id in seen_block_ids:
                problems.append(f"duplicate block_id {block_id!r} [json-pointer:{here}/block_id]")
            seen_block_ids.add(block_id)
            if not 0 < len(block_id) <= ID_LIMIT:
                problems.append(f"block_id must be 1-255 characters [json-pointer:{here}]")
        action_ids = [e.get("action_id") for e in _elements(block) if e.get("action_id")]
        if len(action_ids) != len(set(action_ids)):
            problems.append(f"action_ids must be unique in a block [json-pointer:{here}]")
    return problems


def _one_block(block: dict[str, Any], here: str) -> list[str]:
    try:
        parsed = Block.parse(block)
    except (SlackObjectFormationError, TypeError, KeyError, AttributeError) as exc:
        return [f"invalid block: {exc} [json-pointer:{here}]"]
    if parsed is None or type(parsed) is Block:
        return [f"unsupported block type {block.get('type')!r} [json-pointer:{here}/type]"]
    try:
        written = parsed.to_dict()
    except (SlackObjectFormationError, TypeError, AttributeError) as exc:
        return [f"{exc} [json-pointer:{here}]"]
    difference = first_difference(block, written, here)
    if difference is not None:
        return [f"unsupported or malformed property [json-pointer:{difference}]"]
    return [
        f"must be less than {TEXT_LIMIT + 1} characters [json-pointer:{at}/text]"
        for at, text in _text_objects(block, here)
        if len(text) > TEXT_LIMIT
    ]


def _text_objects(value: Any, pointer: str) -> Iterator[tuple[str, str]]:
    """(pointer, text) of every text object (`{"type": "mrkdwn"|"plain_text", "text": …}`)."""
    if isinstance(value, dict):
        if value.get("type") in ("mrkdwn", "plain_text") and isinstance(value.get("text"), str):
            yield pointer, value["text"]
        for key, item in value.items():
            yield from _text_objects(item, f"{pointer}/{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _text_objects(item, f"{pointer}/{index}")


def _elements(block: Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
    for element in block.get("elements", []) or []:
        if isinstance(element, dict):
            yield element
    for key in ("accessory", "element"):
        element = block.get(key)
        if isinstance(element, dict):
            yield element


def view_problems(raw_view: Any, pointer: str = "/view") -> list[str]:
    view = load_json(raw_view)
    if not isinstance(view, dict):
        return [f"must provide an object [json-pointer:{pointer}]"]
    if view.get("type") not in ("modal", "home"):
        return [f"view type must be modal or home [json-pointer:{pointer}/type]"]
    problems = block_problems(view.get("blocks"), surface="modal", pointer=f"{pointer}/blocks")
    shell = {k: v for k, v in view.items() if k != "blocks"}
    try:
        written = View(**shell, blocks=[{"type": "divider"}]).to_dict()
    except (SlackObjectFormationError, TypeError) as exc:
        return [*problems, f"{exc} [json-pointer:{pointer}]"]
    written.pop("blocks", None)
    difference = first_difference(shell, written, pointer)
    if difference is not None:
        problems.append(f"unsupported or malformed property [json-pointer:{difference}]")
    blocks = view.get("blocks") or []
    has_inputs = any(isinstance(b, dict) and b.get("type") == "input" for b in blocks)
    if view["type"] == "modal" and has_inputs and not view.get("submit"):
        # node-slack-sdk #875: Slack refuses such a modal.
        problems.append(f"a modal with input blocks needs submit [json-pointer:{pointer}]")
    return problems


def first_difference(sent: Any, written: Any, pointer: str) -> str | None:
    """The JSON pointer of the first place where `sent` and slack_sdk's rewrite differ."""
    if isinstance(sent, dict) and isinstance(written, dict):
        keys = list(sent) + [k for k in written if k not in sent]
        pairs = [(k, sent.get(k, _MISSING), written.get(k, _MISSING)) for k in keys]
    elif isinstance(sent, list) and isinstance(written, list) and len(sent) == len(written):
        pairs = [(i, a, b) for i, (a, b) in enumerate(zip(sent, written, strict=True))]
    else:
        return None if sent == written else pointer
    for key, a, b in pairs:
        found = first_difference(a, b, f"{pointer}/{key}")
        if found:
            return found
    return None


_MISSING = object()
