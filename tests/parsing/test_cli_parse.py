# ruff: noqa: RUF001 - typographic quotes are how taskbot quotes what a rep typed
"""`taskbot parse`: human output, --json, --jsonl, exit codes and clear errors for bad input."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from bot.__main__ import main

NOW = ["--now", "2026-11-25T14:37-05:00", "--tz", "America/New_York"]


def _stdin(monkeypatch: pytest.MonkeyPatch, rows: list[Any] | str) -> None:
    text = rows if isinstance(rows, str) else "".join(json.dumps(row) + "\n" for row in rows)
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def test_human_output(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["parse", *NOW, "call", "jane@acme.com", "tomorrow", "3pm", "Ask", "about", "pricing"]
    assert main(argv) == 0
    assert capsys.readouterr().out == (
        "type      Call\n"
        "contact   jane@acme.com (email)\n"
        "start     Wed 25 Nov 2026 14:37 EST (now)\n"
        "due       Thu 26 Nov 2026 15:00 EST (read ‘tomorrow 3pm’)\n"
        "body      Ask about pricing\n"
        "zone      America/New_York\n"
        "problems  none\n"
    )


def test_human_output_shows_a_range_as_both_ends(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", *NOW, "mtg", "jane@acme.com", "tomorrow", "2-3pm", "Demo"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2:4] == [
        "start     Thu 26 Nov 2026 14:00 EST (read ‘tomorrow 2-3pm’)",
        "due       Thu 26 Nov 2026 15:00 EST (read ‘tomorrow 2-3pm’)",
    ]


def test_human_output_with_problems_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", *NOW, "li Priya subject: Hi | line one\nline two"]) == 1
    out = capsys.readouterr().out
    assert "type      LinkedIn\n" in out
    assert "contact   Priya (name) — a guess, to confirm\n" in out
    assert "due       Wed 25 Nov 2026 17:00 EST (no date given)\n" in out
    assert "body      Priya line one\n          line two\n" in out
    assert "subject   Hi\n" in out
    assert "problems  linkedin_action: Which LinkedIn action?" in out


def test_a_refused_date_is_shown_as_not_read(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", *NOW, "todo send the quote yesterday"]) == 1
    out = capsys.readouterr().out
    assert "due       (not read; see problems)\n" in out
    assert "problems  due_to: ‘yesterday’ is in the past" in out


def test_help_is_not_a_problem(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", *NOW, "help"]) == 0
    assert capsys.readouterr().out.startswith("help:")


def test_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", *NOW, "--json", "mtg", '"Jane Doe"', "from Mon 9am to Mon 5pm QBR"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record == {
        "text": 'mtg "Jane Doe" from Mon 9am to Mon 5pm QBR',
        "is_help": False,
        "type": "Meeting",
        "linkedin_action": None,
        "contact": {"kind": "name", "value": "Jane Doe", "origin": "typed"},
        "start": "2026-11-30T09:00:00-05:00",
        "due": "2026-11-30T17:00:00-05:00",
        "start_local": "2026-11-30T09:00:00",
        "due_local": "2026-11-30T17:00:00",
        "due_defaulted": False,
        "date_text": "from Mon 9am to Mon 5pm",
        "body": "QBR",
        "subject": None,
        "tz": "America/New_York",
        "problems": [],
        "recognised": [
            {"role": "type", "text": "mtg"},
            {"role": "contact", "text": '"Jane Doe"'},
            {"role": "date", "text": "from Mon 9am to Mon 5pm"},
        ],
    }


def test_json_problems_and_subject(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", *NOW, "--json", "email subject: Hi | Body"]) == 1
    record = json.loads(capsys.readouterr().out)
    assert record["subject"] == "Hi"
    assert record["body"] == "Body"
    assert [problem["field"] for problem in record["problems"]] == ["contact"]
    assert record["due_defaulted"] is True


def test_jsonl_reads_rows_from_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(
        monkeypatch,
        [
            {"id": "a", "text": "call jane@acme.com tomorrow 3pm hi",
             "now": "2026-11-25T14:37:00-05:00", "tz": "America/New_York", "locale": "en-US"},
            {"id": "b", "text": "Angebot an Müller GmbH morgen 15 Uhr schicken",
             "now": "2026-11-25T20:37:00+01:00", "tz": "Europe/Berlin", "locale": "de-DE"},
            {"id": "c", "text": "send quote to Bruce 3/12",
             "now": "2026-11-26T06:37:00+11:00", "tz": "Australia/Sydney", "locale": "en-AU"},
        ],
    )  # fmt: skip
    assert main(["parse", "--jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["id"] for line in lines] == ["a", "b", "c"]
    assert [line["due_local"] for line in lines] == [
        "2026-11-26T15:00:00", "2026-11-26T15:00:00", "2026-12-03T17:00:00",
    ]  # fmt: skip
    assert lines[1]["body"] == "Angebot an Müller GmbH schicken"
    assert lines[1]["tz"] == "Europe/Berlin"


def test_jsonl_rows_take_missing_fields_from_the_flags(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, '{"id": 7, "text": "todo EOD prep"}\n\n')
    assert main(["parse", "--jsonl", *NOW, "--locale", "en-GB"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["id"], record["due_local"], record["body"]) == (7, "2026-11-25T17:00:00", "prep")


@pytest.mark.parametrize(
    ("argv", "complaint"),
    [
        (["parse", "--now", "yesterday-ish", "--tz", "UTC", "todo x"], "not an ISO 8601 time"),
        (["parse", "--now", "2026-11-25T14:37Z", "--tz", "Mars/Olympus", "x"], "unknown time zone"),
        (["parse", *NOW], "give a command"),
        (["parse", *NOW, "  "], "give a command"),
    ],
)
def test_bad_input_is_a_clear_message_and_exit_2(
    argv: list[str], complaint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("taskbot parse: ")
    assert complaint in err


@pytest.mark.parametrize(
    ("rows", "complaint"),
    [
        ('{"id": 1, "text": "todo x"}\nnot json\n', "line 2"),
        ('["not", "an", "object"]\n', "string 'text'"),
        ('{"id": 1, "text": 3}\n', "string 'text'"),
        ('{"id": 1, "text": "x", "tz": 5}\n', "time zone"),
        ('{"id": 1, "text": "x", "now": 5}\n', "ISO 8601"),
    ],
)
def test_a_bad_row_names_the_line_and_exits_2(
    rows: str, complaint: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, rows)
    assert main(["parse", "--jsonl", *NOW]) == 2
    err = capsys.readouterr().err
    assert "taskbot parse: line " in err
    assert complaint in err


def test_tz_defaults_to_the_settings_zone(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TASKBOT_DEFAULT_TIMEZONE", "Asia/Kolkata")
    monkeypatch.chdir("/")  # no .env
    assert main(["parse", "--now", "2026-11-25T19:37Z", "--json", "todo EOD x"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["tz"] == "Asia/Kolkata"
    assert record["due"] == "2026-11-26T17:00:00+05:30"  # already Thursday there


def test_an_offset_zone_like_slacks_tz_offset(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["parse", "--now", "2026-11-25T19:37Z", "--tz", "+05:30", "--json", "todo EOD x"]
    assert main(argv) == 0
    assert json.loads(capsys.readouterr().out)["due"] == "2026-11-26T17:00:00+05:30"


def test_a_contact_found_in_the_description_is_marked(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", *NOW, "call about bob@acme.com tomorrow"]) == 1
    out = capsys.readouterr().out
    assert "contact   bob@acme.com (email) — found in the description, to confirm\n" in out
