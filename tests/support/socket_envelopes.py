"""Socket Mode's messages as Slack sends them, and the rules an app's ack must follow
(docs.slack.dev/apis/events-api/using-socket-mode; the shapes of slack_sdk's
socket_mode.request.SocketModeRequest and socket_mode.response.SocketModeResponse).

    Slack → app   {"type": "hello", "num_connections", "debug_info", "connection_info"}
                  {"envelope_id", "type", "payload", "accepts_response_payload"}
                  {"type": "disconnect", "reason", "debug_info"}
    app → Slack   {"envelope_id", "payload"?}     the ack, within 3 s

Used by `tests.support.socket_mode_slack`, the fake's WebSocket side.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from bot.console.slack_standin import SlackError
from bot.console.slack_standin.acks import ack_problems
from bot.console.slack_standin.methods import message_content

EnvelopeType = Literal["slash_commands", "interactive", "events_api"]
DisconnectReason = Literal["warning", "refresh_requested", "link_disabled"]

HOST = "applink-taskbot-test"
"""`debug_info.host`: which of Slack's servers a connection is on."""

# Interactions whose ack may carry a payload (what Bolt's ack() sends): the options of a
# block_suggestion, the response_action of a view_submission. A slash command's ack carries
# the message the rep sees first.
_ANSWERABLE_INTERACTIONS = frozenset({"block_suggestion", "view_submission"})
_ACK_FIELDS = frozenset({"envelope_id", "payload"})


@dataclass(frozen=True)
class Ack:
    """The app's answer to an envelope, and the connection (1, 2, …) it came over."""

    envelope_id: str
    payload: dict[str, Any] | None
    link: int


@dataclass
class Envelope:
    """An envelope sent to the app, and its ack once it arrives (or why Slack refused it)."""

    message: dict[str, Any]
    answered: asyncio.Future[Ack] = field(
        default_factory=lambda: asyncio.get_running_loop().create_future()
    )

    @property
    def id(self) -> str:
        return str(self.message["envelope_id"])

    @property
    def kind(self) -> str:
        return str(self.message["type"])

    @property
    def accepts_payload(self) -> bool:
        return bool(self.message["accepts_response_payload"])


def envelope(
    kind: EnvelopeType, payload: Mapping[str, Any], *, accepts_response_payload: bool | None
) -> Envelope:
    """A new envelope; by default a slash command, a block_suggestion and a view_submission
    accept a payload in the ack, block_actions and shortcuts do not."""
    if accepts_response_payload is None:
        accepts_response_payload = (
            kind == "slash_commands" or payload.get("type") in _ANSWERABLE_INTERACTIONS
        )
    return Envelope(
        {
            "envelope_id": str(uuid.uuid4()),
            "payload": dict(payload),
            "type": kind,
            "accepts_response_payload": accepts_response_payload,
        }
    )


def hello(app_id: str, num_connections: int) -> dict[str, Any]:
    return {
        "type": "hello",
        "num_connections": num_connections,
        "debug_info": {"host": HOST, "build_number": 1, "approximate_connection_time": 3600},
        "connection_info": {"app_id": app_id},
    }


def disconnect(reason: DisconnectReason) -> dict[str, Any]:
    return {"type": "disconnect", "reason": reason, "debug_info": {"host": HOST}}


def ack_problem(sent: Envelope, ack: Mapping[str, Any]) -> str | None:
    """Why Slack would not take `ack` as the answer to `sent`, or None."""
    if sent.answered.done():
        return f"a second ack of the {sent.kind} envelope {sent.id}"
    unknown = set(ack) - _ACK_FIELDS
    if unknown:
        return f"the ack of {sent.id} has fields Slack does not read: {sorted(unknown)}"
    payload = ack.get("payload")
    return None if payload is None else _payload_problem(sent, payload)


def _payload_problem(sent: Envelope, payload: Any) -> str | None:
    if not sent.accepts_payload:
        return (
            f"the ack of the {sent.kind} envelope {sent.id} carries a payload, but the "
            "envelope does not accept one (accepts_response_payload: false)"
        )
    if not isinstance(payload, dict):
        return f"the ack payload of {sent.id} is not a JSON object: {payload!r}"
    if sent.kind == "slash_commands":
        try:
            message_content(payload)  # shown to the rep: a message, checked like chat.*
        except SlackError as refused:
            return (
                f"Slack would refuse the message in the ack of {sent.id}: "
                f"{refused.error} {refused.extra}"
            )
    # Options, view_submission errors and views: what Slack takes over HTTP, it takes here.
    problems = ack_problems(sent.message["payload"], payload)
    if problems:
        return f"Slack would not take the ack of {sent.id}: " + "; ".join(problems)
    return None
