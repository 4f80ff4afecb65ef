"""Block Kit → readable terminal text, for the console (a pure function of its arguments).

    render_text(blocks, ansi=True, tz=ZoneInfo("Europe/Berlin"), now=now)

Headers are bold, context lines dim, `*bold*`/`_italic_` become ANSI (or plain text), links
become `label (url)`, `<mailto:…|…>` the address, Slack date tokens are written out in `tz`
(relative words such as "Tomorrow" need `now`; without it the plain date is used), and buttons
become `[keyword]`: the word the console accepts to press them (`console_buttons`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Any

from slack_sdk.models.blocks import Block

BOLD, DIM, ITALIC, RESET = "\x1b[1m", "\x1b[2m", "\x1b[3m", "\x1b[0m"

BlockLike = Block | Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class ConsoleButton:
    """A button as the console offers it: type `keyword` to press it."""

    keyword: str
    label: str
    action_id: str
    block_id: str | None
    value: str | None
    confirm: Mapping[str, Any] | None = None
    url: str | None = None


def console_buttons(blocks: Sequence[BlockLike]) -> list[ConsoleButton]:
    """Every button in reading order with a unique keyword: the last dotted part of its
    action_id (`task.done` -> `done`, `pick.3` -> `3`), numbered on a clash (`done`, `done-2`)."""
    found: list[ConsoleButton] = []
    used: set[str] = set()
    for block in _as_dicts(blocks):
        for element in _buttons_of(block):
            action_id = str(element.get("action_id", ""))
            base = action_id.rsplit(".", 1)[-1] or "button"
            keyword, n = base, 1
            while keyword in used:
                n += 1
                keyword = f"{base}-{n}"
            used.add(keyword)
            found.append(
                ConsoleButton(
                    keyword=keyword,
                    label=str(element.get("text", {}).get("text", "")),
                    action_id=action_id,
                    block_id=block.get("block_id"),
                    value=element.get("value"),
                    confirm=element.get("confirm"),
                    url=element.get("url"),
                )
            )
    return found


def render_text(
    blocks: Sequence[BlockLike],
    *,
    ansi: bool,
    tz: tzinfo,
    now: datetime | None = None,
    names: Mapping[str, str] | None = None,
) -> str:
    """`names`: display names by Slack user id, for mentions (`<@U123>` → `@jane`), as
    Slack shows them; an id it lacks is shown as the id."""
    style = _Style(ansi=ansi, tz=tz, now=now, names=names or {})
    keywords = iter(b.keyword for b in console_buttons(blocks))
    lines: list[str] = []
    for block in _as_dicts(blocks):
        kind = block.get("type")
        if kind == "header":
            lines.append(style.bold(_plain(block.get("text"))))
        elif kind == "section":
            lines.extend(_section(block, style, keywords))
        elif kind == "context":
            parts = [style.text(e) for e in block.get("elements", []) if "text" in e]
            lines.append(style.dim(" · ".join(p for p in parts if p)))
        elif kind == "actions":
            buttons = [f"[{next(keywords)}]" for _ in _buttons_of(block)]
            if buttons:
                lines.append(" ".join(buttons))
        elif kind == "divider":
            lines.append("─" * 40)
        elif kind == "input":
            lines.append(f"{_plain(block.get('label'))}: …")
        elif kind == "markdown":
            lines.append(style.mrkdwn(str(block.get("text", ""))))
    return "\n".join(lines)


def _section(block: Mapping[str, Any], style: _Style, keywords: Iterator[str]) -> list[str]:
    lines: list[str] = []
    if block.get("text"):
        lines.append(style.text(block["text"]))
    for field in block.get("fields", []):
        label, _, value = style.text(field).partition("\n")
        lines.append(f"{label}: {value}" if value else label)
    accessory = block.get("accessory")
    if accessory and accessory.get("type") == "button":
        keyword = f"[{next(keywords)}]"
        if lines:
            lines[-1] = f"{lines[-1]}  {keyword}"
        else:
            lines.append(keyword)
    return lines


def _buttons_of(block: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    if block.get("type") == "actions":
        return [e for e in block.get("elements", []) if e.get("type") == "button"]
    accessory = block.get("accessory")
    if block.get("type") == "section" and accessory and accessory.get("type") == "button":
        return [accessory]
    return []


def _as_dicts(blocks: Sequence[BlockLike]) -> list[Mapping[str, Any]]:
    return [b.to_dict() if isinstance(b, Block) else b for b in blocks]


def _plain(text_object: Any) -> str:
    if isinstance(text_object, Mapping):
        return str(text_object.get("text", ""))
    return str(text_object or "")


# --------------------------------------------------------------------------------------
# mrkdwn


_SPECIAL = re.compile(r"<([^<>\n]*)>")
_PARKED = re.compile("\ue000(\\d+)\ue001")  # private-use characters never sent by Slack
_EMPHASIS = {
    "*": re.compile(r"(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])"),
    "_": re.compile(r"(?<![\w_])_(?!\s)([^_\n]+?)(?<!\s)_(?![\w_])"),
    "~": re.compile(r"(?<![\w~])~(?!\s)([^~\n]+?)(?<!\s)~(?![\w~])"),
}
_ANSI_EMPHASIS = {"*": BOLD, "_": ITALIC, "~": ""}  # terminals have no portable strikethrough
_UNESCAPE = (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))


@dataclass(frozen=True, slots=True)
class _Style:
    ansi: bool
    tz: tzinfo
    now: datetime | None
    names: Mapping[str, str]

    def bold(self, text: str) -> str:
        return f"{BOLD}{text}{RESET}" if self.ansi and text else text

    def dim(self, text: str) -> str:
        # Inner styles end with RESET, which would end the dimming too: dim again after each.
        return f"{DIM}{text.replace(RESET, RESET + DIM)}{RESET}" if self.ansi and text else text

    def text(self, text_object: Mapping[str, Any]) -> str:
        raw = str(text_object.get("text", ""))
        if text_object.get("type") == "plain_text":
            return raw
        return self.mrkdwn(raw)

    def mrkdwn(self, text: str) -> str:
        # Links, mentions and dates are rewritten first and parked behind placeholders, so
        # emphasis can span them (`*<url|label>*`) without touching the URL's own `_` or `*`.
        parked: list[str] = []

        def park(match: re.Match[str]) -> str:
            parked.append(self._special(match.group(1)))
            return f"\ue000{len(parked) - 1}\ue001"

        styled = self._emphasis(_SPECIAL.sub(park, text))
        return _PARKED.sub(lambda m: parked[int(m.group(1))], styled)

    def _emphasis(self, text: str) -> str:
        for mark, pattern in _EMPHASIS.items():
            start = _ANSI_EMPHASIS[mark] if self.ansi else ""
            text = pattern.sub(rf"{start}\1{RESET}" if start else r"\1", text)
        return _unescape(text)

    def _special(self, inner: str) -> str:
        target, _, label = inner.partition("|")
        label = _unescape(label)
        if target.startswith("!date^"):
            return self._date(target, label)
        if target.startswith("mailto:"):
            return _unescape(target.removeprefix("mailto:"))
        if target.startswith("@"):
            return f"@{label or self.names.get(target[1:]) or target[1:]}"
        if target.startswith("#"):
            return f"#{label or target[1:]}"
        if target.startswith("!"):
            special = target[1:].split("^", 1)[0]
            return label or f"@{special}"
        url = _unescape(target)
        return f"{label} ({url})" if label and label != url else url

    def _date(self, target: str, fallback: str) -> str:
        parts = target.split("^")
        try:
            at = datetime.fromtimestamp(int(parts[1]), self.tz)
        except (IndexError, ValueError, OverflowError, OSError):
            return fallback
        template = parts[2] if len(parts) > 2 else "{date_num} {time}"
        return re.sub(r"\{(\w+)\}", lambda m: self._date_part(m.group(1), at), template)

    def _date_part(self, token: str, at: datetime) -> str:
        day = at.day
        suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
        plain = {
            "date_num": f"{at:%Y-%m-%d}",
            "date": f"{at:%B} {day}{suffix}, {at:%Y}",
            "date_short": f"{at:%b} {day}, {at:%Y}",
            "date_long": f"{at:%A}, {at:%B} {day}{suffix}, {at:%Y}",
            "time": f"{at:%I:%M %p}".lstrip("0"),
            "time_secs": f"{at:%I:%M:%S %p}".lstrip("0"),
        }
        if token in plain:
            return plain[token]
        if token.endswith("_pretty") and token.removesuffix("_pretty") in plain:
            return self._relative_day(at) or plain[token.removesuffix("_pretty")]
        return "{" + token + "}"

    def _relative_day(self, at: datetime) -> str | None:
        if self.now is None:
            return None
        today = self.now.astimezone(self.tz).date()
        names = {
            today - timedelta(days=1): "Yesterday",
            today: "Today",
            today + timedelta(days=1): "Tomorrow",
        }
        return names.get(at.date())


def _unescape(text: str) -> str:
    for entity, char in _UNESCAPE:
        text = text.replace(entity, char)
    return text
