"""The modal through a fake Slack that keeps state like Slack does: open it, type into it,
change the type (the LinkedIn action and subject come and go), save — nothing entered is lost.

Each step does what the listeners will do: read the payload's view (`read_view`), rebuild the
modal from it (`task_modal`), and `views.update` it with the view's hash; or, on submit,
`validate_submission`. The fake carries values across updates only where block_id and
action_id stay the same, and refuses values no person could enter (slack-notes §2.3).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import datetime
from typing import Any

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot import ids
from bot.domain import ContactQuery, LinkedInAction, TaskType
from bot.forms import (
    ContactChoice,
    EditedTask,
    FormErrors,
    FormMetadata,
    FormValues,
    Origin,
    ReadyTask,
    read_view,
    validate_submission,
)
from bot.views.modal import contact_options, message_modal, task_modal
from tests.forms.support import CREATE_META, CTX
from tests.support.fake_slack import FakeSlack, SlackUser
from tests.support.slack_payloads import (
    block_actions_from_view,
    block_suggestion,
    view_submission,
)
from tests.support.task_samples import JANE, NEW_YORK, make_task

REP = "U0JANE"
JANE_OPTION = ("Jane Doe · Acme · jane@acme.com", "id:42")


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    slack = FakeSlack(users=[SlackUser(REP)])
    async with slack.running():
        yield slack


@pytest.fixture
def client(fake: FakeSlack) -> AsyncWebClient:
    return AsyncWebClient(token="xoxb-test-token", base_url=fake.api_url)


async def open_form(
    fake: FakeSlack, client: AsyncWebClient, form: FormValues, metadata: FormMetadata
) -> str:
    view = task_modal(form, mode="create", metadata=metadata)
    opened = await client.views_open(trigger_id=fake.issue_trigger_id(), view=view)
    return str(opened["view"]["id"])


async def choose(
    fake: FakeSlack, client: AsyncWebClient, view_id: str, action_id: str, value: Any
) -> FormValues:
    """The rep picks `value` in a dispatching select; the listener rebuilds the modal."""
    payload = block_actions_from_view(
        fake, user_id=REP, view_id=view_id, action_id=action_id, value=value
    )
    form, metadata = read_view(payload["view"])
    view = payload["view"]
    mode = "edit" if metadata.editing else "create"
    await client.views_update(
        view_id=view["id"],
        hash=view["hash"],
        view=task_modal(form, mode=mode, metadata=metadata),
    )
    return form


def current(fake: FakeSlack, view_id: str) -> tuple[FormValues, list[str]]:
    """What the rep now sees: the values Slack holds, and the input blocks shown."""
    view = fake.views[view_id]
    form, _ = read_view(view)
    inputs = [b["block_id"] for b in view["blocks"] if b["type"] == "input"]
    return form, inputs


async def test_the_linkedin_field_comes_and_goes_and_nothing_typed_is_lost(
    fake: FakeSlack, client: AsyncWebClient
) -> None:
    view_id = await open_form(fake, client, FormValues.blank(CTX), CREATE_META)
    fake.fill(
        view_id,
        {ids.CONTACT_SELECT: JANE_OPTION, ids.DUE_INPUT: "Fri 3pm",
         ids.BODY_INPUT: "Hi {{firstName}}, loved your talk"},
    )  # fmt: skip
    typed = FormValues(
        contact=ContactChoice.of(JANE),
        start_text="now",
        due_text="Fri 3pm",
        body="Hi {{firstName}}, loved your talk",
    )

    await choose(fake, client, view_id, ids.TYPE_SELECT, "LinkedIn")
    form, inputs = current(fake, view_id)
    assert ids.LINKEDIN_BLOCK in inputs
    assert ids.SUBJECT_BLOCK not in inputs
    assert form == replace(typed, task_type=TaskType.LINKEDIN)

    await choose(fake, client, view_id, ids.LINKEDIN_SELECT, "InMail")
    form, inputs = current(fake, view_id)
    assert ids.SUBJECT_BLOCK in inputs
    assert form == replace(
        typed, task_type=TaskType.LINKEDIN, linkedin_action=LinkedInAction.INMAIL
    )
    fake.fill(view_id, {ids.SUBJECT_INPUT: "Your talk at SaaStr"})

    await choose(fake, client, view_id, ids.TYPE_SELECT, "Call")
    form, inputs = current(fake, view_id)
    assert (ids.LINKEDIN_BLOCK in inputs, ids.SUBJECT_BLOCK in inputs) == (False, False)
    assert form == replace(
        typed,
        task_type=TaskType.CALL,
        linkedin_action=LinkedInAction.INMAIL,  # kept aside in private_metadata
        subject="Your talk at SaaStr",
    )

    await choose(fake, client, view_id, ids.TYPE_SELECT, "LinkedIn")
    form, inputs = current(fake, view_id)
    assert ids.LINKEDIN_BLOCK in inputs
    assert ids.SUBJECT_BLOCK in inputs  # InMail again: the subject is back, as typed
    inmail = replace(
        typed,
        task_type=TaskType.LINKEDIN,
        linkedin_action=LinkedInAction.INMAIL,
        subject="Your talk at SaaStr",
    )
    assert form == inmail

    submitted = view_submission(fake, user_id=REP, view_id=view_id)
    form, metadata = read_view(submitted["view"])
    assert form == inmail
    assert metadata.origin is Origin.COMMAND
    result = validate_submission(form, CTX)
    assert result == ReadyTask(
        task_type=TaskType.LINKEDIN,
        start_at=datetime(2026, 11, 25, 14, 37, tzinfo=NEW_YORK),
        due_to=datetime(2026, 11, 27, 15, 0, tzinfo=NEW_YORK),
        body="Hi {{firstName}}, loved your talk",
        contact=ContactChoice.of(JANE),
        linkedin_action=LinkedInAction.INMAIL,
        subject="Your talk at SaaStr",
    )


async def test_a_stale_rebuild_is_refused_by_the_view_hash(
    fake: FakeSlack, client: AsyncWebClient
) -> None:
    view_id = await open_form(fake, client, FormValues.blank(CTX), CREATE_META)
    first = block_actions_from_view(
        fake, user_id=REP, view_id=view_id, action_id=ids.TYPE_SELECT, value="LinkedIn"
    )
    await choose(fake, client, view_id, ids.TYPE_SELECT, "Call")
    form, metadata = read_view(first["view"])
    with pytest.raises(SlackApiError, match="hash_conflict"):
        await client.views_update(
            view_id=view_id,
            hash=first["view"]["hash"],
            view=task_modal(form, mode="create", metadata=metadata),
        )


async def test_errors_on_submit_name_input_blocks_of_the_submitted_view(
    fake: FakeSlack, client: AsyncWebClient
) -> None:
    view_id = await open_form(fake, client, FormValues.blank(CTX), CREATE_META)
    await choose(fake, client, view_id, ids.TYPE_SELECT, "LinkedIn")
    submitted = view_submission(
        fake,
        user_id=REP,
        view_id=view_id,
        values={ids.START_INPUT: "Fri 9am", ids.DUE_INPUT: "yesterday", ids.BODY_INPUT: "  "},
    )
    form, _ = read_view(submitted["view"])
    result = validate_submission(form, CTX)
    assert isinstance(result, FormErrors)
    inputs = {b["block_id"] for b in submitted["view"]["blocks"] if b["type"] == "input"}
    assert set(result.errors) == {
        ids.LINKEDIN_BLOCK,
        ids.CONTACT_BLOCK,
        ids.DUE_BLOCK,
        ids.BODY_BLOCK,
    }
    assert set(result.errors) <= inputs
    # The rep fixes the form; what was right stays.
    fixed = view_submission(
        fake,
        user_id=REP,
        view_id=view_id,
        values={ids.LINKEDIN_SELECT: "Connect", ids.CONTACT_SELECT: JANE_OPTION,
                ids.DUE_INPUT: "next Fri", ids.BODY_INPUT: "Connect before the demo"},
    )  # fmt: skip
    form, _ = read_view(fixed["view"])
    ready = validate_submission(form, CTX)
    assert isinstance(ready, ReadyTask)
    assert ready.start_at == datetime(2026, 11, 27, 9, 0, tzinfo=NEW_YORK)
    assert ready.due_to == datetime(2026, 12, 4, 17, 0, tzinfo=NEW_YORK)


async def test_a_typed_email_is_offered_picked_and_found_on_saving(
    fake: FakeSlack, client: AsyncWebClient
) -> None:
    form = FormValues.blank(CTX, TaskType.MANUAL_EMAIL)
    view_id = await open_form(fake, client, form, CREATE_META)
    suggestion = block_suggestion(
        fake, user_id=REP, view_id=view_id, action_id=ids.CONTACT_SELECT, typed="new@acme.com"
    )
    options = [o.to_dict() for o in contact_options(suggestion["value"], [JANE])]
    first = options[0]
    submitted = view_submission(
        fake,
        user_id=REP,
        view_id=view_id,
        values={ids.CONTACT_SELECT: first, ids.SUBJECT_INPUT: "Hello", ids.BODY_INPUT: "Hi"},
    )
    ready = validate_submission(read_view(submitted["view"])[0], CTX)
    assert isinstance(ready, ReadyTask)
    assert ready.contact == ContactChoice(
        ContactQuery("email", "new@acme.com"), "✉️ Use new@acme.com"
    )
    assert ready.contact.needs_lookup
    assert (ready.subject, ready.due_to.hour) == ("Hello", 17)


async def test_an_edit_opens_waiting_for_reply_then_shows_the_task(
    fake: FakeSlack, client: AsyncWebClient
) -> None:
    task = make_task(linkedin_action=None)
    editing = EditedTask(task_id=task.id, start_at=task.start_at, due_to=task.due_to)
    metadata = FormMetadata(
        origin=Origin.CARD_EDIT, user_id=REP, tz="America/New_York", editing=editing
    )
    loading = message_modal("⏳ Getting the task from Reply…", mode="edit", metadata=metadata)
    opened = await client.views_open(trigger_id=fake.issue_trigger_id(), view=loading)
    view = opened["view"]
    form = FormValues.from_task(task, JANE, CTX)
    await client.views_update(
        view_id=view["id"],
        hash=view["hash"],
        view=task_modal(form, mode="edit", metadata=metadata),
    )
    assert current(fake, view["id"])[0] == form

    # Saved untouched: exactly the times Reply has, although the start is already past.
    submitted = view_submission(fake, user_id=REP, view_id=view["id"])
    form, meta = read_view(submitted["view"])
    ready = validate_submission(form, CTX, editing=meta.editing)
    assert isinstance(ready, ReadyTask)
    assert (ready.start_at, ready.due_to) == (task.start_at, task.due_to)
    assert ready.write().body == "Ask about {{company}} pricing"

    # A new due is read; the start the rep left alone stays.
    submitted = view_submission(
        fake, user_id=REP, view_id=view["id"], values={ids.DUE_INPUT: "Mon 10am"}
    )
    form, meta = read_view(submitted["view"])
    ready = validate_submission(form, CTX, editing=meta.editing)
    assert isinstance(ready, ReadyTask)
    assert (ready.start_at, ready.due_to) == (
        task.start_at,
        datetime(2026, 11, 30, 10, 0, tzinfo=NEW_YORK),
    )
