"""Running the console: the stand-in, the dependencies, the app, and the lines to act on.

    exit_code = await run_console(settings, lines=ScriptLines(text), out=sys.stdout)

Where lines come from: a script (`--script FILE`, `-` or piped stdin: every line in order,
echoed after the prompt so the output reads as a transcript, then exit) or a terminal (a
prompt; the line editor of `input()`). The console user is a Slack user in
`TASKBOT_CONSOLE_TIMEZONE` (default: this machine's zone) with `TASKBOT_DEFAULT_LOCALE`.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Iterator
from typing import Protocol, TextIO
from zoneinfo import ZoneInfo

from bot.app import build_app
from bot.clock import Clock, system_clock
from bot.console.printer import Printer
from bot.console.session import ConsoleSession
from bot.console.slack_standin import SlackStandIn, SlackUser
from bot.messages import console as words
from bot.reply.sandbox import Sandbox
from bot.settings import Settings
from bot.wiring import open_dependencies

CONSOLE_TOKEN = "xoxb-taskbot-console"  # noqa: S105 - not a secret: the stand-in takes any xoxb-
"""The bot token the app presents to the stand-in (never sent anywhere else)."""
CONSOLE_USER_ID = "U0CONSOLE"


class Lines(Protocol):
    echo: bool
    """Print each line after the prompt (scripts), or not (a terminal already shows it)."""

    async def next(self, prompt: str = words.PROMPT) -> str | None:
        """The next line (a terminal shows `prompt` first), or None at the end."""
        ...


class ScriptLines:
    """Every line of a script, in order."""

    echo = True

    def __init__(self, text: str) -> None:
        self._lines: Iterator[str] = iter(text.splitlines())

    async def next(self, prompt: str = words.PROMPT) -> str | None:
        return next(self._lines, None)


class TerminalLines:
    """Lines typed at a terminal. `input()` runs on a daemon thread, one prompt at a time,
    so the event loop keeps serving (the stand-in lives on it) and Ctrl-C never waits for
    the thread. The prompt is the console's (`taskbot> `) or, in a form, the field asked."""

    echo = False

    def __init__(self, prompt: str = words.PROMPT) -> None:
        self._prompt = prompt
        self._wanted = threading.Semaphore(0)
        self._queue: asyncio.Queue[str | None] = asyncio.Queue()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None

    async def next(self, prompt: str | None = None) -> str | None:
        if prompt is not None:
            self._prompt = prompt  # read by the input thread once released below
        if self._thread is None:
            self._loop = asyncio.get_running_loop()
            self._thread = threading.Thread(target=self._read, name="console input", daemon=True)
            self._thread.start()
        self._wanted.release()
        return await self._queue.get()

    def _read(self) -> None:
        with contextlib.suppress(ImportError):  # no readline on Windows
            import readline  # noqa: F401, PLC0415 - line editing and history for input()
        assert self._loop is not None
        while True:
            self._wanted.acquire()
            try:
                line: str | None = input(self._prompt)
            except EOFError:
                line = None
            self._loop.call_soon_threadsafe(self._queue.put_nowait, line)
            if line is None:
                return


async def run_console(
    settings: Settings,
    *,
    lines: Lines,
    out: TextIO,
    ansi: bool = False,
    clock: Clock = system_clock,
    sandbox: Sandbox | None = None,
) -> int:
    """Run the console until the lines end or the user quits. 0 when taskbot answered
    everything; 1 when a request failed or Slack would have refused a message."""
    zone = settings.console_zone()
    user = console_user(zone, settings.default_locale, clock)
    standin = SlackStandIn(users=[user], clock=clock)
    async with (
        standin.running(),
        open_dependencies(
            settings,
            slack_token=CONSOLE_TOKEN,
            slack_api_url=standin.api_url,
            sandbox=sandbox,
            clock=clock,
        ) as deps,
    ):
        printer = Printer(
            out, ansi=ansi, tz=ZoneInfo(zone), clock=clock, names={user.id: user.name}
        )
        session = ConsoleSession(
            app=build_app(deps, mode="console"),
            deps=deps,
            standin=standin,
            user=user,
            printer=printer,
        )
        if deps.sandbox is not None:
            printer.line(words.sandbox_banner(sandbox_examples(deps.sandbox), zone))
        else:
            printer.line(words.reply_banner(deps.reply.base_url, zone))
        printer.line()
        while (line := await lines.next(session.prompt)) is not None:
            if lines.echo:
                printer.line(f"{session.prompt}{line}".rstrip())
            if not await session.handle(line):
                break
        else:
            if not lines.echo:
                printer.line()  # Ctrl-D at the prompt: end its line
        failed = session.failures or printer.refusals or deps.background.failures
    return 1 if failed else 0


def console_user(zone: str, locale: str, clock: Clock) -> SlackUser:
    """The Slack user the console speaks as, with `zone` as users.info would give it."""
    now = clock().astimezone(ZoneInfo(zone))
    offset = now.utcoffset()
    return SlackUser(
        CONSOLE_USER_ID,
        name="you",
        real_name="Console user",
        tz=zone,
        tz_label=now.tzname() or zone,
        tz_offset=int(offset.total_seconds()) if offset is not None else 0,
        locale=locale,
    )


def sandbox_examples(sandbox: Sandbox) -> list[str]:
    """A few of the sandbox's contacts to try: three emails, a first name several contacts
    share (it asks to pick), and a contact known only by LinkedIn (`#id`)."""
    contacts = sandbox.contacts
    shown = [c.email for c in contacts if c.email][:3]
    first_names = [c.first_name for c in contacts if c.first_name]
    shared = next((n for n in first_names if first_names.count(n) > 1), None)
    if shared:
        shown.append(f'"{shared}" ({first_names.count(shared)} match)')
    linkedin_only = next((c for c in contacts if not c.email and c.linkedin_url), None)
    if linkedin_only:
        shown.append(f"#{linkedin_only.id} ({linkedin_only.display_name}, LinkedIn only)")
    return [s for s in shown if s]
