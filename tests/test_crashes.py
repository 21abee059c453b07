"""kill -9 in the middle of things: the real `chizi` processes, stopped without warning, then restarted.

The bot runs as `chizi run` against the fake Bot API; ingest runs as `chizi ingest`. Their catalogue is
dated from the real clock (the processes have no test clock), so these tests hold whatever the date."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from chizi.assistant import Assistant
from chizi.db import make_engine, migrate
from chizi.registry import Registry
from testkit.harness import Chat, one_event_knowledge
from tests.conftest import ROOT, TOKEN

EVENT = "crash-test-fair"
CHIZI = [sys.executable, "-m", "chizi.cli"]


@pytest.fixture
def world(tmp_path: Path, assistant: Assistant) -> Iterator[dict[str, Any]]:
    """A knowledge folder with one event a month from now, and the session's index copied beside it."""
    knowledge = tmp_path / "knowledge"
    one_event_knowledge(knowledge, EVENT, "Crash Test Fair", days_ahead=30)
    data = tmp_path / "var"
    shutil.copytree(assistant.settings.index_dir, data / "index")
    env = {
        **os.environ,
        "CHIZI_DATA_DIR": str(data),
        "CHIZI_KNOWLEDGE_DIR": str(knowledge),
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("CHIZI_WEBHOOK_URL", None)
    yield {"env": env, "data": data, "knowledge": knowledge}


def start_bot(env: dict[str, str], api_url: str, log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(
            [*CHIZI, "run"],
            env={**env, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_URL": api_url},
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
        )


def kill_hard(proc: subprocess.Popen[bytes]) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)


def registry_of(data: Path) -> Registry:
    engine = make_engine(f"sqlite:///{data / 'chizi.db'}")
    migrate(engine)
    return Registry(engine)


async def test_a_registration_survives_kill_9_whole_or_absent_and_resumes_without_duplicates(
    world: dict[str, Any], telegram: Any, tmp_path: Path
) -> None:
    log = tmp_path / "bot.log"
    bot = start_bot(world["env"], telegram.url, log)
    try:
        waiting, racing = Chat(telegram, 601), Chat(telegram, 602)
        await waiting.send("/start", expect=1)  # the first reply also tells us the process is up
        for chat in (waiting, racing):
            await chat.press(f"r:{EVENT}")
            for answer in ("Li Wei", "ETH Zürich", "Materials science"):
                await chat.send(answer)
            await chat.press("rs:skip")
            await chat.press("rc:yes")
        # One user is at the confirmation when the process dies; the other presses Confirm as it dies.
        await telegram.press(602, f"rf:{EVENT}", message_id=racing.message_with(f"rf:{EVENT}"))
        kill_hard(bot)

        bot = start_bot(world["env"], telegram.url, log)
        confirmed = await waiting.press(f"rf:{EVENT}")
        assert "You are registered for Crash Test Fair" in confirmed[0]
        # The racing user's press is delivered again after the restart (Telegram keeps unconfirmed
        # updates), or they press again: either way they end with one registration.
        await telegram.press(602, f"rf:{EVENT}", message_id=racing.message_with(f"rf:{EVENT}"))
        await telegram.wait(lambda: any("registered" in m for m in telegram.texts_to(602)), within=60)
    finally:
        kill_hard(bot) if bot.poll() is None else None
    store = registry_of(world["data"])
    assert [r.status for r in store.my_registrations(601)] == ["registered"]
    assert [r.status for r in store.my_registrations(602)] == ["registered"]
    assert store.stats()["events"][EVENT]["registered"] == 2  # nobody twice
    assert "Traceback" not in log.read_text(encoding="utf-8", errors="replace")
    store.engine.dispose()


def test_kill_9_mid_ingest_leaves_the_previous_generation_served_and_the_next_ingest_works(
    world: dict[str, Any],
) -> None:
    env = world["env"]
    before = (world["data"] / "index" / "CURRENT").read_text()
    big = world["knowledge"] / "docs" / "long-notes.en.md"
    big.write_text(
        "---\nid: long-notes\ntitle: Long notes\ndate: 2026-11-01\nsource: test\nlanguage: en\n---\n"
        + "\n\n".join(
            f"Note {i}: the liaison office number {i} opens on weekday {i % 5}." for i in range(3000)
        ),
        encoding="utf-8",
    )
    ingest = subprocess.Popen(
        [*CHIZI, "ingest"], env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    index = world["data"] / "index"
    deadline = time.monotonic() + 120
    while not list(index.glob(".building-*")) and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(2)  # well into embedding the new document
    assert ingest.poll() is None, "the ingest finished before it could be interrupted"
    kill_hard(ingest)
    assert (world["data"] / "index" / "CURRENT").read_text() == before
    asked = subprocess.run(
        [*CHIZI, "ask", "How many scholars did the Tianjin tour invite?"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert asked.returncode == 0 and "150" in asked.stdout
    again = subprocess.run([*CHIZI, "ingest"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert again.returncode == 0, again.stderr
    assert (world["data"] / "index" / "CURRENT").read_text() != before
    assert not list((world["data"] / "index").glob(".building-*"))  # the half-built one was cleared
