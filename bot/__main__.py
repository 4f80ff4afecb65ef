"""`taskbot` / `python -m bot`: the command line.

    taskbot                     Socket Mode when SLACK_BOT_TOKEN and SLACK_APP_TOKEN are set,
                                the terminal console otherwise
    taskbot console [--script FILE]
    taskbot socket
    taskbot http [--host H] [--port P] [--workers N]
    taskbot sandbox [--host H] [--port 8765] [--latency S] [--no-rate-limit] [--db FILE]
    taskbot when [--now ISO] [--tz ZONE] [--locale L] [--kind due|start] [--json|--jsonl] TEXT
    taskbot parse [--now ISO] [--tz ZONE] [--locale L] [--json|--jsonl] TEXT

Argument definitions live here so `--help` is instant; each command's module is imported
only when that command runs (rule 1: no work at import).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from bot import __version__

# command -> "module:function"; the function takes the parsed arguments and returns an
# exit code. Modules are imported lazily so `taskbot when` does not pay for Bolt.
COMMANDS: dict[str, str] = {
    "run": "bot.runners:run_auto",
    "console": "bot.runners:run_console",
    "socket": "bot.runners:run_socket",
    "http": "bot.runners:run_http",
    "sandbox": "bot.reply.sandbox.server:run_from_cli",
    "when": "bot.cli.when:run",
    "parse": "bot.cli.parse:run",
}


def _positive_float(text: str) -> float:
    value = float(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {text}")
    return value


def _add_parse_context(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--now", help="reference instant, ISO 8601 with offset (default: now)")
    parser.add_argument("--tz", help="the rep's IANA time zone (default: TASKBOT_DEFAULT_TIMEZONE)")
    parser.add_argument("--locale", help="the rep's Slack locale, e.g. en-US, en-GB, de-DE")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--jsonl", action="store_true", help="read JSON rows from stdin, write one per line"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="taskbot",
        description="Create Reply tasks from Slack. With no command: Socket Mode when Slack "
        "tokens are configured, the terminal console otherwise.",
    )
    parser.add_argument("--version", action="version", version=f"taskbot {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("run", help="Socket Mode if Slack tokens are set, else the console")

    console = commands.add_parser("console", help="use taskbot from the terminal")
    console.add_argument(
        "--script", metavar="FILE", help="read commands from FILE ('-' for stdin) and exit"
    )

    commands.add_parser("socket", help="connect to Slack over Socket Mode")

    http = commands.add_parser("http", help="serve Slack's HTTP requests (ASGI, uvicorn)")
    http.add_argument("--host", help="interface to bind (default: TASKBOT_HTTP_HOST)")
    http.add_argument("--port", type=int, help="port (default: PORT, else 3000)")
    http.add_argument("--workers", type=int, help="worker processes (default: WEB_CONCURRENCY)")

    sandbox = commands.add_parser("sandbox", help="run the Reply sandbox as a local server")
    sandbox.add_argument("--host", default="127.0.0.1")
    sandbox.add_argument("--port", type=int, default=8765)
    sandbox.add_argument(
        "--latency", type=_positive_float, default=0.0, metavar="SECONDS",
        help="added to every response",
    )  # fmt: skip
    sandbox.add_argument(
        "--no-rate-limit", action="store_true", help="switch off the 100 requests/minute limit"
    )
    sandbox.add_argument("--db", metavar="FILE", help="keep state in this SQLite file")

    when = commands.add_parser("when", help="show how taskbot reads a date phrase")
    _add_parse_context(when)
    when.add_argument("--kind", choices=("due", "start"), default="due")
    when.add_argument("text", nargs="*", help="the phrase, e.g. 'EOD Fri'")

    parse = commands.add_parser("parse", help="show how taskbot reads a whole /task text")
    _add_parse_context(parse)
    parse.add_argument("text", nargs="*", help="e.g. 'call jane@acme.com tomorrow 3pm'")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = args.command or "run"
    module_name, function_name = COMMANDS[command].split(":")
    function = getattr(importlib.import_module(module_name), function_name)
    try:
        result: int = function(args)
    except BrokenPipeError:
        # `taskbot parse … | head` closed the pipe: not an error worth a traceback. Point
        # stdout at devnull so the interpreter's final flush does not raise again
        # (https://docs.python.org/3/library/signal.html#note-on-sigpipe).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return result


if __name__ == "__main__":
    sys.exit(main())
