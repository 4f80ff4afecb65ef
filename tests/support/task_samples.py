"""Sample Reply data for Slack-side tests: Jane, a contact, and `make_task` (a Call task for her,
open, due tomorrow 15:00 New York time; pass fields to change)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain import (
    Contact,
    DeliveryInfo,
    Task,
    TaskContent,
    TaskStatus,
    TaskTemplate,
    TaskType,
)

NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 25, 14, 37, tzinfo=NEW_YORK)

JANE = Contact(
    id=42,
    email="jane@acme.com",
    first_name="Jane",
    last_name="Doe",
    company="Acme",
    title="VP Sales",
    phone="+1 212 555 0199",
    linkedin_url="https://www.linkedin.com/in/janedoe/",
)


def make_task(**changes: Any) -> Task:
    task = Task(
        id=1001,
        task_type=TaskType.CALL,
        status=TaskStatus.NEW,
        start_at=NOW,
        due_to=datetime(2026, 11, 26, 15, 0, tzinfo=NEW_YORK),
        template=TaskTemplate(body="Ask about {{company}} pricing"),
        assigned_user_id=7,
        created_at=NOW - timedelta(seconds=1),
        contact_id=JANE.id,
        content=TaskContent(body="Ask about Acme pricing"),
        delivery=DeliveryInfo(phone_number="+1 212 555 0199"),
    )
    return replace(task, **changes)
