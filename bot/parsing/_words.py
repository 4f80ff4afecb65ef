"""The words that name a task type or a LinkedIn action, and near misses of them.

Aliases are the ones the help card lists (bot/messages/usage.py) plus the canonical Reply
names (`ManualEmail`, `ViewProfile`, …), all case-insensitive. A word may end in `:` `,` `.`
or `-` ("Call: jane@…", "email, #123 …").
"""

from __future__ import annotations

import difflib
from typing import Final

from bot.domain import LinkedInAction, TaskType

TYPE_WORDS: Final[dict[str, TaskType]] = {
    "todo": TaskType.TODO, "to-do": TaskType.TODO, "task": TaskType.TODO,
    "call": TaskType.CALL,
    "meeting": TaskType.MEETING, "mtg": TaskType.MEETING,
    "linkedin": TaskType.LINKEDIN, "li": TaskType.LINKEDIN,
    "email": TaskType.MANUAL_EMAIL, "e-mail": TaskType.MANUAL_EMAIL, "mail": TaskType.MANUAL_EMAIL,
    "manualemail": TaskType.MANUAL_EMAIL,
    "sms": TaskType.SMS, "text": TaskType.SMS,
    "whatsapp": TaskType.WHATSAPP, "wa": TaskType.WHATSAPP,
}  # fmt: skip

ACTION_WORDS: Final[dict[str, LinkedInAction]] = {
    "message": LinkedInAction.MESSAGE, "msg": LinkedInAction.MESSAGE,
    "connect": LinkedInAction.CONNECT,
    "inmail": LinkedInAction.INMAIL, "in-mail": LinkedInAction.INMAIL,
    "view": LinkedInAction.VIEW_PROFILE, "view-profile": LinkedInAction.VIEW_PROFILE,
    "viewprofile": LinkedInAction.VIEW_PROFILE, "profile": LinkedInAction.VIEW_PROFILE,
}  # fmt: skip

SHORTHANDS: Final[dict[str, LinkedInAction]] = {
    "inmail": LinkedInAction.INMAIL, "in-mail": LinkedInAction.INMAIL,
}  # fmt: skip
"""Action words that name a LinkedIn task on their own: only LinkedIn has InMail, so
"inmail #123 …" needs no `li` in front (message, connect and view are everyday words)."""

TYPE_KEYWORD: Final[dict[TaskType, str]] = {
    TaskType.TODO: "todo", TaskType.CALL: "call", TaskType.MEETING: "meeting",
    TaskType.LINKEDIN: "linkedin", TaskType.MANUAL_EMAIL: "email", TaskType.SMS: "sms",
    TaskType.WHATSAPP: "whatsapp",
}  # fmt: skip
"""The word a rep types for each type, as the help card spells it (for suggestions)."""

_TRAILING: Final = ":,.-"

_EVERYDAY: Final = frozenset(
    """all calls called caller recall ask asks tasks tasked too tex texts texted mil mai mails
    mailed mailer gmail emailed emailer greeting melting linked whatsup was meet meets met
    cell tall test tests next today todos""".split()  # noqa: SIM905 - a word list reads best as text
)
"""Words within reach of a type word that a to-do may well start with ("all hands prep",
"ask about pricing", "recall the deck"): without a contact they are not taken as a misspelt
type. (Found by walking the one- and two-edit neighbours of every alias.)"""

_SUGGESTABLE: Final = tuple(word for word in TYPE_WORDS if len(word) >= 3)
"""A three-letter word one edit from "li" or "wa" is nearly always a real word or a name
("Ali", "way", "lie"): only aliases of three letters or more are suggested."""

_SUGGESTION_CUTOFF: Final = 0.8
"""difflib's ratio: "cal"→call .86, "emial"→email .8, "meting"→meeting .92, "mtng"→mtg .86.
Below .8 the "did you mean" guesses mostly hit ordinary words ("cell", "test", "next")…"""
_NEEDED_CUTOFF: Final = 0.7
"""…unless a type is needed anyway (a contact follows): then "meet"→meeting (.73) and
"tood"→todo (.75) are worth asking about."""


def _bare(word: str) -> str:
    return word.rstrip(_TRAILING).casefold()


def type_of(word: str) -> TaskType | None:
    """The type `word` names ("Call:", "MTG", "to-do"), or None."""
    return TYPE_WORDS.get(_bare(word))


def shorthand_of(word: str) -> LinkedInAction | None:
    """The LinkedIn action a first word names on its own ("InMail"), or None."""
    return SHORTHANDS.get(_bare(word))


def action_of(word: str) -> LinkedInAction | None:
    """The LinkedIn action `word` names ("inmail", "view-profile"), or None."""
    return ACTION_WORDS.get(_bare(word))


def near_type(word: str, *, everyday_too: bool) -> str | None:
    """The type word `word` is probably a misspelling of ("cal" → "call", "txt" → "text";
    `TYPE_WORDS` maps it to the type), or None.

    `everyday_too` also allows words from `_EVERYDAY` ("all", "meet"): pass it when the
    command needs a type anyway (a contact follows), so the word can only have been meant
    as one."""
    bare = _bare(word)
    if len(bare) < 3 or not bare.replace("-", "").isalpha() or bare in TYPE_WORDS:
        return None
    if bare in _EVERYDAY and not everyday_too:
        return None
    cutoff = _NEEDED_CUTOFF if everyday_too else _SUGGESTION_CUTOFF
    return _closest(bare, _SUGGESTABLE, cutoff)


def near_help(text: str) -> bool:
    """A command that is one word, `help` with punctuation ("help.") or a slip typing it:
    two letters swapped ("hlep"), one
    left out ("hlp") or doubled in ("hellp"), or the vowel missed ("halp"). The rep wanted
    the usage card, not a to-do with that word as its text. Other one-edit neighbours are
    real words ("held", "helm", "heap", "yelp") and stay to-dos."""
    words = text.split()
    if len(words) != 1:
        return False
    word = _bare(words[0])
    if word == "help":
        return True  # "help." / "Help:" (help itself is a HELP_WORDS word)
    if not word.startswith("h"):
        return False
    vowel_missed = len(word) == 4 and word.endswith("lp") and word[1] in "aiouy"
    return (
        _swapped(word, "help")
        or "help" in _one_dropped(word)  # "hellp"
        or word in _one_dropped("help")  # "hlp"
        or vowel_missed
    )


def _one_dropped(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def near_action(word: str) -> str | None:
    """The LinkedIn action word `word` is probably a misspelling of ("conect" → "connect";
    `ACTION_WORDS` maps it to the action)."""
    bare = _bare(word)
    if len(bare) < 3 or bare in ACTION_WORDS:
        return None
    return _closest(bare, tuple(ACTION_WORDS), _SUGGESTION_CUTOFF)


def _closest(word: str, choices: tuple[str, ...], cutoff: float) -> str | None:
    """The choice `word` is a typo of: two neighbouring letters swapped ("veiw", "tood" —
    difflib scores those low), or difflib's closest match above `cutoff`."""
    for choice in choices:
        if _swapped(word, choice):
            return choice
    match = difflib.get_close_matches(word, choices, n=1, cutoff=cutoff)
    return match[0] if match else None


def _swapped(word: str, choice: str) -> bool:
    if len(word) != len(choice):
        return False
    differ = [index for index, (a, b) in enumerate(zip(word, choice, strict=True)) if a != b]
    return (
        len(differ) == 2
        and differ[1] == differ[0] + 1
        and word[differ[0]] == choice[differ[1]]
        and word[differ[1]] == choice[differ[0]]
    )
