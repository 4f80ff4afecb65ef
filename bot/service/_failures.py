"""Reply's errors as every use case reports them: one reading, for `/task`, the form and the
card buttons.

    trouble(error, doing=DOING_DONE, sandbox=True)              # -> Trouble
    refused_or_trouble(error, doing=DOING_SAVE, sandbox=False)  # -> Refused | Trouble

The words come from `bot.messages.reply.explain`; this adds what the words cannot carry:
whether sending the same request again is safe, and whether it may help.
"""

from __future__ import annotations

import logging

from bot.messages.reply import explain
from bot.reply.errors import (
    ReplyError,
    ReplyRateLimited,
    ReplyServerError,
    ReplyTransportError,
    ReplyUnexpectedResponse,
    ReplyValidationError,
    TaskMayHaveBeenCreated,
)
from bot.service.outcomes import Refused, Trouble

log = logging.getLogger(__name__)


def trouble(error: ReplyError, *, doing: str, sandbox: bool) -> Trouble:
    """`doing` (e.g. "mark the task done") failed with `error`, in words.

    Only an unclear create (`TaskMayHaveBeenCreated`) is unsafe to send again; every other
    error reaching here was either not acted on (a definite answer, or a request that never
    left) or is safe to repeat (reads, PUT, and card buttons, which read the task first)."""
    log.info("Reply could not %s: %s", doing, error)
    explanation = explain(error, doing=doing, sandbox=sandbox)
    return Trouble(
        message=explanation.message,
        details=explanation.details,
        retry_safe=not isinstance(error, TaskMayHaveBeenCreated),
        transient=transient(error),
    )


def refused_or_trouble(error: ReplyError, *, doing: str, sandbox: bool) -> Refused | Trouble:
    """A write's failure: Reply's 400 keeps its field pointers for the form (`Refused`);
    anything else is `trouble`."""
    if not (isinstance(error, ReplyValidationError) and error.status is not None):
        return trouble(error, doing=doing, sandbox=sandbox)
    log.info("Reply refused to %s: %s", doing, error)
    explanation = explain(error, doing=doing, sandbox=sandbox)
    return Refused(
        field_errors=error.field_errors,
        message=explanation.message,
        details=explanation.details,
    )


def transient(error: ReplyError) -> bool:
    """A failure that passes: Reply's limiter (429 answers before handling, reply-api-v3.md
    §4), its 5xx, the network, an answer taskbot could not read. Reply's verdicts (400, 401,
    403, 404, 409) stay the same however often the request is sent.

    A create never reaches here with a 5xx or an answer lost after sending: those are
    `TaskMayHaveBeenCreated`, reconciled before anyone is told (`bot.service.reconcile`)."""
    return isinstance(
        error,
        ReplyRateLimited
        | ReplyServerError
        | ReplyTransportError
        | ReplyUnexpectedResponse
        | TaskMayHaveBeenCreated,
    )
