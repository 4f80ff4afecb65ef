"""The `/task` grammar: a command's text → a `TaskDraft` plus what is missing or unclear.

    from bot.parsing import parse_command
    parsed = parse_command("call jane@acme.com tomorrow 3pm Ask about {{company}} pricing", ctx)
    parsed.draft        # TaskDraft(Call, contact=email jane@acme.com, start=now,
                        #           due=tomorrow 15:00, body="Ask about {{company}} pricing")
    parsed.due          # ReadDate(text="tomorrow 3pm", …) — echo it back to the rep

`/task [type] [linkedin action] [contact] [when] [body]` (issue 3), forgiving about order.
The choices where the issue leaves room (the help card, bot/messages/usage.py, tells reps the
same):

* **Type.** A type word counts first, or right after a leading contact or date
  (bot/parsing/_head.py). No type word and no contact → a to-do. No type word but a contact →
  no type and a problem asking which kind (a contact means a call, an email, … — guessing
  would create the wrong kind of task in Reply). A first word that looks like a misspelt
  type ("cal") → no type and "did you mean `call`?"; the word is reported, not kept in the body.
* **Contact.** The four forms of bot/parsing/_contacts.py, read in the head (an email in
  the middle of a to-do is what to do, not its contact); the choice is
  bot/parsing/_contact_choice.py. One is the contact; a second one is a problem (it stays in
  the body). A type that needs a contact and has none: capitalised words right after the
  head are a name *guess* ("call Priya tomorrow"): `contact_origin == "guessed"`, and the
  words stay in the body. Failing that, one email or LinkedIn URL in the body is offered
  (`"description"`, with a problem asking to confirm it); several, or none, is a problem.
  `inmail` alone is a LinkedIn InMail.
* **When.** bot/parsing/_when.py: `from X to Y`, `start X [… due Y]`, or one due phrase. The
  task starts now (to the minute) unless the rep says otherwise — also for a call at 3pm:
  the time is when it is due, as the help card promises. No date → `default_due` for the
  type (bot.parsing.dates: 10:00 for a call or meeting, else 17:00; today when that is over
  two hours ahead on a business day, else the next business day), as the form suggests. A
  refused phrase → a problem on the field and `date_text` keeps it.
* **Subject.** `subject: …` (bot/parsing/_subject.py) for an email or an InMail (or a LinkedIn
  task still without an action, or a task still without a type); for any other type it stays
  in the body, with a problem.
* **Body.** The rest, verbatim (bot/parsing/_body.py): Slack's escapes undone, `{{…}}` never
  read as dates. Nothing is lost: every word is in the body or in `recognised`.
* **Help.** `help` (or a slip: "halp", "hlep"), `?`, `h`, `-h`, `--help`, `usage` or nothing
  → `is_help` (nothing to create; the `/task` listener opens the form for an empty command
  before parsing, as the help card says).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

from bot.domain import (
    FieldProblem,
    LinkedInAction,
    TaskDraft,
    TaskType,
    subject_allowed,
)  # fmt: skip
from bot.messages import grammar as words
from bot.parsing._body import assemble
from bot.parsing._contact_choice import ContactOrigin, choose_contact
from bot.parsing._head import Head, read_head
from bot.parsing._slack_text import unescape
from bot.parsing._subject import Subject, find_subject
from bot.parsing._text import (
    QUOTE_CLOSERS,
    Span,
    build_view,
    content_spans,
    merge,
    tokenize,
)
from bot.parsing._when import When, read_when, settle
from bot.parsing._words import ACTION_WORDS, TYPE_WORDS, near_help
from bot.parsing.dates import DateContext, DateRefusal, FoundDate, ReadDate

HELP_WORDS: Final = frozenset({"help", "?", "-h", "--help", "usage", "h"})
ALL_QUOTE_CLOSERS: Final = frozenset("".join(QUOTE_CLOSERS.values()))

Role = Literal["type", "linkedin_action", "contact", "date", "subject"]


@dataclass(frozen=True, slots=True)
class Recognised:
    """A piece of the command the grammar took out of the body, and as what."""

    role: Role
    text: str
    span: Span
    """Position in `ParsedCommand.text`."""


@dataclass(frozen=True, slots=True)
class ParsedCommand:
    """What a `/task` command says; see the module docstring."""

    text: str
    """The command as the rep typed it: Slack's escapes undone."""
    draft: TaskDraft
    is_help: bool = False
    date: FoundDate | None = None
    """The due phrase find_date found in the text, when there was one."""
    start: ReadDate | DateRefusal | None = None
    """How an explicit start ("from X", "start X") was read; None when the rep gave none."""
    due: ReadDate | DateRefusal | None = None
    """How the due phrase was read; None when there was none (see `due_defaulted`)."""
    contact_origin: ContactOrigin | None = None
    recognised: tuple[Recognised, ...] = ()

    @property
    def due_defaulted(self) -> bool:
        """`draft.due_to` is the no-date default, not something the rep typed."""
        return self.draft.due_defaulted

    @property
    def is_complete(self) -> bool:
        """Nothing to ask: the task can be created as it is (a guessed contact aside)."""
        return not self.is_help and not self.draft.problems


def parse_command(text: str, ctx: DateContext) -> ParsedCommand:
    """Read a `/task` command's text (Slack's `text` field) for the rep in `ctx`."""
    readable = unescape(text)
    if readable.strip().casefold() in HELP_WORDS or not readable.strip() or near_help(readable):
        return ParsedCommand(readable, TaskDraft(), is_help=True)
    return _Reading(readable, ctx).parse()


class _Reading:
    """One command being read: the text, its tokens, and the date view's cache."""

    def __init__(self, text: str, ctx: DateContext) -> None:
        self.text = text
        self.ctx = ctx
        self.tokens = tokenize(text)
        self.content = merge(content_spans(text, self.tokens))
        self.subject = find_subject(text, self.tokens, self.content)
        self._whens: dict[tuple[Span, ...], tuple[When, list[Span]]] = {}

    def when(self, taken: list[Span]) -> tuple[When, list[Span]]:
        """The dates of the date view without `taken`, and their original spans."""
        key = tuple(merge(taken))
        if key not in self._whens:
            masked = [*self.content, *self._subject_span()]
            view = build_view(self.text, key, masked)
            when = read_when(view.text, self.ctx)
            spans = merge(piece for start, end in when.spans for piece in view.original(start, end))
            if any(_splits_a_word(self.text, span) for span in spans):
                when, spans = When(), []  # "9am5pm": taking half a word out would garble it
            self._whens[key] = (when, spans)
        return self._whens[key]

    def _subject_span(self) -> list[Span]:
        return [self.subject.span] if self.subject else []

    def parse(self) -> ParsedCommand:
        stop = self.subject.span[0] if self.subject else len(self.text)
        head = read_head(self.text, self.tokens, stop, lambda h: self.when(h.taken())[1])
        when, date_spans = self.when(head.taken())
        problems: list[FieldProblem] = []
        task_type = _task_type(head, problems)
        wanted = task_type or (TYPE_WORDS[head.unknown_type[1]] if head.unknown_type else None)
        taken = [*head.taken(), *date_spans, *self._subject_span()]
        body_tokens = self.tokens[head.end :]
        contact, origin = choose_contact(
            self.text, body_tokens, head.contacts, wanted=wanted, taken=taken, problems=problems
        )
        subject = self._subject(task_type, head.action, problems)
        times = settle(when, self.ctx, task_type)
        problems += times.problems
        recognised = self._recognised(head, date_spans, subject)
        body = assemble(self.text, [item.span for item in recognised])
        if not body and subject is not None and self._subject_ran_on(subject):
            took = words.subject_took_body(subject.value)
            problems.append(FieldProblem("body", took, words.SUBJECT_TOOK_BODY_IN_FORM))
        elif not body:
            problems.append(
                FieldProblem("body", words.empty_body(task_type), words.EMPTY_BODY_IN_FORM)
            )
        draft = TaskDraft(
            task_type=task_type,
            linkedin_action=head.action,
            contact=contact,
            start_at=times.start_at,
            due_to=times.due_to,
            body=body,
            subject=subject.value or None if subject else None,
            date_text=when.text,
            problems=tuple(problems),
            due_defaulted=times.due_defaulted,
        )
        return ParsedCommand(
            text=self.text,
            draft=draft,
            date=when.found,
            start=when.start.result if when.start else None,
            due=when.due.result if when.due else None,
            contact_origin=origin,
            recognised=recognised,
        )

    def _subject(
        self, task_type: TaskType | None, action: LinkedInAction | None,
        problems: list[FieldProblem],
    ) -> Subject | None:  # fmt: skip
        if self.subject is None:
            return None
        undecided = task_type is TaskType.LINKEDIN and action is None  # InMail may be picked
        if task_type is not None and not undecided and not subject_allowed(task_type, action):
            problems.append(FieldProblem("body", words.subject_not_allowed(task_type)))
            return None
        if not self.subject.value:
            problems.append(FieldProblem("subject", words.empty_subject()))
        return self.subject

    def _subject_ran_on(self, subject: Subject) -> bool:
        """An unquoted subject with no `|` after it: it took the rest of the command."""
        start, end = subject.span
        last = self.text[start:end].rstrip()[-1:]
        return bool(subject.value) and last != "|" and last not in ALL_QUOTE_CLOSERS

    def _recognised(
        self, head: Head, dates: list[Span], subject: Subject | None
    ) -> tuple[Recognised, ...]:
        found: list[Recognised] = []

        def add(role: Role, span: Span | None) -> None:
            if span is not None:
                found.append(Recognised(role, self.text[span[0] : span[1]], span))

        add("type", head.type_span or (head.unknown_type[0].span if head.unknown_type else None))
        action_span = head.action_span or (
            head.unknown_action[0].span if head.unknown_action else None
        )
        if action_span != head.type_span:  # "inmail" alone is the type and the action
            add("linkedin_action", action_span)
        if head.contacts:
            add("contact", head.contacts[0].span)
        for span in dates:
            add("date", span)
        add("subject", subject.span if subject else None)
        return tuple(sorted(found, key=lambda item: item.span))


def _splits_a_word(text: str, span: Span) -> bool:
    start, end = span
    inside = text[start:end]
    if not inside:
        return False
    before = start > 0 and re.fullmatch(r"\w\w", text[start - 1] + inside[0])
    after = end < len(text) and re.fullmatch(r"\w\w", inside[-1] + text[end])
    return bool(before or after)


def _task_type(head: Head, problems: list[FieldProblem]) -> TaskType | None:
    if head.unknown_type is not None:
        word, resembles = head.unknown_type
        problems.append(
            FieldProblem(
                "task_type",
                words.unknown_type(word.text, resembles),
                words.unknown_type_in_form(word.text, TYPE_WORDS[resembles]),
            )
        )
        return None
    if head.task_type is None:
        if head.contacts:
            which = words.which_type(head.contacts[0].query)
            problems.append(FieldProblem("task_type", which, words.CHOOSE_TYPE_IN_FORM))
            return None
        return TaskType.TODO
    if head.task_type is TaskType.LINKEDIN and head.action is None:
        unknown = head.unknown_action
        if unknown:
            message = words.missing_action(unknown[0].text, unknown[1])
            in_form = words.unknown_action_in_form(unknown[0].text, ACTION_WORDS.get(unknown[1]))
        else:
            message, in_form = words.missing_action(), words.CHOOSE_ACTION_IN_FORM
        problems.append(FieldProblem("linkedin_action", message, in_form))
    return head.task_type


__all__ = ["ContactOrigin", "ParsedCommand", "Recognised", "parse_command"]
