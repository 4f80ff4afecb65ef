"""The task modal (create and edit), the modal's interim screens, and the contact options.

    task_modal(form, mode="create", metadata=meta, notices={"due_to": "…"}) -> View
    message_modal("⏳ Getting the task from Reply…", mode="edit", metadata=meta) -> View
    contact_options("jane", contacts) -> list[Option]          # block_suggestion answer

Layout, top to bottom (≤ 17 blocks, far below a modal's 100):

    context  🧪 sandbox · ✏️ editing task #123 · ⚠️ problems with fields this type hides
    input    Type              static_select, dispatch_action (LinkedIn action, subject follow)
    input    LinkedIn action   only for LinkedIn; dispatch_action (InMail shows the subject)
    input    Contact           external_select (optional for a to-do)
    input    Start             plain text, "now" (optional: empty is now)
    input    Due               plain text, due by type ("tomorrow 10am", "EOD")
    input    Subject           only for emails and InMails
    input    Body              multiline, ≤ 3,000, the variables in the hint
             (a ⚠️ context block under any field with a notice)

Notices are problems known when the form opens ("Open in form" after a command that could not
finish); Slack's own red field errors exist only in a view_submission ack (slack-notes §2.3).
A rebuild after a type change passes none: saving checks every field again anyway.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final, Literal

from slack_sdk.models.blocks import Block, ContextBlock, InputBlock, Option, PlainTextObject
from slack_sdk.models.views import View

from bot import ids
from bot.domain import Contact, Field
from bot.fitting import fit_plain, shorten
from bot.forms import ContactChoice, FormMetadata, FormValues, typed_choice
from bot.linkedin import same_profile
from bot.messages import form as words
from bot.views import mrkdwn
from bot.views._modal_fields import (
    body_block,
    contact_block,
    contact_option,
    due_block,
    linkedin_block,
    start_block,
    subject_block,
    type_block,
)
from bot.views.card import SECTION_TEXT, mrkdwn_section

Mode = Literal["create", "edit"]

MAX_OPTIONS: Final = 100
"""Slack: "no more than 100 items allowed" in an options answer (slack-notes §2.3)."""
CONTEXT_TEXT: Final = 2000


def task_modal(
    form: FormValues,
    *,
    mode: Mode,
    metadata: FormMetadata,
    notices: Mapping[Field, str] | None = None,
    confirmations: Mapping[Field, str] | None = None,
    sandbox: bool = False,
) -> View:
    """The form, built from `form` (also on every rebuild, so nothing entered is lost).

    `confirmations`: what Reply confirmed about a field after the form opened (the contact a
    typed email belongs to), shown under it like a notice but as good news; a field with a
    notice shows only the notice."""
    if (mode == "edit") != (metadata.editing is not None):
        raise ValueError("an edit modal needs metadata.editing, and only an edit modal has it")
    notices = notices or {}
    visible = form.visible_blocks()
    notes: list[str] = []
    if sandbox:
        notes.append(words.SANDBOX_NOTE)
    if metadata.editing is not None:
        notes.append(words.editing_note(metadata.editing.task_id))
    for field, message in notices.items():
        if ids.FIELD_BLOCKS[field] not in visible:  # e.g. a subject the command gave a call
            notes.append(words.hidden_notice(field, message))

    blocks: list[Block] = []
    if notes:
        blocks.append(_context("\n".join(notes), ids.FORM_NOTES_BLOCK))
    notice_for = {
        ids.FIELD_BLOCKS[field]: words.confirmed(message)
        for field, message in (confirmations or {}).items()
    }
    notice_for |= {
        ids.FIELD_BLOCKS[field]: words.notice(message) for field, message in notices.items()
    }
    for block_id in visible:
        blocks.append(_INPUTS[block_id](form, metadata.tz))
        if block_id in notice_for:
            blocks.append(_context(notice_for[block_id], ids.notice_block_id(block_id)))
    return _modal(mode, metadata.with_hidden(form.hidden_values()), blocks, submit=True)


def shown_notices(view: Mapping[str, Any]) -> tuple[dict[Field, str], dict[Field, str]]:
    """The notices and confirmations a task modal shows now, by field, read back from its
    blocks (a payload's `view`), so a rebuild keeps them: `views.update` replaces every block,
    and only the inputs' values survive it (slack-notes §2.3). A notice about a field the
    type hides is read from the notes at the top."""
    field_of = {block_id: field for field, block_id in ids.FIELD_BLOCKS.items()}
    warning, good = words.notice(""), words.confirmed("")
    hidden = {field: words.hidden_notice(field, "") for field in ids.FIELD_BLOCKS}
    suffix = ids.notice_block_id("")
    notices: dict[Field, str] = {}
    confirmations: dict[Field, str] = {}
    for block in view.get("blocks") or []:
        if not isinstance(block, Mapping) or block.get("type") != "context":
            continue
        block_id = str(block.get("block_id") or "")
        text = "".join(
            str(e.get("text", "")) for e in block.get("elements") or [] if isinstance(e, Mapping)
        )
        if block_id == ids.FORM_NOTES_BLOCK:
            for line in text.splitlines():
                found = next((f for f, prefix in hidden.items() if line.startswith(prefix)), None)
                if found is not None:
                    notices[found] = line.removeprefix(hidden[found])
            continue
        field = field_of.get(block_id.removesuffix(suffix)) if block_id.endswith(suffix) else None
        if field is None:
            continue
        if text.startswith(warning):
            notices[field] = text.removeprefix(warning)
        elif text.startswith(good):
            confirmations[field] = text.removeprefix(good)
    return notices, confirmations


def message_modal(text: str, *, mode: Mode, metadata: FormMetadata) -> View:
    """A modal that only says something: "⏳ Getting the task from Reply…" while the form
    waits for Reply (a trigger id lasts 3 s, so the modal opens first and `views.update`
    follows), or why the form cannot be shown. `text` is plain; it is escaped here."""
    section = mrkdwn_section(shorten(mrkdwn.escape(text), SECTION_TEXT))
    return _modal(mode, metadata, [section], submit=False)


def contact_options(query: str, contacts: Sequence[Contact]) -> list[Option]:
    """The contact select's options for what the rep typed (`block_suggestion` → `ack(options=…)`).

    `contacts` are Reply's matches, best first. When the typed text is itself usable — an
    email, `#12345` or a LinkedIn URL — that no match already is, it comes first as
    "✉️ Use jane@new.com", found in Reply when the form is saved. At most 100 options,
    texts ≤ 75 and values ≤ 150 characters (Block Kit option object)."""
    options: list[Option] = []
    typed = typed_choice(query)
    if typed is not None and not any(_is(contact, typed) for contact in contacts):
        options.append(contact_option(typed))
    seen: set[int] = set()
    for contact in contacts:
        if len(options) >= MAX_OPTIONS:
            break
        if contact.id not in seen:
            seen.add(contact.id)
            options.append(contact_option(ContactChoice.of(contact)))
    return options


# --------------------------------------------------------------------------------------


_INPUTS: Final[dict[str, Callable[[FormValues, str | None], InputBlock]]] = {
    ids.TYPE_BLOCK: lambda form, _zone: type_block(form),
    ids.LINKEDIN_BLOCK: lambda form, _zone: linkedin_block(form),
    ids.CONTACT_BLOCK: lambda form, _zone: contact_block(form),
    ids.START_BLOCK: start_block,
    ids.DUE_BLOCK: due_block,
    ids.SUBJECT_BLOCK: lambda form, _zone: subject_block(form),
    ids.BODY_BLOCK: lambda form, _zone: body_block(form),
}
"""The builder of each input block; start and due name the rep's zone in their hints."""


def _context(text: str, block_id: str) -> ContextBlock:
    # plain_text: notices quote what the rep typed, and plain text needs no escaping.
    return ContextBlock(
        block_id=block_id,
        elements=[PlainTextObject(text=fit_plain(text, CONTEXT_TEXT), emoji=True)],
    )


def _modal(mode: Mode, metadata: FormMetadata, blocks: Iterable[Block], *, submit: bool) -> View:
    create = mode == "create"
    return View(
        type="modal",
        callback_id=ids.TASK_MODAL,
        title=PlainTextObject(text=words.CREATE_TITLE if create else words.EDIT_TITLE),
        submit=(
            PlainTextObject(text=words.CREATE_SUBMIT if create else words.EDIT_SUBMIT)
            if submit
            else None
        ),
        close=PlainTextObject(text=words.CLOSE if submit else words.DONE_CLOSE),
        blocks=list(blocks),
        private_metadata=metadata.encode(),
    )


def _is(contact: Contact, typed: ContactChoice) -> bool:
    """Whether a search result already is what the rep typed (no "Use …" needed)."""
    kind, value = typed.query.kind, typed.query.value
    if kind == "id":
        return contact.id == typed.contact_id
    if kind == "email":
        return (contact.email or "").casefold() == value.casefold()
    if kind == "linkedin":
        return same_profile(contact.linkedin_url, value)
    return False
