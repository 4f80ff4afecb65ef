"""Reply client benchmark: what the client itself costs, and how it behaves when Reply is slow.

    python tests/bench/reply_client.py [--calls 2000] [--latency 0.2] [--concurrency 100]

* overhead: p50/p99 per call of create_task, get_task and one 100-item filter page through
  an in-memory transport (encode, auth, retry bookkeeping, decode: everything but network);
* loopback: the same create over real HTTP to a minimal server on 127.0.0.1 (uvicorn);
* slow Reply: `--concurrency` calls at once against a Reply that takes `--latency` seconds
  to answer, through one pooled client: the wall time shows the calls overlap;
* cold import of `bot.reply.client` in a fresh interpreter (median of 5).

Prints a table; writes tests/bench/results/reply_client.json. Not a test: nothing asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # run as a script: make `tests.*` importable

from bot.domain import TaskType, TaskWrite  # noqa: E402
from bot.reply import NO_RETRY, ReplyClient  # noqa: E402
from bot.reply.enums import Dialect  # noqa: E402
from bot.settings import DEFAULT_REPLY_BASE_URL  # noqa: E402
from tests.reply.client_payloads import list_item_json, task_json  # noqa: E402

RESULTS = ROOT / "tests" / "bench" / "results" / "reply_client.json"
KEY = "bench-key-0123456789abcdef"
START = datetime(2025, 6, 2, 9, tzinfo=UTC)
CALL = TaskWrite(TaskType.CALL, START, START + timedelta(hours=8), "Call {{firstName}}", 12345)
TASK = json.dumps(task_json(Dialect.BETA)).encode()
PAGE = json.dumps(
    {"items": [list_item_json(Dialect.BETA, n) for n in range(100)], "hasMore": False}
).encode()


def answer(request: httpx.Request) -> httpx.Response:
    body = PAGE if request.url.path.endswith("/filter") else TASK
    status = 201 if request.method == "POST" and request.url.path == "/v3/tasks" else 200
    return httpx.Response(status, content=body, headers={"content-type": "application/json"})


async def timings(call: Callable[[], Awaitable[Any]], count: int) -> dict[str, float]:
    for _ in range(min(50, count)):  # warm up
        await call()
    samples = []
    for _ in range(count):
        started = time.perf_counter()
        await call()
        samples.append(time.perf_counter() - started)
    samples.sort()
    return {
        "p50_ms": round(statistics.median(samples) * 1000, 3),
        "p99_ms": round(samples[int(len(samples) * 0.99) - 1] * 1000, 3),
        "calls": count,
    }


async def overhead(count: int) -> dict[str, dict[str, float]]:
    transport = httpx.MockTransport(answer)
    async with ReplyClient(
        api_key=KEY,
        base_url=DEFAULT_REPLY_BASE_URL,
        dialect=Dialect.BETA,
        transport=transport,
        retry=NO_RETRY,
    ) as reply:

        async def one_page() -> None:
            async for _ in reply.filter_tasks():
                pass

        return {
            "create_task": await timings(lambda: reply.create_task(CALL), count),
            "get_task": await timings(lambda: reply.get_task(501), count),
            "filter_tasks (100 items)": await timings(one_page, count // 4),
        }


@asynccontextmanager
async def serve(app: Starlette) -> AsyncIterator[str]:
    """Like tests.support.servers.serve_asgi, but the socket says it is TCP: asyncio sets
    TCP_NODELAY only on sockets whose proto is IPPROTO_TCP, and without it uvicorn's
    separate header and body writes meet delayed ACKs (about 40 ms per request)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    sock.listen(512)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        await task
        sock.close()


async def loopback(count: int) -> dict[str, float]:
    async def create(request: Request) -> JSONResponse:
        await request.body()
        return JSONResponse(task_json(Dialect.BETA), status_code=201)

    app = Starlette(routes=[Route("/v3/tasks", create, methods=["POST"])])
    async with (
        serve(app) as url,
        ReplyClient(api_key=KEY, base_url=url, dialect=Dialect.BETA, retry=NO_RETRY) as reply,
    ):
        return await timings(lambda: reply.create_task(CALL), count)


async def slow_reply(latency: float, concurrency: int) -> dict[str, float]:
    async def slow(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(latency)  # the simulated Reply, not the client, is slow
        return answer(request)

    transport = httpx.MockTransport(slow)
    async with ReplyClient(
        api_key=KEY, base_url=DEFAULT_REPLY_BASE_URL, transport=transport, retry=NO_RETRY
    ) as reply:
        started = time.perf_counter()
        await asyncio.gather(*(reply.get_task(n + 1) for n in range(concurrency)))
        wall = time.perf_counter() - started
    return {
        "latency_s": latency,
        "concurrent_calls": concurrency,
        "wall_s": round(wall, 3),
        "serial_would_take_s": round(latency * concurrency, 1),
    }


def cold_import(runs: int = 5) -> float:
    code = (
        "import time; t = time.perf_counter(); import bot.reply.client; "
        "print(time.perf_counter() - t)"
    )
    seconds = [
        float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                             text=True, cwd=ROOT).stdout)
        for _ in range(runs)
    ]  # fmt: skip
    return round(statistics.median(seconds), 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--concurrency", type=int, default=100)
    args = parser.parse_args()

    results: dict[str, Any] = {
        "overhead": asyncio.run(overhead(args.calls)),
        "loopback_create": asyncio.run(loopback(args.calls // 4)),
        "slow_reply": asyncio.run(slow_reply(args.latency, args.concurrency)),
        "cold_import_s": cold_import(),
    }
    print(f"{'in-memory transport':32} {'p50 ms':>8} {'p99 ms':>8}")
    for name, row in results["overhead"].items():
        print(f"{name:32} {row['p50_ms']:8.3f} {row['p99_ms']:8.3f}")
    row = results["loopback_create"]
    print(f"{'create_task over 127.0.0.1 HTTP':32} {row['p50_ms']:8.3f} {row['p99_ms']:8.3f}")
    slow = results["slow_reply"]
    print(
        f"\n{slow['concurrent_calls']} concurrent get_task, Reply answering in "
        f"{slow['latency_s']}s: {slow['wall_s']}s wall (one after another: "
        f"{slow['serial_would_take_s']}s)"
    )
    print(f"cold import of bot.reply.client: {results['cold_import_s']}s")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nwrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
