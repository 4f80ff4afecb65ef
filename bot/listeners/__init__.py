"""Bolt listeners, one module per Slack surface, each with `register(app, deps)`:

    commands   /task (alone: the form)
    actions    buttons on messages: contact picks, Try again, Open in form, the card's buttons
    shortcuts  the global and message shortcuts (the form)
    views      the task form: its submission and the selects that reshape it
    options    the form's contact search (external select)

Private helpers: `_common` (the rep, outcomes as cards, response_url posts), `_forms` (opening
the form), `_ways_in` (each way in), `_submit` (the submit's ack, within a budget),
`_form_outcome` (a save's card once the form closed), `_delivery` (where a form's card goes),
`_carry` (a form on a button), `_card_actions` (what each card button does).

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
