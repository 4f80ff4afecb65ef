"""The task modal and the contact options: what they show, and that Slack accepts every variant."""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from slack_sdk.models.views import View

from bot import ids
from bot.domain import Contact, ContactQuery, Field, LinkedInAction, TaskType
from bot.forms import ContactChoice, FormMetadata, FormValues, HiddenValues, Origin
from bot.messages.form import field_label
from bot.messages.reply import explain
from bot.parsing.dates import ReadDate, read_date
from bot.reply.errors import FieldError, ReplyValidationError
from bot.reply.sandbox.seed import CONTACTS
from bot.views.modal import contact_options, message_modal, shown_notices, task_modal
from tests.forms.support import CREATE_META, CTX, EDIT_META
from tests.support.block_kit import assert_valid_view
from tests.support.task_samples import JANE, make_task


def view_json(view: View) -> dict[str, Any]:
    view.validate_json()  # slack_sdk's own validators
    data = view.to_dict()
    assert_valid_view(json.loads(json.dumps(data)))  # the fake Slack's checks
    assert len(data["blocks"]) <= 100
    assert len(data["private_metadata"]) <= 3000
    assert len(data["title"]["text"]) <= 24
    return data


def block(data: dict[str, Any], block_id: str) -> dict[str, Any]:
    return next(b for b in data["blocks"] if b.get("block_id") == block_id)


def input_ids(data: dict[str, Any]) -> list[str]:
    return [b["block_id"] for b in data["blocks"] if b["type"] == "input"]


FULL = FormValues(
    task_type=TaskType.LINKEDIN,
    linkedin_action=LinkedInAction.INMAIL,
    contact=ContactChoice.of(JANE),
    start_text="now",
    due_text="tomorrow 3pm",
    subject="Quick question",
    body="Hi {{firstName}}",
)

# --------------------------------------------------------------------------------------
# Every variant is a view Slack accepts

TYPES = [None, *TaskType]
ACTIONS = [None, *LinkedInAction]


@pytest.mark.parametrize(
    ("task_type", "action", "mode"),
    list(itertools.product(TYPES, ACTIONS, ["create", "edit"])),
)
def test_every_type_action_and_mode_is_a_valid_modal(
    task_type: TaskType | None, action: LinkedInAction | None, mode: str
) -> None:
    form = replace(FULL, task_type=task_type, linkedin_action=action)
    metadata = EDIT_META if mode == "edit" else CREATE_META
    notices: dict[Field, str] = {"due_to": "'yesterday' is in the past.", "subject": "Hm."}
    data = view_json(
        task_modal(form, mode=mode, metadata=metadata, notices=notices, sandbox=True)  # type: ignore[arg-type]
    )
    assert data["callback_id"] == ids.TASK_MODAL
    assert input_ids(data) == list(form.visible_blocks())


def test_the_create_and_edit_frames() -> None:
    created = view_json(task_modal(FULL, mode="create", metadata=CREATE_META))
    assert (created["title"]["text"], created["submit"]["text"], created["close"]["text"]) == (
        "New Reply task",
        "Create task",
        "Cancel",
    )
    edited = view_json(task_modal(FULL, mode="edit", metadata=EDIT_META))
    assert (edited["title"]["text"], edited["submit"]["text"]) == (
        "Edit Reply task",
        "Save changes",
    )
    notes = block(edited, "form.notes")["elements"][0]["text"]
    assert notes == "✏️ Editing task #1001 as Reply has it now. Saving replaces what is there."


def test_the_mode_and_the_metadata_agree() -> None:
    with pytest.raises(ValueError, match="edit modal"):
        task_modal(FULL, mode="edit", metadata=CREATE_META)
    with pytest.raises(ValueError, match="edit modal"):
        task_modal(FULL, mode="create", metadata=EDIT_META)


# --------------------------------------------------------------------------------------
# The fields


def test_the_type_select_has_every_type_with_its_emoji_and_dispatches() -> None:
    data = view_json(task_modal(FULL, mode="create", metadata=CREATE_META))
    type_block = block(data, ids.TYPE_BLOCK)
    assert type_block["dispatch_action"] is True
    element = type_block["element"]
    assert element["action_id"] == ids.TYPE_SELECT
    assert [(o["value"], o["text"]["text"]) for o in element["options"]] == [
        ("ToDo", "📝 To-do"),
        ("Call", "📞 Call"),
        ("Meeting", "🤝 Meeting"),
        ("LinkedIn", "💼 LinkedIn"),
        ("ManualEmail", "✉️ Email"),
        ("Sms", "💬 SMS"),
        ("WhatsApp", "🟢 WhatsApp"),
    ]
    assert element["initial_option"] == element["options"][3]
    linkedin = block(data, ids.LINKEDIN_BLOCK)
    assert linkedin["dispatch_action"] is True
    assert linkedin["element"]["initial_option"]["value"] == "InMail"
    assert block(data, ids.SUBJECT_BLOCK)["label"]["text"] == "InMail subject"


def test_a_form_without_a_type_asks_for_one() -> None:
    data = view_json(task_modal(FormValues.blank(CTX), mode="create", metadata=CREATE_META))
    element = block(data, ids.TYPE_BLOCK)["element"]
    assert "initial_option" not in element
    assert element["placeholder"]["text"] == "Choose a type"


@pytest.mark.parametrize(
    ("task_type", "optional"),
    [(TaskType.TODO, True), (TaskType.CALL, False), (None, False), (TaskType.LINKEDIN, False)],
)
def test_the_contact_is_optional_only_for_a_to_do(
    task_type: TaskType | None, optional: bool
) -> None:
    data = view_json(
        task_modal(replace(FULL, task_type=task_type), mode="create", metadata=CREATE_META)
    )
    contact = block(data, ids.CONTACT_BLOCK)
    assert contact["optional"] is optional
    assert ("A to-do can go without one." in contact["hint"]["text"]) is optional


def test_the_contact_select_searches_reply_and_shows_the_chosen_contact() -> None:
    data = view_json(task_modal(FULL, mode="create", metadata=CREATE_META))
    element = block(data, ids.CONTACT_BLOCK)["element"]
    assert element["type"] == "external_select"
    assert element["action_id"] == ids.CONTACT_SELECT
    assert element["min_query_length"] == 2
    assert element["initial_option"] == {
        "text": {"type": "plain_text", "text": "Jane Doe · Acme · jane@acme.com", "emoji": True},
        "value": "id:42",
    }
    empty = view_json(task_modal(replace(FULL, contact=None), mode="create", metadata=CREATE_META))
    assert "initial_option" not in block(empty, ids.CONTACT_BLOCK)["element"]


def test_dates_are_text_with_hints_in_the_rep_s_zone() -> None:
    data = view_json(task_modal(FULL, mode="create", metadata=CREATE_META))
    start, due = block(data, ids.START_BLOCK), block(data, ids.DUE_BLOCK)
    assert start["element"]["initial_value"] == "now"
    assert start["optional"] is True
    assert due["element"]["initial_value"] == "tomorrow 3pm"
    assert "optional" not in due or due["optional"] is False
    assert "(America/New_York)" in due["hint"]["text"]
    for example in ("tomorrow 3pm", "EOD Fri", "in 2 business days"):
        assert example in due["hint"]["text"]
    no_zone = view_json(task_modal(FULL, mode="create", metadata=replace(CREATE_META, tz=None)))
    assert "your Slack time zone" in block(no_zone, ids.DUE_BLOCK)["hint"]["text"]


def test_the_body_is_multiline_with_the_variables_reply_fills_in() -> None:
    data = view_json(task_modal(FULL, mode="create", metadata=CREATE_META))
    body = block(data, ids.BODY_BLOCK)
    assert body["element"]["multiline"] is True
    assert body["element"]["max_length"] == 3000
    assert body["element"]["initial_value"] == "Hi {{firstName}}"
    for variable in ("{{firstName}}", "{{lastName}}", "{{company}}", "{{title}}", "{{email}}",
                     "{{phone}}"):  # fmt: skip
        assert variable in body["hint"]["text"]


@pytest.mark.parametrize(
    ("task_type", "label"),
    [(TaskType.MANUAL_EMAIL, "Email text"), (TaskType.CALL, "What to do"), (None, "What to do")],
)
def test_the_body_label_fits_the_type(task_type: TaskType | None, label: str) -> None:
    data = view_json(
        task_modal(replace(FULL, task_type=task_type), mode="create", metadata=CREATE_META)
    )
    assert block(data, ids.BODY_BLOCK)["label"]["text"] == label


@pytest.mark.parametrize("task_type", TYPES)
def test_a_field_has_one_name_in_the_form_and_in_reply_s_errors(task_type: TaskType | None) -> None:
    """The card lists Reply's field errors with the names the form gives the fields (the
    general ones, as a command has no form): one label table, `messages.form.FIELD_LABEL`."""
    form = replace(FULL, task_type=task_type)
    data = view_json(task_modal(form, mode="create", metadata=CREATE_META))
    shown = {b["block_id"]: b["label"]["text"] for b in data["blocks"] if b["type"] == "input"}
    for field, block_id in ids.FIELD_BLOCKS.items():
        if block_id in shown:
            assert shown[block_id] == field_label(field, task_type)
    errors = [FieldError(f"/{field}", "Not valid.", field) for field in ids.FIELD_BLOCKS]
    details = explain(ReplyValidationError("400", status=400, field_errors=errors),
                      doing="create the task", sandbox=False).details  # fmt: skip
    assert details == tuple(f"{field_label(field)}: Not valid." for field in ids.FIELD_BLOCKS)
    assert "What to do: Not valid." in details  # as a form with no type labels the body


def test_text_longer_than_a_field_takes_is_cut_visibly_so_slack_accepts_the_view() -> None:
    long = replace(
        FULL,
        task_type=TaskType.MANUAL_EMAIL,
        body="x" * 5000,
        subject="s" * 400,
        due_text="d" * 400,
    )
    data = view_json(task_modal(long, mode="create", metadata=CREATE_META))
    body = block(data, ids.BODY_BLOCK)["element"]["initial_value"]
    assert (len(body), body[-1]) == (3000, "…")
    assert len(block(data, ids.SUBJECT_BLOCK)["element"]["initial_value"]) == 200
    assert len(block(data, ids.DUE_BLOCK)["element"]["initial_value"]) == 150


# --------------------------------------------------------------------------------------
# Notices, hidden values


def test_a_notice_sits_right_under_its_field() -> None:
    notices: dict[Field, str] = {
        "due_to": "'yesterday' is in the past. Try 'tomorrow 10am'.",
        "contact": "No Reply contact matches “Jane”.",
    }
    data = view_json(task_modal(FULL, mode="create", metadata=CREATE_META, notices=notices))
    ids_in_order = [b["block_id"] for b in data["blocks"]]
    for field, block_id in (("due_to", ids.DUE_BLOCK), ("contact", ids.CONTACT_BLOCK)):
        notice = ids_in_order.index(ids.notice_block_id(block_id))
        assert ids_in_order[notice - 1] == block_id
        shown = data["blocks"][notice]
        assert shown["type"] == "context"
        assert shown["elements"][0]["text"] == f"⚠️ {notices[field]}"  # type: ignore[index]


def test_a_notice_about_a_field_this_type_hides_goes_to_the_top() -> None:
    call = replace(FULL, task_type=TaskType.CALL)
    notices: dict[Field, str] = {"subject": "Only emails and InMails have a subject."}
    data = view_json(task_modal(call, mode="create", metadata=CREATE_META, notices=notices))
    assert data["blocks"][0]["block_id"] == "form.notes"
    assert data["blocks"][0]["elements"][0]["text"] == (
        "⚠️ Subject: Only emails and InMails have a subject."
    )


def test_the_sandbox_says_so_at_the_top() -> None:
    data = view_json(task_modal(FULL, mode="create", metadata=CREATE_META, sandbox=True))
    assert "Reply sandbox" in data["blocks"][0]["elements"][0]["text"]
    plain = view_json(task_modal(FULL, mode="create", metadata=CREATE_META))
    assert plain["blocks"][0]["block_id"] == ids.TYPE_BLOCK


def test_values_of_hidden_fields_travel_in_the_metadata() -> None:
    call = replace(FULL, task_type=TaskType.CALL)
    data = view_json(task_modal(call, mode="create", metadata=CREATE_META))
    metadata = FormMetadata.decode(data["private_metadata"])
    assert metadata.hidden == HiddenValues(
        subject="Quick question", linkedin_action=LinkedInAction.INMAIL
    )
    assert replace(metadata, hidden=HiddenValues()) == CREATE_META
    shown = view_json(task_modal(FULL, mode="create", metadata=CREATE_META))
    assert FormMetadata.decode(shown["private_metadata"]).hidden == HiddenValues()


def test_the_worst_case_metadata_still_fits_the_view() -> None:
    metadata = FormMetadata(
        origin=Origin.MESSAGE_SHORTCUT,
        user_id="U" * 255,
        channel_id="C" * 255,
        thread_ts="1" * 255,
        response_url="https://hooks.slack.com/" + "r" * 2000,
        permalink="https://acme.slack.com/" + "p" * 2000,
        tz="America/Argentina/ComodRivadavia",
        locale="en-US",
    )
    call = replace(FULL, task_type=TaskType.CALL, subject="s" * 3000)
    data = view_json(task_modal(call, mode="create", metadata=metadata))
    decoded = FormMetadata.decode(data["private_metadata"])
    assert (decoded.user_id, decoded.channel_id) == (metadata.user_id, metadata.channel_id)


def test_an_edit_form_from_a_task_is_valid(task: object) -> None:
    form = FormValues.from_task(make_task(), JANE, CTX)
    data = view_json(task_modal(form, mode="edit", metadata=EDIT_META))
    assert block(data, ids.DUE_BLOCK)["element"]["initial_value"] == "Thu 26 November 2026 15:00"


# --------------------------------------------------------------------------------------
# Interim modals


def test_a_message_modal_only_says_something() -> None:
    data = view_json(
        message_modal("⏳ Getting the task from Reply… <&>", mode="edit", metadata=EDIT_META)
    )
    assert "submit" not in data
    assert data["close"]["text"] == "Close"
    assert data["blocks"][0]["text"]["text"] == "⏳ Getting the task from Reply… &lt;&amp;&gt;"
    assert FormMetadata.decode(data["private_metadata"]) == EDIT_META
    long = view_json(message_modal("x" * 5000, mode="create", metadata=CREATE_META))
    assert len(long["blocks"][0]["text"]["text"]) <= 3000


# --------------------------------------------------------------------------------------
# Contact options (block_suggestion)


def options_json(query: str, contacts: list[Contact]) -> list[dict[str, Any]]:
    options = [option.to_dict() for option in contact_options(query, contacts)]
    assert len(options) <= 100
    for option in options:
        assert len(option["text"]["text"]) <= 75
        assert len(option["value"]) <= 150
    return options


def people(n: int, **kwargs: Any) -> list[Contact]:
    return [
        Contact(id=i, first_name=f"Jane{i}", last_name="Doe", email=f"jane{i}@acme.com", **kwargs)
        for i in range(1, n + 1)
    ]


def test_options_are_reply_s_matches_in_order() -> None:
    options = options_json("jane", [JANE, Contact(id=7, email="jane@other.io")])
    assert options == [
        {"text": {"type": "plain_text", "text": "Jane Doe · Acme · jane@acme.com", "emoji": True},
         "value": "id:42"},
        {"text": {"type": "plain_text", "text": "jane@other.io", "emoji": True}, "value": "id:7"},
    ]  # fmt: skip


def test_a_typed_email_nobody_has_is_offered_first() -> None:
    options = options_json("new@acme.com", people(2))
    assert options[0]["value"] == "email:new@acme.com"
    assert options[0]["text"]["text"] == "✉️ Use new@acme.com"
    assert [o["value"] for o in options[1:]] == ["id:1", "id:2"]


@pytest.mark.parametrize(
    "typed",
    [
        "JANE@acme.com", "#42", "#0042", "linkedin.com/in/janedoe",
        # the same profile copied another way: the Reply client's matcher agrees (bot.linkedin)
        "https://uk.linkedin.com/in/JaneDoe/?trk=share", "m.linkedin.com/in/janedoe",
    ],
)  # fmt: skip
def test_what_a_match_already_is_is_not_offered_twice(typed: str) -> None:
    assert [o["value"] for o in options_json(typed, [JANE])] == ["id:42"]


def test_there_are_never_more_than_100_options() -> None:
    options = options_json("new@acme.com", people(150))
    assert len(options) == 100
    assert options[0]["value"] == "email:new@acme.com"
    assert len(options_json("jane", people(150))) == 100


def test_duplicates_are_shown_once_and_nothing_matches_nothing() -> None:
    assert [o["value"] for o in options_json("jane", [JANE, JANE])] == ["id:42"]
    assert options_json("zz", []) == []
    assert options_json("#7", []) == [
        {"text": {"type": "plain_text", "text": "#️⃣ Use Reply contact #7", "emoji": True},
         "value": "id:7"}
    ]  # fmt: skip


def test_long_contact_details_fit_an_option() -> None:
    contact = Contact(id=10**12, first_name="N" * 300, company="C" * 300, email="e" * 200 + "@x.io")
    [option] = options_json("n", [contact])
    assert option["text"]["text"].endswith("…")


def test_a_name_from_a_command_shows_as_a_search() -> None:
    choice = ContactChoice.from_query(ContactQuery("name", "Jane Doe"))
    data = view_json(task_modal(replace(FULL, contact=choice), mode="create", metadata=CREATE_META))
    initial = block(data, ids.CONTACT_BLOCK)["element"]["initial_option"]
    assert (initial["value"], initial["text"]["text"]) == (
        "name:Jane Doe",
        "🔎 “Jane Doe” (found when you save)",
    )


# --------------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(
    task_type=st.none() | st.sampled_from(TaskType),
    action=st.none() | st.sampled_from(LinkedInAction),
    texts=st.lists(st.text(max_size=400), min_size=4, max_size=4),
    contact=st.none() | st.just(ContactChoice.of(JANE)),
    notices=st.dictionaries(
        st.sampled_from(
            ["task_type", "linkedin_action", "contact", "start_at", "due_to", "body", "subject"]
        ),
        st.text(min_size=1, max_size=300),
    ),
    mode=st.sampled_from(["create", "edit"]),
)
def test_any_form_is_a_view_slack_accepts(  # noqa: PLR0917 - hypothesis
    task_type: TaskType | None,
    action: LinkedInAction | None,
    texts: list[str],
    contact: ContactChoice | None,
    notices: dict[Field, str],
    mode: str,
) -> None:
    start, due, subject, body = texts
    form = FormValues(task_type, action, contact, start, due, subject, body * 10)
    metadata = EDIT_META if mode == "edit" else CREATE_META
    view_json(task_modal(form, mode=mode, metadata=metadata, notices=notices))  # type: ignore[arg-type]


def test_every_example_in_the_date_hints_reads_as_ahead() -> None:
    data = view_json(task_modal(FULL, mode="create", metadata=CREATE_META))
    hints = (
        block(data, ids.START_BLOCK)["hint"]["text"] + block(data, ids.DUE_BLOCK)["hint"]["text"]
    )
    examples = re.findall(r"‘([^’]+)’", hints)  # noqa: RUF001 - the hints' quotes
    assert len(examples) == 7
    for example in examples:
        reading = read_date(example, CTX, "due")
        assert isinstance(reading, ReadDate), (example, reading)


def test_the_body_hint_names_only_variables_reply_fills_in() -> None:
    data = view_json(task_modal(FULL, mode="create", metadata=CREATE_META))
    named = re.findall(r"\{\{(\w+)\}\}", block(data, ids.BODY_BLOCK)["hint"]["text"])
    rendered = CONTACTS[0].variables()  # what the sandbox's Handlebars context holds
    assert named
    assert set(named) <= set(rendered)


def test_every_block_id_of_the_form_is_one_bot_ids_names() -> None:
    """Block ids are stable once shipped (a notice is found by its id), so they all come from
    bot.ids: the inputs, the notes on top, and a notice under each input."""
    notices: dict[Field, str] = dict.fromkeys(ids.FIELD_BLOCKS, "Check this.")
    for task_type, action in itertools.product(TYPES, ACTIONS):
        form = replace(FULL, task_type=task_type, linkedin_action=action)
        data = view_json(
            task_modal(form, mode="create", metadata=CREATE_META, notices=notices, sandbox=True)
        )
        named = {ids.FORM_NOTES_BLOCK, *ids.FORM_BLOCKS}
        named |= {ids.notice_block_id(block_id) for block_id in ids.FORM_BLOCKS}
        assert {b["block_id"] for b in data["blocks"]} <= named


def test_the_notices_a_modal_shows_read_back_for_a_rebuild() -> None:
    """views.update replaces every block: what the form said under its fields (and, for a
    field the type hides, in its notes) must be read back from the view to be shown again."""
    form = replace(FULL, task_type=TaskType.CALL, linkedin_action=None)  # subject hidden
    notices: dict[Field, str] = {
        "due_to": "'Feb 30' isn't a real date.",
        "subject": "Only an email has a subject.",
        "task_type": "'cal' isn't a task type.",
    }
    confirmations: dict[Field, str] = {"contact": "Found in Reply: Jane Doe"}
    data = view_json(
        task_modal(
            form, mode="create", metadata=CREATE_META, notices=notices, confirmations=confirmations
        )
    )
    assert shown_notices(data) == (notices, confirmations)
    assert shown_notices({"blocks": []}) == ({}, {})
