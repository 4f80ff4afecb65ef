"""The task modal: its submission, and the selects that reshape it while it is open.

    view_submission  ids.TASK_MODAL     check, save within a budget, close (`_submit`)
    block_actions    ids.TYPE_SELECT    a new type shows or hides the LinkedIn action and
                     ids.LINKEDIN_SELECT  the subject: the modal is rebuilt from what the rep
                                          entered and `views.update`d with its hash

A rebuild never loses anything typed: Slack keeps every input whose block_id and action_id
are unchanged (slack-notes §2.3), and the values of fields the new type hides travel in
`private_metadata` until they come back (`bot.forms.HiddenValues`).
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck

from bot import ids
from bot.forms import FormMetadataError, read_view
from bot.listeners._forms import redraw
from bot.listeners._submit import submit_form
from bot.views.modal import shown_notices
from bot.wiring import Dependencies

log = logging.getLogger(__name__)


def register(app: AsyncApp, deps: Dependencies) -> None:
    @app.view(ids.TASK_MODAL)
    async def task_form_submitted(ack: AsyncAck, body: dict[str, Any]) -> None:
        await submit_form(deps, ack, body)

    async def reshape(ack: AsyncAck, body: dict[str, Any]) -> None:
        await ack()
        await rebuild(deps, body.get("view") or {})

    app.action(ids.TYPE_SELECT)(reshape)
    app.action(ids.LINKEDIN_SELECT)(reshape)


async def rebuild(deps: Dependencies, view: dict[str, Any]) -> None:
    """The modal again, from what it holds now (a type or LinkedIn action was chosen), with
    the notices it showed: only the one about the choice just made is answered."""
    try:
        form, meta = read_view(view)
    except FormMetadataError as error:
        log.warning("cannot rebuild a task form without readable metadata: %s", error)
        return
    notices, confirmations = shown_notices(view)
    if form.task_type is not None:
        notices.pop("task_type", None)  # chosen now: "which type?" is answered
    if form.linkedin_action is not None:
        notices.pop("linkedin_action", None)
    opened = (str(view.get("id")), view.get("hash"))
    await redraw(deps, opened, form, meta, notices=notices, confirmations=confirmations)
