"""Saving the task form: checked in the view_submission ack, then Reply within a budget.

Slack shows field errors only in the view_submission ack (`response_action: "errors"`), and
wants that ack within 3 s (slack-notes §2.2, §2.3). A create needs Reply (find a typed
contact, POST, read back: three calls), so:

1. Local checks (`validate_submission`): errors on the fields at fault, at once.
2. The save starts in `Background` and the ack waits for it up to `deps.submit_budget`
   (2 s): a saved task closes the modal (its card goes where the rep started, `_delivery`);
   Reply's 400 pointers go on their fields (`errors_from_reply`); a typed contact that is
   none or several goes on the contact field; a passing failure (rate limit, outage) goes on
   the text field, the form open with everything typed, since pressing again is safe.
3. Past the budget the ack closes the modal and the same save finishes after it: its card,
   or an error card whose 'Open in form' carries the whole form back (`_form_outcome`), goes
   where the rep started. The save is never started again.

Never twice: the service remembers each save by the form's nonce and values
(`bot.service.submits`). A repeated submit joins the save already made or in flight, and
its card is delivered once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck

from bot import ids
from bot.fitting import fit_plain
from bot.forms import (
    ERROR_TEXT,
    FormErrors,
    FormMetadata,
    FormMetadataError,
    contact_errors,
    errors_from_reply,
    read_view,
    validate_submission,
)
from bot.listeners._delivery import deliver_to_origin
from bot.listeners._form_outcome import Submission, deliver_outcome, failed_card
from bot.listeners._forms import form_context
from bot.messages import outcomes as outcome_words
from bot.messages import saving as words
from bot.messages.form import only_new_editable
from bot.service import (
    ContactUnresolved,
    NotEditable,
    PendingSave,
    Refused,
    SaveOutcome,
    Trouble,
    may_have_stored,
)
from bot.views.modal import message_modal
from bot.wiring import Dependencies

log = logging.getLogger(__name__)


async def submit_form(deps: Dependencies, ack: AsyncAck, body: dict[str, Any]) -> None:
    """The view_submission listener of the task modal (see the module docstring)."""
    started = asyncio.get_running_loop().time()
    try:
        form, meta = read_view(body.get("view") or {})
    except FormMetadataError as error:
        log.warning("a task form without readable metadata was submitted: %s", error)
        await ack(response_action="errors", errors={ids.TYPE_BLOCK: words.FORM_UNREADABLE})
        return
    if meta.user_id != str(body["user"]["id"]):
        await ack(response_action="errors", errors={ids.TYPE_BLOCK: words.NOT_YOUR_FORM})
        return
    ctx = await form_context(deps, meta)
    checked = validate_submission(form, ctx, editing=meta.editing)
    if isinstance(checked, FormErrors):
        await ack(response_action="errors", errors=checked.errors)
        return
    key = (meta.nonce, form) if meta.nonce else None
    submission = Submission(form, meta, checked, ctx.tz, key)
    try:
        save = deps.service.submits.begin(key, lambda: _start(deps, submission))
    except RuntimeError:
        await ack(response_action="errors", errors={ids.BODY_BLOCK: outcome_words.SHUTTING_DOWN})
        return
    # The budget bounds the whole wait for the ack, reading the form included.
    left = deps.submit_budget - (asyncio.get_running_loop().time() - started)
    done, _ = await asyncio.wait({save.task}, timeout=max(left, 0.0))
    if not done:
        await ack()  # the modal closes; the card follows when Reply answers
        if save.claim_report():
            _after_ack(deps, _deliver_later(deps, save, submission), meta)
        return
    await _answer(deps, save, submission, ack)


def _start(deps: Dependencies, submission: Submission) -> asyncio.Task[SaveOutcome]:
    ready, meta = submission.ready, submission.meta
    choice = ready.contact
    lookup = choice.query if choice is not None and choice.needs_lookup else None
    write = ready.write()  # a chosen contact's id; a typed one is found first (`lookup`)
    if meta.editing is not None:
        work = deps.service.update_task(meta.editing.task_id, write, contact=lookup)
    else:
        work = deps.service.create_task(write, contact=lookup)
    task: asyncio.Task[SaveOutcome] = deps.background.spawn(
        work, name=f"save form of {meta.user_id}"
    )
    return task


async def _answer(
    deps: Dependencies, save: PendingSave, submission: Submission, ack: AsyncAck
) -> None:
    """Reply answered within the budget: its answer decides the ack."""
    if save.task.cancelled() or save.task.exception() is not None:  # logged by Background
        await ack(response_action="errors", errors={ids.BODY_BLOCK: outcome_words.UNEXPECTED})
        return
    outcome = save.task.result()
    meta = submission.meta
    if may_have_stored(outcome):
        await ack()
        if save.claim_report():
            _after_ack(deps, deliver_outcome(deps, outcome, submission), meta)
        return
    if isinstance(outcome, NotEditable):
        gone = message_modal(only_new_editable(outcome.task.status), mode="edit", metadata=meta)
        await ack(response_action="update", view=gone)
        _after_ack(deps, deliver_outcome(deps, outcome, submission), meta)
        return
    await ack(response_action="errors", errors=_field_errors(outcome, submission))


def _field_errors(outcome: SaveOutcome, submission: Submission) -> dict[str, str]:
    if isinstance(outcome, ContactUnresolved) and submission.ready.contact is not None:
        return contact_errors(submission.ready.contact, outcome.matches)
    if isinstance(outcome, Refused):
        found = errors_from_reply(outcome.field_errors, submission.form)
        if found:
            return found
    if isinstance(outcome, Refused | Trouble):
        said = " ".join((outcome.message, *outcome.details))
        return {ids.BODY_BLOCK: fit_plain(said, ERROR_TEXT)}
    raise TypeError(f"no field errors for {type(outcome).__name__}")


async def _deliver_later(deps: Dependencies, save: PendingSave, sub: Submission) -> None:
    """The form closed before Reply answered: show the answer where the rep started."""
    await asyncio.wait({save.task})
    if save.task.cancelled():  # taskbot is stopping; the save's end is logged
        return
    if save.task.exception() is not None:  # logged by Background
        card = failed_card(outcome_words.UNEXPECTED, sub)
        await deliver_to_origin(deps, sub.meta, card, replace=False)
        return
    await deliver_outcome(deps, save.task.result(), sub)


def _after_ack(deps: Dependencies, work: Coroutine[Any, Any, None], meta: FormMetadata) -> None:
    """Deliver after the ack, tracked by `Background` (the console and shutdown wait for it)."""
    try:
        deps.background.spawn(work, name=f"deliver the form's card to {meta.user_id}")
    except RuntimeError:  # the coroutine was closed unstarted
        log.error("taskbot is shutting down: the card of %s's form was not delivered", meta.user_id)
