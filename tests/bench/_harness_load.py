"""The load generator of the ack-latency benchmark: signed `/task` requests, open loop.

    shots = commands(response_urls, secret)
    await burst(http, url, shots)              # all scheduled at the same instant
    await steady(http, url, shots, rate=50)    # shot i scheduled at t0 + i/rate

Open loop: a request goes out at its scheduled time whether or not earlier ones were answered,
so a slow server cannot slow the load down and hide its own latency (coordinated omission).
Latencies are measured from the **scheduled** time; how late the generator itself sent each
request (`lateness`) is kept, so a reader can check the generator kept up.

Bodies are the form fields Slack posts for a slash command (as `tests.support.slack_payloads`
builds them), each with a fresh response_url from the fake Slack, and are signed in advance
with Slack's v0 scheme (the signature is valid for five minutes, longer than any load).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import math
import secrets
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import httpx

from bot import ids
from bot.reply.sandbox.seed import CONTACTS
from tests.bench._harness_slack import REPS
from tests.support.slack_payloads import command_body, signed_headers

TEXT = "call {email} tomorrow 3pm Ask about {{{{company}}}} pricing"
EMAILS = tuple(c.email for c in CONTACTS if c.email)
ACK_TIMEOUT = 15.0  # seconds; Slack gives up at 3, the benchmark waits to measure how late
# The stand-in's workspace (SlackStandIn's defaults).
TEAM_ID, TEAM_DOMAIN, APP_ID = "T0TASKBOT", "taskbot-test", "A0TASKBOT"


@dataclass
class Shot:
    """One `/task` request and what became of it (times are time.monotonic())."""

    body: str
    headers: dict[str, str]
    response_url: str
    text: str
    scheduled: float = 0.0
    sent: float | None = None
    answered: float | None = None
    status: int | None = None
    ack: dict[str, Any] | None = None
    error: str | None = None

    @property
    def ack_s(self) -> float | None:
        return None if self.answered is None else self.answered - self.scheduled

    @property
    def lateness_s(self) -> float | None:
        return None if self.sent is None else self.sent - self.scheduled


def command_fields(user_id: str, user_name: str, text: str, response_url: str) -> dict[str, str]:
    """A slash command's form fields (docs.slack.dev/interactivity/implementing-slash-commands)."""
    return {
        "token": "verification-token-deprecated",
        "team_id": TEAM_ID,
        "team_domain": TEAM_DOMAIN,
        "channel_id": "C0SALES",
        "channel_name": "sales",
        "user_id": user_id,
        "user_name": user_name,
        "command": ids.COMMAND,
        "text": text,
        "api_app_id": APP_ID,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": f"{secrets.randbelow(10**10)}.{secrets.token_hex(16)}",
    }


def commands(response_urls: Sequence[str], secret: str, *, offset: int = 0) -> list[Shot]:
    """One signed `/task call <contact> tomorrow 3pm …` per response_url; reps and contacts
    rotate (shot i: rep i mod 20, contact i mod 7)."""
    signed_at = int(time.time())
    shots = []
    for n, url in enumerate(response_urls, start=offset):
        rep = REPS[n % len(REPS)]
        text = TEXT.format(email=EMAILS[n % len(EMAILS)])
        body = command_body(command_fields(rep.id, rep.name, text, url))
        shots.append(Shot(body, signed_headers(body, secret, signed_at), url, text))
    return shots


async def _fire(http: httpx.AsyncClient, url: str, shot: Shot) -> None:
    shot.sent = time.monotonic()
    try:
        response = await http.post(url, content=shot.body, headers=shot.headers)
    except httpx.HTTPError as error:
        shot.error = f"{type(error).__name__}: {error}"
        return
    shot.answered = time.monotonic()
    shot.status = response.status_code
    try:
        shot.ack = response.json() if response.content else {}
    except ValueError:
        shot.error = f"the ack is not JSON: {response.text[:80]!r}"


async def burst(http: httpx.AsyncClient, url: str, shots: Sequence[Shot]) -> None:
    """Every request scheduled at the same instant, all in flight at once."""
    start = time.monotonic()
    for shot in shots:
        shot.scheduled = start
    await asyncio.gather(*(_fire(http, url, shot) for shot in shots))


async def steady(http: httpx.AsyncClient, url: str, shots: Sequence[Shot], rate: float) -> None:
    """Shot i scheduled at start + i/rate and sent then, whatever happened to the others."""
    start = time.monotonic() + 0.01
    running: list[asyncio.Task[None]] = []
    for n, shot in enumerate(shots):
        shot.scheduled = start + n / rate
        wait = shot.scheduled - time.monotonic()
        if wait > 0:
            await asyncio.sleep(wait)
        running.append(asyncio.create_task(_fire(http, url, shot)))
    await asyncio.gather(*running)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No garbage collection in the generator while a load runs (as `timeit` does): a full
    collection over thousands of requests in flight would delay sends and the reading of
    acks, and count as the server's latency. Collected before, switched back on after."""
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def client() -> httpx.AsyncClient:
    """Enough connections that the generator never queues a request behind another."""
    limits = httpx.Limits(max_connections=2000, max_keepalive_connections=2000)
    return httpx.AsyncClient(limits=limits, timeout=ACK_TIMEOUT)


# --------------------------------------------------------------------------------------
# statistics


def percentile(values: Sequence[float], pct: float) -> float | None:
    """Nearest-rank percentile (so p99 of 50 values is the largest)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(len(ordered) * pct / 100) - 1)]


def summary_ms(values: Sequence[float]) -> dict[str, float | None]:
    """p50, p99 and max of seconds, in milliseconds."""

    def ms(value: float | None) -> float | None:
        return None if value is None else round(value * 1000, 1)

    return {
        "p50_ms": ms(percentile(values, 50)),
        "p99_ms": ms(percentile(values, 99)),
        "max_ms": ms(max(values) if values else None),
    }
