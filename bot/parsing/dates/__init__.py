"""How taskbot reads dates: the conventions of CONVENTIONS.md on top of dateparser.

This package is the only importer of dateparser in taskbot. Its public API::

    from zoneinfo import ZoneInfo
    from bot.parsing.dates import DateContext, read_date, find_date

    ctx = DateContext(now=datetime(2026, 11, 25, 19, 37, tzinfo=UTC),
                      tz=ZoneInfo("America/New_York"), locale="en-US")

    read_date("next Friday", ctx)            # ReadDate(at=2026-12-04 17:00-05:00, has_time=False)
    read_date("tomorrow 3pm", ctx, "start")  # ReadDate(at=2026-11-26 15:00-05:00, has_time=True)
    read_date("yesterday", ctx).message      # "'yesterday' is in the past (…). Try …"

    found = find_date("call jane@acme.com tomorrow 3pm Ask about pricing", ctx)
    found.date_text   # "tomorrow 3pm"
    found.rest_text   # "call jane@acme.com Ask about pricing"
    found.result      # ReadDate(at=2026-11-26 15:00-05:00, …) or a DateRefusal

`read_date(text, ctx, kind="due") -> ReadDate | DateRefusal` reads a whole text as one phrase
(a modal field, `taskbot when`). `find_date(text, ctx, kind="due") -> FoundDate | None` finds
the due phrase inside free text (a `/task` command). `kind` picks the default time of a date
without one: due 17:00, start 09:00. A `DateRefusal` has a `reason` (RefusalReason: PAST,
IMPOSSIBLE, AMBIGUOUS, VAGUE, WEEKDAY_MISMATCH, UNREADABLE), the facts, and a `.message` that
says what was wrong and what to type instead — a sentence of `bot.messages.dates`, which
depends on nothing of taskbot's, so the dependency points one way only.

`default_due(task_type, ctx, after=None) -> datetime` is when a task is due if the rep named
no due date — one rule for `/task` and the form: calls and meetings at 10:00, other tasks at
17:00, on the start's day if that is a business day and the time is more than two hours
ahead, else on the next business day (16:58 → tomorrow, Friday evening → Monday)::

    default_due(TaskType.TODO, ctx)   # 2026-11-25 17:00-05:00: 14:37 leaves over two hours
    default_due(TaskType.CALL, ctx)   # 2026-11-26 10:00-05:00: today's 10:00 has passed

`zone_label(tz) -> str` and `read_zone(text) -> tzinfo | None` write a rep's zone as text and
read it back: an IANA name, or `UTC+05:30` for a rep Slack knows only by offset (the form's
metadata, the CLI's `--tz`); `offset_label(offset)` is that offset form, which the reader
also takes inside a phrase ("1:30am UTC-05:00").

How a phrase is read: the text is tokenized (emails, URLs, phone numbers, prices, ids are masked
first), words are looked up in English plus the rep's language (dateparser's month and weekday
names, taskbot's own phrase glue), and a small grammar assembles one day, one time of day, one
part of day and one zone; `_resolve` places them on the rep's calendar following the rules.
Phrases the grammar cannot read go to dateparser (rep's language + English only), whose answer
gets the same default times and past check.

Choices where the conventions are silent:

* Times come out on the rep's wall clock (`ctx.tz`), built with zoneinfo: 17:00 on a DST-change
  day is 17:00 local. A time in the spring-forward gap moves forward by the gap (02:30 → 03:30);
  a time that happens twice (fall back) is the first one.
* "now" and durations ("in 90 minutes") are exact, to the minute (seconds dropped).
* A time-only phrase with a zone ("4pm ET") is the next time the wall clock *there* shows it; a
  dated one ("tomorrow 10am PT") uses the rep's calendar day at that time there.
* "this <weekday>" whose day has passed this week means the next one; "this week/month/quarter/
  year" means its end (a deadline); an end-of-period that has passed (EOW on Saturday) rolls to
  the next period's end; "later today" after 17:00 is refused as past; "tonight" after 20:00 too.
* A time written the 24-hour way is read as written in every language: a zero-padded hour
  ("05:00", "07:30", "at 05") or the "15h30" form. Rule 3's business-hours reading is for bare
  hours ("at 5", "5:00", "2:45"); hours 0 and 13-23 are 24-hour however written; am/pm typed
  out always wins ("05:00pm"). "9.30" is not read as a time: it is also a price, a version or
  a German date missing its final dot.
* A word that comes out in pieces ("9am5pm", "5pm2", "1st2") is not a date, nor is any part of
  it; a phrase containing one is refused, never handed to dateparser (which would read half).
  ISO 8601's UTC mark may touch a time ("15:00Z", "2026-12-03T15:00Z").
* A PAST refusal's `resolved` is the instant the phrase named, at the time of day and zone
  typed ("yesterday 3pm PT"), or the kind's default time when none was.
* 2-digit years are 20xx. Numeric dates are M/D for en-US (and ja/zh/ko), D/M for any other
  known locale; with no locale an ambiguous pair is refused with both readings.
* "PST" in summer still means Pacific time (people type it year-round); IST is India.
* A yearless date lands this year or next, never later: "2/29" said in 2027 is Feb 29 2027,
  refused as impossible with Feb 28 / Mar 1 offered, not moved to 2028.
* A dashed pair of hours 1-12 right after a day ("Mon 1-3", "tomorrow 9-11") is an hour slot
  (rule 16, bare hours by rule 3), not a month-day date; alone, "12-3" is still Dec 3.
* "Thursday after next" is next Thursday (rule 6) plus a week; "the week after next" starts on
  its Monday. British "a week on Monday" is "a week from Monday".
* Words that would be content in a command are dates only as the whole phrase: a bare "2 weeks"
  (rule 1), a spelled ordinal without a month ("by the first"), a number word before a month
  ("el tres de diciembre"). Beside a month a spelled ordinal always is one ("December the third").
* Typos: weekday and month names and "tomorrow" of 7+ letters may be two edits off when the
  first letter agrees ("wendsday"); other date words one; a word as near two names is not read.
* Dutch/German compounds of a day and a part of day ("morgenochtend", "Freitagnachmittag") are
  split into the two words they are made of.
"""

from __future__ import annotations

from bot.parsing.dates._default_due import default_due, default_due_time
from bot.parsing.dates._extract import find_date
from bot.parsing.dates._model import (
    DateContext,
    DateRefusal,
    FoundDate,
    Kind,
    ReadDate,
    RefusalReason,
)  # fmt: skip
from bot.parsing.dates._read import read_date
from bot.parsing.dates._zone_text import offset_label, read_zone, zone_label

__all__ = [
    "DateContext", "DateRefusal", "FoundDate", "Kind", "ReadDate", "RefusalReason", "default_due",
    "default_due_time", "find_date", "offset_label", "read_date", "read_zone", "zone_label",
]  # fmt: skip
