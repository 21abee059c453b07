"""Shared fixtures: one encoder and index per session, a fresh database and bot per test."""

from __future__ import annotations

import io
import logging
import os
import shutil
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from chizi.assistant import Assistant
from chizi.db import make_engine, migrate
from chizi.registry import Registry
from chizi.settings import Settings
from retrieval.embeddings import Encoder, load_encoder
from testkit import ADMIN, ROOT, TODAY, TOKEN, today

__all__ = ["ADMIN", "ROOT", "TODAY", "TOKEN", "today"]
CORPUS = ROOT.parent / "shared" / "corpus" / "mohrss-2013-03-26-chizi-plan-2012.txt"


@pytest.fixture(scope="session")
def corpus_file() -> Path:
    if not CORPUS.exists():
        pytest.skip("../shared/corpus is not beside this checkout")
    return CORPUS


@pytest.fixture(scope="session")
def embeddings() -> Encoder:
    return load_encoder("")


@pytest.fixture(scope="session")
def knowledge_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample knowledge base plus three test events: one seat, already past, deadline passed."""
    target = tmp_path_factory.mktemp("knowledge")
    shutil.copytree(ROOT / "knowledge", target, dirs_exist_ok=True)
    catalogue = yaml.safe_load((target / "events.yaml").read_text(encoding="utf-8"))
    base = {**catalogue["events"][0], "aliases": []}
    extra = [
        {
            **base,
            "id": "one-seat-2027",
            "title_en": "One Seat Workshop 2027",
            "title_zh": "单席研讨会2027",
            "capacity": 1,
            "start": "2027-09-01T09:00",
            "end": "2027-09-01T17:00",
            "registration_deadline": "2027-08-01T23:59",
        },
        {
            **base,
            "id": "past-2025",
            "title_en": "Past Fair 2025",
            "title_zh": "往届洽谈会2025",
            "start": "2025-05-18T09:00",
            "end": "2025-05-20T17:00",
            "registration_deadline": "2025-04-30T23:59",
        },
        {
            **base,
            "id": "closed-2027",
            "title_en": "Closed Forum 2027",
            "title_zh": "已截止论坛2027",
            "start": "2027-12-01T09:00",
            "end": "2027-12-02T17:00",
            "registration_deadline": "2026-01-01T00:00",
        },
    ]
    catalogue["events"] += extra
    (target / "events.yaml").write_text(
        yaml.safe_dump(catalogue, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return target


def make_settings(data_dir: Path, knowledge: Path, **extra: Any) -> Settings:
    return Settings(data_dir=data_dir, knowledge_dir=knowledge, **extra)


@pytest.fixture(scope="session")
def assistant(
    tmp_path_factory: pytest.TempPathFactory, knowledge_dir: Path, embeddings: Encoder
) -> Iterator[Assistant]:
    settings = make_settings(tmp_path_factory.mktemp("data"), knowledge_dir)
    helper = Assistant(settings, embeddings, clock=today)
    helper.ensure_index()
    yield helper
    helper.close()


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    """What an operator's terminal shows, through the production handler, with the root logger at DEBUG."""
    from chizi import logs

    stream = io.StringIO()
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    logs.configure(logging.DEBUG, stream)
    yield stream
    root.handlers[:] = saved[0]
    root.setLevel(saved[1])


@pytest.fixture
def make_assistant() -> Iterator[Callable[..., Assistant]]:
    """Assistants made in a test (a second process, another knowledge folder), closed after it."""
    made: list[Assistant] = []

    def make(*args: Any, **kwargs: Any) -> Assistant:
        made.append(Assistant(*args, **kwargs))
        return made[-1]

    yield make
    for helper in made:
        helper.close()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'chizi.db'}"


@pytest.fixture
def registry(sqlite_url: str, assistant: Assistant) -> Iterator[Registry]:
    engine = make_engine(sqlite_url)
    migrate(engine)
    reg = Registry(engine, clock=today)
    reg.sync_events(assistant.kb.events)
    yield reg
    engine.dispose()


POSTGRES_URL = os.environ.get("CHIZI_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture
def postgres_url() -> str:
    import sqlalchemy

    engine = sqlalchemy.create_engine(POSTGRES_URL)
    try:
        with engine.connect() as conn:  # a blank database: every test migrates from nothing
            conn.execute(sqlalchemy.text("DROP SCHEMA public CASCADE"))
            conn.execute(sqlalchemy.text("CREATE SCHEMA public"))
            conn.commit()
    except Exception as exc:
        pytest.skip(f"no PostgreSQL reachable at {POSTGRES_URL}: {exc.__class__.__name__}")
    finally:
        engine.dispose()
    return POSTGRES_URL


@pytest.fixture
async def telegram() -> AsyncIterator[Any]:
    from testkit.fake_telegram import FakeTelegram

    fake = FakeTelegram(TOKEN)
    await fake.start()
    yield fake
    await fake.stop()
