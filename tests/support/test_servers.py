import httpx
import pytest

from tests.support.servers import serve_asgi


async def hello(scope: dict, receive: object, send: object) -> None:  # type: ignore[type-arg]
    assert scope["type"] == "http"
    await send({"type": "http.response.start", "status": 200, "headers": []})  # type: ignore[operator]
    await send({"type": "http.response.body", "body": b"hello"})  # type: ignore[operator]


async def test_a_served_app_answers_on_loopback_at_once() -> None:
    async with serve_asgi(hello, lifespan="off") as url, httpx.AsyncClient() as client:
        assert url.startswith("http://127.0.0.1:")
        assert (await client.get(url)).text == "hello"


def _causes(exc: BaseException) -> list[BaseException]:
    found = [exc]
    if isinstance(exc, BaseExceptionGroup):
        for inner in exc.exceptions:
            found += _causes(inner)
    for linked in (exc.__cause__, exc.__context__):
        if linked is not None:
            found += _causes(linked)
    return found


async def test_tests_cannot_reach_beyond_loopback() -> None:
    """pytest-socket (configured in pyproject) refuses any address but 127.0.0.1 and ::1.

    It warns and raises; with warnings as errors the warning is what surfaces."""
    async with httpx.AsyncClient() as client:
        with pytest.raises(BaseException) as raised:  # noqa: PT011 - inspected below
            await client.get("http://192.0.2.1/")
    assert any("tried to use socket.socket.connect()" in str(e) for e in _causes(raised.value))
