"""Domain rules that both the client and the modal rely on."""

from datetime import UTC, datetime, timedelta

import pytest

from bot.domain import (
    ContactQuery,
    LinkedInAction,
    TaskDraft,
    TaskType,
    TaskWrite,
    subject_allowed,
)

NOW = datetime(2026, 11, 25, 19, 37, tzinfo=UTC)


def write(**changes: object) -> TaskWrite:
    base: dict[str, object] = {
        "task_type": TaskType.CALL,
        "start_at": NOW,
        "due_to": NOW + timedelta(hours=1),
        "body": "Ask about pricing",
        "contact_id": 7,
    }
    base.update(changes)
    return TaskWrite(**base)  # type: ignore[arg-type]


def fields(task: TaskWrite) -> list[str]:
    return [p.field for p in task.problems()]


def test_a_complete_call_task_has_no_problems() -> None:
    assert write().problems() == []


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"start_at": datetime(2014, 12, 31, tzinfo=UTC)}, "start_at"),
        ({"due_to": NOW}, "due_to"),
        ({"due_to": NOW - timedelta(minutes=1)}, "due_to"),
        ({"body": "   "}, "body"),
        ({"contact_id": None}, "contact"),
        ({"contact_id": 0}, "contact"),
        ({"task_type": TaskType.LINKEDIN}, "linkedin_action"),
        ({"linkedin_action": LinkedInAction.CONNECT}, "linkedin_action"),
    ],
)
def test_each_rule_names_the_field_at_fault(changes: dict[str, object], field: str) -> None:
    assert fields(write(**changes)) == [field]


def test_todo_needs_no_contact() -> None:
    assert write(task_type=TaskType.TODO, contact_id=None).problems() == []


def test_naive_datetimes_are_refused_where_they_are_made() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        write(start_at=datetime(2026, 11, 25, 9, 0))
    with pytest.raises(ValueError, match="timezone-aware"):
        TaskDraft(due_to=datetime(2026, 11, 25, 9, 0))


def test_subjects_belong_to_email_and_inmail_only() -> None:
    assert subject_allowed(TaskType.MANUAL_EMAIL, None)
    assert subject_allowed(TaskType.LINKEDIN, LinkedInAction.INMAIL)
    assert not subject_allowed(TaskType.LINKEDIN, LinkedInAction.MESSAGE)
    assert not subject_allowed(TaskType.CALL, None)


@pytest.mark.parametrize("typed", ["30101", "#30101", " #30101 ", "#030101", "030101"])
def test_a_contact_id_is_held_in_one_form_however_it_was_written(typed: str) -> None:
    query = ContactQuery("id", typed)
    assert query == ContactQuery("id", "30101")
    assert query.value == "30101"
    assert query.contact_id == 30101
    # readers that still strip a "#" themselves keep working
    assert query.value.removeprefix("#") == "30101"


@pytest.mark.parametrize("typed", ["#0", "0", "#-5", "#abc", ""])
def test_a_contact_id_that_is_no_positive_number_names_no_contact(typed: str) -> None:
    assert ContactQuery("id", typed).contact_id is None


def test_other_kinds_have_no_contact_id_and_lose_surrounding_blanks() -> None:
    assert ContactQuery("email", " jane@acme.com ").value == "jane@acme.com"
    assert ContactQuery("name", " Jane Doe ").contact_id is None
    assert ContactQuery("name", "#30101").value == "#30101"  # a name is not an id
