"""What the console user sees: messages as readable text (`bot.views.render_text`), and what
Slack itself would have refused, said plainly (a developer sees an invalid card at once)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import tzinfo
from typing import Any, TextIO

from bot.clock import Clock
from bot.console.slack_standin import Call
from bot.console.slack_standin.block_kit import load_json
from bot.views import render_text

# Web API calls that only read or prepare; nothing a person would see.
_SILENT = frozenset({"auth.test", "users.info", "conversations.open", "chat.getPermalink"})
_VIEWS = frozenset({"views.open", "views.update", "views.push"})


class Printer:
    def __init__(
        self,
        out: TextIO,
        *,
        ansi: bool,
        tz: tzinfo,
        clock: Clock,
        names: Mapping[str, str] | None = None,
    ) -> None:
        """`names`: display names by Slack user id, so a mention reads `@you` as in Slack."""
        self._out = out
        self._ansi = ansi
        self._tz = tz
        self._clock = clock
        self._names = dict(names or {})
        self.refusals = 0
        """How many messages or views Slack would have refused (the console's exit code)."""

    def line(self, text: str = "") -> None:
        self._out.write(f"{text}\n")
        self._out.flush()

    def message(self, message: Mapping[str, Any]) -> None:
        """A message as the rep would read it, then a blank line."""
        blocks = load_json(message.get("blocks"))
        if isinstance(blocks, list) and blocks:
            self.line(self._render(blocks))
        else:
            self.line(str(message.get("text") or ""))
        self.line()

    def call(self, call: Call) -> Mapping[str, Any] | None:
        """Print what a call to the stand-in showed the rep; return the message it showed, if
        any (its buttons are the ones the console can press next)."""
        if call.method in _SILENT and call.ok:
            return None
        if not call.ok:
            self._refused(call)
            return None
        if call.method == "response_url" and call.params.get("delete_original"):
            self.line("(taskbot deleted its message)")
            self.line()
            return None
        if call.method in _VIEWS:
            return None  # the session shows forms itself, field by field (`console.form`)
        self.message(call.params)
        return call.params

    def view(self, view: Mapping[str, Any]) -> None:
        """A modal that only says something (no inputs): its title and text."""
        title = view.get("title") or {}
        self.line(f"[form] {title.get('text', '') if isinstance(title, Mapping) else ''}")
        self.message({"blocks": view.get("blocks") or []})

    def _refused(self, call: Call) -> None:
        self.refusals += 1
        error = call.response.get("error", "error")
        self.line(f"⚠️ Slack would refuse taskbot's {call.method} ({error}):")
        for problem in call.response.get("errors") or []:
            self.line(f"   {problem}")
        self.line()

    def _render(self, blocks: Sequence[Mapping[str, Any]]) -> str:
        return render_text(
            blocks, ansi=self._ansi, tz=self._tz, now=self._clock(), names=self._names
        )
