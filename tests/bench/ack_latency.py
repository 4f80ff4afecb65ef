"""Ack and card latency of taskbot's HTTP mode, side by side with a bare Bolt app (issue 4).

    python tests/bench/ack_latency.py [--quick] [--workers N] [--latency 1]
    python3 dev.py bench ack_latency

Processes (one invocation, one machine):

* taskbot: `taskbot http --workers N` (uvicorn, Bolt's Starlette adapter, the real listeners);
* bare: a Bolt AsyncApp whose `/task` listener only acks, served the same way
  (`_harness_bare.py` mirrors `bot.runners.run_http`);
* Reply: `taskbot sandbox --latency 1 --no-rate-limit` (1 s added to every Reply call);
* Slack: the console's Slack stand-in in its own process (`_harness_slack.py`), where taskbot
  calls users.info and posts each card to the command's response_url; it records arrivals;
* this process: the load generator (`_harness_load.py`, httpx, open loop, signed requests).

Loads: bursts of 50 and 200 commands sent at once; steady 20, 50 and 100 commands/s for
10 s. Each load runs against the bare app, then against taskbot, after a warm-up of one
command per rep (users.info cached, first-request costs paid; the cold first command is
reported on its own). Latencies run from each request's scheduled send time.

For every load: p50/p99/max ack latency of both apps; for taskbot the time from sending a
command to its card arriving at the response_url, and that minus the Reply time the card
waited for (its Reply calls, counted in the sandbox, x the latency); errors; CPU seconds and
peak RSS of each server. Targets (issue 4): taskbot's p99 ack within 1.5 x the bare app's,
every ack under 3 s, every card within its Reply time + 1 s (steady) or 10 s (bursts), no
errors. Prints a table; writes tests/bench/results/ack_latency.json (`--quick`: a short smoke
run, written to ack_latency-quick.json). Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # run as a script: make `tests.*` importable

from tests.bench import _harness_load as load  # noqa: E402
from tests.bench._harness_procs import (  # noqa: E402
    SECRET,
    Service,
    Services,
    cpu_seconds,
    json_of,
    peak_rss_mib,
    reset_peak_rss,
    rss_mib,
)
from tests.bench._harness_slack import REPS  # noqa: E402

RESULTS = ROOT / "tests" / "bench" / "results"
ACK_DEADLINE_S = 3.0  # Slack's (slack-notes §2.2)
ACK_RATIO = 1.5
CARD_SLACK_STEADY_S = 1.0
CARD_DEADLINE_BURST_S = 10.0
CARD_WAIT_S = 60.0  # how long the harness waits for the last card before calling it missing
PROGRESS = "⏳ Creating"


@dataclass(frozen=True)
class Load:
    kind: str  # "burst" | "steady"
    count: int
    rate: float | None = None

    @property
    def name(self) -> str:
        return f"burst {self.count}" if self.rate is None else f"steady {self.rate:g}/s"


def loads(quick: bool) -> list[Load]:
    seconds = 2 if quick else 10
    bursts = (10, 50) if quick else (50, 200)
    return [Load("burst", n) for n in bursts] + [
        Load("steady", int(rate * seconds), rate) for rate in (20.0, 50.0, 100.0)
    ]


# --------------------------------------------------------------------------------------
# one load against one app


@dataclass
class Control:
    """The harness's own client for the fake Slack's and the sandbox's control routes."""

    http: httpx.AsyncClient
    services: Services

    async def response_urls(self, count: int) -> list[str]:
        url = f"{self.services.slack.url}/_bench/response_urls"
        answer = await json_of(self.http, "POST", url, json={"count": count})
        return list(answer["urls"])

    async def cards(self, urls: list[str]) -> dict[str, list[dict[str, Any]]]:
        url = f"{self.services.slack.url}/_bench/cards"
        body = {"urls": urls, "timeout": CARD_WAIT_S}
        answer = await json_of(self.http, "POST", url, json=body, timeout=CARD_WAIT_S + 10)
        return dict(answer["cards"])

    async def slack_stats(self, *, reset: bool = False) -> dict[str, Any]:
        url = f"{self.services.slack.url}/_bench/stats"
        return dict(await json_of(self.http, "DELETE" if reset else "GET", url) or {})

    async def reply_requests(self, *, reset: bool = False) -> list[dict[str, Any]]:
        url = f"{self.services.sandbox.url}/_sandbox/requests"
        answer = await json_of(self.http, "DELETE" if reset else "GET", url)
        return list(answer["items"]) if answer else []

    async def reply_tasks(self) -> int:
        overview = await json_of(self.http, "GET", f"{self.services.sandbox.url}/_sandbox")
        return int(overview["tasks"])

    async def reply_latency(self) -> float:
        url = f"{self.services.sandbox.url}/_sandbox/settings"
        return float((await json_of(self.http, "GET", url))["latency"])

    async def drained(self, app: Service) -> int:
        """Wait (polling /healthz, with a deadline) until the app has no work in flight."""
        deadline = time.monotonic() + CARD_WAIT_S
        while True:
            pending = int((await json_of(self.http, "GET", f"{app.url}/healthz"))["background"])
            if pending == 0 or time.monotonic() > deadline:
                return pending
            await asyncio.sleep(0.05)


async def run(control: Control, app: Service, what: Load, *, cards: bool) -> dict[str, Any]:
    """Send `what` to `app`; with `cards`, also wait for and judge every card."""
    services = control.services
    shots = load.commands(await control.response_urls(what.count), SECRET)
    watched = {app.name: app, "sandbox": services.sandbox, "slack": services.slack}
    pids = {name: service.pids for name, service in watched.items()}
    rss_reset = reset_peak_rss(pids[app.name])
    cpu_before = {name: cpu_seconds(p) for name, p in pids.items()}
    app.mark_log()
    await control.reply_requests(reset=True)
    await control.slack_stats(reset=True)
    tasks_before = await control.reply_tasks()

    started = time.monotonic()
    with load.collector_paused():
        async with load.client() as http:
            url = f"{app.url}/slack/events"
            if what.rate is None:
                await load.burst(http, url, shots)
            else:
                await load.steady(http, url, shots, what.rate)
    acked = time.monotonic()
    posts = await control.cards([s.response_url for s in shots]) if cards else {}
    pending = await control.drained(app)
    finished = time.monotonic()

    result: dict[str, Any] = {
        "commands": len(shots),
        "load_s": round(acked - started, 2),
        "ack": load.summary_ms([s.ack_s for s in shots if s.ack_s is not None]),
        "generator_lateness": load.summary_ms([s.lateness_s or 0.0 for s in shots]),
        "cpu_s": {n: round(cpu_seconds(p) - cpu_before[n], 2) for n, p in pids.items()},
        "peak_rss_mib": peak_rss_mib(pids[app.name]),
        "peak_rss_scope": "this load" if rss_reset else "process lifetime",
        "rss_after_mib": rss_mib(pids[app.name]),
        "wall_s": round(finished - started, 2),
    }
    errors = _ack_errors(shots, expect_progress=cards)
    errors += [f"server log: {line[:200]}" for line in app.errors_logged()]
    if pending:
        errors.append(f"{pending} background task(s) still running after {CARD_WAIT_S:.0f}s")
    if cards:
        reply = _reply_calls(await control.reply_requests(), len(shots))
        created = reply["tasks_created"] = await control.reply_tasks() - tasks_before
        if created != len(shots):
            errors.append(f"{created} tasks created in Reply for {len(shots)} commands")
        errors += reply.pop("problems")
        reply["waited_s"] = round(reply["calls_per_command"] * await control.reply_latency(), 3)
        card_times, card_errors = _cards(shots, posts)
        errors += card_errors
        result["reply"] = reply
        result["card"] = load.summary_ms(card_times)
        result["card_beyond_reply"] = load.summary_ms([t - reply["waited_s"] for t in card_times])
        result["slack_fake"] = await control.slack_stats()
    result["errors"] = len(errors)
    result["error_samples"] = errors[:10]
    return result


def _ack_errors(shots: list[load.Shot], *, expect_progress: bool) -> list[str]:
    errors = []
    for shot in shots:
        if shot.error is not None:
            errors.append(f"ack: {shot.error}")
        elif shot.status != 200:
            errors.append(f"ack: HTTP {shot.status}")
        elif expect_progress and not str((shot.ack or {}).get("text", "")).startswith(PROGRESS):
            errors.append(f"ack is not the progress line: {shot.ack!r:.120}")
    return errors


def _reply_calls(requests: list[dict[str, Any]], commands: int) -> dict[str, Any]:
    """Which Reply calls the commands made, from the sandbox's request log (it keeps the
    newest 1,000: for bigger loads the counts are of that window)."""
    kinds = {"contact lookup": 0, "create": 0, "read back": 0, "other": 0}
    problems = []
    for request in requests:
        method, path, query = request["method"], request["path"], request["query"]
        if method == "GET" and path == "/v3/contacts":
            kinds["contact lookup"] += 1
        elif method == "POST" and path == "/v3/tasks":
            kinds["create"] += 1
        elif method == "GET" and path.startswith("/v3/tasks/") and "includeContent" in query:
            kinds["read back"] += 1
        else:
            kinds["other"] += 1
        if request["status"] is None or not 200 <= request["status"] < 300:
            problems.append(f"Reply answered {method} {path} with {request['status']}")
    creates = kinds["create"] or 1
    return {
        "calls": kinds,
        "calls_per_command": round(len(requests) / creates),
        "calls_per_command_exact": round(len(requests) / creates, 3),
        "window": "all" if len(requests) < 1000 else f"newest {len(requests)} of ~{3 * commands}",
        "problems": problems,
    }


def _cards(
    shots: list[load.Shot], posts: dict[str, list[dict[str, Any]]]
) -> tuple[list[float], list[str]]:
    """Each command's card time (first post minus scheduled send) and what was wrong."""
    times, errors = [], []
    for shot in shots:
        got = posts.get(shot.response_url, [])
        if not got:
            errors.append(f"no card within {CARD_WAIT_S:.0f}s for {shot.text!r}")
            continue
        card = got[0]
        times.append(card["arrived"] - shot.scheduled)
        if len(got) > 1:
            errors.append(f"{len(got)} posts to one response_url")
        if card["status"] != 200:
            errors.append(f"the fake Slack refused a card: HTTP {card['status']}")
        elif not card["replace_original"] or card["first_block"] != "header":
            errors.append(f"not a task card replacing the ack: {card['text'][:120]!r}")
    return times, errors


# --------------------------------------------------------------------------------------
# warm-up, judging, printing


async def warm_up(control: Control, app: Service, *, cards: bool, rounds: int) -> dict[str, Any]:
    """The first command a fresh server answers (reported), then `rounds` bursts of one
    command per rep (a round per worker: the kernel spreads connections over them), so
    users.info answers are cached and every first-use cost is paid before measuring."""
    first = await run(control, app, Load("burst", 1), cards=cards)
    for _ in range(rounds):
        await run(control, app, Load("burst", len(REPS)), cards=cards)
    cold = {"ack_ms": first["ack"]["max_ms"], "errors": first["errors"]}
    if cards:
        cold["card_ms"] = first["card"]["max_ms"]
    return cold


def judge(what: Load, bare: dict[str, Any], taskbot: dict[str, Any]) -> dict[str, dict[str, Any]]:
    ratio_limit = round(ACK_RATIO * bare["ack"]["p99_ms"], 1)
    if what.rate is None:
        card_target = f"every card within {CARD_DEADLINE_BURST_S:g} s"
        card_ok = taskbot["card"]["max_ms"] <= CARD_DEADLINE_BURST_S * 1000
        card_seen = f"max {taskbot['card']['max_ms']:.0f} ms"
    else:
        waited = taskbot["reply"]["waited_s"]
        card_target = f"every card within its Reply time ({waited:g} s) + {CARD_SLACK_STEADY_S:g} s"
        card_ok = taskbot["card_beyond_reply"]["max_ms"] <= CARD_SLACK_STEADY_S * 1000
        card_seen = f"max {taskbot['card_beyond_reply']['max_ms']:.0f} ms beyond the Reply time"
    p99, bare_p99 = taskbot["ack"]["p99_ms"], bare["ack"]["p99_ms"]
    return {
        "ack_p99_within_1.5x_bare": {
            "met": p99 <= ratio_limit,
            "seen": f"{p99} ms, limit {ratio_limit} ms (bare {bare_p99} ms; x{p99 / bare_p99:.2f})",
        },
        "every_ack_under_3s": {
            "met": taskbot["ack"]["max_ms"] < ACK_DEADLINE_S * 1000,
            "seen": f"max {taskbot['ack']['max_ms']} ms",
        },
        "cards_on_time": {"met": card_ok, "seen": f"{card_target}: {card_seen}"},
        "no_errors": {
            "met": taskbot["errors"] == 0 and bare["errors"] == 0,
            "seen": f"taskbot {taskbot['errors']}, bare {bare['errors']}",
        },
    }


def _cell(value: float | None, width: int = 7) -> str:
    text = "—" if value is None else f"{value:.0f}" if value >= 100 else f"{value:.1f}"
    return f"{text:>{width}}"


def table(results: dict[str, Any]) -> str:
    head = (
        f"{'load':<13} {'app':<8} {'n':>5} │ {'ack p50':>7} {'p99':>7} {'max':>7} │"
        f" {'card p50':>8} {'p99':>7} {'max':>7} │ {'beyond':>7} │ {'err':>3} │"
        f" {'CPU s':>5} {'RSS MiB':>7}"
    )
    lines = [head, "─" * len(head)]
    for row in results["loads"]:
        for app in ("bare", "taskbot"):
            r = row[app]
            ack, card = r["ack"], r.get("card", {})
            beyond = r.get("card_beyond_reply", {})
            lines.append(
                f"{row['load'] if app == 'bare' else '':<13} {app:<8} {r['commands']:>5} │"
                f" {_cell(ack['p50_ms'])} {_cell(ack['p99_ms'])} {_cell(ack['max_ms'])} │"
                f" {_cell(card.get('p50_ms'), 8)} {_cell(card.get('p99_ms'))}"
                f" {_cell(card.get('max_ms'))} │ {_cell(beyond.get('max_ms'))} │ {r['errors']:>3} │"
                f" {r['cpu_s'][app]:>5.1f} {r['peak_rss_mib']:>7.1f}"
            )
    lines.append(
        "ms from each command's scheduled send; beyond: the slowest card's time minus the Reply"
    )
    lines.append("time it waited for; CPU s: the server's CPU time during the load and its cards.")
    return "\n".join(lines)


def verdicts(results: dict[str, Any]) -> str:
    lines = []
    for row in results["loads"]:
        for name, target in row["targets"].items():
            mark = "met   " if target["met"] else "MISSED"
            lines.append(f"{mark} {row['load']:<13} {name:<26} {target['seen']}")
    return "\n".join(lines)


def health(results: dict[str, Any]) -> str:
    """The harness's own latency: did the generator and the fake Slack keep up?"""
    lines = []
    for row in results["loads"]:
        fake = row["taskbot"]["slack_fake"]
        posts = fake["methods"].get("response_url", {})
        late = max(row[a]["generator_lateness"]["max_ms"] or 0 for a in ("bare", "taskbot"))
        lines.append(
            f"{row['load']:<13} generator late by ≤ {late:.1f} ms; fake Slack answered"
            f" response_url posts in p99 {posts.get('p99_ms', 0):.1f} ms (max"
            f" {posts.get('max_ms', 0):.1f}), loop lag ≤ {fake['worst_loop_lag_ms']:.1f} ms;"
            f" CPU s sandbox {row['taskbot']['cpu_s']['sandbox']:.1f},"
            f" fake Slack {row['taskbot']['cpu_s']['slack']:.1f}"
        )
    return "\n".join(lines)


# --------------------------------------------------------------------------------------


async def bench(args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="ack-latency-") as workdir:
        async with (
            Services.start(Path(workdir), workers=args.workers, latency=args.latency) as services,
            httpx.AsyncClient(timeout=30) as http,
        ):
            control = Control(http, services)
            cold = {
                "bare": await warm_up(control, services.bare, cards=False, rounds=args.workers),
                "taskbot": await warm_up(
                    control, services.taskbot, cards=True, rounds=args.workers
                ),
            }
            rows: list[dict[str, Any]] = []
            for what in loads(args.quick):
                print(f"… {what.name}", file=sys.stderr, flush=True)
                bare = await run(control, services.bare, what, cards=False)
                taskbot = await run(control, services.taskbot, what, cards=True)
                rows.append(
                    {
                        "load": what.name,
                        "kind": what.kind,
                        "rate_per_s": what.rate,
                        "bare": bare,
                        "taskbot": taskbot,
                        "targets": judge(what, bare, taskbot),
                    }
                )
    return {
        "environment": _environment(args),
        "cold_first_command": cold,
        "loads": rows,
        "all_targets_met": all(t["met"] for row in rows for t in row["targets"].values()),
    }


def _environment(args: argparse.Namespace) -> dict[str, Any]:
    git = ["git", "rev-parse", "--short", "HEAD"]
    commit = subprocess.run(git, cwd=ROOT, capture_output=True, text=True, check=False).stdout
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": commit.strip() or None,
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "workers": args.workers,
        "reply_latency_s": args.latency,
        "quick": args.quick,
        "reps": len(REPS),
        "ack_from": "scheduled send time",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a short smoke run (2 s loads)")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn workers for both apps")
    parser.add_argument("--latency", type=float, default=1.0, help="seconds per Reply call")
    parser.add_argument("--output", type=Path, help="where the JSON goes")
    args = parser.parse_args()
    results = asyncio.run(bench(args))
    print(table(results))
    print()
    print(verdicts(results))
    print()
    print(health(results))
    name = "ack_latency-quick.json" if args.quick else "ack_latency.json"
    output: Path = args.output or RESULTS / name
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(f"\nall targets met: {results['all_targets_met']}; wrote {output}")


if __name__ == "__main__":
    main()
