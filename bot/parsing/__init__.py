"""Reading what reps type: the `/task` grammar, and dates (`bot.parsing.dates`).

    from bot.parsing import parse_command
    parsed = parse_command("call jane@acme.com tomorrow 3pm Ask about pricing", ctx)

See `bot.parsing.grammar` for the grammar and the choices it makes.
"""

from __future__ import annotations

from bot.parsing.grammar import ContactOrigin, ParsedCommand, Recognised, parse_command

__all__ = ["ContactOrigin", "ParsedCommand", "Recognised", "parse_command"]
