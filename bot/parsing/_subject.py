"""`subject: …` in a command: the subject line of an email or a LinkedIn InMail.

Where a subject ends is the rep's to say, never a guess: it is the quoted text right after
the colon (`subject: "Pricing for 2027" Hi {{firstName}} …`), or else everything up to the
end of the line or a `|` (`subject: Pricing for 2027 | Hi {{firstName}} …`), or to the end
of the command. The `|` belongs to the subject's span, so it does not start the body.
Only the first `subject:` counts; a later one is body text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final

from bot.parsing._text import Span, Token, quote_end

_LABEL: Final = r"(?i)(?:subject|subj)\s*:"


@dataclass(frozen=True, slots=True)
class Subject:
    span: Span
    """From `subject:` to the end of the subject and its `|`, if any."""
    value: str
    """The subject itself, blanks collapsed; empty when nothing follows the colon."""


@cache
def _label() -> re.Pattern[str]:
    return re.compile(_LABEL)


def find_subject(text: str, tokens: Sequence[Token], skip: Sequence[Span]) -> Subject | None:
    """The first `subject:` that starts a token outside `skip` (quotes, variables)."""
    for token in tokens:
        if any(low <= token.start < high for low, high in skip):
            continue
        label = _label().match(text, token.start)
        if label is not None:
            return _read_value(text, token.start, label.end())
    return None


def _read_value(text: str, start: int, after_label: int) -> Subject:
    at = after_label
    while at < len(text) and text[at] in " \t":
        at += 1
    closing = quote_end(text, at)
    if closing is not None:
        value, end = text[at + 1 : closing - 1], closing
        pipe = re.match(r"[ \t]*\|", text[end:])
        end += pipe.end() if pipe else 0
    else:
        stops = [index for index in (text.find("\n", at), text.find("|", at)) if index != -1]
        stop = min(stops, default=len(text))
        value = text[at:stop]
        end = stop + 1 if stop < len(text) and text[stop] == "|" else stop
    return Subject((start, end), " ".join(value.split()))
