"""What taskbot says about a task: the progress line, card labels, buttons, dialogs.

Plain strings (or Slack mrkdwn where a name says so); the views in `bot.views` place them. No
Slack escaping happens here: views escape user text, these sentences are ours.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from bot.domain import CallResolution, LinkedInAction, TaskStatus, TaskType

TYPE_EMOJI: Final[dict[TaskType, str]] = {
    TaskType.TODO: "📝",
    TaskType.CALL: "📞",
    TaskType.MEETING: "🤝",
    TaskType.LINKEDIN: "💼",
    TaskType.MANUAL_EMAIL: "✉️",
    TaskType.SMS: "💬",
    TaskType.WHATSAPP: "🟢",
}

TYPE_NAME: Final[dict[TaskType, str]] = {
    TaskType.TODO: "To-do",
    TaskType.CALL: "Call",
    TaskType.MEETING: "Meeting",
    TaskType.LINKEDIN: "LinkedIn",
    TaskType.MANUAL_EMAIL: "Email",
    TaskType.SMS: "SMS",
    TaskType.WHATSAPP: "WhatsApp",
}

LINKEDIN_ACTION_NAME: Final[dict[LinkedInAction, str]] = {
    LinkedInAction.MESSAGE: "Message",
    LinkedInAction.CONNECT: "Connect",
    LinkedInAction.INMAIL: "InMail",
    LinkedInAction.VIEW_PROFILE: "View profile",
}

STATUS_LABEL: Final[dict[TaskStatus, str]] = {
    TaskStatus.NEW: "🔵 New",
    TaskStatus.FINISHED: "✅ Done",
    TaskStatus.CANCELLED: "🚫 Cancelled",
    TaskStatus.ARCHIVED: "🗄️ Archived",
    TaskStatus.SEQUENCE_DETACHED: "⛓️ Detached from its sequence",
}

OUTCOME_LABEL: Final[dict[CallResolution, str]] = {
    CallResolution.POSITIVE: "👍 Positive",
    CallResolution.TO_CALL: "🔁 Call again",
    CallResolution.NEGATIVE: "👎 Negative",
}

# Card field labels
START: Final = "Start"
DUE: Final = "Due"
STATUS: Final = "Status"
FINISHED: Final = "Finished"
EMAIL: Final = "Email"
PHONE: Final = "Phone"
LINKEDIN: Final = "LinkedIn"
SUBJECT: Final = "Subject"
NO_BODY: Final = "(no description)"
NO_CHANNEL: Final = "⚠️ None in Reply: add it to the contact there"
BODY_CUT: Final = "… (shortened here; the full text is in Reply)"

# Context line
VIA_SLACK: Final = "via Slack"
FROM_SEQUENCE: Final = "from a sequence"
FROM_MEETING: Final = "from a meeting"
SANDBOX_BADGE: Final = "🧪 Reply sandbox: a practice task, not in your Reply account"

# Buttons (Block Kit: button text at most 75 characters)
DONE_BUTTON: Final = "✅ Done"
EDIT_BUTTON: Final = "✏️ Edit"
CANCEL_BUTTON: Final = "🗑️ Cancel task"
SHARE_BUTTON: Final = "📣 Share"
BACK_BUTTON: Final = "↩️ Not now"
OPEN_FORM_BUTTON: Final = "📝 Open in form"
TRY_AGAIN_BUTTON: Final = "🔄 Try again"


def kind(task_type: TaskType, action: LinkedInAction | None = None) -> str:
    """ "Call", "LinkedIn · InMail": the type as a rep names it."""
    name = TYPE_NAME[task_type]
    if task_type is TaskType.LINKEDIN and action is not None:
        return f"{name} · {LINKEDIN_ACTION_NAME[action]}"
    return name


def heading(task_type: TaskType, action: LinkedInAction | None, contact: str | None) -> str:
    """The card's header: "📞 Call — Jane Doe", "📝 To-do"."""
    title = f"{TYPE_EMOJI[task_type]} {kind(task_type, action)}"
    return f"{title} — {contact}" if contact else title


_IN_A_SENTENCE: Final[dict[TaskType, str]] = {
    TaskType.CALL: "call",
    TaskType.MEETING: "meeting",
    TaskType.LINKEDIN: "LinkedIn",
    TaskType.MANUAL_EMAIL: "email",
    TaskType.SMS: "SMS",
    TaskType.WHATSAPP: "WhatsApp",
}


def _task_noun(task_type: TaskType | None, action: LinkedInAction | None) -> str:
    """The task as a noun: "a call task", "an SMS task", "a LinkedIn InMail task", "a to-do"."""
    if task_type is None:
        return "your task"
    if task_type is TaskType.TODO:
        return "a to-do"
    name = _IN_A_SENTENCE[task_type]
    if task_type is TaskType.LINKEDIN and action is not None:
        name = f"{name} {LINKEDIN_ACTION_NAME[action]}"
    # "an" before a vowel sound: email, SMS ("es-em-es"); "a" before call, LinkedIn, WhatsApp.
    article = "an" if name[0] in "aeiouAEIOU" or name.startswith("SMS") else "a"
    return f"{article} {name} task"


def progress(task_type: TaskType | None, action: LinkedInAction | None, contact: str | None) -> str:
    """The ack: "Creating a call task for jane@acme.com…" (replaced by the card)."""
    noun = _task_noun(task_type, action)
    sentence = f"Creating {noun} for {contact}" if contact else f"Creating {noun}"
    return f"⏳ {sentence}…"


def card_fallback(
    task_type: TaskType,
    action: LinkedInAction | None,
    contact: str | None,
    due: str,
    status: TaskStatus,
) -> str:
    """Notification text for a card: "📞 Call — Jane Doe, due Thu 26 Nov 2026 15:00 EST (New)"."""
    status_name = STATUS_LABEL[status].split(" ", 1)[1]
    return f"{heading(task_type, action, contact)}, due {due} ({status_name})"


def _listed(names: Sequence[str]) -> str:
    shown = [f"{{{{{name}}}}}" for name in names]
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"


def empty_variables(unset: Sequence[str], unknown: Sequence[str], contact: str) -> str | None:
    """Plain text under the body: variables that came out empty (None: all were filled).
    `unset`: fields `contact` has no value for; `unknown`: names that are no field at all."""
    sentences: list[str] = []
    if unknown:
        sentences.append(
            f"{_listed(unknown)} came out empty: Reply has no contact field by that name "
            f"(nor a custom field on {contact}). Check the spelling, e.g. {{{{firstName}}}}."
        )
    if unset:
        it = "it" if len(unset) == 1 else "them"
        sentences.append(
            f"{_listed(unset)} came out empty: {contact} has no value for {it} in Reply. "
            f"Fill it in there, or edit the task."
        )
    return f"⚠️ {' '.join(sentences)}" if sentences else None


def variables_without_contact(names: Sequence[str]) -> str | None:
    """Plain text under the body of a task with variables but no contact to fill them."""
    if not names:
        return None
    return (
        f"⚠️ {_listed(names)} stayed empty: variables are filled in from a contact, and this "
        f"task has none. Edit it to write the words instead."
    )


def task_number(task_id: int) -> str:
    return f"Task #{task_id}"


def shared_by(user_id: str) -> str:
    """mrkdwn: Slack renders <@U…> as the person's name."""
    return f"Shared by <@{user_id}>"


def cancel_confirm_title() -> str:
    return "Cancel this task?"  # confirm title: at most 100 characters


def cancel_confirm_text(task_kind: str, contact: str | None) -> str:
    """Confirm dialog text (at most 300 characters); `contact` is already escaped."""
    what = f"the {task_kind} task for {contact}" if contact else f"this {task_kind} task"
    return f"Reply will cancel {what}. You can't undo this from Slack."


CANCEL_CONFIRM: Final = "Cancel task"
CANCEL_DENY: Final = "Keep it"


def outcome_question(contact: str | None) -> str:
    """mrkdwn; `contact` is already escaped."""
    return f"*How did the call with {contact} go?*" if contact else "*How did the call go?*"


# --------------------------------------------------------------------------------------
# Choosing a contact, and errors


def pick_prompt(query: str, shown: int, total: int) -> str:
    """mrkdwn; `query` is already escaped."""
    if total > shown:
        return (
            f"*{total} Reply contacts match “{query}”.* Here are the first {shown}; "
            "pick one, or type a full email to be exact."
        )
    if total == 1:
        return f"*1 Reply contact matches “{query}”.* Is this who you meant?"
    return f"*{total} Reply contacts match “{query}”.* Which one did you mean?"


def pick_fallback(query: str, total: int) -> str:
    if total == 1:
        return f"1 Reply contact matches “{query}”. Pick it to create the task."
    return f"{total} Reply contacts match “{query}”. Pick one to create the task."


PICK_BUTTON: Final = "Pick"
PICK_KEPT_SHORT: Final = (
    "Your command is very long, so only its first part travels with these buttons; "
    "check the body in the form before you save."
)


def error_fallback(message: str) -> str:
    return f"⚠️ {message}"
