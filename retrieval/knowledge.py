"""The plan documents, the FAQ and the glossary: what questions are answered from, validated on load."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator


class KnowledgeError(Exception):
    """A knowledge file is wrong; the message names the file, the entry and the field."""


_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{1,63}$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DocMeta(_Strict):
    id: str = Field(pattern=_ID.pattern)
    title: str = Field(min_length=1)
    date: dt.date
    as_of: dt.date | None = None
    source: str = Field(min_length=1)
    language: Literal["zh", "en"]


class FaqEntry(_Strict):
    id: str = Field(pattern=_ID.pattern)
    source: str | None = None
    q_zh: list[str] = Field(min_length=1)
    q_en: list[str] = Field(min_length=1)
    a_zh: str = Field(min_length=1)
    a_en: str = Field(min_length=1)
    # Regular expressions (on the normalised question) that always mean this entry, e.g. "how do i register".
    patterns: list[str] = Field(default_factory=list)
    # howto: about using the service, matched by meaning too; fact: a plan fact, matched by its words only
    # (the documents answer facts, with the question's year and place checked). Default: fact if sourced.
    kind: Literal["howto", "fact"] | None = None
    # A request about one's own registrations (a waitlist, two events at once, one's data): its pattern
    # wins over an event attribute read in the same question ("the Suzhou week is full, can I queue").
    about_registrations: bool = False

    @property
    def howto(self) -> bool:
        return self.kind == "howto" if self.kind else self.source is None

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, value: list[str]) -> list[str]:
        for pattern in value:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"pattern {pattern!r} is not a valid regular expression: {exc}") from None
        return value

    def answer(self, language: str) -> str:
        return self.a_zh if language == "zh" else self.a_en

    def text(self) -> str:
        """Everything the entry says, both languages: what its answer can be checked against."""
        return " ".join([*self.q_zh, *self.q_en, self.a_zh, self.a_en])


class GlossaryTerm(_Strict):
    zh: str = Field(min_length=1)
    en: list[str] = Field(min_length=1)


@dataclass(frozen=True)
class Document:
    """One plan document (or one event, rendered as a document) ready to be split and indexed."""

    meta: DocMeta
    text: str
    source: str  # stable key for the record manager: path relative to the knowledge folder

    def metadata(self) -> dict[str, Any]:
        m = self.meta
        return {
            "source": self.source,
            "doc_id": m.id,
            "title": m.title,
            "date": m.date.isoformat(),
            "as_of": m.as_of.isoformat() if m.as_of else "",
            "language": m.language,
            "origin": m.source,
        }


@dataclass(frozen=True)
class Library:
    """Everything the Q&A side reads from the knowledge folder."""

    documents: list[Document]
    faq: list[FaqEntry]
    glossary: list[GlossaryTerm]
    files: list[Path] = field(default_factory=list)


def _describe(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"]) or "(entry)"
        parts.append(f"field {where}: {err['msg']}")
    return "; ".join(parts)


def read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{path.name}: not valid YAML: {exc}") from None
    except OSError as exc:
        raise KnowledgeError(f"{path.name}: cannot read: {exc.strerror}") from None


def read_entries(path: Path, key: str, model: type[BaseModel]) -> list[Any]:
    """The validated entries of one YAML list; any error names the file, the entry and the field."""
    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise KnowledgeError(f"{path.name}: expected a top-level list '{key}:'")
    out, seen = [], set()
    for i, raw in enumerate(data[key], start=1):
        label = f"entry {i}" + (f" (id={raw.get('id')})" if isinstance(raw, dict) and raw.get("id") else "")
        if not isinstance(raw, dict):
            raise KnowledgeError(f"{path.name}: {label}: expected a mapping of fields")
        try:
            item = model.model_validate(raw)
        except ValidationError as exc:
            raise KnowledgeError(f"{path.name}: {label}: {_describe(exc)}") from None
        ident = getattr(item, "id", None) or getattr(item, "zh", None)
        if ident in seen:
            raise KnowledgeError(f"{path.name}: {label}: duplicate id {ident!r}")
        seen.add(ident)
        out.append(item)
    return out


_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)


def parse_front_matter(path: Path, text: str) -> tuple[dict[str, Any], str]:
    match = _FRONT.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{path.name}: front matter is not valid YAML: {exc}") from None
    if not isinstance(meta, dict):
        raise KnowledgeError(f"{path.name}: front matter must be a mapping")
    return meta, text[match.end() :]


def _load_doc(path: Path, root: Path) -> Document:
    text = path.read_text(encoding="utf-8")
    meta, body = parse_front_matter(path, text)
    try:
        doc_meta = DocMeta.model_validate(meta)
    except ValidationError as exc:
        raise KnowledgeError(f"{path.relative_to(root)}: front matter: {_describe(exc)}") from None
    if not body.strip():
        raise KnowledgeError(f"{path.relative_to(root)}: the document has no text")
    return Document(doc_meta, body.strip(), str(path.relative_to(root)))


def load_library(root: Path) -> Library:
    """The documents (docs/*.md), faq.yaml and glossary.yaml, validated whole before anything is used."""
    root = Path(root)
    if not root.is_dir():
        raise KnowledgeError(f"{root}: knowledge folder not found (set CHIZI_KNOWLEDGE_DIR)")
    files: list[Path] = []
    docs = []
    for path in sorted((root / "docs").glob("*.md")):
        docs.append(_load_doc(path, root))
        files.append(path)
    ids = {}
    for d in docs:
        key = (d.meta.id, d.meta.language)
        if key in ids:
            raise KnowledgeError(f"{d.source}: duplicate document id {d.meta.id!r} in {d.meta.language}")
        ids[key] = d
    faq = read_entries(root / "faq.yaml", "faq", FaqEntry) if (root / "faq.yaml").exists() else []
    doc_ids = {d.meta.id for d in docs}
    for i, entry in enumerate(faq, start=1):
        if entry.source and entry.source not in doc_ids:
            raise KnowledgeError(
                f"faq.yaml: entry {i} (id={entry.id}): field source: no document {entry.source!r}"
            )
    glossary = (
        read_entries(root / "glossary.yaml", "terms", GlossaryTerm)
        if (root / "glossary.yaml").exists()
        else []
    )
    files += [p for p in (root / "faq.yaml", root / "glossary.yaml") if p.exists()]
    return Library(docs, faq, glossary, files)
