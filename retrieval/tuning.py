"""Every tuned constant of the Q&A side, in one place: the fusion of dense and BM25 search, and sentence
choice and confidence. Chosen with `chizi eval` on the tune split only; `[retrieval]` in the config
overrides single values."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Weights:
    """How dense and BM25 results are fused."""

    dense: float = 1.0
    bm25: float = 1.0
    rrf_k: int = 5
    same_language: float = 0.2  # fused score bonus, as a fraction, for chunks in the question's language
    fusion: str = "rrf"  # "rrf", "linear", "dense" (baseline), "bm25" (baseline)


@dataclass(frozen=True)
class Tuning:
    """Constants of sentence choice and confidence, chosen on the tune part of the question set only."""

    passages: int = 5  # top passages whose sentences are candidates
    rank_weight: float = 0.30  # the passage's fused rank
    lexical_weight: float = 0.40  # the sentence's own overlap with the question (rarity-weighted)
    dense_weight: float = 0.30  # the passage's encoder similarity, relative to the best passage's
    dense_window: float = 0.08  # e5 cosines bunch together: a passage this far below the best counts 0
    wanted_bonus: float = 0.15  # a sentence that can hold the wanted kind of answer
    wanted_penalty: float = 0.35  # one that cannot
    same_language: float = 0.08
    second_within: float = 0.08  # a runner-up this close, from the same document, is given too
    named_bonus: float = 0.15  # a sentence that itself names the question's years and places
    field_bonus: float = 0.30  # a sentence naming the field asked about ("哪个活动跟云计算有关"), over a year
    ahead_bonus: float = 0.15  # a sentence about what comes next, for a question about what comes next
    launch_bonus: float = 0.30  # a sentence saying when something began, for "how long has it existed"
    purpose_bonus: float = 0.35  # a sentence stating a purpose, for "why" asked of the plan as a whole
    enumeration_bonus: float = (
        0.15  # a sentence that enumerates short items, for a question asking for a list
    )
    min_confidence: float = 0.35
    document_over_faq: float = 0.7  # a document sentence this sure outranks a how-to matched by meaning
    dense_floor: float = (
        0.82  # e5 cosine at which dense evidence starts to count (0.76-0.82 tried for English)
    )
    dense_span: float = 0.08  # ... and the width over which it grows to full
    dense_floor_across: float = 0.74  # the same between an English question and a Chinese passage (or back)
