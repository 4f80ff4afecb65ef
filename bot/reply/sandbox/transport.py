"""An httpx transport that calls the sandbox in process: no sockets, same answers.

    transport = sandbox.transport()
    async with httpx.AsyncClient(transport=transport, base_url="http://reply-sandbox") as http:
        await http.get("/v3/whoami", headers={"X-API-Key": "any"})

A scripted dropped connection raises `httpx.RemoteProtocolError`, with the message httpcore
gives when a server closes the connection without answering.
"""

from __future__ import annotations

import httpx
from starlette.types import ASGIApp, Receive, Scope, Send

from bot.reply.sandbox.middleware import IN_PROCESS, ConnectionDropped


class SandboxTransport(httpx.AsyncBaseTransport):
    def __init__(self, app: ASGIApp) -> None:
        async def marked(scope: Scope, receive: Receive, send: Send) -> None:
            extensions = {**(scope.get("extensions") or {}), IN_PROCESS: True}
            await app({**scope, "extensions": extensions}, receive, send)

        self._inner = httpx.ASGITransport(app=marked, client=("127.0.0.1", 49152))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            return await self._inner.handle_async_request(request)
        except ConnectionDropped:
            raise httpx.RemoteProtocolError(
                "Server disconnected without sending a response.", request=request
            ) from None

    async def aclose(self) -> None:
        await self._inner.aclose()
