"""Deciding whether a contact Reply returned is the one the rep named.

Reply's contact lookups are documented as exact, but the parameter text says "Filter"
(reply-api-v3.md §10 q6), and public clients still filter the answer themselves (§6.1), so
taskbot keeps only real matches. LinkedIn URLs are compared the way all of taskbot compares
them (`bot.linkedin`).
"""

from __future__ import annotations

from bot.linkedin import profile_url, same_profile


def same_email(stored: str | None, wanted: str) -> bool:
    """Exact match, ignoring case and surrounding blanks (as Reply's docs advise)."""
    return stored is not None and stored.strip().casefold() == wanted.strip().casefold()


def linkedin_lookup_value(url: str) -> str:
    """What to send as `?linkedIn=`: the URL as the rep gave it, minus `?query` and
    `#fragment` (`bot.linkedin.profile_url`)."""
    return profile_url(url)


def same_linkedin_profile(stored: str | None, wanted: str) -> bool:
    """Whether a contact's stored URL is the profile the rep named (`bot.linkedin.profile_key`)."""
    return same_profile(stored, wanted)
