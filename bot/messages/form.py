# ruff: noqa: RUF001 - typographic quotes are how taskbot quotes what a rep typed
"""What the task form says: titles, labels, hints, placeholders, notices and field errors.

Plain strings; `bot.views.modal` places them (labels, hints and placeholders are plain_text,
so nothing here is mrkdwn). Every error says what was wrong and what to type instead
(ARCHITECTURE.md rule 5). Slack's limits for these strings (slack-notes §3.1): modal title,
submit and close ≤ 24 characters, placeholder ≤ 150, option text ≤ 75, label and hint ≤ 2000.
"""

from __future__ import annotations

from typing import Final

from bot.domain import Field, LinkedInAction, TaskStatus, TaskType

# --------------------------------------------------------------------------------------
# The modal's frame (≤ 24 characters each)

CREATE_TITLE: Final = "New Reply task"
EDIT_TITLE: Final = "Edit Reply task"
CREATE_SUBMIT: Final = "Create task"
EDIT_SUBMIT: Final = "Save changes"
CLOSE: Final = "Cancel"
DONE_CLOSE: Final = "Close"

# --------------------------------------------------------------------------------------
# Labels, placeholders, hints

FIELD_LABEL: Final[dict[Field, str]] = {
    "task_type": "Type",
    "linkedin_action": "LinkedIn action",
    "contact": "Contact",
    "start_at": "Start",
    "due_to": "Due",
    "subject": "Subject",
    "body": "What to do",
}
"""Each field's name, as the form labels it and as sentences about a field name it (Reply's
field errors on a card, a notice about a field the form hides). `field_label` adds the
type's own words for the body and the InMail subject."""

_BODY_LABEL: Final[dict[TaskType, str]] = {
    TaskType.MANUAL_EMAIL: "Email text",
    TaskType.LINKEDIN: "Message or notes",
    TaskType.SMS: "Text message",
    TaskType.WHATSAPP: "WhatsApp message",
}


def field_label(field: Field, task_type: TaskType | None = None) -> str:
    """The field's label in a form for `task_type` (no type: the general one)."""
    if field == "body" and task_type in _BODY_LABEL:
        return _BODY_LABEL[task_type]
    if field == "subject" and task_type is TaskType.LINKEDIN:
        return "InMail subject"
    return FIELD_LABEL[field]


TYPE_PLACEHOLDER: Final = "Choose a type"
LINKEDIN_PLACEHOLDER: Final = "Choose what to do on LinkedIn"
CONTACT_PLACEHOLDER: Final = "Search Reply contacts, or type an email"
START_PLACEHOLDER: Final = "now"
DUE_PLACEHOLDER: Final = "tomorrow 3pm"
SUBJECT_PLACEHOLDER: Final = "Quick question about {{company}}"

LINKEDIN_ACTION_OPTION: Final[dict[LinkedInAction, str]] = {
    LinkedInAction.MESSAGE: "💬 Send a message",
    LinkedInAction.CONNECT: "🤝 Send a connection request",
    LinkedInAction.INMAIL: "📨 Send an InMail",
    LinkedInAction.VIEW_PROFILE: "👀 View their profile",
}

VARIABLES: Final = (
    "{{firstName}}",
    "{{lastName}}",
    "{{company}}",
    "{{title}}",
    "{{email}}",
    "{{phone}}",
    "{{city}}",
    "{{country}}",
)
"""The contact properties Reply fills into a template (the sandbox renders the same names,
`bot/reply/sandbox/seed.py` `variables()`); the hint lists them."""

_BODY_PLACEHOLDER: Final[dict[TaskType, str]] = {
    TaskType.TODO: "Prepare the Q4 forecast",
    TaskType.CALL: "Ask {{firstName}} about {{company}}'s renewal",
    TaskType.MEETING: "Quarterly review with {{firstName}}",
    TaskType.LINKEDIN: "Hi {{firstName}}, loved your post about …",
    TaskType.MANUAL_EMAIL: "Hi {{firstName}}, how is the trial going at {{company}}?",
    TaskType.SMS: "Hi {{firstName}}, are we still on for tomorrow?",
    TaskType.WHATSAPP: "Hi {{firstName}}, are we still on for tomorrow?",
}


def body_placeholder(task_type: TaskType | None) -> str:
    return _BODY_PLACEHOLDER[task_type] if task_type else "What should happen, in your words"


def contact_hint(task_type: TaskType | None) -> str:
    optional = " A to-do can go without one." if task_type is TaskType.TODO else ""
    return (
        "Search by name, email or company (type 2 letters or more). Someone new? Type their "
        f"email and pick “Use …”.{optional}"
    )


def start_hint(zone: str | None) -> str:
    return (
        f"When the task opens in Reply, {_in_zone(zone)}. For example ‘now’, ‘tomorrow 9am’, "
        "‘Mon 8:30am’. Left empty, it starts now."
    )


def due_hint(zone: str | None) -> str:
    return (
        f"Read {_in_zone(zone)}. For example ‘tomorrow 3pm’, ‘EOD Fri’, "
        "‘in 2 business days’, ‘Dec 3 at 10am’. A date alone means 17:00."
    )


def _in_zone(zone: str | None) -> str:
    return f"in your time zone ({zone})" if zone else "in your Slack time zone"


def body_hint(limit: int) -> str:
    return (
        f"Reply fills in variables from the contact: {' '.join(VARIABLES)}. "
        f"Up to {limit:,} characters."
    )


def subject_hint(limit: int) -> str:
    return f"Variables work here too, e.g. {{{{firstName}}}}. Up to {limit} characters."


# --------------------------------------------------------------------------------------
# Notes at the top of the form

SANDBOX_NOTE: Final = (
    "🧪 Reply sandbox: tasks made here are practice tasks, not in your Reply account."
)


def editing_note(task_id: int) -> str:
    return f"✏️ Editing task #{task_id} as Reply has it now. Saving replaces what is there."


def notice(message: str) -> str:
    """A problem known when the form opens, shown under the field at fault."""
    return f"⚠️ {message}"


def confirmed(message: str) -> str:
    """Good news about a field, from Reply after the form opened (e.g. the contact found)."""
    return f"✅ {message}"


def hidden_notice(field: Field, message: str) -> str:
    """A problem about a field this type of task does not show (e.g. a subject on a call)."""
    return f"⚠️ {FIELD_LABEL[field]}: {message}"


# --------------------------------------------------------------------------------------
# Contact options (option text ≤ 75 characters)


def use_email(email: str) -> str:
    return f"✉️ Use {email}"


def use_contact_id(contact_id: int) -> str:
    return f"#️⃣ Use Reply contact #{contact_id}"


def use_linkedin(short_url: str) -> str:
    return f"💼 Use {short_url}"


def search_name(name: str) -> str:
    return f"🔎 “{name}” (found when you save)"


def contact_number(contact_id: int) -> str:
    return f"Reply contact #{contact_id}"


# --------------------------------------------------------------------------------------
# Field errors (view_submission `response_action: errors`)

EXAMPLES: Final = "‘tomorrow 3pm’, ‘EOD Fri’ or ‘in 2 business days’"

CHOOSE_TYPE: Final = (
    "Choose what kind of task this is: a to-do, call, meeting, LinkedIn, email, SMS or WhatsApp."
)
CHOOSE_LINKEDIN_ACTION: Final = (
    "Choose the LinkedIn action: a message, a connection request, an InMail or a profile view."
)
CHOOSE_LINKEDIN_ACTION_AGAIN: Final = (
    "Choose the LinkedIn action: pick the type again and the field for it appears."
)
NO_DUE: Final = f"Say when the task is due, e.g. {EXAMPLES}."
EMPTY_BODY: Final = "Describe the task: what should happen, e.g. ‘Ask about {{company}} pricing’."


_NEEDS_CONTACT: Final[dict[TaskType, str]] = {
    TaskType.CALL: "a call",
    TaskType.MEETING: "a meeting",
    TaskType.LINKEDIN: "a LinkedIn task",
    TaskType.MANUAL_EMAIL: "an email",
    TaskType.SMS: "an SMS",
    TaskType.WHATSAPP: "a WhatsApp message",
}


def pick_contact(task_type: TaskType) -> str:
    noun = _NEEDS_CONTACT.get(task_type, "this task")
    return (
        f"Reply needs a contact for {noun}. Search for them by name, or type their email and "
        "pick “Use …”."
    )


def due_not_after_start(start: str, due: str) -> str:
    return (
        f"The due time ({due}) must be after the start ({start}). Move the due later, or the "
        "start earlier (e.g. ‘now’)."
    )


def start_too_early(message: str) -> str:
    return f"{message} Type a later start, e.g. ‘now’ or ‘tomorrow 9am’."


def too_long(what: str, length: int, limit: int) -> str:
    return (
        f"The {what} is {length:,} characters long; Reply tasks from Slack take up to "
        f"{limit:,}. Shorten it by {length - limit:,}."
    )


def reply_refused(details: str) -> str:
    """Reply's own 400 that names no field the form shows."""
    return f"Reply refused the task: {details} Change what it names and save again."


def reply_says(detail: str) -> str:
    return f"Reply says: {detail}"


# Resolving a typed contact at submit


def contact_not_found(what: str) -> str:
    return (
        f"No Reply contact has {what}. Check it, search by name instead, or add them in Reply "
        "first."
    )


def contact_ambiguous(what: str, count: int) -> str:
    return f"{count} Reply contacts match {what}. Search for the one you mean and pick them."


# --------------------------------------------------------------------------------------
# Around the form

LOADING_TASK: Final = "⏳ Getting the task from Reply…"


def too_long_to_edit(what: str, length: int, limit: int) -> str:
    return (
        f"This task's {what} is {length:,} characters long, more than the form holds "
        f"({limit:,}), so saving it from Slack would cut it. Edit it in Reply instead."
    )


def only_new_editable(status: TaskStatus) -> str:
    state = {
        TaskStatus.FINISHED: "done",
        TaskStatus.CANCELLED: "cancelled",
        TaskStatus.ARCHIVED: "archived",
        TaskStatus.SEQUENCE_DETACHED: "detached from its sequence",
    }.get(status, status.value)
    return f"This task is {state}, and Reply only lets you edit new tasks."
