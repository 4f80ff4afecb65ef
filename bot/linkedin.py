"""LinkedIn profile URLs: one reading of them for all of taskbot.

A rep types a profile however they copied it (`linkedin.com/in/jane`, a share link with
`?utm_source=…`, `https://uk.linkedin.com/in/Jane/`), and Reply stores whatever was imported.
Three views of one URL, all from the same parse:

    profile_key("https://UK.linkedin.com/in/Jane-Doe/?trk=x")   # "linkedin.com/in/jane-doe"
    profile_url("linkedin.com/in/Jane-Doe/?trk=x")              # "https://linkedin.com/in/Jane-Doe/"
    profile_label("https://www.linkedin.com/in/Jane-Doe/")      # "linkedin.com/in/Jane-Doe"

`profile_key` decides whether two URLs are one profile (Reply's lookups are documented as
exact, but taskbot filters their answers itself: reply-api-v3.md §6.1, §10 q6); `profile_url`
is what taskbot keeps, sends to Reply and links to; `profile_label` is what a rep reads.
Nothing here imports the rest of taskbot, so the domain, the Reply client, the grammar, the
form and the views can all use it. (The embedded sandbox keeps its own matcher: it models
Reply's server, which taskbot does not control.)
"""

from __future__ import annotations

from urllib.parse import SplitResult, unquote, urlsplit, urlunsplit


def _parts(url: str) -> SplitResult:
    text = url.strip()
    return urlsplit(text if "://" in text else f"https://{text}")


def profile_key(url: str) -> str:
    """What identifies the profile: `linkedin.com/in/jane-doe`.

    Ignored: the scheme; `www.`, `m.` and country subdomains (`uk.linkedin.com` serves the
    same profiles); the case of the host; the query and fragment; a trailing slash;
    percent-encoding; and the case of the path, because LinkedIn profile names are
    case-insensitive (`/in/JaneDoe` and `/in/janedoe` are one profile).
    """
    parts = _parts(url)
    host = (parts.hostname or "").lower()
    if host == "linkedin.com" or host.endswith(".linkedin.com"):
        host = "linkedin.com"
    host = host.removeprefix("www.")
    path = unquote(parts.path).rstrip("/").casefold()
    return f"{host}{path}"


def same_profile(one: str | None, other: str | None) -> bool:
    """Whether two URLs name the same profile (a blank one names none)."""
    if not one or not one.strip() or not other or not other.strip():
        return False
    return profile_key(one) == profile_key(other)


def profile_url(url: str) -> str:
    """The URL to keep, send and link to: as typed, with a scheme (a link needs one) and
    without the query and fragment (share links carry tracking parameters a stored profile
    URL never has)."""
    return urlunsplit(_parts(url)._replace(query="", fragment=""))


def profile_label(url: str) -> str:
    """Short but recognisable, in the case typed: `linkedin.com/in/Jane-Doe` (no scheme,
    `www.`, query, fragment or trailing slash)."""
    parts = _parts(url)
    host = parts.netloc.lower().removeprefix("www.")
    short = f"{host}{parts.path.rstrip('/')}"
    return short or url.strip()
