"""Settings: typed, read once, overridable by environment, with clear messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from chizi.settings import SettingsError, load_settings


def test_defaults_come_from_the_config_file() -> None:
    s = load_settings()
    assert s.data_dir.as_posix() == "var" and s.reminder_days == (3, 1)
    assert s.telegram_api_url == "https://api.telegram.org"


def test_environment_overrides_with_operator_names(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CHIZI_DATA_DIR", str(tmp_path / "x"))
    monkeypatch.setenv("CHIZI_ADMIN_IDS", "12345, 678901234567")
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "1:abc")
    monkeypatch.setenv("TELEGRAM_API_URL", "http://127.0.0.1:8081/")
    s = load_settings()
    assert s.data_dir == tmp_path / "x"
    assert s.admin_ids == {12345, 678901234567}
    assert s.telegram_bot_token is not None and s.telegram_bot_token.get_secret_value() == "1:abc"
    assert "1:abc" not in repr(s)  # SecretStr keeps the token out of logs and tracebacks
    assert s.telegram_api_url == "http://127.0.0.1:8081"


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        (
            "CHIZI_ADMIN_IDS",
            "alice",
            "CHIZI_ADMIN_IDS: Value error, must be comma-separated Telegram user ids",
        ),
        ("CHIZI_RETRIEVAL__TOP_K", "many", "CHIZI_RETRIEVAL__TOP_K"),
        ("CHIZI_RETRIEVAL__FUSION", '{"dens": 1}', "unknown key(s) dens"),
        ("TELEGRAM_API_URL", "api.telegram.org", "TELEGRAM_API_URL: Value error, must start with http"),
        ("CHIZI_REMINDER_DAYS", "3,-1", "CHIZI_REMINDER_DAYS"),
    ],
)
def test_a_bad_value_names_the_variable(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, expected: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as err:
        load_settings()
    assert expected in str(err.value)


def test_cli_reports_bad_settings_in_one_line_and_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from chizi.cli import main

    monkeypatch.setenv("CHIZI_WEBHOOK_PORT", "99999")
    assert main(["ask", "hello"]) == 2
    assert "CHIZI_WEBHOOK_PORT" in capsys.readouterr().err
