"""Hybrid search over one index generation: dense (Chroma) and BM25 (jieba tokens), fused by rank."""

from __future__ import annotations

import bisect
import contextlib
import difflib
import json
import logging
import math
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from retrieval.embeddings import Encoder
from retrieval.index import IndexError_, current_generation
from retrieval.knowledge import GlossaryTerm
from retrieval.store import close, hold_generation, open_client
from retrieval.text import detect_language, normalize, word_rx
from retrieval.tokenizer import STOPWORDS, Tokenizer, stem
from retrieval.tuning import Weights
from retrieval.typos import (
    QUESTION_WORDS,
    HomophoneFixer,
    is_english_word,
    load_synonyms,
    plain_chinese,
    plain_english,
)
from retrieval.wants import wants_of

log = logging.getLogger(__name__)

SYNONYMS = load_synonyms(Path(__file__).with_name("synonyms.txt"))


@dataclass(frozen=True)
class Chunk:
    id: str
    text: str
    meta: dict[str, Any]

    @property
    def language(self) -> str:
        return str(self.meta.get("language", ""))

    @property
    def doc_id(self) -> str:
        return str(self.meta.get("doc_id", ""))


@dataclass
class Hit:
    chunk: Chunk
    score: float
    dense_rank: int | None = None
    bm25_rank: int | None = None
    dense_similarity: float = 0.0
    bm25_score: float = 0.0


@dataclass
class SearchResult:
    hits: list[Hit]
    query_tokens: list[str]
    language: str
    timings: dict[str, float] = field(default_factory=dict)


@lru_cache(maxsize=4)
def tokenizer_for(words: tuple[str, ...]) -> Tokenizer:
    return Tokenizer(words)


class Expander:
    """Cross-language query expansion from the glossary: 海洽会 <-> Shandong fair."""

    def __init__(self, glossary: list[GlossaryTerm]) -> None:
        self._zh = sorted(((normalize(t.zh), t.en) for t in glossary), key=lambda p: -len(p[0]))
        self._en = [(word_rx(normalize(e)), t.zh) for t in glossary for e in t.en]
        self._en_longest_first = sorted(self._en, key=lambda p: -len(p[0].pattern))

    def english_terms(self, normalized_query: str) -> list[str]:
        out: list[str] = []
        for zh, ens in self._zh:
            if zh in normalized_query and ens[0] not in out:
                out.append(ens[0])
        return out

    def chinese_terms(self, normalized_query: str) -> list[str]:
        return sorted({zh for rx, zh in self._en if rx.search(normalized_query)})

    def in_chinese(self, normalized_question: str) -> str:
        """A Chinese question's English glossary names in Chinese ("chizi计划" -> 赤子计划), longest first,
        so that it reads, and matches, as the Chinese it mostly is."""
        if detect_language(normalized_question) != "zh":
            return normalized_question
        for rx, zh in self._en_longest_first:
            normalized_question = rx.sub(zh, normalized_question)
        return normalized_question


# Words of using the assistant, which the plan documents never use but askers mistype as often (怎么报明,
# 取小报名): read as slips of these too.
_ASSISTANT_WORDS = ("报名", "取消", "截止", "名额", "候补", "订阅", "提醒", "时区", "线上", "线下")


class Searcher:
    """Read-only view of one generation. Cheap to query, built once per generation."""

    def __init__(self, gen_dir: Path, embeddings: Encoder, glossary: list[GlossaryTerm]) -> None:
        import bm25s

        # bm25s sets its own logger to DEBUG when imported; a user's terminal wants none of it.
        logging.getLogger("bm25s").setLevel(logging.WARNING)

        try:
            manifest = json.loads((gen_dir / "manifest.json").read_text())
            with (gen_dir / "chunks.jsonl").open(encoding="utf-8") as lines:
                self.chunks = [Chunk(row["id"], row["text"], row["meta"]) for row in map(json.loads, lines)]
            self._bm25 = bm25s.BM25.load(str(gen_dir / "bm25"), mmap=True, show_progress=False)
            df = json.loads((gen_dir / "df.json").read_text())
        except (OSError, ValueError, KeyError) as exc:
            raise IndexError_(
                f"the index at {gen_dir} is damaged ({exc.__class__.__name__}); rebuild it with `chizi ingest`"
            ) from None
        if manifest.get("dimension", embeddings.dimension) != embeddings.dimension:
            raise IndexError_(
                f"the index holds {manifest.get('dimension')}-dimensional vectors but the encoder makes "
                f"{embeddings.dimension}; run `chizi ingest` to rebuild it"
            )
        if manifest.get("embedding_model") != embeddings.name:
            raise IndexError_(
                f"the index was built with {manifest.get('embedding_model')!r} but the assistant uses "
                f"{embeddings.name!r}; run `chizi ingest` to rebuild it"
            )
        self.manifest = manifest
        self.generation = gen_dir.name
        self._by_id = {c.id: i for i, c in enumerate(self.chunks)}
        self._place_names: dict[str, str] | None = None  # English place names -> as the documents write them
        # The documents' English words of 7 letters or more, by first letter (built on first use).
        self._surface_words: dict[str, list[str]] | None = None
        self._normalized: list[str] | None = None  # built on first use: a 100k-chunk index loads faster
        self._pattern_seen: dict[str, bool] = {}
        # A shared lock on the generation while it is open: an ingest in any process deletes only
        # generations nobody holds (see retrieval.index._collect_old).
        self._hold = hold_generation(gen_dir)
        try:
            self._client = open_client(manifest.get("chroma_url"), gen_dir)
            self._collection = self._client.get_collection(manifest["collection"])
            self._collection.count()  # a damaged database file fails here, not at the first question
        except Exception as exc:
            self._hold.close()
            raise IndexError_(
                f"the vector store is missing or corrupt ({exc}); rebuild it with `chizi ingest`"
            ) from None
        self._embeddings = embeddings
        self.tokenizer = tokenizer_for(tuple(manifest.get("user_words", [])))
        self.expander = Expander(glossary)
        n = max(len(self.chunks), 1)
        self._idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        self.max_idf = math.log(1 + (n + 0.5) / 0.5)
        # 津门行 -> ({tianjin, tour}, …): a Chinese name (and each word of it) is said by an English sentence
        # that has all the words of one of its English names.
        self.named_in_english: dict[str, tuple[frozenset[str], ...]] = {}
        self._glossary_tokens: set[str] = set()
        for g in glossary:
            names = tuple(frozenset(self.tokenizer.tokens(normalize(e))) for e in g.en)
            self._glossary_tokens.update(*names)
            for zh in self.tokenizer.tokens(normalize(g.zh)) if all(names) else ():
                self.named_in_english[zh] = self.named_in_english.get(zh, ()) + names
        self.synonyms = SYNONYMS
        self._fixer: HomophoneFixer | None = None
        self._fixer_words = [*self._idf, *(normalize(g.zh) for g in glossary), *_ASSISTANT_WORDS]
        self._by_initial: dict[tuple[str, int], list[str]] = {}
        # Every known word in order, for prefix lookups; misspellings read once per generation.
        self._vocabulary = sorted({*self._idf, *self._glossary_tokens})
        self._spelled: dict[str, str] = {}
        # A misspelt word may stand for a word the documents use or one read as a synonym of theirs ("strat").
        for word in dict.fromkeys([*self._idf, *self._glossary_tokens, *self.synonyms]):
            if word.isascii() and word.isalpha():
                for length in range(len(word) - 2, len(word) + 3):
                    self._by_initial.setdefault((word[:1], length), []).append(word)

    def close(self) -> None:
        """Release the vector store client and this reader's hold on the generation."""
        close(self._client)
        self._hold.close()

    def fix_typos(self, normalized: str) -> str:
        """Homophone slips (杭洲 → 杭州) put right against this generation's vocabulary, chat English put
        plainly ("wen", "r u", "so basically …", "what is the plan for")."""
        if self._fixer is None:
            from retrieval.places import ABROAD, CHINA

            # Place names, at home and abroad, are words too: 波士顿 is no slip for 博士.
            places = [n for p in (*CHINA, *ABROAD) for n in p.names if not n.isascii()]
            self._fixer = HomophoneFixer(
                [*self._fixer_words, *places], is_common=self.tokenizer.is_common_word
            )
        plain = plain_chinese(self._place_spelling(plain_english(normalized)))
        return self._fixer.fix(self.expander.in_chinese(plain))

    def _place_spelling(self, text: str) -> str:
        """English names of places the documents speak of, put right where misspelt ("Shangdong",
        "Tianjing", "Chongching") or given in an old romanisation ("Ningpo", "Hangchow")."""
        if self._place_names is None:
            from retrieval.places import CHINA

            names: dict[str, str] = {}
            for place in CHINA:
                # Only places the documents name: "human" must not become Hunan, nor "jihua" Jinhua.
                if " " not in place.english and any(
                    self.knows(n if not n.isascii() else stem(n)) for n in place.names
                ):
                    for n in place.names:
                        if n.isascii() and n.isalpha() and len(n) >= 5:
                            names[n] = place.english
            self._place_names = names
        names = self._place_names

        def fix(m: re.Match[str]) -> str:
            word = m.group(0)
            if word in names:
                return names[word]
            if self.knows(stem(word)) or stem(word) in self.synonyms or word in STOPWORDS:
                return word
            if is_english_word(word):
                return word  # "whether" is no slip for "weather", nor "joining" for Jining
            near = difflib.get_close_matches(word, names.keys(), n=1, cutoff=0.8)
            if near:
                return names[near[0]]
            # The words a question is read by ("seets left", "budjet", "cancle"), which the documents
            # need not use; and places they never name ("shenzen"), so that a decline can name them.
            near = difflib.get_close_matches(word, QUESTION_WORDS, n=1, cutoff=0.8)
            if near:
                return near[0]
            far = difflib.get_close_matches(word, _other_places(), n=1, cutoff=0.9) if len(word) >= 6 else []
            if far:
                return far[0]
            # A long word slipped so far that its stem is mangled ("acitivities" stems to "acit"): read as
            # the documents' word it is closest to, before stemming.
            if len(word) >= 7:
                near = difflib.get_close_matches(word, self._surface(word[0]), n=1, cutoff=0.85)
                if near:
                    return near[0]
            return word

        return re.sub(r"(?<![\w'-])[a-z]{4,}(?![\w'-])", fix, text)

    def _surface(self, initial: str) -> list[str]:
        """The English words of 7 letters or more the passages use, as written, that start with `initial`."""
        if self._surface_words is None:
            words: dict[str, list[str]] = {}
            for text in self._normalized_texts():
                for w in set(re.findall(r"(?<![\w'-])[a-z]{7,}(?![\w'-])", text)):
                    words.setdefault(w[0], []).append(w)
            self._surface_words = {k: sorted(set(v)) for k, v in words.items()}
        return self._surface_words.get(initial, [])

    def mentions_pattern(self, pattern: re.Pattern[str]) -> bool:
        """Whether any passage of this generation matches `pattern` (on its normalised text); cached."""
        if pattern.pattern not in self._pattern_seen:
            self._pattern_seen[pattern.pattern] = any(
                pattern.search(text) for text in self._normalized_texts()
            )
        return self._pattern_seen[pattern.pattern]

    def _normalized_texts(self) -> list[str]:
        """Every passage's normalised text, built on first use and shared by the lookups that read them."""
        if self._normalized is None:
            self._normalized = [normalize(c.text) for c in self.chunks]
        return self._normalized

    def knows(self, token: str) -> bool:
        return token in self._idf or token in self._glossary_tokens

    def knows_word(self, word: str) -> bool:
        """Whether an English word is one the documents use (or a stop word): no misspelling."""
        return word in STOPWORDS or self.knows(stem(word))

    def vocabulary_near(self, token: str) -> list[str]:
        """Known words of about the same length starting with the same letter: candidates for a typo."""
        return self._by_initial.get((token[:1], len(token)), [])

    def knows_prefix(self, stem: str) -> bool:
        """Whether a word the documents use begins with `stem` ("agre" -> "agreement")."""
        i = bisect.bisect_left(self._vocabulary, stem)
        return i < len(self._vocabulary) and self._vocabulary[i].startswith(stem)

    def spell(self, token: str) -> str:
        """An English token the documents never use, read as the known word it misspells ("agrement");
        any other token unchanged."""
        if token in self._spelled:
            return self._spelled[token]
        fixed = token
        unknown = not self.knows(token) and token not in self.synonyms
        if unknown and len(token) >= 4 and token.isascii() and token.isalpha():
            near = self.vocabulary_near(token)
            # Two neighbouring letters swapped is the likeliest slip: "strat" is start, not stat.
            swaps = {token[:i] + token[i + 1] + token[i] + token[i + 2 :] for i in range(len(token) - 1)}
            closest = [w for w in near if w in swaps] or difflib.get_close_matches(
                token, near, n=1, cutoff=0.8
            )
            fixed = closest[0] if closest else token
        if len(self._spelled) < 50_000:
            self._spelled[token] = fixed
        return fixed

    def idf(self, token: str) -> float:
        return self._idf.get(token, self.max_idf)

    def _dense(self, text: str, k: int) -> list[tuple[int, float]]:
        vector = self._embeddings.embed_query(text)
        got = self._collection.query(
            query_embeddings=[vector], n_results=min(k, len(self.chunks)), include=["distances"]
        )
        out = []
        for cid, dist in zip(got["ids"][0], got["distances"][0], strict=True):
            if cid in self._by_id:
                out.append((self._by_id[cid], 1.0 - float(dist)))
        return out

    def _lexical(self, tokens: list[str], k: int) -> list[tuple[int, float]]:
        if not tokens or not self.chunks:
            return []
        scores = self._bm25.get_scores(tokens)
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top])]
        return [(int(i), float(scores[i])) for i in top if scores[i] > 0]

    def search(self, query: str, k: int = 5, weights: Weights | None = None, pool: int = 30) -> SearchResult:
        import time

        w = weights or Weights()
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        norm = normalize(query)
        language = detect_language(query)
        tokens = [self.spell(t) for t in self.tokenizer.tokens(norm, normalized=True)]
        en_terms = self.expander.english_terms(norm)
        lex_tokens = tokens + [
            t for zh in self.expander.chinese_terms(norm) for t in self.tokenizer.tokens(zh)
        ]
        if language == "en":
            # "what is 津门行": an English question naming a Chinese term finds the English passage that
            # names it in English ("Tianjin tour") as well as the Chinese ones that repeat the term.
            lex_tokens += [t for en in en_terms for t in self.tokenizer.tokens(en)]
        lex_tokens += [s for t in tokens for s in self.synonyms.get(t, ()) if s != t and s in self._idf]
        if wants_of(norm) == "reason":
            # "why does the ministry do this plan" asks for a purpose in words it does not use ("why" is a
            # stopword): the documents' "purpose", "aim", 目的 are looked for as well.
            lex_tokens += [s for s in self.synonyms.get(stem("purpose"), ()) if s in self._idf]
        timings["tokenize"] = time.perf_counter() - t0

        dense: list[tuple[int, float]] = []
        dense_weight = w.dense
        if w.fusion != "bm25" and self.chunks:
            t = time.perf_counter()
            readable = self._embeddings.readable_share(query)
            # An encoder that cannot read Chinese gets the glossary's English names to read instead, and
            # its vote counts as much as it can read of the question (an English model mostly sees [UNK]).
            dense_text = " ".join([query, *en_terms]) if en_terms and readable < 0.9 else query
            dense_weight *= self._embeddings.readable_share(dense_text) ** 2 if readable < 0.9 else 1.0
            dense = self._dense(dense_text, pool)
            timings["dense"] = time.perf_counter() - t
        lexical: list[tuple[int, float]] = []
        if w.fusion != "dense":
            t = time.perf_counter()
            lexical = self._lexical(lex_tokens, pool)
            timings["bm25"] = time.perf_counter() - t

        t = time.perf_counter()
        hits: dict[int, Hit] = {}
        if w.fusion == "linear":
            top_lex = lexical[0][1] if lexical else 1.0
            for i, s in dense:
                hits.setdefault(i, Hit(self.chunks[i], 0.0)).score += dense_weight * max(s, 0.0)
            for i, s in lexical:
                hits.setdefault(i, Hit(self.chunks[i], 0.0)).score += w.bm25 * s / top_lex
        else:
            wd = 1.0 if w.fusion == "dense" else dense_weight
            wb = 1.0 if w.fusion == "bm25" else w.bm25
            for rank, (i, _) in enumerate(dense):
                hits.setdefault(i, Hit(self.chunks[i], 0.0)).score += wd / (w.rrf_k + rank + 1)
            for rank, (i, _) in enumerate(lexical):
                hits.setdefault(i, Hit(self.chunks[i], 0.0)).score += wb / (w.rrf_k + rank + 1)
        for rank, (i, s) in enumerate(dense):
            hits[i].dense_rank, hits[i].dense_similarity = rank, s
        for rank, (i, s) in enumerate(lexical):
            hits[i].bm25_rank, hits[i].bm25_score = rank, s
        for hit in hits.values():
            if hit.chunk.language == language:
                hit.score *= 1 + w.same_language
        ranked = sorted(hits.values(), key=lambda h: -h.score)[:k]
        timings["fusion"] = time.perf_counter() - t
        return SearchResult(ranked, tokens, language, timings)


class LiveIndex:
    """The generation CURRENT points at, switched to a newer one as soon as an ingest publishes it.

    Questions lease the searcher they use; a searcher replaced by a newer generation is closed when its
    last lease ends, so no question loses its store mid-answer and no client is left open."""

    def __init__(self, index_dir: Path, embeddings: Encoder, glossary: list[GlossaryTerm]) -> None:
        self._dir = index_dir
        self._embeddings = embeddings
        self._glossary = glossary
        self._lock = threading.Lock()
        self._searcher: Searcher | None = None
        self._stamp: tuple[int, int] | None = None
        self._leases: dict[Searcher, int] = {}
        self._retired: set[Searcher] = set()

    def set_glossary(self, glossary: list[GlossaryTerm]) -> None:
        self._glossary = glossary
        self._stamp = None  # rebuild the expander with the next question

    def get(self) -> Searcher:
        """The current searcher, for a caller that only reads what it loaded (chunks, manifest).

        Questions use `lease()`: an unleased searcher may be closed once a newer generation appears."""
        with self._lock:
            return self._current()

    @contextlib.contextmanager
    def lease(self) -> Iterator[Searcher]:
        """The current searcher, kept open until the block ends even if an ingest replaces it meanwhile."""
        with self._lock:
            searcher = self._current()
            self._leases[searcher] = self._leases.get(searcher, 0) + 1
        try:
            yield searcher
        finally:
            with self._lock:
                self._leases[searcher] -= 1
                if not self._leases[searcher]:
                    del self._leases[searcher]
                    if searcher in self._retired:
                        self._retired.discard(searcher)
                        searcher.close()

    def close(self) -> None:
        """Close every searcher (at shutdown); a later question opens the current generation again."""
        with self._lock:
            for searcher in {*self._retired, *([self._searcher] if self._searcher else [])}:
                searcher.close()
            self._retired.clear()
            self._leases.clear()
            self._searcher, self._stamp = None, None

    def _current(self) -> Searcher:
        pointer = self._dir / "CURRENT"
        try:
            st = pointer.stat()
            stamp = (st.st_mtime_ns, st.st_ino)
        except OSError:
            raise IndexError_(f"no index in {self._dir}; build one with `chizi ingest`") from None
        if self._searcher is None or stamp != self._stamp:
            gen = current_generation(self._dir)
            if gen is None:
                raise IndexError_(f"the index pointer in {self._dir} is broken; rebuild with `chizi ingest`")
            if self._searcher is None or self._searcher.generation != gen.name or self._stamp is None:
                old, self._searcher = self._searcher, self._open(gen)
                if old is not None:
                    self._retire(old)
            self._stamp = stamp
        assert self._searcher is not None
        return self._searcher

    def _retire(self, old: Searcher) -> None:
        """Close a replaced searcher now, or when the last question answering with it ends."""
        if self._leases.get(old):
            self._retired.add(old)
        else:
            old.close()

    def _open(self, gen: Path) -> Searcher:
        """The generation CURRENT names or, when it is damaged, the newest older one that opens."""
        try:
            return Searcher(gen, self._embeddings, self._glossary)
        except IndexError_ as damaged:
            older = sorted(
                (
                    p
                    for p in self._dir.iterdir()
                    if p.is_dir() and p.name < gen.name and (p / "manifest.json").exists()
                ),
                reverse=True,
            )
            for candidate in older:
                try:
                    searcher = Searcher(candidate, self._embeddings, self._glossary)
                except IndexError_:
                    continue
                log.warning(
                    "index generation %s is damaged; serving %s until `chizi ingest`",
                    gen.name,
                    candidate.name,
                )
                return searcher
            raise damaged from None


@lru_cache(maxsize=1)
def _other_places() -> list[str]:
    """English names (six letters or more) of every place in China the gazetteer knows."""
    from retrieval.places import CHINA

    return sorted({n for p in CHINA for n in p.names if n.isascii() and n.isalpha() and len(n) >= 6})
