"""`bot.service.submits`: a repeated submit of one form joins its save; a save is forgotten
when it certainly stored nothing, or after `REMEMBER_SECONDS`."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest

from bot.reply.errors import FieldError
from bot.service import PendingSave, Refused, Saved, SaveOutcome, Submits, Trouble
from bot.service.submits import REMEMBER_SECONDS
from tests.support.fake_slack import FakeClock
from tests.support.task_samples import JANE, make_task

SAVED = Saved(task=make_task(), contact=JANE)
LOST = Trouble(message="lost", retry_safe=False, transient=True)
RATE_LIMITED = Trouble(message="slow down", retry_safe=True, transient=True)
REFUSED = Refused(field_errors=(FieldError(None, "no", "body"),), message="no")


class Starts:
    """Save tasks that end with `outcome` once the test says so; how many were started."""

    def __init__(self) -> None:
        self.count = 0
        self.go = asyncio.Event()

    def of(self, outcome: SaveOutcome) -> Callable[[], asyncio.Task[SaveOutcome]]:
        async def save() -> SaveOutcome:
            await self.go.wait()
            return outcome

        def start() -> asyncio.Task[SaveOutcome]:
            self.count += 1
            return asyncio.create_task(save())

        return start


async def ended(save: PendingSave) -> SaveOutcome:
    outcome = await save.task
    await asyncio.sleep(0)  # let the task's done-callbacks run, as a later submit would
    return outcome


async def test_a_repeated_submit_joins_the_save_in_flight_and_is_reported_once() -> None:
    submits, starts = Submits(clock=FakeClock()), Starts()
    first = submits.begin(("nonce", "values"), starts.of(SAVED))
    again = submits.begin(("nonce", "values"), starts.of(SAVED))
    assert again is first
    assert (first.claim_report(), again.claim_report()) == (True, False)
    starts.go.set()
    assert await ended(first) == SAVED
    assert starts.count == 1


@pytest.mark.parametrize("outcome", [SAVED, LOST], ids=["saved", "create-answer-lost"])
async def test_a_save_that_may_have_stored_a_task_is_remembered(outcome: SaveOutcome) -> None:
    submits, starts = Submits(clock=FakeClock()), Starts()
    starts.go.set()
    await ended(submits.begin(("n", "v"), starts.of(outcome)))
    submits.begin(("n", "v"), starts.of(outcome))
    assert starts.count == 1


@pytest.mark.parametrize("outcome", [REFUSED, RATE_LIMITED], ids=["refused", "rate-limited"])
async def test_a_save_that_stored_nothing_is_forgotten_so_pressing_again_tries_again(
    outcome: SaveOutcome,
) -> None:
    submits, starts = Submits(clock=FakeClock()), Starts()
    starts.go.set()
    await ended(submits.begin(("n", "v"), starts.of(outcome)))
    submits.begin(("n", "v"), starts.of(SAVED))
    assert starts.count == 2


async def test_a_save_is_remembered_for_ten_minutes_and_only_for_the_same_values() -> None:
    clock = FakeClock()
    submits, starts = Submits(clock=clock), Starts()
    starts.go.set()
    await ended(submits.begin(("n", "v"), starts.of(SAVED)))
    submits.begin(("n", "changed"), starts.of(SAVED))  # the rep changed the form
    assert starts.count == 2
    clock.advance(REMEMBER_SECONDS + 1)
    submits.begin(("n", "v"), starts.of(SAVED))
    assert starts.count == 3


async def test_a_submission_without_a_key_is_never_joined() -> None:
    submits, starts = Submits(clock=FakeClock()), Starts()
    saves = [submits.begin(None, starts.of(SAVED)) for _ in range(2)]
    assert starts.count == 2
    starts.go.set()
    await asyncio.gather(*(save.task for save in saves))
