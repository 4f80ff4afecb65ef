"""The held-out date phrases (tests/data/dates/holdout.jsonl), one test per row.

The rows were worked out by hand from CONVENTIONS.md at instants, zones and locales the example
files never use, before the parser was run on them: they measure how the rules generalise, not
how well the parser fits its own examples. A row the parser gets wrong stays in the file, and
its test is a strict xfail naming the rule it breaks, so a fix shows up as an XPASS to re-mark.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.parsing.dates import DateRefusal, read_date
from tests.parsing.dates_support import ctx, local

HOLDOUT = Path(__file__).resolve().parents[1] / "data" / "dates" / "holdout.jsonl"

# Rows the parser reads against the rules; the reason says which rule and what it answered.
# "contested" marks rows where the rules themselves pull two ways (see the row's note).
PARSER_MISSES: dict[str, str] = {
    "h028": "rule 7: British 'a week on Monday' (= a week from Monday, Oct 19) is refused as "
    "unreadable; 'a week from Monday' and 'Monday week' are read",
    "h108": "contested, rule 14: with no locale '05/11/2026' is read as 5 Nov because the "
    "May 11 reading is past; the rule says an ambiguous pair is asked about ('5/11' is)",
    "h118": "typo: 'wendsday' is refused as unreadable (the examples' 'wednesdy' is read)",
    "h127": "contested, rules 14/16/17: 'Mon 1-3' is read as Monday Jan 3 (M-D) and refused "
    "as a weekday mismatch instead of the range Monday 13:00-15:00 ('Mon 1-3pm' is read)",
    "h138": "rules 13/17: '2/29' in Feb 2027 becomes 2028-02-29 (two years' roll) instead of "
    "an impossible date; Feb 30 is refused",
    "h158": "rule 19: German 'Ende des Quartals' (end of quarter) is refused as unreadable",
}


def _rows() -> list[Any]:
    rows = [json.loads(line) for line in HOLDOUT.read_text("utf-8").splitlines() if line]
    return [
        pytest.param(
            row,
            id=row["id"],
            marks=[pytest.mark.xfail(strict=True, reason=PARSER_MISSES[row["id"]])]
            if row["id"] in PARSER_MISSES
            else [],
        )
        for row in rows
    ]


@pytest.mark.parametrize("row", _rows())
def test_holdout_phrase(row: dict[str, Any]) -> None:
    result = read_date(row["text"], ctx(row["now"], row["tz"], row["locale"]), row["kind"])
    assert local(result) == row["expect"], result
    if row["expect"] is None:
        assert isinstance(result, DateRefusal)
        assert result.message


def test_every_miss_names_a_row() -> None:
    ids = {param.id for param in _rows()}
    assert set(PARSER_MISSES) <= ids
