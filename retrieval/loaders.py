"""Extra documents given to `chizi ingest PATH`: Markdown, text, HTML and PDF files or folders of them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from retrieval.knowledge import DocMeta, Document, KnowledgeError, parse_front_matter
from retrieval.text import clean, detect_language

SUFFIXES = (".md", ".txt", ".html", ".htm", ".pdf")


def _html_text(raw: str) -> tuple[str, str | None]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(raw, "html.parser")
    for tag in soup(["script", "style", "nav", "header", "footer"]):
        tag.decompose()
    title = soup.title.get_text(strip=True) if soup.title else None
    lines = (clean(line) for line in soup.get_text("\n").splitlines())
    return "\n\n".join(line for line in lines if line), title


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n\n".join((page.extract_text() or "") for page in PdfReader(path).pages)


def _slug(path: Path) -> str:
    return (re.sub(r"[^a-z0-9_-]+", "-", path.stem.lower()).strip("-") or "doc")[:60].rjust(2, "x")


def load_file(path: Path) -> Document:
    """One file as a Document; front matter (in .md/.txt) wins over what is guessed from the text."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".pdf":
            body, title = _pdf_text(path), None
            meta: dict[str, object] = {}
        else:
            raw = path.read_text(encoding="utf-8", errors="replace")
            if suffix in (".html", ".htm"):
                body, title = _html_text(raw)
                meta = {}
            else:
                meta, body = parse_front_matter(path, raw)
                title = None
    except (OSError, ValueError) as exc:
        raise KnowledgeError(f"{path}: cannot read: {exc}") from None
    body = body.strip()
    if not body:
        raise KnowledgeError(f"{path}: no text found")
    first = next((ln.strip("# ").strip() for ln in body.splitlines() if ln.strip()), path.stem)
    mtime = dt.date.fromtimestamp(path.stat().st_mtime)
    fields = {
        "id": _slug(path),
        "title": title or first[:80],
        "date": mtime,
        "source": str(path),
        "language": detect_language(body[:2000], default="zh"),
        **meta,
    }
    try:
        doc_meta = DocMeta.model_validate(fields)
    except ValueError as exc:
        raise KnowledgeError(f"{path}: front matter: {exc}") from None
    return Document(doc_meta, body, f"file:{path.resolve()}")


def iter_files(paths: list[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
        elif path.is_file():
            yield path
