"""Every way into the task form: `/task` alone, the global and message shortcuts, and
'Open in form' on an answer that could not finish.

Each opens the modal at once with what is known without Reply — the rep's zone (cached
users.info), for a message its permalink and the names it mentions, all bounded together by
`deps.profile_wait` — because the trigger id dies 3 s after the click (slack-notes §2.3).
What needs Reply (who a typed contact is) follows with `views.update` (`confirm_contact`).
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Mapping
from typing import Any, Final, Unpack

from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError

from bot.domain import Field
from bot.forms import FormValues, Origin, notices_from
from bot.listeners._carry import edited_task, form_from_ref
from bot.listeners._common import channel_of, date_context, rep_profile
from bot.listeners._forms import (
    CardPlace,
    confirm_contact,
    form_metadata,
    form_mode,
    form_profile,
    open_form,
)
from bot.messages import saving as words
from bot.users import UserProfile
from bot.views.modal import task_modal
from bot.views.values import CommandRef, FormRef
from bot.wiring import Dependencies

log = logging.getLogger(__name__)

MAX_NAMES: Final = 10
"""Mentioned people and channels named in a message's body at most (one users.info each)."""
_MENTION: Final = re.compile(r"<@([UW][A-Z0-9]+)>")


async def open_blank(
    deps: Dependencies,
    *,
    user_id: str,
    trigger_id: str,
    origin: Origin,
    respond: AsyncRespond | None,
    **where: Unpack[CardPlace],
) -> None:
    """`/task` alone or the global shortcut: a new form that starts now, due by type."""
    profile, ctx = await form_profile(deps, user_id)
    meta = form_metadata(origin, profile, user_id=user_id, **where)
    view = task_modal(FormValues.blank(ctx), mode="create", metadata=meta, sandbox=deps.in_sandbox)
    await open_form(deps, trigger_id, view, user_id=user_id, respond=respond)


async def open_from_message(
    deps: Dependencies, shortcut: Mapping[str, Any], respond: AsyncRespond
) -> None:
    """The message shortcut: the body is the message as plain text and its permalink; the
    card goes back to the message's channel, in its thread when it is in one."""
    user_id = str(shortcut["user"]["id"])
    message: Mapping[str, Any] = shortcut.get("message") or {}
    channel_id = str((shortcut.get("channel") or {}).get("id") or "") or None
    message_ts = str(message.get("ts") or shortcut.get("message_ts") or "") or None
    text = str(message.get("text") or "")
    profile, permalink, names = await _about_message(deps, user_id, channel_id, message_ts, text)
    ctx = date_context(deps, profile)
    form = FormValues.from_message(text, permalink, ctx, names=names)
    thread_ts = message.get("thread_ts")
    meta = form_metadata(
        Origin.MESSAGE_SHORTCUT,
        profile,
        user_id=user_id,
        channel_id=channel_id,
        thread_ts=str(thread_ts) if thread_ts else None,
        message_ts=message_ts,
        response_url=shortcut.get("response_url"),
        permalink=permalink,
    )
    view = task_modal(form, mode="create", metadata=meta, sandbox=deps.in_sandbox)
    trigger_id = str(shortcut["trigger_id"])
    await open_form(
        deps, trigger_id, view, user_id=user_id, respond=respond, thread_ts=meta.thread_ts
    )


async def open_carried(
    deps: Dependencies,
    body: Mapping[str, Any],
    carried: CommandRef | FormRef,
    respond: AsyncRespond,
) -> None:
    """'Open in form': a command's text read by the grammar, its problems as notices; or a
    form that closed before its save failed, as it was (an edit reopens as the same edit,
    with the task's own times). Saving replaces the card that offered the form."""
    user_id = str(body["user"]["id"])
    profile, ctx = await form_profile(deps, user_id)
    notices: dict[Field, str]
    editing = None
    if isinstance(carried, CommandRef):
        draft = deps.parse(carried.command, ctx).draft
        needs = deps.service.check(draft, command=carried.command)
        form = FormValues.from_draft(draft, ctx)
        notices = notices_from(needs.problems if needs is not None else draft.problems)
        if not carried.complete:
            notices["body"] = words.COMMAND_CUT_NOTICE
        confirm = form.contact is not None
    else:
        form, notices = form_from_ref(carried)
        editing = edited_task(carried)
        confirm = form.contact is not None and form.contact.needs_lookup
    meta = form_metadata(
        Origin.OPEN_IN_FORM if editing is None else Origin.CARD_EDIT,
        profile,
        user_id=user_id,
        channel_id=channel_of(body),
        response_url=body.get("response_url"),
        editing=editing,
    )
    mode = form_mode(meta)
    view = task_modal(form, mode=mode, metadata=meta, notices=notices, sandbox=deps.in_sandbox)
    opened = await open_form(deps, str(body["trigger_id"]), view, user_id=user_id, respond=respond)
    if opened is not None and confirm:
        work = confirm_contact(deps, opened, form, meta, notices)
        try:
            deps.background.spawn(work, name=f"confirm the form's contact for {user_id}")
        except RuntimeError:
            log.info("shutting down: the form's contact is checked on saving instead")


# --------------------------------------------------------------------------------------


async def _about_message(
    deps: Dependencies,
    user_id: str,
    channel_id: str | None,
    message_ts: str | None,
    text: str,
) -> tuple[UserProfile, str | None, dict[str, str]]:
    """The rep's profile, the message's permalink and the names of people it mentions, in
    parallel; whatever is not known within `deps.profile_wait` is left out."""
    mentioned = list(dict.fromkeys(_MENTION.findall(text)))[:MAX_NAMES]
    profile_job = asyncio.ensure_future(rep_profile(deps, user_id))  # bounded by itself
    permalink_job = asyncio.ensure_future(_permalink(deps, channel_id, message_ts))
    name_jobs = {uid: asyncio.ensure_future(deps.users.profile(uid)) for uid in mentioned}
    others = [permalink_job, *name_jobs.values()]
    await asyncio.wait([profile_job, *others], timeout=deps.profile_wait)
    for job in others:
        if not job.done():
            job.cancel()  # a users.info lookup carries on (shielded) and is cached
    profile = await profile_job
    permalink = permalink_job.result() if _finished(permalink_job) else None
    names = {
        uid: job.result().name
        for uid, job in name_jobs.items()
        if _finished(job) and job.result().name != uid
    }
    return profile, permalink, names


def _finished(job: asyncio.Future[Any]) -> bool:
    return job.done() and not job.cancelled() and job.exception() is None


async def _permalink(
    deps: Dependencies, channel_id: str | None, message_ts: str | None
) -> str | None:
    if not channel_id or not message_ts:
        return None
    try:
        answer = await deps.slack.chat_getPermalink(channel=channel_id, message_ts=message_ts)
    except SlackApiError as error:
        log.warning("chat.getPermalink failed: %s", error.response.get("error"))
        return None
    link = answer.get("permalink")
    return str(link) if link else None
