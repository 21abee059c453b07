"""Tokens for BM25 and for matching: jieba for Chinese (with the glossary as user dictionary), words for English."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable

import jieba
import snowballstemmer

from chizi.text import normalize

_WORD = re.compile(r"[a-z0-9]+(?:[.'-][a-z0-9]+)*|[\u3400-\u9fff]+")
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "and",
        "or",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "do",
        "does",
        "did",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "how",
        "when",
        "where",
        "why",
        "can",
        "could",
        "may",
        "might",
        "will",
        "would",
        "shall",
        "should",
        "i",
        "me",
        "my",
        "you",
        "your",
        "we",
        "our",
        "they",
        "their",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "with",
        "from",
        "by",
        "about",
        "as",
        "into",
        "than",
        "then",
        "so",
        "if",
        "not",
        "no",
        "yes",
        "please",
        "tell",
        "me",
        "give",
        "any",
        "some",
        "all",
        "much",
        "many",
        "more",
        "most",
        "also",
        "just",
        "get",
        "got",
        "have",
        "has",
        "had",
        "he",
        "she",
        "his",
        "her",
        "them",
        "us",
        "come",
        "came",
        "go",
        "goes",
        "went",
        "know",
        "want",
        "like",
        "one",
        "two",
        "ever",
        "i'm",
        "i've",
        "的",
        "了",
        "吗",
        "呢",
        "吧",
        "啊",
        "是",
        "在",
        "和",
        "与",
        "及",
        "或",
        "有",
        "就",
        "都",
        "也",
        "还",
        "又",
        "我",
        "你",
        "您",
        "他",
        "她",
        "它",
        "我们",
        "你们",
        "他们",
        "什么",
        "怎么",
        "怎样",
        "如何",
        "哪些",
        "哪个",
        "哪",
        "吗",
        "请问",
        "一下",
        "一个",
        "这个",
        "那个",
        "这些",
        "那些",
        "是否",
        "可以",
        "能",
        "能否",
        "会",
        "要",
        "想",
        "给",
        "对",
        "把",
        "被",
        "让",
        "从",
        "为",
        "以",
        "多少",
        "几",
        "几个",
        "个",
        "项",
        "之",
        "其",
        "中",
        "上",
        "下",
        "里",
        "啥",
        "一共",
        "总共",
        "那个",
        "这个",
    ]
)


_STEMMER = snowballstemmer.stemmer("english")


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """Snowball (Porter 2) stem: 'raised' meets 'raise', 'activities' meets 'activity'."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    return str(_STEMMER.stemWord(word))


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

    def tokens(self, text: str, *, normalized: bool = False) -> list[str]:
        """Content tokens of `text`: stop words dropped, Chinese cut for search (whole terms and their parts)."""
        text = text if normalized else normalize(text)
        out: list[str] = []
        for piece in _WORD.findall(text):
            if _CJK_RUN.fullmatch(piece):
                for tok in self._jieba.cut_for_search(piece, HMM=True):
                    if tok not in STOPWORDS and tok.strip():
                        out.append(tok)
            elif piece not in STOPWORDS:
                out.append(_stem(piece))
        return out
