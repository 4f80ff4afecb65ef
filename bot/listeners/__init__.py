"""Bolt listeners, one module per Slack surface, each with `register(app, deps)`:

    commands   /task
    actions    buttons (block_actions)
    shortcuts  the global and message shortcuts
    views      modal submissions (issue 5)
    options    external select options (issue 5)

Listeners are thin: they read the payload, ask `bot.service`, render with `bot.views` and
answer; only `bot.app` imports this package (ARCHITECTURE, "Dependency direction").
"""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.listeners import actions, commands, options, shortcuts, views
from bot.wiring import Dependencies


def register_all(app: AsyncApp, deps: Dependencies) -> None:
    for surface in (commands, actions, shortcuts, views, options):
        surface.register(app, deps)
