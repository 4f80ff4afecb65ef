"""CPU time taskbot's HTTP server spends per `/task` command, end to end (issue 4).

    python tests/bench/command_cpu.py [--rate 100] [--seconds 10] [--rounds 3]
                                      [--profile FILE] [--gc] [--workers 1]
    python3 dev.py bench command_cpu

Wall-clock latencies on a shared machine are noisy; the CPU a command costs is not (much), and
it is what decides whether one worker keeps up at 100 commands/s without a tail. This starts
the same processes as `ack_latency` (the Reply sandbox with `--latency`, the fake Slack,
`taskbot http`), warms taskbot up (users.info cached, first-use costs paid), then sends
`--rounds` steady loads of `--rate` commands/s for `--seconds` each and reports, per round, the
server's CPU seconds (user + system, /proc) divided by the commands it served, with every
card awaited so the whole command (ack, Reply calls, card) is inside the window.

`--profile FILE`: run `py-spy record` on the server during the last round (needs py-spy,
not a taskbot dependency: `pip install py-spy`) and write a speedscope profile to FILE.
`--gc`: run the server under `_harness_gcprobe.py` and report, per round, how many
collections of each generation ran and their total and longest pause (the tail they cause).
Writes tests/bench/results/command_cpu.json. Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # run as a script: make `tests.*` importable

from tests.bench import _harness_gcprobe as gcprobe  # noqa: E402
from tests.bench import _harness_load as load  # noqa: E402
from tests.bench._harness_procs import (  # noqa: E402
    SECRET,
    Service,
    cpu_seconds,
    free_port,
    json_of,
    server_environment,
    start_sandbox,
    start_server,
    start_slack,
)
from tests.bench._harness_slack import REPS  # noqa: E402

BENCH = ROOT / "tests" / "bench"
RESULTS = BENCH / "results"
CARD_WAIT_S = 60.0


async def _round(
    http: httpx.AsyncClient,
    services: dict[str, Service],
    count: int,
    rate: float | None,
) -> dict[str, Any]:
    slack, app = services["slack"], services["taskbot"]
    urls = (
        await json_of(http, "POST", f"{slack.url}/_bench/response_urls", json={"count": count})
    )["urls"]
    shots = load.commands(urls, SECRET)
    pids = {name: service.pids for name, service in services.items()}
    before = {name: cpu_seconds(p) for name, p in pids.items()}
    own_before = time.process_time()
    started = time.monotonic()
    with load.collector_paused():
        async with load.client() as sender:
            target = f"{app.url}/slack/events"
            if rate is None:
                await load.burst(sender, target, shots)
            else:
                await load.steady(sender, target, shots, rate)
    body = {"urls": urls, "timeout": CARD_WAIT_S}
    cards = (
        await json_of(
            http, "POST", f"{slack.url}/_bench/cards", json=body, timeout=CARD_WAIT_S + 10
        )
    )["cards"]
    await _drained(http, app)
    cpu = cpu_seconds(pids["taskbot"]) - before["taskbot"]
    others = {name: round(cpu_seconds(p) - before[name], 2) for name, p in pids.items()}
    others["generator"] = round(time.process_time() - own_before, 2)
    missing = sum(1 for url in urls if not cards.get(url))
    bad_acks = sum(1 for s in shots if s.status != 200)
    acks = [s.ack_s for s in shots if s.ack_s is not None]
    return {
        "commands": count,
        "cpu_s": round(cpu, 3),
        "cpu_ms_per_command": round(cpu / count * 1000, 3),
        "wall_s": round(time.monotonic() - started, 2),
        "ack": load.summary_ms(acks),
        "window": (started, time.monotonic()),
        "cpu_s_all": others,
        "missing_cards": missing,
        "bad_acks": bad_acks,
    }


async def _drained(http: httpx.AsyncClient, app: Service) -> None:
    """Wait (polling /healthz, with a deadline) until the app has no work in flight."""
    deadline = time.monotonic() + CARD_WAIT_S
    while True:
        pending = int((await json_of(http, "GET", f"{app.url}/healthz"))["background"])
        if pending == 0 or time.monotonic() > deadline:
            return
        await asyncio.sleep(0.05)


@contextlib.contextmanager
def _py_spy(pid: int, output: Path | None) -> Iterator[None]:
    if output is None:
        yield
        return
    spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    argv = [spy, "record", "--pid", str(pid), "--format", "speedscope", "--output", str(output)]
    argv += ["--rate", "250", "--nonblocking"]
    recorder = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        yield
    finally:
        recorder.send_signal(2)  # SIGINT: py-spy writes the profile and exits
        _, err = recorder.communicate(timeout=60)
        if recorder.returncode not in (0, None) and not output.exists():
            print(f"py-spy failed: {err.decode()[-500:]}", file=sys.stderr)


async def bench(args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="command-cpu-") as name:
        workdir = Path(name)
        sandbox = await start_sandbox(workdir, args.latency)
        slack = await start_slack(workdir)
        port = free_port()
        gc_log = workdir / "gc.json"
        probe = [str(BENCH / "_harness_gcprobe.py"), str(gc_log)] if args.gc else ["-m", "bot"]
        argv = [sys.executable, *probe, "http", "--host", "127.0.0.1", "--port", str(port)]
        argv += ["--workers", str(args.workers)]
        env = server_environment(slack.url, sandbox.url)
        taskbot = await start_server("taskbot", argv, workdir, env, port)
        services = {"taskbot": taskbot, "slack": slack, "sandbox": sandbox}
        try:
            async with httpx.AsyncClient(timeout=30) as http:
                for _ in range(2):  # warm-up: every rep's users.info cached, first uses paid
                    await _round(http, services, len(REPS) * args.workers, None)
                rounds = []
                count = int(args.rate * args.seconds)
                for n in range(args.rounds):
                    worker = taskbot.pids[-1]
                    with _py_spy(worker, args.profile if n == args.rounds - 1 else None):
                        result = await _round(http, services, count, args.rate)
                    print(
                        f"round {n + 1}: {result['cpu_ms_per_command']:.2f} ms CPU/command, "
                        f"ack p99 {result['ack']['p99_ms']} ms, missing cards "
                        f"{result['missing_cards']}, bad acks {result['bad_acks']}, "
                        f"CPU s {result['cpu_s_all']}",
                        file=sys.stderr,
                        flush=True,
                    )
                    rounds.append(result)
        finally:
            for service in (taskbot, slack, sandbox):
                await service.stop()
        if args.gc:
            collections = json.loads(gc_log.read_text())["collections"]
            for result in rounds:
                result["gc"] = gcprobe.summary(collections, *result["window"])
                print(f"garbage collector during the round: {result['gc']}", file=sys.stderr)
    per_command = [r["cpu_ms_per_command"] for r in rounds]
    return {
        "rate_per_s": args.rate,
        "seconds": args.seconds,
        "workers": args.workers,
        "reply_latency_s": args.latency,
        "rounds": rounds,
        "cpu_ms_per_command_median": round(statistics.median(per_command), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rate", type=float, default=100.0, help="commands per second")
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--latency", type=float, default=1.0, help="seconds per Reply call")
    parser.add_argument("--profile", type=Path, help="py-spy speedscope output (last round)")
    parser.add_argument(
        "--gc", action="store_true", help="probe the collector's pauses (one worker only)"
    )
    parser.add_argument("--output", type=Path, default=RESULTS / "command_cpu.json")
    args = parser.parse_args()
    if args.gc and args.workers != 1:
        parser.error("--gc probes one server process: use it with --workers 1")
    results = asyncio.run(bench(args))
    print(f"CPU per command (median of {args.rounds}): {results['cpu_ms_per_command_median']} ms")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
