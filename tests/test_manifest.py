"""manifest.yml is a manifest Slack accepts, and it agrees with bot/ids.py.

Validated offline with Slack's own v1 schema (slackapi/manifest-schema, draft-07; the versioned
file is self-contained, the root one dispatches by remote $ref, so we load the versioned one).
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from bot import ids

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_FILE = ROOT / "tests/data/slack/manifest-schema/manifest.schema.1.0.0.json"

# Every bot scope taskbot may ask for, and why (see the comment in manifest.yml).
ALLOWED_BOT_SCOPES = {
    "commands": "/task and the shortcuts",
    "chat:write": "cards in the app's DM, chat.update",
    "users:read": "users.info: the rep's tz, tz_offset and locale",
}


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    loaded = yaml.safe_load((ROOT / "manifest.yml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft7Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def errors(validator: jsonschema.Draft7Validator, document: dict[str, Any]) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator.iter_errors(document)
    ]


def test_the_manifest_is_valid_against_slacks_v1_schema(
    manifest: dict[str, Any], validator: jsonschema.Draft7Validator
) -> None:
    assert errors(validator, manifest) == []
    assert manifest["_metadata"]["major_version"] == 1


def test_display_information_fits_slacks_limits(manifest: dict[str, Any]) -> None:
    info = manifest["display_information"]
    assert 1 <= len(info["name"]) <= 35
    assert 1 <= len(info["description"]) <= 140
    # The schema spells this rule "regex" (not a JSON Schema keyword), so it is checked here.
    assert re.fullmatch(r"#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?", info["background_color"])


def test_the_command_is_the_one_the_app_listens_to(manifest: dict[str, Any]) -> None:
    commands = manifest["features"]["slash_commands"]
    assert [c["command"] for c in commands] == [ids.COMMAND]
    (task,) = commands
    assert task["description"]
    assert task["usage_hint"]
    # A deliberate choice, explained in manifest.yml: the body goes to Reply verbatim.
    assert task["should_escape"] is False


def test_shortcut_callback_ids_equal_bot_ids(manifest: dict[str, Any]) -> None:
    shortcuts = {s["type"]: s for s in manifest["features"]["shortcuts"]}
    assert shortcuts["global"]["callback_id"] == ids.GLOBAL_SHORTCUT
    assert shortcuts["message"]["callback_id"] == ids.MESSAGE_SHORTCUT
    assert {s["name"] for s in shortcuts.values()} == {"Create Reply task"}
    assert len(manifest["features"]["shortcuts"]) == 2


def test_every_scope_is_justified(manifest: dict[str, Any]) -> None:
    scopes = manifest["oauth_config"]["scopes"]
    assert set(scopes) == {"bot"}, "taskbot asks for no user scopes"
    assert set(scopes["bot"]) <= set(ALLOWED_BOT_SCOPES)
    assert {"commands", "chat:write", "users:read"} <= set(scopes["bot"])


def test_socket_mode_and_interactivity_are_on(manifest: dict[str, Any]) -> None:
    settings = manifest["settings"]
    assert settings["socket_mode_enabled"] is True
    assert settings["interactivity"]["is_enabled"] is True
    assert manifest["features"]["bot_user"]["always_online"] is True


def test_modal_and_card_ids_fit_slacks_limits() -> None:
    """callback_id, action_id and block_id: at most 255 characters (Block Kit reference)."""
    values = [
        value
        for name, value in vars(ids).items()
        if name.isupper() and isinstance(value, str) and name != "COMMAND"
    ]
    assert len(values) > 20
    assert all(0 < len(v) <= 255 for v in values)
    card = [ids.DONE, ids.EDIT, ids.CANCEL, ids.SHARE, *ids.CALL_OUTCOMES.values()]
    assert len(set(card)) == len(card)
    keywords = [action.rsplit(".", 1)[1] for action in card]
    assert len(set(keywords)) == len(keywords), "console keywords must not collide"
    assert ids.PICK_CONTACT_PATTERN.fullmatch(ids.pick_contact(25))
    with pytest.raises(ValueError, match="1 to 25"):
        ids.pick_contact(26)


# --------------------------------------------------------------------------------------
# Negative controls: the validator really rejects what Slack rejects.


def _broken(manifest: dict[str, Any], path: list[str | int], value: object) -> dict[str, Any]:
    document = copy.deepcopy(manifest)
    target: Any = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return document


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (["features", "slash_commands", 0, "command"], "task", "does not match"),
        (["features", "shortcuts", 0, "name"], "Create a task in Reply.io now", "is too long"),
        (["features", "shortcuts", 1, "type"], "channel", "is not one of"),
        (["display_information", "name"], "t" * 36, "is too long"),
        (["settings", "socket_mode"], True, "Additional properties"),
    ],
    ids=[
        "command-without-slash",
        "shortcut-name-over-24",
        "bad-shortcut-type",
        "long-name",
        "typo",
    ],
)
def test_a_broken_copy_is_rejected(
    manifest: dict[str, Any],
    validator: jsonschema.Draft7Validator,
    path: list[str | int],
    value: object,
    message: str,
) -> None:
    found = errors(validator, _broken(manifest, path, value))
    assert found, "the schema accepted a broken manifest"
    assert any(message in e for e in found), found
