"""Pure Block Kit builders (slack_sdk.models) and a terminal renderer for them.

No I/O and no clock: each builder takes what it shows and returns a `Card` (blocks + the
notification text). Sentences come from `bot.messages`; ids from `bot.ids`.

    task_card(task, contact, CardContext(owner="U123", tz=zone, sandbox=True)) -> Card
    progress_card(TaskType.CALL, None, "jane@acme.com") -> Card
    usage_card() -> Card
    error_card(message, command=..., details=(), retry=False) -> Card
    contact_pick_card(query, contacts, command=..., total=None) -> Card
    render_text(blocks, ansi=False, tz=zone, now=None) -> str      # the console's view
    console_buttons(blocks) -> list[ConsoleButton]                 # keyword -> button
"""

from bot.views.card import Card
from bot.views.replies import contact_pick_card, error_card, progress_card, usage_card
from bot.views.task import CardContext, task_card
from bot.views.terminal import ConsoleButton, console_buttons, render_text

__all__ = [
    "Card",
    "CardContext",
    "ConsoleButton",
    "console_buttons",
    "contact_pick_card",
    "error_card",
    "progress_card",
    "render_text",
    "task_card",
    "usage_card",
]
