"""`taskbot sandbox`: the Reply sandbox as a local HTTP server (uvicorn).

    taskbot sandbox [--host H] [--port 8765] [--latency SECONDS] [--no-rate-limit] [--db FILE]

It binds the port first (so a busy port is a one-line error, and `--port 0` picks a free
one), prints where it listens, the demo user, the seeded contacts and curl examples, then
serves until Ctrl-C or SIGTERM, which stop it cleanly (exit status 0).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import socket
import sys
from pathlib import Path
from typing import TextIO

import uvicorn

from bot.reply.sandbox.core import Sandbox
from bot.reply.sandbox.seed import CONTACTS
from bot.reply.sandbox.store import SandboxDatabaseError
from bot.serving import exits_cleanly_on_signals, listening_socket

_UNFINISHED = "ASGI callable returned without completing response."


def run_from_cli(args: argparse.Namespace) -> int:
    return run(
        host=args.host,
        port=args.port,
        latency=args.latency,
        rate_limit=not args.no_rate_limit,
        db=Path(args.db) if args.db else None,
    )


def run(
    *,
    host: str = "127.0.0.1",
    port: int = 8765,
    latency: float = 0.0,
    rate_limit: bool = True,
    db: Path | None = None,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
) -> int:
    try:
        sandbox = Sandbox.create(db=db, rate_limit=rate_limit, latency=latency)
    except SandboxDatabaseError as exc:
        err.write(f"taskbot sandbox: {exc}\n")
        return 2
    try:
        sock = listening_socket(host, port)
    except OSError as exc:
        err.write(
            f"taskbot sandbox: cannot listen on {host}:{port} ({exc.strerror or exc}); "
            "choose another --port or --host.\n"
        )
        asyncio.run(sandbox.aclose())
        return 2
    bound_port = sock.getsockname()[1]
    out.write(banner(_url(host, bound_port), sandbox, db=db) + "\n")
    out.flush()
    config = uvicorn.Config(sandbox.app, lifespan="off", log_level="info")
    logging.getLogger("uvicorn.error").addFilter(_ScriptedDropFilter())
    server = uvicorn.Server(config)
    with exits_cleanly_on_signals():
        asyncio.run(_serve(server, sock, sandbox))
    return 0


async def _serve(server: uvicorn.Server, sock: socket.socket, sandbox: Sandbox) -> None:
    try:
        await server.serve(sockets=[sock])
    finally:
        sock.close()
        await sandbox.aclose()


def _url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("", "0.0.0.0") else host  # noqa: S104 - a comparison
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"


class _ScriptedDropFilter(logging.Filter):
    """uvicorn logs an error when a response is left unfinished; here that is always a
    scripted drop, so say that instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.getMessage() == _UNFINISHED:
            record.msg, record.args = "dropped the connection (scripted fault)", ()
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


def banner(url: str, sandbox: Sandbox, *, db: Path | None = None) -> str:
    user = sandbox.demo_user
    state = f"SQLite file {db}" if db else "memory (lost on exit; --db FILE keeps it)"
    limit = "100 requests/minute per key" if sandbox.rate_limit else "off"
    lines = [
        f"Reply sandbox listening on {url}",
        "A fake of Reply's v3 API for development and tests. It is not Reply.",
        f"  state: {state}",
        f"  rate limit: {limit}; latency: {sandbox.latency:g} s",
        f"  any non-empty key works and acts as {user.username} "
        f"(userId {user.user_id}, teamId {user.team_id})",
        "",
        "Contacts:",
        *_contact_table(),
        "",
        "Try (X-API-Key = seed dialect, integer enums; Bearer = beta dialect, string enums):",
        f"  curl -s {url}/v3/whoami -H 'X-API-Key: any-key'",
        f"  curl -s '{url}/v3/contacts?email=jane@acme.com' -H 'Authorization: Bearer any-key'",
        f"  curl -s {url}/v3/tasks -H 'Authorization: Bearer any-key' "
        '-H \'Content-Type: application/json\' -d \'{"taskType":"call","contactId":30101,'
        '"startAt":"2030-06-02T09:00:00Z","dueTo":"2030-06-02T17:00:00Z",'
        '"template":{"body":"Call {{firstName}} about {{company}} pricing"}}\'',
        f"  curl -s '{url}/v3/tasks/10001?includeContent=true' -H 'X-API-Key: any-key'",
        "Faults and inspection (outside /v3):",
        f'  curl -s {url}/_sandbox/faults -d \'{{"kind":"status","status":503,"times":2}}\'',
        f"  curl -s {url}/_sandbox/requests",
        f"  curl -s -X POST {url}/_sandbox/reset",
    ]
    return "\n".join(lines)


def _contact_table() -> list[str]:
    header = ("id", "name", "email", "phone", "company", "time zone")
    rows = [
        (
            str(c.id),
            c.full_name or "—",
            c.email or "—",
            c.phone or "—",
            c.company or "—",
            c.time_zone_id or "—",
        )
        for c in CONTACTS
    ]
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]
    return ["  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            for row in (header, *rows)]  # fmt: skip
