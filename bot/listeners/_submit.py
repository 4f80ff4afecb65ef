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
   or an error card whose 'Open in form' carries the whole form back (`_carry`), goes where
   the rep started. The save is never started again.

Never twice: saves are remembered by the form's nonce and values for `REMEMBER_SECONDS`. A
repeated submit (a double click; Slack showing an error after a late ack and the rep pressing
again) joins the save already made or in flight, and its card is delivered once. A save that
certainly stored nothing (Reply refused it, or a rate limit) is forgotten, so pressing again
tries again; a create whose answer was lost is not (`Trouble.retry_safe`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import tzinfo
from typing import Any, Final

from cachetools import TTLCache
from slack_bolt.context.ack.async_ack import AsyncAck

from bot import ids
from bot.forms import (
    ERROR_TEXT,
    FormErrors,
    FormMetadata,
    FormMetadataError,
    FormValues,
    Origin,
    ReadyTask,
    contact_errors,
    errors_from_reply,
    read_view,
    validate_submission,
)
from bot.listeners._carry import form_ref, notices_by_field
from bot.listeners._delivery import deliver_to_origin
from bot.listeners._forms import form_context
from bot.messages import actions as action_words
from bot.messages import outcomes as outcome_words
from bot.messages import saving as words
from bot.messages.form import only_new_editable
from bot.service import ContactUnresolved, NotEditable, Refused, Saved, SaveOutcome, Trouble
from bot.views import Card, CardContext, error_card, mrkdwn, task_card
from bot.views.card import fit_plain
from bot.views.modal import message_modal
from bot.wiring import Dependencies

log = logging.getLogger(__name__)

REMEMBER_SECONDS: Final = 600.0
"""How long a save is remembered against a repeated submit of the same form."""


@dataclass
class _Save:
    task: asyncio.Task[SaveOutcome]
    delivered: bool = False
    """Its card (or error card) was sent, or a task is on its way to send it."""

    def claim_delivery(self) -> bool:
        if self.delivered:
            return False
        self.delivered = True
        return True


_Key = tuple[str, FormValues]


class Saves:
    """Saves by (nonce, the form's values): see the module docstring."""

    def __init__(self, deps: Dependencies) -> None:
        def timer() -> float:
            return deps.clock().timestamp()

        self._saves: TTLCache[_Key, _Save] = TTLCache(10_000, REMEMBER_SECONDS, timer)

    def begin(self, key: _Key | None, start: Callable[[], asyncio.Task[SaveOutcome]]) -> _Save:
        """The save for `key`, joined if it exists, else started (`start` may raise
        RuntimeError: taskbot is shutting down)."""
        known = self._saves.get(key) if key is not None else None
        if known is not None:
            log.info("a form was submitted again; joining its save instead of starting another")
            return known
        save = _Save(start())
        if key is not None:
            self._saves[key] = save
        return save

    def forget(self, key: _Key | None) -> None:
        if key is not None:
            self._saves.pop(key, None)


@dataclass(frozen=True, slots=True)
class _Submission:
    form: FormValues
    meta: FormMetadata
    ready: ReadyTask
    tz: tzinfo
    key: _Key | None


async def submit_form(
    deps: Dependencies, saves: Saves, ack: AsyncAck, body: dict[str, Any]
) -> None:
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
    submission = _Submission(form, meta, checked, ctx.tz, key)
    try:
        save = saves.begin(key, lambda: _start(deps, submission))
    except RuntimeError:
        await ack(response_action="errors", errors={ids.BODY_BLOCK: outcome_words.SHUTTING_DOWN})
        return
    # The budget bounds the whole wait for the ack, reading the form included.
    left = deps.submit_budget - (asyncio.get_running_loop().time() - started)
    done, _ = await asyncio.wait({save.task}, timeout=max(left, 0.0))
    if not done:
        await ack()  # the modal closes; the card follows when Reply answers
        if save.claim_delivery():
            _after_ack(deps, _deliver_later(deps, saves, save, submission), meta)
        return
    await _answer(deps, saves, save, submission, ack)


def _start(deps: Dependencies, submission: _Submission) -> asyncio.Task[SaveOutcome]:
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
    deps: Dependencies, saves: Saves, save: _Save, submission: _Submission, ack: AsyncAck
) -> None:
    """Reply answered within the budget: its answer decides the ack."""
    if save.task.cancelled() or save.task.exception() is not None:  # logged by Background
        saves.forget(submission.key)
        await ack(response_action="errors", errors={ids.BODY_BLOCK: outcome_words.UNEXPECTED})
        return
    outcome = save.task.result()
    meta = submission.meta
    if isinstance(outcome, Saved) or (isinstance(outcome, Trouble) and not outcome.retry_safe):
        await ack()
        if save.claim_delivery():
            _after_ack(deps, _deliver(deps, outcome, submission), meta)
        return
    saves.forget(submission.key)
    if isinstance(outcome, NotEditable):
        gone = message_modal(only_new_editable(outcome.task.status), mode="edit", metadata=meta)
        await ack(response_action="update", view=gone)
        _after_ack(deps, _deliver(deps, outcome, submission), meta)
        return
    await ack(response_action="errors", errors=_field_errors(outcome, submission))


def _field_errors(outcome: SaveOutcome, submission: _Submission) -> dict[str, str]:
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


async def _deliver_later(deps: Dependencies, saves: Saves, save: _Save, sub: _Submission) -> None:
    """The form closed before Reply answered: show the answer where the rep started."""
    await asyncio.wait({save.task})
    if save.task.cancelled():  # taskbot is stopping; the save's end is logged
        return
    if save.task.exception() is not None:  # logged by Background
        saves.forget(sub.key)
        await deliver_to_origin(
            deps, sub.meta, _failed_card(outcome_words.UNEXPECTED, sub), replace=False
        )
        return
    outcome = save.task.result()
    if not isinstance(outcome, Saved) and not (
        isinstance(outcome, Trouble) and not outcome.retry_safe
    ):
        saves.forget(sub.key)
    await _deliver(deps, outcome, sub)


async def _deliver(deps: Dependencies, outcome: SaveOutcome, sub: _Submission) -> None:
    meta = sub.meta
    if isinstance(outcome, Saved | NotEditable):
        note = (
            outcome.note
            if isinstance(outcome, Saved)
            else action_words.already(outcome.task.status)
        )
        await deliver_to_origin(deps, meta, _card(deps, outcome, sub, note))
        return
    if isinstance(outcome, ContactUnresolved) and sub.ready.contact is not None:
        problem = contact_errors(sub.ready.contact, outcome.matches)[ids.CONTACT_BLOCK]
        card = _failed_card(words.contact_after_close(problem), sub, {ids.CONTACT_BLOCK: problem})
    elif isinstance(outcome, Refused):
        errors = errors_from_reply(outcome.field_errors, sub.form)
        card = _failed_card(outcome.message, sub, errors, details=outcome.details)
    else:
        assert isinstance(outcome, Trouble)
        message = words.kept_for_later(outcome.message) if outcome.retry_safe else outcome.message
        card = _failed_card(message, sub, details=outcome.details)
    await deliver_to_origin(deps, meta, card, replace=False)


def _card(
    deps: Dependencies, outcome: Saved | NotEditable, sub: _Submission, note: str | None
) -> Card:
    context = CardContext(
        owner=sub.meta.user_id,
        tz=sub.tz,
        sandbox=deps.in_sandbox,
        note=mrkdwn.escape(note) if note else None,
    )
    return task_card(outcome.task, outcome.contact, context)


def _failed_card(
    message: str,
    sub: _Submission,
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


def _after_ack(deps: Dependencies, work: Any, meta: FormMetadata) -> None:
    """Deliver after the ack, tracked by `Background` (the console and shutdown wait for it)."""
    try:
        deps.background.spawn(work, name=f"deliver the form's card to {meta.user_id}")
    except RuntimeError:  # the coroutine was closed unstarted
        log.error("taskbot is shutting down: the card of %s's form was not delivered", meta.user_id)
