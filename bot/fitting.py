"""Fitting text into a length limit, visibly: Slack's block and option limits, the form's fields.

Neutral ground for the pure core (the form) and the Block Kit views, which both cut text:

    fit_plain("Jane Cooper · Acme · jane@acme.com", 20)   # "Jane Cooper · Acme …" cut hard
    shorten(text, 3000)     # at a word boundary when one is near, with a visible "…"
    split(text, 3000)       # pieces that join back to `text` (a long card body)

`shorten` and `split` never cut inside an `&amp;`, `&lt;` or `&gt;` entity, so escaped mrkdwn
stays valid (Slack, "Escaping text"); on plain text that rule changes nothing a rep would see.
"""

from __future__ import annotations


def fit_plain(text: str, limit: int) -> str:
    """Plain text (no entities) cut to `limit` characters with a visible "…"."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
