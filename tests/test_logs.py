"""Logs carry what operators need and never a token or an e-mail address."""

from __future__ import annotations

import io
import logging

import pytest
from sqlalchemy import text

from chizi.db import make_engine
from tests.conftest import TOKEN


def test_a_token_and_an_email_in_a_message_or_traceback_are_redacted(captured: io.StringIO) -> None:
    log = logging.getLogger("chizi.test")
    log.info("calling https://api.telegram.org/bot%s/getUpdates for li.wei@example.org", TOKEN)
    try:
        raise ValueError(f"bad address zhang@uni.example.cn with {TOKEN}")
    except ValueError:
        log.exception("failed")
    out = captured.getvalue()
    assert "getUpdates" in out and "failed" in out
    assert TOKEN not in out and "li.wei@example.org" not in out and "zhang@uni.example.cn" not in out


def test_a_failed_sql_statement_does_not_carry_its_parameters(tmp_path, captured: io.StringIO) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with pytest.raises(Exception) as failure, engine.connect() as conn:
        conn.execute(text("INSERT INTO no_such_table VALUES (:email)"), {"email": "li.wei@example.org"})
    assert "li.wei@example.org" not in str(failure.value)
    engine.dispose()
