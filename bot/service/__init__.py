"""The use cases: the one place where what a rep asked for meets Reply.

    from bot.service import TaskService, Created, ChooseContact, ContactNotFound, NeedsForm, Failed

Modules: `core` (`TaskService`), `contacts` (which contact the rep meant), `reconcile` (finding
a task whose create got no clear answer), `saving` (the form's create and edit), `submits`
(one save per submitted form), `actions` (the card buttons), `directory` (contact search and
contacts by id, cached), `outcomes` (what a use case ends in); privately `_writing` (the one
create pipeline) and `_failures` (Reply's errors as a `Trouble`). Listeners render the
outcomes with `bot.views`; the service knows nothing of Slack.
"""

from bot.service.core import TaskService
from bot.service.directory import ContactDirectory, Found
from bot.service.outcomes import (
    ActionOutcome,
    ChooseContact,
    ContactNotFound,
    ContactUnresolved,
    Created,
    CreateOutcome,
    Current,
    Failed,
    NeedsForm,
    NotEditable,
    Refused,
    Saved,
    SaveOutcome,
    Trouble,
)
from bot.service.submits import PendingSave, SubmitKey, Submits, may_have_stored

__all__ = [
    "ActionOutcome",
    "ChooseContact",
    "ContactDirectory",
    "ContactNotFound",
    "ContactUnresolved",
    "CreateOutcome",
    "Created",
    "Current",
    "Failed",
    "Found",
    "NeedsForm",
    "NotEditable",
    "PendingSave",
    "Refused",
    "SaveOutcome",
    "Saved",
    "SubmitKey",
    "Submits",
    "TaskService",
    "Trouble",
    "may_have_stored",
]
