# ruff: noqa: RUF001, RUF002 - typographic quotes are how taskbot quotes what a rep typed
"""`taskbot parse`: how taskbot reads a whole `/task` text (for reps, support and benchmarks).

    taskbot parse --now 2026-11-25T14:37-05:00 --tz America/New_York \\
        call jane@acme.com tomorrow 3pm Ask about pricing
    type      Call
    contact   jane@acme.com (email)
    start     Wed 25 Nov 2026 14:37 EST (now)
    due       Thu 26 Nov 2026 15:00 EST (read ‘tomorrow 3pm’)
    body      Ask about pricing
    zone      America/New_York
    problems  none

`--json` prints the draft as one object (`record` below); `--jsonl` reads rows from stdin
(`id`, `text`, `now`, `tz`, `locale`; the flags fill in what a row leaves out) and writes one
object per line, with the row's `id`. Exit status: 0 when the command can be created as it
is, 1 when the draft has problems, 2 for bad input (a bad --now, an unknown zone, a bad row),
which is a message on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import Any, TextIO

from bot.cli._common import EXIT_BAD_INPUT, BadInputError, context_from, jsonl_rows
from bot.messages.dates import when_text
from bot.messages.task import LINKEDIN_ACTION_NAME, TYPE_NAME
from bot.parsing import ParsedCommand, parse_command
from bot.parsing.dates import DateContext, ReadDate, zone_label

EXIT_PROBLEMS = 1
_LABEL_WIDTH = 10


def run(args: argparse.Namespace) -> int:
    try:
        if args.jsonl:
            return _run_jsonl(args, sys.stdin, sys.stdout)
        text = " ".join(args.text).strip()
        if not text:
            raise BadInputError(
                "give a command to read, e.g. taskbot parse 'call jane@acme.com tomorrow 3pm'"
            )
        ctx = context_from(args.now, args.tz, args.locale)
    except BadInputError as problem:
        print(f"taskbot parse: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    parsed = parse_command(text, ctx)
    if args.json:
        print(json.dumps(record(parsed, ctx), ensure_ascii=False))
    else:
        print(human(parsed, ctx))
    return 0 if parsed.is_help or parsed.is_complete else EXIT_PROBLEMS


def _run_jsonl(args: argparse.Namespace, rows: TextIO, out: TextIO) -> int:
    try:
        for _, row, ctx in jsonl_rows(rows, args):
            parsed = parse_command(row["text"], ctx)
            out.write(json.dumps({"id": row.get("id"), **record(parsed, ctx)}, ensure_ascii=False))
            out.write("\n")
    except BadInputError as problem:
        print(f"taskbot parse: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return 0


def _iso(at: datetime | None) -> str | None:
    return at.isoformat(timespec="seconds") if at else None


def _local(at: datetime | None) -> str | None:
    return at.replace(tzinfo=None).isoformat(timespec="seconds") if at else None


def record(parsed: ParsedCommand, ctx: DateContext) -> dict[str, Any]:
    """The draft as JSON: times in ISO 8601 with the offset, and on the rep's wall clock
    (`*_local`, the form of the example files' `expect`)."""
    draft = parsed.draft
    contact = draft.contact
    return {
        "text": parsed.text,
        "is_help": parsed.is_help,
        "type": draft.task_type.value if draft.task_type else None,
        "linkedin_action": draft.linkedin_action.value if draft.linkedin_action else None,
        "contact": (
            {"kind": contact.kind, "value": contact.value, "origin": parsed.contact_origin}
            if contact else None
        ),
        "start": _iso(draft.start_at), "due": _iso(draft.due_to),
        "start_local": _local(draft.start_at), "due_local": _local(draft.due_to),
        "due_defaulted": parsed.due_defaulted,
        "date_text": draft.date_text,
        "body": draft.body,
        "subject": draft.subject,
        "tz": zone_label(ctx.tz),
        "problems": [{"field": p.field, "message": p.message} for p in draft.problems],
        "recognised": [{"role": item.role, "text": item.text} for item in parsed.recognised],
    }  # fmt: skip


def human(parsed: ParsedCommand, ctx: DateContext) -> str:
    """The draft as aligned lines, for a person at a terminal."""
    if parsed.is_help:
        return "help: /task shows the usage card (taskbot parse reads commands, not help)"
    draft = parsed.draft
    lines: list[tuple[str, str]] = []
    kind = TYPE_NAME[draft.task_type] if draft.task_type else "(none)"
    if draft.linkedin_action:
        kind += f" · {LINKEDIN_ACTION_NAME[draft.linkedin_action]}"
    lines.append(("type", kind))
    if draft.contact:
        origin = {
            "guessed": " — a guess, to confirm",
            "description": " — found in the description, to confirm",
        }.get(parsed.contact_origin or "", "")
        lines.append(("contact", f"{draft.contact.value} ({draft.contact.kind}){origin}"))
    slot = parsed.due if isinstance(parsed.due, ReadDate) and parsed.due.until else None
    lines.append(("start", _when(draft.start_at, parsed.start or slot, "now")))
    lines.append(("due", _when(draft.due_to, parsed.due, "no date given")))
    lines.append(("body", draft.body or "(empty)"))
    if draft.subject is not None:
        lines.append(("subject", draft.subject))
    lines.append(("zone", zone_label(ctx.tz)))
    problems = [f"{p.field}: {p.message}" for p in draft.problems] or ["none"]
    lines += [("problems" if n == 0 else "", problem) for n, problem in enumerate(problems)]
    return "\n".join(_aligned(label, value) for label, value in lines)


def _when(at: datetime | None, reading: object, otherwise: str) -> str:
    if isinstance(reading, ReadDate):  # the draft's time: a range's end, a time after a start
        return f"{when_text(at or reading.at)} (read ‘{reading.text}’)"
    if reading is not None:
        return "(not read; see problems)"
    return f"{when_text(at)} ({otherwise})" if at else "(none)"


def _aligned(label: str, value: str) -> str:
    indent = " " * _LABEL_WIDTH
    return f"{label:<{_LABEL_WIDTH}}" + value.replace("\n", "\n" + indent)
