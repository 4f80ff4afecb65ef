"""What the rep asked for, before Reply has seen it: a contact as written, a draft task."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from bot.domain._aware import require_aware
from bot.domain._kinds import LinkedInAction, TaskType
from bot.domain._write import FieldProblem
from bot.linkedin import profile_url

ContactKind = Literal["email", "id", "linkedin", "name"]


@dataclass(frozen=True, slots=True)
class ContactQuery:
    """A contact as the rep wrote it: an email, a `#12345` id, a LinkedIn URL or a name.

    `value` has one form whoever builds the query, so no reader cleans it again: no
    surrounding blanks; an id is its number without the `#` (`"#030101"` → `"30101"`; see
    `contact_id`); a LinkedIn URL is `bot.linkedin.profile_url`'s (a scheme, no query)."""

    kind: ContactKind
    value: str

    def __post_init__(self) -> None:
        value = self.value.strip()
        if self.kind == "id":
            digits = value.removeprefix("#").strip()
            value = str(int(digits)) if digits.isascii() and digits.isdigit() else digits
        elif self.kind == "linkedin" and value:
            value = profile_url(value)
        object.__setattr__(self, "value", value)

    @property
    def contact_id(self) -> int | None:
        """The Reply contact id of an `id` query; None for other kinds or a value that is not
        a positive number (it cannot name a Reply contact)."""
        if self.kind != "id" or not (self.value.isascii() and self.value.isdigit()):
            return None
        number = int(self.value)
        return number if number > 0 else None


@dataclass(frozen=True, slots=True)
class TaskDraft:
    """What a `/task` command or a form said, possibly incomplete.

    `problems` lists what is missing or ambiguous; the Slack side opens the form prefilled
    with the draft instead of failing. Datetimes are aware, in the rep's zone.
    """

    task_type: TaskType | None = None
    linkedin_action: LinkedInAction | None = None
    contact: ContactQuery | None = None
    start_at: datetime | None = None
    due_to: datetime | None = None
    body: str = ""
    subject: str | None = None
    date_text: str | None = None
    problems: tuple[FieldProblem, ...] = field(default=())
    due_defaulted: bool = False  # no due phrase: `due_to` is taskbot's default for the type

    def __post_init__(self) -> None:
        require_aware("start_at", self.start_at)
        require_aware("due_to", self.due_to)
