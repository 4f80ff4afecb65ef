"""Serve an ASGI app on 127.0.0.1 (a random free port) inside the test's event loop.

The listening socket is bound and listening before the server task starts, so the URL is
usable at once: early connections wait in the kernel's accept queue instead of failing, and
no test needs to sleep or poll for "server started".
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import uvicorn


@asynccontextmanager
async def serve_asgi(app: Any, *, lifespan: str = "auto") -> AsyncIterator[str]:
    """Yield the base URL (`http://127.0.0.1:PORT`) while `app` is served."""
    # IPPROTO_TCP, not 0: asyncio only sets TCP_NODELAY on accepted connections when the
    # listening socket says it is TCP; without it every small response waits ~40 ms for
    # Nagle + delayed ACK, which skews every latency the tests and benchmarks see.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(512)
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, lifespan=lifespan, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve(sockets=[sock]))
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task
        sock.close()
