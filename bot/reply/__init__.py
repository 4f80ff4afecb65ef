"""Reply API v3: the asynchronous client, its errors and retry policy (and the sandbox).

    from bot.reply import ReplyClient, ReplyError, RetryPolicy

The names below are imported on first use (PEP 562), so modules that only need
`bot.reply.enums` (such as `bot.settings`) do not pay for httpx and pydantic models.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.reply._headers import RateLimit
    from bot.reply.client import ReplyClient
    from bot.reply.enums import Dialect
    from bot.reply.errors import (
        FieldError,
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
    from bot.reply.retry import NO_RETRY, RetryDecision, RetryPolicy

__all__ = [
    "NO_RETRY",
    "Dialect",
    "FieldError",
    "RateLimit",
    "ReplyAuthenticationError",
    "ReplyClient",
    "ReplyConflict",
    "ReplyConnectionError",
    "ReplyError",
    "ReplyNotFound",
    "ReplyPermissionError",
    "ReplyRateLimited",
    "ReplyServerError",
    "ReplyStatusError",
    "ReplyTimeout",
    "ReplyTransportError",
    "ReplyUnexpectedResponse",
    "ReplyValidationError",
    "RetryDecision",
    "RetryPolicy",
    "TaskMayHaveBeenCreated",
]

_HOMES = {
    "Dialect": "bot.reply.enums",
    "FieldError": "bot.reply.errors",
    "NO_RETRY": "bot.reply.retry",
    "RateLimit": "bot.reply._headers",
    "ReplyAuthenticationError": "bot.reply.errors",
    "ReplyClient": "bot.reply.client",
    "ReplyConflict": "bot.reply.errors",
    "ReplyConnectionError": "bot.reply.errors",
    "ReplyError": "bot.reply.errors",
    "ReplyNotFound": "bot.reply.errors",
    "ReplyPermissionError": "bot.reply.errors",
    "ReplyRateLimited": "bot.reply.errors",
    "ReplyServerError": "bot.reply.errors",
    "ReplyStatusError": "bot.reply.errors",
    "ReplyTimeout": "bot.reply.errors",
    "ReplyTransportError": "bot.reply.errors",
    "ReplyUnexpectedResponse": "bot.reply.errors",
    "ReplyValidationError": "bot.reply.errors",
    "RetryDecision": "bot.reply.retry",
    "RetryPolicy": "bot.reply.retry",
    "TaskMayHaveBeenCreated": "bot.reply.errors",
}


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOMES])
