"""With CHIZI_CHROMA_URL the same ingestion and search run against `chroma run` on 127.0.0.1."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from chizi.assistant import Assistant
from retrieval.embeddings import Encoder
from retrieval.store import close
from testkit.harness import free_port
from tests.conftest import ROOT, make_settings


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[str]:
    exe = Path(sys.executable).parent / "chroma"
    if not exe.exists():
        pytest.skip("the chroma command is not installed")
    port = free_port()
    proc = subprocess.Popen(
        [str(exe), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        import chromadb

        for _ in range(100):
            try:
                client = chromadb.HttpClient(host="127.0.0.1", port=port)
            except Exception:  # the server is not listening yet
                time.sleep(0.2)
                continue
            close(client)
            break
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.mark.chroma_server
def test_ingest_and_answer_through_a_chroma_server(
    chroma_server: str, tmp_path: Path, embeddings: Encoder, make_assistant: Callable[..., Assistant]
) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge)
    helper = make_assistant(make_settings(tmp_path / "var", knowledge, chroma_url=chroma_server), embeddings)
    first = helper.ingest()
    assert first.changed and first.added > 0
    answer = helper.answer("How many scholars did the Tianjin tour invite?")
    assert answer.answered and "150" in answer.answer

    # An edit builds the next generation as a new collection; the old one is kept until it is two behind.
    doc = knowledge / "docs" / "outlook-2013.en.md"
    doc.write_text(
        doc.read_text(encoding="utf-8") + "\nThe ministry also plans an online service hall.\n",
        encoding="utf-8",
    )
    second = helper.ingest()
    assert second.changed and second.added >= 1 and second.added < first.added
    import chromadb

    port = int(chroma_server.rsplit(":", 1)[1])
    client = chromadb.HttpClient(host="127.0.0.1", port=port)
    names = {c.name for c in client.list_collections()}
    close(client)
    assert f"chizi_{second.generation}" in names
    assert "online service hall" in " ".join(c.text for c in helper.index.get().chunks)
