"""Words taskbot knows in date phrases, by category (English; other languages in _languages).

Keys are case-folded and accent-stripped (see `fold`). Multi-word entries are tuples of words and
are matched longest-first by the tokenizer. Abbreviations and common typos of sales chat (tmrw,
2moro, nxt, thurs, tommorow) are listed here; other slips in long words are caught by
`_typos.fuzzy_word`.
"""

from __future__ import annotations

import unicodedata
from enum import Enum, auto
from typing import Final


class Cat(Enum):
    RELDAY = auto()  # int: days from today
    WEEKDAY = auto()  # int: 0 = Monday
    MONTH = auto()  # int: 1..12
    UNIT = auto()  # str: minute hour day week fortnight month quarter year weekend
    BIZ = auto()  # business / working (days)
    PART = auto()  # str: morning noon afternoon eod evening tonight midnight first_thing am pm
    MOD = auto()  # str: this next last
    PREP = auto()  # a prefix kept in the span: by, due, on, before, until, no later than
    AT = auto()  # introduces a clock time: at, @, um, a las, alle, om, às
    FILLER = auto()  # ignorable inside a phrase: the, of, a comma, articles
    NUMWORD = auto()  # int: one, two, … (and "a"/"an" before a unit)
    HALF = auto()  # "half" (past four)
    QUARTER_PAST = auto()  # "quarter" as in quarter past/to
    PAST_WORD = auto()  # "past" in "half past four"
    TO = auto()  # "to": quarter to five; from 2 to 3pm
    VAGUE = auto()  # str: soon, asap, …
    FEW = auto()  # few, several, some: an unquantified amount
    AGO = auto()
    EARLIER = auto()  # earlier today
    LATER = auto()  # later today; 3 days later
    EDGE = auto()  # str: start / mid / end (of a period)
    EDGE_UNIT = auto()  # (edge, unit): EOW, EOM, EOQ, EOY
    FROM = auto()  # a week from Friday; from 2 to 3pm
    FROM_NOW = auto()  # from now, hence
    BETWEEN = auto()
    AND = auto()
    DASH = auto()
    OCLOCK = auto()  # o'clock, Uhr, uur
    NOW = auto()
    QUARTER_NAME = auto()  # int: Q1..Q4
    HOLIDAY = auto()  # str
    ZONE = auto()  # str: an IANA key or "UTC"
    IN = auto()  # in / within: "in 3 days"
    AFTER = auto()  # day after tomorrow
    WEEK_WORD = auto()  # never produced: "Friday week" uses UNIT week
    ORDWORD = auto()  # int: a spelled ordinal (first … thirty-first); a day only beside a month
    # produced by the tokenizer, not the lexicon
    NUM = auto()
    ORDINAL = auto()
    CLOCK = auto()
    SPAN_H = auto()  # "2h", "45m": a duration or a clock, by context
    NUMDATE = auto()
    ISO = auto()
    WORD = auto()  # a word that is not date vocabulary
    CONTENT = auto()  # masked: email, URL, phone number, price, version, Q4-like code
    FUSED = auto()  # a word that came out in pieces ("9am5pm", "5pm2"): content, read by no one
    PUNCT = auto()


def fold(text: str) -> str:
    """Case-fold and strip accents, so "Mañana", "manana" and "MAÑANA" look the same."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("\u2019", "'")


Entry = tuple[Cat, object]

WEEKDAYS_EN: Final = (
    ("monday", "mon", "mondays"),
    ("tuesday", "tue", "tues"),
    ("wednesday", "wed", "weds"),
    ("thursday", "thu", "thur", "thurs", "thr"),
    ("friday", "fri"),
    ("saturday", "sat"),
    ("sunday", "sun"),
)
MONTHS_EN: Final = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)

NUMBER_WORDS_EN: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "forty-five": 45, "a": 1, "an": 1, "couple": 2, "a couple of": 2,
    "couple of": 2, "a pair of": 2,
}  # fmt: skip

ENGLISH: Final[dict[str, Entry]] = {
    # relative days
    "today": (Cat.RELDAY, 0), "tdy": (Cat.RELDAY, 0),
    "tomorrow": (Cat.RELDAY, 1), "tmrw": (Cat.RELDAY, 1), "tmr": (Cat.RELDAY, 1),
    "tmw": (Cat.RELDAY, 1), "tmro": (Cat.RELDAY, 1), "tmrow": (Cat.RELDAY, 1),
    "2moro": (Cat.RELDAY, 1), "2morrow": (Cat.RELDAY, 1), "2mrw": (Cat.RELDAY, 1),
    "2mro": (Cat.RELDAY, 1), "2morow": (Cat.RELDAY, 1), "tommorow": (Cat.RELDAY, 1),
    "tommorrow": (Cat.RELDAY, 1), "tomorow": (Cat.RELDAY, 1), "tomarrow": (Cat.RELDAY, 1),
    "tmorrow": (Cat.RELDAY, 1), "yesterday": (Cat.RELDAY, -1), "yday": (Cat.RELDAY, -1),
    "overmorrow": (Cat.RELDAY, 2),
    "day after tomorrow": (Cat.RELDAY, 2), "the day after tomorrow": (Cat.RELDAY, 2),
    "day before yesterday": (Cat.RELDAY, -2), "the day before yesterday": (Cat.RELDAY, -2),
    # units
    "min": (Cat.UNIT, "minute"), "mins": (Cat.UNIT, "minute"), "minute": (Cat.UNIT, "minute"),
    "minutes": (Cat.UNIT, "minute"), "hour": (Cat.UNIT, "hour"), "hours": (Cat.UNIT, "hour"),
    "hr": (Cat.UNIT, "hour"), "hrs": (Cat.UNIT, "hour"), "day": (Cat.UNIT, "day"),
    "days": (Cat.UNIT, "day"), "week": (Cat.UNIT, "week"), "weeks": (Cat.UNIT, "week"),
    "wk": (Cat.UNIT, "week"), "wks": (Cat.UNIT, "week"), "fortnight": (Cat.UNIT, "fortnight"),
    "month": (Cat.UNIT, "month"), "months": (Cat.UNIT, "month"), "mo": (Cat.UNIT, "month"),
    "quarter": (Cat.UNIT, "quarter"), "year": (Cat.UNIT, "year"), "years": (Cat.UNIT, "year"),
    "yr": (Cat.UNIT, "year"), "weekend": (Cat.UNIT, "weekend"), "wknd": (Cat.UNIT, "weekend"),
    "business": (Cat.BIZ, None), "working": (Cat.BIZ, None), "biz": (Cat.BIZ, None),
    "work": (Cat.BIZ, None), "bus.": (Cat.BIZ, None), "weekday": (Cat.BIZ, "day"),
    "weekdays": (Cat.BIZ, "day"), "workday": (Cat.BIZ, "day"), "workdays": (Cat.BIZ, "day"),
    "bd": (Cat.BIZ, "day"), "bds": (Cat.BIZ, "day"),
    # parts of day (rule 9)
    "morning": (Cat.PART, "morning"), "mornings": (Cat.PART, "morning"),
    "first thing": (Cat.PART, "first_thing"),
    "first thing in the morning": (Cat.PART, "first_thing"),
    "noon": (Cat.PART, "noon"), "midday": (Cat.PART, "noon"), "lunch": (Cat.PART, "noon"),
    "lunchtime": (Cat.PART, "noon"), "afternoon": (Cat.PART, "afternoon"),
    "arvo": (Cat.PART, "afternoon"), "evening": (Cat.PART, "evening"),
    "tonight": (Cat.PART, "tonight"), "tonite": (Cat.PART, "tonight"),
    "night": (Cat.PART, "tonight"), "midnight": (Cat.PART, "midnight"),
    "eod": (Cat.PART, "eod"), "cob": (Cat.PART, "eod"), "eob": (Cat.PART, "eod"),
    "end of day": (Cat.PART, "eod"), "end of the day": (Cat.PART, "eod"),
    "end of business": (Cat.PART, "eod"), "end of business day": (Cat.PART, "eod"),
    "end of the business day": (Cat.PART, "eod"), "close of business": (Cat.PART, "eod"),
    "end of workday": (Cat.PART, "eod"), "end of the workday": (Cat.PART, "eod"),
    "close of play": (Cat.PART, "eod"),
    "am": (Cat.PART, "am"), "a.m.": (Cat.PART, "am"), "pm": (Cat.PART, "pm"),
    "p.m.": (Cat.PART, "pm"),
    "in the morning": (Cat.PART, "morning"), "in the afternoon": (Cat.PART, "afternoon"),
    "in the evening": (Cat.PART, "evening"), "at night": (Cat.PART, "tonight"),
    # modifiers and prefixes
    "this": (Cat.MOD, "this"), "coming": (Cat.MOD, "next_bare"),
    "this coming": (Cat.MOD, "next_bare"), "next": (Cat.MOD, "next"), "nxt": (Cat.MOD, "next"),
    "following": (Cat.MOD, "next"), "last": (Cat.MOD, "last"), "past": (Cat.PAST_WORD, None),
    "previous": (Cat.MOD, "last"), "by": (Cat.PREP, "by"), "due": (Cat.PREP, "due"),
    "due by": (Cat.PREP, "by"), "due on": (Cat.PREP, "on"), "on": (Cat.PREP, "on"),
    "before": (Cat.PREP, "before"), "until": (Cat.PREP, "until"), "till": (Cat.PREP, "until"),
    "til": (Cat.PREP, "until"), "no later than": (Cat.PREP, "by"),
    "not later than": (Cat.PREP, "by"),
    "latest by": (Cat.PREP, "by"), "at the latest": (Cat.FILLER, None),
    "at": (Cat.AT, None), "@": (Cat.AT, None), "around": (Cat.AT, None),
    "the": (Cat.FILLER, None), "of": (Cat.FILLER, None), ",": (Cat.FILLER, None),
    "in": (Cat.IN, None), "within": (Cat.IN, "within"), "after": (Cat.AFTER, None),
    "half": (Cat.HALF, None), "half an": (Cat.HALF, "an"), "quarter past": (Cat.QUARTER_PAST, 15),
    "quarter after": (Cat.QUARTER_PAST, 15), "quarter to": (Cat.QUARTER_PAST, -15),
    "quarter of": (Cat.QUARTER_PAST, -15), "half past": (Cat.QUARTER_PAST, 30),
    "and a half": (Cat.QUARTER_PAST, 30),
    "to": (Cat.TO, None), "and": (Cat.AND, None), "-": (Cat.DASH, None), "\u2013": (Cat.DASH, None),
    "from": (Cat.FROM, None), "between": (Cat.BETWEEN, None),
    "from now": (Cat.FROM_NOW, None), "from today": (Cat.FROM_NOW, "today"),
    "hence": (Cat.FROM_NOW, None), "ago": (Cat.AGO, None), "earlier": (Cat.EARLIER, None),
    "later": (Cat.LATER, None), "o'clock": (Cat.OCLOCK, None), "oclock": (Cat.OCLOCK, None),
    "now": (Cat.NOW, None), "right now": (Cat.NOW, None), "right away": (Cat.VAGUE, "asap"),
    # periods (rules 10, 11)
    "end": (Cat.EDGE, "end"), "end of": (Cat.EDGE, "end"), "by the end of": (Cat.EDGE, "end"),
    "start of": (Cat.EDGE, "start"), "beginning of": (Cat.EDGE, "start"),
    "early": (Cat.EDGE, "start"), "late": (Cat.EDGE, "end"), "mid": (Cat.EDGE, "mid"),
    "middle of": (Cat.EDGE, "mid"),
    "mid-": (Cat.EDGE, "mid"),
    "eow": (Cat.EDGE_UNIT, ("end", "week")), "eom": (Cat.EDGE_UNIT, ("end", "month")),
    "eoq": (Cat.EDGE_UNIT, ("end", "quarter")), "eoy": (Cat.EDGE_UNIT, ("end", "year")),
    "eofy": (Cat.EDGE_UNIT, ("end", "year")), "ytd": (Cat.VAGUE, "ytd"),
    # vague (rule 17)
    "soon": (Cat.VAGUE, "soon"), "asap": (Cat.VAGUE, "asap"), "a.s.a.p.": (Cat.VAGUE, "asap"),
    "a.s.a.p": (Cat.VAGUE, "asap"), "tbd": (Cat.VAGUE, "tbd"), "tba": (Cat.VAGUE, "tbd"),
    "whenever": (Cat.VAGUE, "whenever"), "sometime": (Cat.VAGUE, "sometime"),
    "someday": (Cat.VAGUE, "sometime"), "some time": (Cat.VAGUE, "sometime"),
    "eventually": (Cat.VAGUE, "sometime"), "shortly": (Cat.VAGUE, "soon"),
    "at some point": (Cat.VAGUE, "sometime"), "in a bit": (Cat.VAGUE, "soon"),
    "in a while": (Cat.VAGUE, "soon"), "when possible": (Cat.VAGUE, "whenever"),
    "when you can": (Cat.VAGUE, "whenever"), "later on": (Cat.VAGUE, "sometime"),
    "few": (Cat.FEW, None), "a few": (Cat.FEW, None), "several": (Cat.FEW, None),
    "some": (Cat.FEW, None), "couple": (Cat.NUMWORD, 2), "a couple of": (Cat.NUMWORD, 2),
    "a couple": (Cat.NUMWORD, 2), "couple of": (Cat.NUMWORD, 2),
    # holidays (fixed dates; Thanksgiving and friends are computed)
    "new year's eve": (Cat.HOLIDAY, "new_years_eve"),
    "new years eve": (Cat.HOLIDAY, "new_years_eve"),
    "nye": (Cat.HOLIDAY, "new_years_eve"), "new year's day": (Cat.HOLIDAY, "new_years_day"),
    "new years day": (Cat.HOLIDAY, "new_years_day"), "new year's": (Cat.HOLIDAY, "new_years_day"),
    "christmas eve": (Cat.HOLIDAY, "christmas_eve"), "christmas": (Cat.HOLIDAY, "christmas"),
    "xmas": (Cat.HOLIDAY, "christmas"), "christmas day": (Cat.HOLIDAY, "christmas"),
    "boxing day": (Cat.HOLIDAY, "boxing_day"), "halloween": (Cat.HOLIDAY, "halloween"),
    "valentine's day": (Cat.HOLIDAY, "valentines"), "valentines day": (Cat.HOLIDAY, "valentines"),
    "independence day": (Cat.HOLIDAY, "independence_day"),
    "thanksgiving": (Cat.HOLIDAY, "thanksgiving"), "black friday": (Cat.HOLIDAY, "black_friday"),
    "cyber monday": (Cat.HOLIDAY, "cyber_monday"), "labor day": (Cat.HOLIDAY, "labor_day"),
    "memorial day": (Cat.HOLIDAY, "memorial_day"),
    # zones (rule 15): only read right after a time; see _zones
}  # fmt: skip

for _number, _names in enumerate(WEEKDAYS_EN):
    for _name in _names:
        ENGLISH[_name] = (Cat.WEEKDAY, _number)
for _number, _names in enumerate(MONTHS_EN, start=1):
    for _name in _names:
        ENGLISH[_name] = (Cat.MONTH, _number)
for _word, _value in NUMBER_WORDS_EN.items():
    ENGLISH.setdefault(_word, (Cat.NUMWORD, _value))
_ORDINALS_EN: Final = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth",
)  # fmt: skip
for _number, _name in enumerate(_ORDINALS_EN, start=1):
    ENGLISH[_name] = (Cat.ORDWORD, _number)
for _tens, _stem in ((20, "twenty"), (30, "thirty")):
    for _unit, _name in enumerate(_ORDINALS_EN[: 31 - _tens if _tens == 30 else 9], start=1):
        ENGLISH[f"{_stem}-{_name}"] = ENGLISH[f"{_stem} {_name}"] = (Cat.ORDWORD, _tens + _unit)
ENGLISH["thirtieth"] = (Cat.ORDWORD, 30)
ENGLISH["a"] = (Cat.NUMWORD, 1)
ENGLISH["an"] = (Cat.NUMWORD, 1)
ENGLISH["q1"] = (Cat.QUARTER_NAME, 1)
ENGLISH["q2"] = (Cat.QUARTER_NAME, 2)
ENGLISH["q3"] = (Cat.QUARTER_NAME, 3)
ENGLISH["q4"] = (Cat.QUARTER_NAME, 4)
