"""`/task help`: what taskbot understands, with examples a rep can copy.

Each example is a real command of the grammar (issue 3: `/task [type] [linkedin action]
[contact] [when] [body]`, `subject: …` for emails and InMails). The view (`bot.views.replies`)
lays the sections out; these are mrkdwn strings written by us, so nothing here needs escaping
beyond the `{{…}}` variables, which Slack shows as typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class UsageSection:
    title: str
    lines: tuple[str, ...]


TITLE: Final = "Create Reply tasks with /task"

INTRO: Final = (
    "`/task [type] [contact] [when] [what to do]` creates the task in Reply and shows it as a "
    "card. The order is forgiving; leave something out and taskbot asks, or opens the form."
)

SECTIONS: Final[tuple[UsageSection, ...]] = (
    UsageSection(
        "Examples",
        (
            "`/task call jane@acme.com tomorrow 3pm Ask about {{company}} pricing`",
            "`/task email #12345 EOD Fri Hi {{firstName}}, how is the trial going?`",
            "`/task li inmail https://linkedin.com/in/janedoe in 2 business days Intro to our API`",
            '`/task mtg "Jane Doe" next Tue 10am Quarterly review`',
            "`/task todo by EOW Prepare the Q4 forecast`",
        ),
    ),
    UsageSection(
        "Types",
        (
            "`todo` (`to-do`) · `call` · `meeting` (`mtg`) · `email` (`mail`) · "
            "`sms` (`text`) · `whatsapp` (`wa`)",
            "`linkedin` (`li`) + an action: `message` (`msg`), `connect`, `inmail`, "
            "`view` (`view-profile`)",
        ),
    ),
    UsageSection(
        "Contacts",
        (
            "an email `jane@acme.com` · a Reply id `#12345` · a LinkedIn URL · "
            'a name in quotes `"Jane Doe"` (several matches: you pick)',
            "Every type but a to-do needs a contact.",
        ),
    ),
    UsageSection(
        "When",
        (
            "One phrase is the due time; the task starts now: `tomorrow 3pm`, `EOD Fri`, "
            "`in 2 business days`, `next Tuesday`, `Dec 3 at 10`, `EOW`",
            "Both ends: `Fri 2-3pm` · `from Mon 9am to Mon 5pm` · `start tomorrow due Fri`",
            "Times are read in your Slack time zone; without a time, due means 17:00.",
            "No date: due today at 17:00 (a call or meeting at 10:00), or the next business "
            "day when that is less than two hours away.",
        ),
    ),
    UsageSection(
        "What to do",
        (
            "Everything else is the task's description, sent to Reply as you typed it.",
            "Variables are filled in from the contact: `{{firstName}}`, `{{lastName}}`, "
            "`{{company}}`, `{{title}}`, `{{email}}`.",
            "`subject: …` sets the subject of an email or a LinkedIn InMail.",
        ),
    ),
    UsageSection(
        "Prefer a form?",
        (
            "Type `/task` alone, or use the *Create Reply task* shortcut: from the ⚡ menu, "
            "or from any message's ⋮ menu (it works in threads and fills in the message).",
        ),
    ),
)

FALLBACK: Final = (
    "How to use /task: /task [type] [contact] [when] [what to do], "
    "e.g. /task call jane@acme.com tomorrow 3pm Ask about pricing. Type /task alone for the form."
)
