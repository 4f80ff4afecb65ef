"""Never save one form twice: each save remembered by the submission that started it.

    save = submits.begin((nonce, values), start)   # a repeated submit joins the first save
    outcome = await save.task
    if save.claim_report(): ...                   # only the first to ask tells the rep

Slack can deliver one form's submit more than once: a double click, or the rep pressing
again after Slack showed an error for an ack that came too late (slack-notes §2.3). Reply
has no idempotency key (reply-api-v3.md §5.1), so saving the same form again could create a
second task. A submission carries a key: the nonce the form got when it opened and the
values it held. A submit whose key matches a save made or in flight within
`REMEMBER_SECONDS` joins that save instead of starting one.

When a save ends it is kept only if it may have stored something (`may_have_stored`: a task
saved, or a create whose answer was lost and whose task taskbot could not find). A save that
certainly stored nothing (Reply's refusal, a contact to choose, a rate limit, a task no
longer editable, a failure inside taskbot) is forgotten, so pressing again tries again.

Per process. The memory lives in this process: with several workers (`taskbot http
--workers N`, or several hosts) a repeated submit that reaches another worker is not
recognised and may save again. Closing that gap needs a store every worker shares, keyed
the same way (ARCHITECTURE, `store/`: "dedupe").
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import partial
from typing import Final

from cachetools import TTLCache

from bot.clock import Clock
from bot.service.outcomes import Saved, SaveOutcome, Trouble

log = logging.getLogger(__name__)

REMEMBER_SECONDS: Final = 600.0
"""How long a save is remembered against a repeated submit of the same form."""

SubmitKey = tuple[str, Hashable]
"""The form's nonce and the values it was submitted with."""


def may_have_stored(outcome: SaveOutcome) -> bool:
    """The save stored a task, or may have: submitting the same form again could repeat it."""
    return isinstance(outcome, Saved) or (isinstance(outcome, Trouble) and not outcome.retry_safe)


@dataclass(eq=False)
class PendingSave:
    """One save, shared by every submit of the same form."""

    task: asyncio.Task[SaveOutcome]
    _reported: bool = field(default=False, repr=False)

    def claim_report(self) -> bool:
        """True for the first caller only: the one that tells the rep how the save ended."""
        if self._reported:
            return False
        self._reported = True
        return True


class Submits:
    def __init__(self, *, clock: Clock, remember: float = REMEMBER_SECONDS) -> None:
        def timer() -> float:
            return clock().timestamp()

        self._saves: TTLCache[SubmitKey, PendingSave] = TTLCache(10_000, remember, timer)

    def begin(
        self, key: SubmitKey | None, start: Callable[[], asyncio.Task[SaveOutcome]]
    ) -> PendingSave:
        """The save for `key`: joined if one is remembered, else `start()`ed (which may raise
        RuntimeError: taskbot is shutting down). A None key is never joined."""
        known = self._saves.get(key) if key is not None else None
        if known is not None:
            log.info("a form was submitted again; joining its save instead of starting another")
            return known
        save = PendingSave(start())
        if key is not None:
            self._saves[key] = save
            save.task.add_done_callback(partial(self._ended, key, save))
        return save

    def _ended(self, key: SubmitKey, save: PendingSave, task: asyncio.Task[SaveOutcome]) -> None:
        # Runs before any awaiter of the task resumes (callbacks run in the order they
        # were added), so a submit that follows the answer already sees the save forgotten.
        stored = (
            not task.cancelled() and task.exception() is None and may_have_stored(task.result())
        )
        if not stored and self._saves.get(key) is save:
            del self._saves[key]
