"""Where the sandbox keeps tasks: in memory, or in a SQLite file that survives restarts.

Both stores hold `bot.domain.Task` values and number tasks from 10001 (a realistic id, and
one that cannot be mistaken for a contact id, which start at 30101). Contacts are seed data
and are not stored.

SQLite runs on the event loop's thread: every operation is a single-row statement on a local
file in WAL mode with `synchronous=NORMAL` (no fsync per commit), well under a millisecond,
cheaper than a hop to a worker thread would be.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Protocol

from bot.domain import CreationSource, LinkedInAction, Task, TaskStatus, TaskTemplate, TaskType

FIRST_TASK_ID = 10001
_SCHEMA_VERSION = 1


class TaskStore(Protocol):
    def insert(self, task: Task) -> Task:
        """Store a new task (its `id` is ignored) and return it with its id."""
        ...

    def get(self, task_id: int) -> Task | None: ...

    def replace(self, task: Task) -> None:
        """Overwrite the stored task with the same id."""
        ...

    def all(self) -> list[Task]:
        """Every task, ordered by start time, then id."""
        ...

    def clear(self) -> None:
        """Forget every task; numbering starts again at 10001."""
        ...

    def close(self) -> None: ...


def _order(task: Task) -> tuple[datetime, int]:
    return task.start_at, task.id


class MemoryTaskStore:
    def __init__(self) -> None:
        self._tasks: dict[int, Task] = {}
        self._next_id = FIRST_TASK_ID

    def insert(self, task: Task) -> Task:
        stored = dataclasses.replace(task, id=self._next_id)
        self._next_id += 1
        self._tasks[stored.id] = stored
        return stored

    def get(self, task_id: int) -> Task | None:
        return self._tasks.get(task_id)

    def replace(self, task: Task) -> None:
        if task.id not in self._tasks:
            raise KeyError(task.id)
        self._tasks[task.id] = task

    def all(self) -> list[Task]:
        return sorted(self._tasks.values(), key=_order)

    def clear(self) -> None:
        self._tasks.clear()
        self._next_id = FIRST_TASK_ID

    def close(self) -> None:
        pass


_COLUMNS = (
    "id, task_type, status, linkedin_action, contact_id, start_at, due_to, created_at, "
    "finished_at, body, subject, assigned_user_id, creation_source"
)
_CREATE = """
CREATE TABLE IF NOT EXISTS tasks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task_type TEXT NOT NULL,
    status TEXT NOT NULL,
    linkedin_action TEXT,
    contact_id INTEGER,
    start_at TEXT NOT NULL,
    due_to TEXT NOT NULL,
    created_at TEXT NOT NULL,
    finished_at TEXT,
    body TEXT NOT NULL,
    subject TEXT,
    assigned_user_id INTEGER NOT NULL,
    creation_source TEXT NOT NULL
)
"""
# Make the next AUTOINCREMENT id FIRST_TASK_ID on a new file (and after `clear`).
_NUMBER_FROM = """
INSERT INTO sqlite_sequence (name, seq) SELECT 'tasks', ?
WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'tasks')
"""


class SandboxDatabaseError(RuntimeError):
    """The --db file cannot be used; the message says what to do."""


class SqliteTaskStore:
    def __init__(self, path: Path) -> None:
        try:
            # One event loop uses the connection; it may be created on another thread.
            self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, _SCHEMA_VERSION):
                raise SandboxDatabaseError(
                    f"{path} holds sandbox data of schema version {version}; this sandbox "
                    f"reads version {_SCHEMA_VERSION}. Delete the file or pass another --db."
                )
            self._db.execute(_CREATE)
            self._db.execute(_NUMBER_FROM, (FIRST_TASK_ID - 1,))
            self._db.execute(f"PRAGMA user_version = {_SCHEMA_VERSION:d}")
        except sqlite3.DatabaseError as exc:
            raise SandboxDatabaseError(
                f"{path} cannot be used as the sandbox database ({exc}); "
                "pass a new file name with --db."
            ) from None

    def insert(self, task: Task) -> Task:
        row = _to_row(task)[1:]
        placeholders = ", ".join("?" * len(row))
        columns = _COLUMNS.removeprefix("id, ")
        cursor = self._db.execute(
            f"INSERT INTO tasks ({columns}) VALUES ({placeholders})",  # noqa: S608 - constants
            row,
        )
        assert cursor.lastrowid is not None
        return dataclasses.replace(task, id=cursor.lastrowid)

    def get(self, task_id: int) -> Task | None:
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM tasks WHERE id = ?",  # noqa: S608 - constants
            (task_id,),
        ).fetchone()
        return None if row is None else _from_row(row)

    def replace(self, task: Task) -> None:
        row = _to_row(task)
        assignments = ", ".join(f"{c} = ?" for c in _COLUMNS.split(", ")[1:])
        cursor = self._db.execute(
            f"UPDATE tasks SET {assignments} WHERE id = ?",  # noqa: S608 - constants
            (*row[1:], task.id),
        )
        if cursor.rowcount != 1:
            raise KeyError(task.id)

    def all(self) -> list[Task]:
        rows = self._db.execute(f"SELECT {_COLUMNS} FROM tasks")  # noqa: S608 - constants
        # Ordered in Python: stored times keep their offsets, so text order is not time order.
        return sorted((_from_row(row) for row in rows), key=_order)

    def clear(self) -> None:
        self._db.execute("DELETE FROM tasks")
        self._db.execute(
            "UPDATE sqlite_sequence SET seq = ? WHERE name = 'tasks'", (FIRST_TASK_ID - 1,)
        )

    def close(self) -> None:
        self._db.close()


Row = tuple[object, ...]


def _time(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _to_row(task: Task) -> Row:
    return (
        task.id,
        task.task_type.value,
        task.status.value,
        None if task.linkedin_action is None else task.linkedin_action.value,
        task.contact_id,
        _time(task.start_at),
        _time(task.due_to),
        _time(task.created_at),
        _time(task.finished_at),
        task.template.body,
        task.template.subject,
        task.assigned_user_id,
        task.creation_source.value,
    )


def _from_row(row: Row) -> Task:
    (id_, kind, status, action, contact, start, due, created, finished) = row[:9]
    body, subject, user, source = row[9:]
    return Task(
        id=int(str(id_)),
        task_type=TaskType(kind),
        status=TaskStatus(status),
        linkedin_action=None if action is None else LinkedInAction(action),
        contact_id=None if contact is None else int(str(contact)),
        start_at=datetime.fromisoformat(str(start)),
        due_to=datetime.fromisoformat(str(due)),
        created_at=datetime.fromisoformat(str(created)),
        finished_at=None if finished is None else datetime.fromisoformat(str(finished)),
        template=TaskTemplate(body=str(body), subject=None if subject is None else str(subject)),
        assigned_user_id=int(str(user)),
        creation_source=CreationSource(source),
    )
