"""Slack's markup in a slash command's `text`, turned back into what the rep typed.

Slack escapes `&`, `<` and `>` as `&amp;`, `&lt;` and `&gt;` in every text it sends, and —
when a command has `should_escape` on, or a client formats the text — sends links, emails and
mentions as `<target|label>` (docs.slack.dev/messaging/formatting-message-text, "Escaping
text" and "Linking to URLs"; slack-notes §3.4). taskbot's manifest turns escaping off, but the
grammar reads both forms: a link comes back as the text the rep saw, a mention as `@name`, so
the body sent to Reply never carries Slack's internal `<@U…>` syntax.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

_MARKUP: Final = r"<(?P<target>[^<>|\s]+)(?:\|(?P<label>[^<>]*))?>"
_ENTITIES: Final = (
    ("&lt;", "<"),
    ("&gt;", ">"),
    ("&amp;", "&"),
)  # &amp; last: "&amp;lt;" is "&lt;"


@cache
def _markup() -> re.Pattern[str]:
    return re.compile(_MARKUP)


def unescape(text: str) -> str:
    """`text` as the rep typed it: Slack's `<…>` markup made readable, entities undone.

    * `<mailto:jane@acme.com|jane@acme.com>` → `jane@acme.com`
    * `<https://linkedin.com/in/jane|linkedin.com/in/jane>` → `linkedin.com/in/jane` (the
      label is what the rep typed); a label unlike its URL keeps both: `pricing (https://…)`
    * `<@U123|jane>` → `@jane`, `<@U123>` → `@U123`, `<#C123|deals>` → `#deals`,
      `<!here>` → `@here`, `<!subteam^S1|@sales>` → `@sales`, `<!date^…|Feb 18>` → `Feb 18`
    * `&lt;` `&gt;` `&amp;` → `<` `>` `&`

    Text that only looks like markup (`a < b`, `<3`) is left alone.
    """
    readable = _markup().sub(_readable_markup, text)
    for entity, character in _ENTITIES:
        readable = readable.replace(entity, character)
    return readable


def _readable_markup(match: re.Match[str]) -> str:  # noqa: PLR0911 - one return per kind
    target = match["target"]
    label = _entities(match["label"] or "").strip()
    target = _entities(target)
    if target.startswith("@"):  # <@U123|jane>, <@U123>
        return f"@{label.removeprefix('@') or target[1:]}"
    if target.startswith("#"):  # <#C123|deals>, <#C123>
        return f"#{label.removeprefix('#') or target[1:]}"
    if target.startswith("!"):  # <!here>, <!subteam^S1|@sales>, <!date^…^…|fallback>
        return _special(target[1:], label)
    if target.lower().startswith("mailto:"):
        address = target[len("mailto:") :]
        return (
            address
            if not label or label.casefold() == address.casefold()
            else (f"{label} ({address})")
        )
    if not _looks_like_link(target):
        return match[0]  # "<3", "<b>": not Slack's markup, keep the characters
    if not label or _same_link(label, target):
        return label or target
    return f"{label} ({target})"


def _special(command: str, label: str) -> str:
    name, _, _rest = command.partition("^")
    if name == "date":
        return label or command
    if label:
        return label if label.startswith("@") else f"@{label}"
    return f"@{name}"


def _entities(text: str) -> str:
    for entity, character in _ENTITIES:
        text = text.replace(entity, character)
    return text


def _looks_like_link(target: str) -> bool:
    return bool(re.match(r"[a-zA-Z][\w+.-]*:", target)) or "." in target


def _bare(link: str) -> str:
    """A link without its scheme, `www.` and trailing slash, for comparing with a label."""
    without_scheme = re.sub(r"^[a-zA-Z][\w+.-]*://", "", link.strip())
    return without_scheme.removeprefix("www.").rstrip("/").casefold()


def _same_link(label: str, target: str) -> bool:
    return _bare(label) == _bare(target)
