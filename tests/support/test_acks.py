"""The stand-in's check of taskbot's acks: what Slack would refuse to take as an answer."""

from __future__ import annotations

from typing import Any

import pytest

from bot.console.slack_standin.acks import ack_problems

VIEW = {
    "type": "modal",
    "blocks": [
        {"type": "context", "block_id": "notes", "elements": [{"type": "mrkdwn", "text": "n"}]},
        {
            "type": "input",
            "block_id": "due",
            "label": {"type": "plain_text", "text": "Due"},
            "element": {"type": "plain_text_input", "action_id": "due.input"},
        },
    ],
}
SUBMISSION = {"type": "view_submission", "view": VIEW}
SUGGESTION = {"type": "block_suggestion", "value": "jan"}
COMMAND = {"command": "/task", "text": "call jane"}


def option(text: str = "Jane", value: str = "id:1") -> dict[str, Any]:
    return {"text": {"type": "plain_text", "text": text}, "value": value}


@pytest.mark.parametrize(
    ("request_", "ack"),
    [
        (COMMAND, None),
        (COMMAND, {"text": "⏳ Creating…", "blocks": [{"type": "divider"}]}),
        (SUGGESTION, {"options": [option()] * 100}),
        (SUGGESTION, {"options": []}),
        (SUBMISSION, {"response_action": "errors", "errors": {"due": "Say when."}}),
        (SUBMISSION, {"response_action": "clear"}),
        ({"type": "block_actions"}, {"anything": "ignored"}),
    ],
)
def test_acks_slack_takes(request_: dict[str, Any], ack: dict[str, Any] | None) -> None:
    assert ack_problems(request_, ack) == []


@pytest.mark.parametrize(
    ("request_", "ack", "problem"),
    [
        (
            COMMAND,
            {
                "text": "x",
                "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "a" * 3001}}],
            },
            "3000",
        ),
        (COMMAND, {"text": "x", "response_type": "public"}, "response_type"),
        (SUGGESTION, {"options": [option()] * 101}, "no more than 100 items"),
        (SUGGESTION, {"options": [option(text="J" * 76)]}, "/options/0/text"),
        (SUGGESTION, {"options": [option(value="v" * 151)]}, "/options/0/value"),
        (
            SUGGESTION,
            {"option_groups": [{"label": {"type": "mrkdwn", "text": "x"}, "options": []}]},
            "label",
        ),
        # bolt-python #922 / #1092: errors only on input blocks of the view
        (SUBMISSION, {"response_action": "errors", "errors": {"notes": "no"}}, "'notes'"),
        (SUBMISSION, {"response_action": "errors", "errors": {"gone": "no"}}, "'gone'"),
        (SUBMISSION, {"response_action": "errors", "errors": {}}, "errors must map"),
        (SUBMISSION, {"response_action": "close"}, "response_action"),
        (
            SUBMISSION,
            {
                "response_action": "update",
                "view": {
                    "type": "modal",
                    "title": {"type": "plain_text", "text": "A title over 24 characters"},
                    "blocks": [{"type": "divider"}],
                },
            },
            "json-pointer",
        ),
    ],
)
def test_acks_slack_refuses(request_: dict[str, Any], ack: dict[str, Any], problem: str) -> None:
    problems = ack_problems(request_, ack)
    assert problems
    assert any(problem in p for p in problems), problems
