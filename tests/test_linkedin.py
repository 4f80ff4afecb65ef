"""LinkedIn profile URLs read one way everywhere (bot.linkedin): the same profile however it
was copied, the URL taskbot keeps and sends, and the label a rep reads."""

from __future__ import annotations

import pytest

from bot.domain import ContactQuery
from bot.linkedin import profile_key, profile_label, profile_url, same_profile


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("https://www.linkedin.com/in/johndoe", "https://www.linkedin.com/in/johndoe"),
        ("https://www.linkedin.com/in/johndoe", "http://linkedin.com/in/johndoe/"),
        ("https://www.linkedin.com/in/johndoe/", "linkedin.com/in/johndoe"),
        ("https://www.linkedin.com/in/johndoe", "HTTPS://WWW.LinkedIn.com/in/johndoe"),
        ("https://www.linkedin.com/in/johndoe", "https://uk.linkedin.com/in/johndoe"),
        ("https://www.linkedin.com/in/johndoe", "https://m.linkedin.com/in/johndoe"),
        ("https://www.linkedin.com/in/JohnDoe", "https://www.linkedin.com/in/johndoe"),
        ("https://www.linkedin.com/in/johndoe", "https://www.linkedin.com/in/johndoe?utm=x#top"),
        ("https://www.linkedin.com/in/jos%C3%A9", "https://www.linkedin.com/in/josé"),
        ("  linkedin.com/in/johndoe  ", "www.linkedin.com/in/johndoe"),
    ],
    ids=["same", "scheme-www-slash", "no-scheme", "host-case", "country-host", "mobile-host",
         "path-case", "query-fragment", "percent-encoding", "blanks"],
)  # fmt: skip
def test_the_same_profile_written_differently(stored: str, typed: str) -> None:
    assert profile_key(stored) == profile_key(typed)
    assert same_profile(stored, typed)


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("https://www.linkedin.com/in/johndoe", "https://www.linkedin.com/in/johndoe2"),
        ("https://www.linkedin.com/in/johndoe", "https://www.linkedin.com/company/johndoe"),
        ("https://www.linkedin.com/in/johndoe", "https://notlinkedin.com/in/johndoe"),
        (None, "https://www.linkedin.com/in/johndoe"),
        ("   ", "https://www.linkedin.com/in/johndoe"),
    ],
    ids=["other-name", "company-page", "other-host", "none-stored", "blank-stored"],
)
def test_different_profiles(stored: str | None, typed: str) -> None:
    assert not same_profile(stored, typed)


@pytest.mark.parametrize(
    ("typed", "url", "label"),
    [
        ("linkedin.com/in/Jane-Doe", "https://linkedin.com/in/Jane-Doe",
         "linkedin.com/in/Jane-Doe"),
        ("https://www.linkedin.com/in/jane/", "https://www.linkedin.com/in/jane/",
         "linkedin.com/in/jane"),
        ("www.linkedin.com/in/jane?utm_source=share#about", "https://www.linkedin.com/in/jane",
         "linkedin.com/in/jane"),
        ("http://uk.linkedin.com/pub/jane", "http://uk.linkedin.com/pub/jane",
         "uk.linkedin.com/pub/jane"),
    ],
    ids=["no-scheme", "trailing-slash", "share-link", "country-host"],
)  # fmt: skip
def test_the_url_taskbot_keeps_and_the_label_a_rep_reads(typed: str, url: str, label: str) -> None:
    assert profile_url(typed) == url
    assert profile_label(typed) == label
    assert profile_label(url) == label
    assert same_profile(url, typed)


def test_a_contact_query_keeps_the_url_in_one_form() -> None:
    query = ContactQuery("linkedin", " linkedin.com/in/jane?trk=x ")
    assert query.value == "https://linkedin.com/in/jane"
    assert ContactQuery("linkedin", query.value) == query
