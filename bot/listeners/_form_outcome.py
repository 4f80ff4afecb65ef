"""A form's save as the rep sees it once the form has closed: the task's card, or an error
card whose 'Open in form' carries the whole form back, delivered where the rep started
(`_delivery`).

    sub = Submission(form, meta, ready, tz, key)
    await deliver_outcome(deps, outcome, sub)

"Nothing entered is lost" (issue 5): after the form closed, the card is the only place left
that holds what the rep typed, so every failure carries it (`_carry`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo

from bot import ids
from bot.forms import FormMetadata, FormValues, ReadyTask, contact_errors, errors_from_reply
from bot.listeners._carry import form_ref, notices_by_field
from bot.listeners._common import card_for
from bot.listeners._delivery import deliver_to_origin
from bot.messages import saving as words
from bot.service import (
    ContactUnresolved,
    NotEditable,
    Refused,
    Saved,
    SaveOutcome,
    SubmitKey,
    Trouble,
)
from bot.views import Card, error_card
from bot.wiring import Dependencies


@dataclass(frozen=True, slots=True)
class Submission:
    """A submitted form, checked: what it held, its metadata, the task it describes, the
    rep's zone, and its key against a repeated submit (`bot.service.submits`)."""

    form: FormValues
    meta: FormMetadata
    ready: ReadyTask
    tz: tzinfo
    key: SubmitKey | None


async def deliver_outcome(deps: Dependencies, outcome: SaveOutcome, sub: Submission) -> None:
    """The card for how the save ended, where the form was opened from."""
    meta = sub.meta
    if isinstance(outcome, Saved | NotEditable):
        card = card_for(outcome, owner=meta.user_id, tz=sub.tz, sandbox=deps.in_sandbox)
        await deliver_to_origin(deps, meta, card)
        return
    creating = meta.editing is None
    if isinstance(outcome, ContactUnresolved) and sub.ready.contact is not None:
        problem = contact_errors(sub.ready.contact, outcome.matches)[ids.CONTACT_BLOCK]
        message = words.contact_after_close(problem) if creating else problem
        card = failed_card(message, sub, {ids.CONTACT_BLOCK: problem})
    elif isinstance(outcome, Refused):
        errors = errors_from_reply(outcome.field_errors, sub.form)
        card = failed_card(outcome.message, sub, errors, details=outcome.details)
    else:
        assert isinstance(outcome, Trouble)
        kept = creating and outcome.retry_safe
        message = words.kept_for_later(outcome.message) if kept else outcome.message
        card = failed_card(message, sub, details=outcome.details)
    await deliver_to_origin(deps, meta, card, replace=False)


def failed_card(
    message: str,
    sub: Submission,
    errors: dict[str, str] | None = None,
    *,
    details: tuple[str, ...] = (),
) -> Card:
    """An error after the form closed, whose 'Open in form' brings the form back as it was:
    a new task's form, or the same edit (never a fresh one from Reply, which would lose what
    the rep changed)."""
    editing = sub.meta.editing
    carried = form_ref(sub.form, notices_by_field(errors or {}), editing=editing)
    if editing is not None:
        message = words.edit_not_saved(editing.task_id, message)
    return error_card(message, form=carried, details=details)
