"""Block Kit objects as Slack JSON: slack_sdk's `to_dict()`, output for output, made cheaper.

`JsonObject.to_dict()` (slack_sdk/models/basic_objects.py) runs the object's validators, then
`get_non_null_attributes()`, which defines a recursive closure on every call: a function that
refers to itself through its cell, a reference cycle only the garbage collector frees. A task
card makes about 25 of them and walks each nested object's dict a second time; at 100
commands/s that garbage was most of what made CPython's collector run (and pause acks), and
the card a few percent of the CPU per command (tests/bench/command_cpu.py).

`block_json` walks the same attributes in the same order with the same emptiness rule and
runs the same validators (`validate_json`), so a card that slack_sdk would refuse is still
refused here; objects whose class writes its own `to_dict` (ConfirmObject, Option, …) are
asked for it, as slack_sdk does. tests/views/test_block_json.py compares the two on every card.
"""

from __future__ import annotations

from typing import Any

from slack_sdk.models.basic_objects import EMPTY_ALLOWED_TYPE_AND_PROPERTY_LIST, JsonObject

# (type, property) pairs whose empty list is still sent (rich text elements).
_EMPTY_ALLOWED = frozenset(
    (entry["type"], entry["property"]) for entry in EMPTY_ALLOWED_TYPE_AND_PROPERTY_LIST
)


def block_json(value: Any) -> Any:
    """What slack_sdk's `to_dict_compatible(value)` gives: lists and tuples item by item,
    objects with a `to_dict` as dicts, anything else (dicts included) as it is."""
    if isinstance(value, list | tuple):
        return [block_json(item) for item in value]
    to_dict = getattr(value, "to_dict", None)
    if not callable(to_dict):
        return value
    if isinstance(value, JsonObject) and type(value).to_dict is JsonObject.to_dict:
        value.validate_json()
        return _attributes(value)
    return {key: block_json(item) for key, item in to_dict().items()}


def _attributes(obj: JsonObject) -> dict[str, Any]:
    """`get_non_null_attributes()`: the non-empty attributes, sorted by name."""
    kind = getattr(obj, "type", None)
    json: dict[str, Any] = {}
    for key in sorted(obj.attributes):
        item = obj.get_object_attribute(key)
        if item is None:
            continue
        if (kind, key) not in _EMPTY_ALLOWED and hasattr(item, "__len__") and not len(item):
            continue
        json[key] = block_json(item)
    return json
