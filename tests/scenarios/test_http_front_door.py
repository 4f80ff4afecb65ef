"""The HTTP front door itself: only Slack's signed, fresh requests get in; unknown commands
and routes are refused; /healthz says whether taskbot is up."""

from __future__ import annotations

import time

from tests.scenarios.harness import SECRET, running_taskbot
from tests.support import slack_payloads as payloads

COMMAND = "call jane@acme.com tomorrow 3pm Ask about pricing"


async def test_a_forged_signature_is_refused_and_nothing_runs() -> None:
    async with running_taskbot() as bot:
        body = payloads.command_body(
            payloads.slash_command(bot.fake, user_id="U0BERLIN", text=COMMAND)
        )
        headers = payloads.bad_signature_headers(body, SECRET, int(time.time()))
        refused = await bot.http.post(f"{bot.url}/slack/events", content=body, headers=headers)
        assert refused.status_code == 401
        await bot.settle()
        assert bot.reply_calls() == []
        assert bot.fake.calls_to("users.info") == []


async def test_a_replayed_request_six_minutes_old_is_refused() -> None:
    async with running_taskbot() as bot:
        body = payloads.command_body(
            payloads.slash_command(bot.fake, user_id="U0BERLIN", text=COMMAND)
        )
        stale = payloads.stale_headers(body, SECRET, int(time.time()))
        refused = await bot.http.post(f"{bot.url}/slack/events", content=body, headers=stale)
        assert refused.status_code == 401
        await bot.settle()
        assert bot.reply_calls() == []


async def test_an_unsigned_request_is_refused() -> None:
    async with running_taskbot() as bot:
        body = payloads.command_body(
            payloads.slash_command(bot.fake, user_id="U0BERLIN", text=COMMAND)
        )
        refused = await bot.http.post(
            f"{bot.url}/slack/events",
            content=body,
            headers={"content-type": payloads.FORM},
        )
        assert refused.status_code == 401


async def test_a_command_taskbot_does_not_have_is_not_handled() -> None:
    async with running_taskbot() as bot:
        fields = payloads.slash_command(bot.fake, user_id="U0BERLIN", text=COMMAND, command="/tusk")
        answered = await bot.post(payloads.command_body(fields))
        assert answered.status_code == 404  # Bolt: no listener matched
        await bot.settle()
        assert bot.reply_calls() == []
        assert bot.fake.calls_to("response_url") == []


async def test_healthz_reports_the_reply_in_use_and_pending_work() -> None:
    async with running_taskbot() as bot:
        health = await bot.http.get(f"{bot.url}/healthz")
        assert health.status_code == 200
        assert health.json() == {
            "status": "ok",
            "version": "0.1.0",
            "reply": "sandbox",
            "background": 0,
        }


async def test_other_routes_and_methods_are_refused() -> None:
    async with running_taskbot() as bot:
        assert (await bot.http.get(f"{bot.url}/slack/events")).status_code == 405
        assert (await bot.http.get(f"{bot.url}/")).status_code == 404
        assert (await bot.http.post(f"{bot.url}/healthz")).status_code == 405
