"""Reply's errors as plain sentences, each ending with what to do next.

    explain(error, doing="create the task", sandbox=False)
    -> Explanation(message="Reply is over its rate limit … Try again in 40 seconds.", details=())

The error types are `bot.reply.errors` (ARCHITECTURE rule 5: errors are types, users see
words). Statuses and their meaning follow reply-api-v3.md §3 and §4: 400 validation (with
`errors[].pointer` in the beta dialect), 401 a missing or revoked key, 403 a feature scope or
team membership, 404 not found *or* not visible, 409 a state conflict, 429 the
100-requests-a-minute limit with `Retry-After`, 5xx Reply's side.

The embedded sandbox is not Reply: when it is in use the words say "the Reply sandbox" and
point at taskbot's own configuration, never at someone's Reply account.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from bot.messages.form import FIELD_LABEL
from bot.reply.errors import (
    ReplyAuthenticationError,
    ReplyConflict,
    ReplyConnectionError,
    ReplyError,
    ReplyNotFound,
    ReplyPermissionError,
    ReplyRateLimited,
    ReplyServerError,
    ReplyStatusError,
    ReplyTimeout,
    ReplyTransportError,
    ReplyUnexpectedResponse,
    ReplyValidationError,
    TaskMayHaveBeenCreated,
)


@dataclass(frozen=True, slots=True)
class Explanation:
    """One sentence of what happened and what to do; `details` are extra lines (per field)."""

    message: str
    details: tuple[str, ...] = ()


def explain(error: ReplyError, *, doing: str, sandbox: bool) -> Explanation:
    """What a rep reads when `doing` (e.g. "create the task") failed with `error`."""
    reply = "the Reply sandbox" if sandbox else "Reply"
    if isinstance(error, TaskMayHaveBeenCreated):
        return Explanation(may_have_been_created(error.cause, sandbox=sandbox, searched=False))
    if isinstance(error, ReplyValidationError):
        return _validation(error, doing=doing, reply=reply)
    if isinstance(error, ReplyAuthenticationError):
        return Explanation(_authentication(sandbox))
    if isinstance(error, ReplyStatusError):
        return Explanation(_status(error, doing=doing, reply=_cap(reply)))
    if isinstance(error, ReplyTransportError):
        return Explanation(_transport(error, doing=doing, reply=reply, sandbox=sandbox))
    return Explanation(_unreadable(error, doing=doing, reply=_cap(reply)))


def _unreadable(error: ReplyError, *, doing: str, reply: str) -> str:
    if isinstance(error, ReplyUnexpectedResponse):
        return (
            f"{reply} answered in a way taskbot doesn't understand, so it couldn't {doing}. "
            "taskbot has logged it; try again later, and tell whoever runs taskbot if it "
            "keeps happening."
        )
    return f"taskbot couldn't {doing}: {error.message}"


def _status(error: ReplyStatusError, *, doing: str, reply: str) -> str:
    """403, 404, 409, 429, 5xx and the rest (reply-api-v3.md §3, §4)."""
    if isinstance(error, ReplyPermissionError):
        return (
            f"{reply} didn't let taskbot {doing}: the Reply user behind taskbot's API key "
            "lacks a feature or team membership this needs. Ask your Reply admin to check that "
            "user's plan and team."
        )
    if isinstance(error, ReplyNotFound):
        return (
            f"{reply} couldn't find what taskbot needed to {doing}: it may have been "
            "deleted, or the Reply user behind taskbot's API key can't see it. Check it in "
            "Reply, then try again."
        )
    if isinstance(error, ReplyConflict):
        detail = f" ({error.detail.rstrip('.')})" if error.detail else ""
        return (
            f"{reply} refused to {doing} because of the task's current state{detail}. "
            "Look at the task in Reply to see where it stands."
        )
    if isinstance(error, ReplyRateLimited):
        return (
            f"{reply} is over its rate limit (100 requests a minute per user), so "
            f"taskbot couldn't {doing}. {retry_hint(error.retry_after)}"
        )
    if isinstance(error, ReplyServerError):
        return (
            f"{reply} had a problem on its side (HTTP {error.status}) and couldn't "
            f"{doing}. Try again in a few minutes."
        )
    said = f": {error.detail.rstrip('.')}" if error.detail else ""
    return (
        f"{reply} turned down the request to {doing} (HTTP {error.status}{said}). "
        "If it keeps happening, tell whoever runs taskbot."
    )


def may_have_been_created(cause: ReplyError, *, sandbox: bool, searched: bool) -> str:
    """The create may have reached Reply but no usable answer came back, and looking for the
    task did not settle it (`searched`: the search ran and found nothing; otherwise it could
    not run). Never suggest simply retrying: that could make a second task."""
    reply = "the Reply sandbox" if sandbox else "Reply"
    what = _what_went_wrong(cause, reply)
    if searched:
        found = f"taskbot looked right after and can't find the task in {reply}, but"
        return (
            f"{what}. {found} {reply} may still be saving it. Check your tasks in Reply before "
            "you create it again, so you don't end up with two."
        )
    return (
        f"{what}, and taskbot couldn't check whether the task was saved. It may be in "
        f"{reply}: check your tasks there before you create it again, so you don't end up "
        "with two."
    )


def not_saved_after_error(cause: ReplyError, *, sandbox: bool) -> str:
    """Reply answered the create with an error and the task is not there: safe to retry."""
    reply = "the Reply sandbox" if sandbox else "Reply"
    return (
        f"{_what_went_wrong(cause, reply)}, and the task is not in {reply} (taskbot checked). "
        "Try again in a minute."
    )


def reconciled_note(*, sandbox: bool) -> str:
    """Above a card found after the create's answer was lost (timeout, dropped connection)."""
    reply = "The Reply sandbox" if sandbox else "Reply"
    return (
        f"{reply}'s answer got lost on the way, but your task is there: taskbot found it "
        "instead of creating it twice."
    )


def retry_hint(seconds: float | None) -> str:
    """ "Try again in 40 seconds." from a Retry-After value (rounded up)."""
    if seconds is None or seconds <= 0:
        return "Try again in a minute."
    whole = math.ceil(seconds)
    if whole < 90:
        return f"Try again in {whole} second{'s' if whole != 1 else ''}."
    minutes = math.ceil(whole / 60)
    return f"Try again in {minutes} minutes."


def _validation(error: ReplyValidationError, *, doing: str, reply: str) -> Explanation:
    details = tuple(
        f"{FIELD_LABEL[e.field]}: {e.detail}" if e.field else e.detail
        for e in error.field_errors
        if e.detail
    )
    if error.status is None:
        return Explanation(f"taskbot didn't send this to {reply}; fix these first:", details)
    if not details:
        said = error.detail or error.title or "the request is not valid"
        return Explanation(f"{_cap(reply)} refused to {doing}: {said.rstrip('.')}.")
    return Explanation(f"{_cap(reply)} refused to {doing}:", details)


def _authentication(sandbox: bool) -> str:
    if sandbox:
        return (
            "The Reply sandbox refused taskbot's key. That only happens when a test asks it "
            "to; restart taskbot, and tell whoever runs it if it keeps happening."
        )
    return (
        "Reply didn't accept taskbot's API key: it is wrong, or it was revoked. Whoever runs "
        "taskbot needs to set REPLY_API_KEY to a working key (Reply → Settings → API Key) "
        "and check REPLY_API_DIALECT."
    )


def _transport(error: ReplyTransportError, *, doing: str, reply: str, sandbox: bool) -> str:
    if isinstance(error, ReplyTimeout):
        return f"{_cap(reply)} didn't answer in time, so taskbot couldn't {doing}. Try again."
    if sandbox:
        return f"taskbot lost its connection to the Reply sandbox and couldn't {doing}. Try again."
    return (
        f"taskbot couldn't reach Reply to {doing} (a network problem, or Reply is down). "
        "Try again in a few minutes."
    )


def _what_went_wrong(cause: ReplyError, reply: str) -> str:
    if isinstance(cause, ReplyTimeout):
        return f"{_cap(reply)} didn't answer in time while taskbot was creating your task"
    if isinstance(cause, ReplyConnectionError):
        return f"The connection to {reply} broke while taskbot was creating your task"
    if isinstance(cause, ReplyStatusError) and cause.status is not None:
        return f"{_cap(reply)} answered with an error (HTTP {cause.status}) to the new task"
    return f"{_cap(reply)} sent an answer taskbot couldn't read for the new task"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]
