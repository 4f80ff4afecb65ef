"""`ConsoleSession`: one console user's conversation with the AsyncApp.

A line is either a `/task` command, a button word, `shortcut` (the ⚡ "Create Reply task"),
`help` or `quit` — or, while a form is open, the answer to the field it asks
(`bot.console.form`): when the app opens a modal (`views.open`), the session hands every line
to a `FormFiller` until the form is saved or closed. Commands and clicks become
the payloads Slack would send (`bot.console.payloads`), dispatched through the app in Socket
Mode's shape with `process_before_response=True`: `async_dispatch` returns once the listener
has run, so the ack is printed first; then the session awaits the work the listener started
(`Background.drain`, never a sleep) and prints what reached the stand-in meanwhile (the card
replacing the progress line, DMs, views), in the order it arrived. Output is therefore
deterministic, which scripts and tests rely on. What is on screen, and so which buttons a
word can press, is `bot.console._screen`'s.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from slack_bolt.async_app import AsyncApp, AsyncBoltRequest
from slack_bolt.response import BoltResponse

from bot.console import payloads
from bot.console._screen import Screen
from bot.console.form import FormFiller
from bot.console.modal_view import inputs_of, text_of
from bot.console.printer import Printer
from bot.console.slack_standin import Call, SlackStandIn, SlackUser
from bot.console.slack_standin.acks import ack_problems
from bot.messages import console as words
from bot.views import ConsoleButton
from bot.wiring import Dependencies

_COMMAND = re.compile(r"^/?task(?:\s+(?P<text>.*))?$", re.IGNORECASE | re.DOTALL)


class ConsoleSession:
    def __init__(
        self,
        *,
        app: AsyncApp,
        deps: Dependencies,
        standin: SlackStandIn,
        user: SlackUser,
        printer: Printer,
    ) -> None:
        self._app = app
        self._deps = deps
        self._standin = standin
        self._user = user
        self._printer = printer
        self._arrived: list[Call] = []
        standin.subscribe(self._arrived.append)
        self._screen = Screen()
        self._confirming: tuple[ConsoleButton, int] | None = None
        self._form: FormFiller | None = None
        self.failures = 0
        """Requests taskbot answered with an error status."""

    @property
    def buttons(self) -> list[ConsoleButton]:
        """The buttons the console can press now, newest message first (a keyword on two
        messages presses the newer one)."""
        return [button for _, button in self._screen.pressable()]

    @property
    def prompt(self) -> str:
        """What the next line answers: the console's prompt, or the form's field."""
        return self._form.prompt if self._form is not None else words.PROMPT

    async def handle(self, line: str) -> bool:
        """Act on one line; False when the user asked to leave."""
        form = self._form
        if form is not None:
            await form.answer(line)
            if form.done and self._form is form:
                self._form = None
            return True
        text = line.strip()
        if not text:
            return True
        if self._confirming is not None:
            await self._answer_confirm(text)
            return True
        if text.lower() in words.QUIT_WORDS:
            return False
        await self._act(text)
        return True

    async def _act(self, text: str) -> None:
        if text.lower() in words.HELP_WORDS:
            self._say(words.HELP)
            return
        if text.lower() in words.SHORTCUT_WORDS:
            await self._dispatch(payloads.global_shortcut(self._standin, self._user))
            await self._settle()
            return
        command = _COMMAND.match(text)
        if command is not None:
            await self.command(command.group("text") or "")
            return
        if text.startswith("/"):
            self._say(words.only_task(text.split(maxsplit=1)[0]))
            return
        if not await self.press(text):
            keywords = [b.keyword for b in self.buttons]
            if self._screen.was_shown(text):
                self._say(words.button_gone(text, keywords))
            else:
                self._say(words.unknown_input(text, keywords))

    def _say(self, text: str) -> None:
        self._printer.line(text)
        self._printer.line()

    async def command(self, text: str) -> None:
        """`/task text`, as Slack would deliver it."""
        response_url = self._standin.new_response_url()
        payload = payloads.slash_command(self._standin, self._user, text, response_url=response_url)
        response = await self._dispatch(payload)
        ack = self._ack_message(response)
        if ack is not None:
            self._standin.show_original(response_url, ack)
            self._screen.acts_on(response_url, self._show(ack))
        await self._settle()

    async def press(self, keyword: str, *, confirmed: bool = False) -> bool:
        """Click the button `keyword` (or `pick N`) on the newest message that has it, asking
        first if it has a confirm dialog; False when no visible message has such a button."""
        found = self._screen.find(keyword)
        if found is None:
            return False
        index, button = found
        await self._click(index, button, confirmed=confirmed)
        return True

    async def _click(self, index: int, button: ConsoleButton, *, confirmed: bool) -> None:
        message = self._screen.message(index)
        if button.url:
            self._say(words.opens_link(button.url))
            return
        if button.confirm and not confirmed:
            self._confirming = (button, index)
            dialog = button.confirm
            self._say(
                words.confirm_prompt(
                    text_of(dialog.get("title")),
                    text_of(dialog.get("text")),
                    text_of(dialog.get("confirm")) or "yes",
                    text_of(dialog.get("deny")) or "no",
                )
            )
            return
        response_url = self._standin.new_response_url(original=message)
        self._screen.acts_on(response_url, index)
        payload = payloads.button_click(
            self._standin, self._user, button, message=message, response_url=response_url
        )
        self._ack_message(await self._dispatch(payload))
        await self._settle()

    # ----------------------------------------------------------------------------------

    async def _answer_confirm(self, text: str) -> None:
        assert self._confirming is not None
        button, index = self._confirming
        self._confirming = None
        if text.lower() in words.YES_WORDS:
            await self._click(index, button, confirmed=True)
            return
        deny = text_of((button.confirm or {}).get("deny")) or "no"
        self._say(words.kept(deny))

    async def _dispatch(self, payload: dict[str, Any]) -> BoltResponse:
        request = AsyncBoltRequest(body=payload, mode="socket_mode")
        response = await self._app.async_dispatch(request)
        self._check(payload, response)
        return response

    def _ack_message(self, response: BoltResponse) -> dict[str, Any] | None:
        """The message an ack carried (a command's immediate answer), if any."""
        if response.status != 200:
            self.failures += 1
            self._say(words.http_refused(response.status, str(response.body or "")))
            return None
        if not response.body:
            return None
        try:
            body = json.loads(response.body)
        except json.JSONDecodeError:
            return {"text": response.body}
        return body if isinstance(body, dict) and (body.get("text") or body.get("blocks")) else None

    def _check(self, payload: Mapping[str, Any], response: BoltResponse) -> None:
        """Slack checks every ack (the stand-in's `ack_problems`: a command's message, a
        form's errors, a search's options): say so now if it would refuse this one."""
        if response.status != 200 or not response.body:
            return
        try:
            ack = json.loads(response.body)
        except json.JSONDecodeError:
            return  # a plain-text ack: Slack shows it as the message
        problems = ack_problems(payload, ack) if isinstance(ack, dict) else []
        if problems:
            self._printer.line("⚠️ Slack would refuse this answer:")
            for problem in problems:
                self._printer.line(f"   {problem}")
            self._printer.refusals += 1

    def _show(self, message: Mapping[str, Any]) -> int:
        self._printer.message(message)
        return self._screen.show(message)

    async def _settle(self) -> None:
        """Await the work the last request started, then print what it showed the user."""
        await self._deps.background.drain()
        arrived, self._arrived[:] = list(self._arrived), []
        views: list[str] = []
        for call in arrived:
            shown = self._printer.call(call)
            if call.method in ("views.open", "views.update") and call.ok:
                views.append(str(call.response["view"]["id"]))
            elif call.method == "response_url" and call.ok:
                self._screen.apply(call)
            elif shown is not None:
                self._screen.show(shown)
        for view_id in dict.fromkeys(views):
            self._show_view(view_id)

    def _show_view(self, view_id: str) -> None:
        """A modal the app opened or changed: fill it in if it asks for something, else
        show what it says. The open form reads its own changes (a new type's fields)."""
        if self._form is not None and self._form.view_id == view_id:
            return
        view = self._standin.views[view_id]
        if not (view.get("submit") and inputs_of(view)):
            self._printer.view(view)
            return
        self._form = FormFiller(
            view_id,
            standin=self._standin,
            user=self._user,
            printer=self._printer,
            dispatch=self._dispatch,
            settle=self._settle,
        )
        self._form.start()
