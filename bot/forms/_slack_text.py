"""A Slack message's text as a person reads it, for the body of a task made from a message.

Slack sends message text in its markup (docs.slack.dev/messaging/formatting-message-text):
`&amp;` `&lt;` `&gt;` escapes, and `<…>` for links, mentions and dates. A Reply task body is
plain text, so each becomes what the Slack client shows:

    <https://acme.com|the deck>     the deck (https://acme.com)
    <https://acme.com>              https://acme.com
    <mailto:jane@acme.com|Jane>     Jane (jane@acme.com)   — the address alone when it is the label
    <@U123>  <@U123|jane>           @Jane Doe (from `names`), else @jane, else @U123
    <#C123|sales>  <#C123>          #sales, else #C123
    <!here> <!channel> <!everyone>  @here @channel @everyone
    <!subteam^S1|@team>             @team
    <!date^1392734382^{date}|Feb 18>  Feb 18 (the fallback text)

*bold*, _italic_ and `code` marks stay: they read fine as plain text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_ENTITY = re.compile(r"<([^<>]*)>")
_UNESCAPE = (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))  # &amp; last: "&amp;lt;" is "&lt;"


def plain_text(text: str, names: Mapping[str, str] | None = None) -> str:
    """`text` (Slack markup) as plain text; `names` maps user/channel ids to display names."""
    known = names or {}

    # Entities first, then the escapes around and inside them: an escaped "&lt;" is text,
    # never the start of an entity.
    return _unescape(_ENTITY.sub(lambda match: _entity(match.group(1), known), text))


def _entity(inner: str, names: Mapping[str, str]) -> str:
    target, _, label = inner.partition("|")
    if target.startswith("@"):
        user = target[1:]
        return "@" + (names.get(user) or label or user)
    if target.startswith("#"):
        channel = target[1:]
        return "#" + (names.get(channel) or label or channel)
    if target.startswith("!"):
        return _special(target[1:], label)
    if target.startswith("mailto:"):
        address = target.removeprefix("mailto:")
        return address if not label or label == address else f"{label} ({address})"
    if not label or label == target:
        return target
    return f"{label} ({target})"


def _special(command: str, label: str) -> str:
    name = command.split("^", 1)[0]
    if name in ("here", "channel", "everyone"):
        return f"@{name}"
    if name == "subteam":
        return label if label.startswith("@") else f"@{label or command.rsplit('^', 1)[-1]}"
    return label or f"@{name}"  # <!date^…|fallback> and anything newer with a fallback


def _unescape(text: str) -> str:
    for escaped, plain in _UNESCAPE:
        text = text.replace(escaped, plain)
    return text
