"""Opening the task form, and what every step of it needs to know about the rep.

    meta = form_metadata(Origin.COMMAND, profile, user_id="U1", channel_id="C1", response_url=…)
    opened = await open_form(deps, trigger_id, task_modal(form, …), user_id="U1", respond=respond)
    ctx = await form_context(deps, meta)          # the rep's clock, at submit or rebuild time

Trigger ids last 3 s and work once (slack-notes §2.3), so `views.open` comes before any call
to Reply: callers gather what is quick (the rep's zone, cached; a message's permalink, bounded
by `deps.profile_wait`) and open; anything Reply must answer follows with `views.update`
(view id + hash, so a rebuild the rep caused in between is never overwritten).

The rep's zone travels in `private_metadata` as text: an IANA name, or `UTC+05:30` for a rep
Slack only knows by offset (`bot.users`), so a submission is read on the clock the form was
opened with, without asking `users.info` again.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Mapping
from typing import TypedDict, Unpack

from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.models.views import View

from bot import ids
from bot.domain import Field
from bot.forms import (
    EditedTask,
    FormMetadata,
    FormValues,
    Origin,
    contact_errors,
    contact_label,
)
from bot.listeners._common import date_context, rep_profile, send
from bot.listeners._delivery import direct_message
from bot.messages import saving as words
from bot.parsing.dates import DateContext, read_zone, zone_label
from bot.service import ContactUnresolved, Trouble
from bot.users import UserProfile
from bot.views import error_card
from bot.views.modal import Mode, task_modal
from bot.wiring import Dependencies

log = logging.getLogger(__name__)


class CardPlace(TypedDict, total=False):
    """Where a form's card goes and what it answers (`FormMetadata`'s fields of the same
    names; `_delivery` reads them)."""

    channel_id: str | None
    thread_ts: str | None
    message_ts: str | None
    response_url: str | None
    permalink: str | None


def form_metadata(
    origin: Origin,
    profile: UserProfile,
    *,
    user_id: str,
    editing: EditedTask | None = None,
    **where: Unpack[CardPlace],
) -> FormMetadata:
    """A new form's metadata: who opened it and how, their clock, where the card goes, and a
    nonce that tells a repeated submit of this form from a new one."""
    return FormMetadata(
        origin=origin,
        user_id=user_id,
        tz=zone_label(profile.tz),
        locale=profile.locale,
        nonce=secrets.token_urlsafe(9),
        editing=editing,
        **where,
    )


def form_mode(meta: FormMetadata) -> Mode:
    return "edit" if meta.editing is not None else "create"


async def form_context(deps: Dependencies, meta: FormMetadata) -> DateContext:
    """The rep's clock for reading the form: the zone it was opened with, else users.info."""
    tz = read_zone(meta.tz)
    if tz is not None and meta.locale:
        return DateContext(now=deps.clock(), tz=tz, locale=meta.locale)
    profile = await rep_profile(deps, meta.user_id)
    return DateContext(now=deps.clock(), tz=tz or profile.tz, locale=meta.locale or profile.locale)


async def form_profile(deps: Dependencies, user_id: str) -> tuple[UserProfile, DateContext]:
    profile = await rep_profile(deps, user_id)
    return profile, date_context(deps, profile)


async def open_form(
    deps: Dependencies,
    trigger_id: str,
    view: View,
    *,
    user_id: str,
    respond: AsyncRespond | None,
    thread_ts: str | None = None,
) -> tuple[str, str] | None:
    """`views.open` for `user_id`; the view's (id, hash), or None when Slack refused. The rep
    clicked and expects a form, so the reason is said: through `respond` when there is one
    (in the thread `thread_ts`, where a message shortcut was used), else (a global shortcut
    has no response_url, slack-notes §2.4) in their DM."""
    try:
        opened = await deps.slack.views_open(trigger_id=trigger_id, view=view)
    except SlackApiError as error:
        reason = str(error.response.get("error") or "an error")
        log.error("views.open failed: %s", reason)
        card = error_card(words.form_not_opened(reason))
        if respond is None or not await send(respond, card, replace=False, thread_ts=thread_ts):
            await direct_message(deps, user_id, card)
        return None
    stored = opened.get("view") or {}
    return str(stored.get("id")), str(stored.get("hash"))


async def update_form(deps: Dependencies, view_id: str, view_hash: str | None, view: View) -> bool:
    """`views.update` guarded by the hash; False when the rep changed or closed the form
    meanwhile (Slack's `hash_conflict`, `not_found`), which is not an error."""
    try:
        await deps.slack.views_update(view_id=view_id, hash=view_hash, view=view)
    except SlackApiError as error:
        reason = error.response.get("error")
        if reason in ("hash_conflict", "not_found"):
            log.info(
                "form %s changed or closed before taskbot could update it (%s)", view_id, reason
            )
        else:
            log.error("views.update of form %s failed: %s", view_id, reason)
        return False
    return True


async def redraw(
    deps: Dependencies,
    opened: tuple[str, str | None],
    form: FormValues,
    meta: FormMetadata,
    *,
    notices: Mapping[Field, str],
    confirmations: Mapping[Field, str],
) -> bool:
    """The open form (`opened`: its view id and hash) drawn again from `form`, with these
    notices and confirmations under its fields (`update_form`)."""
    view = task_modal(
        form,
        mode=form_mode(meta),
        metadata=meta,
        notices=notices,
        confirmations=confirmations,
        sandbox=deps.in_sandbox,
    )
    return await update_form(deps, opened[0], opened[1], view)


async def confirm_contact(
    deps: Dependencies,
    opened: tuple[str, str],
    form: FormValues,
    meta: FormMetadata,
    notices: dict[Field, str],
) -> None:
    """After a form opened with a typed contact (an email, `#id`, a name from a command):
    ask Reply who it is and say so under the field — the contact found, or that none or
    several match. The value itself stays as typed: Slack keeps an input's value across
    `views.update` (slack-notes §2.3), and the rep may already have changed it."""
    choice = form.contact
    if choice is None:
        return
    found = await deps.service.look_up_contact(choice.query)
    if isinstance(found, Trouble):
        log.info("could not confirm the form's contact: %s", found.message)
        return
    confirmations: dict[Field, str] = {}
    if isinstance(found, ContactUnresolved):
        problem = contact_errors(choice, found.matches)[ids.CONTACT_BLOCK]
        notices = {**notices, "contact": problem}
    else:
        notices = {key: value for key, value in notices.items() if key != "contact"}
        confirmations["contact"] = words.contact_found(contact_label(found))
    await redraw(deps, opened, form, meta, notices=notices, confirmations=confirmations)
