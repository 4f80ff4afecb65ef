"""A Slack stand-in on 127.0.0.1: the Web API methods taskbot calls, response_urls, and
Slack's Block Kit rules, shipped so the console needs no Slack (and tests extend it).

    from bot.console.slack_standin import SlackStandIn, SlackUser, Call

Modules: `core` (`SlackStandIn`: routing and recording), `methods` (auth.test, users.info,
chat.*, conversations.open, views.*), `response_urls` (5 uses in 30 minutes, replace and
delete), `views` (how Slack stores a modal and its `state.values`), `block_kit` (offline
validation, as Slack would answer `invalid_blocks`), `acks` (the answers taskbot gives Slack:
option lists, view_submission errors, command acks); private: `_requests` (parameters, token,
scopes), `_triggers` (single-use trigger ids), `_records` (users, calls, scripted failures).
Serving on 127.0.0.1 is `bot.serving`'s.
"""

from bot.console.slack_standin._records import Call, ScriptedFailure, SlackUser
from bot.console.slack_standin.core import SlackStandIn
from bot.console.slack_standin.methods import SlackError
from bot.console.slack_standin.views import NotEnterableError

__all__ = [
    "Call",
    "NotEnterableError",
    "ScriptedFailure",
    "SlackError",
    "SlackStandIn",
    "SlackUser",
]
