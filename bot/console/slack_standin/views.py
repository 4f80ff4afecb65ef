"""Open modals in the Slack stand-in: how Slack stores a view, and what its `state.values` hold.

Rules followed (docs.slack.dev/surfaces/modals, reference/interaction-payloads/view-interactions
-payload):
- Slack gives every block without a `block_id` a random one, so values typed into such a block
  do not survive a `views.update` — only values whose `block_id` *and* `action_id` are unchanged
  do (slack-notes §2.3). A typed value wins over a new `initial_value`.
- `state.values[block_id][action_id]` holds each element's current value in the element's own
  shape (`value`, `selected_option`, `selected_date`, `selected_date_time`, …); untouched inputs
  are there too, holding their initial value or null.
- A person can only pick options that exist and type at most `max_length` characters: `fill`
  refuses anything else (`NotEnterableError`), so neither a test nor the console can submit what no
  user could.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.console.slack_standin.core import SlackStandIn

TEXT_TYPES = {"plain_text_input", "email_text_input", "url_text_input", "number_input"}
SINGLE_OPTION = {"static_select", "external_select", "radio_buttons"}
MULTI_OPTION = {"multi_static_select", "multi_external_select", "checkboxes"}


class NotEnterableError(ValueError):
    """What no person could enter in this view: an unknown element, a missing option, text
    past `max_length`."""


PICKERS = {
    "datepicker": ("selected_date", "initial_date"),
    "timepicker": ("selected_time", "initial_time"),
    "datetimepicker": ("selected_date_time", "initial_date_time"),
    "users_select": ("selected_user", "initial_user"),
    "conversations_select": ("selected_conversation", "initial_conversation"),
    "channels_select": ("selected_channel", "initial_channel"),
}


def prepare_view(
    slack: SlackStandIn,
    view: Mapping[str, Any],
    *,
    view_id: str,
    previous: Mapping[str, Any] | None = None,
    root: str | None = None,
    previous_id: str | None = None,
) -> dict[str, Any]:
    """The view as Slack stores and returns it (views.open/update/push answers)."""
    blocks = [dict(block) for block in view.get("blocks", [])]
    for block in blocks:
        block.setdefault("block_id", secrets.token_urlsafe(4))
    stored: dict[str, Any] = {
        "id": view_id,
        "team_id": slack.team_id,
        "type": view["type"],
        "blocks": blocks,
        "private_metadata": view.get("private_metadata", ""),
        "callback_id": view.get("callback_id", ""),
        "state": {"values": {}},
        "hash": f"{int(slack.clock().timestamp())}.{secrets.token_hex(4)}",
        "title": view.get("title"),
        "clear_on_close": bool(view.get("clear_on_close", False)),
        "notify_on_close": bool(view.get("notify_on_close", False)),
        "close": view.get("close"),
        "submit": view.get("submit"),
        "previous_view_id": previous_id or (previous or {}).get("previous_view_id"),
        "root_view_id": root or (previous or {}).get("root_view_id") or view_id,
        "app_id": slack.app_id,
        "external_id": view.get("external_id", ""),
        "app_installed_team_id": slack.team_id,
        "bot_id": slack.bot_id,
    }
    stored["state"]["values"] = _initial_values(stored)
    return stored


def carry_state(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    """New view's state: its initial values, overridden by the old values whose block_id and
    action_id both survived."""
    values: dict[str, dict[str, Any]] = {
        block_id: dict(actions) for block_id, actions in new["state"]["values"].items()
    }
    present = {(block_id, element["action_id"]) for block_id, element in elements(new)}
    for block_id, actions in old["state"]["values"].items():
        for action_id, value in actions.items():
            if (block_id, action_id) in present:
                values.setdefault(block_id, {})[action_id] = value
    return {"values": values}


def elements(view: Mapping[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(block_id, element) for every interactive element with an action_id."""
    for block in view.get("blocks", []):
        candidates = [block.get("element"), block.get("accessory"), *block.get("elements", [])]
        for element in candidates:
            if isinstance(element, dict) and element.get("action_id"):
                yield block["block_id"], element


def find_element(view: Mapping[str, Any], action_id: str) -> tuple[str, dict[str, Any]]:
    for block_id, element in elements(view):
        if element["action_id"] == action_id:
            return block_id, element
    known = [element["action_id"] for _, element in elements(view)]
    raise NotEnterableError(f"the view has no element {action_id!r}; it has {known}")


def fill_state(view: dict[str, Any], values: Mapping[str, Any]) -> None:
    for action_id, value in values.items():
        block_id, element = find_element(view, action_id)
        view["state"]["values"].setdefault(block_id, {})[action_id] = state_value(element, value)


def state_value(element: Mapping[str, Any], value: Any) -> dict[str, Any]:
    """What Slack reports for `element` holding `value`, refusing values no person could enter."""
    kind = element["type"]
    if kind in TEXT_TYPES:
        if value is not None:
            limit = element.get("max_length")
            if limit is not None and len(str(value)) > limit:
                raise NotEnterableError(f"{element['action_id']} takes at most {limit} characters")
            value = str(value)
        return {"type": kind, "value": value}
    if kind in SINGLE_OPTION:
        return {"type": kind, "selected_option": _option(element, value)}
    if kind in MULTI_OPTION:
        return {"type": kind, "selected_options": [_option(element, v) for v in value or []]}
    if kind in PICKERS:
        return {"type": kind, PICKERS[kind][0]: value}
    raise NotEnterableError(f"the stand-in cannot fill a {kind!r} element yet")


def _option(element: Mapping[str, Any], value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    if element["type"].endswith("external_select"):
        # Options come from the app's options listener; the test passes (label, value).
        if isinstance(value, Mapping):
            return dict(value)
        label, option_value = value
        return {"text": {"type": "plain_text", "text": label, "emoji": True}, "value": option_value}
    for option in _options(element):
        if option["value"] == value:
            return dict(option)
    offered = [option["value"] for option in _options(element)]
    raise NotEnterableError(f"{element['action_id']} offers no option {value!r}; it has {offered}")


def _options(element: Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
    yield from element.get("options", []) or []
    for group in element.get("option_groups", []) or []:
        yield from group.get("options", [])


def _initial_values(view: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    values: dict[str, dict[str, Any]] = {}
    for block in view.get("blocks", []):
        element = block.get("element")
        if block.get("type") != "input" or not isinstance(element, dict):
            continue
        kind = element.get("type")
        if kind in TEXT_TYPES:
            current: dict[str, Any] = {"type": kind, "value": element.get("initial_value")}
        elif kind in SINGLE_OPTION:
            current = {"type": kind, "selected_option": element.get("initial_option")}
        elif kind in MULTI_OPTION:
            current = {"type": kind, "selected_options": element.get("initial_options", [])}
        elif kind in PICKERS:
            selected, initial = PICKERS[kind]
            current = {"type": kind, selected: element.get(initial)}
        else:
            continue
        values.setdefault(block["block_id"], {})[element["action_id"]] = current
    return values
