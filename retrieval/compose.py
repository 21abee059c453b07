"""The default answerer: the sentences that answer the question, with numbered citations. No LLM."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from chizi.text import sentences
from retrieval.search import Hit, Searcher, SearchResult
from retrieval.tokenizer import stem


@dataclass(frozen=True)
class Composed:
    text: str
    cited: list[Hit]  # one per citation number, in order
    confidence: float


def coverage(query_tokens: list[str], text_tokens: set[str], searcher: Searcher) -> float:
    """Share of the question's content (weighted by rarity) that a passage contains."""
    q = set(query_tokens)
    total = sum(searcher.idf(t) for t in q)
    return sum(searcher.idf(t) for t in q & text_tokens) / total if total else 0.0


_NUMBER = re.compile(r"\d{2,}")
_WORDS = re.compile(r"[a-z]+")
MAX_MISSING = 0.45  # chosen on the development set: typos pass, questions about unknown things do not


def _missing_share(result: SearchResult, searcher: Searcher, question: str) -> float:
    """Share of the question (by rarity) that names something the knowledge base never mentions.

    A token unknown to the index counts as missing unless it looks like a typo of a known word
    (English) or a segmentation accident whose characters all occur in the top passages (Chinese).
    """
    tokens = set(result.query_tokens)
    total = sum(searcher.idf(t) for t in tokens)
    if not total:
        return 0.0
    context = "".join(h.chunk.text for h in result.hits[:3])
    missing = 0.0
    for token in tokens:
        if searcher.knows(token):
            continue
        if token.isascii():
            if token.isdigit():
                continue
            # A misspelling ("paln") is forgiven; a real word the documents never use ("minister") is not.
            raw = [w for w in _WORDS.findall(question.lower()) if stem(w) == token]
            real_word = any(searcher.is_dictionary_word(w) for w in raw)
            near = searcher.vocabulary_near(token)
            if not real_word and difflib.get_close_matches(token, near, n=1, cutoff=0.7):
                continue
        elif all(ch in context for ch in token):
            continue
        missing += searcher.idf(token)
    return missing / total


def unsupported_numbers(question: str, result: SearchResult) -> list[str]:
    """Numbers (years, counts) in the question that no top passage contains: answering would invent."""
    context = " ".join(h.chunk.text for h in result.hits[:3]).replace(",", "")
    return [n for n in _NUMBER.findall(question) if n not in context]


Analysed = dict[str, list[tuple[str, set[str]]]]


def _sentences_of(hit: Hit, searcher: Searcher, analysed: Analysed) -> list[tuple[str, set[str]]]:
    """A passage's sentences with their tokens, tokenised once per answer however often they are read."""
    if hit.chunk.id not in analysed:
        analysed[hit.chunk.id] = [(s, set(searcher.tokenizer.tokens(s))) for s in sentences(hit.chunk.text)]
    return analysed[hit.chunk.id]


def confidence(
    result: SearchResult, searcher: Searcher, question: str = "", analysed: Analysed | None = None
) -> float:
    """How sure we are that the top passages answer the question, 0..1."""
    if not result.hits or not result.query_tokens:
        return 0.0
    if _missing_share(result, searcher, question) >= MAX_MISSING:
        return 0.0
    analysed = {} if analysed is None else analysed
    best = 0.0
    for hit in result.hits[:3]:
        passage = set().union(*(tokens for _, tokens in _sentences_of(hit, searcher, analysed)))
        lexical = coverage(result.query_tokens, passage, searcher)
        # The bundled encoder only reads English: its similarity counts for English passages only.
        dense = hit.dense_similarity if hit.chunk.language == "en" and result.language == "en" else 0.0
        best = max(best, lexical, 0.5 * lexical + 0.5 * min(1.0, max(0.0, (dense - 0.3) / 0.4)))
    return best


def compose(
    question: str, result: SearchResult, searcher: Searcher, max_sentences: int = 3, max_chars: int = 700
) -> Composed:
    """Pick the best-covering sentences from the top passages, preferring the question's language."""
    analysed: Analysed = {}
    conf = confidence(result, searcher, question, analysed)
    if unsupported_numbers(question, result):
        conf = 0.0
    top = result.hits[0].score if result.hits else 0.0
    pool = [h for h in result.hits[:4] if h.score >= 0.5 * top]
    same = [h for h in pool if h.chunk.language == result.language]
    pool = same or pool
    scored: list[tuple[float, int, int, str, Hit]] = []
    q = set(result.query_tokens)
    for rank, hit in enumerate(pool):
        title = str(hit.chunk.meta.get("title", ""))
        analysed_sentences = _sentences_of(hit, searcher, analysed)
        # The title is the chunk's first line: context for every sentence under it ("results for 2012").
        title_tokens = next((tokens for sentence, tokens in analysed_sentences if sentence == title), set())
        for pos, (sentence, tokens) in enumerate(analysed_sentences):
            if sentence == title:
                continue
            cov = 0.0
            if q:
                cov = coverage(result.query_tokens, tokens, searcher)
                cov = max(cov, 0.9 * coverage(result.query_tokens, tokens | title_tokens, searcher))
            scored.append((cov - 0.05 * rank - 0.01 * pos, rank, pos, sentence, hit))
    if not scored:
        return Composed("", [], 0.0)
    scored.sort(key=lambda s: -s[0])
    best = scored[0][0]
    # Best sentence first; others only if nearly as good, so the answer stays on the question.
    chosen = [s for s in scored[:max_sentences] if s[0] >= max(0.75 * best, 0.05)] or scored[:1]
    cited: list[Hit] = []
    numbers: dict[str, int] = {}
    parts: list[str] = []
    length = 0
    for _, _, _, sentence, hit in chosen:
        if length and length + len(sentence) > max_chars:
            break
        key = str(hit.chunk.meta.get("doc_id")) + str(hit.chunk.language)
        if key not in numbers:
            cited.append(hit)
            numbers[key] = len(cited)
        parts.append(f"{sentence} [{numbers[key]}]")
        length += len(sentence)
    joiner = "" if result.language == "zh" else " "
    return Composed(joiner.join(parts), cited, conf)
