"""The other answers to `/task`: the progress line, help, an error, choosing a contact.

All are short ephemeral messages that the card (or the next step) later replaces through the
command's `response_url`. Anything the rep typed travels on the buttons (`bot.views.values`),
so 'Open in form', 'Try again' and a contact pick never make them type it again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import partial

from slack_sdk.models.blocks import ActionsBlock, Block, HeaderBlock, PlainTextObject

from bot import ids
from bot.domain import Contact, LinkedInAction, TaskType
from bot.fitting import fit_plain, shorten
from bot.messages import task as words
from bot.messages import usage
from bot.views import mrkdwn
from bot.views.card import (
    ACTIONS_ELEMENTS,
    SECTION_TEXT,
    Card,
    bullet_list,
    button,
    context,
    mrkdwn_section,
)
from bot.views.values import CommandRef, ContactPick, FormRef, encode_fitting

QUOTED = 300
"""Characters of what the rep typed that a sentence quotes (a contact, a search): a section
holds 3,000 (Block Kit, section `text`), and a command can carry a name longer than that."""

MAX_PICKS = ACTIONS_ELEMENTS
"""At most one button per contact and 25 contacts (an actions block's limit; a message's 50
blocks leave room for one section per contact plus the prompt and the form button)."""


def progress_card(
    task_type: TaskType | None, action: LinkedInAction | None, contact: str | None
) -> Card:
    """The ack: "⏳ Creating a call task for jane@acme.com…"."""
    quoted = fit_plain(contact, QUOTED) if contact is not None else None
    line = words.progress(task_type, action, quoted)
    return Card(blocks=(mrkdwn_section(mrkdwn.escape(line)),), text=line)


def usage_card() -> Card:
    """`/task help`: what taskbot understands, with examples."""
    blocks: list[Block] = []
    blocks.append(HeaderBlock(text=PlainTextObject(text=usage.TITLE, emoji=True)))
    blocks.append(mrkdwn_section(usage.INTRO))
    for section in usage.SECTIONS:
        blocks.append(mrkdwn_section(f"*{section.title}*\n{bullet_list(section.lines)}"))
    return Card(blocks=tuple(blocks), text=usage.FALLBACK)


def error_card(
    message: str,
    *,
    command: str | None = None,
    form: FormRef | None = None,
    details: Sequence[str] = (),
    retry: bool = False,
) -> Card:
    """A plain sentence of what went wrong and what to do, with the way forward as buttons.

    `command` is what the rep typed after `/task`; with it the card offers 'Open in form'
    (prefilled) and, when `retry` is true, 'Try again'. Only pass `retry` when running the
    same command again cannot create a second task (e.g. Reply was unreachable before the
    request was sent, or rate-limited) — never after "the task may have been created".
    `form` instead: what a form held, for 'Open in form' after its save failed (the body is
    cut to fit the button only if nothing else fits, `FormRef.complete`)."""
    text = shorten(words.error_fallback(mrkdwn.escape(message)), SECTION_TEXT)
    blocks: list[Block] = [mrkdwn_section(text)]
    if details:
        listed = bullet_list([mrkdwn.escape(d) for d in details])
        blocks.append(mrkdwn_section(shorten(listed, SECTION_TEXT)))
    if command is not None:
        value, _ = encode_fitting(_command_ref, command)
        buttons = [button(words.OPEN_FORM_BUTTON, ids.OPEN_FORM, value, style="primary")]
        if retry:
            buttons.append(button(words.TRY_AGAIN_BUTTON, ids.TRY_AGAIN, value))
        blocks.append(ActionsBlock(elements=buttons))
    elif form is not None:
        value, _ = encode_fitting(partial(_form_ref, form), form.body)
        reopen = button(words.OPEN_FORM_BUTTON, ids.OPEN_FORM, value, style="primary")
        blocks.append(ActionsBlock(elements=[reopen]))
    fallback = words.error_fallback(message)
    if details:
        fallback = f"{fallback} " + " ".join(details)
    return Card(blocks=tuple(blocks), text=fit_plain(fallback, 3000))


def contact_pick_card(
    query: str, contacts: Sequence[Contact], *, command: str, total: int | None = None
) -> Card:
    """Several Reply contacts match what the rep typed: one row per contact with a Pick button
    (its value carries the contact id and the command), then 'Open in form'.

    `total` is how many matched in all (if more than `contacts`); at most 25 are shown."""
    if not contacts:
        raise ValueError("a contact pick needs at least one contact")
    shown = list(contacts[:MAX_PICKS])
    matched = max(total or 0, len(contacts))
    blocks: list[Block] = [
        mrkdwn_section(
            words.pick_prompt(shorten(mrkdwn.escape(query), QUOTED), len(shown), matched)
        )
    ]
    kept_whole = True
    for number, contact in enumerate(shown, start=1):
        value, whole = encode_fitting(partial(_pick, contact.id), command)
        kept_whole = kept_whole and whole
        row = mrkdwn_section(_describe(contact), block_id=ids.pick_contact_row(number))
        row.accessory = button(words.PICK_BUTTON, ids.pick_contact(number), value)
        blocks.append(row)
    if not kept_whole:
        blocks.append(context(words.PICK_KEPT_SHORT))
    form_value, _ = encode_fitting(_command_ref, command)
    blocks.append(
        ActionsBlock(elements=[button(words.OPEN_FORM_BUTTON, ids.OPEN_FORM, form_value)])
    )
    return Card(blocks=tuple(blocks), text=words.pick_fallback(fit_plain(query, QUOTED), matched))


def _describe(contact: Contact) -> str:
    """*Jane Doe* · VP Sales, Acme · jane@acme.com (escaped; far below 3000 characters)."""
    role = ", ".join(p for p in (contact.title, contact.company) if p)
    reach = contact.email or contact.linkedin_url or contact.phone
    parts = [f"*{mrkdwn.escape(contact.display_name)}*"]
    parts += [mrkdwn.escape(p) for p in (role, reach) if p and p != contact.display_name]
    parts.append(f"#{contact.id}")
    return shorten(" · ".join(parts), 1000)


def _command_ref(command: str, complete: bool) -> CommandRef:
    return CommandRef(command=command, complete=complete)


def _form_ref(form: FormRef, body: str, complete: bool) -> FormRef:
    return replace(form, body=body, complete=complete)


def _pick(contact_id: int, command: str, complete: bool) -> ContactPick:
    return ContactPick(contact_id=contact_id, command=command, complete=complete)
