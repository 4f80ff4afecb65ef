"""The rep's time zone, locale and name, from Slack's `users.info`, cached per user.

    directory = UserDirectory(client, default_tz="UTC", default_locale="en-US",
                              ttl=3600, clock=system_clock)
    profile = await directory.profile("U123")   # UserProfile(tz=ZoneInfo(...), locale="de-DE", …)

Where the zone comes from (slack-notes §3.5; ARCHITECTURE rule 7), in order:
1. `tz`, the IANA name ("Europe/Berlin") — DST-correct through zoneinfo;
2. `tz_offset` in seconds, when `tz` is null or unknown to this machine's zone database: a
   fixed-offset `datetime.timezone`. Daylight saving is then unknown: "tomorrow 9am" is read with
   today's offset, an hour off across a DST change. Slack sends null `tz` rarely, so this is the
   lesser evil next to the workspace default;
3. the workspace default (`TASKBOT_DEFAULT_TIMEZONE`).

The locale (`include_locale=true`, e.g. "en-GB") decides how 3/12 is read; absent, the default.

Answers are cached per user for `ttl` seconds (cachetools' TTLCache on the injected clock), and
concurrent lookups for one user share one `users.info` call (`bot.inflight`). A Slack failure
(user_not_found, ratelimited, invalid_auth, a network error) never breaks a command: it is
logged and the defaults are used — and remembered for at most a minute, so a rate-limited
workspace is not asked again by every command while the limit lasts.

A rep who changes zone is read again once the entry expires: taskbot does not subscribe to
`user_change`, which Slack sends for every profile edit of every member of the workspace.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta, timezone, tzinfo
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import aiohttp
from cachetools import TTLCache
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from bot.clock import Clock
from bot.inflight import InFlight

log = logging.getLogger(__name__)

FALLBACK_TTL = 60.0
"""Seconds a fallback (Slack failed) is remembered: long enough to ride out a rate limit."""

ZoneSource = Literal["tz", "tz_offset", "default"]


@dataclass(frozen=True, slots=True)
class UserProfile:
    tz: tzinfo
    locale: str
    name: str
    zone_source: ZoneSource
    """Where `tz` came from; "tz_offset" means a fixed offset with daylight saving unknown."""


class UserDirectory:
    def __init__(
        self,
        client: AsyncWebClient,
        *,
        default_tz: str,
        default_locale: str,
        ttl: float,
        clock: Clock,
        maxsize: int = 10_000,
    ) -> None:
        if ttl < 0:
            raise ValueError(f"ttl must be 0 or more seconds, got {ttl}")
        try:
            self._default_tz = ZoneInfo(default_tz)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(
                f"unknown default time zone {default_tz!r}; use an IANA name like 'Europe/Paris'"
            ) from exc
        self._client = client
        self._default_locale = default_locale

        def timer() -> float:
            return clock().timestamp()

        self._profiles: TTLCache[str, UserProfile] = TTLCache(maxsize, ttl, timer=timer)
        self._fallbacks: TTLCache[str, UserProfile] = TTLCache(
            maxsize, min(ttl, FALLBACK_TTL), timer=timer
        )
        # One users.info per user in flight; a caller giving up (its command was
        # cancelled, `rep_profile`'s wait ran out) leaves it running, and it is cached.
        self._lookups: InFlight[str, UserProfile] = InFlight("users.info")

    def cached(self, user_id: str) -> UserProfile | None:
        """The profile already known (or the remembered fallback), without asking Slack."""
        return self._profiles.get(user_id) or self._fallbacks.get(user_id)

    async def profile(self, user_id: str) -> UserProfile:
        known = self.cached(user_id)
        if known is not None:
            return known
        return await self._lookups.join(user_id, lambda: self._lookup(user_id))

    def fallback(self, user_id: str) -> UserProfile:
        """The workspace defaults, for a rep Slack could not tell taskbot about (in time)."""
        return UserProfile(self._default_tz, self._default_locale, user_id, "default")

    async def _lookup(self, user_id: str) -> UserProfile:
        try:
            response = await self._client.users_info(user=user_id, include_locale=True)
        except SlackApiError as exc:
            error = exc.response.get("error") if exc.response is not None else None
            log.warning(
                "users.info failed for %s (%s); using the default zone and locale",
                user_id,
                error or exc,
            )
        except (SlackClientError, aiohttp.ClientError, TimeoutError) as exc:
            log.warning(
                "users.info unreachable for %s (%s: %s); using the default zone and locale",
                user_id,
                type(exc).__name__,
                exc,
            )
        else:
            user = response.get("user")
            if isinstance(user, dict):
                profile = self._read(user_id, user)
                self._profiles[user_id] = profile
                return profile
            log.warning("users.info for %s had no user object; using the defaults", user_id)
        fallback = self.fallback(user_id)
        self._fallbacks[user_id] = fallback
        return fallback

    def _read(self, user_id: str, user: dict[str, Any]) -> UserProfile:
        tz, source = self._zone(user_id, user)
        locale = user.get("locale")
        raw_profile = user.get("profile")
        profile: dict[str, Any] = raw_profile if isinstance(raw_profile, dict) else {}
        name = next(
            (
                str(candidate)
                for candidate in (
                    profile.get("display_name"),
                    profile.get("real_name"),
                    user.get("real_name"),
                    user.get("name"),
                )
                if candidate
            ),
            user_id,
        )
        return UserProfile(
            tz=tz,
            locale=locale if isinstance(locale, str) and locale else self._default_locale,
            name=name,
            zone_source=source,
        )

    def _zone(self, user_id: str, user: dict[str, Any]) -> tuple[tzinfo, ZoneSource]:
        name = user.get("tz")
        if isinstance(name, str) and name:
            try:
                return ZoneInfo(name), "tz"
            except (ZoneInfoNotFoundError, ValueError):
                log.warning("Slack zone %r for %s is not in the zone database", name, user_id)
        offset = user.get("tz_offset")
        # datetime.timezone accepts offsets strictly within one day.
        if isinstance(offset, int) and not isinstance(offset, bool) and abs(offset) < 86_400:
            return timezone(timedelta(seconds=offset)), "tz_offset"
        return self._default_tz, "default"
