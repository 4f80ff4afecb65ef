"""The use cases: the one place where what a rep asked for meets Reply.

    from bot.service import TaskService, Created, ChooseContact, ContactNotFound, NeedsForm, Failed

Modules: `core` (`TaskService`), `contacts` (which contact the rep meant), `reconcile` (finding
a task whose create got no clear answer), `outcomes` (what a use case ends in). Listeners
render the outcomes with `bot.views`; the service knows nothing of Slack.
"""

from bot.service.core import TaskService
from bot.service.outcomes import (
    ChooseContact,
    ContactNotFound,
    Created,
    CreateOutcome,
    Failed,
    NeedsForm,
)

__all__ = [
    "ChooseContact",
    "ContactNotFound",
    "CreateOutcome",
    "Created",
    "Failed",
    "NeedsForm",
    "TaskService",
]
