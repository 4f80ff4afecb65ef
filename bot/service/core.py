"""`TaskService`: the use cases, over the Reply client. No Slack in here.

    service = TaskService(reply, clock=clock, sandbox=True)

    # /task
    needs = service.check(draft, command=text)        # pure: at ack time, no I/O
    outcome = await service.create(draft, command=text)
    outcome = await service.create_for_contact(draft, contact_id, command=text)   # after a pick

    # the form (bot.service.saving)
    outcome = await service.create_task(write, contact=ContactQuery("email", "jane@acme.com"))
    outcome = await service.update_task(task_id, write)

    # card buttons (bot.service.actions)
    outcome = await service.show(task_id)
    outcome = await service.current(task_id)      # "already done" when no longer open
    outcome = await service.complete(task_id, CallResolution.POSITIVE)
    outcome = await service.cancel(task_id)

    # the form's contact select (bot.service.directory, cached)
    found = await service.contacts.search("jane", wait=1.5)

    # one save per submitted form (bot.service.submits)
    save = service.submits.begin((nonce, values), lambda: spawn(service.create_task(write)))

Each returns an outcome from `bot.service.outcomes`, never raises a `ReplyError`: Reply's
failures become a `Trouble` — a plain sentence (`bot.messages.reply`) that says whether
sending the same again is safe (`retry_safe`: never when it could make a second task) and
whether it may help (`transient`).
"""

from __future__ import annotations

from dataclasses import replace

from bot.clock import Clock
from bot.domain import (
    CallResolution,
    Contact,
    ContactQuery,
    FieldProblem,
    TaskDraft,
    TaskWrite,
    subject_allowed,
)
from bot.messages import outcomes as words
from bot.messages.actions import DOING_CREATE, DOING_LOOKUP
from bot.messages.grammar import due_defaulted
from bot.parsing.dates import default_due_time
from bot.reply.client import ReplyClient
from bot.reply.errors import ReplyError, ReplyNotFound
from bot.service._failures import trouble
from bot.service._writing import create_and_read_back
from bot.service.actions import CardActions
from bot.service.contacts import Ambiguous, Missing, resolve_contact
from bot.service.directory import ContactDirectory
from bot.service.outcomes import (
    ActionOutcome,
    ChooseContact,
    ContactNotFound,
    ContactUnresolved,
    Created,
    CreateOutcome,
    Failed,
    NeedsForm,
    SaveOutcome,
    Trouble,
)
from bot.service.saving import Saving
from bot.service.submits import Submits


class TaskService:
    def __init__(self, reply: ReplyClient, *, clock: Clock, sandbox: bool) -> None:
        self._reply = reply
        self._clock = clock
        self._sandbox = sandbox
        self.contacts = ContactDirectory(reply, clock=clock)
        """Reply contacts: the form's live search and a card's contact, cached briefly."""
        self.submits = Submits(clock=clock)
        """Each form's save, so a repeated submit never saves it twice (per process)."""
        self._saving = Saving(reply, self.contacts, clock=clock, sandbox=sandbox)
        self._actions = CardActions(reply, self.contacts, sandbox=sandbox)

    # ----------------------------------------------------------------------------------
    # Before the ack: pure

    def check(self, draft: TaskDraft, *, command: str) -> NeedsForm | None:
        """What stops this draft before any Reply call (the grammar's problems, a missing
        type, due time or contact, a due time not after the start), or None."""
        problems = list(draft.problems)
        named = {p.field for p in problems}
        if draft.task_type is None and "task_type" not in named:
            problems.append(FieldProblem("task_type", words.MISSING_TYPE))
        if draft.due_to is None and "due_to" not in named:
            problems.append(FieldProblem("due_to", words.MISSING_DUE))
        needs_contact = draft.task_type is not None and draft.task_type.needs_contact
        if needs_contact and draft.contact is None and "contact" not in named:
            problems.append(FieldProblem("contact", words.MISSING_CONTACT))
        if not problems:
            # Rules Reply enforces on the write itself; the contact is not known yet.
            problems = [p for p in self._write(draft, None).problems() if p.field != "contact"]
        if problems:
            return NeedsForm(draft=draft, problems=tuple(problems), command=command)
        return None

    # ----------------------------------------------------------------------------------
    # After the ack

    async def create(self, draft: TaskDraft, *, command: str) -> CreateOutcome:
        """Resolve the contact the rep named, create the task, read it back."""
        needs = self.check(draft, command=command)
        if needs is not None:
            return needs
        contact: Contact | None = None
        if draft.contact is not None:
            try:
                resolution = await resolve_contact(self._reply, draft.contact)
            except ReplyError as error:
                return self._failed(error, doing=DOING_LOOKUP, command=command)
            if isinstance(resolution, Missing):
                return ContactNotFound(query=draft.contact, draft=draft, command=command)
            if isinstance(resolution, Ambiguous):
                return ChooseContact(
                    query=draft.contact,
                    candidates=resolution.candidates,
                    total=resolution.total,
                    command=command,
                )
            contact = resolution.contact
        return await self._create(draft, contact, command=command)

    async def create_for_contact(
        self, draft: TaskDraft, contact_id: int, *, command: str
    ) -> CreateOutcome:
        """The rep picked contact `contact_id` for this draft (a contact-pick button)."""
        chosen = ContactQuery("id", str(contact_id))
        draft = replace(draft, contact=chosen)
        needs = self.check(draft, command=command)
        if needs is not None:
            return needs
        try:
            contact = await self._reply.get_contact(contact_id)
        except ReplyNotFound:
            return ContactNotFound(query=chosen, draft=draft, command=command)
        except ReplyError as error:
            return self._failed(error, doing=DOING_LOOKUP, command=command)
        return await self._create(draft, contact, command=command)

    # ----------------------------------------------------------------------------------
    # The form and the card buttons

    async def create_task(
        self, write: TaskWrite, *, contact: ContactQuery | None = None
    ) -> SaveOutcome:
        """Create the form's task; `contact`: a typed contact to find first (its id goes
        into `write`)."""
        return await self._saving.create(write, contact=contact)

    async def update_task(
        self, task_id: int, write: TaskWrite, *, contact: ContactQuery | None = None
    ) -> SaveOutcome:
        """Replace task `task_id` with the edit form's `write` (only New tasks can change)."""
        return await self._saving.update(task_id, write, contact=contact)

    async def look_up_contact(self, query: ContactQuery) -> Contact | ContactUnresolved | Trouble:
        """The one Reply contact `query` names (a form shows who a typed email is)."""
        return await self._saving.identify(query)

    async def show(self, task_id: int) -> ActionOutcome:
        """The task as Reply has it now (for a card that only shows it)."""
        return await self._actions.show(task_id)

    async def current(self, task_id: int) -> ActionOutcome:
        """The task as it is now, before a button changes it: "already done" if not open."""
        return await self._actions.current(task_id)

    async def complete(
        self, task_id: int, resolution: CallResolution | None = None
    ) -> ActionOutcome:
        return await self._actions.complete(task_id, resolution)

    async def cancel(self, task_id: int) -> ActionOutcome:
        return await self._actions.cancel(task_id)

    # ----------------------------------------------------------------------------------

    async def _create(
        self, draft: TaskDraft, contact: Contact | None, *, command: str
    ) -> CreateOutcome:
        write = self._write(draft, contact)
        if problems := write.problems():
            return NeedsForm(draft=draft, problems=tuple(problems), command=command)
        try:
            stored = await create_and_read_back(
                self._reply, write, contact, clock=self._clock, sandbox=self._sandbox
            )
        except ReplyError as error:
            return self._failed(error, doing=DOING_CREATE, command=command)
        if isinstance(stored, Trouble):
            return Failed(trouble=stored, command=command)
        note = stored.note
        if draft.due_defaulted:  # the rep should not discover it later
            chosen = due_defaulted(write.task_type, default_due_time(write.task_type))
            note = " ".join(filter(None, (note, chosen)))
        return Created(task=stored.task, contact=stored.contact, note=note)

    def _write(self, draft: TaskDraft, contact: Contact | None) -> TaskWrite:
        """The draft as Reply's request. Only called once `check` found a type and due time."""
        assert draft.task_type is not None
        assert draft.due_to is not None
        subject = draft.subject if subject_allowed(draft.task_type, draft.linkedin_action) else None
        return TaskWrite(
            task_type=draft.task_type,
            start_at=draft.start_at or self._clock(),
            due_to=draft.due_to,
            body=draft.body,
            contact_id=contact.id if contact is not None else None,
            linkedin_action=draft.linkedin_action,
            subject=subject or None,
        )

    def _failed(self, error: ReplyError, *, doing: str, command: str) -> Failed:
        return Failed(trouble=trouble(error, doing=doing, sandbox=self._sandbox), command=command)
