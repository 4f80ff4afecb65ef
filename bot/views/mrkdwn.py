"""Slack mrkdwn pieces: escaping user text, date tokens, links, and fitting text to limits.

Slack's rule (docs.slack.dev/messaging/formatting-message-text, "Escaping text"): in mrkdwn,
escape exactly `&`, `<` and `>` as `&amp;`, `&lt;`, `&gt;`; everything else is literal. An
unescaped `<` would let text a contact or rep wrote become a link or an `<!channel>` ping.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from bot.linkedin import profile_label
from bot.messages import task as words

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})

DATE_FORMAT = "{date_short_pretty} at {time}"
"""Slack renders this in the viewer's own zone: "Tomorrow at 3:00 PM" (formatting reference,
"Date formatting"). The fallback after `|` is for clients that cannot render it."""


def escape(text: str) -> str:
    return text.translate(_ESCAPES)


def date_token(at: datetime, tz: tzinfo, token: str = DATE_FORMAT) -> str:
    """`<!date^UNIX^{date_short_pretty} at {time}|fallback in the rep's zone>`."""
    if at.tzinfo is None:
        raise ValueError(f"date_token needs an aware datetime, got {at.isoformat()}")
    fallback = escape(words.when(at, tz)).replace("|", "/")
    return f"<!date^{int(at.timestamp())}^{token}|{fallback}>"


def _url(url: str) -> str:
    # `|` ends the URL part of a link and `>` the link itself.
    return escape(url).replace("|", "%7C")


def link(url: str, label: str) -> str:
    """`<url|label>`; the label is escaped text, never formatting."""
    return f"<{_url(url)}|{escape(label).replace('|', '¦')}>"


def mailto(email: str) -> str:
    return link(f"mailto:{email}", email)


linkedin_label = profile_label
"""Short but recognisable: "https://www.linkedin.com/in/jane/" -> "linkedin.com/in/jane".
The name views/task.py and listeners/_common.py use; `bot.linkedin.profile_label` is the one
implementation."""


def shorten(text: str, limit: int, marker: str = "…") -> str:
    """At most `limit` characters, cutting at a word boundary when one is near, with a visible
    marker. Never cuts inside an `&amp;`-style entity (the result stays valid mrkdwn)."""
    if len(text) <= limit:
        return text
    room = limit - len(marker)
    if room <= 0:
        return marker[:limit]
    cut = _safe_cut(text, room)
    space = text.rfind(" ", 0, cut)
    if space > room * 0.8:
        cut = space
    return text[:cut].rstrip() + marker


def split(text: str, limit: int) -> list[str]:
    """Split escaped mrkdwn into pieces of at most `limit` characters, preferring line breaks,
    then spaces; never inside an entity. Joined with "" they give back `text`."""
    pieces: list[str] = []
    rest = text
    while len(rest) > limit:
        cut = _safe_cut(rest, limit)
        for boundary in ("\n", " "):
            at = rest.rfind(boundary, 0, cut)
            if at > limit // 2:
                cut = at + 1
                break
        pieces.append(rest[:cut])
        rest = rest[cut:]
    pieces.append(rest)
    return pieces


def _safe_cut(text: str, limit: int) -> int:
    """The largest cut <= limit that does not split `&amp;`, `&lt;` or `&gt;`."""
    amp = text.rfind("&", max(0, limit - 4), limit)
    if amp != -1 and text.find(";", amp) >= limit:
        return amp
    return limit
