"""The sample knowledge base is complete, and a bad knowledge file is rejected whole with a precise message."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from chizi.knowledge import load_knowledge
from retrieval.knowledge import KnowledgeError
from tests.conftest import ROOT


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "knowledge", tmp_path / "k")
    return tmp_path / "k"


def test_sample_knowledge_covers_both_languages_faq_events_and_glossary() -> None:
    kb = load_knowledge(ROOT / "knowledge")
    docs = {(d.meta.id, d.meta.language) for d in kb.documents if not d.meta.id.startswith("event-")}
    ids = {i for i, _ in docs}
    assert all((i, "zh") in docs and (i, "en") in docs for i in ids)
    assert {
        "overview",
        "results-2012",
        "talent-project-capital",
        "grassroots",
        "brands",
        "outlook-2013",
    } <= ids
    assert len(kb.faq) >= 25 and all(f.q_zh and f.q_en for f in kb.faq)
    assert len(kb.events) >= 10 and kb.sample_catalogue
    assert all(e.starts_at.year == 2027 for e in kb.events)
    assert any(t.zh == "赤子计划" for t in kb.glossary)


def test_every_number_of_the_plan_document_is_in_the_knowledge_base(corpus_file: Path) -> None:
    """The facts restated in knowledge/ keep the figures of the real document."""
    text = "".join(d.text for d in load_knowledge(ROOT / "knowledge").documents)
    for figure in (
        "36",
        "7000",
        "2000",
        "2010",
        "1988",
        "41",
        "23",
        "3.4亿",
        "424",
        "527",
        "130",
        "29",
        "150",
        "70",
        "80",
        "15",
        "4个",
    ):
        assert figure in corpus_file.read_text(encoding="utf-8")
        assert figure in text, figure


def test_bad_event_names_file_entry_and_field(kb_copy: Path) -> None:
    path = kb_copy / "events.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("capacity: 300", "capacity: -5", 1), encoding="utf-8"
    )
    with pytest.raises(KnowledgeError) as err:
        load_knowledge(kb_copy)
    assert "events.yaml: entry 1 (id=sd-haiqia-2027): field capacity" in str(err.value)


def test_unknown_time_zone_is_rejected(kb_copy: Path) -> None:
    path = kb_copy / "events.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Asia/Shanghai", "Mars/Olympus", 1), encoding="utf-8"
    )
    with pytest.raises(KnowledgeError, match=r"field timezone.*unknown time zone"):
        load_knowledge(kb_copy)


def test_faq_missing_answer_is_rejected(kb_copy: Path) -> None:
    path = kb_copy / "faq.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "    a_en: The Chizi Plan (", "    b_en: The Chizi Plan (", 1
        ),
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError, match=r"faq.yaml: entry 1 \(id=what-is-chizi\): field a_en"):
        load_knowledge(kb_copy)


def test_document_front_matter_errors_name_the_file(kb_copy: Path) -> None:
    path = kb_copy / "docs" / "overview.en.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("language: en", "language: fr"), encoding="utf-8"
    )
    with pytest.raises(KnowledgeError, match=r"docs/overview.en.md: front matter: field language"):
        load_knowledge(kb_copy)


def test_events_keep_their_local_time_zone(kb_copy: Path) -> None:
    kb = load_knowledge(kb_copy)
    online = kb.event("hz-siliconvalley-online-2027")
    assert online is not None and online.starts_at.utcoffset() == dt.timedelta(hours=-8)
