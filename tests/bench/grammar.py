"""Grammar benchmark: how long `parse_command` takes per `/task` text, and what it adds to
`find_date` alone.

    python tests/bench/grammar.py [--rounds 20] [--cold-runs 5]

Command sets: the rows of commands.jsonl, the help card's examples, a mix of explicit forms
(from/to, start/due, subject, Slack escapes), and long bodies (~2,000 characters). Reports warm
p50/p99/mean per command for parse_command and for find_date on the same text, cold start (a
fresh interpreter: import + first parse, median) and peak RSS. Prints a table; writes
tests/bench/results/grammar.json. Not a test: numbers are reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "tests" / "data" / "dates"
RESULTS = ROOT / "tests" / "bench" / "results" / "grammar.json"
NOW = "2026-11-25T14:37:00-05:00"

FORMS = [
    'mtg "Jane Doe" from Mon 9am to Mon 5pm Quarterly review',
    "todo start tomorrow due Fri Prepare the Q4 forecast",
    "email jane@acme.com subject: Pricing for 2027 | Hi {{firstName}}, by Friday please",
    "call <mailto:jane@acme.com|jane@acme.com> tomorrow 3pm Q&amp;A &lt;draft&gt; for <@U1|bob>",
    "li inmail <https://www.linkedin.com/in/jane|linkedin.com/in/jane> in 2 business days Hi",
    "cal Priya tomorrow re onboarding",
    "call about the deal with bob@acme.com and ops@acme.com",
    "help",
]
_PARAGRAPH = (
    "Hi {{firstName}}, following up on our call about the {{company}} renewal: the 24/7 "
    "support tier, 3-5 seats for the Q4 pilot, and the March invoice (PO 4471). "
)
LONG = [
    f"email jane@acme.com next Tue 10am {_PARAGRAPH * 10}",
    f"todo {_PARAGRAPH * 10} by EOW",
    f"call #12345 {_PARAGRAPH * 12}",
]

Runner = Callable[[str], object]


def load(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (DATA / name).read_text("utf-8").splitlines() if line]


def help_examples() -> list[str]:
    import re  # noqa: PLC0415

    from bot.messages import usage  # noqa: PLC0415

    lines = [line for section in usage.SECTIONS for line in section.lines]
    return [
        m.removeprefix("/task ") for line in lines for m in re.findall(r"`(/task [^`]+)`", line)
    ]


def runners() -> tuple[Runner, Runner]:
    from bot.parsing import parse_command  # noqa: PLC0415
    from bot.parsing.dates import DateContext, find_date  # noqa: PLC0415

    context = DateContext(datetime.fromisoformat(NOW), ZoneInfo("America/New_York"), "en-US")
    return (lambda text: parse_command(text, context)), (lambda text: find_date(text, context))


def latency(run: Runner, texts: list[str], rounds: int) -> dict[str, float]:
    for text in texts:  # warm up: caches, lazily built parsers
        run(text)
    samples = []
    for _ in range(rounds):
        for text in texts:
            start = time.perf_counter()
            run(text)
            samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return {
        "p50_ms": samples[len(samples) // 2],
        "p99_ms": samples[int(len(samples) * 0.99)],
        "mean_ms": statistics.fmean(samples),
        "n": len(texts),
    }


def cold_start(runs: int) -> float:
    script = (
        "import time\nstart = time.perf_counter()\nfrom datetime import datetime\n"
        "from zoneinfo import ZoneInfo\nfrom bot.parsing import parse_command\n"
        "from bot.parsing.dates import DateContext\n"
        f"context = DateContext(datetime.fromisoformat({NOW!r}), ZoneInfo('America/New_York'))\n"
        "parse_command('call jane@acme.com tomorrow 3pm Ask about pricing', context)\n"
        "print(time.perf_counter() - start)\n"
    )
    return statistics.median(float(_python(script)) for _ in range(runs))


def peak_rss_mb() -> float:
    script = (
        f"import resource, sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        "from tests.bench.grammar import FORMS, LONG, help_examples, load, runners\n"
        "parse, _ = runners()\n"
        "texts = [r['text'] for r in load('commands.jsonl')] + help_examples() + FORMS + LONG\n"
        "for text in texts:\n"
        "    parse(text)\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n"
    )
    return float(_python(script))


def _python(script: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return done.stdout.strip().splitlines()[-1]


def main() -> None:
    options = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    options.add_argument("--rounds", type=int, default=20)
    options.add_argument("--cold-runs", type=int, default=5)
    args = options.parse_args()
    parse, find = runners()
    sets = {
        "commands.jsonl": [row["text"] for row in load("commands.jsonl")],
        "help card examples": help_examples(),
        "explicit forms, escapes, problems": FORMS,
        "long bodies (~2,000 chars)": LONG,
    }
    report: dict[str, Any] = {"sets": {}, "cold_start_s": cold_start(args.cold_runs)}
    for name, texts in sets.items():
        report["sets"][name] = {
            "parse_command": latency(parse, texts, args.rounds),
            "find_date": latency(find, texts, args.rounds),
        }
    report["peak_rss_mb"] = peak_rss_mb()
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    _print(report)


def _print(report: dict[str, Any]) -> None:
    width = max(len(name) for name in report["sets"]) + 6
    print(
        f"{'per command, warm':<{width}}  {'parse_command p50/p99':>22}  {'find_date p50/p99':>18}"
    )
    for name, result in report["sets"].items():
        ours, dates = result["parse_command"], result["find_date"]
        label = f"{name} ({ours['n']})"
        print(
            f"{label:<{width}}  {ours['p50_ms']:>9.2f} / {ours['p99_ms']:>5.2f} ms"
            f"  {dates['p50_ms']:>6.2f} / {dates['p99_ms']:>5.2f} ms"
        )
    print(f"\ncold start (import + first parse, median): {report['cold_start_s']:.3f} s")
    print(f"peak RSS (every command above): {report['peak_rss_mb']:.1f} MB")
    print(f"JSON: {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
