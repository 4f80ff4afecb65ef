# ruff: noqa: RUF001 - typographic quotes are how taskbot quotes what a rep typed
"""`taskbot when`: human output, --json, --jsonl, and clear errors for bad input."""

from __future__ import annotations

import io
import json

import pytest

from bot.__main__ import main

NOW = ["--now", "2026-11-25T14:37-05:00", "--tz", "America/New_York"]


def test_human_output_echoes_the_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["when", *NOW, "next", "Friday"]) == 0
    out = capsys.readouterr().out
    assert out == 'due Fri 4 Dec 2026 17:00 EST (America/New_York) — read "next Friday"\n'


def test_a_refusal_prints_the_message_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["when", *NOW, "yesterday"]) == 1
    assert capsys.readouterr().out.startswith("‘yesterday’ is in the past")


def test_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["when", *NOW, "--kind", "start", "--json", "tomorrow"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["ok"] is True
    assert record["at"] == "2026-11-26T09:00:00-05:00"
    assert record["local"] == "2026-11-26T09:00:00"
    assert record["has_time"] is False
    assert record["kind"] == "start"


def test_json_refusal_has_reason_and_readings(capsys: pytest.CaptureFixture[str]) -> None:
    main(["when", *NOW, "--json", "3/12"])
    record = json.loads(capsys.readouterr().out)
    assert record["ok"] is False
    assert record["reason"] == "ambiguous"
    assert record["readings"] == ["2026-12-03", "2027-03-12"]


def test_jsonl_reads_rows_from_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [
        {"id": "a", "text": "tomorrow 3pm", "now": "2026-11-25T14:37:00-05:00",
         "tz": "America/New_York", "locale": "en-US", "kind": "due"},
        {"id": "b", "text": "yesterday", "now": "2026-11-25T14:37:00-05:00",
         "tz": "America/New_York", "locale": "en-US", "kind": "due"},
        {"id": "c", "text": "12/3", "now": "2026-11-26T01:07:00+05:30",
         "tz": "Asia/Kolkata", "locale": "en-IN", "kind": "start"},
    ]  # fmt: skip
    stdin = io.StringIO("\n".join(json.dumps(row) for row in rows) + "\n\n")
    monkeypatch.setattr("sys.stdin", stdin)
    assert main(["when", "--jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines[0] == {"id": "a", "result": "2026-11-26T15:00:00", "error": None}
    assert lines[1]["result"] is None
    assert "past" in lines[1]["error"]
    assert lines[2] == {"id": "c", "result": "2027-03-12T09:00:00", "error": None}  # D/M


def test_jsonl_rows_take_missing_fields_from_the_flags(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO('{"id": 7, "text": "EOD"}\n'))
    assert main(["when", "--jsonl", *NOW]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "id": 7, "result": "2026-11-25T17:00:00", "error": None,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("argv", "complaint"),
    [
        (["when", "--now", "yesterday-ish", "--tz", "UTC", "EOD"], "not an ISO 8601 time"),
        (
            ["when", "--now", "2026-11-25T14:37Z", "--tz", "Mars/Olympus", "EOD"],
            "unknown time zone",
        ),
        (["when", "--now", "2026-11-25T14:37Z", "--tz", "America", "EOD"], "unknown time zone"),
        (["when", "--now", "2026-11-25T14:37Z", "--tz", "+25:00", "EOD"], "unknown time zone"),
        (["when", "--now", "2026-11-25T14:37Z", "--tz", "UTC"], "give a phrase"),
    ],
)
def test_bad_input_is_a_clear_message_and_exit_2(
    argv: list[str], complaint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    assert complaint in capsys.readouterr().err


def test_bad_jsonl_row_names_the_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO('{"id": 1, "text": "EOD"}\nnot json\n'))
    assert main(["when", "--jsonl", *NOW]) == 2
    assert "line 2" in capsys.readouterr().err


def test_tz_defaults_to_the_settings_zone(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TASKBOT_DEFAULT_TIMEZONE", "Europe/Berlin")
    monkeypatch.chdir("/")  # no .env
    assert main(["when", "--now", "2026-11-25T14:37Z", "tomorrow"]) == 0
    assert "(Europe/Berlin)" in capsys.readouterr().out


def test_a_naive_now_is_a_wall_time_in_the_zone(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["when", "--now", "2026-11-25T14:37", "--tz", "Asia/Kolkata", "--json", "EOD"]) == 0
    assert json.loads(capsys.readouterr().out)["local"] == "2026-11-25T17:00:00"


@pytest.mark.parametrize("offset", ["+05:30", "UTC+05:30", "+0530"])
def test_an_offset_zone_is_read_and_written_the_one_way(
    offset: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["when", "--now", "2026-11-25T09:07Z", "--tz", offset, "--json", "EOD"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["tz"] == "UTC+05:30"  # what the form's metadata and a repeated hour write
    assert answer["at"] == "2026-11-25T17:00:00+05:30"
