"""`Card`: a message's blocks plus the plain-text fallback Slack shows in notifications.

Slack wants a top-level `text` with every `blocks` message ("used in notifications and by
screen readers"; slack_sdk warns without it), so every builder in `bot.views` returns a Card.
Also the limits taskbot builds to, from the Block Kit reference (docs.slack.dev/reference/
block-kit/blocks) and the `slack_sdk.models` validators.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from slack_sdk.models.blocks import (
    Block,
    ButtonElement,
    ConfirmObject,
    ContextBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

from bot.fitting import fit_plain, shorten
from bot.views._block_json import block_json
from bot.views.mrkdwn import escape

__all__ = [
    "ACTIONS_ELEMENTS", "BUTTON_TEXT", "CONFIRM_BUTTON", "CONFIRM_TEXT", "CONFIRM_TITLE",
    "FIELD_TEXT", "HEADER_TEXT", "MESSAGE_BLOCKS", "SECTION_TEXT", "TEXT_OBJECT", "Card",
    "bullet_list", "button", "confirm", "context", "mrkdwn_section",
]  # fmt: skip

MESSAGE_BLOCKS: Final = 50
SECTION_TEXT: Final = 3000
TEXT_OBJECT: Final = 3000
FIELD_TEXT: Final = 2000
HEADER_TEXT: Final = 150
ACTIONS_ELEMENTS: Final = 25
BUTTON_TEXT: Final = 75
CONFIRM_TITLE: Final = 100
CONFIRM_TEXT: Final = 300
CONFIRM_BUTTON: Final = 30


@dataclass(frozen=True, slots=True)
class Card:
    """What a listener sends: `respond(**card.message())`. `text` is plain (escaped on
    the way out)."""

    blocks: tuple[Block, ...]
    text: str

    def __post_init__(self) -> None:
        if not self.text.strip():
            raise ValueError("a card needs a notification text")
        if not 1 <= len(self.blocks) <= MESSAGE_BLOCKS:
            raise ValueError(
                f"a message holds 1 to {MESSAGE_BLOCKS} blocks, got {len(self.blocks)}"
            )

    def blocks_json(self) -> list[dict[str, Any]]:
        """The blocks as Slack JSON: what `to_dict()` gives, slack_sdk's validators run,
        without the garbage it leaves per object (`bot.views._block_json`)."""
        return [block_json(block) for block in self.blocks]

    def message(self) -> dict[str, Any]:
        """`{"text": …, "blocks": […]}` for chat.postMessage, chat.update and response_url.

        `text` is plain words (a contact's name, what the rep typed), but Slack reads a
        message's `text` as mrkdwn: escaped here, or a contact named `<!channel>` would ping
        the channel from a shared card's notification, and `<https://x|y>` would be a link
        (formatting reference, "Escaping text")."""
        return {"text": escape(self.text), "blocks": self.blocks_json()}


def mrkdwn_section(text: str, *, block_id: str | None = None) -> SectionBlock:
    return SectionBlock(text=MarkdownTextObject(text=text), block_id=block_id)


def context(*items: str, block_id: str | None = None) -> ContextBlock:
    """One context line; items are mrkdwn and joined with " · " (one element keeps it one line
    in every client and well under the 10-element limit)."""
    # A text object holds 3,000 characters (composition objects, "text"); a note or the
    # list of a template's empty variables is not bounded by anything else.
    line = shorten(" · ".join(i for i in items if i), TEXT_OBJECT)
    return ContextBlock(elements=[MarkdownTextObject(text=line)], block_id=block_id)


def button(
    label: str,
    action_id: str,
    value: str,
    *,
    style: str | None = None,
    confirm: ConfirmObject | None = None,
) -> ButtonElement:
    return ButtonElement(
        text=PlainTextObject(text=fit_plain(label, BUTTON_TEXT), emoji=True),
        action_id=action_id,
        value=value,
        style=style,
        confirm=confirm,
    )


def confirm(title: str, text: str, yes: str, no: str) -> ConfirmObject:
    return ConfirmObject(
        title=PlainTextObject(text=fit_plain(title, CONFIRM_TITLE)),
        # mrkdwn: `shorten` never cuts inside an `&amp;` entity, `fit_plain` could.
        text=MarkdownTextObject(text=shorten(text, CONFIRM_TEXT)),
        confirm=PlainTextObject(text=fit_plain(yes, CONFIRM_BUTTON)),
        deny=PlainTextObject(text=fit_plain(no, CONFIRM_BUTTON)),
        style="danger",
    )


def bullet_list(lines: Sequence[str]) -> str:
    return "\n".join(f"• {line}" for line in lines)
