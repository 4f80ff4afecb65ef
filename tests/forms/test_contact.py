"""The contact field: labels, what a typed text becomes, and option values that round-trip."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain import Contact, ContactQuery
from bot.forms import ContactChoice, contact_label, typed_choice
from tests.support.task_samples import JANE


def test_a_reply_contact_shows_name_company_and_email() -> None:
    choice = ContactChoice.of(JANE)
    assert choice.label == "Jane Doe · Acme · jane@acme.com"
    assert choice.option_value == "id:42"
    assert choice.contact_id == 42
    assert not choice.needs_lookup


@pytest.mark.parametrize(
    ("contact", "label"),
    [
        (Contact(id=1, email="jane@acme.com"), "jane@acme.com"),
        (Contact(id=2, first_name="Jane", linkedin_url="https://www.linkedin.com/in/jane/"),
         "Jane · linkedin.com/in/jane"),
        (Contact(id=3, first_name="Jane", company="Acme", phone="+1 555 0100"),
         "Jane · Acme · +1 555 0100"),
        (Contact(id=4), "contact #4"),
        (Contact(id=5, first_name="Maximiliane", last_name="Oberhuber-Schwarzenberg",
                 company="Internationale Handelsgesellschaft Nord", email="m.oberhuber@ihn.de"),
         "Maximiliane Oberhuber-Schwarzenberg · m.oberhuber@ihn.de"),
        (Contact(id=6, first_name="A" * 60, email="b" * 30 + "@acme.com"),
         "A" * 32 + "… · " + "b" * 30 + "@acme.com"),
        (Contact(id=7, first_name="Jo", email="j" * 80 + "@acme.com"), "Jo · " + "j" * 69 + "…"),
    ],
    ids=["email-only", "linkedin", "phone", "nothing", "company-dropped-first", "name-cut",
         "email-cut"],
)  # fmt: skip
def test_labels_fit_an_option_and_keep_the_way_to_reach_them(contact: Contact, label: str) -> None:
    assert contact_label(contact) == label
    assert len(label) <= 75


@pytest.mark.parametrize(
    ("typed", "kind", "value", "label"),
    [
        ("jane@new.com", "email", "jane@new.com", "✉️ Use jane@new.com"),
        ("  mailto:Jane.Doe+crm@new.co.uk ", "email", "Jane.Doe+crm@new.co.uk",
         "✉️ Use Jane.Doe+crm@new.co.uk"),
        ("#12345", "id", "12345", "#️⃣ Use Reply contact #12345"),
        ("linkedin.com/in/jane-doe", "linkedin", "https://linkedin.com/in/jane-doe",
         "💼 Use linkedin.com/in/jane-doe"),
        ("https://www.linkedin.com/in/jane-doe/?trk=public_profile", "linkedin",
         "https://www.linkedin.com/in/jane-doe/", "💼 Use linkedin.com/in/jane-doe"),
        ("https://de.linkedin.com/in/jana", "linkedin", "https://de.linkedin.com/in/jana",
         "💼 Use de.linkedin.com/in/jana"),
    ],
    ids=["email", "mailto", "id", "linkedin-bare", "linkedin-tracking", "linkedin-country"],
)  # fmt: skip
def test_what_the_rep_types_can_be_used_as_is(
    typed: str, kind: str, value: str, label: str
) -> None:
    choice = typed_choice(typed)
    assert choice is not None
    assert choice.query == ContactQuery(kind, value)  # type: ignore[arg-type]
    assert choice.label == label
    assert choice.needs_lookup is (kind != "id")


@pytest.mark.parametrize(
    "typed",
    ["Jane", "jane@", "@acme.com", "jane@acme", "#0", "#", "12345", "linkedin.com/company/acme",
     "jane doe@acme.com", "", "   ", "x" * 150 + "@acme.com"],
)  # fmt: skip
def test_partial_or_unusable_text_is_only_a_search(typed: str) -> None:
    assert typed_choice(typed) is None


@pytest.mark.parametrize(
    ("query", "value", "label"),
    [
        (ContactQuery("email", "jane@acme.com"), "email:jane@acme.com", "jane@acme.com"),
        (ContactQuery("id", "#12345"), "id:12345", "Reply contact #12345"),
        (ContactQuery("id", "777"), "id:777", "Reply contact #777"),
        (ContactQuery("linkedin", "linkedin.com/in/jane?x=1"), "linkedin:https://linkedin.com/in/jane",
         "linkedin.com/in/jane"),
        (ContactQuery("name", "Jane Doe"), "name:Jane Doe", "🔎 “Jane Doe” (found when you save)"),
    ],
    ids=["email", "hash-id", "bare-id", "linkedin", "name"],
)  # fmt: skip
def test_a_command_s_contact_travels_in_the_form(
    query: ContactQuery, value: str, label: str
) -> None:
    choice = ContactChoice.from_query(query)
    assert choice is not None
    assert choice.option_value == value
    assert choice.label == label


def test_a_command_s_contact_that_cannot_fit_an_option_is_not_offered() -> None:
    assert ContactChoice.from_query(ContactQuery("name", "J" * 200)) is None
    assert ContactChoice.from_query(ContactQuery("id", "#abc")) is None


@pytest.mark.parametrize(
    "value",
    ["id:abc", "id:0", "id:-3", "id:", "email:", "name:  ", "fax:123", "42", "", "ID:42"],
)
def test_option_values_taskbot_did_not_write_are_ignored(value: str) -> None:
    assert ContactChoice.from_option(value, "whatever") is None


def test_a_choice_needs_a_real_value() -> None:
    with pytest.raises(ValueError, match="positive"):
        ContactChoice(ContactQuery("id", "0"), "x")
    with pytest.raises(ValueError, match="needs a value"):
        ContactChoice(ContactQuery("email", " "), "x")


@pytest.mark.parametrize(
    ("choice", "words"),
    [
        (ContactChoice(ContactQuery("email", "a@b.co"), "a@b.co"), "the email a@b.co"),
        (ContactChoice(ContactQuery("id", "9"), "#9"), "the id #9"),
        (ContactChoice(ContactQuery("linkedin", "https://www.linkedin.com/in/x"), "x"),
         "the LinkedIn profile linkedin.com/in/x"),
        (ContactChoice(ContactQuery("name", "Jane"), "Jane"), "“Jane”"),
    ],
)  # fmt: skip
def test_a_choice_is_described_for_sentences(choice: ContactChoice, words: str) -> None:
    assert choice.described() == words


@given(st.text(max_size=200))
def test_anything_typed_gives_an_option_that_fits_and_reads_back(typed: str) -> None:
    choice = typed_choice(typed)
    if choice is None:
        return
    assert len(choice.option_value) <= 150
    assert len(choice.label) <= 75
    assert ContactChoice.from_option(choice.option_value, choice.label) == choice


@given(
    st.builds(
        Contact,
        id=st.integers(1, 10**12),
        email=st.none() | st.emails(),
        first_name=st.none() | st.text(max_size=120),
        last_name=st.none() | st.text(max_size=120),
        company=st.none() | st.text(max_size=120),
    )
)
def test_every_reply_contact_is_an_option_that_reads_back(contact: Contact) -> None:
    choice = ContactChoice.of(contact)
    assert len(choice.label) <= 75
    assert len(choice.option_value) <= 150
    assert ContactChoice.from_option(choice.option_value, choice.label) == choice
