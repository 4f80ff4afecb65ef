"""`taskbot when`: how taskbot reads a date phrase (for reps, support and the benchmark).

    taskbot when --now 2026-11-25T14:37-05:00 --tz America/New_York next Friday
    due Fri 4 Dec 2026 17:00 EST (America/New_York) — read "next Friday"

`--json` prints one object; `--jsonl` reads rows from stdin (`id`, `text`, `now`, `tz`,
`locale`, `kind`; the flags fill in what a row leaves out) and writes one line per row:
`{"id", "result": "YYYY-MM-DDTHH:MM:SS" (local, naive) or null, "error": message or null}`.
Bad input (a bad --now, an unknown zone) is a message on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from bot.cli._common import EXIT_BAD_INPUT, BadInputError, context_from, jsonl_rows
from bot.messages.dates import when_text
from bot.parsing.dates import DateContext, DateRefusal, Kind, ReadDate, read_date, zone_label

__all__ = ["EXIT_BAD_INPUT", "BadInputError", "run"]


def run(args: argparse.Namespace) -> int:
    try:
        if args.jsonl:
            return _run_jsonl(args, sys.stdin, sys.stdout)
        text = " ".join(args.text).strip()
        if not text:
            raise BadInputError("give a phrase to read, e.g. taskbot when 'EOD Fri'")
        ctx = context_from(args.now, args.tz, args.locale)
        result = read_date(text, ctx, args.kind)
    except BadInputError as problem:
        print(f"taskbot when: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.json:
        print(json.dumps(_as_json(result, args.kind, ctx), ensure_ascii=False))
    elif isinstance(result, ReadDate):
        print(f'{args.kind} {when_text(result.at)} ({zone_label(ctx.tz)}) — read "{text}"')
    else:
        print(result.message)
    return 0 if isinstance(result, ReadDate) else 1


def _run_jsonl(args: argparse.Namespace, rows: TextIO, out: TextIO) -> int:
    try:
        for number, row, ctx in jsonl_rows(rows, args):
            kind = row.get("kind") or args.kind
            if kind not in ("due", "start"):
                raise BadInputError(f"line {number}: kind must be 'due' or 'start', got {kind!r}")
            result = read_date(row["text"], ctx, kind)
            record: dict[str, Any] = {"id": row.get("id"), "result": None, "error": None}
            if isinstance(result, ReadDate):
                record["result"] = result.at.replace(tzinfo=None).isoformat(timespec="seconds")
            else:
                record["error"] = result.message
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    except BadInputError as problem:
        print(f"taskbot when: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return 0


def _as_json(result: ReadDate | DateRefusal, kind: Kind, ctx: DateContext) -> dict[str, Any]:
    if isinstance(result, ReadDate):
        return {
            "text": result.text, "kind": kind, "ok": True,
            "at": result.at.isoformat(timespec="seconds"),
            "local": result.at.replace(tzinfo=None).isoformat(timespec="seconds"),
            "tz": zone_label(ctx.tz), "has_time": result.has_time, "display": when_text(result.at),
        }  # fmt: skip
    return {
        "text": result.text, "kind": kind, "ok": False, "reason": result.reason.value,
        "message": result.message, "tz": zone_label(ctx.tz),
        "resolved": result.resolved.isoformat(timespec="seconds") if result.resolved else None,
        "readings": [day.isoformat() for day in result.readings],
    }  # fmt: skip
