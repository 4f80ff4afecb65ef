"""`FormValues`: everything the task form holds, however it was filled.

One value type for every way in — a blank form, a `/task` draft ("Open in form"), a task being
edited, a message shortcut — and for what Slack sends back (`view.state.values` in
block_actions and view_submission payloads). The modal is always built from a `FormValues`, so
a rebuild after the type changes starts from what the rep has entered, never from scratch.

Values of fields the current type hides (a subject while the type is Call, the LinkedIn action
while it is not LinkedIn) stay in `FormValues`; the view keeps them in `private_metadata`
(`HiddenValues`) because Slack forgets the value of a block that leaves the view.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Final, TypeVar

from bot import ids
from bot.domain import (
    Contact,
    ContactQuery,
    LinkedInAction,
    Task,
    TaskDraft,
    TaskType,
    subject_allowed,
)
from bot.fitting import shorten
from bot.forms._contact import ContactChoice
from bot.forms._metadata import FormMetadata, HiddenValues
from bot.forms._slack_text import plain_text
from bot.forms._when import default_due_text, instant_text
from bot.messages import form as words
from bot.parsing.dates import DateContext, ReadDate, read_date

BODY_LIMIT: Final = 3000
"""Slack's plain_text_input `max_length` ceiling (Block Kit reference); Reply documents none."""
SUBJECT_LIMIT: Final = 200
"""LinkedIn caps an InMail subject at 200 characters, the tighter of the two places a subject
goes (Reply documents no limit; an email subject that long is unreadable anyway)."""

E = TypeVar("E", TaskType, LinkedInAction)


@dataclass(frozen=True, slots=True)
class FormValues:
    """The form's fields as the rep sees them: dates are the words typed, not instants."""

    task_type: TaskType | None = None
    linkedin_action: LinkedInAction | None = None
    contact: ContactChoice | None = None
    start_text: str = ""
    due_text: str = ""
    subject: str = ""
    body: str = ""
    shown: frozenset[str] | None = field(default=None, compare=False)
    """The input blocks of the view these values came from (None: not from a view). Errors
    go only to blocks the rep can see."""

    # ------------------------------------------------------------------ what the view shows

    @property
    def shows_linkedin_action(self) -> bool:
        return self.task_type is TaskType.LINKEDIN

    @property
    def shows_subject(self) -> bool:
        return self.task_type is not None and subject_allowed(self.task_type, self.linkedin_action)

    def visible_blocks(self) -> tuple[str, ...]:
        """The input blocks a form with these values shows, in order (the console asks for
        them one by one)."""
        blocks = [ids.TYPE_BLOCK]
        if self.shows_linkedin_action:
            blocks.append(ids.LINKEDIN_BLOCK)
        blocks += [ids.CONTACT_BLOCK, ids.START_BLOCK, ids.DUE_BLOCK]
        if self.shows_subject:
            blocks.append(ids.SUBJECT_BLOCK)
        blocks.append(ids.BODY_BLOCK)
        return tuple(blocks)

    def hidden_values(self) -> HiddenValues:
        """What the view cannot show for this type, to keep in `private_metadata`."""
        return HiddenValues(
            subject="" if self.shows_subject else self.subject,
            linkedin_action=None if self.shows_linkedin_action else self.linkedin_action,
        )

    # ------------------------------------------------------------------ ways in

    @classmethod
    def blank(cls, ctx: DateContext, task_type: TaskType | None = None) -> FormValues:
        """`/task` alone or the global shortcut: starts now, due by type (`default_due_text`)."""
        return cls(task_type=task_type, start_text="now", due_text=default_due_text(task_type, ctx))

    @classmethod
    def from_state(
        cls, values: Mapping[str, Any], *, hidden: HiddenValues | None = None
    ) -> FormValues:
        """Slack's `view.state.values` ({block_id: {action_id: {type, value | selected_option}}}).

        Missing or malformed blocks read as empty; a hidden field's value comes from `hidden`
        (the view's metadata) when its block is not in the view."""
        kept = hidden or HiddenValues()
        chosen = _option(values, ids.CONTACT_BLOCK, ids.CONTACT_SELECT)
        if ids.LINKEDIN_BLOCK in values:
            action = _enum(LinkedInAction, _option(values, ids.LINKEDIN_BLOCK, ids.LINKEDIN_SELECT))
        else:
            action = kept.linkedin_action
        if ids.SUBJECT_BLOCK in values:
            subject = _text(values, ids.SUBJECT_BLOCK, ids.SUBJECT_INPUT)
        else:
            subject = kept.subject
        return cls(
            task_type=_enum(TaskType, _option(values, ids.TYPE_BLOCK, ids.TYPE_SELECT)),
            linkedin_action=action,
            contact=ContactChoice.from_option(*chosen) if chosen else None,
            start_text=_text(values, ids.START_BLOCK, ids.START_INPUT),
            due_text=_text(values, ids.DUE_BLOCK, ids.DUE_INPUT),
            subject=subject,
            body=_text(values, ids.BODY_BLOCK, ids.BODY_INPUT),
            shown=frozenset(block for block in ids.FORM_BLOCKS if block in values),
        )

    @classmethod
    def from_draft(cls, draft: TaskDraft, ctx: DateContext) -> FormValues:
        """'Open in form' after `/task`: everything the command said, in the rep's words where
        they still mean the same (the due phrase as typed; a refused phrase too, so the rep
        sees what to fix). The body is cut at 3,000 characters with a visible "…"."""
        return cls(
            task_type=draft.task_type,
            linkedin_action=draft.linkedin_action,
            contact=ContactChoice.from_query(draft.contact) if draft.contact else None,
            start_text=_start_words(draft.start_at, ctx),
            due_text=_due_words(draft, ctx),
            subject=draft.subject or "",
            body=shorten(draft.body, BODY_LIMIT),
        )

    @classmethod
    def from_task(cls, task: Task, contact: Contact | None, ctx: DateContext) -> FormValues:
        """Edit: the task as Reply has it — its template (variables intact, not the rendered
        text), and its times as text `read_date` reads back to the same minute. Check
        `edit_blocker(task)` first: a longer text than the form holds must not be cut."""
        if contact is not None and contact.id == task.contact_id:
            choice: ContactChoice | None = ContactChoice.of(contact)
        elif task.contact_id is not None:
            query = ContactQuery("id", str(task.contact_id))
            choice = ContactChoice(query, words.contact_number(task.contact_id))
        else:
            choice = None
        return cls(
            task_type=task.task_type,
            linkedin_action=task.linkedin_action,
            contact=choice,
            start_text=instant_text(task.start_at, ctx.tz),
            due_text=instant_text(task.due_to, ctx.tz),
            subject=task.template.subject or "",
            body=shorten(task.template.body, BODY_LIMIT),
        )

    @classmethod
    def from_message(
        cls,
        text: str,
        permalink: str | None,
        ctx: DateContext,
        *,
        names: Mapping[str, str] | None = None,
    ) -> FormValues:
        """Message shortcut: the message as plain text, a blank line, its permalink; cut to
        3,000 characters with a visible "…" before the permalink, which always stays.
        `names` maps the user and channel ids it mentions to names (else the ids show)."""
        link = f"\n\n{permalink}" if permalink and len(permalink) < BODY_LIMIT - 3 else ""
        said = plain_text(text, names).strip()
        body = shorten(said, BODY_LIMIT - len(link)) + link if said else link.strip()
        return replace(cls.blank(ctx), body=body)


def read_view(view: Mapping[str, Any]) -> tuple[FormValues, FormMetadata]:
    """The form and its metadata from a payload's `view` (block_actions, view_submission).
    Raises `FormMetadataError` when the view is not a taskbot form."""
    metadata = FormMetadata.decode(str(view.get("private_metadata") or ""))
    state = view.get("state")
    values = state.get("values") if isinstance(state, Mapping) else None
    if not isinstance(values, Mapping):
        values = {}
    form = FormValues.from_state(values, hidden=metadata.hidden)
    blocks = view.get("blocks")
    if not isinstance(blocks, list):
        return form, metadata
    # The view's own blocks say what the rep saw; state may leave out an untouched input.
    present = {block.get("block_id") for block in blocks if isinstance(block, Mapping)}
    return replace(form, shown=frozenset(b for b in ids.FORM_BLOCKS if b in present)), metadata


def edit_blocker(task: Task) -> str | None:
    """Why this task cannot be edited in the form (None: it can). Reply edits only New tasks,
    and a text longer than the form's field would be cut on saving."""
    if not task.status.is_open:
        return words.only_new_editable(task.status)
    if len(task.template.body) > BODY_LIMIT:
        return words.too_long_to_edit("text", len(task.template.body), BODY_LIMIT)
    if task.template.subject and len(task.template.subject) > SUBJECT_LIMIT:
        return words.too_long_to_edit("subject", len(task.template.subject), SUBJECT_LIMIT)
    return None


# --------------------------------------------------------------------------------------


def _start_words(start_at: datetime | None, ctx: DateContext) -> str:
    if start_at is None or abs((start_at - ctx.now).total_seconds()) < 60:
        return "now"
    return instant_text(start_at, ctx.tz)


def _due_words(draft: TaskDraft, ctx: DateContext) -> str:
    typed = " ".join((draft.date_text or "").split())
    if draft.due_to is None:
        return typed or default_due_text(draft.task_type, ctx)
    if typed:
        reading = read_date(typed, ctx, "due")
        if isinstance(reading, ReadDate) and _minute(reading.at) == _minute(draft.due_to):
            return typed
    return instant_text(draft.due_to, ctx.tz)


def _minute(at: datetime) -> int:
    return int(at.timestamp()) // 60


def _element(values: Mapping[str, Any], block: str, action: str) -> Mapping[str, Any] | None:
    actions = values.get(block)
    element = actions.get(action) if isinstance(actions, Mapping) else None
    return element if isinstance(element, Mapping) else None


def _text(values: Mapping[str, Any], block: str, action: str) -> str:
    element = _element(values, block, action)
    value = element.get("value") if element else None
    return value if isinstance(value, str) else ""


def _option(values: Mapping[str, Any], block: str, action: str) -> tuple[str, str] | None:
    """(value, text) of a select's `selected_option`."""
    element = _element(values, block, action)
    option = element.get("selected_option") if element else None
    if not isinstance(option, Mapping) or not isinstance(option.get("value"), str):
        return None
    text = option.get("text")
    label = text.get("text") if isinstance(text, Mapping) else None
    return option["value"], label if isinstance(label, str) else ""


def _enum(kind: type[E], option: tuple[str, str] | None) -> E | None:
    if option is None:
        return None
    try:
        return kind(option[0])
    except ValueError:
        return None
