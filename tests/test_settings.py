"""Settings: the environment contract, and the README's table that documents it."""

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.reply.enums import Dialect
from bot.settings import ENV_NAMES, Settings, load_settings

README = Path(__file__).resolve().parents[1] / "README.md"


def test_defaults_use_the_sandbox_and_the_seed_dialect() -> None:
    settings = load_settings({}, env_file=None)
    assert settings.uses_sandbox
    assert settings.reply_api_dialect is Dialect.SEED
    assert settings.reply_api_base_url == "https://api.reply.io"
    assert settings.slack_api_url == "https://slack.com/api/"
    assert not settings.has_socket_mode_credentials


def test_values_come_from_the_environment_and_empty_means_unset() -> None:
    settings = load_settings(
        {
            "REPLY_API_KEY": "k-123",
            "REPLY_API_DIALECT": "beta",
            "SLACK_BOT_TOKEN": "",
            "PORT": "8080",
        },
        env_file=None,
    )
    assert not settings.uses_sandbox
    assert settings.reply_api_dialect is Dialect.BETA
    assert settings.slack_bot_token is None
    assert settings.http_port == 8080


def test_dotenv_fills_in_what_the_environment_does_not_set(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("TASKBOT_DEFAULT_TIMEZONE=Europe/Berlin\nPORT=4000\n")
    settings = load_settings({"PORT": "5000"}, env_file=env_file)
    assert settings.default_timezone == "Europe/Berlin"
    assert settings.http_port == 5000


def test_secrets_never_print() -> None:
    settings = load_settings({"REPLY_API_KEY": "super-secret"}, env_file=None)
    assert "super-secret" not in repr(settings)
    assert "super-secret" not in str(settings.model_dump())


@pytest.mark.parametrize(
    ("name", "value", "says"),
    [
        ("TASKBOT_DEFAULT_TIMEZONE", "Mars/Olympus", "unknown time zone"),
        ("REPLY_API_DIALECT", "v9", "seed"),
        ("TASKBOT_LOG_LEVEL", "LOUD", "unknown log level"),
    ],
)
def test_bad_values_say_what_is_wrong(name: str, value: str, says: str) -> None:
    with pytest.raises(ValidationError, match=says):
        load_settings({name: value}, env_file=None)


def test_readme_documents_every_variable_and_no_others() -> None:
    documented = set(re.findall(r"^\| `([A-Z_]+)` \|", README.read_text(), flags=re.M))
    assert documented == set(ENV_NAMES)


def test_settings_are_frozen() -> None:
    settings = Settings()
    with pytest.raises(ValidationError):
        settings.http_port = 1  # type: ignore[misc]
