"""Configuration: the only module that reads the environment (rule 2 of ARCHITECTURE.md).

`load_settings()` reads `os.environ`, with a `.env` file in the working directory as a
fallback for values the environment does not set. Everything else in taskbot receives a
`Settings` object. Secrets are `SecretStr`: they print as `**********`.

Every variable is listed, with its default, in the README's configuration table; a test
checks that the table and this model agree.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

from bot.reply.enums import Dialect

DEFAULT_REPLY_BASE_URL = "https://api.reply.io"
DEFAULT_SLACK_API_URL = "https://slack.com/api/"


class Settings(BaseModel):
    """Frozen settings. Field aliases are the environment variable names."""

    model_config = ConfigDict(frozen=True, populate_by_name=True, extra="forbid")

    # Slack
    slack_bot_token: SecretStr | None = Field(None, alias="SLACK_BOT_TOKEN")
    slack_app_token: SecretStr | None = Field(None, alias="SLACK_APP_TOKEN")
    slack_signing_secret: SecretStr | None = Field(None, alias="SLACK_SIGNING_SECRET")
    slack_api_url: str = Field(DEFAULT_SLACK_API_URL, alias="SLACK_API_URL")

    # Reply
    reply_api_key: SecretStr | None = Field(None, alias="REPLY_API_KEY")
    reply_api_base_url: str = Field(DEFAULT_REPLY_BASE_URL, alias="REPLY_API_BASE_URL")
    reply_api_dialect: Dialect = Field(Dialect.SEED, alias="REPLY_API_DIALECT")
    reply_timeout_seconds: float = Field(10.0, alias="REPLY_TIMEOUT_SECONDS", gt=0)

    # Behaviour
    default_timezone: str = Field("UTC", alias="TASKBOT_DEFAULT_TIMEZONE")
    default_locale: str = Field("en-US", alias="TASKBOT_DEFAULT_LOCALE")
    user_cache_ttl_seconds: float = Field(3600.0, alias="TASKBOT_USER_CACHE_TTL", ge=0)
    log_level: str = Field("INFO", alias="TASKBOT_LOG_LEVEL")
    console_timezone: str | None = Field(None, alias="TASKBOT_CONSOLE_TIMEZONE")

    # The embedded Reply sandbox (used when REPLY_API_KEY is not set)
    sandbox_db: Path | None = Field(None, alias="TASKBOT_SANDBOX_DB")

    # HTTP front door
    http_host: str = Field("0.0.0.0", alias="TASKBOT_HTTP_HOST")  # noqa: S104 - a server
    http_port: int = Field(3000, alias="PORT", ge=1, le=65535)
    http_workers: int = Field(1, alias="WEB_CONCURRENCY", ge=1)

    @field_validator("default_timezone", "console_timezone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(
                f"unknown time zone {value!r}; use an IANA name such as 'America/New_York'"
            ) from exc
        return value

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError(f"unknown log level {value!r}; use DEBUG, INFO, WARNING or ERROR")
        return level

    @property
    def uses_sandbox(self) -> bool:
        """No Reply key: talk to the embedded sandbox instead of Reply."""
        return self.reply_api_key is None

    @property
    def has_socket_mode_credentials(self) -> bool:
        return self.slack_bot_token is not None and self.slack_app_token is not None

    def console_zone(self) -> str:
        """The console user's time zone: `TASKBOT_CONSOLE_TIMEZONE`, else this machine's zone
        (tzlocal reads `TZ` and the system's zone setting, so it is asked only here), else
        the workspace default."""
        if self.console_timezone is not None:
            return self.console_timezone
        import tzlocal  # noqa: PLC0415 - only the console needs it

        try:
            name = tzlocal.get_localzone_name()
            ZoneInfo(name or "")
        except (ZoneInfoNotFoundError, ValueError, LookupError):
            return self.default_timezone
        return name or self.default_timezone


ENV_NAMES: tuple[str, ...] = tuple(
    str(info.alias) for info in Settings.model_fields.values() if info.alias
)


def load_settings(
    environ: Mapping[str, str] | None = None, env_file: Path | None = Path(".env")
) -> Settings:
    """Build settings from the environment (default `os.environ`) and an optional `.env`.

    Empty values count as unset, so `REPLY_API_KEY=` in a `.env` does not switch off the
    sandbox with an empty key.
    """
    values: dict[str, str] = {}
    if env_file is not None and env_file.is_file():
        from dotenv import dotenv_values  # noqa: PLC0415 - only when a .env exists

        values.update({k: v for k, v in dotenv_values(env_file).items() if v is not None})
    values.update(os.environ if environ is None else environ)
    return Settings.model_validate({k: v for k, v in values.items() if k in ENV_NAMES and v})
