"""Listening sockets and in-loop serving, shared by every server taskbot starts.

    sock = listening_socket("0.0.0.0", 3000)         # taskbot http, taskbot sandbox
    async with serve_locally(app) as url: ...          # the console's Slack stand-in, tests

Binding first (before uvicorn starts) makes a busy port one clear error and lets a caller
learn a random port at once; early connections wait in the kernel's accept queue, so nobody
sleeps or polls for "started".

The socket is created with `IPPROTO_TCP`, not 0: asyncio sets `TCP_NODELAY` on accepted
connections only when the listening socket says it is TCP, and without it every small answer
waits ~40 ms for Nagle's algorithm and delayed ACKs (found by the ack-latency benchmark).
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Literal

import uvicorn
from starlette.types import ASGIApp

BACKLOG = 2048
"""Accept queue length: a burst of 200 slash commands must queue, not be refused."""


def listening_socket(host: str, port: int, *, backlog: int = BACKLOG) -> socket.socket:
    """A TCP socket bound to `host:port` (0: any free port) and listening.
    Raises OSError (e.g. the port is taken) with nothing left open."""
    family, kind, proto, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP, flags=socket.AI_PASSIVE
    )[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(backlog)
    except OSError:
        sock.close()
        raise
    return sock


@asynccontextmanager
async def serve_locally(
    app: ASGIApp, *, lifespan: Literal["auto", "on", "off"] = "off"
) -> AsyncIterator[str]:
    """Serve `app` on 127.0.0.1 (a random free port) inside the running event loop and
    yield its base URL (`http://127.0.0.1:PORT`)."""
    sock = listening_socket("127.0.0.1", 0)
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, lifespan=lifespan, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve(sockets=[sock]), name=f"serving on :{port}")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task
        sock.close()
