"""Time zones named in a phrase (rule 15): "10am PT", "noon Pacific", "3pm IST", "9am GMT+2".

Abbreviations name a region's civil time, not a fixed offset: "PST" in July still means Pacific
time (what people mean when they type it), so each maps to an IANA zone that follows DST. IST is
India (CONVENTIONS.md rule 15), BST British Summer Time, CST US Central.
"""

from __future__ import annotations

from typing import Final

ZONE_WORDS: Final[dict[str, str]] = {
    "pt": "America/Los_Angeles", "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles",
    "pacific": "America/Los_Angeles", "mt": "America/Denver", "mst": "America/Denver",
    "mdt": "America/Denver", "mountain": "America/Denver", "ct": "America/Chicago",
    "cst": "America/Chicago", "cdt": "America/Chicago", "central": "America/Chicago",
    "et": "America/New_York", "est": "America/New_York", "edt": "America/New_York",
    "eastern": "America/New_York", "akst": "America/Anchorage", "hst": "Pacific/Honolulu",
    "gmt": "UTC", "utc": "UTC", "z": "UTC", "bst": "Europe/London", "uk": "Europe/London",
    "london": "Europe/London", "cet": "Europe/Berlin", "cest": "Europe/Berlin",
    "berlin": "Europe/Berlin", "paris": "Europe/Paris", "ist": "Asia/Kolkata",
    "india": "Asia/Kolkata", "aest": "Australia/Sydney", "aedt": "Australia/Sydney",
    "sydney": "Australia/Sydney", "jst": "Asia/Tokyo", "tokyo": "Asia/Tokyo",
    "sgt": "Asia/Singapore", "singapore": "Asia/Singapore", "hkt": "Asia/Hong_Kong",
    "nyc": "America/New_York", "ny": "America/New_York", "sf": "America/Los_Angeles",
    "mez": "Europe/Berlin", "mesz": "Europe/Berlin",
}  # fmt: skip
"""Case-folded words → IANA keys; read only right after a time of day."""

TIME_WORDS: Final = frozenset({"time"})
"""'Pacific time', 'London time': the trailing word belongs to the zone."""
