#!/usr/bin/env python3
"""One entry point for people who just cloned taskbot.

    python3 dev.py            run taskbot (the console on the embedded Reply sandbox
                              when no Slack or Reply credentials are configured)
    python3 dev.py test       run the test suite
    python3 dev.py lint       ruff check, ruff format --check, mypy --strict on bot/
    python3 dev.py bench X    run a benchmark from tests/bench/ (dates, ack_latency, ...)
    python3 dev.py -- ARGS    pass ARGS to `taskbot` (e.g. `python3 dev.py -- sandbox`)

It needs only Python 3.11+: on first use (and whenever pyproject.toml changes) it creates
`.venv/` and installs taskbot with its test extra there. Everything after the verb is passed on.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("TASKBOT_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".taskbot-installed"


def _ensure_venv() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs under whatever python3 is first
        sys.exit(f"taskbot needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    if not (BIN / "python").exists():
        print(f"dev.py: creating {VENV} ...", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("dev.py: installing taskbot and its test tools (once) ...", file=sys.stderr)
    pip = [str(BIN / "python"), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "install", "-e", f"{ROOT}[test]"], check=True)
    STAMP.write_text(wanted + "\n")


def _run(*argv: str) -> int:
    return subprocess.run(argv, cwd=ROOT, check=False).returncode


def main(args: list[str]) -> int:
    verb, rest = (args[0], args[1:]) if args else ("run", [])
    _ensure_venv()
    if verb == "test":
        return _run(str(BIN / "python"), "-m", "pytest", *rest)
    if verb == "lint":
        for step in (["ruff", "check", "."], ["ruff", "format", "--check", "."], ["mypy"]):
            code = _run(str(BIN / step[0]), *step[1:])
            if code:
                return code
        return 0
    if verb == "bench":
        if not rest:
            benches = sorted(p.stem for p in (ROOT / "tests" / "bench").glob("[!_]*.py"))
            sys.exit(
                f"usage: python3 dev.py bench NAME [ARGS]; NAME is one of {', '.join(benches)}"
            )
        script = ROOT / "tests" / "bench" / f"{rest[0]}.py"
        return _run(str(BIN / "python"), str(script), *rest[1:])
    if verb == "run":
        return _run(str(BIN / "taskbot"), *rest)
    if verb == "--":
        return _run(str(BIN / "taskbot"), *rest)
    sys.exit(f"dev.py: unknown verb {verb!r}; use run, test, lint, bench, or -- ARGS")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
