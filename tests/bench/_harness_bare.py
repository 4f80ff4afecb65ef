"""The ack-latency benchmark's baseline: a bare Bolt `AsyncApp` whose `/task` listener only
acks, behind the same Starlette route and Bolt adapter as taskbot, served the way
`taskbot http` serves taskbot (`bot.runners.run_http`).

    python tests/bench/_harness_bare.py --host 127.0.0.1 --port P [--workers N]

It reads the same environment as taskbot (through `bot.settings`): SLACK_BOT_TOKEN,
SLACK_SIGNING_SECRET, SLACK_API_URL, TASKBOT_LOG_LEVEL. Whatever `run_http` sets up for uvicorn
(the listening socket, lifespan, log level, logging, one process or `--workers` processes from
an import string) is done here the same way, so the two apps differ only in what the listener
does. Keep this file in step with `bot.runners.run_http`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from slack_bolt.adapter.starlette.async_handler import AsyncSlackRequestHandler
from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a script: make `bot` and `tests` importable

from bot import ids  # noqa: E402
from bot.http import EVENTS_PATH, HEALTH_PATH  # noqa: E402
from bot.runners import configure_logging  # noqa: E402
from bot.serving import listening_socket  # noqa: E402
from bot.settings import Settings, load_settings  # noqa: E402

FACTORY = "tests.bench._harness_bare:app_from_environment"


def create_bare_app(settings: Settings) -> Starlette:
    """Signature verification, Bolt's dispatch and an empty ack; nothing else."""
    token = settings.slack_bot_token
    secret = settings.slack_signing_secret
    if token is None or secret is None:
        raise SystemExit("the bare app needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET")
    bolt = AsyncApp(
        name="bare",
        client=AsyncWebClient(token=token.get_secret_value(), base_url=settings.slack_api_url),
        signing_secret=secret.get_secret_value(),
    )

    @bolt.command(ids.COMMAND)
    async def only_ack(ack: AsyncAck) -> None:
        await ack()

    handler = AsyncSlackRequestHandler(bolt)

    async def events(request: Request) -> Response:
        return await handler.handle(request)

    async def health(_: Request) -> Response:
        return JSONResponse({"status": "ok", "background": 0})

    return Starlette(
        routes=[
            Route(EVENTS_PATH, events, methods=["POST"]),
            Route(HEALTH_PATH, health, methods=["GET"]),
        ]
    )


def app_from_environment() -> Starlette:
    settings = load_settings()
    configure_logging(settings, sys.stderr)
    return create_bare_app(settings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    settings = load_settings()
    configure_logging(settings, sys.stderr)
    import uvicorn  # noqa: PLC0415 - as in run_http
    from uvicorn.supervisors import Multiprocess  # noqa: PLC0415

    level = settings.log_level.lower()
    sock = listening_socket(args.host, args.port)
    if args.workers > 1:
        config = uvicorn.Config(
            FACTORY, factory=True, workers=args.workers, log_level=level, lifespan="on"
        )
        sock.set_inheritable(True)
        try:
            Multiprocess(config, sockets=[sock]).run()
        finally:
            sock.close()
        return 0
    config = uvicorn.Config(create_bare_app(settings), lifespan="on", log_level=level)
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
