"""`FormFiller`: the console person filling an open modal, one input at a time.

The console is a Slack client here: it reads the modal the app opened (the stand-in stores it,
`views.open`/`views.update`), asks for each input block in order, and changes the view the
way a person's clicks would (`SlackStandIn.fill`, which refuses what no person could enter).
What Slack would send, it sends through the same app: `block_actions` when a select that
dispatches changes (the type: the LinkedIn action and subject follow), `block_suggestion`
while searching contacts, and `view_submission` after the last field. The checks are the
app's: errors in the submission's ack are printed and only those fields asked again.

The line protocol (one line answers the field asked; `bot.messages.console.HELP` says it too):

    Enter          keep the value shown in [brackets]
    -              empty the field
    3 / call       a select: the option's number, or its name (a unique start will do)
    jane           the contact: search Reply, then pick a number (or search again)
    text           a text field; \\n inside starts a new line (the body is multi-line)
    :back          the previous field
    :save          submit now, the other fields as they are
    :close         close the form without saving
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Final

from slack_bolt.response import BoltResponse

from bot import ids
from bot.console import payloads
from bot.console.modal_view import (
    Input,
    context_texts,
    inputs_of,
    json_body,
    option_meant,
    option_suggested,
    text_of,
)
from bot.console.printer import Printer
from bot.console.slack_standin import NotEnterableError, SlackStandIn, SlackUser
from bot.console.slack_standin.views import state_value
from bot.messages import console as words

Dispatch = Callable[[dict[str, Any]], Awaitable[BoltResponse]]
Settle = Callable[[], Awaitable[None]]

_SHOWN_TEXT: Final = 40


class FormFiller:
    def __init__(
        self,
        view_id: str,
        *,
        standin: SlackStandIn,
        user: SlackUser,
        printer: Printer,
        dispatch: Dispatch,
        settle: Settle,
    ) -> None:
        self._view_id = view_id
        self._standin = standin
        self._user = user
        self._printer = printer
        self._dispatch = dispatch
        self._settle = settle
        self._queue: list[str] = []
        """Input blocks still to ask, in order (all of them, or those with errors)."""
        self._asked: list[str] = []
        self._found: list[Mapping[str, Any]] | None = None
        """Contact options listed and waiting for a pick."""
        self._hinted: set[str] = set()
        self.done = False

    @property
    def view_id(self) -> str:
        return self._view_id

    @property
    def view(self) -> dict[str, Any]:
        return self._standin.views[self._view_id]

    # ------------------------------------------------------------------ showing

    def start(self) -> None:
        view = self.view
        self._printer.line(words.form_title(text_of(view.get("title"))))
        for note in context_texts(view, ids.FORM_NOTES_BLOCK):
            self._printer.line(note)
        self._printer.line(words.FORM_HOWTO)
        self._queue = [field.block_id for field in inputs_of(view)]
        self._introduce()

    @property
    def prompt(self) -> str:
        field = self._field()
        if self._found is not None:
            return words.pick_prompt(len(self._found))
        return words.field_prompt(field.label, self._shown(field))

    def _introduce(self) -> None:
        """The field about to be asked: its choices or hint, and any notice under it."""
        field = self._field()
        if field.kind == "static_select":
            self._printer.line(words.choices([text_of(o.get("text")) for o in field.options]))
        elif field.hint and field.block_id not in self._hinted:
            self._printer.line(field.hint)
            self._hinted.add(field.block_id)
        for notice in context_texts(self.view, ids.notice_block_id(field.block_id)):
            self._printer.line(notice)

    def _field(self) -> Input:
        by_block = {field.block_id: field for field in inputs_of(self.view)}
        while self._queue and self._queue[0] not in by_block:
            self._queue.pop(0)  # a block the current type no longer shows
        return by_block[self._queue[0]]

    def _shown(self, field: Input) -> str:
        state = self.view["state"]["values"].get(field.block_id, {}).get(field.action_id) or {}
        option = state.get("selected_option")
        if isinstance(option, Mapping):
            return text_of(option.get("text"))
        value = state.get("value")
        if not value:
            return "—"
        flat = str(value).replace("\n", "\\n")
        return flat if len(flat) <= _SHOWN_TEXT else flat[: _SHOWN_TEXT - 1] + "…"

    # ------------------------------------------------------------------ answering

    async def answer(self, line: str) -> None:
        text = line.strip()
        if text == ":close":
            self._printer.line(words.FORM_DISCARDED)
            self._printer.line()
            self.done = True
            return
        if text == ":save":
            await self._submit()
            return
        if text == ":back":
            self._back()
            return
        field = self._field()
        if self._found is not None:
            await self._pick(field, text)
        elif not text:
            await self._next()
        elif text == "-":
            await self._clear(field)
        elif field.kind == "static_select":
            await self._choose(field, text)
        elif field.kind == "external_select":
            await self._search(field, text)
        else:
            await self._type(field, line.strip().replace("\\n", "\n"))

    def _back(self) -> None:
        self._found = None
        if not self._asked:
            self._printer.line(words.FIRST_FIELD)
            return
        self._queue.insert(0, self._asked.pop())
        self._introduce()

    async def _next(self) -> None:
        self._asked.append(self._queue.pop(0))
        if self._queue:
            self._introduce()
        else:
            await self._submit()

    async def _clear(self, field: Input) -> None:
        if not field.optional and field.kind != "plain_text_input":
            self._printer.line(words.not_optional(field.label))
            return
        self._standin.fill(self._view_id, {field.action_id: None})
        await self._next()

    async def _type(self, field: Input, text: str) -> None:
        try:
            self._standin.fill(self._view_id, {field.action_id: text})
        except NotEnterableError:
            limit = int(field.element.get("max_length") or 0)
            self._printer.line(words.too_long_input(field.label, limit))
            return
        await self._next()

    async def _choose(self, field: Input, text: str) -> None:
        option = option_meant(field.options, text)
        if option is None:
            labels = [text_of(o.get("text")) for o in field.options]
            suggested = option_suggested(field.options, text)
            meant = None
            if suggested is not None:
                meant = f"{text_of(suggested.get('text'))} ({field.options.index(suggested) + 1})"
            self._printer.line(words.no_such_option(text, labels, meant))
            return
        self._standin.fill(self._view_id, {field.action_id: option["value"]})
        if field.dispatches:
            await self._reshape(field, option)
        await self._next()

    async def _reshape(self, field: Input, option: Mapping[str, Any]) -> None:
        """The select dispatches: send block_actions, and follow the view it leads to."""
        before = {f.block_id for f in inputs_of(self.view)}
        state = state_value(field.element, option["value"])
        action = {"action_id": field.action_id, "block_id": field.block_id, **state}
        await self._dispatch(payloads.view_action(self._standin, self._user, self.view, action))
        await self._settle()
        after = [f.block_id for f in inputs_of(self.view)]
        rest = set(self._queue[1:])
        later = after[after.index(field.block_id) + 1 :] if field.block_id in after else after
        self._queue = [field.block_id] + [b for b in later if b in rest or b not in before]

    async def _search(self, field: Input, text: str) -> None:
        payload = payloads.block_suggestion(
            self._standin,
            self._user,
            self.view,
            action_id=field.action_id,
            block_id=field.block_id,
            typed=text,
        )
        response = await self._dispatch(payload)
        options = json_body(response).get("options") or []
        if not options:
            self._found = None
            self._printer.line(words.nothing_found(text))
            return
        self._found = list(options)
        for number, option in enumerate(options, start=1):
            self._printer.line(f"  {number} {text_of(option.get('text'))}")

    async def _pick(self, field: Input, text: str) -> None:
        options = self._found or []
        if not text:
            self._found = None
            await self._next()
            return
        if text.isdigit() and 1 <= int(text) <= len(options):
            chosen = options[int(text) - 1]
            self._standin.fill(self._view_id, {field.action_id: dict(chosen)})
            self._found = None
            await self._next()
            return
        await self._search(field, text)

    # ------------------------------------------------------------------ saving

    async def _submit(self) -> None:
        self._found = None
        payload = payloads.view_submission(self._standin, self._user, self.view)
        response = await self._dispatch(payload)
        if response.status != 200:
            self._printer.line(words.http_refused(response.status, str(response.body or "")))
            self._printer.line()
            self.done = True
            return
        answer = json_body(response)
        action = answer.get("response_action")
        if action == "errors":
            errors: Mapping[str, str] = answer.get("errors") or {}
            fields = inputs_of(self.view)
            for field in fields:
                if field.block_id in errors:
                    self._printer.line(words.field_error(field.label, errors[field.block_id]))
            self._queue = [f.block_id for f in fields if f.block_id in errors]
            self._asked = []
            if self._queue:
                self._introduce()
                return
        if action == "update" and isinstance(answer.get("view"), Mapping):
            # The form became a message (e.g. the task is no longer editable).
            self._printer.line(words.form_title(text_of(answer["view"].get("title"))))
            self._printer.message({"blocks": answer["view"].get("blocks") or []})
        else:
            self._printer.line(words.FORM_CLOSED)
            self._printer.line()
        self.done = True
        await self._settle()
