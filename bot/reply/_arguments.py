"""Checks on arguments before anything is sent: the mistakes Reply would answer with a 400.

Each failure is a `ReplyValidationError` (status None) whose pointer is the parameter's
name as Reply would report it (a bare name for a route or query parameter, §3), so callers
handle a client-side refusal exactly like the server's.
"""

from __future__ import annotations

from datetime import datetime

from bot.clock import is_aware
from bot.linkedin import profile_key
from bot.reply.errors import ReplyValidationError

MAX_PAGE_SIZE = 1000  # `top`: "default 25, max 1000" (reply-api-v3.md §2)


def positive_id(value: int, name: str) -> int:
    # bool is an int, and a Slack payload's "42" is not one: refuse both.
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ReplyValidationError.bad_argument(
            name, f"'{name}' must be a positive integer, got {value!r}."
        )
    return value


def non_blank(value: str, name: str) -> str:
    """The text without surrounding blanks; refused when nothing is left."""
    if not isinstance(value, str) or not value.strip():
        raise ReplyValidationError.bad_argument(name, f"'{name}' must not be empty.")
    return value.strip()


def page_size(value: int, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_PAGE_SIZE:
        raise ReplyValidationError.bad_argument(
            name, f"'{name}' must be between 1 and {MAX_PAGE_SIZE}, got {value!r}."
        )
    return value


def aware(value: datetime | None, name: str) -> datetime | None:
    if value is not None and not is_aware(value):
        raise ReplyValidationError.bad_argument(
            name, f"'{name}' must be timezone-aware, got naive {value.isoformat()}."
        )
    return value


def profile_url(value: str, name: str) -> str:
    """A LinkedIn profile URL: a host and a path (`linkedin.com/in/jane-doe`)."""
    text = non_blank(value, name)
    if "/" not in profile_key(text).strip("/"):
        raise ReplyValidationError.bad_argument(
            name,
            f"'{name}' must be a profile URL such as https://www.linkedin.com/in/jane-doe, "
            f"got {text!r}.",
        )
    return text
