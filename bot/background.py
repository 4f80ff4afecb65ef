"""Work that runs after Slack got its ack, owned by taskbot rather than left to Bolt.

    background = Background()
    background.spawn(create_and_show(...), name="/task U123")
    ...
    await background.drain(timeout=10)      # shutdown, the console, tests: await, never sleep

Why not Bolt's lazy listeners: the AsyncApp lazy runner starts its work with
`asyncio.ensure_future(...)` and keeps no reference to it (slack-notes §2.2), and Python's docs
warn that the event loop keeps only weak references to tasks, so an unreferenced task can be
garbage-collected mid-run ("Important: Save a reference to the result of this function",
asyncio docs, `create_task`). A process that stops also loses such work silently. Here every
task is held until it finishes, shutdown waits for it (`drain`), and a failure nobody handled is
logged with its traceback instead of vanishing into "Task exception was never retrieved".

A spawned coroutine is expected to tell the rep about its own errors (it knows the
response_url and the words); `Background` only makes sure nothing is lost or silent.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

log = logging.getLogger(__name__)


class Background:
    """A set of running tasks with strong references, error logging and a drain."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()
        self._idle = asyncio.Event()
        self._idle.set()
        self._closed = False
        self._failures = 0

    @property
    def pending(self) -> int:
        """How many spawned tasks have not finished yet."""
        return len(self._tasks)

    @property
    def closed(self) -> bool:
        """`close()` was called: `spawn` refuses new work."""
        return self._closed

    @property
    def failures(self) -> int:
        """How many tasks ended with an exception (logged) since this object was made."""
        return self._failures

    def spawn(self, work: Coroutine[Any, Any, Any], *, name: str) -> asyncio.Task[Any]:
        """Start `work` now on the running loop and keep it until it ends.

        After `close()` nothing new may start (the process is shutting down): the coroutine
        is closed unstarted and RuntimeError says so, so the caller can tell the rep."""
        if self._closed:
            work.close()
            raise RuntimeError(f"taskbot is shutting down; not starting {name!r}")
        task = asyncio.get_running_loop().create_task(work, name=name)
        self._tasks.add(task)
        self._idle.clear()
        task.add_done_callback(self._finished)
        return task

    async def drain(self, timeout: float | None = None) -> bool:  # noqa: ASYNC109 - a shutdown bound
        """Wait until no task is running, including tasks spawned while waiting.

        Returns True when everything finished, False when `timeout` seconds passed first
        (the tasks keep running; `cancel_all` stops them)."""
        try:
            async with asyncio.timeout(timeout):
                while self._tasks:
                    await self._idle.wait()
        except TimeoutError:
            log.warning(
                "%d background task(s) still running after %.1fs: %s",
                len(self._tasks),
                timeout,
                ", ".join(sorted(t.get_name() for t in self._tasks)),
            )
            return False
        return True

    def close(self) -> None:
        """Refuse new work from now on (running tasks continue; `drain` waits for them)."""
        self._closed = True

    async def cancel_all(self) -> None:
        """Cancel whatever still runs and wait for the cancellations to land."""
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not self._tasks:
            self._idle.set()
        if task.cancelled():
            log.info("background task %r was cancelled", task.get_name())
            return
        error = task.exception()
        if error is not None:
            self._failures += 1
            log.error(
                "background task %r failed",
                task.get_name(),
                exc_info=(type(error), error, error.__traceback__),
            )


ACK_DELIVERED = "taskbot_ack_delivered"
"""Bolt context key of an `asyncio.Event` set once the ack has left taskbot (the HTTP
response was sent, the Socket Mode envelope answered). A slash command's card replaces its
ack through the response_url; posted before the ack reached Slack, there would be nothing to
replace yet, and the late ack would sit under the card. With a fast Reply (the embedded
sandbox answers in about a millisecond) that race is the common case, so the card waits for
this event. The console dispatches with process_before_response, which orders it anyway."""

ACK_WAIT_SECONDS = 3.0
"""Never wait longer than Slack's ack deadline: past it the ack is lost anyway."""


async def after_ack(delivered: asyncio.Event | None) -> None:
    """Return once the ack has left (at once without an event; at most ACK_WAIT_SECONDS)."""
    if delivered is None or delivered.is_set():
        return
    try:
        async with asyncio.timeout(ACK_WAIT_SECONDS):
            await delivered.wait()
    except TimeoutError:
        log.warning("the ack was not confirmed sent within %.0fs; posting anyway", ACK_WAIT_SECONDS)
