"""`chizi ingest`: knowledge folder and registered files -> chunks -> Chroma + BM25, one generation at a time.

Each successful ingest writes a complete new generation next to the live one and then flips the
CURRENT pointer atomically, so a running assistant never reads a half-built index and picks the new one
up on its next question. One writer at a time, enforced by a lock file. Unchanged sources cost a hash.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import logging
import re
import shutil
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, cast

from langchain_core.documents import Document as LCDocument

from retrieval.embeddings import Encoder
from retrieval.knowledge import Document, Library, load_library
from retrieval.loaders import iter_files, load_file
from retrieval.splitter import split_text
from retrieval.store import HNSW, close, collection_name, copy_collection, open_client, unheld
from retrieval.tokenizer import VERSION as TOKENIZER_VERSION
from retrieval.tokenizer import Tokenizer

FORMAT = 2  # bump when the on-disk layout of a generation changes


class IndexError_(Exception):
    """The index is missing, corrupt or busy; the message says what to do."""


class IngestBusy(IndexError_):
    pass


@dataclass
class IngestReport:
    generation: str
    changed: bool
    documents: int
    chunks: int
    added: int
    updated: int
    deleted: int
    skipped: int
    seconds: float

    @property
    def chunks_per_second(self) -> float:
        return self.added / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "chunks_per_second": round(self.chunks_per_second, 1)}


def current_generation(index_dir: Path) -> Path | None:
    try:
        name = json.loads((index_dir / "CURRENT").read_text())["generation"]
    except (OSError, ValueError, KeyError):
        return None
    path = index_dir / name
    return path if (path / "manifest.json").exists() else None


@contextlib.contextmanager
def writer_lock(index_dir: Path) -> Iterator[None]:
    index_dir.mkdir(parents=True, exist_ok=True)
    with (index_dir / ".writer.lock").open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise IngestBusy(
                "another `chizi ingest` is running on this index; try again when it finishes"
            ) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _registered(index_dir: Path) -> list[str]:
    try:
        return list(json.loads((index_dir / "sources.json").read_text()))
    except (OSError, ValueError):
        return []


def _register(index_dir: Path, paths: list[Path], forget: list[Path]) -> list[Path]:
    known = set(_registered(index_dir))
    known |= {str(p.resolve()) for p in paths}
    known -= {str(p.resolve()) for p in forget}
    (index_dir / "sources.json").write_text(json.dumps(sorted(known), ensure_ascii=False, indent=1))
    # A registered path that has since been deleted stays registered; its chunks go because it yields none.
    return [Path(p) for p in sorted(known)]


def split_documents(docs: list[Document]) -> list[LCDocument]:
    chunks: list[LCDocument] = []
    for doc in docs:
        # One paragraph a chunk (long ones cut at sentence ends): a passage then says one thing, so its
        # similarity to a question is the similarity of what it says, not of its neighbours.
        paragraphs = [p for p in re.split(r"\n\s*\n", doc.text) if p.strip()]
        pieces = [piece for p in paragraphs for piece in split_text(p)]
        for i, piece in enumerate(pieces):
            # The title travels with every chunk: it often names what the body only implies (天津 / 津门行).
            text = f"{doc.meta.title}\n{piece}"
            chunks.append(LCDocument(page_content=text, metadata={**doc.metadata(), "chunk": i}))
    return chunks


def _content_hash(chunks: list[LCDocument], model: str, words: list[str]) -> str:
    h = hashlib.sha256(f"{FORMAT}|{TOKENIZER_VERSION}|{model}|{'|'.join(words)}".encode())
    for c in chunks:
        h.update(c.page_content.encode())
        h.update(json.dumps(c.metadata, sort_keys=True, ensure_ascii=False).encode())
    return h.hexdigest()


def _next_name() -> str:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S%f")
    return f"g{stamp}"


def _progress(chunks: list[LCDocument], show: bool) -> Any:
    from tqdm import tqdm

    return tqdm(chunks, desc="indexing", unit="chunk", disable=None if show else True, leave=False)


def _read_all(collection: Any, batch: int = 5000) -> tuple[list[str], list[str], list[dict[str, Any]]]:
    ids: list[str] = []
    texts: list[str] = []
    metas: list[dict[str, Any]] = []
    total = collection.count()
    for offset in range(0, total, batch):
        got = collection.get(limit=batch, offset=offset, include=["documents", "metadatas"])
        ids += got["ids"]
        texts += got["documents"]
        metas += [dict(m) for m in got["metadatas"]]
    return ids, texts, metas


def _build_lexical(gen: Path, prev: Path | None, tokenizer: Tokenizer, collection: Any) -> int:
    """BM25 over jieba tokens of every chunk; tokens of chunks seen before come from the previous generation."""
    import bm25s

    # bm25s sets its own logger to DEBUG when imported; a user's terminal wants none of it.
    logging.getLogger("bm25s").setLevel(logging.WARNING)

    cache: dict[str, list[str]] = {}
    prev_version = json.loads((prev / "manifest.json").read_text()).get("tokenizer") if prev else None
    if prev and prev_version == TOKENIZER_VERSION and (prev / "tokens.jsonl").exists():
        with (prev / "tokens.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                cache[row["id"]] = row["t"]
    ids, texts, metas = _read_all(collection)
    order = sorted(range(len(ids)), key=lambda i: (metas[i].get("source", ""), metas[i].get("chunk", 0)))
    corpus_tokens: list[list[str]] = []
    df: Counter[str] = Counter()
    with (
        (gen / "chunks.jsonl").open("w", encoding="utf-8") as chunks_fh,
        (gen / "tokens.jsonl").open("w", encoding="utf-8") as tokens_fh,
    ):
        for i in order:
            toks = cache.get(ids[i]) or tokenizer.tokens(texts[i])
            corpus_tokens.append(toks)
            df.update(set(toks))
            chunks_fh.write(
                json.dumps({"id": ids[i], "text": texts[i], "meta": metas[i]}, ensure_ascii=False) + "\n"
            )
            tokens_fh.write(json.dumps({"id": ids[i], "t": toks}, ensure_ascii=False) + "\n")
    retriever = bm25s.BM25()
    # An empty document list still needs a loadable index: one placeholder token.
    retriever.index(corpus_tokens or [["\u0000"]], show_progress=False)
    retriever.save(str(gen / "bm25"), show_progress=False)
    (gen / "df.json").write_text(json.dumps(df, ensure_ascii=False))
    return len(ids)


def ingest(
    *,
    index_dir: Path,
    knowledge_dir: Path,
    embeddings: Encoder,
    chroma_url: str | None = None,
    paths: list[Path] | None = None,
    forget: list[Path] | None = None,
    knowledge: Library | None = None,
    show_progress: bool = False,
    keep_generations: int = 2,
) -> IngestReport:
    """Bring the index in line with the sources; returns what changed. Never leaves a half-built index live."""
    from langchain_chroma import Chroma
    from langchain_classic.indexes import SQLRecordManager, index

    started = time.perf_counter()
    with writer_lock(index_dir):
        kb = knowledge or load_library(knowledge_dir)  # validated whole before anything is written
        extra = [load_file(p) for p in iter_files(_register(index_dir, paths or [], forget or []))]
        docs = kb.documents + extra
        words = sorted({t.zh for t in kb.glossary})
        chunks = split_documents(docs)
        digest = _content_hash(chunks, embeddings.name, words)

        prev = current_generation(index_dir)
        prev_manifest = json.loads((prev / "manifest.json").read_text()) if prev else {}
        if (
            prev
            and prev_manifest.get("content_hash") == digest
            and prev_manifest.get("chroma_url") == chroma_url
        ):
            return IngestReport(
                prev.name, False, len(docs), len(chunks), 0, 0, 0, len(chunks), time.perf_counter() - started
            )

        name = _next_name()
        building = index_dir / f".building-{name}"
        shutil.rmtree(building, ignore_errors=True)
        reuse = prev if prev and prev_manifest.get("embedding_model") == embeddings.name else None
        if reuse and not chroma_url:
            shutil.copytree(reuse / "chroma", building / "chroma")
        building.mkdir(parents=True, exist_ok=True)
        if reuse:
            shutil.copy2(reuse / "records.db", building / "records.db")

        client = open_client(chroma_url, building)
        records: SQLRecordManager | None = None
        try:
            coll_name = collection_name(chroma_url, name)
            if reuse and chroma_url:
                copy_collection(client, prev_manifest["collection"], coll_name)
            store = Chroma(
                collection_name=coll_name,
                embedding_function=embeddings,
                client=client,
                collection_configuration=cast(Any, {"hnsw": HNSW}),
            )
            records = SQLRecordManager("chizi", db_url=f"sqlite:///{building / 'records.db'}")
            records.create_schema()
            result = index(
                _progress(chunks, show_progress),
                records,
                store,
                cleanup="full",
                source_id_key="source",
                key_encoder="sha256",
                batch_size=128,
            )
            collection = client.get_collection(coll_name)
            count = _build_lexical(building, reuse, Tokenizer(words), collection)
        finally:
            if records is not None:
                records.engine.dispose()
            close(client)
        manifest = {
            "format": FORMAT,
            "generation": name,
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "content_hash": digest,
            "embedding_model": embeddings.name,
            "dimension": embeddings.dimension,
            "chroma_url": chroma_url,
            "collection": coll_name,
            "user_words": words,
            "tokenizer": TOKENIZER_VERSION,
            "chunks": count,
            "documents": len(docs),
        }
        (building / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1))
        building.replace(index_dir / name)
        tmp = index_dir / "CURRENT.tmp"
        tmp.write_text(json.dumps({"generation": name}))
        tmp.replace(index_dir / "CURRENT")  # the moment readers switch
        _collect_old(index_dir, name, keep_generations, chroma_url)
        return IngestReport(
            name,
            True,
            len(docs),
            count,
            result["num_added"],
            result["num_updated"],
            result["num_deleted"],
            result["num_skipped"],
            time.perf_counter() - started,
        )


def _collect_old(index_dir: Path, live: str, keep: int, chroma_url: str | None) -> None:
    """Drop all but the newest `keep` generations; a reader still on an old one switches on its next question."""
    gens = sorted(p for p in index_dir.glob("g*") if p.is_dir())
    for old in gens[:-keep] if keep else gens:
        if old.name == live or not unheld(old):
            continue  # still served by a reader somewhere: collected by a later ingest
        if chroma_url:
            client = open_client(chroma_url, old)
            with contextlib.suppress(Exception):
                client.delete_collection(collection_name(chroma_url, old.name))
            close(client)
        shutil.rmtree(old, ignore_errors=True)
    for stale in index_dir.glob(".building-*"):
        shutil.rmtree(stale, ignore_errors=True)
