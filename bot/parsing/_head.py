"""The head of a command: type, LinkedIn action, contacts and a leading date, in any order.

`/task [type] [linkedin action] [contact] [when] [body]` is forgiving about order, so the head
is read token by token, taking whatever fits where it stands, until a token fits nothing: that
token starts the body. A type word counts only where a type can stand — first, or after a
leading contact or date ("jane@acme.com call …", "tomorrow 3pm call …"); anywhere later "call"
is just a word. A LinkedIn action counts after `linkedin` (a contact may come between). A date
belongs to the head when the date phrase find_date chose starts at that token.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bot.domain import LinkedInAction, TaskType
from bot.parsing._contacts import FoundContact, contact_in
from bot.parsing._text import Span, Token
from bot.parsing._words import action_of, near_action, near_type, shorthand_of, type_of


@dataclass(slots=True)
class Head:
    end: int = 0
    """Index of the first body token."""
    task_type: TaskType | None = None
    type_span: Span | None = None
    action: LinkedInAction | None = None
    action_span: Span | None = None
    contacts: list[FoundContact] = field(default_factory=list)
    unknown_type: tuple[Token, str] | None = None
    """A first word that looks like a misspelt type ("cal"), with the type word it resembles."""
    unknown_action: tuple[Token, str] | None = None

    def taken(self) -> list[Span]:
        """What the date view leaves out: every head word but the date."""
        spans = [contact.span for contact in self.contacts]
        spans += [span for span in (self.type_span, self.action_span) if span is not None]
        # "inmail" alone is both the type and the action: one span, listed twice
        spans += [item[0].span for item in (self.unknown_type, self.unknown_action) if item]
        return spans


DateSpans = Callable[[Head], Sequence[Span]]
"""The date spans (original positions) find_date sees once the head's words are out."""


def read_head(text: str, tokens: Sequence[Token], stop: int, date_spans: DateSpans) -> Head:
    """The head of `tokens`; `stop` is where a `subject:` begins (the head ends there)."""
    head = Head()
    index = 0
    while index < len(tokens) and tokens[index].start < stop:
        token = tokens[index]
        type_allowed = head.task_type is None and head.unknown_type is None
        if (contact := contact_in(token)) is not None:
            head.contacts.append(contact)
            index += 1
        elif type_allowed and (task_type := type_of(token.text)) is not None:
            head.task_type, head.type_span = task_type, token.span
            index = _action_word(head, tokens, index + 1, right_after_type=True)
        elif type_allowed and (action := shorthand_of(token.text)) is not None:
            head.task_type, head.type_span = TaskType.LINKEDIN, token.span
            head.action, head.action_span = action, token.span  # "inmail" is both
            index += 1
        elif (after := _action_word(head, tokens, index)) != index:
            index = after
        elif (date_end := _date_at(text, token, date_spans(head))) is not None:
            while index < len(tokens) and tokens[index].start < date_end:
                index += 1
        elif type_allowed and (resembles := _misspelt_type(tokens, index)) is not None:
            head.unknown_type = (token, resembles)
            index += 1
        else:
            break
    head.end = index
    return head


def _misspelt_type(tokens: Sequence[Token], index: int) -> str | None:
    contact_follows = index + 1 < len(tokens) and contact_in(tokens[index + 1]) is not None
    return near_type(tokens[index].text, everyday_too=contact_follows)


def _action_word(
    head: Head, tokens: Sequence[Token], index: int, *, right_after_type: bool = False
) -> int:
    if head.task_type is not TaskType.LINKEDIN or head.action is not None:
        return index
    if head.unknown_action is not None or index >= len(tokens):
        return index
    token = tokens[index]
    action = action_of(token.text)
    if action is LinkedInAction.VIEW_PROFILE and index + 1 < len(tokens):
        following = tokens[index + 1]
        if following.text.rstrip(":,.").casefold() == "profile":  # "view profile"
            head.action, head.action_span = action, (token.start, following.end)
            return index + 2
    if action is not None:
        head.action, head.action_span = action, token.span
        return index + 1
    if right_after_type and (resembles := near_action(token.text)) is not None:
        head.unknown_action = (token, resembles)
        return index + 1
    return index


def _date_at(text: str, token: Token, spans: Sequence[Span]) -> int | None:
    """The end of the date span that starts at `token` (maybe after an opening bracket or
    quote), or None."""
    for start, end in spans:
        if start <= token.start < end:
            return end
        if token.start < start < token.end and not text[token.start : start].strip("([{\"'"):
            return end
    return None
