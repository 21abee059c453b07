"""Curated FAQ matching: a question close to a curated one gets the curated answer."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from chizi.knowledge import FaqEntry
from chizi.text import has_cjk, normalize
from retrieval.embeddings import SentenceEmbeddings
from retrieval.tokenizer import Tokenizer


@dataclass(frozen=True)
class FaqMatch:
    entry: FaqEntry
    score: float
    variant: str


def _bigrams(text: str) -> set[str]:
    chars = [c for c in normalize(text) if has_cjk(c)]
    return {a + b for a, b in itertools.pairwise(chars)}


def weighted_f1(query: set[str], other: set[str], idf: Callable[[str], float]) -> float:
    """Overlap of two token sets, each token weighted by its rarity; 1.0 means the same content words."""
    if not query or not other:
        return 0.0
    shared = sum(idf(t) for t in query & other)
    if not shared:
        return 0.0
    precision = shared / sum(idf(t) for t in other)
    recall = shared / sum(idf(t) for t in query)
    return 2 * precision * recall / (precision + recall)


class FaqMatcher:
    def __init__(
        self,
        entries: list[FaqEntry],
        tokenizer: Tokenizer,
        embeddings: SentenceEmbeddings,
        names: frozenset[str] = frozenset(),
        lexical_threshold: float = 0.7,
        dense_threshold: float = 0.84,
    ) -> None:
        self.entries = entries
        self._tokenizer = tokenizer
        self._embeddings = embeddings
        self.lexical_threshold = lexical_threshold
        self.dense_threshold = dense_threshold
        self._patterns = [(e, [re.compile(p) for p in e.patterns]) for e in entries if e.patterns]
        self._variants: list[tuple[int, str, frozenset[str], frozenset[str]]] = []
        en_texts: list[str] = []
        self._en_owner: list[int] = []
        self._en_tokens: list[frozenset[str]] = []
        for i, entry in enumerate(entries):
            for q in entry.q_zh + entry.q_en:
                self._variants.append((i, q, frozenset(tokenizer.tokens(q)), frozenset(_bigrams(q))))
            for q in entry.q_en:
                en_texts.append(q)
                self._en_owner.append(i)
                self._en_tokens.append(frozenset(tokenizer.tokens(q)))
        # The bundled encoder reads English only; Chinese variants are matched on tokens.
        self._names = {t for name in names for t in tokenizer.tokens(name)}
        self._en_vectors = np.array(embeddings.embed_documents(en_texts)) if en_texts else np.zeros((0, 1))

    def match(self, question: str, language: str, idf: Callable[[str], float]) -> FaqMatch | None:
        norm = normalize(question)
        for entry, patterns in self._patterns:
            if any(p.search(norm) for p in patterns):
                return FaqMatch(entry, 1.0, "pattern")
        tokens = set(self._tokenizer.tokens(question))
        intent = tokens - self._names
        grams = _bigrams(question) if language == "zh" else set()
        best: FaqMatch | None = None
        for owner, text, vtokens, vgrams in self._variants:
            score = weighted_f1(tokens, set(vtokens), idf)
            if intent and not intent & vtokens and score < 0.95:
                # Same event named, different thing asked (名额 vs 成果): not this FAQ.
                continue
            if grams and vgrams:
                # Character pairs survive segmentation quirks and one-character typos (满了 / 满员了).
                score = max(score, weighted_f1(grams, set(vgrams), lambda _: 1.0))
            if score >= self.lexical_threshold and (best is None or score > best.score):
                best = FaqMatch(self.entries[owner], score, text)
        if language == "en" and len(self._en_vectors):
            sims = self._en_vectors @ np.array(self._embeddings.embed_query(normalize(question)))
            i = int(np.argmax(sims))
            shared = intent & self._en_tokens[i] if intent else {"-"}
            if sims[i] >= self.dense_threshold and shared and (best is None or sims[i] > best.score):
                best = FaqMatch(self.entries[self._en_owner[i]], float(sims[i]), "")
        return best
