"""What taskbot says around saving the task form: when the form closed before Reply answered
and something went wrong, when a form can no longer be read, and Reply's confirmation of a
typed contact.

Plain sentences (the views escape them); each says what happened and what to do next.
"""

from __future__ import annotations

from typing import Final

NOT_YOUR_FORM: Final = (
    "This form was opened by someone else, so taskbot won't save it for you. Open your own "
    "with /task."
)

FORM_UNREADABLE: Final = (
    "taskbot can't read this form any more (it may come from an older version). Close it and "
    "open the form again with /task."
)


def kept_for_later(message: str) -> str:
    """A create that failed after the form closed, when sending it again is safe."""
    return f"{message} Nothing you typed is lost: press Open in form to send it again."


def contact_after_close(message: str) -> str:
    """The typed contact was not one Reply contact, found out after the form closed."""
    return f"Your task wasn't created. {message} Press Open in form to choose the contact."


def edit_not_saved(task_id: int, message: str) -> str:
    """An edit that failed after the form closed (`message` says why, and may end in a colon
    before Reply's own lines)."""
    return (
        f"Your changes to task #{task_id} weren't saved, but nothing you changed is lost: "
        f"press Open in form to fix and save them. {message}"
    )


def contact_found(label: str) -> str:
    """Under the contact field once Reply confirmed what the rep typed."""
    return f"Found in Reply: {label}"


def form_not_opened(reason: str) -> str:
    """Slack refused to open the form (most often the 3-second trigger ran out)."""
    if reason == "expired_trigger_id":
        return (
            "Slack gave taskbot too little time to open the form (its 3 seconds ran out). "
            "Try again; it is usually quicker the second time."
        )
    return f"Slack didn't let taskbot open the form ({reason}). Try again in a moment."


COMMAND_CUT_NOTICE: Final = (
    "Your command was very long, so only its first part came with the button. Check the text "
    "before you save."
)

BODY_CUT_NOTICE: Final = (
    "Your text was too long to travel with the button, so only its first part is here. Check "
    "it before you save."
)
