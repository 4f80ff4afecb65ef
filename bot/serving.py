"""Listening sockets and in-loop serving, shared by every server taskbot starts.

    sock = listening_socket("0.0.0.0", 3000)         # taskbot http, taskbot sandbox
    async with serve_locally(app) as url: ...          # the console's Slack stand-in, tests
    with exits_cleanly_on_signals(): server.run(...)   # uvicorn in the foreground

Binding first (before uvicorn starts) makes a busy port one clear error and lets a caller
learn a random port at once; early connections wait in the kernel's accept queue, so nobody
sleeps or polls for "started".

The socket is created with `IPPROTO_TCP`, not 0: asyncio sets `TCP_NODELAY` on accepted
connections only when the listening socket says it is TCP, and without it every small answer
waits ~40 ms for Nagle's algorithm and delayed ACKs (found by the ack-latency benchmark).
"""

from __future__ import annotations

import asyncio
import signal
import socket
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
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


@contextmanager
def exits_cleanly_on_signals() -> Iterator[None]:
    """uvicorn shuts down gracefully on SIGINT/SIGTERM (lifespan shutdown: work drained,
    clients and files closed), then raises the signal again with the handlers it found in
    place. With these no-op handlers in place that second signal is ignored, so a clean stop
    exits 0. Only the main thread may set handlers (`signal` docs); elsewhere, a no-op."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    signals = (signal.SIGINT, signal.SIGTERM)
    previous = {sig: signal.signal(sig, lambda *_: None) for sig in signals}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
