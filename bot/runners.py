"""The front doors, as `taskbot` subcommands (`bot.__main__.COMMANDS`): each takes the parsed
arguments and returns an exit code (0 fine, 2 a configuration problem, 130 interrupted).

    run_auto     Socket Mode when SLACK_BOT_TOKEN and SLACK_APP_TOKEN are both set, else the console
    run_console  the terminal console (`--script FILE`, `-` or piped stdin: run the lines, exit)
    run_socket   Socket Mode (AsyncSocketModeHandler), until SIGINT/SIGTERM
    run_http     uvicorn serving `bot.http` (POST /slack/events, GET /healthz); `--workers N`

Logs go to stderr at TASKBOT_LOG_LEVEL. A missing or unusable setting is one clear line on
stderr naming the variable and where its value comes from, never a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import socket
import sys
from pathlib import Path
from typing import TextIO

from pydantic import ValidationError

from bot.serving import exits_cleanly_on_signals, listening_socket
from bot.settings import Settings, load_settings

log = logging.getLogger("bot")

INTERRUPTED = 130
CONFIGURATION = 2

# Chatty at INFO (httpx logs every request): heard from only when something is wrong.
_QUIET_LIBRARIES = ("httpx", "httpcore", "slack_bolt", "slack_sdk", "aiohttp", "asyncio")


def run_auto(args: argparse.Namespace, *, err: TextIO | None = None) -> int:
    err = err or sys.stderr
    settings = _settings(err)
    if settings is None:
        return CONFIGURATION
    if settings.has_socket_mode_credentials:
        return run_socket(args, err=err)
    if settings.slack_bot_token is not None or settings.slack_app_token is not None:
        missing = "SLACK_APP_TOKEN" if settings.slack_app_token is None else "SLACK_BOT_TOKEN"
        err.write(
            f"taskbot: {missing} is not set, so this is the console, not Socket Mode "
            "(set both Slack tokens for Socket Mode).\n"
        )
    return run_console(args, err=err)


def run_console(
    args: argparse.Namespace,
    *,
    stdin: TextIO | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    from bot.console.main import Lines, ScriptLines, TerminalLines, run_console  # noqa: PLC0415
    from bot.reply.sandbox.store import SandboxDatabaseError  # noqa: PLC0415
    from bot.wiring import ConfigurationError  # noqa: PLC0415

    stdin, out, err = stdin or sys.stdin, out or sys.stdout, err or sys.stderr
    settings = _settings(err)
    if settings is None:
        return CONFIGURATION
    configure_logging(settings, err)
    script = getattr(args, "script", None)
    lines: Lines
    if script == "-" or (script is None and not stdin.isatty()):
        lines = ScriptLines(stdin.read())
    elif script is not None:
        try:
            lines = ScriptLines(Path(script).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            err.write(f"taskbot console: cannot read the script {script}: {exc}\n")
            return CONFIGURATION
    else:
        lines = TerminalLines()
    try:
        return asyncio.run(run_console(settings, lines=lines, out=out, ansi=out.isatty()))
    except (ConfigurationError, SandboxDatabaseError) as exc:
        err.write(f"taskbot console: {exc}\n")
        return CONFIGURATION
    except KeyboardInterrupt:
        out.write("\n")
        return INTERRUPTED


def run_socket(args: argparse.Namespace, *, err: TextIO | None = None) -> int:
    err = err or sys.stderr
    settings = _settings(err)
    if settings is None:
        return CONFIGURATION
    problem = _socket_token_problem(settings)
    if problem:
        err.write(f"taskbot socket: {problem}\n")
        return CONFIGURATION
    configure_logging(settings, err)
    from bot.reply.sandbox.store import SandboxDatabaseError  # noqa: PLC0415
    from bot.socket_mode import serve_socket_mode  # noqa: PLC0415
    from bot.wiring import ConfigurationError  # noqa: PLC0415

    try:
        return asyncio.run(serve_socket_mode(settings, err=err, tune_gc=True))
    except (ConfigurationError, SandboxDatabaseError) as exc:
        err.write(f"taskbot socket: {exc}\n")
        return CONFIGURATION
    except KeyboardInterrupt:
        return INTERRUPTED


def run_http(args: argparse.Namespace, *, err: TextIO | None = None) -> int:
    err = err or sys.stderr
    settings = _settings(err)
    if settings is None:
        return CONFIGURATION
    host = getattr(args, "host", None) or settings.http_host
    port = getattr(args, "port", None) or settings.http_port
    workers = getattr(args, "workers", None) or settings.http_workers
    problem = _http_problem(settings, workers)
    if problem:
        err.write(f"taskbot http: {problem}\n")
        return CONFIGURATION
    configure_logging(settings, err)
    import uvicorn  # noqa: PLC0415

    try:
        sock = listening_socket(host, port)
    except OSError as exc:
        err.write(
            f"taskbot http: cannot listen on {host}:{port} ({exc.strerror or exc}); choose "
            "another --port (or PORT) or --host (or TASKBOT_HTTP_HOST).\n"
        )
        return CONFIGURATION
    level = settings.log_level.lower()
    if workers > 1:
        _serve_with_workers(sock, workers, level)
        return 0
    from bot.http import create_http_app  # noqa: PLC0415

    app = create_http_app(settings, tune_gc=True)
    config = uvicorn.Config(app, lifespan="on", log_level=level)
    try:
        with exits_cleanly_on_signals():
            uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
    return 0


def _serve_with_workers(sock: socket.socket, workers: int, level: str) -> None:
    """`workers` processes on our listening socket, each building its app from the
    environment (an import string is the only way uvicorn starts workers).

    Not `uvicorn.run(..., workers=N)`: that binds a socket of its own without saying it is
    TCP (protocol 0), so asyncio sets no TCP_NODELAY on its connections, and the body of
    every ack, written after its headers, waits for the client's delayed ACK: 40 ms per
    command (ack-latency benchmark, --workers 2). `listening_socket`'s is IPPROTO_TCP."""
    import uvicorn  # noqa: PLC0415
    from uvicorn.supervisors import Multiprocess  # noqa: PLC0415

    config = uvicorn.Config(
        "bot.http:app_from_environment",
        factory=True,
        workers=workers,
        log_level=level,
        lifespan="on",
    )
    sock.set_inheritable(True)  # as uvicorn's own socket: the workers receive it
    try:
        Multiprocess(config, sockets=[sock]).run()
    finally:
        sock.close()


# --------------------------------------------------------------------------------------


def _settings(err: TextIO) -> Settings | None:
    try:
        return load_settings()
    except ValidationError as exc:
        for problem in exc.errors():
            name = ".".join(str(part) for part in problem["loc"]) or "settings"
            message = str(problem["msg"]).removeprefix("Value error, ")
            err.write(f"taskbot: {name}: {message}\n")
        return None


def _socket_token_problem(settings: Settings) -> str | None:
    bot = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    app = settings.slack_app_token.get_secret_value() if settings.slack_app_token else None
    if bot is None or app is None:
        missing = " and ".join(
            name
            for name, value in (("SLACK_BOT_TOKEN", bot), ("SLACK_APP_TOKEN", app))
            if value is None
        )
        return (
            f"{missing} not set. Socket Mode needs the bot token (xoxb-…, OAuth & "
            "Permissions) and an app-level token (xapp-…, Basic Information → App-Level "
            "Tokens, scope connections:write)."
        )
    if not bot.startswith("xoxb-"):
        return "SLACK_BOT_TOKEN should start with xoxb- (the bot token, not a user or app token)."
    if not app.startswith("xapp-"):
        return (
            "SLACK_APP_TOKEN should start with xapp- (an app-level token with connections:write)."
        )
    return None


def _http_problem(settings: Settings, workers: int) -> str | None:
    if settings.slack_signing_secret is None:
        return (
            "SLACK_SIGNING_SECRET is not set: HTTP mode verifies every request with it (your "
            "Slack app's Basic Information → App Credentials)."
        )
    if settings.slack_bot_token is None:
        return "SLACK_BOT_TOKEN is not set: copy the bot token (xoxb-…) from OAuth & Permissions."
    if workers < 1:
        return f"--workers must be 1 or more, not {workers}."
    if workers > 1 and settings.uses_sandbox and settings.sandbox_db is None:
        return (
            f"{workers} workers on the embedded Reply sandbox would each keep their own tasks "
            "in memory, so a button clicked on a card could reach a worker that never saw its "
            "task. Set TASKBOT_SANDBOX_DB to a file the workers share, set REPLY_API_KEY, or "
            "run one worker."
        )
    return None


def configure_logging(settings: Settings, err: TextIO) -> None:
    """Logs to `err` (stderr) at TASKBOT_LOG_LEVEL; chatty libraries only from WARNING."""
    logging.basicConfig(
        stream=err,
        level=settings.log_level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        force=True,
    )
    if settings.log_level != "DEBUG":
        for name in _QUIET_LIBRARIES:
            logging.getLogger(name).setLevel(logging.WARNING)
