# ruff: noqa: RUF001 - typographic quotes are how taskbot quotes what a rep typed
"""Phrasings the held-out sets showed the reader missing, each read by a general rule rather than
a phrase list: impossible yearless dates, typos, end of a period in each language, British "a
week on Monday", hour ranges without am/pm, "and a half", spelled ordinals, "<weekday> after
next", postposed "next", bare day-level durations, Dutch compounds and colon times."""

from __future__ import annotations

from datetime import date

import pytest

from bot.parsing.dates import DateRefusal, RefusalReason, find_date, read_date
from tests.parsing.dates_support import ctx, local

# Wed 2026-11-25 14:37 New York: the reference instant of CONVENTIONS.md.
NOW = "2026-11-25T14:37"


def read(text: str, now: str = NOW, tz: str = "America/New_York", locale: str | None = "en-US",
         kind: str = "due") -> str | None:  # fmt: skip
    return local(read_date(text, ctx(now, tz, locale), kind))  # type: ignore[arg-type]


# -- rules 13/17: a yearless date that does not exist in the year it lands in ----------------


@pytest.mark.parametrize(
    ("text", "now", "detail", "either_side"),
    [
        ("2/29", "2027-02-14T08:00", "Feb 29 2027", (date(2027, 2, 28), date(2027, 3, 1))),
        ("Feb 29", "2027-01-10T08:00", "Feb 29 2027", (date(2027, 2, 28), date(2027, 3, 1))),
        ("June 31", "2026-06-15T08:00", "Jun 31 2026", (date(2026, 6, 30), date(2026, 7, 1))),
        ("Feb 30", NOW, "Feb 30 2027", (date(2027, 2, 28), date(2027, 3, 1))),
        ("Feb 29 2027", NOW, "Feb 29 2027", (date(2027, 2, 28), date(2027, 3, 1))),
    ],
)
def test_a_month_day_the_year_lacks_is_refused_with_the_dates_either_side(
    text: str, now: str, detail: str, either_side: tuple[date, date]
) -> None:
    result = read_date(text, ctx(now))
    assert isinstance(result, DateRefusal)
    assert result.reason is RefusalReason.IMPOSSIBLE
    assert (result.detail, result.readings) == (detail, either_side)
    first, second = either_side
    assert f"‘{detail}’ isn't a real date or time" in result.message
    assert f"{first:%a} {first.day} {first:%b}" in result.message
    assert f"{second:%a} {second.day} {second:%b}" in result.message


@pytest.mark.parametrize(
    ("text", "now", "expect"),
    [
        ("Feb 29", "2027-11-30T10:00", "2028-02-29T17:00:00"),  # rolls into a leap year
        ("2/29", "2028-02-14T10:00", "2028-02-29T17:00:00"),  # this year is a leap year
        ("Feb 29", "2027-03-10T10:00", "2028-02-29T17:00:00"),  # 2027's place passed: 2028
        ("Jan 5", NOW, "2027-01-05T17:00:00"),  # an ordinary roll is unchanged
    ],
)
def test_a_month_day_that_exists_where_it_lands_is_read(text: str, now: str, expect: str) -> None:
    assert read(text, now) == expect


# -- typos in weekday and month names -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("wendsday", "2026-12-02T17:00:00"),  # a swap and a deletion: two edits
        ("wensday 3pm", "2026-12-02T15:00:00"),
        ("thrusday", "2026-11-26T17:00:00"),  # one swap
        ("satruday", "2026-11-28T17:00:00"),
        ("Janaury 8", "2027-01-08T17:00:00"),
        ("Feburary 3", "2027-02-03T17:00:00"),
        ("Septmber 2", "2027-09-02T17:00:00"),
    ],
)
def test_a_slip_in_a_long_name_is_read(text: str, expect: str) -> None:
    assert read(text) == expect


@pytest.mark.parametrize(
    "text",
    [
        "tursday",  # as close to Tuesday as to Thursday: not guessed at
        "remember",  # two edits from "december", but a different first letter
        "frida",  # too short to correct
    ],
)
def test_a_word_that_is_not_clearly_one_name_is_not_read(text: str) -> None:
    assert read(text) is None


def test_a_corrected_word_still_names_its_span_in_free_text() -> None:
    found = find_date("send the deck wendsday", ctx(NOW))
    assert found is not None
    assert (found.date_text, found.rest_text, local(found)) == (
        "wendsday", "send the deck", "2026-12-02T17:00:00"
    )  # fmt: skip


# -- rules 10/19: end of a period in each language; modifiers after their noun --------------

# Wed 2026-09-30 11:20: the last day of September and of Q3, so "end of the month/quarter"
# is today and "end of next month/quarter" is Oct 31 / Dec 31.
END_OF_Q3 = "2026-09-30T11:20"


@pytest.mark.parametrize(
    ("text", "tz", "locale", "expect"),
    [
        ("Ende des Quartals", "Europe/Berlin", "de-DE", "2026-09-30T17:00:00"),
        ("Quartalsende", "Europe/Berlin", "de-DE", "2026-09-30T17:00:00"),
        ("Ende des Monats", "Europe/Berlin", "de-DE", "2026-09-30T17:00:00"),
        ("Ende des Jahres", "Europe/Berlin", "de-DE", "2026-12-31T17:00:00"),
        ("fin del trimestre", "Europe/Madrid", "es-ES", "2026-09-30T17:00:00"),
        ("final del año", "Europe/Madrid", "es-ES", "2026-12-31T17:00:00"),
        ("fin du trimestre", "Europe/Paris", "fr-FR", "2026-09-30T17:00:00"),
        ("fin de l'année", "Europe/Paris", "fr-FR", "2026-12-31T17:00:00"),
        ("fine del trimestre", "Europe/Rome", "it-IT", "2026-09-30T17:00:00"),
        ("fine dell'anno", "Europe/Rome", "it-IT", "2026-12-31T17:00:00"),
        ("einde van het kwartaal", "Europe/Amsterdam", "nl-NL", "2026-09-30T17:00:00"),
        ("eind van de maand", "Europe/Amsterdam", "nl-NL", "2026-09-30T17:00:00"),
        ("fim do mês", "America/Sao_Paulo", "pt-BR", "2026-09-30T17:00:00"),
        ("fim do trimestre", "America/Sao_Paulo", "pt-BR", "2026-09-30T17:00:00"),
        # the modifier after the noun
        ("fin du mois prochain", "Europe/Paris", "fr-FR", "2026-10-31T17:00:00"),
        ("fin del trimestre que viene", "Europe/Madrid", "es-ES", "2026-12-31T17:00:00"),
        ("fine del mese prossimo", "Europe/Rome", "it-IT", "2026-10-31T17:00:00"),
        ("início do mês que vem", "America/Sao_Paulo", "pt-BR", "2026-10-01T17:00:00"),
        ("la semaine prochaine", "Europe/Paris", "fr-FR", "2026-10-05T17:00:00"),
        ("la settimana prossima", "Europe/Rome", "it-IT", "2026-10-05T17:00:00"),
    ],
)
def test_end_of_a_period_in_each_language(text: str, tz: str, locale: str, expect: str) -> None:
    assert read(text, END_OF_Q3, tz, locale) == expect


@pytest.mark.parametrize(
    ("text", "locale", "expect"),
    [
        # rule 6: in next calendar week (Mon Oct 5 - Sun Oct 11), not the nearest
        ("vendredi prochain", "fr-FR", "2026-10-09T17:00:00"),
        ("lundi prochain à 10h", "fr-FR", "2026-10-05T10:00:00"),
        ("el viernes próximo", "es-ES", "2026-10-09T17:00:00"),
        ("martes que viene", "es-ES", "2026-10-06T17:00:00"),
        ("sexta que vem", "pt-BR", "2026-10-09T17:00:00"),
        ("venerdì prossimo", "it-IT", "2026-10-09T17:00:00"),
        ("Friday next", "en-GB", "2026-10-09T17:00:00"),
        ("mardi dernier", "fr-FR", None),  # past
    ],
)
def test_a_weekday_with_its_modifier_after_it(text: str, locale: str, expect: str | None) -> None:
    assert read(text, END_OF_Q3, "Europe/Paris", locale) == expect


# -- rules 7/8/1: "a week on Monday", "after next", "and a half", bare day-level durations -----


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        # rule 7: British "a week on Monday" = a week from Monday (Mon Nov 30 + 7)
        ("a week on Monday", "2026-12-07T17:00:00"),
        ("two weeks on Friday", "2026-12-11T17:00:00"),  # Fri Nov 27 + 14
        # rule 6 + 7: the <weekday> after next = next <weekday> (next calendar week) + 7
        ("Thursday after next", "2026-12-10T17:00:00"),
        ("the Friday after next at 3", "2026-12-11T15:00:00"),
        # rule 11: the week after next starts on its Monday; rule 10: ends on its Friday
        ("the week after next", "2026-12-07T17:00:00"),
        ("end of the week after next", "2026-12-11T17:00:00"),
        # rule 8: half a unit more, exact to the minute
        ("in an hour and a half", "2026-11-25T16:07:00"),
        ("in one and a half hours", "2026-11-25T16:07:00"),
        ("in 2 and a half hours", "2026-11-25T17:07:00"),
        # rule 1: a bare day-level duration is a date when it is the whole phrase
        ("2 weeks", "2026-12-09T17:00:00"),
        ("3 days", "2026-11-28T17:00:00"),
    ],
)
def test_offsets_and_durations(text: str, expect: str) -> None:
    assert read(text) == expect


@pytest.mark.parametrize(
    ("text", "tz", "locale", "expect"),
    [
        ("dentro de una hora y media", "Europe/Madrid", "es-ES", "2026-11-25T22:07:00"),
        ("dans une heure et demie", "Europe/Paris", "fr-FR", "2026-11-25T22:07:00"),
        ("daqui a uma hora e meia", "Europe/Lisbon", "pt-PT", "2026-11-25T21:07:00"),
        ("in eineinhalb Stunden", "Europe/Berlin", "de-DE", "2026-11-25T22:07:00"),
        ("over anderhalf uur", "Europe/Amsterdam", "nl-NL", "2026-11-25T22:07:00"),
        ("over 2 uur", "Europe/Amsterdam", "nl-NL", "2026-11-25T22:37:00"),  # uur = hours here
    ],
)
def test_an_hour_and_a_half_in_each_language(text: str, tz: str, locale: str, expect: str) -> None:
    assert read(text, "2026-11-25T19:37:00+00:00", tz, locale) == expect


@pytest.mark.parametrize(
    "command",
    ["set up a trial for 2 weeks", "they want 3 days of onsite training", "a week on site"],
)
def test_a_bare_duration_inside_a_sentence_is_not_a_due_date(command: str) -> None:
    assert find_date(command, ctx(NOW)) is None


# -- rules 16/3: an hour range without am/pm right after a day ---------------------------------


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("Mon 1-3", "2026-11-30T13:00:00"),  # not Jan 3 (a Sunday): bare 1 -> pm
        ("Tues 9-11", "2026-12-01T09:00:00"),  # not Sep 11: bare 9 -> am
        ("Mon 10-2", "2026-11-30T10:00:00"),  # 10am to 2pm
        ("tomorrow 2-4", "2026-11-26T14:00:00"),
        ("Mon 9-11 am", "2026-11-30T09:00:00"),
        ("Friday 3-5 pm", "2026-11-27T15:00:00"),
        ("12-3", "2026-12-03T17:00:00"),  # alone it is still a date (rule 14)
    ],
)
def test_a_dashed_pair_of_hours_after_a_day_is_a_slot(text: str, expect: str) -> None:
    assert read(text) == expect


def test_a_dashed_pair_that_cannot_be_hours_stays_a_date() -> None:
    result = read_date("Mon 1-15", ctx(NOW))  # Jan 15 2027 is a Friday
    assert isinstance(result, DateRefusal)
    assert result.reason is RefusalReason.WEEKDAY_MISMATCH


# -- rule 13: spelled ordinals beside a month; the n-th weekday of a month --------------------


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("December the third", "2026-12-03T17:00:00"),
        ("Dec third at 4", "2026-12-03T16:00:00"),
        ("the third of December", "2026-12-03T17:00:00"),
        ("the twenty-first of December", "2026-12-21T17:00:00"),
        ("January thirty first", "2027-01-31T17:00:00"),
        ("by the first", "2026-12-01T17:00:00"),  # the whole phrase: the next 1st
        ("the 15th of the month", "2026-12-15T17:00:00"),
        ("first Monday of December", "2026-12-07T17:00:00"),
        ("2nd Tuesday in March", "2027-03-09T17:00:00"),
        ("last Friday of the month", "2026-11-27T17:00:00"),
        ("last Friday of next month", "2026-12-25T17:00:00"),
        ("first Monday of the month", "2026-12-07T17:00:00"),  # November's has passed
        ("fifth Tuesday of March", "2027-03-30T17:00:00"),
    ],
)
def test_spelled_ordinals_and_nth_weekdays(text: str, expect: str) -> None:
    assert read(text) == expect


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("first Monday of November", RefusalReason.PAST),  # Nov 2, in the last ~30 days
        ("fifth Monday of February", RefusalReason.IMPOSSIBLE),  # Feb 2027 has four
        ("December the thirty-second", RefusalReason.UNREADABLE),
    ],
)
def test_nth_weekdays_that_cannot_be(text: str, reason: RefusalReason) -> None:
    result = read_date(text, ctx(NOW))
    assert isinstance(result, DateRefusal)
    assert result.reason is reason


@pytest.mark.parametrize(
    "command",
    ["send the first draft to Ana", "book a second call with Acme", "loop in a third party"],
)
def test_a_spelled_ordinal_in_a_sentence_is_not_a_day(command: str) -> None:
    assert find_date(command, ctx(NOW)) is None


# -- rules 9/19: day + part of day written as one word (Dutch, German) ------------------------

# Fri 2027-04-30 17:30
FRIDAY_EVENING = "2027-04-30T17:30"


@pytest.mark.parametrize(
    ("text", "tz", "locale", "expect"),
    [
        ("morgenochtend", "Europe/Amsterdam", "nl-NL", "2027-05-01T09:00:00"),
        ("vrijdagmiddag", "Europe/Amsterdam", "nl-NL", "2027-05-07T14:00:00"),
        ("morgenavond om 8", "Europe/Amsterdam", "nl-NL", "2027-05-01T20:00:00"),
        ("Freitagnachmittag", "Europe/Berlin", "de-DE", "2027-05-07T14:00:00"),
        ("Montagabend", "Europe/Berlin", "de-DE", "2027-05-03T18:00:00"),
    ],
)
def test_a_compound_of_a_day_and_a_part_of_day(
    text: str, tz: str, locale: str, expect: str
) -> None:
    assert read(text, FRIDAY_EVENING, tz, locale) == expect


def test_a_compound_names_its_whole_word_in_free_text() -> None:
    found = find_date(
        "bel Sanne morgenochtend terug", ctx(FRIDAY_EVENING, "Europe/Amsterdam", "nl-NL")
    )
    assert found is not None
    assert (found.date_text, found.rest_text) == ("morgenochtend", "bel Sanne terug")


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("el tres de diciembre", "2026-12-03T17:00:00"),
        ("dos de enero a las 10", "2027-01-02T10:00:00"),
    ],
)
def test_a_number_word_before_a_month_is_its_day(text: str, expect: str) -> None:
    assert read(text, "2026-11-25T20:37", "Europe/Madrid", "es-ES") == expect


def test_a_number_word_before_a_month_in_a_command_counts_things() -> None:
    assert find_date("send the two May contracts", ctx(NOW)) is None


# -- rule 16: a range reads as its start, and keeps its end for the command grammar ----------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("tomorrow 2-3pm", "2026-11-26T14:00", "2026-11-26T15:00"),
        ("Mon 1-3", "2026-11-30T13:00", "2026-11-30T15:00"),  # rule 3 for both bare hours
        ("between 3 and 4 tomorrow", "2026-11-26T15:00", "2026-11-26T16:00"),
        ("Fri 11-1", "2026-11-27T11:00", "2026-11-27T13:00"),
        ("Fri 10pm-1am", "2026-11-27T22:00", "2026-11-28T01:00"),  # wraps past midnight
        ("tomorrow 2-3pm PT", "2026-11-26T17:00", "2026-11-26T18:00"),  # both in PT
    ],
)
def test_a_range_is_read_as_its_start_and_keeps_its_end(text: str, start: str, end: str) -> None:
    result = read_date(text, ctx(NOW), "start")
    assert not isinstance(result, DateRefusal)
    assert local(result) == f"{start}:00"
    assert result.until is not None
    assert result.until.replace(tzinfo=None).isoformat(timespec="minutes") == end


def test_a_single_time_has_no_end() -> None:
    result = read_date("tomorrow 3pm", ctx(NOW), "start")
    assert not isinstance(result, DateRefusal)
    assert result.until is None
