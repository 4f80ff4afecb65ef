"""Buttons on taskbot's messages (`block_actions`), each acked at once.

This module answers the buttons of `/task`'s own answers: a contact pick (`pick.N`) finishes
the command with the chosen contact, 'Try again' runs it again; both replace the message
they were on. The task card's buttons (done, edit, cancel, share, the call outcomes) and
'Open in form' belong to the form-and-buttons work (issue 5); until it lands they answer
with a short ephemeral note instead of failing, and leave the card as it was.

Button values are decoded with `bot.views.values`: ephemeral messages come back without the
message, so the value is all a listener gets (and is never trusted for authorisation).
"""

from __future__ import annotations

import logging
from typing import Any, TypeVar

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond

from bot import ids
from bot.listeners._common import create_in_background, deliver, first_answer
from bot.messages import outcomes as words
from bot.views import error_card
from bot.views.values import ButtonValueError, CommandRef, ContactPick, decode
from bot.wiring import Dependencies

log = logging.getLogger(__name__)

_Ref = TypeVar("_Ref", CommandRef, ContactPick)

# Card buttons whose actions ship with issue 5, and how to name them meanwhile.
_NOT_YET: dict[str, str] = {
    ids.DONE: words.FEATURE_DONE,
    ids.EDIT: words.FEATURE_EDIT,
    ids.CANCEL: words.FEATURE_CANCEL,
    ids.SHARE: words.FEATURE_SHARE,
    ids.OUTCOME_POSITIVE: words.FEATURE_OUTCOME,
    ids.OUTCOME_TO_CALL: words.FEATURE_OUTCOME,
    ids.OUTCOME_NEGATIVE: words.FEATURE_OUTCOME,
    ids.OUTCOME_BACK: words.FEATURE_OUTCOME,
}


def register(app: AsyncApp, deps: Dependencies) -> None:
    @app.action(ids.PICK_CONTACT_PATTERN)
    async def pick_contact(
        ack: AsyncAck, action: dict[str, Any], body: dict[str, Any], respond: AsyncRespond
    ) -> None:
        await ack()
        pick = await _value(action, ContactPick, respond)
        if pick is None:
            return
        await _rerun(
            deps,
            respond,
            command=pick.command,
            complete=pick.complete,
            user_id=_user(body),
            contact_id=pick.contact_id,
        )

    @app.action(ids.TRY_AGAIN)
    async def try_again(
        ack: AsyncAck, action: dict[str, Any], body: dict[str, Any], respond: AsyncRespond
    ) -> None:
        await ack()
        ref = await _value(action, CommandRef, respond)
        if ref is None:
            return
        await _rerun(
            deps,
            respond,
            command=ref.command,
            complete=ref.complete,
            user_id=_user(body),
            contact_id=None,
        )

    @app.action(ids.OPEN_FORM)
    async def open_form(ack: AsyncAck, action: dict[str, Any], respond: AsyncRespond) -> None:
        await ack()
        ref = await _value(action, CommandRef, respond)
        if ref is None:
            return
        card = error_card(words.form_not_available_yet(ref.command))
        await deliver(respond, card, replace=False)

    for action_id, feature in _NOT_YET.items():
        app.action(action_id)(_not_yet(feature))


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
        await deliver(respond, error_card(words.COMMAND_CUT, command=command), replace=True)
        return
    answer = await first_answer(deps, text=command, user_id=user_id)
    await deliver(respond, answer.card, replace=True)
    if answer.draft is not None:
        await create_in_background(
            deps,
            respond,
            draft=answer.draft,
            command=command,
            owner=user_id,
            tz=answer.tz,
            contact_id=contact_id,
        )


async def _value(action: dict[str, Any], kind: type[_Ref], respond: AsyncRespond) -> _Ref | None:
    try:
        return decode(str(action.get("value") or ""), kind)
    except ButtonValueError as error:
        log.warning("unreadable %s button value: %s", action.get("action_id"), error)
        await deliver(respond, error_card(words.STALE_BUTTON), replace=False)
        return None


def _not_yet(feature: str) -> Any:
    async def answer(ack: AsyncAck, respond: AsyncRespond) -> None:
        await ack()
        await deliver(respond, error_card(words.not_available_yet(feature)), replace=False)

    return answer


def _user(body: dict[str, Any]) -> str:
    return str(body["user"]["id"])
