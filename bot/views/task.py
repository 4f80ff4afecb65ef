"""The task card: a Reply task as the rep (and, when shared, the channel) sees it in Slack.

Layout (plain blocks that work on every surface; slack-notes §3.1):

    header   📞 Call — Jane Doe
    context  (optional note, e.g. "Marked done.")
    section  fields: Start · Due · Status · Phone/Email/LinkedIn · Finished
    section  *Subject:* …                     (emails and InMails)
    section  the rendered body, split at 3000 characters, shortened past MAX_BODY with "…"
    context  (⚠️ variables that came out empty, on open cards)
    context  Task #123 · via Slack · 🧪 Reply sandbox · Shared by @rep
    actions  ✅ Done · ✏️ Edit · 🗑️ Cancel task (confirm) · 📣 Share     (open, not shared)
             — or the call outcomes after Done on a Call task

Times are Slack date tokens, so every viewer reads them in their own zone; the fallback text is
in the rep's zone (`CardContext.tz`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo
from typing import Final

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

from bot import fitting, ids
from bot.domain import Contact, CreationSource, DeliveryInfo, Task, TaskType
from bot.linkedin import profile_label
from bot.messages import task as words
from bot.messages.dates import when_text
from bot.templates import empty_variables, variables_in
from bot.views import mrkdwn
from bot.views.card import (
    FIELD_TEXT,
    HEADER_TEXT,
    SECTION_TEXT,
    Card,
    button,
    confirm,
    context,
    mrkdwn_section,
)
from bot.views.values import TaskRef, encode

MAX_BODY = 4 * SECTION_TEXT
"""Escaped body characters shown on a card (four sections); longer bodies end in a visible
"…" and a pointer to Reply. A 3,000-character body always fits unless it is mostly `&<>`."""


NAME_QUOTED = 100
"""Escaped characters of the contact's name quoted in the outcome question and the cancel
confirmation (whose whole text Slack limits to 300)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class CardContext:
    """Who the card is for and how it is shown."""

    owner: str
    """Slack user id of the rep who created the task: the only one its buttons obey."""
    tz: tzinfo
    """The rep's zone, for the text fallbacks (date tokens render in each viewer's zone)."""
    sandbox: bool = False
    """The task lives in the embedded Reply sandbox: the card must say so."""
    shared_by: str | None = None
    """Set on a copy shared to the channel (`in_channel`): read-only, no buttons."""
    asking_outcome: bool = False
    """Done was pressed on a Call task: ask how the call went instead of the usual buttons."""
    note: str | None = None
    """One plain-text sentence above the details, e.g. "Saved your changes." (escaped here:
    notes can quote what Reply or the rep wrote)."""


def task_card(task: Task, contact: Contact | None, ctx: CardContext) -> Card:
    contact_name = _contact_name(task, contact)
    blocks: list[Block] = [
        HeaderBlock(
            text=PlainTextObject(
                text=fitting.fit_plain(
                    words.heading(task.task_type, task.linkedin_action, contact_name),
                    HEADER_TEXT,
                ),
                emoji=True,
            )
        )
    ]
    if ctx.note:
        blocks.append(context(mrkdwn.escape(ctx.note)))
    blocks.append(SectionBlock(fields=_fields(task, contact, ctx.tz)))
    content = task.content
    subject = content.subject if content and content.subject else task.template.subject
    if subject:
        line = f"*{words.SUBJECT}:* {mrkdwn.escape(subject)}"
        blocks.append(mrkdwn_section(fitting.shorten(line, SECTION_TEXT)))
    blocks.extend(_body(task))
    if not ctx.shared_by and (warning := _variables_warning(task, contact)):
        blocks.append(context(mrkdwn.escape(warning)))
    blocks.append(context(*_context_items(task, ctx)))
    blocks.extend(_actions(task, contact_name, ctx))
    due = when_text(task.due_to, ctx.tz)
    text = words.card_fallback(task.task_type, task.linkedin_action, contact_name, due, task.status)
    return Card(blocks=tuple(blocks), text=text)


def _contact_name(task: Task, contact: Contact | None) -> str | None:
    if contact is not None:
        return contact.display_name
    if task.contact_id is not None:
        return f"contact #{task.contact_id}"
    return None


def _fields(task: Task, contact: Contact | None, tz: tzinfo) -> list[MarkdownTextObject]:
    def field(label: str, value: str) -> MarkdownTextObject:
        return MarkdownTextObject(text=fitting.shorten(f"*{label}*\n{value}", FIELD_TEXT))

    found = [
        field(words.START, mrkdwn.date_token(task.start_at, tz)),
        field(words.DUE, mrkdwn.date_token(task.due_to, tz)),
        field(words.STATUS, words.STATUS_LABEL[task.status]),
    ]
    target = _delivery_target(task, contact)
    if target is not None:
        found.append(field(*target))
    if task.finished_at is not None:
        found.append(field(words.FINISHED, mrkdwn.date_token(task.finished_at, tz)))
    return found


def _delivery_target(task: Task, contact: Contact | None) -> tuple[str, str] | None:
    """Where the rep reaches the contact: Reply's `deliveryInfo` first, else the contact's own
    details by type (phone for Call/SMS/WhatsApp, LinkedIn for LinkedIn, email otherwise)."""
    delivery = task.delivery or DeliveryInfo()
    email, phone, linkedin = delivery.email, delivery.phone_number, delivery.linkedin_url
    if not (email or phone or linkedin) and contact is not None:
        kind = task.task_type
        if kind in (TaskType.CALL, TaskType.SMS, TaskType.WHATSAPP):
            phone = contact.phone
        elif kind is TaskType.LINKEDIN:
            linkedin = contact.linkedin_url
        else:
            email = contact.email
    if phone:
        return words.PHONE, mrkdwn.escape(phone)
    if linkedin:
        # Reply stores what was imported; "linkedin.com/in/jane" is not a link without a scheme.
        url = linkedin if linkedin.startswith(("https://", "http://")) else f"https://{linkedin}"
        return words.LINKEDIN, mrkdwn.link(url, profile_label(linkedin))
    if email:
        return words.EMAIL, mrkdwn.mailto(email)
    missing = _CHANNEL.get(task.task_type)
    if missing is not None and contact is not None and task.status.is_open:
        return missing, words.NO_CHANNEL  # a call to a contact with no phone: say so
    return None


_CHANNEL: Final[dict[TaskType, str]] = {
    TaskType.CALL: words.PHONE,
    TaskType.SMS: words.PHONE,
    TaskType.WHATSAPP: words.PHONE,
    TaskType.LINKEDIN: words.LINKEDIN,
    TaskType.MANUAL_EMAIL: words.EMAIL,
}
"""What a task of each type needs from its contact (a meeting and a to-do need none)."""


def _variables_warning(task: Task, contact: Contact | None) -> str | None:
    """Variables that render as nothing: Reply fills a missing one with "" (reply-api-v3.md
    §5.1; Handlebars), so "Hi {{fristName}}," would reach the prospect as "Hi ,"."""
    if not task.status.is_open:
        return None  # done or cancelled: nothing left to fix
    template = f"{task.template.subject or ''}\n{task.template.body}"
    if contact is not None:
        empty = empty_variables(template, contact)
        return words.empty_variables(empty.unset, empty.unknown, contact.display_name)
    if task.contact_id is None:
        return words.variables_without_contact(variables_in(template))
    return None  # a contact Reply did not send back: nothing to compare with


def _body(task: Task) -> list[SectionBlock]:
    content = task.content
    body = content.body if content and content.body.strip() else task.template.body
    if not body.strip():
        return [mrkdwn_section(f"_{words.NO_BODY}_")]
    escaped = mrkdwn.escape(body.strip())
    if len(escaped) > MAX_BODY:
        escaped = fitting.shorten(escaped, MAX_BODY, marker=words.BODY_CUT)
    return [mrkdwn_section(piece) for piece in fitting.split(escaped, SECTION_TEXT) if piece]


def _context_items(task: Task, ctx: CardContext) -> list[str]:
    source = {
        CreationSource.USER: words.VIA_SLACK,
        CreationSource.SEQUENCE: words.FROM_SEQUENCE,
        CreationSource.MEETING: words.FROM_MEETING,
    }[task.creation_source]
    items = [words.task_number(task.id), source]
    if ctx.sandbox:
        items.append(f"*{words.SANDBOX_BADGE}*")
    if ctx.shared_by:
        items.append(words.shared_by(ctx.shared_by))
    return items


def _actions(task: Task, contact_name: str | None, ctx: CardContext) -> list[Block]:
    if ctx.shared_by:
        return []  # a shared card is read-only for the channel
    value = encode(TaskRef(task_id=task.id, owner=ctx.owner))
    share = button(words.SHARE_BUTTON, ids.SHARE, value)
    if not task.status.is_open:
        return [ActionsBlock(block_id=ids.CARD_ACTIONS_BLOCK, elements=[share])]
    # Quoted in a section and a confirm dialog (3,000 and 300 characters): a name from Reply
    # is not bounded by either.
    escaped_name = (
        fitting.shorten(mrkdwn.escape(contact_name), NAME_QUOTED) if contact_name else None
    )
    if ctx.asking_outcome and task.task_type is TaskType.CALL:
        outcomes: list[ButtonElement] = [
            button(words.OUTCOME_LABEL[resolution], action_id, value)
            for resolution, action_id in ids.CALL_OUTCOMES.items()
        ]
        outcomes.append(button(words.BACK_BUTTON, ids.OUTCOME_BACK, value))
        return [
            mrkdwn_section(words.outcome_question(escaped_name)),
            ActionsBlock(block_id=ids.CARD_ACTIONS_BLOCK, elements=outcomes),
        ]
    kind = words.kind(task.task_type, task.linkedin_action)
    are_you_sure = confirm(
        words.cancel_confirm_title(),
        words.cancel_confirm_text(kind, escaped_name),
        words.CANCEL_CONFIRM,
        words.CANCEL_DENY,
    )
    elements = [
        button(words.DONE_BUTTON, ids.DONE, value, style="primary"),
        button(words.EDIT_BUTTON, ids.EDIT, value),
        button(words.CANCEL_BUTTON, ids.CANCEL, value, style="danger", confirm=are_you_sure),
        share,
    ]
    return [ActionsBlock(block_id=ids.CARD_ACTIONS_BLOCK, elements=elements)]
