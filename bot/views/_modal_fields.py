"""The task modal's input blocks, one builder per field.

Every block and element keeps the same `block_id`/`action_id` (from `bot.ids`) whatever the
form holds, so Slack carries what the rep entered across `views.update` (slack-notes §2.3:
values survive when both ids are reused). Initial values are what `FormValues` holds; Slack
ignores them for a field the rep already touched, which is why the modal is always rebuilt
from the submitted state rather than from scratch.
"""

from __future__ import annotations

from typing import Final

from slack_sdk.models.blocks import (
    ExternalDataSelectElement,
    InputBlock,
    Option,
    PlainTextInputElement,
    PlainTextObject,
    StaticSelectElement,
)

from bot import ids
from bot.domain import LinkedInAction, TaskType
from bot.fitting import fit_plain
from bot.forms import BODY_LIMIT, SUBJECT_LIMIT, ContactChoice, FormValues
from bot.messages import form as words
from bot.messages import task as task_words

PLACEHOLDER: Final = 150
OPTION_TEXT: Final = 75
DATE_TEXT: Final = 150
"""Longest start or due phrase the fields take ("from Monday 9am to Friday 5pm next week" is 40)."""
MIN_QUERY_LENGTH: Final = 2
"""Characters typed before Slack asks for contact options (Slack's default is 3). Two letters
already narrow a team's contacts ("Jo", "Li", and two-letter surnames exist); one would send a
Reply search on every first keystroke with results nobody reads."""


def _plain(text: str, limit: int = 2000) -> PlainTextObject:
    return PlainTextObject(text=fit_plain(text, limit), emoji=True)


def _initial(text: str, limit: int) -> str | None:
    """Slack refuses an initial value longer than the field's `max_length`; empty is none."""
    return fit_plain(text, limit) if text else None


def type_options() -> list[Option]:
    return [
        Option(
            value=kind.value,
            text=_plain(f"{task_words.TYPE_EMOJI[kind]} {task_words.TYPE_NAME[kind]}", OPTION_TEXT),
        )
        for kind in TaskType
    ]


def linkedin_options() -> list[Option]:
    return [
        Option(value=action.value, text=_plain(words.LINKEDIN_ACTION_OPTION[action], OPTION_TEXT))
        for action in LinkedInAction
    ]


def _chosen(options: list[Option], value: str | None) -> Option | None:
    # initial_option must equal one of the options exactly (Block Kit, static select).
    return next((option for option in options if option.value == value), None)


def type_block(form: FormValues) -> InputBlock:
    options = type_options()
    return InputBlock(
        block_id=ids.TYPE_BLOCK,
        label=_plain(words.field_label("task_type")),
        dispatch_action=True,  # a new type shows or hides the LinkedIn action and subject
        element=StaticSelectElement(
            action_id=ids.TYPE_SELECT,
            placeholder=_plain(words.TYPE_PLACEHOLDER, PLACEHOLDER),
            options=options,
            initial_option=_chosen(options, form.task_type.value if form.task_type else None),
        ),
    )


def linkedin_block(form: FormValues) -> InputBlock:
    options = linkedin_options()
    action = form.linkedin_action
    return InputBlock(
        block_id=ids.LINKEDIN_BLOCK,
        label=_plain(words.field_label("linkedin_action")),
        dispatch_action=True,  # InMail shows the subject
        element=StaticSelectElement(
            action_id=ids.LINKEDIN_SELECT,
            placeholder=_plain(words.LINKEDIN_PLACEHOLDER, PLACEHOLDER),
            options=options,
            initial_option=_chosen(options, action.value if action else None),
        ),
    )


def contact_option(choice: ContactChoice) -> Option:
    return Option(value=choice.option_value, text=_plain(choice.label, OPTION_TEXT))


def contact_block(form: FormValues) -> InputBlock:
    needed = form.task_type is None or form.task_type.needs_contact
    return InputBlock(
        block_id=ids.CONTACT_BLOCK,
        label=_plain(words.field_label("contact")),
        hint=_plain(words.contact_hint(form.task_type)),
        optional=not needed,
        element=ExternalDataSelectElement(
            action_id=ids.CONTACT_SELECT,
            placeholder=_plain(words.CONTACT_PLACEHOLDER, PLACEHOLDER),
            min_query_length=MIN_QUERY_LENGTH,
            initial_option=contact_option(form.contact) if form.contact else None,
        ),
    )


def start_block(form: FormValues, zone: str | None) -> InputBlock:
    return InputBlock(
        block_id=ids.START_BLOCK,
        label=_plain(words.field_label("start_at")),
        hint=_plain(words.start_hint(zone)),
        optional=True,  # empty means now
        element=PlainTextInputElement(
            action_id=ids.START_INPUT,
            placeholder=_plain(words.START_PLACEHOLDER, PLACEHOLDER),
            initial_value=_initial(form.start_text, DATE_TEXT),
            max_length=DATE_TEXT,
        ),
    )


def due_block(form: FormValues, zone: str | None) -> InputBlock:
    return InputBlock(
        block_id=ids.DUE_BLOCK,
        label=_plain(words.field_label("due_to")),
        hint=_plain(words.due_hint(zone)),
        element=PlainTextInputElement(
            action_id=ids.DUE_INPUT,
            placeholder=_plain(words.DUE_PLACEHOLDER, PLACEHOLDER),
            initial_value=_initial(form.due_text, DATE_TEXT),
            max_length=DATE_TEXT,
        ),
    )


def subject_block(form: FormValues) -> InputBlock:
    return InputBlock(
        block_id=ids.SUBJECT_BLOCK,
        label=_plain(words.field_label("subject", form.task_type)),
        hint=_plain(words.subject_hint(SUBJECT_LIMIT)),
        optional=True,  # Reply's template.subject is nullable
        element=PlainTextInputElement(
            action_id=ids.SUBJECT_INPUT,
            placeholder=_plain(words.SUBJECT_PLACEHOLDER, PLACEHOLDER),
            initial_value=_initial(form.subject, SUBJECT_LIMIT),
            max_length=SUBJECT_LIMIT,
        ),
    )


def body_block(form: FormValues) -> InputBlock:
    return InputBlock(
        block_id=ids.BODY_BLOCK,
        label=_plain(words.field_label("body", form.task_type)),
        hint=_plain(words.body_hint(BODY_LIMIT)),
        element=PlainTextInputElement(
            action_id=ids.BODY_INPUT,
            placeholder=_plain(words.body_placeholder(form.task_type), PLACEHOLDER),
            initial_value=_initial(form.body, BODY_LIMIT),
            multiline=True,
            max_length=BODY_LIMIT,
        ),
    )
