"""Saving the task form: create (POST) or edit (PUT), after finding a typed contact.

    outcome = await saving.create(write, contact=ContactQuery("email", "jane@acme.com"))
    outcome = await saving.update(task_id, write)

`write` is the complete task except, when `contact` is given, its contact id: the contact the
rep typed (an email, LinkedIn URL or name) is found in Reply first, and must be exactly one
contact — a form never guesses (`ContactUnresolved` lists the candidates instead).

Outcomes (`bot.service.outcomes.SaveOutcome`), never a raised `ReplyError`:

* `Saved` — read back with its rendered content; after an unclear create, the task found by
  reconciliation (Reply has no idempotency key, reply-api-v3.md §5.1; ARCHITECTURE rule 6);
* `ContactUnresolved` — none or several contacts;
* `Refused` — Reply's 400, its field pointers kept for the form (`errors_from_reply`);
* `NotEditable` — an edit of a task that is no longer New (Reply answers 400 `task.unknown`,
  "Only tasks with 'New' status can be edited.", §5.8);
* `Trouble` — anything else, as a sentence; `retry_safe` is False only when a create may
  have been stored (submitting the form again could make a second task).
"""

from __future__ import annotations

from dataclasses import replace

from bot.clock import Clock
from bot.domain import Contact, ContactQuery, FieldProblem, TaskWrite
from bot.messages import actions as words
from bot.reply.client import ReplyClient
from bot.reply.errors import FieldError, ReplyError, ReplyValidationError
from bot.service._failures import refused_or_trouble, trouble
from bot.service._writing import create_and_read_back, read_back
from bot.service.contacts import Ambiguous, Missing, resolve_contact
from bot.service.directory import ContactDirectory
from bot.service.outcomes import ContactUnresolved, NotEditable, Refused, SaveOutcome, Trouble


class Saving:
    def __init__(
        self, reply: ReplyClient, directory: ContactDirectory, *, clock: Clock, sandbox: bool
    ) -> None:
        self._reply = reply
        self._directory = directory
        self._clock = clock
        self._sandbox = sandbox

    async def create(self, write: TaskWrite, *, contact: ContactQuery | None = None) -> SaveOutcome:
        found = await self._contact(write, contact)
        if not isinstance(found, tuple):
            return found
        write, person = found
        if problems := write.problems():
            return _refused_before_sending(problems)
        try:
            return await create_and_read_back(
                self._reply, write, person, clock=self._clock, sandbox=self._sandbox
            )
        except ReplyError as error:
            # Not an unclear create: Reply refused it, or it never left (nothing stored).
            return refused_or_trouble(error, doing=words.DOING_CREATE, sandbox=self._sandbox)

    async def update(
        self, task_id: int, write: TaskWrite, *, contact: ContactQuery | None = None
    ) -> SaveOutcome:
        found = await self._contact(write, contact)
        if not isinstance(found, tuple):
            return found
        write, person = found
        if problems := write.problems():
            return _refused_before_sending(problems)
        try:
            updated = await self._reply.update_task(task_id, write)
        except ReplyValidationError as error:
            if error.field_errors:
                return self._failed(error)
            # A business 400 (`task.unknown`): most often the task is not New any more.
            return await self._why_not_saved(task_id, error)
        except ReplyError as error:
            # PUT is a full replacement, so sending it again is always safe.
            return self._failed(error)
        return await read_back(self._reply, updated, person, note=words.SAVED)

    # ----------------------------------------------------------------------------------

    async def identify(self, query: ContactQuery) -> Contact | ContactUnresolved | Trouble:
        """The one Reply contact `query` names, or why there is not exactly one."""
        try:
            resolution = await resolve_contact(self._reply, query)
        except ReplyError as error:
            return trouble(error, doing=words.DOING_LOOKUP, sandbox=self._sandbox)
        if isinstance(resolution, Missing):
            return ContactUnresolved(query=query)
        if isinstance(resolution, Ambiguous):
            return ContactUnresolved(
                query=query, candidates=resolution.candidates, total=resolution.total
            )
        self._directory.remember(resolution.contact)
        return resolution.contact

    async def _contact(
        self, write: TaskWrite, query: ContactQuery | None
    ) -> tuple[TaskWrite, Contact | None] | SaveOutcome:
        """`write` with the typed contact's id, and that contact; or why not."""
        if query is None:
            return write, await self._directory.contact(write.contact_id)
        found = await self.identify(query)
        if not isinstance(found, Contact):
            return found
        return replace(write, contact_id=found.id), found

    async def _why_not_saved(self, task_id: int, error: ReplyValidationError) -> SaveOutcome:
        try:
            task = await self._reply.get_task(task_id, include_content=True)
        except ReplyError:
            return self._failed(error)
        if not task.status.is_open:
            contact = await self._directory.contact(task.contact_id)
            return NotEditable(task=task, contact=contact, note=words.already(task.status))
        return self._failed(error)

    def _failed(self, error: ReplyError) -> Refused | Trouble:
        return refused_or_trouble(error, doing=words.DOING_SAVE, sandbox=self._sandbox)


def _refused_before_sending(problems: list[FieldProblem]) -> Refused:
    """The rules Reply enforces, broken (the form's own checks should have caught it)."""
    return Refused(
        field_errors=tuple(FieldError(None, p.message, p.field) for p in problems),
        message=problems[0].message,
        details=tuple(p.message for p in problems[1:]),
    )
