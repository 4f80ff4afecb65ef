"""`taskbot sandbox` as a person runs it: a subprocess on a free port, reached with httpx."""

from __future__ import annotations

import asyncio
import io
import socket
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx

from bot.reply.enums import Dialect
from bot.reply.sandbox import Sandbox
from bot.reply.sandbox.server import banner, run
from tests.reply.sandbox_fixtures import auth, task_body

ROOT = Path(__file__).resolve().parents[2]
STARTUP_DEADLINE = 60.0  # seconds; a cold interpreter on a slow CI machine


@asynccontextmanager
async def running_sandbox(*flags: str) -> AsyncIterator[tuple[str, list[str]]]:
    """Start `python -m bot sandbox --port 0 FLAGS`; yield its URL and banner lines."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "sandbox", "--port", "0", *flags,
        cwd=ROOT, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None
    try:
        lines: list[str] = []
        async with asyncio.timeout(STARTUP_DEADLINE):
            while not lines or "/_sandbox/reset" not in lines[-1]:
                line = (await process.stdout.readline()).decode()
                assert line, f"the sandbox exited early: {lines}"
                lines.append(line.rstrip("\n"))
        yield lines[0].rsplit(" ", 1)[-1], lines
    finally:
        if process.returncode is None:
            process.terminate()
        _, errors = await process.communicate()
    assert process.returncode == 0, errors.decode()


async def test_the_cli_serves_the_sandbox_and_prints_the_contacts() -> None:
    async with running_sandbox("--no-rate-limit") as (url, lines):
        assert url.startswith("http://127.0.0.1:")
        async with httpx.AsyncClient(base_url=url) as http:
            me = await http.get("/v3/whoami", headers={"X-API-Key": "anything"})
            refused = await http.get("/v3/whoami")
            settings = (await http.get("/_sandbox/settings")).json()
    assert me.status_code == 200
    assert me.json()["username"] == "Alex Rivera"
    assert refused.status_code == 401
    assert settings == {"latency": 0.0, "rateLimit": False}
    text = "\n".join(lines)
    assert "Jane Cooper     jane@acme.com" in text
    assert "30106  Priya Raman" in text
    assert "rate limit: off" in text
    assert f"curl -s {url}/v3/whoami -H 'X-API-Key: any-key'" in text


async def test_the_cli_keeps_tasks_in_a_db_file_across_runs(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    flags = ("--db", str(db), "--latency", "0.01")
    async with running_sandbox(*flags) as (url, lines):
        assert f"state: SQLite file {db}" in "\n".join(lines)
        async with httpx.AsyncClient(base_url=url, headers=auth(Dialect.SEED)) as http:
            created = await http.post("/v3/tasks", json=task_body(Dialect.SEED))
            assert (await http.get("/_sandbox/settings")).json()["latency"] == 0.01
    assert created.status_code == 201
    async with (
        running_sandbox(*flags) as (url, _),
        httpx.AsyncClient(base_url=url, headers=auth(Dialect.SEED)) as http,
    ):
        again = await http.get(f"/v3/tasks/{created.json()['id']}")
    assert again.json() == created.json()


def test_a_busy_port_is_one_clear_line() -> None:
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    out, err = io.StringIO(), io.StringIO()
    try:
        code = run(host="127.0.0.1", port=holder.getsockname()[1], out=out, err=err)
    finally:
        holder.close()
    assert code == 2
    assert out.getvalue() == ""
    assert "cannot listen on 127.0.0.1:" in err.getvalue()
    assert "choose another --port" in err.getvalue()


def test_an_unusable_db_file_is_one_clear_line(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00not sqlite" * 200)
    err = io.StringIO()
    assert run(port=0, db=junk, out=io.StringIO(), err=err) == 2
    assert "cannot be used as the sandbox database" in err.getvalue()


def test_the_banner_lists_every_contact_in_aligned_columns() -> None:
    sandbox = Sandbox.create(rate_limit=True, latency=0.5)
    text = banner("http://127.0.0.1:8765", sandbox)
    table = text.split("Contacts:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert len(table) == 1 + len(sandbox.contacts)
    assert len({line.index("email") if "email" in line else None for line in table[:1]}) == 1
    columns = table[0].index("email")
    assert all(line[columns - 2 : columns] == "  " for line in table)  # aligned
    assert "rate limit: 100 requests/minute per key; latency: 0.5 s" in text
    assert "ops@initech.io" in text
    asyncio.run(sandbox.aclose())
