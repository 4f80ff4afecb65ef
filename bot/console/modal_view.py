"""A modal as a person sees it in Slack: its input blocks, their notices, and which option a
typed word means. Read from the view the Slack stand-in stores (`views.open`/`views.update`)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from slack_bolt.response import BoltResponse

from bot.parsing import ACTION_WORDS, TYPE_WORDS, near_action, near_type

_NOT_ALNUM: Final = re.compile(r"[^0-9a-z]+")
_ALIASES: Final[dict[str, str]] = {
    word: meant.value for word, meant in (*TYPE_WORDS.items(), *ACTION_WORDS.items())
}
"""The words `/task` knows for a type or LinkedIn action (`wa`, `mtg`, `connect`), by the
value of the option they mean: the help card teaches them, so the form takes them too."""


@dataclass(frozen=True, slots=True)
class Input:
    """One input block of the open view, as a person sees it."""

    block_id: str
    element: Mapping[str, Any]
    label: str
    hint: str
    optional: bool
    dispatches: bool

    @property
    def action_id(self) -> str:
        return str(self.element["action_id"])

    @property
    def kind(self) -> str:
        return str(self.element.get("type"))

    @property
    def options(self) -> list[Mapping[str, Any]]:
        return list(self.element.get("options") or [])


def inputs_of(view: Mapping[str, Any]) -> list[Input]:
    found: list[Input] = []
    for block in view.get("blocks") or []:
        element = block.get("element")
        if block.get("type") != "input" or not isinstance(element, Mapping):
            continue
        found.append(
            Input(
                block_id=str(block["block_id"]),
                element=element,
                label=text_of(block.get("label")),
                hint=text_of(block.get("hint")),
                optional=bool(block.get("optional")),
                dispatches=bool(block.get("dispatch_action")),
            )
        )
    return found


def option_meant(options: Sequence[Mapping[str, Any]], text: str) -> Mapping[str, Any] | None:
    """The option a person means: its number, its value or label (spelling aside), a word
    `/task` knows for it (`wa`, `connect`), or the one option whose label starts that way."""
    if text.isdigit():
        number = int(text)
        return options[number - 1] if 1 <= number <= len(options) else None
    wanted = _NOT_ALNUM.sub("", text.casefold())
    if not wanted:
        return None
    for option in options:
        names = (str(option.get("value", "")), text_of(option.get("text")))
        if any(_NOT_ALNUM.sub("", name.casefold()) == wanted for name in names):
            return option
    alias = _ALIASES.get(text.strip().casefold())
    by_alias = next((o for o in options if o.get("value") == alias), None)
    if by_alias is not None:
        return by_alias
    starting = [
        o
        for o in options
        if _NOT_ALNUM.sub("", text_of(o.get("text")).casefold()).startswith(wanted)
    ]
    return starting[0] if len(starting) == 1 else None


def option_suggested(options: Sequence[Mapping[str, Any]], text: str) -> Mapping[str, Any] | None:
    """The option a typo probably meant ("conect" → connect, "meting" → meeting), to
    suggest rather than choose: `/task`'s own "did you mean" words."""
    word = text.strip()
    if not word or " " in word:
        return None
    near = near_action(word) or near_type(word, everyday_too=True)
    if near is None:
        return None
    return option_meant(options, near)


def context_texts(view: Mapping[str, Any], block_id: str) -> list[str]:
    return [
        text_of(element)
        for block in view.get("blocks") or []
        if block.get("type") == "context" and block.get("block_id") == block_id
        for element in block.get("elements") or []
    ]


def json_body(response: BoltResponse) -> dict[str, Any]:
    if response.status != 200 or not response.body:
        return {}
    try:
        body = json.loads(response.body)
    except json.JSONDecodeError:
        return {}
    return body if isinstance(body, dict) else {}


def text_of(text_object: object) -> str:
    """The words of a Slack text object (`{"type": "plain_text", "text": …}`) or a string."""
    if isinstance(text_object, Mapping):
        return str(text_object.get("text", ""))
    return str(text_object or "")
