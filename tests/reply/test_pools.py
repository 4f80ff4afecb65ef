"""The Reply client's connection pools (`bot.reply._pools.SpreadTransport`): requests spread
over the pools, a pool slot is held until the response is closed and always given back, and
over real HTTP many calls are open at once on connections that stay alive."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator, Callable

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from bot.reply import NO_RETRY, ReplyClient
from bot.reply._pools import SpreadTransport
from bot.reply.enums import Dialect
from tests.reply.client_fakes import KEY
from tests.reply.client_payloads import task_json
from tests.support.servers import serve_asgi


class Body(httpx.AsyncByteStream):
    """A response body still on its connection, as a network pool returns it."""

    def __init__(self) -> None:
        self.closed = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield b'{"ok": true}'

    async def aclose(self) -> None:
        self.closed = True


class Gate:
    """Where the fake pools' requests wait: `waiting(n)` returns once n requests are there;
    `open()` lets them all through."""

    def __init__(self, *, opened: bool = False) -> None:
        self._open = asyncio.Event()
        if opened:
            self._open.set()
        self._arrived = 0
        self._changed = asyncio.Condition()

    def open(self) -> None:
        self._open.set()

    async def wait(self) -> None:
        async with self._changed:
            self._arrived += 1
            self._changed.notify_all()
        await self._open.wait()

    async def waiting(self, count: int) -> None:
        async with asyncio.timeout(5), self._changed:
            await self._changed.wait_for(lambda: self._arrived >= count)


class HeldPool(httpx.AsyncBaseTransport):
    """A pool whose requests wait until the test lets them through (or fail with `error`);
    `streamed=False` answers with a body read in full, as httpx.MockTransport does."""

    def __init__(
        self, gate: Gate, error: Exception | None = None, *, streamed: bool = True
    ) -> None:
        self.gate = gate
        self.error = error
        self.streamed = streamed
        self.bodies: list[Body] = []
        self.closed = False

    @property
    def served(self) -> int:
        return len(self.bodies)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await self.gate.wait()
        if self.error is not None:
            raise self.error
        self.bodies.append(Body())
        if not self.streamed:
            return httpx.Response(200, json={"ok": True})
        return httpx.Response(200, stream=self.bodies[-1])

    async def aclose(self) -> None:
        self.closed = True


def held_pools(
    gate: Gate, error: Exception | None = None, *, streamed: bool = True
) -> tuple[list[HeldPool], Callable[[httpx.Limits], httpx.AsyncBaseTransport]]:
    made: list[HeldPool] = []

    def make(limits: httpx.Limits) -> httpx.AsyncBaseTransport:
        assert limits.max_connections == limits.max_keepalive_connections  # all kept alive
        made.append(HeldPool(gate, error, streamed=streamed))
        return made[-1]

    return made, make


async def test_requests_go_to_the_pool_with_the_fewest_in_flight() -> None:
    gate = Gate()
    pools, make = held_pools(gate)
    spread = SpreadTransport(pools=3, per_pool=8, make_pool=make)
    async with httpx.AsyncClient(transport=spread, base_url="http://reply.test") as http:
        calls = [asyncio.create_task(http.get(f"/v3/tasks/{n}")) for n in range(7)]
        await gate.waiting(7)
        assert sorted(spread.in_flight) == [2, 2, 3]
        gate.open()
        answers = await asyncio.gather(*calls)
    assert [a.status_code for a in answers] == [200] * 7
    assert sorted(p.served for p in pools) == [2, 2, 3]
    assert all(body.closed for pool in pools for body in pool.bodies)
    assert spread.in_flight == (0, 0, 0)
    assert all(p.closed for p in pools)


async def test_a_slot_is_held_until_the_response_is_closed() -> None:
    gate = Gate(opened=True)
    pools, make = held_pools(gate)
    spread = SpreadTransport(pools=2, per_pool=4, make_pool=make)
    async with httpx.AsyncClient(transport=spread, base_url="http://reply.test") as http:
        async with http.stream("GET", "/v3/tasks/1"):
            assert sorted(spread.in_flight) == [0, 1]  # the body is still on its connection
        assert spread.in_flight == (0, 0)
        assert [body.closed for pool in pools for body in pool.bodies] == [True]


async def test_a_response_read_in_full_by_its_pool_holds_no_slot() -> None:
    gate = Gate(opened=True)
    _, make = held_pools(gate, streamed=False)
    spread = SpreadTransport(pools=2, per_pool=4, make_pool=make)
    async with httpx.AsyncClient(transport=spread, base_url="http://reply.test") as http:
        for n in range(5):
            assert (await http.get(f"/v3/tasks/{n}")).json() == {"ok": True}
            assert spread.in_flight == (0, 0)


async def test_a_failed_request_gives_its_slot_back_and_keeps_httpxs_error() -> None:
    gate = Gate(opened=True)
    refused = httpx.ConnectError("connection refused")
    _, make = held_pools(gate, error=refused)
    spread = SpreadTransport(pools=2, per_pool=4, make_pool=make)
    async with httpx.AsyncClient(transport=spread, base_url="http://reply.test") as http:
        with pytest.raises(httpx.ConnectError) as raised:
            await http.get("/v3/tasks/1")
    assert raised.value is refused
    assert spread.in_flight == (0, 0)


async def test_a_cancelled_request_gives_its_slot_back() -> None:
    gate = Gate()  # never opened: the request waits until cancelled
    _, make = held_pools(gate)
    spread = SpreadTransport(pools=2, per_pool=4, make_pool=make)
    async with httpx.AsyncClient(transport=spread, base_url="http://reply.test") as http:
        call = asyncio.create_task(http.get("/v3/tasks/1"))
        await gate.waiting(1)
        assert sum(spread.in_flight) == 1
        call.cancel()
        with pytest.raises(asyncio.CancelledError):
            await call
    assert spread.in_flight == (0, 0)


@pytest.mark.parametrize(("pools", "per_pool"), [(0, 32), (16, 0)])
def test_at_least_one_pool_of_one_connection(pools: int, per_pool: int) -> None:
    with pytest.raises(ValueError, match="at least one pool"):
        SpreadTransport(pools=pools, per_pool=per_pool)


async def test_many_calls_open_at_once_over_connections_kept_alive() -> None:
    """150 calls held open together (a second each, at 50 commands/s, is that many): none
    may wait for a connection, and a second round reuses the first round's connections.
    httpx's default pool fails both: it opens 100 connections at most and keeps 20."""
    open_calls = 150
    arrived = 0
    everyone = asyncio.Event()
    connections: Counter[tuple[str, int]] = Counter()

    async def task(request: Request) -> JSONResponse:
        nonlocal arrived
        assert request.client is not None
        connections[(request.client.host, request.client.port)] += 1
        arrived += 1
        if arrived % open_calls == 0:
            everyone.set()
        await everyone.wait()  # answer only once every call of the round is open
        return JSONResponse(task_json(Dialect.SEED, id=int(request.path_params["task_id"])))

    app = Starlette(routes=[Route("/v3/tasks/{task_id:int}", task)])
    async with serve_asgi(app) as url:
        try:
            async with ReplyClient(api_key=KEY, base_url=url, retry=NO_RETRY) as reply:
                for _ in range(2):
                    everyone.clear()
                    async with asyncio.timeout(5):
                        tasks = await asyncio.gather(*(reply.get_task(n) for n in range(1, 151)))
                    assert [t.id for t in tasks] == list(range(1, 151))
        finally:
            everyone.set()  # a round that failed must not leave the server holding calls
    assert arrived == 2 * open_calls
    assert len(connections) == open_calls  # the second round opened none
    assert set(connections.values()) == {2}
