"""Typed settings: defaults in config/chizi.toml, overridden by CHIZI_* environment variables."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Annotated, Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from retrieval.tuning import Tuning, Weights


class SettingsError(Exception):
    """A setting has a bad value; the message names the variable and what is wrong."""


def _config_file() -> Path:
    return Path(os.environ.get("CHIZI_CONFIG_FILE", "config/chizi.toml"))


class RetrievalSettings(BaseModel):
    """`[retrieval]` in the config: how passages are found and answers composed.

    The tuned values live once, in `retrieval.search.Weights` (fusion) and `retrieval.compose.Tuning`
    (sentence choice and the confidence below which the assistant declines), chosen on the tune split of
    the question set; a key set here overrides that one value, and an unknown key is an error."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    top_k: int = Field(default=5, ge=1, le=50)  # passages read per question
    fusion: dict[str, float | str] = Field(default_factory=dict)  # Weights: dense, bm25, rrf_k, same_language
    answer: dict[str, float | int] = Field(default_factory=dict)  # Tuning: min_confidence, passages, …

    @field_validator("fusion")
    @classmethod
    def _known_fusion(cls, value: dict[str, Any]) -> dict[str, Any]:
        return _known_keys(value, Weights)

    @field_validator("answer")
    @classmethod
    def _known_answer(cls, value: dict[str, Any]) -> dict[str, Any]:
        return _known_keys(value, Tuning)

    def weights(self) -> Weights:
        return Weights(**self.fusion)  # type: ignore[arg-type]

    def tuning(self) -> Tuning:
        return Tuning(**self.answer)  # type: ignore[arg-type]


def _known_keys(value: dict[str, Any], kind: type) -> dict[str, Any]:
    known = {f.name for f in dataclasses.fields(kind)}
    unknown = sorted(set(value) - known)
    if unknown:
        raise ValueError(f"unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    return value


class Settings(BaseSettings):
    """Everything Chizi can be told at start. Read once, passed down, never read at import."""

    # CHIZI_RETRIEVAL__TOP_K=8 sets [retrieval] top_k from the environment.
    model_config = SettingsConfigDict(
        env_prefix="CHIZI_", extra="ignore", populate_by_name=True, env_nested_delimiter="__"
    )

    data_dir: Path = Path("./var")
    knowledge_dir: Path = Path("./knowledge")
    embedding_model: str = ""
    chroma_url: str | None = None
    database_url: str | None = None

    retrieval: RetrievalSettings = Field(default_factory=lambda: RetrievalSettings())
    max_question_chars: int = Field(2000, ge=50, le=100_000)

    telegram_bot_token: SecretStr | None = Field(
        None, validation_alias=AliasChoices("TELEGRAM_BOT_TOKEN", "CHIZI_TELEGRAM_BOT_TOKEN")
    )
    telegram_api_url: str = Field(
        "https://api.telegram.org",
        validation_alias=AliasChoices("TELEGRAM_API_URL", "CHIZI_TELEGRAM_API_URL"),
    )
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(8443, ge=1, le=65535)
    # `chizi serve`: the organisers' console (and the webhook, when webhook_url is set) on one port.
    web_listen: str = "127.0.0.1"
    web_port: int = Field(8080, ge=1, le=65535)
    console_secret: SecretStr | None = None  # signs session cookies; default: a key kept in data_dir
    console_secure_cookies: bool = False  # set when the console is reached over HTTPS only
    reminder_days: Annotated[tuple[int, ...], NoDecode] = (3, 1)
    throttle_per_minute: int = Field(20, ge=1)
    # Shared by all workers when set: the per-user flood throttle and Telegram's global send limit.
    redis_url: str | None = None

    llm_base_url: str | None = None
    llm_model: str = "gpt-4o-mini"
    llm_api_key: SecretStr | None = None
    llm_timeout: float = Field(20.0, gt=0)

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: Any) -> Any:
        if isinstance(value, str):
            parts = [p.strip() for p in value.split(",") if p.strip()]
            try:
                return frozenset(int(p) for p in parts)
            except ValueError:
                raise ValueError("must be comma-separated Telegram user ids, e.g. 12345,67890") from None
        return value

    @field_validator("reminder_days", mode="before")
    @classmethod
    def _split_days(cls, value: Any) -> Any:
        if isinstance(value, str):
            try:
                value = [int(p) for p in value.split(",") if p.strip()]
            except ValueError:
                raise ValueError("must be comma-separated whole days, e.g. 3,1") from None
        if isinstance(value, list | tuple):
            if any(int(d) < 0 or int(d) > 60 for d in value):
                raise ValueError("each reminder must be 0 to 60 days before the event")
            return tuple(sorted({int(d) for d in value}, reverse=True))
        return value

    @field_validator("telegram_api_url", "webhook_url", "chroma_url", "llm_base_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        assert value is not None
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/")

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls, _config_file()))

    @property
    def sqlalchemy_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'chizi.db').resolve()}"

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"


_ENV_NAMES = {"telegram_bot_token": "TELEGRAM_BOT_TOKEN", "telegram_api_url": "TELEGRAM_API_URL"}


def load_settings(**overrides: Any) -> Settings:
    """Read settings once; turn pydantic's report into one clear line per bad variable."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            field = str(err["loc"][0]) if err["loc"] else "?"
            # A key of a section ([retrieval] top_k) is named as its variable: CHIZI_RETRIEVAL__TOP_K.
            nested = "__".join(str(part) for part in err["loc"][:2] if isinstance(part, str))
            name = _ENV_NAMES.get(field, f"CHIZI_{nested.upper() or '?'}")
            lines.append(f"{name}: {err['msg']} (got {err.get('input')!r})")
        raise SettingsError("invalid settings:\n  " + "\n  ".join(lines)) from None
