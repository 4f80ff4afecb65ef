# ruff: noqa: RUF001 - typographic quotes are how taskbot quotes what a rep typed
"""What taskbot says when a `/task` does not end in a card: something is missing, no contact
fits, a button can't be read, or taskbot itself failed.

Plain sentences (views escape them); each says what happened and what to do next.
"""

from __future__ import annotations

from typing import Final

from bot.domain import ContactQuery

NEEDS_MORE: Final = "taskbot needs a little more before it can create this task:"

MISSING_TYPE: Final = (
    "Say what kind of task it is first: call, email, meeting, linkedin, sms, whatsapp or todo."
)
MISSING_DUE: Final = "Say when it is due, e.g. ‘tomorrow 3pm’ or ‘EOD Fri’."
MISSING_CONTACT: Final = (
    "Say who it is for: an email, a Reply id like #12345, a LinkedIn URL or a name in quotes."
)

PARTIAL_READ_BACK: Final = (
    "Reply saved the task, but taskbot couldn't read it back in full, so the description "
    "below is the template as you typed it."
)

UNEXPECTED: Final = (
    "Something went wrong inside taskbot, so it can't say whether the task was created. "
    "The error has been logged; check your tasks in Reply before you try again."
)


def zone_unknown(zone: str) -> str:
    """Above a card whose times were read in the workspace's zone, not the rep's own."""
    return (
        f"Times were read in {zone}: Slack didn't tell taskbot your time zone in time. "
        "Check them, and edit the task if they are off."
    )


SHUTTING_DOWN: Final = "taskbot is restarting and didn't start on your task. Try again in a minute."

COMMAND_CUT: Final = (
    "Your command was too long to travel with the button, so taskbot won't create it from "
    "a shortened copy. Open it in the form (everything that fitted is there) or send it again."
)


def contact_not_found(query: ContactQuery) -> str:
    """No Reply contact fits what the rep typed."""
    value = query.value
    if query.kind == "email":
        what = f"No Reply contact has the email {value}."
    elif query.kind == "id":
        what = f"There's no Reply contact #{value} (or taskbot's Reply user can't see it)."
    elif query.kind == "linkedin":
        what = f"No Reply contact has the LinkedIn profile {value}."
    else:
        what = f"No Reply contact matches ‘{value}’."
    return f"{what} Check the spelling, or continue in the form and choose the contact there."


def share_failed(task_id: int, slack_error: str) -> str:
    """In the rep's DM when neither the card's response_url (5 posts, 30 minutes: slack-notes
    §2.4) nor a post as the bot could share a card; `slack_error` is chat.postMessage's."""
    first = f"taskbot couldn't share task #{task_id}: Slack didn't take the card from its button"
    if slack_error == "not_in_channel":
        return (
            f"{first}, and taskbot can't post in that channel itself because it isn't a "
            "member. Invite it with `/invite @taskbot` and press Share again."
        )
    if slack_error in ("channel_not_found", "is_archived"):
        return (
            f"{first}, and taskbot can't post in that conversation (a private conversation "
            "it isn't part of, or an archived channel). Share the card from a channel instead."
        )
    return f"{first}, nor a post of its own (Slack said `{slack_error}`). Press Share again."


STALE_BUTTON: Final = (
    "taskbot can't read that button (it may come from an older version). Type the command again."
)
