"""Trigger ids as Slack hands them out: single use, valid for 3 s (slack-notes §2.3)."""

from __future__ import annotations

import itertools
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.clock import Clock
from bot.console.slack_standin.methods import SlackError

TRIGGER_TTL = timedelta(seconds=3)  # slack-notes §2.3: "expires after 3 s", single use


@dataclass
class _Trigger:
    issued: datetime
    view_id: str | None = None  # set when the interaction came from a modal (views.push)
    used: bool = False


class TriggerIds:
    """The trigger ids issued so far, and what using one again or too late answers."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._issued: dict[str, _Trigger] = {}
        self._counter = itertools.count(1)

    def issue(self, *, from_view: str | None = None) -> str:
        trigger_id = f"{next(self._counter)}.{secrets.randbelow(10**12)}.{secrets.token_hex(16)}"
        self._issued[trigger_id] = _Trigger(issued=self._clock(), view_id=from_view)
        return trigger_id

    def view_of(self, trigger_id: object) -> str | None:
        """The modal the interaction that got `trigger_id` happened in, if any."""
        trigger = self._issued.get(trigger_id) if isinstance(trigger_id, str) else None
        return trigger.view_id if trigger else None

    def use(self, trigger_id: object) -> None:
        """Spend `trigger_id`, or raise the error Slack answers (`invalid_trigger_id`,
        `exchanged_trigger_id`, `expired_trigger_id`)."""
        trigger = self._issued.get(trigger_id) if isinstance(trigger_id, str) else None
        if trigger is None:
            raise SlackError("invalid_trigger_id")
        if trigger.used:
            raise SlackError("exchanged_trigger_id")
        if self._clock() - trigger.issued > TRIGGER_TTL:
            raise SlackError("expired_trigger_id")
        trigger.used = True
