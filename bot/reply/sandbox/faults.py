"""Scripted misbehaviour: the next responses, queued by tests, benchmarks or curl.

    sandbox.faults.push(Fault.status(429, retry_after=2))
    sandbox.faults.push(Fault.drop_after_store(method="POST", path="/v3/tasks"))

Each queued fault answers one request and is used up. A request takes the first fault in
the queue whose `method` and `path` match it (unset matches anything; `{name}` in a path
matches one segment: `/v3/tasks/{id}/complete`). Faults touch only the Reply API (`/v3`),
never the `/_sandbox` control routes.

Kinds:

* `status`: answer at once with this status and a bare problem body (and `Retry-After`
  when given); the request is not processed.
* `drop`: the connection dies before any answer; the request is not processed.
* `drop_after_store`: the request is processed (a create stores its task), then the
  connection dies: the client cannot know it succeeded. Reply has no idempotency key,
  so this is the case a client must reconcile.
* `delay`: the request is processed and its answer held back `seconds` (for timeouts).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Literal

FaultKind = Literal["status", "drop", "drop_after_store", "delay"]


@dataclass(frozen=True, slots=True)
class Fault:
    kind: FaultKind
    status_code: int | None = None
    retry_after: int | None = None
    seconds: float = 0.0
    method: str | None = None
    path: str | None = None

    def __post_init__(self) -> None:
        if self.kind == "status" and not 400 <= (self.status_code or 0) <= 599:
            raise ValueError(f"a status fault needs a 4xx or 5xx status, not {self.status_code}")
        if self.retry_after is not None and self.retry_after < 0:
            raise ValueError(f"retry_after must be 0 or more seconds, not {self.retry_after}")
        if self.seconds < 0:
            raise ValueError(f"a delay must be 0 or more seconds, not {self.seconds}")
        if self.path is not None and not self.path.startswith("/"):
            raise ValueError(f"a fault path starts with '/', e.g. /v3/tasks; got {self.path!r}")
        if self.method is not None:
            object.__setattr__(self, "method", self.method.upper())

    @classmethod
    def status(
        cls,
        status: int,
        *,
        retry_after: int | None = None,
        method: str | None = None,
        path: str | None = None,
    ) -> Fault:
        """Answer `status` without processing. `retry_after` adds the header (429s from
        Reply always carry one; leave it out to test a client's fallback)."""
        return cls("status", status, retry_after, method=method, path=path)

    @classmethod
    def drop(cls, *, method: str | None = None, path: str | None = None) -> Fault:
        return cls("drop", method=method, path=path)

    @classmethod
    def drop_after_store(cls, *, method: str | None = None, path: str | None = None) -> Fault:
        return cls("drop_after_store", method=method, path=path)

    @classmethod
    def delay(cls, seconds: float, *, method: str | None = None, path: str | None = None) -> Fault:
        return cls("delay", seconds=seconds, method=method, path=path)

    def matches(self, method: str, path: str) -> bool:
        if self.method is not None and self.method != method.upper():
            return False
        if self.path is None:
            return True
        want, got = self.path.rstrip("/").split("/"), path.rstrip("/").split("/")
        return len(want) == len(got) and all(
            w == g or (w.startswith("{") and w.endswith("}"))
            for w, g in zip(want, got, strict=True)
        )

    def describe(self) -> dict[str, object]:
        """The JSON form used by `/_sandbox/faults`."""
        names = {"drop_after_store": "dropAfterStore"}
        shown: dict[str, object] = {"kind": names.get(self.kind, self.kind)}
        if self.status_code is not None:
            shown["status"] = self.status_code
        if self.retry_after is not None:
            shown["retryAfter"] = self.retry_after
        if self.kind == "delay":
            shown["seconds"] = self.seconds
        if self.method is not None:
            shown["method"] = self.method
        if self.path is not None:
            shown["path"] = self.path
        return shown


class FaultQueue:
    """Faults waiting for their request, in order."""

    def __init__(self) -> None:
        self._queue: deque[Fault] = deque()

    def push(self, fault: Fault, *, times: int = 1) -> None:
        if times < 1:
            raise ValueError(f"times must be 1 or more, not {times}")
        self._queue.extend([fault] * times)

    def take(self, method: str, path: str) -> Fault | None:
        """The first queued fault matching this request, removed from the queue."""
        for fault in self._queue:
            if fault.matches(method, path):
                self._queue.remove(fault)
                return fault
        return None

    def pending(self) -> tuple[Fault, ...]:
        return tuple(self._queue)

    def clear(self) -> None:
        self._queue.clear()

    def __len__(self) -> int:
        return len(self._queue)
