"""`SpreadTransport`: the Reply client's connections, kept in several small pools.

Every `/task` keeps one Reply call open for as long as Reply takes to answer, so a process
serving 100 commands/s while Reply answers in a second holds about 300 calls open at once.
One httpcore pool (httpx's default transport; httpcore 1.0.9 is what httpx 0.28 uses)
spends more CPU on that than on the requests themselves:

* every time a request starts or ends, the pool matches each queued request against every
  connection, O(queued x connections); past `max_connections` (httpx's default: 100)
  requests queue, and the queue makes each of those passes longer (encode/httpcore#1035);
* it enforces `max_keepalive_connections` (default 20) against *all* its connections, not
  the idle ones, so above 20 connections each one is closed as soon as it is idle and every
  call opens a new one (encode/httpcore#1000); a limit high enough to avoid that makes
  every pass rebuild the list of all connections once per idle connection instead,
  O(idle x connections), which grows without bound under load.

Measured with tests/bench/ack_latency.py (issue 4): 70 % of taskbot's CPU went to the pool
at 50 commands/s, and at 100/s acks took seconds. Pools of `per_pool` connections bound the
cost of each pass by the pool's size whatever the load, and keep every connection alive; a
request goes to the pool with the fewest requests in flight, so the pools fill evenly.
Failures are httpx's own: each pool is an `httpx.AsyncHTTPTransport`, raising the same
httpx exceptions the client maps (a request that may have reached Reply stays one).
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import AsyncIterator, Callable

import httpx

POOLS = 64
PER_POOL = 8
"""512 connections in all: room for 100 commands/s against a Reply that takes a second per
call, far more than Reply's own rate limit (100 requests a minute per key) ever lets
through; a pool only fills when Reply is slow. Small pools, because every request that
starts or ends walks its pool's connections (and polls each idle one's socket, httpcore's
`has_expired`): with 16 pools of 32 that walk was a fifth of a Reply call's CPU at 100
commands/s, with 64 of 8 about a tenth (tests/bench/command_cpu.py profiles)."""

MakePool = Callable[[httpx.Limits], httpx.AsyncBaseTransport]


class SpreadTransport(httpx.AsyncBaseTransport):
    """`pools` connection pools of `per_pool` connections each (all kept alive); each
    request uses the pool with the fewest requests in flight until its response is closed.

    `make_pool` builds one pool from its limits (default: an `httpx.AsyncHTTPTransport`
    with one TLS context shared by all pools, as httpx would build it)."""

    def __init__(
        self,
        *,
        pools: int = POOLS,
        per_pool: int = PER_POOL,
        make_pool: MakePool | None = None,
    ) -> None:
        if pools < 1 or per_pool < 1:
            raise ValueError(f"need at least one pool of one connection, not {pools} x {per_pool}")
        limits = httpx.Limits(max_connections=per_pool, max_keepalive_connections=per_pool)
        make = make_pool or _http_pools(httpx.create_ssl_context())
        self._pools = tuple(make(limits) for _ in range(pools))
        self._in_flight = [0] * pools

    @property
    def in_flight(self) -> tuple[int, ...]:
        """Requests in flight per pool (sent, response not closed yet)."""
        return tuple(self._in_flight)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        index = self._in_flight.index(min(self._in_flight))
        self._in_flight[index] += 1
        release = _release_once(self._in_flight, index)
        try:
            response = await self._pools[index].handle_async_request(request)
        except BaseException:  # cancelled too: the slot must come back
            release()
            raise
        stream = response.stream
        if response.is_closed or not isinstance(stream, httpx.AsyncByteStream):
            release()  # read in full already: no connection is held for it
            return response
        response.stream = _Releasing(stream, release)
        return response

    async def aclose(self) -> None:
        await asyncio.gather(*(pool.aclose() for pool in self._pools))


def _http_pools(context: ssl.SSLContext) -> MakePool:
    def make(limits: httpx.Limits) -> httpx.AsyncBaseTransport:
        return httpx.AsyncHTTPTransport(verify=context, limits=limits)

    return make


def _release_once(in_flight: list[int], index: int) -> Callable[[], None]:
    released = False

    def release() -> None:
        nonlocal released
        if not released:
            released = True
            in_flight[index] -= 1

    return release


class _Releasing(httpx.AsyncByteStream):
    """A response body that gives its pool slot back when closed (httpx closes every
    response once read, or on error)."""

    def __init__(self, stream: httpx.AsyncByteStream, release: Callable[[], None]) -> None:
        self._stream = stream
        self._release = release

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._stream:
            yield chunk

    async def aclose(self) -> None:
        try:
            await self._stream.aclose()
        finally:
            self._release()
