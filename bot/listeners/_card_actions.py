"""What a task card's buttons do, once acked and once the clicker is known to be the task's rep.

    ✅ Done         a Call asks how it went first (positive / call again / negative / not now);
                   anything else is completed; the card changes in place
    👍 🔁 👎        complete the call with that `callResolution`
    ↩️ Not now     the card as it was, without completing
    🗑️ Cancel      (after Slack's confirm dialog) cancel in Reply; the card shows it Cancelled
    📣 Share       the card, read-only and "Shared by @rep", posted to the channel (in_channel;
                   as the bot when Slack refuses that, else the reason in the rep's DM)
    ✏️ Edit        the form, opened at once saying "Getting the task…", then filled from the
                   task as Reply has it (`views.update`); saving replaces this card

"In place" is the interaction's response_url with `replace_original` (slack-notes §2.4): the
card a rep sees is ephemeral or in their DM, and comes back without its message, so the
button's value (`TaskRef`) is all a listener knows. A button pressed on a card that is out
of date gets the task as it is now ("already done"), never a second change. Reply's
failures are a short ephemeral sentence beside the card, which stays as it was.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine, Mapping
from datetime import tzinfo
from typing import Any, Final, TypeAlias

from slack_bolt.context.respond.async_respond import AsyncRespond

from bot import ids
from bot.domain import CallResolution, TaskType
from bot.forms import EditedTask, FormMetadata, FormValues, Origin, edit_blocker
from bot.listeners._common import card_for, channel_of, rep_profile, send
from bot.listeners._delivery import direct_message, post_message
from bot.listeners._forms import (
    CardPlace,
    form_metadata,
    form_profile,
    open_form,
    update_form,
)
from bot.messages.form import LOADING_TASK
from bot.messages.outcomes import SHUTTING_DOWN, share_failed
from bot.service import ActionOutcome, Current
from bot.views import error_card
from bot.views.modal import message_modal, task_modal
from bot.views.values import TaskRef
from bot.wiring import Dependencies

log = logging.getLogger(__name__)

ButtonWork: TypeAlias = Callable[[Dependencies, TaskRef, AsyncRespond], Coroutine[Any, Any, None]]
"""What a card button does once acked: Reply work, then the card (run in `Background`)."""

RESOLUTION: Final[dict[str, CallResolution]] = {
    action_id: resolution for resolution, action_id in ids.CALL_OUTCOMES.items()
}

KIND: Final[dict[str, str]] = {
    ids.DONE: "done",
    ids.EDIT: "edit",
    ids.CANCEL: "cancel",
    ids.SHARE: "share",
    ids.OUTCOME_POSITIVE: "outcome",
    ids.OUTCOME_TO_CALL: "outcome",
    ids.OUTCOME_NEGATIVE: "outcome",
    ids.OUTCOME_BACK: "outcome",
}
"""Each card button, as `bot.messages.actions.not_owner` names what it would do."""


async def press(
    deps: Dependencies, action_id: str, ref: TaskRef, body: Mapping[str, Any], respond: AsyncRespond
) -> None:
    """The clicker is the task's rep: do what `action_id` does (the Reply work after the
    ack, in `Background`; Edit opens its form first, while the trigger id is fresh)."""
    if action_id == ids.EDIT:
        await _open_edit(deps, ref, body, respond)
        return
    if action_id == ids.SHARE:
        work = _share(deps, ref, respond, channel=channel_of(body))
    else:
        work = _ACTIONS[action_id](deps, ref, respond)
    try:
        deps.background.spawn(work, name=f"{action_id} on task {ref.task_id}")
    except RuntimeError:
        await send(respond, error_card(SHUTTING_DOWN), replace=False)


async def _done(deps: Dependencies, ref: TaskRef, respond: AsyncRespond) -> None:
    shown = await deps.service.current(ref.task_id)
    if isinstance(shown, Current) and shown.task.status.is_open:
        if shown.task.task_type is TaskType.CALL:
            await _show(deps, ref, respond, shown, asking_outcome=True)
            return
        shown = await deps.service.complete(ref.task_id)
    await _show(deps, ref, respond, shown)


def _outcome(resolution: CallResolution) -> ButtonWork:
    async def complete(deps: Dependencies, ref: TaskRef, respond: AsyncRespond) -> None:
        await _show(deps, ref, respond, await deps.service.complete(ref.task_id, resolution))

    return complete


async def _back(deps: Dependencies, ref: TaskRef, respond: AsyncRespond) -> None:
    await _show(deps, ref, respond, await deps.service.show(ref.task_id))


async def _cancel(deps: Dependencies, ref: TaskRef, respond: AsyncRespond) -> None:
    await _show(deps, ref, respond, await deps.service.cancel(ref.task_id))


async def _share(
    deps: Dependencies, ref: TaskRef, respond: AsyncRespond, *, channel: str | None
) -> None:
    """The card for everyone in the channel, through the card's response_url; when Slack no
    longer takes that (5 posts, 30 minutes), posted by the bot; when that fails too, the rep
    hears why in their DM rather than nothing at all."""
    shown = await deps.service.show(ref.task_id)
    if not isinstance(shown, Current):
        await _show(deps, ref, respond, shown)
        return
    tz = await _zone(deps, ref.owner)
    card = card_for(shown, owner=ref.owner, tz=tz, sandbox=deps.in_sandbox, shared_by=ref.owner)
    if await send(respond, card, replace=False, response_type="in_channel"):
        return
    refused = "channel_not_found" if channel is None else await post_message(deps, channel, card)
    if refused is not None:
        await direct_message(deps, ref.owner, error_card(share_failed(ref.task_id, refused)))


_ACTIONS: Final[dict[str, ButtonWork]] = {
    ids.DONE: _done,
    ids.CANCEL: _cancel,
    ids.OUTCOME_BACK: _back,
    **{action_id: _outcome(resolution) for action_id, resolution in RESOLUTION.items()},
}


async def _show(
    deps: Dependencies,
    ref: TaskRef,
    respond: AsyncRespond,
    outcome: ActionOutcome,
    *,
    asking_outcome: bool = False,
) -> None:
    """The card as the task is now, replacing the one clicked; or, when Reply failed, a
    sentence beside it (the card stays as it was)."""
    if not isinstance(outcome, Current):
        await send(respond, error_card(outcome.message, details=outcome.details), replace=False)
        return
    tz = await _zone(deps, ref.owner)
    card = card_for(
        outcome, owner=ref.owner, tz=tz, sandbox=deps.in_sandbox, asking_outcome=asking_outcome
    )
    await send(respond, card, replace=True)


async def _zone(deps: Dependencies, user_id: str) -> tzinfo:
    return (await rep_profile(deps, user_id)).tz


# --------------------------------------------------------------------------------------
# Edit


async def _open_edit(
    deps: Dependencies, ref: TaskRef, body: Mapping[str, Any], respond: AsyncRespond
) -> None:
    """Open "Getting the task from Reply…" now (the trigger id lasts 3 s), fill it after."""
    user_id = str(body["user"]["id"])
    now = deps.clock()
    waiting = FormMetadata(
        origin=Origin.CARD_EDIT,
        user_id=user_id,
        # The waiting view has no submit button, so these times are never saved: the form
        # that replaces it carries the task's own (`_fill_edit`).
        editing=EditedTask(ref.task_id, now, now),
    )
    view = message_modal(LOADING_TASK, mode="edit", metadata=waiting)
    opened = await open_form(deps, str(body["trigger_id"]), view, user_id=user_id, respond=respond)
    if opened is None:
        return
    where: CardPlace = {
        "channel_id": channel_of(body),
        "response_url": body.get("response_url"),
    }
    work = _fill_edit(deps, ref, opened, respond, user_id=user_id, where=where)
    try:
        deps.background.spawn(work, name=f"edit form for task {ref.task_id}")
    except RuntimeError:
        log.info("shutting down: the edit form for task %d stays empty", ref.task_id)


async def _fill_edit(
    deps: Dependencies,
    ref: TaskRef,
    opened: tuple[str, str],
    respond: AsyncRespond,
    *,
    user_id: str,
    where: CardPlace,
) -> None:
    view_id, view_hash = opened
    profile, ctx = await form_profile(deps, user_id)
    shown = await deps.service.current(ref.task_id)
    placeholder = FormMetadata(
        origin=Origin.CARD_EDIT, user_id=user_id, editing=EditedTask(ref.task_id, ctx.now, ctx.now)
    )
    if not isinstance(shown, Current):
        refusal = message_modal(shown.message, mode="edit", metadata=placeholder)
        await update_form(deps, view_id, view_hash, refusal)
        return
    task = shown.task
    blocker = edit_blocker(task)
    if blocker is not None:
        await update_form(
            deps, view_id, view_hash, message_modal(blocker, mode="edit", metadata=placeholder)
        )
        if not task.status.is_open:  # the card may still say New: show it as it is
            await _show(deps, ref, respond, shown)
        return
    meta = form_metadata(
        Origin.CARD_EDIT,
        profile,
        user_id=user_id,
        editing=EditedTask(task.id, task.start_at, task.due_to),
        **where,
    )
    form = FormValues.from_task(task, shown.contact, ctx)
    view = task_modal(form, mode="edit", metadata=meta, sandbox=deps.in_sandbox)
    await update_form(deps, view_id, view_hash, view)
