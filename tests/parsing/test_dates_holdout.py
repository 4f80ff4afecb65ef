"""The held-out date phrases, one test per row of each held-out file.

Both files were worked out by hand from CONVENTIONS.md at instants, zones and locales the example
files never use, before the parser was run on them: they measure how the rules generalise, not
how well the parser fits its own examples. `holdout.jsonl` (h001-h160) came first;
`holdout2.jsonl` (k001-k080) was written later, before any of the fixes its misses prompted, with
month/quarter/year ends, DST eves, the 2028 leap day, half-hour and 45-minute offsets and
phrasings reps type that neither earlier file has. A row the parser gets wrong stays in its file,
and its test is a strict xfail naming the rule it breaks, so a fix shows up as an XPASS to re-mark.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.parsing.dates import DateRefusal, read_date
from tests.parsing.dates_support import ctx, local

DATA = Path(__file__).resolve().parents[1] / "data" / "dates"
HOLDOUT_FILES = ("holdout.jsonl", "holdout2.jsonl")

# Rows the parser reads against the rules; the reason says which rule and what it answered.
# "contested" marks rows where the rules themselves pull two ways (see the row's note).
PARSER_MISSES: dict[str, str] = {
    "h108": "contested, rule 14: with no locale '05/11/2026' is read as 5 Nov because the "
    "May 11 reading is past; the rule says an ambiguous pair is asked about ('5/11' is)",
    "k010": "contested, rules 10/17: 'EOM' at 22:50 on Jan 31 (EOM already passed) rolls to "
    "Feb 28 - the documented choice in _periods.py for an end of period that has passed (EOW "
    "on Saturday) - where rule 17 read alone would refuse it as past",
    "k056": "contested, rule 3: with an nl-NL locale '1:15' is read as 01:15 (a colon time is "
    "24-hour outside English, a deliberate choice tested in test_dates_clock: 'morgen 5:00' is "
    "05:00) rather than rule 3's business-hours 13:15",
}


def holdout_rows(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (DATA / name).read_text("utf-8").splitlines() if line]


def _params() -> list[Any]:
    return [
        pytest.param(
            row,
            id=row["id"],
            marks=[pytest.mark.xfail(strict=True, reason=PARSER_MISSES[row["id"]])]
            if row["id"] in PARSER_MISSES
            else [],
        )
        for name in HOLDOUT_FILES
        for row in holdout_rows(name)
    ]


@pytest.mark.parametrize("row", _params())
def test_holdout_phrase(row: dict[str, Any]) -> None:
    result = read_date(row["text"], ctx(row["now"], row["tz"], row["locale"]), row["kind"])
    assert local(result) == row["expect"], result
    if row["expect"] is None:
        assert isinstance(result, DateRefusal)
        assert result.message


def test_every_miss_names_a_row() -> None:
    ids = {param.id for param in _params()}
    assert set(PARSER_MISSES) <= ids


@pytest.mark.parametrize("name", HOLDOUT_FILES)
def test_rows_are_well_formed(name: str) -> None:
    rows = holdout_rows(name)
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for row in rows:
        assert row["kind"] in {"due", "start"}, row["id"]
