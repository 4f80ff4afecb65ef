"""What the console shows, as a Slack client would: the messages still on screen, their
buttons, and which message a response_url's `replace_original` or `delete_original` acts on.

Like Slack, every message still on screen keeps its buttons: a button word presses the newest
visible message's button of that name. A message replaced through its response_url (the
progress line by the card, a pick card by the task) is gone, and so are its buttons.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from bot.console.slack_standin import Call
from bot.views import ConsoleButton, console_buttons

_PICK = re.compile(r"^pick\s+(?P<number>\d{1,2})$", re.IGNORECASE)


class Screen:
    def __init__(self) -> None:
        self._visible: list[Mapping[str, Any] | None] = []
        """Messages shown so far, oldest first; None where one was replaced or deleted."""
        self._gone: set[str] = set()
        """Keywords of buttons that were on screen once (said differently when pressed)."""
        self._acts_on: dict[str, int] = {}
        """response_url -> index in `_visible` of the message its `replace_original` replaces."""

    def show(self, message: Mapping[str, Any]) -> int:
        """Put `message` on screen; its index names it for `message` and `acts_on`."""
        self._visible.append(message)
        return len(self._visible) - 1

    def message(self, index: int) -> Mapping[str, Any]:
        """The message at `index`, or an empty one if it has left the screen."""
        return self._visible[index] or {}

    def acts_on(self, response_url: str, index: int) -> None:
        """`response_url`'s replace and delete act on the message at `index`."""
        self._acts_on[response_url] = index

    def pressable(self) -> list[tuple[int, ConsoleButton]]:
        """Each button keyword on screen once, with its message's index, newest first."""
        found: list[tuple[int, ConsoleButton]] = []
        seen: set[str] = set()
        for index in range(len(self._visible) - 1, -1, -1):
            message = self._visible[index]
            if message is None:
                continue
            for button in console_buttons(_blocks(message)):
                if button.keyword not in seen:
                    seen.add(button.keyword)
                    found.append((index, button))
        return found

    def find(self, text: str) -> tuple[int, ConsoleButton] | None:
        """The newest button `text` names (`done`, `pick 2`), and its message's index."""
        wanted = _keyword_of(text)
        return next(((i, b) for i, b in self.pressable() if b.keyword.lower() == wanted), None)

    def was_shown(self, text: str) -> bool:
        """Whether the button `text` names was on a message that has left the screen."""
        return _keyword_of(text) in self._gone

    def apply(self, call: Call) -> None:
        """A response_url post changes what is on screen as it would in Slack."""
        target = self._acts_on.get(call.response_url or "")
        body = call.params
        if target is not None and (body.get("delete_original") or body.get("replace_original")):
            self._forget(self._visible[target])
        if body.get("delete_original"):
            if target is not None:
                self._visible[target] = None
            return
        if body.get("replace_original") and target is not None:
            self._visible[target] = body
            return
        self._visible.append(body)

    def _forget(self, message: Mapping[str, Any] | None) -> None:
        """`message` leaves the screen: its buttons can no longer be pressed."""
        if message is not None:
            self._gone.update(b.keyword.lower() for b in console_buttons(_blocks(message)))


def _keyword_of(text: str) -> str:
    """The button keyword a line names: `done` → `done`, `pick 2` → `2`."""
    pick = _PICK.match(text.strip())
    return (pick.group("number") if pick else text.strip()).lower()


def _blocks(message: Mapping[str, Any]) -> list[Any]:
    blocks = message.get("blocks")
    if isinstance(blocks, str):
        blocks = json.loads(blocks)
    return blocks if isinstance(blocks, list) else []
