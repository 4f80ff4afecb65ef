"""FormValues from Slack's state, a /task draft, a task being edited, and a message."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot import ids
from bot.domain import (
    ContactQuery,
    FieldProblem,
    LinkedInAction,
    TaskDraft,
    TaskStatus,
    TaskTemplate,
    TaskType,
)
from bot.forms import (
    ContactChoice,
    FormMetadataError,
    FormValues,
    HiddenValues,
    edit_blocker,
    read_view,
)
from bot.parsing.dates import DateContext
from tests.forms.support import CREATE_META, CTX, NOW, state
from tests.support.task_samples import JANE, NEW_YORK, make_task

JANE_OPTION = ("id:42", "Jane Doe · Acme · jane@acme.com")

# --------------------------------------------------------------------------------------
# Slack's view.state.values


def test_every_field_is_read_from_slack_s_state() -> None:
    values = state(
        type=("LinkedIn", "💼 LinkedIn"),
        linkedin=("InMail", "📨 Send an InMail"),
        contact=JANE_OPTION,
        start="now",
        due="tomorrow 3pm",
        subject="Quick question",
        body="Hi {{firstName}}",
    )
    form = FormValues.from_state(values)
    assert form == FormValues(
        task_type=TaskType.LINKEDIN,
        linkedin_action=LinkedInAction.INMAIL,
        contact=ContactChoice.of(JANE),
        start_text="now",
        due_text="tomorrow 3pm",
        subject="Quick question",
        body="Hi {{firstName}}",
    )
    assert form.shown == frozenset(ids.FORM_BLOCKS)


def test_untouched_and_missing_fields_read_as_empty() -> None:
    values = state(type=None, contact=None, start=None, due=None, body=None)
    assert FormValues.from_state(values) == FormValues()
    assert FormValues.from_state({}) == FormValues()


@pytest.mark.parametrize(
    "values",
    [
        {ids.TYPE_BLOCK: "junk"},
        {ids.TYPE_BLOCK: {ids.TYPE_SELECT: ["not", "a", "dict"]}},
        {ids.TYPE_BLOCK: {ids.TYPE_SELECT: {"selected_option": {"value": 5}}}},
        {ids.TYPE_BLOCK: {"other.action": {"selected_option": {"value": "Call"}}}},
        state(type=("Fax", "📠 Fax")),
        state(contact=("id:abc", "tampered")),
        {ids.BODY_BLOCK: {ids.BODY_INPUT: {"value": 42}}},
    ],
    ids=["block-not-a-dict", "element-not-a-dict", "value-not-text", "other-action",
         "unknown-type", "tampered-contact", "body-not-text"],
)  # fmt: skip
def test_malformed_state_reads_as_empty_rather_than_failing(values: dict[str, Any]) -> None:
    form = FormValues.from_state(values)
    assert (form.task_type, form.contact, form.body) == (None, None, "")


def test_a_field_the_view_hides_keeps_its_value_from_the_metadata() -> None:
    hidden = HiddenValues(subject="Pricing", linkedin_action=LinkedInAction.CONNECT)
    values = state(type=("Call", "📞 Call"), body="Call her")
    form = FormValues.from_state(values, hidden=hidden)
    assert form.subject == "Pricing"
    assert form.linkedin_action is LinkedInAction.CONNECT
    # Shown again, what the rep now has in the field wins — even emptied.
    values = state(type=("ManualEmail", "✉️ Email"), subject=None, body="Hi")
    assert FormValues.from_state(values, hidden=hidden).subject == ""


def test_the_slack_contact_label_is_kept() -> None:
    values = state(contact=("email:new@acme.com", "✉️ Use new@acme.com"))
    choice = FormValues.from_state(values).contact
    assert choice == ContactChoice(ContactQuery("email", "new@acme.com"), "✉️ Use new@acme.com")


# --------------------------------------------------------------------------------------
# What the form shows, and what it keeps aside


@pytest.mark.parametrize(
    ("task_type", "action", "linkedin", "subject"),
    [
        (None, None, False, False),
        (TaskType.TODO, None, False, False),
        (TaskType.CALL, LinkedInAction.INMAIL, False, False),
        (TaskType.MANUAL_EMAIL, None, False, True),
        (TaskType.LINKEDIN, None, True, False),
        (TaskType.LINKEDIN, LinkedInAction.MESSAGE, True, False),
        (TaskType.LINKEDIN, LinkedInAction.INMAIL, True, True),
        (TaskType.WHATSAPP, None, False, False),
    ],
)
def test_the_linkedin_action_and_subject_follow_the_type(
    task_type: TaskType | None, action: LinkedInAction | None, linkedin: bool, subject: bool
) -> None:
    form = FormValues(task_type=task_type, linkedin_action=action, subject="S")
    blocks = form.visible_blocks()
    assert (ids.LINKEDIN_BLOCK in blocks) is linkedin
    assert (ids.SUBJECT_BLOCK in blocks) is subject
    assert blocks[0] == ids.TYPE_BLOCK
    assert blocks[-1] == ids.BODY_BLOCK
    hidden = form.hidden_values()
    assert hidden.subject == ("" if subject else "S")
    assert hidden.linkedin_action is (None if linkedin else action)


# --------------------------------------------------------------------------------------
# Blank, and from a /task draft


def test_a_blank_form_starts_now_and_suggests_a_due() -> None:
    assert FormValues.blank(CTX) == FormValues(start_text="now", due_text="EOD")
    call = FormValues.blank(CTX, TaskType.CALL)
    assert (call.task_type, call.due_text) == (TaskType.CALL, "tomorrow 10am")


TOMORROW_3PM = datetime(2026, 11, 26, 15, 0, tzinfo=NEW_YORK)


@pytest.mark.parametrize(
    ("draft", "start", "due"),
    [
        (TaskDraft(due_to=TOMORROW_3PM, date_text="tomorrow  3pm"), "now", "tomorrow 3pm"),
        (TaskDraft(due_to=TOMORROW_3PM, date_text="by tomorrow at 3pm"), "now",
         "by tomorrow at 3pm"),
        (TaskDraft(due_to=TOMORROW_3PM, date_text="from tomorrow 9am to 3pm",
                   start_at=TOMORROW_3PM - timedelta(hours=6)),
         "Thu 26 November 2026 09:00", "Thu 26 November 2026 15:00"),
        (TaskDraft(due_to=TOMORROW_3PM), "now", "Thu 26 November 2026 15:00"),
        (TaskDraft(date_text="yesterday",
                   problems=(FieldProblem("due_to", "'yesterday' is in the past"),)),
         "now", "yesterday"),
        (TaskDraft(task_type=TaskType.CALL), "now", "tomorrow 10am"),
        (TaskDraft(start_at=NOW + timedelta(seconds=20), due_to=TOMORROW_3PM), "now",
         "Thu 26 November 2026 15:00"),
    ],
    ids=["phrase-kept", "with-prefix", "range-written-out", "no-phrase", "refused-kept",
         "no-date", "start-is-now"],
)  # fmt: skip
def test_a_draft_keeps_the_rep_s_date_words_while_they_mean_the_same(
    draft: TaskDraft, start: str, due: str
) -> None:
    form = FormValues.from_draft(draft, CTX)
    assert (form.start_text, form.due_text) == (start, due)


def test_a_draft_brings_everything_else_too() -> None:
    draft = TaskDraft(
        task_type=TaskType.LINKEDIN,
        linkedin_action=LinkedInAction.INMAIL,
        contact=ContactQuery("email", "jane@acme.com"),
        body="Intro to our API",
        subject="Hello {{firstName}}",
    )
    form = FormValues.from_draft(draft, CTX)
    assert form.task_type is TaskType.LINKEDIN
    assert form.linkedin_action is LinkedInAction.INMAIL
    assert form.contact == ContactChoice(ContactQuery("email", "jane@acme.com"), "jane@acme.com")
    assert (form.subject, form.body) == ("Hello {{firstName}}", "Intro to our API")


def test_a_draft_body_longer_than_the_field_ends_in_a_visible_cut() -> None:
    form = FormValues.from_draft(TaskDraft(body="word " * 1000), CTX)
    assert len(form.body) <= 3000
    assert form.body.endswith("…")


# --------------------------------------------------------------------------------------
# From a task (edit)


def test_a_task_is_shown_as_reply_has_it() -> None:
    task = make_task(
        task_type=TaskType.MANUAL_EMAIL,
        template=TaskTemplate(body="Hi {{firstName}}", subject="About {{company}}"),
    )
    form = FormValues.from_task(task, JANE, CTX)
    assert form == FormValues(
        task_type=TaskType.MANUAL_EMAIL,
        contact=ContactChoice.of(JANE),
        start_text="Wed 25 November 2026 14:37",
        due_text="Thu 26 November 2026 15:00",
        subject="About {{company}}",
        body="Hi {{firstName}}",  # the template, not the rendered text
    )


def test_a_task_s_times_are_written_in_the_rep_s_zone() -> None:
    berlin = DateContext(now=NOW, tz=ZoneInfo("Europe/Berlin"))
    form = FormValues.from_task(make_task(), JANE, berlin)
    assert form.due_text == "Thu 26 November 2026 21:00"


def test_without_the_contact_the_task_s_contact_id_shows_until_reply_answers() -> None:
    form = FormValues.from_task(make_task(contact_id=77), JANE, CTX)
    assert form.contact == ContactChoice(ContactQuery("id", "77"), "Reply contact #77")
    assert FormValues.from_task(make_task(contact_id=None), None, CTX).contact is None


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"status": TaskStatus.FINISHED}, "This task is done, and Reply only lets you edit new"),
        ({"status": TaskStatus.CANCELLED}, "This task is cancelled"),
        ({"template": TaskTemplate(body="x" * 3001)}, "text is 3,001 characters long"),
        ({"template": TaskTemplate(body="x", subject="s" * 201)}, "subject is 201 characters"),
    ],
)
def test_some_tasks_cannot_be_edited_in_the_form(changes: dict[str, Any], reason: str) -> None:
    blocker = edit_blocker(make_task(**changes))
    assert blocker is not None
    assert reason in blocker


def test_a_new_task_can_be_edited() -> None:
    assert edit_blocker(make_task()) is None


# --------------------------------------------------------------------------------------
# From a message (message shortcut)

LINK = "https://acme.slack.com/archives/C0SALES/p1764099999000200"


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Call Jane about the renewal", "Call Jane about the renewal"),
        ("Q&amp;A: 3 &lt; 5 &gt; 2, literally &amp;lt;", "Q&A: 3 < 5 > 2, literally &lt;"),
        ("Deck: <https://acme.com/deck?a=1&amp;b=2|the deck>", "Deck: the deck (https://acme.com/deck?a=1&b=2)"),
        ("See <https://acme.com>", "See https://acme.com"),
        ("Mail <mailto:jane@acme.com|jane@acme.com> or <mailto:bob@acme.com|Bob>",
         "Mail jane@acme.com or Bob (bob@acme.com)"),
        ("<@U0JANE> and <@U0BOB|bob> in <#C0SALES|sales> and <#C0OPS>",
         "@Jane Doe and @bob in #sales and #C0OPS"),
        ("<!here> <!channel> <!everyone> <!subteam^S1|@sales-team>",
         "@here @channel @everyone @sales-team"),
        ("Due <!date^1764181800^{date_short} at {time}|Nov 26 at 3:00 PM>",
         "Due Nov 26 at 3:00 PM"),
        ("*Bold* _it_ `code`", "*Bold* _it_ `code`"),
    ],
    ids=["plain", "escapes", "link-with-label", "bare-link", "mailto", "mentions", "groups",
         "date", "formatting"],
)  # fmt: skip
def test_a_message_becomes_plain_text_and_its_link(text: str, body: str) -> None:
    form = FormValues.from_message(text, LINK, CTX, names={"U0JANE": "Jane Doe"})
    assert form.body == f"{body}\n\n{LINK}"
    assert (form.task_type, form.start_text, form.due_text) == (None, "now", "EOD")


def test_a_long_message_is_cut_visibly_and_keeps_its_link() -> None:
    form = FormValues.from_message("word " * 2000, LINK, CTX)
    assert len(form.body) <= 3000
    text, link = form.body.rsplit("\n\n", 1)
    assert link == LINK
    assert text.endswith("…")


def test_a_message_without_text_or_link() -> None:
    assert FormValues.from_message("", LINK, CTX).body == LINK
    assert FormValues.from_message("Hi &amp; bye", None, CTX).body == "Hi & bye"


# --------------------------------------------------------------------------------------
# read_view: a payload's view


def _view(values: dict[str, Any], blocks: list[str], metadata: str) -> dict[str, Any]:
    return {
        "blocks": [{"type": "input", "block_id": b} for b in blocks] + [{"type": "divider"}],
        "private_metadata": metadata,
        "state": {"values": values},
    }


def test_a_view_gives_its_values_metadata_and_what_it_showed() -> None:
    meta = CREATE_META.with_hidden(HiddenValues(subject="Kept"))
    shown = [ids.TYPE_BLOCK, ids.CONTACT_BLOCK, ids.DUE_BLOCK, ids.BODY_BLOCK]
    values = state(type=("Call", "📞 Call"), due="EOD", body="Hi")  # contact untouched: absent
    form, metadata = read_view(_view(values, shown, meta.encode()))
    assert metadata == meta
    assert form == FormValues(task_type=TaskType.CALL, due_text="EOD", subject="Kept", body="Hi")
    assert form.shown == frozenset(shown)


def test_a_view_without_blocks_falls_back_to_its_state() -> None:
    view = {"private_metadata": CREATE_META.encode(), "state": {"values": state(body="x")}}
    form, _ = read_view(view)
    assert form.shown == frozenset({ids.BODY_BLOCK})
    form, _ = read_view({"private_metadata": CREATE_META.encode(), "state": "junk"})
    assert form == FormValues()


def test_a_view_that_is_not_a_taskbot_form_is_refused() -> None:
    with pytest.raises(FormMetadataError):
        read_view({"private_metadata": "", "state": {"values": {}}})
    with pytest.raises(FormMetadataError):
        read_view({"private_metadata": '{"v": 9}'})


def test_the_reference_instant_is_a_wednesday_afternoon_in_new_york() -> None:
    # The fixtures above lean on it (EOD is still ahead; tomorrow is a Thursday).
    local = NOW.astimezone(NEW_YORK)
    assert (local.strftime("%a %H:%M"), NOW.tzinfo) == ("Wed 14:37", UTC)


def test_names_are_only_used_for_ids_mentioned_alone_and_stay_plain_text() -> None:
    text = "<@U1> <@U2> <@U3|kept> <#C1>"
    names = {"U1": "A <b> & c|d", "U3": "ignored", "C1": "deals"}
    body = FormValues.from_message(text, None, CTX, names=names).body
    assert body == "@A <b> & c¦d @U2 @kept #deals"
