"""Files given to `chizi ingest`: HTML, Markdown without front matter and plain text become documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.knowledge import KnowledgeError
from retrieval.loaders import iter_files, load_file


def test_html_keeps_text_and_title_drops_scripts_and_navigation(tmp_path: Path) -> None:
    page = tmp_path / "notice.html"
    page.write_text(
        "<html><head><title>赤子计划通知</title><script>var x=1;</script></head><body><nav>首页 | 新闻</nav>"
        "<p>2027年活动报名将于三月开始。</p></body></html>",
        encoding="utf-8",
    )
    doc = load_file(page)
    assert doc.meta.title == "赤子计划通知" and doc.meta.language == "zh"
    assert "报名将于三月开始" in doc.text and "var x" not in doc.text and "首页" not in doc.text


def test_plain_text_takes_its_title_from_the_first_line(tmp_path: Path) -> None:
    note = tmp_path / "Guide.txt"
    note.write_text("# Visiting Suzhou\n\nBring your passport.", encoding="utf-8")
    doc = load_file(note)
    assert doc.meta.title == "Visiting Suzhou" and doc.meta.language == "en" and doc.meta.id == "guide"


def test_empty_file_is_rejected_with_its_path(tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("   \n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"empty\.md: no text found"):
        load_file(empty)


def test_folders_are_walked_for_known_suffixes(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<p>y</p>", encoding="utf-8")
    (tmp_path / "c.exe").write_text("z", encoding="utf-8")
    assert [p.name for p in iter_files([tmp_path])] == ["a.md", "b.html"]
