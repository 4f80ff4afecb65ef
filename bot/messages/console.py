# ruff: noqa: RUF001 - typographic quotes are how taskbot quotes what a person typed
"""What the terminal console says in its own voice (everything else is taskbot's Slack
messages, rendered as text)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

PROMPT: Final = "taskbot> "

HELP: Final = (
    "Type a command as you would in Slack, e.g. /task call jane@acme.com tomorrow 3pm Ask "
    "about pricing (the slash is optional; /task help lists everything it understands).\n"
    "Press a button by typing the word shown in [brackets]: done, cancel, retry, pick 2, …\n"
    "/task alone (or shortcut) opens the form; form and edit on a card open it too. In the "
    "form each line answers the field asked: Enter keeps the value in [brackets], - empties "
    "it, a number or a name picks an option, text in Contact searches Reply (then pick a "
    "number), \\n in a text starts a new line, :back goes back a field, :save saves now, "
    ":close closes the form without saving.\n"
    "quit (or Ctrl-D) leaves."
)

QUIT_WORDS: Final = frozenset({"quit", "exit", "q", ":q"})
HELP_WORDS: Final = frozenset({"help", "?", ":help"})
YES_WORDS: Final = frozenset({"y", "yes"})


def sandbox_banner(contacts: Sequence[str], zone: str) -> str:
    tried = " · ".join(contacts)
    return (
        "taskbot console on the Reply sandbox (no REPLY_API_KEY): practice tasks, not your "
        f"Reply account.\nContacts to try: {tried}\nTimes are read in {zone}. Type help for "
        "how this works, quit to leave."
    )


def reply_banner(base_url: str, zone: str) -> str:
    return (
        f"taskbot console on Reply ({base_url}): tasks you create are real.\n"
        f"Times are read in {zone}. Type help for how this works, quit to leave."
    )


def unknown_input(text: str, keywords: Sequence[str]) -> str:
    buttons = f" or a button: {', '.join(keywords)}" if keywords else ""
    return f"‘{text}’ isn't something the console knows. Type /task …{buttons} (help explains)."


def button_gone(text: str, keywords: Sequence[str]) -> str:
    """A button that was on a message the app has since replaced (a card after Done)."""
    now = f"Buttons you can press now: {', '.join(keywords)}." if keywords else "No buttons now."
    return (
        f"‘{text}’ was a button on a message taskbot has changed since, so it's gone (as in "
        f"Slack). {now}"
    )


def only_task(command: str) -> str:
    return f"{command} isn't a taskbot command; the only one is /task (try /task help)."


def confirm_prompt(title: str, text: str, yes: str, no: str) -> str:
    return f"{title}\n{text}\nType yes to {yes.lower()}, anything else to {no.lower()}."


def kept(no: str) -> str:
    """The rep answered a confirm dialog with anything but yes (`no` is its deny label)."""
    return f"{no}: nothing was done."


def opens_link(url: str) -> str:
    return f"That button opens {url} in a browser."


def http_refused(status: int, body: str) -> str:
    return f"⚠️ taskbot answered the request with HTTP {status}: {body or '(no body)'}"


# --------------------------------------------------------------------------------------
# The task form, one field at a time (`bot.console.form`)

SHORTCUT_WORDS: Final = frozenset({"shortcut", "⚡"})

FORM_HOWTO: Final = (
    "Enter keeps [the value]; - empties a field; :back goes back; :save saves now; "
    ":close closes the form."
)
FORM_CLOSED: Final = "(the form closed)"
FORM_DISCARDED: Final = "(form closed; nothing was saved)"
FIRST_FIELD: Final = "This is the first field."


def form_title(title: str) -> str:
    return f"[form] {title}"


def field_prompt(label: str, current: str) -> str:
    return f"{label} [{current}]> "


def pick_prompt(count: int) -> str:
    return f"Pick 1-{count}, or search again> " if count > 1 else "Pick 1, or search again> "


def choices(options: Sequence[str]) -> str:
    return "   ".join(f"{number} {text}" for number, text in enumerate(options, start=1))


def no_such_option(text: str, options: Sequence[str], suggestion: str | None = None) -> str:
    meant = f" Did you mean {suggestion}?" if suggestion else ""
    return f"‘{text}’ is none of these.{meant} Type a number from 1 to {len(options)} or a name."


def nothing_found(text: str) -> str:
    return f"Nothing in Reply matches ‘{text}’. Search again, or type an email."


def not_optional(label: str) -> str:
    return f"{label} can't be left empty."


def too_long_input(label: str, limit: int) -> str:
    return f"{label} takes at most {limit:,} characters."


def field_error(label: str, message: str) -> str:
    return f"⚠️ {label}: {message}"
