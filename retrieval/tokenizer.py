"""Tokens for BM25 and for matching: jieba for Chinese (with the glossary as user dictionary), words for English."""

from __future__ import annotations

import functools
import logging
import re
import threading
from collections.abc import Iterable
from pathlib import Path

import jieba
import snowballstemmer

from retrieval.text import normalize

_WORD = re.compile(r"[a-z0-9]+(?:[.'-][a-z0-9]+)*|[\u3400-\u9fff]+")
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
# "where'd", "they've", "it'll", "didn't": the word without its contracted auxiliary or negation (which
# carry no content), so "where'd they go" is matched as "where did they go" is.
_CONTRACTED = re.compile(r"(?:'(?:d|ve|ll|re|m|s)|n't)$")
_NEGATED_IRREGULAR = {"can't": "can", "won't": "will", "shan't": "shall"}

# Words that say nothing about what is asked ("what", "的", "如何"): kept in a data file, not in code.
STOPWORDS = frozenset(
    word
    for line in (Path(__file__).parent / "stopwords.txt").read_text(encoding="utf-8").splitlines()
    if not line.startswith("#")
    for word in line.split()
)


VERSION = 6  # bump when tokens change: indexes built with another version re-tokenize their chunks
# A snowball stemmer keeps the word it works on in itself: two threads stemming at once (the bot answers
# in worker threads) garble each other's word or raise IndexError. So each thread has its own.
_STEMMERS = threading.local()


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball (Porter 2) stem: 'raised' meets 'raise', 'activities' meets 'activity'."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    stemmer = getattr(_STEMMERS, "english", None)
    if stemmer is None:
        stemmer = _STEMMERS.english = snowballstemmer.stemmer("english")
    return str(stemmer.stemWord(word))


# jieba's counts run from 1 to ~10^6; slips such as 杭洲, 联洛站, 融姿 are absent, rare words (几号: 10)
# are left open to correction, words in daily use (哪些 2849, 还是 9922) are not.
COMMON_WORD_FREQ = 100


class Tokenizer:
    """Owns a jieba instance so the glossary dictionary never leaks into other users of jieba."""

    def __init__(self, user_words: Iterable[str] = ()) -> None:
        jieba.setLogLevel(logging.WARNING)
        self._jieba = jieba.Tokenizer()
        self._jieba.initialize()
        for word in user_words:
            w = normalize(word)
            if _CJK_RUN.fullmatch(w):
                self._jieba.add_word(w, freq=200_000)

    def is_common_word(self, word: str) -> bool:
        """Whether jieba's general dictionary knows `word` as an everyday word (还是, 名额), which a typing
        slip is not: 还是 is never a slip for the documents' 还视."""
        return self._jieba.FREQ.get(word, 0) >= COMMON_WORD_FREQ

    def tokens(self, text: str, *, normalized: bool = False) -> list[str]:
        """Content tokens of `text`: stop words dropped, Chinese cut for search (whole terms and their parts)."""
        text = text if normalized else normalize(text)
        out: list[str] = []
        for piece in _WORD.findall(text):
            if _CJK_RUN.fullmatch(piece):
                for tok in self._jieba.cut_for_search(piece, HMM=True):
                    if tok not in STOPWORDS and tok.strip():
                        out.append(tok)
                continue
            if "'" in piece:
                piece = _NEGATED_IRREGULAR.get(piece) or _CONTRACTED.sub("", piece)
            if piece not in STOPWORDS:
                out.append(stem(piece))
                if "-" in piece:  # person-visits also matches visits
                    out += [stem(p) for p in piece.split("-") if p and p not in STOPWORDS]
        return out
