"""Deciding whether a contact Reply returned is the one the rep named.

Reply's contact lookups are documented as exact, but the parameter text says "Filter"
(reply-api-v3.md §10 q6), and public clients still filter the answer themselves (§6.1), so
taskbot keeps only real matches.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit, urlunsplit


def same_email(stored: str | None, wanted: str) -> bool:
    """Exact match, ignoring case and surrounding blanks (as Reply's docs advise)."""
    return stored is not None and stored.strip().casefold() == wanted.strip().casefold()


def _with_scheme(url: str) -> str:
    text = url.strip()
    return text if "://" in text else f"https://{text}"


def linkedin_lookup_value(url: str) -> str:
    """What to send as `?linkedIn=`: the URL as the rep gave it, minus `?query` and
    `#fragment` (share links carry tracking parameters a stored profile URL never has)."""
    parts = urlsplit(_with_scheme(url))
    return urlunsplit(parts._replace(query="", fragment=""))


def normalised_linkedin_url(url: str) -> str:
    """A profile URL reduced to what identifies the profile: `linkedin.com/in/jane-doe`.

    Ignored: the scheme; `www.`, `m.` and country subdomains (`uk.linkedin.com` serves the
    same profiles); the case of the host; the query and fragment; a trailing slash;
    percent-encoding; and the case of the path, because LinkedIn profile names are
    case-insensitive (`/in/JaneDoe` and `/in/janedoe` are one profile).
    """
    parts = urlsplit(_with_scheme(url))
    host = (parts.hostname or "").lower()
    if host == "linkedin.com" or host.endswith(".linkedin.com"):
        host = "linkedin.com"
    host = host.removeprefix("www.")
    path = unquote(parts.path).rstrip("/").casefold()
    return f"{host}{path}"


def same_linkedin_profile(stored: str | None, wanted: str) -> bool:
    if not stored or not stored.strip():
        return False
    return normalised_linkedin_url(stored) == normalised_linkedin_url(wanted)
