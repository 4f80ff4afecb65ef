"""Slack mrkdwn pieces: escaping user text, date tokens and links.

Slack's rule (docs.slack.dev/messaging/formatting-message-text, "Escaping text"): in mrkdwn,
escape exactly `&`, `<` and `>` as `&amp;`, `&lt;`, `&gt;`; everything else is literal. An
unescaped `<` would let text a contact or rep wrote become a link or an `<!channel>` ping.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from bot.clock import is_aware
from bot.messages.dates import when_text

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})

DATE_FORMAT = "{date_short_pretty} at {time}"
"""Slack renders this in the viewer's own zone: "Tomorrow at 3:00 PM" (formatting reference,
"Date formatting"). The fallback after `|` is for clients that cannot render it."""


def escape(text: str) -> str:
    return text.translate(_ESCAPES)


def date_token(at: datetime, tz: tzinfo, token: str = DATE_FORMAT) -> str:
    """`<!date^UNIX^{date_short_pretty} at {time}|fallback in the rep's zone>`."""
    if not is_aware(at):
        raise ValueError(f"date_token needs an aware datetime, got {at.isoformat()}")
    fallback = escape(when_text(at, tz)).replace("|", "/")
    return f"<!date^{int(at.timestamp())}^{token}|{fallback}>"


def _url(url: str) -> str:
    # `|` ends the URL part of a link and `>` the link itself.
    return escape(url).replace("|", "%7C")


def link(url: str, label: str) -> str:
    """`<url|label>`; the label is escaped text, never formatting."""
    return f"<{_url(url)}|{escape(label).replace('|', '¦')}>"


def mailto(email: str) -> str:
    return link(f"mailto:{email}", email)
