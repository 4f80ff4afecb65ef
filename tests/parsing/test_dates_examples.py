"""Every worked example of tests/data/dates/ (copied from shared/dates) as its own test."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.parsing.dates import DateRefusal, ReadDate, find_date, read_date
from tests.parsing.dates_support import ctx, local

DATA = Path(__file__).resolve().parents[1] / "data" / "dates"


def _rows(name: str) -> list[Any]:
    rows = [json.loads(line) for line in (DATA / name).read_text("utf-8").splitlines() if line]
    return [pytest.param(row, id=row["id"]) for row in rows]


@pytest.mark.parametrize("row", _rows("phrases.jsonl"))
def test_phrase(row: dict[str, Any]) -> None:
    result = read_date(row["text"], ctx(row["now"], row["tz"], row["locale"]), row["kind"])
    assert local(result) == row["expect"], result
    at = result.at if isinstance(result, ReadDate) else result.resolved
    if at is not None:
        assert at.tzinfo is not None
        assert at.utcoffset() == at.astimezone(ctx(row["now"], row["tz"]).tz).utcoffset()
    if row["expect"] is None:
        assert isinstance(result, DateRefusal)
        assert result.message


@pytest.mark.parametrize("row", _rows("commands.jsonl"))
def test_command(row: dict[str, Any]) -> None:
    found = find_date(row["text"], ctx(row["now"], row["tz"], row["locale"]), row["kind"])
    if row["date_text"] is None:
        assert found is None, found
        return
    assert found is not None
    assert found.date_text == row["date_text"]
    assert row["text"][found.start : found.end] == found.date_text
    assert local(found) == row["expect"], found.result
    assert found.rest_text == row["rest_text"]


def test_the_example_files_are_the_shared_ones_copied_whole() -> None:
    assert len(_rows("phrases.jsonl")) == 243
    assert len(_rows("commands.jsonl")) == 47
