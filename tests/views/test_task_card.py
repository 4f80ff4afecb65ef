"""The task card: what it shows, what its buttons carry, and that Slack accepts every variant."""

from __future__ import annotations

import itertools
import json
import re
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot import ids
from bot.domain import (
    Contact,
    CreationSource,
    DeliveryInfo,
    LinkedInAction,
    Task,
    TaskContent,
    TaskStatus,
    TaskTemplate,
    TaskType,
)
from bot.views import CardContext, render_text, task_card
from bot.views.card import Card
from bot.views.values import TaskRef, decode
from tests.support.block_kit import assert_valid_message
from tests.support.task_samples import JANE, NEW_YORK, NOW, make_task

CTX = CardContext(owner="U0JANE", tz=NEW_YORK)


def blocks_of(card: Card) -> list[dict[str, Any]]:
    return card.blocks_json()


def all_text(card: Card) -> str:
    return json.dumps(blocks_of(card), ensure_ascii=False)


def buttons(card: Card) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for block in blocks_of(card):
        for element in block.get("elements", []):
            if element.get("type") == "button":
                found[element["action_id"]] = element
    return found


def _variants() -> list[tuple[TaskType, LinkedInAction | None]]:
    kinds: list[tuple[TaskType, LinkedInAction | None]] = [
        (t, None) for t in TaskType if t is not TaskType.LINKEDIN
    ]
    return kinds + [(TaskType.LINKEDIN, action) for action in LinkedInAction]


VARIANTS = list(itertools.product(_variants(), TaskStatus, (True, False), (False, True)))


def _variant_id(
    variant: tuple[tuple[TaskType, LinkedInAction | None], TaskStatus, bool, bool],
) -> str:
    (task_type, action), status, with_contact, shared = variant
    kind = task_type.value + (f"-{action.value}" if action else "")
    contact = "contact" if with_contact else "no-contact"
    return f"{kind}-{status.value}-{contact}{'-shared' if shared else ''}"


@pytest.mark.parametrize(
    ("kind", "status", "with_contact", "shared"), VARIANTS, ids=[_variant_id(v) for v in VARIANTS]
)
def test_every_variant_is_a_message_slack_accepts(
    kind: tuple[TaskType, LinkedInAction | None],
    status: TaskStatus,
    with_contact: bool,
    shared: bool,
) -> None:
    task_type, action = kind
    task = make_task(
        task_type=task_type,
        linkedin_action=action,
        status=status,
        contact_id=None if task_type is TaskType.TODO and not with_contact else JANE.id,
        finished_at=NOW if status is TaskStatus.FINISHED else None,
        delivery=None,
    )
    ctx = CardContext(
        owner="U0JANE", tz=NEW_YORK, sandbox=True, shared_by="U0JANE" if shared else None
    )
    card = task_card(task, JANE if with_contact else None, ctx)
    assert_valid_message(blocks_of(card), card.text)
    assert len(card.blocks) <= 50
    has_buttons = bool(buttons(card))
    assert has_buttons is (not shared)


def test_the_header_names_the_type_and_the_contact(task: Task) -> None:
    card = task_card(task, JANE, CTX)
    assert blocks_of(card)[0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": "📞 Call — Jane Doe", "emoji": True},
    }
    inmail = make_task(task_type=TaskType.LINKEDIN, linkedin_action=LinkedInAction.INMAIL)
    assert blocks_of(task_card(inmail, JANE, CTX))[0]["text"]["text"] == (
        "💼 LinkedIn · InMail — Jane Doe"
    )
    todo = make_task(task_type=TaskType.TODO, contact_id=None)
    assert blocks_of(task_card(todo, None, CTX))[0]["text"]["text"] == "📝 To-do"
    unknown = task_card(task, None, CTX)
    assert blocks_of(unknown)[0]["text"]["text"] == "📞 Call — contact #42"


def test_times_are_date_tokens_with_a_fallback_in_the_reps_zone(task: Task) -> None:
    fields = [f["text"] for f in blocks_of(task_card(task, JANE, CTX))[1]["fields"]]
    due = int(task.due_to.timestamp())
    assert fields[1] == (
        f"*Due*\n<!date^{due}^{{date_short_pretty}} at {{time}}|Thu 26 Nov 2026 15:00 EST>"
    )
    berlin = CardContext(owner="U0JANE", tz=ZoneInfo("Europe/Berlin"))
    fields = [f["text"] for f in blocks_of(task_card(task, JANE, berlin))[1]["fields"]]
    assert fields[1].endswith("|Thu 26 Nov 2026 21:00 CET>")


def test_the_fallback_text_reads_well_in_a_notification(task: Task) -> None:
    assert task_card(task, JANE, CTX).text == (
        "📞 Call — Jane Doe, due Thu 26 Nov 2026 15:00 EST (New)"
    )


def test_the_body_is_the_rendered_content_else_the_template(task: Task) -> None:
    assert "Ask about Acme pricing" in all_text(task_card(task, JANE, CTX))
    unrendered = make_task(content=None)
    assert "Ask about {{company}} pricing" in all_text(task_card(unrendered, JANE, CTX))
    empty = make_task(content=TaskContent(body=""), template=TaskTemplate(body=" "))
    assert "(no description)" in all_text(task_card(empty, JANE, CTX))


def test_subject_comes_from_the_rendered_content(task: Task) -> None:
    email = make_task(
        task_type=TaskType.MANUAL_EMAIL,
        template=TaskTemplate(body="Hi {{firstName}}", subject="For {{company}}"),
        content=TaskContent(body="Hi Jane", subject="For Acme"),
        delivery=DeliveryInfo(email="jane@acme.com"),
    )
    sections = [b["text"]["text"] for b in blocks_of(task_card(email, JANE, CTX)) if "text" in b]
    assert "*Subject:* For Acme" in sections


def test_user_text_cannot_format_ping_or_link(task: Task) -> None:
    evil = make_task(content=TaskContent(body="<!channel> & <https://evil.example|click> > 1"))
    text = all_text(task_card(evil, JANE, CTX))
    assert "&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt; &gt; 1" in text
    assert "<!channel>" not in text


def test_a_3000_character_body_is_shown_whole_within_section_limits() -> None:
    body = ("Ask Jane about the renewal & pricing for {{company}}.\n" * 60)[:3000]
    card = task_card(make_task(content=TaskContent(body=body)), JANE, CTX)
    assert_valid_message(blocks_of(card), card.text)
    sections = [
        b["text"]["text"] for b in blocks_of(card) if b["type"] == "section" and "text" in b
    ]
    assert all(len(s) <= 3000 for s in sections)
    assert "".join(sections[-2:]) == body.strip().replace("&", "&amp;")


def test_a_body_too_long_even_for_four_sections_ends_visibly_cut() -> None:
    body = "a" + "&" * 2999  # ~15,000 characters once escaped; entities straddle every limit
    card = task_card(make_task(content=TaskContent(body=body)), JANE, CTX)
    assert_valid_message(blocks_of(card), card.text)
    assert "… (shortened here; the full text is in Reply)" in all_text(card)
    sections = [
        b["text"]["text"] for b in blocks_of(card) if b["type"] == "section" and "text" in b
    ]
    assert not any(re.search(r"&(?!amp;)", s) for s in sections), "an entity was cut in half"


@pytest.mark.parametrize(
    ("task_type", "delivery", "expected"),
    [
        (TaskType.CALL, DeliveryInfo(phone_number="+44 20 7946 0000"), "*Phone*\n+44 20 7946 0000"),
        (TaskType.CALL, None, "*Phone*\n+1 212 555 0199"),
        (TaskType.MANUAL_EMAIL, None, "*Email*\n<mailto:jane@acme.com|jane@acme.com>"),
        (
            TaskType.LINKEDIN,
            None,
            "*LinkedIn*\n<https://www.linkedin.com/in/janedoe/|linkedin.com/in/janedoe>",
        ),
        (TaskType.MEETING, DeliveryInfo(), "*Email*\n<mailto:jane@acme.com|jane@acme.com>"),
        (
            TaskType.LINKEDIN,
            DeliveryInfo(linkedin_url="linkedin.com/in/jd"),
            "*LinkedIn*\n<https://linkedin.com/in/jd|linkedin.com/in/jd>",
        ),
    ],
    ids=[
        "delivery-phone",
        "contact-phone",
        "contact-email",
        "contact-linkedin",
        "meeting",
        "url-without-scheme",
    ],
)
def test_the_delivery_target_comes_from_reply_else_the_contact(
    task_type: TaskType, delivery: DeliveryInfo | None, expected: str
) -> None:
    action = LinkedInAction.MESSAGE if task_type is TaskType.LINKEDIN else None
    task = make_task(task_type=task_type, linkedin_action=action, delivery=delivery)
    fields = [f["text"] for f in blocks_of(task_card(task, JANE, CTX))[1]["fields"]]
    assert expected in fields


@pytest.mark.parametrize(
    ("task_type", "label"),
    [
        (TaskType.CALL, "*Phone*"),
        (TaskType.SMS, "*Phone*"),
        (TaskType.WHATSAPP, "*Phone*"),
        (TaskType.MANUAL_EMAIL, "*Email*"),
        (TaskType.LINKEDIN, "*LinkedIn*"),
    ],
)
def test_a_contact_without_what_the_task_needs_is_flagged(task_type: TaskType, label: str) -> None:
    """A call to a contact with no phone: the rep learns it on the card, not at call time."""
    action = LinkedInAction.MESSAGE if task_type is TaskType.LINKEDIN else None
    task = make_task(task_type=task_type, linkedin_action=action, delivery=None, contact_id=5)
    fields = blocks_of(task_card(task, Contact(id=5), CTX))[1]["fields"]
    assert fields[-1]["text"] == f"{label}\n⚠️ None in Reply: add it to the contact there"


@pytest.mark.parametrize("task_type", [TaskType.MEETING, TaskType.TODO])
def test_no_delivery_field_when_the_task_needs_none(task_type: TaskType) -> None:
    bare = Contact(id=5)
    task = make_task(task_type=task_type, delivery=None, contact_id=5)
    fields = blocks_of(task_card(task, bare, CTX))[1]["fields"]
    assert [f["text"].split("\n")[0] for f in fields] == ["*Start*", "*Due*", "*Status*"]


def test_a_done_task_is_not_flagged_for_a_missing_phone() -> None:
    task = make_task(status=TaskStatus.FINISHED, delivery=None, contact_id=5)
    fields = blocks_of(task_card(task, Contact(id=5), CTX))[1]["fields"]
    assert "None in Reply" not in json.dumps(fields)


def _context_texts(card: Card) -> list[str]:
    return [
        element["text"]
        for block in blocks_of(card)
        if block["type"] == "context"
        for element in block["elements"]
    ]


def test_variables_that_came_out_empty_are_named_under_the_body() -> None:
    task = make_task(template=TaskTemplate(body="Hi {{fristName}}, {{firstName}} at {{city}}"))
    texts = _context_texts(task_card(task, JANE, CTX))
    assert texts[0] == (
        "⚠️ {{fristName}} came out empty: Reply has no contact field by that name (nor a "
        "custom field on Jane Doe). Check the spelling, e.g. {{firstName}}. {{city}} came "
        "out empty: Jane Doe has no value for it in Reply. Fill it in there, or edit the task."
    )


def test_variables_on_a_task_without_a_contact_are_named() -> None:
    task = make_task(
        task_type=TaskType.TODO,
        contact_id=None,
        delivery=None,
        template=TaskTemplate(body="Prep for {{firstName}} and {{company}}"),
    )
    assert _context_texts(task_card(task, None, CTX))[0] == (
        "⚠️ {{firstName}} and {{company}} stayed empty: variables are filled in from a "
        "contact, and this task has none. Edit it to write the words instead."
    )


@pytest.mark.parametrize(
    ("status", "shared"),
    [(TaskStatus.NEW, False), (TaskStatus.FINISHED, False), (TaskStatus.NEW, True)],
)
def test_no_variable_warning_when_all_filled_closed_or_shared(
    status: TaskStatus, shared: bool
) -> None:
    body = "Hi {{firstName}}" if not shared and status is TaskStatus.NEW else "Hi {{nope}}"
    task = make_task(status=status, template=TaskTemplate(body=body))
    ctx = CardContext(owner="U0JANE", tz=NEW_YORK, shared_by="U0JANE" if shared else None)
    assert not any("⚠️" in text for text in _context_texts(task_card(task, JANE, ctx)))


def test_the_context_line_says_where_the_task_came_from_and_flags_the_sandbox(
    task: Task,
) -> None:
    real = blocks_of(task_card(task, JANE, CTX))
    context = next(b for b in real if b["type"] == "context")["elements"][0]["text"]
    assert context == "Task #1001 · via Slack"
    sandbox = task_card(task, JANE, CardContext(owner="U0JANE", tz=NEW_YORK, sandbox=True))
    assert "🧪 Reply sandbox" in all_text(sandbox)
    assert "sandbox" not in all_text(task_card(task, JANE, CTX)).lower()
    from_sequence = make_task(creation_source=CreationSource.SEQUENCE)
    assert "from a sequence" in all_text(task_card(from_sequence, JANE, CTX))


def test_an_open_card_has_done_edit_cancel_share_carrying_task_and_owner(task: Task) -> None:
    found = buttons(task_card(task, JANE, CTX))
    assert list(found) == [ids.DONE, ids.EDIT, ids.CANCEL, ids.SHARE]
    for element in found.values():
        assert decode(element["value"], TaskRef) == TaskRef(task_id=1001, owner="U0JANE")
    assert found[ids.DONE]["style"] == "primary"
    confirm = found[ids.CANCEL]["confirm"]
    assert confirm["title"]["text"] == "Cancel this task?"
    assert "Jane Doe" in confirm["text"]["text"]
    assert (confirm["confirm"]["text"], confirm["deny"]["text"]) == ("Cancel task", "Keep it")


@pytest.mark.parametrize("status", [s for s in TaskStatus if not s.is_open])
def test_a_closed_task_can_only_be_shared(status: TaskStatus) -> None:
    card = task_card(make_task(status=status, finished_at=NOW), JANE, CTX)
    assert list(buttons(card)) == [ids.SHARE]


def test_a_shared_card_is_read_only_and_says_who_shared_it(task: Task) -> None:
    shared = task_card(task, JANE, CardContext(owner="U0JANE", tz=NEW_YORK, shared_by="U0JANE"))
    assert buttons(shared) == {}
    assert "Shared by <@U0JANE>" in all_text(shared)


def test_done_on_a_call_asks_for_the_outcome(task: Task) -> None:
    ctx = CardContext(owner="U0JANE", tz=NEW_YORK, asking_outcome=True)
    card = task_card(task, JANE, ctx)
    assert list(buttons(card)) == [*ids.CALL_OUTCOMES.values(), ids.OUTCOME_BACK]
    assert "*How did the call with Jane Doe go?*" in all_text(card)
    meeting = make_task(task_type=TaskType.MEETING)
    assert ids.OUTCOME_POSITIVE not in buttons(task_card(meeting, JANE, ctx))


def test_a_note_goes_above_the_details(task: Task) -> None:
    ctx = CardContext(owner="U0JANE", tz=NEW_YORK, note="✅ Marked done.")
    second = blocks_of(task_card(task, JANE, ctx))[1]
    assert second == {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": "✅ Marked done."}],
    }


def test_long_names_fit_the_header(task: Task) -> None:
    long_name = Contact(id=42, first_name="J" * 200)
    card = task_card(task, long_name, CTX)
    assert_valid_message(blocks_of(card), card.text)
    assert blocks_of(card)[0]["text"]["text"].endswith("…")


SNAPSHOT = """\
📞 Call — Jane Doe
Start: Today at 2:37 PM
Due: Tomorrow at 3:00 PM
Status: 🔵 New
Phone: +1 212 555 0199
Ask about Acme pricing
Task #1001 · via Slack · 🧪 Reply sandbox: a practice task, not in your Reply account
[done] [edit] [cancel] [share]"""


def test_terminal_snapshot_of_a_card(task: Task) -> None:
    card = task_card(task, JANE, CardContext(owner="U0JANE", tz=NEW_YORK, sandbox=True))
    assert render_text(card.blocks, ansi=False, tz=NEW_YORK, now=NOW) == SNAPSHOT


def test_terminal_snapshot_of_a_card_in_ansi(task: Task) -> None:
    card = task_card(task, JANE, CardContext(owner="U0JANE", tz=NEW_YORK, sandbox=True))
    text = render_text(card.blocks, ansi=True, tz=NEW_YORK, now=NOW)
    assert text.splitlines()[0] == "\x1b[1m📞 Call — Jane Doe\x1b[0m"
    assert text.splitlines()[2] == "\x1b[1mDue\x1b[0m: Tomorrow at 3:00 PM"
    assert text.splitlines()[6] == (
        "\x1b[2mTask #1001 · via Slack · \x1b[1m🧪 Reply sandbox: a practice task, not in your "
        "Reply account\x1b[0m\x1b[2m\x1b[0m"
    )


def test_a_name_longer_than_a_section_fits_the_outcome_question_and_the_confirm(
    task: Task,
) -> None:
    """Reply does not bound a contact's name; the outcome question (a section, 3,000) and
    the cancel confirmation (300) quote it, shortened, never cut inside an entity."""
    huge = Contact(id=42, first_name="Smith & Sons " * 300)
    asking = CardContext(owner="U0JANE", tz=NEW_YORK, asking_outcome=True)
    for card in (task_card(task, huge, CTX), task_card(task, huge, asking)):
        assert_valid_message(blocks_of(card), card.text)
    question = blocks_of(task_card(task, huge, asking))[-2]["text"]["text"]
    assert question.startswith("*How did the call with Smith &amp; Sons")
    assert "…" in question
    cancel = buttons(task_card(task, huge, CTX))[ids.CANCEL]["confirm"]["text"]["text"]
    assert len(cancel) <= 300
    assert not re.search(r"&(?!amp;|lt;|gt;)", cancel)  # every & still starts an entity


def test_a_subject_longer_than_a_section_ends_visibly_cut() -> None:
    task = make_task(
        task_type=TaskType.MANUAL_EMAIL,
        content=TaskContent(body="Hi", subject="<Q4> pricing " * 400),
    )
    card = task_card(task, JANE, CTX)
    assert_valid_message(blocks_of(card), card.text)
    subject = next(t for t in _section_texts(card) if t.startswith("*Subject:*"))
    assert subject.startswith("*Subject:* &lt;Q4&gt; pricing")
    assert subject.endswith("…")


def _section_texts(card: Card) -> list[str]:
    return [b["text"]["text"] for b in blocks_of(card) if b["type"] == "section" and "text" in b]


def test_a_template_full_of_unknown_variables_still_makes_a_card_slack_takes() -> None:
    """The warning under the body names every variable that came out empty; a pasted
    template with hundreds of them made a context element over 3,000 characters."""
    template = " ".join(f"{{{{customField{n}}}}}" for n in range(300))
    task = make_task(template=TaskTemplate(body=template), content=TaskContent(body="Hi"))
    card = task_card(task, JANE, CTX)
    assert_valid_message(blocks_of(card), card.text)
    warning = blocks_of(card)[-3]["elements"][0]["text"]
    assert warning.startswith("⚠️ {{customField0}}, {{customField1}}")
    assert warning.endswith("…")
