"""A form's values on an 'Open in form' button (`FormRef`), and back.

When a form's save fails after the form has closed (Reply answered after the ack), the error
card's 'Open in form' carries everything the form held, the problems as notices and, for an
edit, the task it edits, so the rep reopens it as it was (an edit as that edit) instead of
typing it again (issue 5: "Nothing entered is lost").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, TypeVar

from bot.domain import Field, LinkedInAction, TaskType
from bot.forms import ContactChoice, EditedTask, FormValues
from bot.ids import FIELD_BLOCKS
from bot.messages import saving as words
from bot.views.values import EditRef, FormRef

E = TypeVar("E", TaskType, LinkedInAction)

_FIELD_OF_BLOCK: Final[dict[str, Field]] = {block: name for name, block in FIELD_BLOCKS.items()}
_FIELD_NAMED: Final[dict[str, Field]] = {name: name for name in FIELD_BLOCKS}


def form_ref(
    form: FormValues,
    notices: Mapping[Field, str] | None = None,
    *,
    editing: EditedTask | None = None,
) -> FormRef:
    """What `form` holds, with `notices` to show when it reopens; `editing`: the task the
    form edits (it reopens as that edit)."""
    contact = form.contact
    edit = (
        EditRef(task_id=editing.task_id, start_at=editing.start_at, due_to=editing.due_to)
        if editing is not None
        else None
    )
    return FormRef(
        task_type=form.task_type.value if form.task_type else None,
        linkedin_action=form.linkedin_action.value if form.linkedin_action else None,
        contact_value=contact.option_value if contact else None,
        contact_label=contact.label if contact else "",
        start=form.start_text,
        due=form.due_text,
        subject=form.subject,
        body=form.body,
        notices={str(field): text for field, text in (notices or {}).items()},
        editing=edit,
    )


def notices_by_field(errors: Mapping[str, str]) -> dict[Field, str]:
    """view_submission errors (by block id) as notices (by field)."""
    return {
        _FIELD_OF_BLOCK[block]: text for block, text in errors.items() if block in _FIELD_OF_BLOCK
    }


def form_from_ref(ref: FormRef) -> tuple[FormValues, dict[Field, str]]:
    """The form a `FormRef` carried, and its notices (plus one if the body was cut to fit)."""
    contact = (
        ContactChoice.from_option(ref.contact_value, ref.contact_label)
        if ref.contact_value
        else None
    )
    form = FormValues(
        task_type=_member(TaskType, ref.task_type),
        linkedin_action=_member(LinkedInAction, ref.linkedin_action),
        contact=contact,
        start_text=ref.start,
        due_text=ref.due,
        subject=ref.subject,
        body=ref.body,
    )
    notices = {
        _FIELD_NAMED[name]: text for name, text in ref.notices.items() if name in _FIELD_NAMED
    }
    if not ref.complete:
        notices["body"] = words.BODY_CUT_NOTICE
    return form, notices


def edited_task(ref: FormRef) -> EditedTask | None:
    """The task the carried form edits, None for a new task (or an edit unreadable now)."""
    edit = ref.editing
    if edit is None:
        return None
    try:
        return EditedTask(edit.task_id, edit.start_at, edit.due_to)
    except ValueError:  # a tampered value: EditedTask checks its id and times
        return None


def _member(kind: type[E], value: str | None) -> E | None:
    try:
        return kind(value) if value is not None else None
    except ValueError:
        return None
