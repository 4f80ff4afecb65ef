"""Run `taskbot` with a probe on CPython's garbage collector (`command_cpu --gc`).

    python tests/bench/_harness_gcprobe.py LOG http --port P ...   # = taskbot http --port P ...

Every collection's end time (time.monotonic(), which on Linux is one clock for all
processes), generation and pause (`gc.callbacks`, Python docs) is kept and written to LOG as
JSON when the process exits, so the benchmark can say which collections ran during each load
and how long each one stopped the event loop.
"""

from __future__ import annotations

import atexit
import gc
import json
import runpy
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    log, argv = Path(sys.argv[1]), sys.argv[2:]
    collections: list[tuple[float, int, float]] = []
    started = [0.0]

    def probe(phase: str, info: dict[str, Any]) -> None:
        now = time.monotonic()
        if phase == "start":
            started[0] = now
        else:
            collections.append((now, int(info["generation"]), (now - started[0]) * 1000))

    def write() -> None:
        log.write_text(json.dumps({"collections": collections}))

    gc.callbacks.append(probe)
    atexit.register(write)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    sys.argv = ["taskbot", *argv]
    runpy.run_module("bot", run_name="__main__", alter_sys=True)


def summary(collections: list[list[float]], start: float, end: float) -> dict[str, Any]:
    """Per generation: how many collections ended between `start` and `end`, their total
    and longest pause, in ms."""
    found: dict[str, Any] = {}
    for generation in (0, 1, 2):
        pauses = [p for t, g, p in collections if g == generation and start <= t <= end]
        found[f"gen{generation}"] = {
            "count": len(pauses),
            "total_ms": round(sum(pauses), 1),
            "max_ms": round(max(pauses), 2) if pauses else 0.0,
        }
    return found


if __name__ == "__main__":
    main()
