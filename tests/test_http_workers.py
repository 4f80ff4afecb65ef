"""`taskbot http --workers N`: the worker processes serve on taskbot's own listening socket,
one that says it is TCP, so asyncio sets TCP_NODELAY on every connection. (On a socket
uvicorn binds itself it would not, and each ack's body would wait for the client's delayed
ACK: 40 ms a command, found by the ack-latency benchmark.) The real worker processes are
covered by tests/test_runners.py; here the supervisor is replaced to see what it is given."""

from __future__ import annotations

import argparse
import io
import socket
from pathlib import Path
from typing import Any

import pytest
import uvicorn
import uvicorn.supervisors

from bot.runners import run_http


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_workers_serve_on_taskbots_tcp_socket(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)  # no .env
    for name, value in {
        "SLACK_BOT_TOKEN": "xoxb-workers",
        "SLACK_SIGNING_SECRET": "workers-secret",
        "REPLY_API_KEY": "workers-key",
    }.items():
        monkeypatch.setenv(name, value)
    seen: list[dict[str, Any]] = []
    given: list[socket.socket] = []

    class Supervisor:
        """Stands in for uvicorn's Multiprocess: looks at what it was given, starts nothing."""

        def __init__(self, config: uvicorn.Config, sockets: list[socket.socket]) -> None:
            self.config, self.sockets = config, sockets

        def run(self) -> None:
            [sock] = self.sockets
            given.append(sock)
            seen.append(
                {
                    "app": self.config.app,
                    "factory": self.config.factory,
                    "workers": self.config.workers,
                    "lifespan": self.config.lifespan,
                    "proto": sock.proto,
                    "type": sock.type,
                    "listening": sock.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN),
                    "inheritable": sock.get_inheritable(),
                    "port": sock.getsockname()[1],
                }
            )

    def binds_its_own_socket(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("uvicorn.run(workers=N) binds a socket that is not marked TCP")

    monkeypatch.setattr(uvicorn.supervisors, "Multiprocess", Supervisor)
    monkeypatch.setattr(uvicorn, "run", binds_its_own_socket)
    port = free_port()

    assert (
        run_http(argparse.Namespace(host="127.0.0.1", port=port, workers=3), err=io.StringIO()) == 0
    )

    assert seen == [
        {
            "app": "bot.http:app_from_environment",
            "factory": True,
            "workers": 3,
            "lifespan": "on",
            "proto": socket.IPPROTO_TCP,  # what makes asyncio set TCP_NODELAY
            "type": socket.SOCK_STREAM,
            "listening": 1,
            "inheritable": True,
            "port": port,
        }
    ]
    assert given[0].fileno() == -1  # closed once the workers are done
