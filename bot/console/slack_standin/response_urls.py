"""response_urls on the Slack stand-in: what a post does, and when Slack stops taking them.

Slack's rules (slack-notes §2.4; docs.slack.dev/interactivity/handling-user-interaction): a
response_url takes 5 posts within 30 minutes; messages are ephemeral unless `response_type` is
`in_channel`; `replace_original` and `delete_original` act on the message the interaction came
from. Past its limits the stand-in answers 404 `used_url` / `expired_url` (our reading of Slack's
error names), and unknown URLs 404 `invalid_url`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from bot.console.slack_standin.methods import SlackError, message_content, truthy

if TYPE_CHECKING:
    from bot.console.slack_standin.core import SlackStandIn

RESPONSE_URL_USES = 5
RESPONSE_URL_TTL = timedelta(minutes=30)


@dataclass
class ResponseUrlState:
    """One response_url: the message it acts on (`original`) and what was posted to it, kept
    as operations so the original may be learnt after the posts arrived (the ack of a slash
    command reaches the test only after the app may already have responded)."""

    issued: datetime
    uses: int = 0
    original: dict[str, Any] | None = None
    operations: list[tuple[str, dict[str, Any] | None]] = field(default_factory=list)

    def visible(self) -> list[dict[str, Any]]:
        shown = [self.original] if self.original is not None else []
        for operation, message in self.operations:
            if operation == "delete":
                if shown:
                    shown.pop()
            elif operation == "replace" and shown and message is not None:
                shown[-1] = message
            elif message is not None:
                shown.append(message)
        return shown


def post_to_response_url(
    slack: SlackStandIn, state: ResponseUrlState | None, body: Mapping[str, Any]
) -> tuple[int, dict[str, Any]]:
    """Apply a post the way Slack does (slack-notes §2.4): ephemeral unless `in_channel`;
    `replace_original` / `delete_original` act on the message the interaction came from."""
    if state is None:
        return 404, {"ok": False, "error": "invalid_url"}
    if slack.clock() - state.issued > RESPONSE_URL_TTL:
        return 404, {"ok": False, "error": "expired_url"}
    if state.uses >= RESPONSE_URL_USES:
        return 404, {"ok": False, "error": "used_url"}
    if truthy(body.get("delete_original")):
        state.uses += 1
        state.operations.append(("delete", None))
        return 200, {"ok": True}
    try:
        text, blocks = message_content(body)
    except SlackError as error:
        return 400, {"ok": False, "error": error.error, **error.extra}
    message: dict[str, Any] = {
        "text": text,
        "response_type": body.get("response_type") or "ephemeral",
    }
    if blocks is not None:
        message["blocks"] = blocks
    state.uses += 1
    replace = truthy(body.get("replace_original"))
    state.operations.append(("replace" if replace else "post", message))
    return 200, {"ok": True}
