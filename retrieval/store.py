"""Where an index generation lives: an embedded Chroma directory, or a collection on a Chroma server."""

from __future__ import annotations

import fcntl
import io
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import chromadb
from chromadb.config import Settings as ChromaSettings

# Chroma's defaults (ef_search 10, 16 neighbours) lose recall past a few thousand vectors.
HNSW = {"space": "cosine", "ef_construction": 200, "ef_search": 128, "max_neighbors": 32}
COLLECTION = "chizi"


def _settings() -> ChromaSettings:
    return ChromaSettings(anonymized_telemetry=False, allow_reset=False)


def open_client(chroma_url: str | None, gen_dir: Path) -> Any:
    """An embedded client on the generation's own directory, or an HTTP client for CHIZI_CHROMA_URL."""
    if chroma_url:
        url = urlparse(chroma_url)
        return chromadb.HttpClient(
            host=url.hostname or "127.0.0.1",
            port=url.port or (443 if url.scheme == "https" else 8000),
            ssl=url.scheme == "https",
            settings=_settings(),
        )
    return chromadb.PersistentClient(path=str(gen_dir / "chroma"), settings=_settings())


def collection_name(chroma_url: str | None, generation: str) -> str:
    # On a shared server each generation is its own collection, so readers never see one half-written.
    return f"{COLLECTION}_{generation}" if chroma_url else COLLECTION


def copy_collection(client: Any, source: str, target: str, batch: int = 2000) -> None:
    """Copy vectors and texts between collections on a server: the server-mode twin of copying a directory."""
    src = client.get_collection(source)
    dst = client.get_or_create_collection(target, configuration={"hnsw": HNSW})
    total = src.count()
    for offset in range(0, total, batch):
        got = src.get(limit=batch, offset=offset, include=["embeddings", "documents", "metadatas"])
        dst.add(
            ids=got["ids"],
            embeddings=got["embeddings"],
            documents=got["documents"],
            metadatas=got["metadatas"],
        )


def close(client: Any) -> None:
    """Release a client; the system behind it stops when the last client sharing it is closed."""
    from chromadb.api.shared_system_client import SharedSystemClient

    # chromadb 1.5 stops a shared system on the last close but leaves an HTTP client's connection pools
    # (its own, and its admin client's) open; close them too once no client shares that system.
    owners = [client, getattr(client, "_admin_client", None)]
    pools = [(o._identifier, getattr(getattr(o, "_server", None), "_session", None)) for o in owners if o]
    client.close()
    for identifier, session in pools:
        if session is not None and identifier not in SharedSystemClient._identifier_to_system:
            session.close()


READERS = "READERS"


def hold_generation(gen_dir: Path) -> io.BufferedRandom:
    """A shared lock on a generation, held by a reader while it serves from it (released on close)."""
    handle = (gen_dir / READERS).open("a+b")
    fcntl.flock(handle, fcntl.LOCK_SH)
    return handle


def unheld(gen_dir: Path) -> bool:
    """Whether no reader in any process holds the generation; if so it stays locked for deletion."""
    try:
        handle = (gen_dir / READERS).open("a+b")
    except OSError:
        return True  # no lock file can be made: nobody can be holding it either
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return False
    handle.close()  # the directory is deleted next; a reader opening it now fails and falls back
    return True
