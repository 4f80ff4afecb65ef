"""A Slack message's text as a person reads it, for the body of a task made from a message.

Slack sends message text in its markup (docs.slack.dev/messaging/formatting-message-text):
links, mentions and dates as `<…>`, and `&amp;` `&lt;` `&gt;`. The grammar already turns that
markup back into readable text for `/task` (`bot.parsing.unescape_slack`: a link becomes
`label (url)`, `<@U123|jane>` becomes `@jane`, a date its fallback text); this only adds what a
message shortcut has and a command does not: the names of people and channels mentioned by id
alone (`<@U123>`), which the listener may look up, so the task says "@Jane Doe", not "@U123";
and date tokens whose format has spaces, as bots' messages often do.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

from bot.parsing import unescape_slack

_BARE_MENTION: Final = re.compile(r"<([@#])([A-Z0-9]+)>")
_DATE: Final = re.compile(r"<!date\^[^|<>]*\|([^<>]*)>")
"""`<!date^1764181800^{date_short} at {time}|Nov 26 at 3:00 PM>`: its format may hold spaces,
which `unescape_slack`'s markup pattern does not expect, so the fallback text is taken here."""


def plain_text(text: str, names: Mapping[str, str] | None = None) -> str:
    """`text` (Slack markup) as plain text; `names` maps user/channel ids to display names."""
    text = _DATE.sub(lambda m: m.group(1), text)
    if names:
        text = _BARE_MENTION.sub(lambda m: _named(m, names), text)
    return unescape_slack(text)


def _named(mention: re.Match[str], names: Mapping[str, str]) -> str:
    sigil, slack_id = mention.group(1), mention.group(2)
    name = names.get(slack_id)
    if not name:
        return mention.group(0)
    # A label inside Slack's markup: escape what would end it, as Slack itself does.
    label = name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "¦")
    return f"<{sigil}{slack_id}|{label}>"
