"""Every Slack identifier taskbot uses, in one place (rule 4 of ARCHITECTURE.md).

Listeners register on these, views put them on blocks and elements, the console maps typed
keywords back to them, and `tests/test_manifest.py` checks that `manifest.yml` declares the same
command and shortcut callback ids — so renaming one here without the manifest fails a test.

Conventions: short dotted namespaces (`task.…` for card buttons, `form.…` for the task modal,
`pick.…` for choosing a contact), stable once shipped, because buttons on cards already posted in
Slack keep the ids they were built with. Slack limits action_id, block_id and callback_id to 255
characters and wants action_ids unique within a block (Block Kit reference, "action_id").

The last dotted segment of a card button's action id is the keyword the console accepts for it
(`task.done` -> `done`), so keep it a single, typeable word.
"""

from __future__ import annotations

import re
from typing import Final

from bot.domain import CallResolution, Field

# --------------------------------------------------------------------------------------
# Entry points (declared in manifest.yml)

COMMAND: Final[str] = "/task"

GLOBAL_SHORTCUT: Final[str] = "task.shortcut.global"
"""Global shortcut "Create Reply task" (lightning menu); carries no response_url."""

MESSAGE_SHORTCUT: Final[str] = "task.shortcut.message"
"""Message shortcut "Create Reply task" (a message's ⋮ menu; works in threads)."""

TASK_MODAL: Final[str] = "form.task"
"""callback_id of the task modal (create and edit share it; private_metadata tells which)."""

# --------------------------------------------------------------------------------------
# Task card buttons

DONE: Final[str] = "task.done"
EDIT: Final[str] = "task.edit"
CANCEL: Final[str] = "task.cancel"
SHARE: Final[str] = "task.share"

CARD_ACTIONS_BLOCK: Final[str] = "task.actions"
"""block_id of the card's button row (done/edit/cancel/share, or the call outcomes)."""

# Done on a Call task asks how the call went; each answer is its own button.
OUTCOME_POSITIVE: Final[str] = "task.positive"
OUTCOME_TO_CALL: Final[str] = "task.again"
OUTCOME_NEGATIVE: Final[str] = "task.negative"
OUTCOME_BACK: Final[str] = "task.back"
"""Leave the outcome question without completing the task."""

CALL_OUTCOMES: Final[dict[CallResolution, str]] = {
    CallResolution.POSITIVE: OUTCOME_POSITIVE,
    CallResolution.TO_CALL: OUTCOME_TO_CALL,
    CallResolution.NEGATIVE: OUTCOME_NEGATIVE,
}
"""Outcome button action id per `callResolution` (Reply: complete a Call task)."""

# --------------------------------------------------------------------------------------
# Error and contact-pick cards

OPEN_FORM: Final[str] = "task.form"
"""'Open in form': opens the modal prefilled with what the rep typed."""

TRY_AGAIN: Final[str] = "task.retry"
"""'Try again': re-runs the rep's command (only offered when a retry cannot duplicate a task)."""

PICK_CONTACT_PREFIX: Final[str] = "pick."
PICK_CONTACT_PATTERN: Final[re.Pattern[str]] = re.compile(r"^pick\.(\d{1,2})$")
"""Matches every contact-pick button; Bolt accepts a compiled pattern as an action matcher."""


def pick_contact(number: int) -> str:
    """action_id of the `number`-th contact button (1-based: the console keyword is the number).

    Each button needs its own action_id (unique within the block); Slack allows at most 25
    elements in an actions block, so numbers run from 1 to 25."""
    if not 1 <= number <= 25:
        raise ValueError(f"contact pick buttons are numbered 1 to 25, got {number}")
    return f"{PICK_CONTACT_PREFIX}{number}"


def pick_contact_row(number: int) -> str:
    """block_id of the section that describes the `number`-th contact (its button beside it)."""
    return f"{pick_contact(number)}.row"


# --------------------------------------------------------------------------------------
# The task modal: input blocks (block_id) and their elements (action_id)
#
# view_submission errors are keyed by block_id (they must be input blocks), and values keep
# across views.update only when both ids stay the same (Slack, "Updating views").

TYPE_BLOCK: Final[str] = "form.type"
TYPE_SELECT: Final[str] = "form.type.select"
"""static_select with dispatch_action: changing it re-renders (LinkedIn action, subject)."""

LINKEDIN_BLOCK: Final[str] = "form.linkedin"
LINKEDIN_SELECT: Final[str] = "form.linkedin.select"

CONTACT_BLOCK: Final[str] = "form.contact"
CONTACT_SELECT: Final[str] = "form.contact.select"
"""external_select; its options come from `app.options(CONTACT_SELECT)` (block_suggestion)."""

START_BLOCK: Final[str] = "form.start"
START_INPUT: Final[str] = "form.start.input"

DUE_BLOCK: Final[str] = "form.due"
DUE_INPUT: Final[str] = "form.due.input"

SUBJECT_BLOCK: Final[str] = "form.subject"
SUBJECT_INPUT: Final[str] = "form.subject.input"

BODY_BLOCK: Final[str] = "form.body"
BODY_INPUT: Final[str] = "form.body.input"

FORM_BLOCKS: Final[tuple[str, ...]] = (
    TYPE_BLOCK,
    LINKEDIN_BLOCK,
    CONTACT_BLOCK,
    START_BLOCK,
    DUE_BLOCK,
    SUBJECT_BLOCK,
    BODY_BLOCK,
)

FIELD_BLOCKS: Final[dict[Field, str]] = {
    "task_type": TYPE_BLOCK,
    "linkedin_action": LINKEDIN_BLOCK,
    "contact": CONTACT_BLOCK,
    "start_at": START_BLOCK,
    "due_to": DUE_BLOCK,
    "subject": SUBJECT_BLOCK,
    "body": BODY_BLOCK,
}
"""The input block that shows each `TaskWrite` field (field errors and notices go there)."""

FORM_NOTES_BLOCK: Final[str] = "form.notes"
"""Context block at the top of the form: the sandbox, an edit, problems about a hidden field."""


def notice_block_id(block_id: str) -> str:
    """The context block under an input that shows its notice: `form.due.notice`."""
    return f"{block_id}.notice"
