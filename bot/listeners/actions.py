"""Buttons on taskbot's messages (`block_actions`), each acked at once.

    pick.N              a contact pick finishes the command with that contact
    task.retry          'Try again' runs the command again
    task.form           'Open in form': the modal, prefilled with a command or a form
    task.done …         the task card's buttons (`_card_actions`): done, the call outcomes
                        and 'Not now', edit, cancel, share — only for the task's own rep

Button values are decoded with `bot.views.values`: ephemeral messages come back without the
message, so the value is all a listener gets. It is never trusted for authorisation beyond
telling the task's rep from everyone else: Reply still decides what may change.
"""

from __future__ import annotations

import logging
from typing import Any, TypeVar

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond

from bot import ids
from bot.listeners._card_actions import KIND, press
from bot.listeners._common import create_in_background, first_answer, send
from bot.listeners._ways_in import open_carried
from bot.messages import actions as action_words
from bot.messages import outcomes as words
from bot.views import error_card
from bot.views.values import (
    ButtonValueError,
    CommandRef,
    ContactPick,
    FormRef,
    TaskRef,
    decode,
    decode_any,
)
from bot.wiring import Dependencies

log = logging.getLogger(__name__)

_Ref = TypeVar("_Ref", CommandRef, ContactPick, TaskRef)


def register(app: AsyncApp, deps: Dependencies) -> None:
    async def rerun_command(
        ack: AsyncAck, action: dict[str, Any], body: dict[str, Any], respond: AsyncRespond
    ) -> None:
        """A contact pick (the command again, with that contact) or 'Try again'."""
        await ack()
        ref: ContactPick | CommandRef | None
        if action.get("action_id") == ids.TRY_AGAIN:
            ref = await _value(action, CommandRef, respond)
        else:
            ref = await _value(action, ContactPick, respond)
        if ref is None:
            return
        await _rerun(
            deps,
            respond,
            command=ref.command,
            complete=ref.complete,
            user_id=_user(body),
            contact_id=ref.contact_id if isinstance(ref, ContactPick) else None,
        )

    app.action(ids.PICK_CONTACT_PATTERN)(rerun_command)
    app.action(ids.TRY_AGAIN)(rerun_command)

    @app.action(ids.OPEN_FORM)
    async def open_in_form(
        ack: AsyncAck, action: dict[str, Any], body: dict[str, Any], respond: AsyncRespond
    ) -> None:
        await ack()
        try:
            carried = decode_any(str(action.get("value") or ""))
        except ButtonValueError as error:
            log.warning("unreadable Open in form value: %s", error)
            carried = None
        if not isinstance(carried, CommandRef | FormRef):
            await send(respond, error_card(words.STALE_BUTTON), replace=False)
            return
        await open_carried(deps, body, carried, respond)

    async def card_button(
        ack: AsyncAck, action: dict[str, Any], body: dict[str, Any], respond: AsyncRespond
    ) -> None:
        await ack()
        ref = await _value(action, TaskRef, respond)
        if ref is None:
            return
        action_id = str(action["action_id"])
        if _user(body) != ref.owner:
            refusal = error_card(action_words.not_owner(KIND[action_id]))
            await send(respond, refusal, replace=False)
            return
        await press(deps, action_id, ref, body, respond)

    for action_id in KIND:
        app.action(action_id)(card_button)


async def _rerun(
    deps: Dependencies,
    respond: AsyncRespond,
    *,
    command: str,
    complete: bool,
    user_id: str,
    contact_id: int | None,
) -> None:
    """Run the command on the button again (with the picked contact, if any); its answers
    replace the message the button was on."""
    if not complete:
        await send(respond, error_card(words.COMMAND_CUT, command=command), replace=True)
        return
    answer = await first_answer(deps, text=command, user_id=user_id)
    await send(respond, answer.card, replace=True)
    if answer.draft is not None:
        await create_in_background(
            deps,
            respond,
            draft=answer.draft,
            command=command,
            owner=user_id,
            tz=answer.tz,
            contact_id=contact_id,
            note=answer.zone_note,
        )


async def _value(action: dict[str, Any], kind: type[_Ref], respond: AsyncRespond) -> _Ref | None:
    try:
        return decode(str(action.get("value") or ""), kind)
    except ButtonValueError as error:
        log.warning("unreadable %s button value: %s", action.get("action_id"), error)
        await send(respond, error_card(words.STALE_BUTTON), replace=False)
        return None


def _user(body: dict[str, Any]) -> str:
    return str(body["user"]["id"])
