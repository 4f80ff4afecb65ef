"""Options for external selects (`block_suggestion`): the form's contact search.

The task form (issue 5) has the only external select, `ids.CONTACT_SELECT`; its listener
(Reply contact search, ≤ 100 options, answered within 3 s, cached) is registered here then.
"""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.wiring import Dependencies


def register(app: AsyncApp, deps: Dependencies) -> None:
    """Issue 5: `@app.options(ids.CONTACT_SELECT)`."""
