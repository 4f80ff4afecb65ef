"""Reading what reps type: the `/task` grammar, and dates (`bot.parsing.dates`).

    from bot.parsing import parse_command
    parsed = parse_command("call jane@acme.com tomorrow 3pm Ask about pricing", ctx)

See `bot.parsing.grammar` for the grammar and the choices it makes. The form reads what
`/task` reads with two helpers: `read_contact` (one of the four contact forms → a
`ContactQuery`) and `unescape_slack` (Slack's `<…|…>` markup and entities → readable text);
the console's form takes `/task`'s words and typos for a type or action (`TYPE_WORDS`,
`ACTION_WORDS`, `near_type`, `near_action`).
"""

from __future__ import annotations

from bot.parsing._contacts import read_contact
from bot.parsing._slack_text import unescape as unescape_slack
from bot.parsing._words import ACTION_WORDS, TYPE_WORDS, near_action, near_type
from bot.parsing.grammar import ContactOrigin, ParsedCommand, Recognised, parse_command

__all__ = [
    "ACTION_WORDS", "TYPE_WORDS", "ContactOrigin", "ParsedCommand", "Recognised",
    "near_action", "near_type", "parse_command", "read_contact", "unescape_slack",
]  # fmt: skip
