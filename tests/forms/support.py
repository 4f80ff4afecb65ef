"""Shared values for the form tests: the reference instant of CONVENTIONS.md, a rep's context,
and metadata for a create and an edit form."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from bot import ids
from bot.forms import EditedTask, FormMetadata, Origin
from bot.parsing.dates import DateContext
from tests.support.task_samples import NEW_YORK

NOW = datetime(2026, 11, 25, 19, 37, tzinfo=UTC)  # Wed 14:37 in New York
CTX = DateContext(now=NOW, tz=NEW_YORK, locale="en-US")

SLACK_LOCALES = (
    "en-US", "en-GB", "en-IN", "en-AU", "de-DE", "es-ES", "es-LA", "fr-FR", "it-IT", "ja-JP",
    "ko-KR", "pt-BR", "ru-RU", "zh-CN", "zh-TW", None,
)  # fmt: skip
"""Slack's client languages (users.info `locale`), and unknown."""

CREATE_META = FormMetadata(
    origin=Origin.COMMAND,
    user_id="U0JANE",
    channel_id="C0SALES",
    response_url="https://hooks.slack.com/commands/T0TASKBOT/1234567890/AbCdEfGhIjKlMnOp",
    tz="America/New_York",
    locale="en-US",
)

EDITED = EditedTask(
    task_id=1001,
    start_at=datetime(2026, 11, 20, 9, 15, 42, tzinfo=UTC),
    due_to=NOW - timedelta(hours=2, seconds=17),
)
EDIT_META = FormMetadata(
    origin=Origin.CARD_EDIT,
    user_id="U0JANE",
    channel_id="C0SALES",
    response_url="https://hooks.slack.com/actions/T0TASKBOT/1234567890/AbCdEfGhIjKlMnOp",
    tz="America/New_York",
    editing=EDITED,
)


def state(**values: Any) -> dict[str, dict[str, Any]]:
    """`view.state.values` as Slack sends it, from field names (type, contact, due, …):
    selects take (value, text) or None, text inputs a string or None."""
    where = {
        "type": (ids.TYPE_BLOCK, ids.TYPE_SELECT, "static_select"),
        "linkedin": (ids.LINKEDIN_BLOCK, ids.LINKEDIN_SELECT, "static_select"),
        "contact": (ids.CONTACT_BLOCK, ids.CONTACT_SELECT, "external_select"),
        "start": (ids.START_BLOCK, ids.START_INPUT, "plain_text_input"),
        "due": (ids.DUE_BLOCK, ids.DUE_INPUT, "plain_text_input"),
        "subject": (ids.SUBJECT_BLOCK, ids.SUBJECT_INPUT, "plain_text_input"),
        "body": (ids.BODY_BLOCK, ids.BODY_INPUT, "plain_text_input"),
    }
    out: dict[str, dict[str, Any]] = {}
    for name, value in values.items():
        block, action, kind = where[name]
        if kind == "plain_text_input":
            element: dict[str, Any] = {"type": kind, "value": value}
        elif value is None:
            element = {"type": kind, "selected_option": None}
        else:
            option_value, text = value
            option = {"text": {"type": "plain_text", "text": text, "emoji": True}}
            element = {"type": kind, "selected_option": {**option, "value": option_value}}
        out[block] = {action: element}
    return out
