# ruff: noqa: RUF001, RUF002 - typographic quotes are how taskbot quotes what a rep typed
"""Every sentence about a `/task` command: what is missing or wrong, and how to say it.

Each problem names what was wrong and shows the fix as a command the rep can copy (rule 5 of
ARCHITECTURE.md). Plain text; the views escape it. Words the rep typed are quoted ‘like this’,
words to type are in backticks, as on the help card (bot/messages/usage.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time
from typing import Final

from bot.domain import ContactQuery, LinkedInAction, TaskType
from bot.messages.dates import when_text
from bot.messages.form import CHOOSE_LINKEDIN_ACTION, CHOOSE_TYPE, EMPTY_BODY, pick_contact
from bot.messages.task import LINKEDIN_ACTION_NAME, TYPE_NAME

TYPE_PHRASE: Final[dict[TaskType, str]] = {
    TaskType.TODO: "a to-do",
    TaskType.CALL: "a call",
    TaskType.MEETING: "a meeting",
    TaskType.LINKEDIN: "a LinkedIn task",
    TaskType.MANUAL_EMAIL: "an email",
    TaskType.SMS: "an SMS",
    TaskType.WHATSAPP: "a WhatsApp message",
}

EXAMPLE: Final[dict[TaskType, str]] = {
    TaskType.TODO: "/task todo by EOW Prepare the Q4 forecast",
    TaskType.CALL: "/task call jane@acme.com tomorrow 3pm Ask about pricing",
    TaskType.MEETING: '/task mtg "Jane Doe" next Tue 10am Quarterly review',
    TaskType.LINKEDIN: "/task li connect linkedin.com/in/janedoe tomorrow Met at SaaStr",
    TaskType.MANUAL_EMAIL: "/task email #12345 EOD Fri Hi {{firstName}}, how is the trial going?",
    TaskType.SMS: "/task sms jane@acme.com tomorrow 10am Running 5 min late",
    TaskType.WHATSAPP: "/task wa #12345 Fri 9am Send the deck",
}
"""One command per type, each read by the grammar without a problem (a test checks)."""

TYPE_LIST: Final = "`todo`, `call`, `meeting`, `linkedin`, `email`, `sms` or `whatsapp`"
ACTION_LIST: Final = "`message`, `connect`, `inmail` or `view`"
CONTACT_FORMS: Final = (
    'an email, a Reply id like `#12345`, a LinkedIn URL or a name in quotes ("Jane Doe")'
)
SUBJECT_EXAMPLE: Final = "`subject: Pricing for 2027 | Hi {{firstName}}, …`"


def _quoted(text: str) -> str:
    return f"‘{text}’"


def _sentence_start(phrase: str) -> str:
    """ "an SMS" → "An SMS" (str.capitalize would lower the rest: "An sms")."""
    return phrase[:1].upper() + phrase[1:]


def contact_text(contact: ContactQuery) -> str:
    """A contact as the rep wrote it: `jane@acme.com`, `#12345`, `"Jane Doe"`."""
    if contact.kind == "id":
        return f"#{contact.value}"
    if contact.kind == "name":
        return f"“{contact.value}”"
    return contact.value


# In the form the field is the fix: these say what was wrong, then what to choose there.


def unknown_type_in_form(word: str, suggestion: TaskType) -> str:
    return (
        f"{_quoted(word)} isn't a task type — did you mean {TYPE_NAME[suggestion]}? {CHOOSE_TYPE}"
    )


def unknown_action_in_form(word: str, suggestion: LinkedInAction | None) -> str:
    if suggestion is None:
        return CHOOSE_LINKEDIN_ACTION
    name = LINKEDIN_ACTION_NAME[suggestion]
    return (
        f"{_quoted(word)} isn't a LinkedIn action — did you mean {name}? {CHOOSE_LINKEDIN_ACTION}"
    )


def missing_contact_in_form(task_type: TaskType) -> str:
    return pick_contact(task_type)


CHOOSE_TYPE_IN_FORM: Final = CHOOSE_TYPE
CHOOSE_ACTION_IN_FORM: Final = CHOOSE_LINKEDIN_ACTION
EMPTY_BODY_IN_FORM: Final = EMPTY_BODY
SUBJECT_TOOK_BODY_IN_FORM: Final = (
    "The subject took the rest of the command: move the words that belong here out of the subject."
)


def unknown_type(word: str, suggestion: str) -> str:
    return (
        f"{_quoted(word)} isn't a task type — did you mean `{suggestion}`? Start the command "
        f"with a type: {TYPE_LIST}."
    )


def which_type(contact: ContactQuery) -> str:
    return (
        f"What kind of task is this for {contact_text(contact)}? Start the command with "
        f"{TYPE_LIST}, e.g. `/task call {contact_text(contact)} …`."
    )


def missing_action(word: str | None = None, suggestion: str | None = None) -> str:
    if word and suggestion:
        return (
            f"{_quoted(word)} isn't a LinkedIn action — did you mean `{suggestion}`? "
            f"Put one of {ACTION_LIST} right after `linkedin`."
        )
    return (
        f"Which LinkedIn action? Put {ACTION_LIST} right after `linkedin`, e.g. "
        f"`{EXAMPLE[TaskType.LINKEDIN]}`."
    )


def missing_contact(task_type: TaskType) -> str:
    return (
        f"{_sentence_start(TYPE_PHRASE[task_type])} needs a contact. Put {CONTACT_FORMS} right "
        f"after the type, e.g. `{EXAMPLE[task_type]}`."
    )


def contact_from_description(keyword: str, contact: ContactQuery) -> str:
    """`keyword` is the type word the rep typed (`call`)."""
    return (
        f"Is this for {contact_text(contact)}? taskbot found it in the description, not right "
        f"after the type. Check the contact, or put it right after the type next time, e.g. "
        f"`/task {keyword} {contact_text(contact)} …`."
    )


def several_contacts(contacts: Sequence[ContactQuery]) -> str:
    named = ", ".join(contact_text(contact) for contact in contacts)
    return (
        f"This command names {len(contacts)} contacts ({named}), but a task is for one. "
        f"Keep one (the first is filled in), or send one `/task` per contact."
    )


def several_in_description(
    task_type: TaskType, keyword: str, contacts: Sequence[ContactQuery]
) -> str:
    named = ", ".join(contact_text(contact) for contact in contacts)
    return (
        f"Which contact is {TYPE_PHRASE[task_type]} for? The description names several "
        f"({named}); put the one this task is for right after the type, e.g. "
        f"`/task {keyword} {contact_text(contacts[0])} …`."
    )


def empty_body(task_type: TaskType | None) -> str:
    example = EXAMPLE[task_type or TaskType.CALL]
    return f"Say what the task is about: write it after the date, e.g. `{example}`."


def subject_took_body(subject: str) -> str:
    """`subject:` ran to the end of the command, so nothing was left for the text."""
    return (
        f"The subject took the rest of the command ({_quoted(subject)}), so there is no text "
        f"left for the task. End the subject with `|` and write the text after it, e.g. "
        f"{SUBJECT_EXAMPLE}."
    )


def subject_not_allowed(task_type: TaskType) -> str:
    return (
        f"Only an email or a LinkedIn InMail has a subject, and this is "
        f"{TYPE_PHRASE[task_type]}, so ‘subject:’ was kept in the description. Remove it, or "
        f"start with `email` or `li inmail`."
    )


def empty_subject() -> str:
    return (
        f"‘subject:’ has nothing after it. Write the subject after the colon, e.g. "
        f"{SUBJECT_EXAMPLE}."
    )


def due_not_after_start(due: datetime, start: datetime) -> str:
    return (
        f"The task is due {when_text(due)}, which is not after its start, {when_text(start)}. "
        f"Make the due time later, e.g. `from Mon 9am to Mon 5pm` or `start tomorrow due Fri`."
    )


def due_defaulted(task_type: TaskType, at: time) -> str:
    """Above the card of a task the rep gave no due date: the rule taskbot followed (`at`,
    bot/parsing/dates/_default_due.py), and how to change it."""
    return (
        f"No due date given: {TYPE_PHRASE[task_type]} is due at {at:%H:%M} on the first "
        "business day at least two hours away. Press Edit to change it, or next time add "
        "one, e.g. `tomorrow 3pm` or `EOD Fri`."
    )
