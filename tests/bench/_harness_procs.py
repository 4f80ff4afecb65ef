"""The processes of the ack-latency benchmark: start them, know when they are ready, read
their CPU time and peak memory from /proc, stop them.

    async with Services.start(workdir, workers=1, latency=1.0) as services:
        services.sandbox.url, services.slack.url, services.taskbot.url, services.bare.url

Each server writes its output to a log file in `workdir` (uvicorn's access log included, as
in production at the default log level); `errors_logged()` counts what a scenario left there.
Every process runs with `workdir` as its working directory so a developer's `.env` in the
repository cannot change what is measured.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import socket
import sys
import time
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Self

import httpx

ROOT = Path(__file__).resolve().parents[2]
BENCH = Path(__file__).resolve().parent
SECRET = "ack-latency-bench-signing-secret"
BOT_TOKEN = "xoxb-ack-latency-bench"
REPLY_KEY = "ack-latency-bench-key"
READY_WITHIN = 60.0  # seconds a server may take to start
_TICKS = os.sysconf("SC_CLK_TCK")
_PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024


# --------------------------------------------------------------------------------------
# /proc


def process_tree(pid: int) -> list[int]:
    """`pid` and its descendants (uvicorn's workers), from /proc/PID/task/*/children."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for children in Path(f"/proc/{current}/task").glob("*/children"):
            with contextlib.suppress(OSError):
                todo.extend(int(child) for child in children.read_text().split())
    return found


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of these processes (utime and stime, /proc/PID/stat)."""
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
    return total / _TICKS


def reset_peak_rss(pids: list[int]) -> bool:
    """Set each process's high-water mark to its current RSS (proc(5), clear_refs "5"), so
    the next `peak_rss_mib` is the peak of what ran in between. False where not allowed."""
    done = True
    for pid in pids:
        try:
            Path(f"/proc/{pid}/clear_refs").write_text("5")
        except OSError:
            done = False
    return done


def peak_rss_mib(pids: list[int]) -> float:
    """Sum of the processes' peak resident set sizes (VmHWM), in MiB."""
    total_kib = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total_kib += int(line.split()[1])
    return round(total_kib / 1024, 1)


def rss_mib(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError, IndexError):
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * _PAGE_KIB
    return round(total / 1024, 1)


# --------------------------------------------------------------------------------------
# processes


@dataclass
class Service:
    name: str
    process: asyncio.subprocess.Process
    url: str
    log: Path
    _log_mark: int = 0
    _drain: asyncio.Task[None] | None = field(default=None, repr=False)

    @property
    def pids(self) -> list[int]:
        return process_tree(self.process.pid)

    def mark_log(self) -> None:
        self._log_mark = self.log.stat().st_size

    def errors_logged(self) -> list[str]:
        """Lines at ERROR or worse, and tracebacks, written since `mark_log()`."""
        with self.log.open("rb") as log:
            log.seek(self._log_mark)
            lines = log.read().decode("utf-8", "replace").splitlines()
        return [
            line
            for line in lines
            if " ERROR " in line or " CRITICAL " in line or line.startswith("Traceback")
        ]

    async def stop(self) -> None:
        if self.process.returncode is None:
            self.process.terminate()
            try:
                await asyncio.wait_for(self.process.wait(), 15)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()
        if self._drain is not None:
            await self._drain


def free_port() -> int:
    """A port nothing listens on now (uvicorn's workers bind it themselves)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _environment(extra: Mapping[str, str]) -> dict[str, str]:
    """This environment without any taskbot, Slack or Reply setting, plus `extra`."""
    ours = ("SLACK_", "REPLY_", "TASKBOT_", "PORT", "WEB_CONCURRENCY")
    kept = {k: v for k, v in os.environ.items() if not k.startswith(ours)}
    kept["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), kept.get("PYTHONPATH")]))
    return {**kept, **extra}


async def _spawn(
    name: str, argv: list[str], workdir: Path, env: Mapping[str, str], *, first_line: bool
) -> tuple[asyncio.subprocess.Process, Path, IO[bytes]]:
    log = workdir / f"{name}.log"
    sink = log.open("wb")
    process = await asyncio.create_subprocess_exec(
        *argv,
        cwd=workdir,
        env=_environment(env),
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE if first_line else sink,
        stderr=sink,
    )
    return process, log, sink


async def _copy(stream: asyncio.StreamReader, sink: IO[bytes]) -> None:
    while chunk := await stream.read(65536):
        sink.write(chunk)
        sink.flush()
    sink.close()


async def _line_with(
    process: asyncio.subprocess.Process, sink: IO[bytes], marker: bytes, name: str
) -> bytes:
    """Read stdout (copying it to the log) until a line holding `marker`."""
    assert process.stdout is not None
    async with asyncio.timeout(READY_WITHIN):
        while line := await process.stdout.readline():
            sink.write(line)
            sink.flush()
            if marker in line:
                return line
    raise RuntimeError(f"{name} exited before it was ready (exit {process.returncode})")


async def start_sandbox(workdir: Path, latency: float) -> Service:
    """`taskbot sandbox --latency L --no-rate-limit` on a free port (its banner names it)."""
    argv = [sys.executable, "-m", "bot", "sandbox", "--port", "0", "--latency", str(latency)]
    argv.append("--no-rate-limit")
    process, log, sink = await _spawn("sandbox", argv, workdir, {}, first_line=True)
    line = await _line_with(process, sink, b"listening on ", "the Reply sandbox")
    url = line.decode().rsplit("listening on ", 1)[1].strip()
    assert process.stdout is not None
    return Service(
        "sandbox", process, url, log, _drain=asyncio.create_task(_copy(process.stdout, sink))
    )


async def start_slack(workdir: Path) -> Service:
    argv = [sys.executable, str(BENCH / "_harness_slack.py")]
    process, log, sink = await _spawn("slack", argv, workdir, {}, first_line=True)
    line = await _line_with(process, sink, b'"url"', "the fake Slack")
    assert process.stdout is not None
    drain = asyncio.create_task(_copy(process.stdout, sink))
    return Service("slack", process, json.loads(line)["url"], log, _drain=drain)


def server_environment(slack_url: str, sandbox_url: str) -> dict[str, str]:
    """What both apps are configured with: the fake Slack, the sandbox as *the* Reply."""
    return {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": f"{slack_url}/api/",
        "REPLY_API_KEY": REPLY_KEY,
        "REPLY_API_BASE_URL": sandbox_url,
    }


async def start_server(
    name: str, argv: list[str], workdir: Path, env: Mapping[str, str], port: int
) -> Service:
    """Start an HTTP server and wait for `GET /healthz` to answer 200 (nothing to await
    across processes: poll, with a deadline)."""
    process, log, _ = await _spawn(name, argv, workdir, env, first_line=False)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + READY_WITHIN
    async with httpx.AsyncClient(timeout=2) as http:
        while True:
            if process.returncode is not None:
                raise RuntimeError(f"{name} exited with {process.returncode}; see {log}")
            with contextlib.suppress(httpx.TransportError):
                if (await http.get(f"{url}/healthz")).status_code == 200:
                    return Service(name, process, url, log)
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name} did not become ready in {READY_WITHIN:.0f}s; see {log}")
            await asyncio.sleep(0.05)


@dataclass
class Services:
    sandbox: Service
    slack: Service
    taskbot: Service
    bare: Service

    @classmethod
    @contextlib.asynccontextmanager
    async def start(cls, workdir: Path, *, workers: int, latency: float) -> AsyncIterator[Self]:
        started: list[Service] = []
        try:
            sandbox = await start_sandbox(workdir, latency)
            started.append(sandbox)
            slack = await start_slack(workdir)
            started.append(slack)
            env = server_environment(slack.url, sandbox.url)
            port = free_port()
            taskbot_argv = [sys.executable, "-m", "bot", "http", "--host", "127.0.0.1"]
            taskbot_argv += ["--port", str(port), "--workers", str(workers)]
            taskbot = await start_server("taskbot", taskbot_argv, workdir, env, port)
            started.append(taskbot)
            port = free_port()
            bare_argv = [sys.executable, str(BENCH / "_harness_bare.py"), "--host", "127.0.0.1"]
            bare_argv += ["--port", str(port), "--workers", str(workers)]
            bare = await start_server("bare", bare_argv, workdir, env, port)
            started.append(bare)
            yield cls(sandbox, slack, taskbot, bare)
        finally:
            for service in reversed(started):
                await service.stop()


async def json_of(http: httpx.AsyncClient, method: str, url: str, **kwargs: Any) -> Any:
    response = await http.request(method, url, **kwargs)
    response.raise_for_status()
    return response.json() if response.content else None
