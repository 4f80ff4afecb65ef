"""The fake Slack of the ack-latency benchmark, run as its own process.

    python tests/bench/_harness_slack.py     # prints {"url": "http://127.0.0.1:PORT"} first

It is the console's Slack stand-in (`bot.console.slack_standin.SlackStandIn`: users.info,
auth.test, response_urls with Slack's rules and Block Kit validation) with these additions
for the benchmark, all outside Slack's paths:

    POST   /_bench/response_urls {"count": N}       N fresh response_urls, as Slack issues them
    POST   /_bench/cards {"urls": [...], "timeout": S}
                                                    waits until each url was posted to (or S
                                                    seconds passed) and returns, per url, every
                                                    post: its arrival (time.monotonic(), which
                                                    on Linux is CLOCK_MONOTONIC, one clock for
                                                    all processes), status, replace_original and
                                                    the first block's type
    GET    /_bench/stats                           how long the fake itself took per request
                                                    (by method) and its event loop's worst lag
    DELETE /_bench/stats                           start counting again (before each load;
                                                    also freezes what the fake has recorded,
                                                    `gc.freeze`, so its collections stay short)

Why a process of its own: the cards are validated here (as Slack would), which costs CPU per
card. In the load generator's event loop that work would delay the sends and the reading of
acks, and only in the taskbot runs (the bare app sends no cards): the comparison would be
skewed against taskbot. Its own timings are reported so a reader can see it kept up.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a script: make `bot` and `tests` importable

from bot.console.slack_standin import Call, SlackStandIn, SlackUser  # noqa: E402

BENCH_PREFIX = "/_bench"
LAG_TICK = 0.005  # seconds between event-loop lag probes

# Reps spread over the zones a sales team spans, so users.info answers differ per rep.
_ZONES = (
    ("America/New_York", -18000, "en-US"),
    ("America/Los_Angeles", -28800, "en-US"),
    ("Europe/Berlin", 3600, "de-DE"),
    ("Europe/London", 0, "en-GB"),
    ("Asia/Kolkata", 19800, "en-IN"),
)
REPS: tuple[SlackUser, ...] = tuple(
    SlackUser(
        f"U0REP{n:03d}",
        name=f"rep{n}",
        real_name=f"Rep {n}",
        tz=zone,
        tz_label=zone,
        tz_offset=offset,
        locale=locale,
    )
    for n in range(20)
    for zone, offset, locale in [_ZONES[n % len(_ZONES)]]
)


@dataclass
class Post:
    """One post to a response_url as the fake saw it."""

    arrived: float  # time.monotonic() when the request reached the app
    handled_s: float  # how long the fake took to answer it
    status: int
    replace_original: bool
    first_block: str | None
    text: str

    def describe(self) -> dict[str, Any]:
        return {
            "arrived": self.arrived,
            "handled_s": self.handled_s,
            "status": self.status,
            "replace_original": self.replace_original,
            "first_block": self.first_block,
            "text": self.text,
        }


@dataclass
class Timings:
    by_method: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    worst_lag_s: float = 0.0

    def describe(self) -> dict[str, Any]:
        methods = {}
        for method, seconds in sorted(self.by_method.items()):
            ordered = sorted(seconds)
            methods[method] = {
                "n": len(ordered),
                "p50_ms": round(ordered[len(ordered) // 2] * 1000, 3),
                "p99_ms": round(ordered[max(0, -(-len(ordered) * 99 // 100) - 1)] * 1000, 3),
                "max_ms": round(ordered[-1] * 1000, 3),
            }
        return {"methods": methods, "worst_loop_lag_ms": round(self.worst_lag_s * 1000, 3)}


class BenchSlack(SlackStandIn):
    """The stand-in, timed: every request's arrival and handling time, posts by url."""

    def __init__(self) -> None:
        super().__init__(users=REPS)
        self.posts: dict[str, list[Post]] = defaultdict(list)
        self.timings = Timings()
        self._answered: dict[int, Call] = {}
        self._posted = asyncio.Condition()
        self.subscribe(self._remember)
        standin = self.app
        bench = Starlette(
            routes=[
                Route(f"{BENCH_PREFIX}/response_urls", self._issue, methods=["POST"]),
                Route(f"{BENCH_PREFIX}/cards", self._cards, methods=["POST"]),
                Route(f"{BENCH_PREFIX}/stats", self._stats, methods=["GET", "DELETE"]),
            ]
        )

        async def app(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] == "http" and scope["path"].startswith(BENCH_PREFIX):
                await bench(scope, receive, send)
            else:
                await self._timed(standin, scope, receive, send)

        self.app = app  # type: ignore[assignment]  # served by `running()`

    def _remember(self, call: Call) -> None:
        # Called inside the request's handler (same task): keyed by task to join with timing.
        task = asyncio.current_task()
        if task is not None:
            self._answered[id(task)] = call

    async def _timed(self, app: ASGIApp, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        arrived = time.monotonic()
        status = 0

        async def timed_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        await app(scope, receive, timed_send)
        handled = time.monotonic() - arrived
        task = asyncio.current_task()
        call = self._answered.pop(id(task), None) if task is not None else None
        path: str = scope["path"]
        if path.startswith("/response/"):
            self.timings.by_method["response_url"].append(handled)
            params = call.params if call is not None else {}
            blocks = params.get("blocks")
            first = blocks[0].get("type") if isinstance(blocks, list) and blocks else None
            post = Post(
                arrived=arrived,
                handled_s=handled,
                status=status,
                replace_original=params.get("replace_original") in (True, "true", 1),
                first_block=first,
                text=str(params.get("text") or ""),
            )
            async with self._posted:
                self.posts[f"{self.url}{path}"].append(post)
                self._posted.notify_all()
        else:
            self.timings.by_method[path.removeprefix("/api/")].append(handled)

    async def _issue(self, request: Request) -> Response:
        count = int((await request.json())["count"])
        return JSONResponse({"urls": [self.new_response_url() for _ in range(count)]})

    async def _cards(self, request: Request) -> Response:
        asked = await request.json()
        urls: list[str] = asked["urls"]
        try:
            async with asyncio.timeout(float(asked["timeout"])), self._posted:
                await self._posted.wait_for(lambda: all(self.posts.get(u) for u in urls))
        except TimeoutError:
            pass  # the caller counts the missing cards
        return JSONResponse(
            {"cards": {u: [p.describe() for p in self.posts.get(u, [])] for u in urls}}
        )

    async def _stats(self, request: Request) -> Response:
        if request.method == "DELETE":
            self.timings = Timings()
            # Before each load: what the fake keeps (every call so far) is frozen, so its
            # collections during the load do not walk a record that only grows.
            gc.collect()
            gc.freeze()
            return Response(status_code=204)
        return JSONResponse(self.timings.describe())

    async def watch_loop_lag(self) -> None:
        """How late the event loop wakes up: a loop busy with work shows up here."""
        while True:
            planned = time.monotonic() + LAG_TICK
            await asyncio.sleep(LAG_TICK)
            self.timings.worst_lag_s = max(self.timings.worst_lag_s, time.monotonic() - planned)


async def main() -> None:
    slack = BenchSlack()
    async with slack.running():
        lag = asyncio.create_task(slack.watch_loop_lag())
        print(json.dumps({"url": slack.url}), flush=True)  # the harness reads this line
        try:
            await asyncio.Event().wait()  # until the harness terminates this process
        finally:
            lag.cancel()


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(main())
