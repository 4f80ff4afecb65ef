"""Dates benchmark: taskbot's reader vs plain dateparser (tuned), side by side.

    python tests/bench/dates.py [--rounds 20] [--cold-runs 5]

Accuracy on the example files and on the two held-out sets (holdout.jsonl, holdout2.jsonl: rows
worked out by hand at other instants, zones and locales before the parser was run on them, so
they measure how the rules generalise), overall and by category; warm p50/p99 latency per
phrase, cold start (a fresh interpreter: import + first parse, median of several runs) and peak
RSS (a fresh interpreter that reads every example).
Prints a table; writes tests/bench/results/dates.json. Not a test: speed targets are reported,
never asserted.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "dates"
RESULTS = ROOT / "tests" / "bench" / "results" / "dates.json"
TARGETS = {"p50_ms": 1.0, "p99_ms": 5.0, "cold_start_s": 0.5}

Reader = Callable[[dict[str, Any]], str | None]


def load(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (DATA / name).read_text("utf-8").splitlines() if line]


def taskbot_reader() -> tuple[Reader, Reader]:
    from bot.parsing.dates import DateContext, ReadDate, find_date, read_date  # noqa: PLC0415

    def context(row: dict[str, Any]) -> DateContext:
        return DateContext(datetime.fromisoformat(row["now"]), ZoneInfo(row["tz"]), row["locale"])

    def phrase(row: dict[str, Any]) -> str | None:
        result = read_date(row["text"], context(row), row["kind"])
        return _local(result.at) if isinstance(result, ReadDate) else None

    def command(row: dict[str, Any]) -> str | None:
        found = find_date(row["text"], context(row), row["kind"])
        if found is None or not isinstance(found.result, ReadDate):
            return None
        return _local(found.result.at)

    return phrase, command


def dateparser_reader() -> tuple[Reader, Reader]:
    """dateparser.parse in the tuned configuration the issue names."""
    import dateparser  # noqa: PLC0415
    from dateparser.search import search_dates  # noqa: PLC0415

    def settings(row: dict[str, Any]) -> dict[str, Any]:
        now = datetime.fromisoformat(row["now"])
        order = {"en-US": "MDY", None: "MDY"}.get(row["locale"], "DMY")
        return {
            "PREFER_DATES_FROM": "future", "RELATIVE_BASE": now.replace(tzinfo=None),
            "TIMEZONE": row["tz"], "RETURN_AS_TIMEZONE_AWARE": True, "DATE_ORDER": order,
        }  # fmt: skip

    def languages(row: dict[str, Any]) -> list[str]:
        language = (row["locale"] or "en").split("-")[0]
        return [language, "en"] if language != "en" else ["en"]

    def phrase(row: dict[str, Any]) -> str | None:
        found = dateparser.parse(row["text"], languages=languages(row), settings=settings(row))
        return _local(found.astimezone(ZoneInfo(row["tz"]))) if found else None

    def command(row: dict[str, Any]) -> str | None:
        found = search_dates(row["text"], languages=languages(row), settings=settings(row))
        return _local(found[0][1].astimezone(ZoneInfo(row["tz"]))) if found else None

    return phrase, command


def _local(at: datetime) -> str:
    return at.replace(tzinfo=None, second=0, microsecond=0).isoformat(timespec="seconds")


def accuracy(reader: Reader, rows: list[dict[str, Any]], key: str | None) -> dict[str, Any]:
    by: dict[str, list[bool]] = defaultdict(list)
    for row in rows:
        try:
            got = reader(row)
        except Exception:  # noqa: BLE001 - a crash counts as a wrong answer here
            got = "error"
        by[row.get(key, "all") if key else "all"].append(got == row["expect"])
    total = [ok for oks in by.values() for ok in oks]
    return {
        "overall": sum(total) / len(total),
        "by_category": {k: sum(v) / len(v) for k, v in sorted(by.items())} if key else {},
        "n": len(total),
    }


def latency(reader: Reader, rows: list[dict[str, Any]], rounds: int) -> dict[str, float]:
    for row in rows:  # warm up: caches, lazily built parsers
        reader(row)
    samples = []
    for _ in range(rounds):
        for row in rows:
            start = time.perf_counter()
            reader(row)
            samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return {
        "p50_ms": samples[len(samples) // 2],
        "p99_ms": samples[int(len(samples) * 0.99)],
        "mean_ms": statistics.fmean(samples),
    }


_COLD = {
    "taskbot": (
        "from bot.parsing.dates import DateContext, read_date\n"
        "context = DateContext(datetime.fromisoformat({now!r}), ZoneInfo({tz!r}), {loc!r})\n"
        "read_date({text!r}, context)"
    ),
    "dateparser": (
        "import dateparser\n"
        "dateparser.parse({text!r}, languages={langs!r}, settings={{'PREFER_DATES_FROM': 'future',"
        " 'RELATIVE_BASE': datetime.fromisoformat({now!r}).replace(tzinfo=None),"
        " 'TIMEZONE': {tz!r}, 'RETURN_AS_TIMEZONE_AWARE': True}})"
    ),
}
_COLD_PROBES = {
    "en": ("tomorrow 3pm", "2026-11-25T14:37:00-05:00", "America/New_York", "en-US", ["en"]),
    "de": ("morgen 15 Uhr", "2026-11-25T20:37:00+01:00", "Europe/Berlin", "de-DE", ["de", "en"]),
}


def cold_start(engine: str, probe: str, runs: int) -> float:
    text, now, tz, loc, langs = _COLD_PROBES[probe]
    body = _COLD[engine].format(text=text, now=now, tz=tz, loc=loc, langs=langs)
    script = (
        "import time\nstart = time.perf_counter()\nfrom datetime import datetime\n"
        f"from zoneinfo import ZoneInfo\n{body}\nprint(time.perf_counter() - start)\n"
    )
    times = [float(_python(script)) for _ in range(runs)]
    return statistics.median(times)


def peak_rss_mb(engine: str) -> float:
    script = (
        f"import resource, sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        f"from tests.bench.dates import load, {engine}_reader\n"
        f"phrase, command = {engine}_reader()\n"
        "[phrase(row) for row in load('phrases.jsonl')]\n"
        "[command(row) for row in load('commands.jsonl')]\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n"
    )
    return float(_python(script))


def _python(script: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return done.stdout.strip().splitlines()[-1]


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--rounds", type=int, default=20)
    options.add_argument("--cold-runs", type=int, default=5)
    args = options.parse_args()
    phrases, commands = load("phrases.jsonl"), load("commands.jsonl")
    holdout, holdout2 = load("holdout.jsonl"), load("holdout2.jsonl")
    engines = {"taskbot": taskbot_reader(), "dateparser": dateparser_reader()}
    report: dict[str, Any] = {"targets": TARGETS, "engines": {}}
    for name, (phrase, command) in engines.items():
        report["engines"][name] = {
            "phrases": accuracy(phrase, phrases, "category"),
            "commands": accuracy(command, commands, None),
            "holdout": accuracy(phrase, holdout, "category"),
            "holdout2": accuracy(phrase, holdout2, "category"),
            "latency": latency(phrase, phrases, args.rounds),
            "command_latency": latency(command, commands, args.rounds),
            "cold_start_s": {p: cold_start(name, p, args.cold_runs) for p in _COLD_PROBES},
            "peak_rss_mb": peak_rss_mb(name),
        }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    _print(report)


def _print(report: dict[str, Any]) -> None:
    t, d = report["engines"]["taskbot"], report["engines"]["dateparser"]
    # One row per line reads best as a table, even past 100 columns.
    rows = [
        ("phrases accuracy (243)", f"{t['phrases']['overall']:.1%}", f"{d['phrases']['overall']:.1%}"),  # noqa: E501
        (f"held-out accuracy ({t['holdout']['n']})", f"{t['holdout']['overall']:.1%}", f"{d['holdout']['overall']:.1%}"),  # noqa: E501
        (f"held-out 2 accuracy ({t['holdout2']['n']})", f"{t['holdout2']['overall']:.1%}", f"{d['holdout2']['overall']:.1%}"),  # noqa: E501
        ("commands accuracy (47, time only)", f"{t['commands']['overall']:.1%}", f"{d['commands']['overall']:.1%}"),  # noqa: E501
        ("p50 per phrase (warm)", f"{t['latency']['p50_ms']:.3f} ms", f"{d['latency']['p50_ms']:.3f} ms"),  # noqa: E501
        ("p99 per phrase (warm)", f"{t['latency']['p99_ms']:.3f} ms", f"{d['latency']['p99_ms']:.3f} ms"),  # noqa: E501
        ("p50 / p99 per command (warm)",
         f"{t['command_latency']['p50_ms']:.2f} / {t['command_latency']['p99_ms']:.2f} ms",
         f"{d['command_latency']['p50_ms']:.2f} / {d['command_latency']['p99_ms']:.2f} ms"),
        ("cold start, English (median)", f"{t['cold_start_s']['en']:.3f} s", f"{d['cold_start_s']['en']:.3f} s"),  # noqa: E501
        ("cold start, German (median)", f"{t['cold_start_s']['de']:.3f} s", f"{d['cold_start_s']['de']:.3f} s"),  # noqa: E501
        ("peak RSS (all examples)", f"{t['peak_rss_mb']:.1f} MB", f"{d['peak_rss_mb']:.1f} MB"),
    ]  # fmt: skip
    width = max(len(r[0]) for r in rows)
    print(f"{'':<{width}}  {'taskbot':>16}  {'dateparser (tuned)':>18}")
    for label, ours, theirs in rows:
        print(f"{label:<{width}}  {ours:>16}  {theirs:>18}")
    _print_by_category("accuracy by category", t["phrases"], d["phrases"], width)
    _print_by_category("held-out accuracy by category", t["holdout"], d["holdout"], width)
    _print_by_category("held-out 2 accuracy by category", t["holdout2"], d["holdout2"], width)
    print(
        f"\ntargets: p50 ≤ 1 ms, p99 ≤ 5 ms, cold start ≤ 0.5 s; JSON: {RESULTS.relative_to(ROOT)}"
    )


def _print_by_category(
    title: str, ours: dict[str, Any], theirs: dict[str, Any], width: int
) -> None:
    print(f"\n{title:<{width}}  {'taskbot':>16}  {'dateparser (tuned)':>18}")
    for category, score in ours["by_category"].items():
        their_score = theirs["by_category"][category]
        print(f"  {category:<{width - 2}}  {score:>16.0%}  {their_score:>18.0%}")


if __name__ == "__main__":
    main()
