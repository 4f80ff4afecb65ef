"""What every listener does the same way: who the rep is, how an outcome looks, how an answer
reaches the response_url, and how slow work starts after the ack."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import tzinfo
from typing import Any

import aiohttp
from slack_bolt.context.respond.async_respond import AsyncRespond

from bot.background import after_ack
from bot.domain import ContactQuery, TaskDraft
from bot.linkedin import profile_label
from bot.messages import outcomes as words
from bot.parsing.dates import DateContext, zone_label
from bot.service import (
    ChooseContact,
    ContactNotFound,
    Created,
    CreateOutcome,
    Current,
    Failed,
    NeedsForm,
    NotEditable,
    Saved,
)
from bot.users import UserProfile
from bot.views import (
    Card,
    CardContext,
    contact_pick_card,
    error_card,
    progress_card,
    task_card,
    usage_card,
)
from bot.wiring import Dependencies

log = logging.getLogger(__name__)


async def rep_profile(deps: Dependencies, user_id: str) -> UserProfile:
    """The rep's zone and locale (cached users.info), waiting at most `deps.profile_wait`
    so an ack is never late; past that, the workspace defaults (the lookup carries on and
    is cached for the next command)."""
    known = deps.users.cached(user_id)
    if known is not None:
        # The usual case, answered without wait_for's task and timer: on the ack's path.
        return known
    try:
        return await asyncio.wait_for(deps.users.profile(user_id), deps.profile_wait)
    except TimeoutError:
        log.warning(
            "users.info for %s took over %.1fs; using the default zone for this command",
            user_id,
            deps.profile_wait,
        )
        return deps.users.fallback(user_id)


def date_context(deps: Dependencies, profile: UserProfile) -> DateContext:
    return DateContext(now=deps.clock(), tz=profile.tz, locale=profile.locale)


ShowsTask = Created | Saved | NotEditable | Current
"""An outcome that ends in the task as Reply has it, with a sentence about it (or none)."""


def card_for(
    shown: ShowsTask,
    *,
    owner: str,
    tz: tzinfo,
    sandbox: bool,
    asking_outcome: bool = False,
    shared_by: str | None = None,
    also: str | None = None,
) -> Card:
    """The task card for an outcome that shows the task: its note (and `also`) above it,
    the buttons `owner` may press (none on a copy `shared_by` someone; the call outcomes
    when `asking_outcome`)."""
    context = CardContext(
        owner=owner,
        tz=tz,
        sandbox=sandbox,
        note=" ".join(n for n in (shown.note, also) if n) or None,
        asking_outcome=asking_outcome,
        shared_by=shared_by,
    )
    return task_card(shown.task, shown.contact, context)


def render(
    outcome: CreateOutcome, *, owner: str, tz: tzinfo, sandbox: bool, note: str | None = None
) -> Card:
    """The card for a use case's outcome (every one keeps the rep's command on its buttons);
    `note`: a sentence about how the command was read, above a created task."""
    if isinstance(outcome, Created):
        return card_for(outcome, owner=owner, tz=tz, sandbox=sandbox, also=note)
    if isinstance(outcome, ChooseContact):
        return contact_pick_card(
            outcome.query.value, outcome.candidates, command=outcome.command, total=outcome.total
        )
    if isinstance(outcome, ContactNotFound):
        return error_card(words.contact_not_found(outcome.query), command=outcome.command)
    if isinstance(outcome, NeedsForm):
        details = [problem.message for problem in outcome.problems]
        return error_card(words.NEEDS_MORE, details=details, command=outcome.command)
    if isinstance(outcome, Failed):
        trouble = outcome.trouble
        return error_card(
            trouble.message,
            details=trouble.details,
            command=outcome.command,
            retry=trouble.worth_retrying,
        )
    raise TypeError(f"no card for {type(outcome).__name__}")


async def send(
    respond: AsyncRespond,
    card: Card,
    *,
    replace: bool,
    response_type: str | None = None,
    thread_ts: str | None = None,
) -> bool:
    """Post `card` through a response_url (ephemeral unless `response_type` says otherwise);
    False (logged) when Slack did not take it (slack-notes §2.4: 5 uses within 30 minutes),
    so the caller can try another way (a form's card then goes to the rep's DM)."""
    try:
        answer = await respond(
            replace_original=replace,
            response_type=response_type,
            thread_ts=thread_ts,
            **card.message(),
        )
    except (aiohttp.ClientError, TimeoutError, ValueError) as error:
        # ValueError is Bolt's "respond is unsupported here as there is no response_url".
        log.error("could not post to the response_url: %s: %s", type(error).__name__, error)
        return False
    if answer.status_code != 200:
        log.error(
            "Slack refused a response_url post (HTTP %s): %s", answer.status_code, answer.body
        )
        return False
    return True


async def create_in_background(
    deps: Dependencies,
    respond: AsyncRespond,
    *,
    draft: TaskDraft,
    command: str,
    owner: str,
    tz: tzinfo,
    contact_id: int | None = None,
    ack_delivered: asyncio.Event | None = None,
    note: str | None = None,
) -> None:
    """Create the task once the ack has left (`bot.background.ACK_DELIVERED`); its card
    replaces the progress line, with `note` above it (`FirstAnswer.zone_note`)."""
    work = _create_and_show(
        deps,
        respond,
        draft=draft,
        command=command,
        owner=owner,
        tz=tz,
        contact_id=contact_id,
        ack_delivered=ack_delivered,
        note=note,
    )
    try:
        deps.background.spawn(work, name=f"create task for {owner}")
    except RuntimeError:
        await send(respond, error_card(words.SHUTTING_DOWN, command=command), replace=True)


async def _create_and_show(
    deps: Dependencies,
    respond: AsyncRespond,
    *,
    draft: TaskDraft,
    command: str,
    owner: str,
    tz: tzinfo,
    contact_id: int | None,
    ack_delivered: asyncio.Event | None,
    note: str | None,
) -> None:
    # Ack first, work after: Reply work started before its own ack has been written out
    # competes with that ack and the others of a burst (ack-latency benchmark: burst of 50,
    # p99 1.6x a bare Bolt app's, 1.4x waiting), and the card has to wait for it anyway.
    await after_ack(ack_delivered)
    try:
        if contact_id is None:
            outcome = await deps.service.create(draft, command=command)
        else:
            outcome = await deps.service.create_for_contact(draft, contact_id, command=command)
        card = render(outcome, owner=owner, tz=tz, sandbox=deps.in_sandbox, note=note)
    except Exception:
        # The rep must not be left looking at "Creating…" forever; Background logs the
        # traceback once this re-raises.
        await send(respond, error_card(words.UNEXPECTED, command=command), replace=True)
        raise
    await send(respond, card, replace=True)


@dataclass(frozen=True, slots=True)
class FirstAnswer:
    """What a rep sees at once after a command (the ack, or a replace after 'Try again'), and
    the draft to create afterwards (None: the answer is final)."""

    card: Card
    draft: TaskDraft | None
    tz: tzinfo
    zone_note: str | None = None
    """Set when `tz` is the workspace default because Slack did not give the rep's zone
    (users.info failed or was slower than `deps.profile_wait`): the card must say the
    times were read in it (slack-notes §3.5), or "tomorrow 9am" is silently off by hours."""


async def first_answer(deps: Dependencies, *, text: str, user_id: str) -> FirstAnswer:
    """Read `/task text` for `user_id` and decide the immediate answer (no Reply calls):
    help or nothing typed → the usage card; something missing or unreadable → what is
    missing, 'Open in form' carrying the text; otherwise the progress line."""
    profile = await rep_profile(deps, user_id)
    parsed = deps.parse(text, date_context(deps, profile))
    if parsed.is_help:
        return FirstAnswer(usage_card(), None, profile.tz)
    draft = parsed.draft
    needs = deps.service.check(draft, command=text)
    if needs is not None:
        card = render(needs, owner=user_id, tz=profile.tz, sandbox=deps.in_sandbox)
        return FirstAnswer(card, None, profile.tz)
    if deps.background.closed:
        return FirstAnswer(error_card(words.SHUTTING_DOWN, command=text), None, profile.tz)
    contact = contact_label(draft.contact) if draft.contact is not None else None
    card = progress_card(draft.task_type, draft.linkedin_action, contact)
    unknown = profile.zone_source == "default"
    zone_note = words.zone_unknown(zone_label(profile.tz)) if unknown else None
    return FirstAnswer(card, draft, profile.tz, zone_note)


def channel_of(body: Mapping[str, Any]) -> str | None:
    """The channel an interaction happened in (`channel.id`, else `container.channel_id`)."""
    channel = body.get("channel") or {}
    container = body.get("container") or {}
    found = channel.get("id") or container.get("channel_id")
    return str(found) if found else None


def contact_label(query: ContactQuery) -> str:
    """The contact as the progress line names it: `#30108`, `linkedin.com/in/jane`, or as
    typed (an email, a name)."""
    if query.kind == "id":
        return f"#{query.value}"
    if query.kind == "linkedin":
        return profile_label(query.value)
    return query.value
