"""`taskbot`, `taskbot console|socket|http`: the right front door, and one clear line (exit 2)
for each setting that is missing or unusable. Two tests run the real processes: `taskbot http`
answering a signed command and stopping cleanly on SIGTERM (one and two workers), and the
console reading piped stdin."""

from __future__ import annotations

import asyncio
import io
import os
import signal
import socket
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest

from bot.__main__ import main
from bot.settings import ENV_NAMES
from tests.support import slack_payloads as payloads
from tests.support.fake_slack import FakeSlack, SlackUser

REP = SlackUser("U0REP", tz="Europe/Berlin")
SECRET = "runner-secret"


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    """No taskbot variable set and no .env file, whatever the developer's shell has."""
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return monkeypatch


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(
    ("variables", "argv", "says"),
    [
        pytest.param(
            {"SLACK_BOT_TOKEN": "xoxb-1"},
            ["http"],
            "taskbot http: SLACK_SIGNING_SECRET is not set",
            id="http-no-secret",
        ),
        pytest.param(
            {"SLACK_SIGNING_SECRET": "s"},
            ["http"],
            "taskbot http: SLACK_BOT_TOKEN is not set",
            id="http-no-token",
        ),
        pytest.param(
            {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"},
            ["http", "--workers", "3"],
            "taskbot http: 3 workers on the embedded Reply sandbox would each keep their own "
            "tasks in memory",
            id="http-workers-on-memory-sandbox",
        ),
        pytest.param(
            {},
            ["socket"],
            "taskbot socket: SLACK_BOT_TOKEN and SLACK_APP_TOKEN not set",
            id="socket",
        ),
        pytest.param(
            {"SLACK_BOT_TOKEN": "xapp-1", "SLACK_APP_TOKEN": "xapp-2"},
            ["socket"],
            "taskbot socket: SLACK_BOT_TOKEN should start with xoxb-",
            id="socket-swapped-token",
        ),
        pytest.param(
            {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xoxb-2"},
            ["socket"],
            "taskbot socket: SLACK_APP_TOKEN should start with xapp-",
            id="socket-bot-token-as-app-token",
        ),
        pytest.param(
            {"TASKBOT_DEFAULT_TIMEZONE": "Mars/Olympus"},
            ["console"],
            "taskbot: TASKBOT_DEFAULT_TIMEZONE: unknown time zone 'Mars/Olympus'",
            id="bad-setting",
        ),
        pytest.param(
            {"TASKBOT_CONSOLE_TIMEZONE": "Moon/Base"},
            ["console"],
            "taskbot: TASKBOT_CONSOLE_TIMEZONE: unknown time zone 'Moon/Base'",
            id="bad-console-zone",
        ),
    ],
)
def test_a_setting_that_is_missing_or_wrong_is_one_clear_line(
    environment: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    variables: dict[str, str],
    argv: list[str],
    says: str,
) -> None:
    for name, value in variables.items():
        environment.setenv(name, value)
    code, out, err = run(argv, capsys)
    assert code == 2
    assert err.startswith(says), err
    assert err.count("\n") == 1
    assert "Traceback" not in err
    assert out == ""


def test_a_busy_port_is_one_clear_line(
    environment: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    environment.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    environment.setenv("SLACK_SIGNING_SECRET", "s")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, _, err = run(["http", "--host", "127.0.0.1", "--port", str(port)], capsys)
    assert code == 2
    assert err.startswith(f"taskbot http: cannot listen on 127.0.0.1:{port}")


def test_no_slack_tokens_means_the_console(
    environment: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    environment.setenv("TASKBOT_CONSOLE_TIMEZONE", "Europe/Berlin")
    environment.setattr(sys, "stdin", io.StringIO("/task help\nquit\n"))
    code, out, _ = run([], capsys)
    assert code == 0
    assert out.startswith("taskbot console on the Reply sandbox")
    assert "taskbot> /task help\nCreate Reply tasks with /task\n" in out


def test_one_slack_token_alone_says_why_it_is_the_console(
    environment: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    environment.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    environment.setattr(sys, "stdin", io.StringIO("quit\n"))
    code, out, err = run([], capsys)
    assert code == 0
    assert err.startswith("taskbot: SLACK_APP_TOKEN is not set, so this is the console")
    assert out.startswith("taskbot console")


def test_a_script_file_runs_and_a_missing_one_is_refused(
    environment: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    script = tmp_path / "demo.txt"
    script.write_text("/task todo tomorrow Prepare the forecast\n", encoding="utf-8")
    code, out, _ = run(["console", "--script", str(script)], capsys)
    assert code == 0
    assert "📝 To-do\n" in out
    code, out, err = run(["console", "--script", str(tmp_path / "nope.txt")], capsys)
    assert code == 2
    assert err.startswith(f"taskbot console: cannot read the script {tmp_path / 'nope.txt'}")


# --------------------------------------------------------------------------------------
# The real processes


def child_environment(**variables: str) -> dict[str, str]:
    kept = {k: v for k, v in os.environ.items() if k not in ENV_NAMES}
    return {**kept, "PYTHONUNBUFFERED": "1", **variables}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@asynccontextmanager
async def taskbot_process(
    *argv: str, env: dict[str, str], cwd: Path
) -> AsyncIterator[asyncio.subprocess.Process]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *argv,
        env=env,
        cwd=cwd,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        yield process
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def wait_until_healthy(url: str, process: asyncio.subprocess.Process) -> dict[str, object]:
    """A server in another process has nothing to await: poll, with a deadline."""
    deadline = time.monotonic() + 20
    async with httpx.AsyncClient() as http:
        while time.monotonic() < deadline:
            if process.returncode is not None:
                break
            try:
                answer = await http.get(f"{url}/healthz")
            except httpx.TransportError:
                answer = None
            if answer is not None and answer.status_code == 200:
                return dict(answer.json())
            await asyncio.sleep(0.1)
    stderr = await process.stderr.read() if process.stderr else b""
    raise AssertionError(f"taskbot http never became healthy:\n{stderr.decode()}")


@pytest.mark.parametrize("workers", [1, 2])
async def test_taskbot_http_serves_a_signed_command_and_stops_on_sigterm(
    tmp_path: Path, workers: int
) -> None:
    fake = FakeSlack(users=[REP])
    async with fake.running():
        port = free_port()
        env = child_environment(
            SLACK_BOT_TOKEN="xoxb-runner",
            SLACK_SIGNING_SECRET=SECRET,
            SLACK_API_URL=fake.api_url,
            TASKBOT_HTTP_HOST="127.0.0.1",
            PORT=str(port),
            TASKBOT_SANDBOX_DB=str(tmp_path / "shared.sqlite3"),
            TASKBOT_LOG_LEVEL="INFO",
        )
        argv = ["http", "--workers", str(workers)]
        async with taskbot_process(*argv, env=env, cwd=tmp_path) as process:
            url = f"http://127.0.0.1:{port}"
            assert (await wait_until_healthy(url, process))["reply"] == "sandbox"
            fields = payloads.slash_command(
                fake, user_id=REP.id, text="call jane@acme.com tomorrow 3pm Ask about pricing"
            )
            body = payloads.command_body(fields)
            async with httpx.AsyncClient() as http:
                acked = await http.post(
                    f"{url}/slack/events",
                    content=body,
                    headers=payloads.signed_headers(body, SECRET, int(time.time())),
                )
            assert acked.json()["text"] == "⏳ Creating a call task for jane@acme.com…"
            [post] = await fake.wait_for("response_url", timeout=15)
            assert post.params["text"].startswith("📞 Call — Jane Cooper, due")

            process.send_signal(signal.SIGTERM)
            assert await asyncio.wait_for(process.wait(), 20) == 0
            assert process.stderr is not None
            log = (await process.stderr.read()).decode()
    assert "taskbot 0.1.0 serving Slack at /slack/events" in log
    assert "taskbot stopping: finishing work already started" in log
    assert "Traceback" not in log


async def test_the_console_reads_piped_stdin_like_dev_py_runs_it(tmp_path: Path) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        env=child_environment(TASKBOT_CONSOLE_TIMEZONE="America/New_York"),
        cwd=tmp_path,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    script = b"/task call jane@acme.com tomorrow 3pm Ask about {{company}} pricing\nquit\n"
    out, err = await asyncio.wait_for(process.communicate(script), 60)
    assert process.returncode == 0, err.decode()
    shown = out.decode()
    assert "⏳ Creating a call task for jane@acme.com…\n\n📞 Call — Jane Cooper\n" in shown
    assert "Due: Tomorrow at 3:00 PM\n" in shown
    assert "Ask about Acme pricing\n" in shown
    assert "\x1b[" not in shown  # not a terminal: no ANSI
    assert err == b""


async def test_socket_mode_refused_by_slack_is_one_line(tmp_path: Path) -> None:
    from bot.settings import Settings  # noqa: PLC0415
    from bot.socket_mode import serve_socket_mode  # noqa: PLC0415

    fake = FakeSlack(users=[REP])
    fake.fail_next("auth.test", "invalid_auth")
    async with fake.running():
        settings = Settings.model_validate(
            {
                "SLACK_BOT_TOKEN": "xoxb-revoked",
                "SLACK_APP_TOKEN": "xapp-1",
                "SLACK_API_URL": fake.api_url,
            }
        )
        err = io.StringIO()
        assert await serve_socket_mode(settings, err=err) == 2
    assert err.getvalue() == (
        "taskbot socket: Slack refused the connection: invalid_auth (a token is wrong or was "
        "revoked: check SLACK_BOT_TOKEN and SLACK_APP_TOKEN)\n"
    )
