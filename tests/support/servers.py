"""Serve an ASGI app on 127.0.0.1 (a random free port) inside the test's event loop.

The same helper the console uses for its Slack stand-in (`bot.serving.serve_locally`); tests
default to running the app's lifespan, as a real server would.
"""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from typing import Any, Literal

from bot.serving import serve_locally


def serve_asgi(
    app: Any, *, lifespan: Literal["auto", "on", "off"] = "auto"
) -> AbstractAsyncContextManager[str]:
    """Yield the base URL (`http://127.0.0.1:PORT`) while `app` is served."""
    return serve_locally(app, lifespan=lifespan)


__all__ = ["serve_asgi"]
