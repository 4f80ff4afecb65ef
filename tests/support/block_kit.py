"""Block Kit checks for tests: the stand-in's offline validation (`bot.console.slack_standin
.block_kit`, what it answers `invalid_blocks` for) as assertions view tests can make."""

from __future__ import annotations

from typing import Any

from bot.console.slack_standin.block_kit import (
    BLOCK_LIMIT,
    block_problems,
    first_difference,
    load_json,
    view_problems,
)

__all__ = [
    "BLOCK_LIMIT",
    "assert_valid_message",
    "assert_valid_view",
    "block_problems",
    "first_difference",
    "load_json",
    "view_problems",
]


def assert_valid_message(blocks: Any, text: str | None = None) -> None:
    """For view tests: Slack would accept this message."""
    problems = block_problems(blocks)
    if text is not None and not 0 < len(text) <= 40_000:
        problems.append("text must be 1-40000 characters")
    assert not problems, "\n".join(problems)


def assert_valid_view(view: Any) -> None:
    problems = view_problems(view)
    assert not problems, "\n".join(problems)
