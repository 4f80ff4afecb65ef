"""What the stand-in knows and remembers: workspace members, answered calls, scripted errors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class SlackUser:
    """A workspace member as `users.info` describes them. `tz` may be None, as Slack sends it
    (python-slack-sdk's rtm.start fixture); `tz_offset=None` leaves the field out entirely."""

    id: str
    name: str = "jane"
    real_name: str = "Jane Doe"
    tz: str | None = "America/New_York"
    tz_label: str = "Eastern Standard Time"
    tz_offset: int | None = -18000
    locale: str = "en-US"
    is_bot: bool = False
    deleted: bool = False


@dataclass(frozen=True)
class Call:
    """One request the stand-in answered."""

    method: str
    params: dict[str, Any]
    headers: dict[str, str]
    response: dict[str, Any]
    status: int = 200
    response_url: str | None = None
    """For method "response_url": the URL that was posted to."""

    @property
    def ok(self) -> bool:
        return bool(self.response.get("ok"))


@dataclass(frozen=True)
class ScriptedFailure:
    """An error answer a subclass scripts for a method (see `SlackStandIn._scripted_failure`)."""

    error: str
    status: int = 200
    retry_after: int | None = None
