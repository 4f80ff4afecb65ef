"""The sandbox's memory of the requests it was sent, for tests, benchmarks and people.

A request's API key is never kept: only the dialect its auth header implies.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import datetime

from bot.reply.enums import Dialect

KEEP = 1000  # the newest requests kept


@dataclass(slots=True)
class RecordedRequest:
    at: datetime
    method: str
    path: str
    query: str
    dialect: Dialect | None
    body: str
    status: int | None = None  # None: no answer (a dropped connection)
    fault: str | None = None  # the scripted fault that answered it, if any

    def describe(self) -> dict[str, object]:
        return {
            "at": self.at.isoformat(),
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "dialect": None if self.dialect is None else self.dialect.value,
            "body": self.body,
            "status": self.status,
            "fault": self.fault,
        }


class RequestLog:
    def __init__(self, keep: int = KEEP) -> None:
        self._entries: deque[RecordedRequest] = deque(maxlen=keep)

    def add(self, entry: RecordedRequest) -> None:
        self._entries.append(entry)

    def entries(self) -> tuple[RecordedRequest, ...]:
        return tuple(self._entries)

    def clear(self) -> None:
        self._entries.clear()
