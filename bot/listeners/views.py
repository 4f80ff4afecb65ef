"""Modal submissions and closes (`view_submission`, `view_closed`).

taskbot opens no modal yet: the task form ships with issue 5, which registers its
`ids.TASK_MODAL` listeners here. Nothing is registered meanwhile, so a stray submission is
Bolt's "unhandled request" (logged), not a silent success.
"""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.wiring import Dependencies


def register(app: AsyncApp, deps: Dependencies) -> None:
    """Issue 5: `@app.view(ids.TASK_MODAL)` (validate, create or save, close)."""
