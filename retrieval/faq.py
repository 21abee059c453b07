"""Curated FAQ matching: a question close to a curated one gets the curated answer."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from retrieval.embeddings import Encoder
from retrieval.knowledge import FaqEntry
from retrieval.text import has_cjk, normalize
from retrieval.tokenizer import Tokenizer
from retrieval.wants import wants_of

_CJK_EDGE_SPACE = re.compile(r"(?<=[\u4e00-\u9fff]) | (?=[\u4e00-\u9fff])")


@dataclass(frozen=True)
class FaqMatch:
    entry: FaqEntry
    score: float
    variant: str  # the curated question it matched; "" when matched by meaning alone

    @property
    def by_meaning(self) -> bool:
        return not self.variant


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
    """Patterns first, then word overlap with a curated variant, then (how-to entries only) meaning."""

    def __init__(
        self,
        entries: list[FaqEntry],
        tokenizer: Tokenizer,
        embeddings: Encoder,
        names: frozenset[str] = frozenset(),
        lexical_threshold: float = 0.7,
        dense_threshold: dict[str, float] | None = None,
        dense_margin: float = 0.03,
    ) -> None:
        self.entries = entries
        self._tokenizer = tokenizer
        self._embeddings = embeddings
        self.lexical_threshold = lexical_threshold
        # e5 similarities run higher between Chinese texts than between English ones: one threshold each.
        # Chosen on the tune part of the question set.
        self.dense_threshold = dense_threshold or {"en": 0.86, "zh": 0.89}
        self.dense_margin = dense_margin
        self._patterns = [(e, [re.compile(p) for p in e.patterns]) for e in entries if e.patterns]
        self._variants: list[tuple[int, str, frozenset[str], frozenset[str]]] = []
        texts: list[str] = []
        self._owner: list[int] = []
        for i, entry in enumerate(entries):
            for q in entry.q_zh + entry.q_en:
                self._variants.append((i, q, frozenset(tokenizer.tokens(q)), frozenset(_bigrams(q))))
            if entry.howto:
                # Plan facts are answered from the documents, where a question's year and place are
                # checked; only entries about using the service are matched by meaning alone.
                for q in entry.q_zh + entry.q_en:
                    texts.append(q)
                    self._owner.append(i)
        self._names = {t for name in names for t in tokenizer.tokens(name)}
        self._texts = {e.id: normalize(e.text()) for e in entries}
        self._counting = {
            e.id for e in entries if any(wants_of(normalize(q)) == "count" for q in e.q_zh + e.q_en)
        }
        self._vectors = np.array(embeddings.embed_documents(texts)) if texts else np.zeros((0, 1))

    def counts(self, entry: FaqEntry) -> bool:
        """Whether one of an entry's curated questions asks how many (its answer then gives a number)."""
        return entry.id in self._counting

    def checkable_text(self, entry: FaqEntry) -> str:
        """Everything an entry says, normalised once: what a question's year and place are checked against."""
        return self._texts[entry.id]

    def match_pattern(self, question: str) -> FaqEntry | None:
        """The entry one of whose intent patterns the question matches ("how do i register")."""
        norm = normalize(question)
        # The typo fixer spaces Latin words off Chinese ("你是 chatgpt 吗"); patterns are written unspaced.
        texts = {norm, _CJK_EDGE_SPACE.sub("", norm)}
        return next(
            (e for e, patterns in self._patterns if any(p.search(t) for p in patterns for t in texts)), None
        )

    def match(
        self, question: str, language: str, idf: Callable[[str], float], passage_similarity: float = 0.0
    ) -> FaqMatch | None:
        """The entry `question` asks for, or None. `passage_similarity` is how close the best document
        passage is: a how-to entry wins by meaning only when it is clearly closer than any passage."""
        norm = normalize(question)
        entry = self.match_pattern(question)
        if entry is not None:
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
        if best is None and len(self._vectors):
            sims = self._vectors @ np.array(self._embeddings.embed_query(norm))
            i = int(np.argmax(sims))
            threshold = self.dense_threshold.get(language, max(self.dense_threshold.values()))
            if sims[i] >= threshold and sims[i] - passage_similarity >= self.dense_margin:
                best = FaqMatch(self.entries[self._owner[i]], float(sims[i]), "")
        return best
