"""One call per key in flight, shared by everyone who asks for that key while it runs.

    searches: InFlight[str, Found] = InFlight("contact search")
    found = await searches.join("jane", lambda: ask_reply("jane"))

Used where the same answer is asked for again before it arrives: `users.info` for a rep
(every command, every form) and Reply's contact search (Slack asks on nearly every
keystroke, slack-notes §2.3, and Reply allows 100 requests a minute, reply-api-v3.md §4).
Waiting for an answer already on its way costs nothing; asking again costs a request.

The call runs in a task of its own and every caller awaits it through `asyncio.shield`, so
a caller that gives up (its request was cancelled, or its own `asyncio.timeout` ran out)
leaves the call running for the others. A call that should outlive its callers' patience
stores its own result (in a cache) before it returns, and handles its own expected errors.
An unexpected one is logged here with its traceback: every caller may have given up, and
`asyncio.shield` then marks it retrieved, so nothing else would report it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine, Hashable
from functools import partial
from typing import Any, Generic, TypeVar

log = logging.getLogger(__name__)

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class InFlight(Generic[K, V]):
    def __init__(self, name: str) -> None:
        self._name = name
        # Holding the task also keeps it from being garbage-collected mid-run (asyncio
        # docs, create_task).
        self._running: dict[K, asyncio.Task[V]] = {}

    async def join(self, key: K, call: Callable[[], Coroutine[Any, Any, V]]) -> V:
        """The result of the call running for `key`; `call()` starts one if none is."""
        task = self._running.get(key)
        if task is None:
            task = asyncio.create_task(call(), name=f"{self._name} {key}")
            self._running[key] = task
            task.add_done_callback(partial(self._finished, key))
        return await asyncio.shield(task)

    def _finished(self, key: K, task: asyncio.Task[V]) -> None:
        if self._running.get(key) is task:
            del self._running[key]
        if not task.cancelled() and (error := task.exception()) is not None:
            log.error("%s for %r failed", self._name, key, exc_info=error)
