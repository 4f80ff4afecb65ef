"""When Reply fails, the rep reads a sentence with the next step, keeps what they typed, and
never gets a task twice. Faults are the sandbox's; one scenario is a real-key client against
a server that answers 401, one runs the sandbox as a separate HTTP server."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bot import ids
from bot.domain import TaskStatus
from bot.messages.reply import reconciled_note
from bot.reply.sandbox import Fault, Sandbox
from bot.views.values import CommandRef, decode
from tests.scenarios.harness import (
    NOW,
    blocks_of,
    button_ids,
    button_value,
    running_taskbot,
    texts,
)
from tests.support.fake_slack import FakeClock
from tests.support.servers import serve_asgi

COMMAND = "call jane@acme.com tomorrow 3pm Ask about {{company}} pricing"
TASKS = "/v3/tasks"


async def test_a_rate_limit_says_when_and_try_again_creates_the_task() -> None:
    async with running_taskbot() as bot:
        bot.sandbox.faults.push(Fault.status(429, retry_after=120, path="/v3/contacts"))
        sent = await bot.command(COMMAND)
        await bot.settle()
        [message] = bot.shown(sent)
        assert texts(message)[0] == (
            "⚠️ The Reply sandbox is over its rate limit (100 requests a minute per user), so "
            "taskbot couldn't look up the contact. Try again in 2 minutes."
        )
        assert button_ids(message) == [ids.OPEN_FORM, ids.TRY_AGAIN]
        assert decode(button_value(message, ids.TRY_AGAIN), CommandRef).command == COMMAND

        retried = await bot.click(message, ids.TRY_AGAIN)
        await bot.fake.wait_for("response_url", count=3)  # the error; progress; the card
        [card] = bot.shown(retried)
        assert blocks_of(card, "header")[0]["text"]["text"] == "📞 Call — Jane Cooper"


async def test_a_server_error_on_create_is_checked_then_offered_again() -> None:
    async with running_taskbot() as bot:
        bot.sandbox.faults.push(Fault.status(500, method="POST", path=TASKS))
        sent = await bot.command(COMMAND)
        await bot.settle()
        [message] = bot.shown(sent)
        assert "the task is not in the Reply sandbox (taskbot checked)" in texts(message)[0]
        assert ids.TRY_AGAIN in button_ids(message)


async def test_an_outage_is_a_sentence_not_a_stack_trace() -> None:
    async with running_taskbot() as bot:
        bot.sandbox.faults.push(Fault.status(503, path="/v3/contacts"), times=3)
        sent = await bot.command(COMMAND)
        await bot.settle()
        [message] = bot.shown(sent)
        assert texts(message)[0].startswith(
            "⚠️ The Reply sandbox had a problem on its side (HTTP 503)"
        )


async def test_a_connection_dropped_after_the_task_was_stored_shows_it_once() -> None:
    async with running_taskbot() as bot:
        bot.sandbox.faults.push(Fault.drop_after_store(method="POST", path=TASKS))
        sent = await bot.command(COMMAND)
        await bot.settle()
        [card] = bot.shown(sent)
        assert blocks_of(card, "header")[0]["text"]["text"] == "📞 Call — Jane Cooper"
        assert texts(card)[1] == reconciled_note(sandbox=True)
        tasks = [t async for t in bot.deps.reply.filter_tasks(status=TaskStatus.NEW)]
        assert len(tasks) == 1


async def test_a_dropped_create_that_left_no_task_is_not_offered_as_a_retry() -> None:
    async with running_taskbot() as bot:
        bot.sandbox.faults.push(Fault.drop(method="POST", path=TASKS))
        sent = await bot.command(COMMAND)
        await bot.settle()
        [message] = bot.shown(sent)
        assert "Check your tasks in Reply before you create it again" in texts(message)[0]
        assert button_ids(message) == [ids.OPEN_FORM]


async def test_a_key_reply_refuses_is_explained_with_who_fixes_it() -> None:
    async def unauthorized(_: Request) -> Response:
        return Response(status_code=401)  # Reply's 401 may have an empty body (§3)

    refusing = Starlette(routes=[Route("/{path:path}", unauthorized, methods=["GET", "POST"])])
    async with serve_asgi(refusing, lifespan="off") as reply_url:
        environment = {"REPLY_API_KEY": "k-revoked-1234", "REPLY_API_BASE_URL": reply_url}
        async with running_taskbot(environment=environment, use_sandbox=False) as bot:
            sent = await bot.command(COMMAND)
            await bot.settle()
            [message] = bot.shown(sent)
            assert texts(message)[0] == (
                "⚠️ Reply didn't accept taskbot's API key: it is wrong, or it was revoked. "
                "Whoever runs taskbot needs to set REPLY_API_KEY to a working key (Reply → "
                "Settings → API Key) and check REPLY_API_DIALECT."
            )
            assert "k-revoked-1234" not in str(bot.fake.calls)


@asynccontextmanager
async def served_sandbox() -> AsyncIterator[tuple[Sandbox, str]]:
    """The sandbox as `taskbot sandbox` runs it: its own HTTP server."""
    sandbox = Sandbox.create(clock=FakeClock(NOW))
    async with sandbox, serve_asgi(sandbox.app, lifespan="off") as url:
        yield sandbox, url


async def test_over_real_http_to_a_separately_served_reply() -> None:
    async with served_sandbox() as (sandbox, url):
        environment = {"REPLY_API_KEY": "any-key", "REPLY_API_BASE_URL": url}
        async with running_taskbot(environment=environment, use_sandbox=False) as bot:
            sent = await bot.command(COMMAND)
            await bot.settle()
            [card] = bot.shown(sent)
            assert "Ask about Acme pricing" in texts(card)
            # taskbot can't know this Reply is a sandbox: no badge.
            assert "sandbox" not in blocks_of(card, "context")[0]["elements"][0]["text"]
            assert [r.path for r in sandbox.requests][:2] == ["/v3/contacts", "/v3/tasks"]


async def test_reply_json_errors_from_a_real_reply_keep_the_api_key_out() -> None:
    async def limited(_: Request) -> Response:
        return JSONResponse(
            {"title": "Too Many Requests", "status": 429},
            status_code=429,
            headers={"Retry-After": "40"},
        )

    limiter = Starlette(routes=[Route("/{path:path}", limited, methods=["GET", "POST"])])
    async with serve_asgi(limiter, lifespan="off") as reply_url:
        environment = {"REPLY_API_KEY": "k-live-5678", "REPLY_API_BASE_URL": reply_url}
        async with running_taskbot(environment=environment, use_sandbox=False) as bot:
            sent = await bot.command(COMMAND)
            await bot.settle()
            [message] = bot.shown(sent)
            assert texts(message)[0].startswith("⚠️ Reply is over its rate limit")
            assert texts(message)[0].endswith("Try again in 40 seconds.")
