"""Sandbox state: memory by default, a SQLite file that survives a restart with --db."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from bot.reply.enums import Dialect
from bot.reply.sandbox import Fault, Sandbox
from bot.reply.sandbox.store import SandboxDatabaseError
from tests.reply.sandbox_fixtures import START, FakeClock, client, iso, task_body

BETA = Dialect.BETA


async def test_tasks_survive_a_restart_on_the_same_file(tmp_path: Path) -> None:
    db = tmp_path / "sandbox.db"
    clock = FakeClock()
    async with Sandbox.create(db=db, clock=clock) as first, client(first, BETA) as http:
        linkedin = task_body(
            BETA,
            taskType="linkedIn",
            linkedInTaskType="inMail",
            template={"body": "Hi {{firstName}}", "subject": "About {{company}}"},
        )
        kept = (await http.post("/v3/tasks", json=linkedin)).json()
        done = (await http.post("/v3/tasks", json=task_body(BETA))).json()
        clock.advance(90)
        done = (await http.post(f"/v3/tasks/{done['id']}/complete", json={})).json()
        gone = (await http.post("/v3/tasks", json=task_body(BETA))).json()
        assert (await http.delete(f"/v3/tasks/{gone['id']}")).status_code == 204

    async with Sandbox.create(db=db, clock=clock) as second, client(second, BETA) as http:
        assert (await http.get(f"/v3/tasks/{kept['id']}")).json() == kept
        assert (await http.get(f"/v3/tasks/{done['id']}")).json() == done
        cancelled = (await http.get(f"/v3/tasks/{gone['id']}")).json()
        assert cancelled["status"] == "cancelled"
        listed = (await http.get("/v3/tasks")).json()["items"]
        assert [item["id"] for item in listed] == [kept["id"], done["id"]]
        # Numbering goes on where it stopped.
        assert (await http.post("/v3/tasks", json=task_body(BETA))).json()["id"] == 10004


async def test_memory_and_sqlite_answer_alike(tmp_path: Path) -> None:
    answers = []
    for db in (None, tmp_path / "same.db"):
        sandbox = Sandbox.create(db=db, clock=FakeClock())
        async with sandbox, client(sandbox, Dialect.SEED) as http:
            for days in (3, 1, 2):
                start = START + timedelta(days=days)
                due = start + timedelta(hours=1)
                body = task_body(Dialect.SEED, startAt=iso(start), dueTo=iso(due))
                await http.post("/v3/tasks", json=body)
            answers.append((await http.post("/v3/tasks/filter", json={})).json())
    assert answers[0] == answers[1]
    assert [item["id"] for item in answers[0]["items"]] == [10002, 10003, 10001]


async def test_reset_empties_the_file_and_numbering_starts_again(tmp_path: Path) -> None:
    db = tmp_path / "sandbox.db"
    async with Sandbox.create(db=db) as sandbox, client(sandbox, BETA) as http:
        await http.post("/v3/tasks", json=task_body(BETA))
        sandbox.reset()
        assert (await http.get("/v3/tasks")).json()["items"] == []
        assert (await http.post("/v3/tasks", json=task_body(BETA))).json()["id"] == 10001
    async with Sandbox.create(db=db) as again, client(again, BETA) as http:
        assert [item["id"] for item in (await http.get("/v3/tasks")).json()["items"]] == [10001]


def test_a_file_that_is_not_a_sandbox_database_is_a_clear_error(tmp_path: Path) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_text("shopping list\n" * 100)
    with pytest.raises(SandboxDatabaseError, match="cannot be used as the sandbox database"):
        Sandbox.create(db=junk)


def test_a_database_of_another_schema_version_is_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "future.db"
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA user_version = 99")
    connection.close()
    with pytest.raises(SandboxDatabaseError, match="schema version 99"):
        Sandbox.create(db=db)


async def test_reset_clears_faults_requests_and_the_rate_limit() -> None:
    async with Sandbox.create() as sandbox, client(sandbox, BETA) as http:
        for _ in range(100):
            await http.get("/v3/whoami")
        sandbox.faults.push(Fault.drop())
        sandbox.reset()
        assert len(sandbox.faults) == 0
        assert sandbox.requests == ()
        assert (await http.get("/v3/whoami")).status_code == 200
