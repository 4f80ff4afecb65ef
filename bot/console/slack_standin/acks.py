"""What Slack does with an app's ack (the HTTP response body, or a Socket Mode envelope's
payload), checked offline: the stand-in's rules for the answers taskbot gives *to* Slack.

Slack gives no error back for a bad ack; the person sees it fail: a slash command shows
"failed with the error …", a modal "We had some trouble connecting", a select "No results".
So the harness checks every ack it receives with `ack_problems` and fails the test instead.

    problems = ack_problems(request_payload, ack_body)   # [] when Slack would take it

Rules (slack-notes §2.3, §2.4, §3.1):
- slash command: empty, or a message (`text`/`blocks` as chat.postMessage takes them) with
  `response_type` `ephemeral` or `in_channel`;
- block_suggestion: `options` (at most 100; option text plain_text ≤ 75, value ≤ 150) or
  `option_groups` (at most 100, label ≤ 75, each with its options);
- view_submission: empty (closes the view), or `response_action` `errors` whose keys are
  block_ids of *input* blocks of the submitted view (bolt-python #922, #1092), `update` /
  `push` with a view Slack would open, or `clear`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from bot.console.slack_standin.block_kit import view_problems
from bot.console.slack_standin.methods import SlackError, message_content

OPTIONS_LIMIT: Final = 100
OPTION_TEXT: Final = 75
OPTION_VALUE: Final = 150
RESPONSE_ACTIONS: Final = frozenset({"errors", "update", "push", "clear"})


def ack_problems(request: Mapping[str, Any], ack: Mapping[str, Any] | None) -> list[str]:
    """Why Slack would not take `ack` as the answer to `request` (a slash command's form
    fields, or an interaction payload); [] when it would."""
    if not ack:
        return []  # an empty 200: accepted everywhere
    if request.get("command"):
        return _command_ack(ack)
    kind = request.get("type")
    if kind == "block_suggestion":
        return _options_ack(ack)
    if kind == "view_submission":
        return _submission_ack(request.get("view") or {}, ack)
    return []  # block_actions, shortcuts: Slack ignores the body


def _command_ack(ack: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    response_type = ack.get("response_type")
    if response_type not in (None, "ephemeral", "in_channel"):
        problems.append(f"invalid response_type {response_type!r} [json-pointer:/response_type]")
    try:
        message_content(ack)
    except SlackError as error:
        problems += error.extra.get("errors") or [error.error]
    return problems


def _options_ack(ack: Mapping[str, Any]) -> list[str]:
    if "option_groups" in ack:
        groups = ack["option_groups"]
        if not isinstance(groups, list):
            return ["must provide an array [json-pointer:/option_groups]"]
        problems = _count(groups, "/option_groups")
        for index, group in enumerate(groups):
            here = f"/option_groups/{index}"
            label = group.get("label") if isinstance(group, Mapping) else None
            problems += _plain_text(label, OPTION_TEXT, f"{here}/label")
            options = group.get("options") if isinstance(group, Mapping) else None
            problems += _options(options, f"{here}/options")
        return problems
    return _options(ack.get("options"), "/options")


def _options(options: Any, pointer: str) -> list[str]:
    if not isinstance(options, list):
        return [f"must provide an array [json-pointer:{pointer}]"]
    problems = _count(options, pointer)
    for index, option in enumerate(options):
        here = f"{pointer}/{index}"
        if not isinstance(option, Mapping):
            problems.append(f"must provide an object [json-pointer:{here}]")
            continue
        problems += _plain_text(option.get("text"), OPTION_TEXT, f"{here}/text")
        value = option.get("value")
        if not isinstance(value, str) or not 0 < len(value) <= OPTION_VALUE:
            problems.append(
                f"value must be 1-{OPTION_VALUE} characters [json-pointer:{here}/value]"
            )
    return problems


def _count(items: list[Any], pointer: str) -> list[str]:
    if len(items) > OPTIONS_LIMIT:
        return [f"no more than {OPTIONS_LIMIT} items allowed [json-pointer:{pointer}]"]
    return []


def _plain_text(text: Any, limit: int, pointer: str) -> list[str]:
    if not isinstance(text, Mapping) or text.get("type") != "plain_text":
        return [f"must be a plain_text object [json-pointer:{pointer}]"]
    content = text.get("text")
    if not isinstance(content, str) or not 0 < len(content) <= limit:
        return [f"must be 1-{limit} characters [json-pointer:{pointer}/text]"]
    return []


def _submission_ack(view: Mapping[str, Any], ack: Mapping[str, Any]) -> list[str]:
    action = ack.get("response_action")
    if action not in RESPONSE_ACTIONS:
        return [f"invalid response_action {action!r} [json-pointer:/response_action]"]
    if action == "errors":
        return _errors(view, ack.get("errors"))
    if action in ("update", "push"):
        return view_problems(ack.get("view"))
    return []


def _errors(view: Mapping[str, Any], errors: Any) -> list[str]:
    if not isinstance(errors, Mapping) or not errors:
        return ["errors must map input block_ids to messages [json-pointer:/errors]"]
    inputs = {
        block.get("block_id")
        for block in view.get("blocks") or []
        if isinstance(block, Mapping) and block.get("type") == "input"
    }
    problems: list[str] = []
    for block_id, message in errors.items():
        if block_id not in inputs:
            problems.append(
                f"{block_id!r} is not an input block of the view [json-pointer:/errors]"
            )
        if not isinstance(message, str) or not message:
            problems.append(f"an error needs a message [json-pointer:/errors/{block_id}]")
    return problems
