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
from bot.forms import FormMetadata, FormValues, Origin, ReadyTask, contact_errors, errors_from_reply
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
    if isinstance(outcome, ContactUnresolved) and sub.ready.contact is not None:
        problem = contact_errors(sub.ready.contact, outcome.matches)[ids.CONTACT_BLOCK]
        card = failed_card(words.contact_after_close(problem), sub, {ids.CONTACT_BLOCK: problem})
    elif isinstance(outcome, Refused):
        errors = errors_from_reply(outcome.field_errors, sub.form)
        card = failed_card(outcome.message, sub, errors, details=outcome.details)
    else:
        assert isinstance(outcome, Trouble)
        message = words.kept_for_later(outcome.message) if outcome.retry_safe else outcome.message
        card = failed_card(message, sub, details=outcome.details)
    await deliver_to_origin(deps, meta, card, replace=False)


def failed_card(
    message: str,
    sub: Submission,
    errors: dict[str, str] | None = None,
    *,
    details: tuple[str, ...] = (),
) -> Card:
    """An error after the form closed; for a new task, 'Open in form' brings it all back."""
    editing = sub.meta.editing
    if editing is not None or sub.meta.origin is Origin.CARD_EDIT:
        task_id = editing.task_id if editing is not None else 0
        return error_card(words.edit_not_saved(task_id, message), details=details)
    carried = form_ref(sub.form, notices_by_field(errors or {}))
    return error_card(message, form=carried, details=details)
