"""Chinese typing slips and paraphrase words, put right before retrieval.

Chinese is typed through pinyin, so most slips are homophones: 杭洲 for 杭州, 赤子记划 for 赤子计划,
联洛站 for 联络站. A run of characters that the knowledge base never uses but that sounds exactly like
a word it does use (and shares at least half its characters) is read as that word.

Synonyms (`synonyms.txt`) widen a question's words to the ones the documents use: "picked" also
looks for "selected", 选进 also for 入选.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from retrieval.tokenizer import stem


@functools.cache
def _pinyin(char: str) -> str:
    from pypinyin import lazy_pinyin

    return str(lazy_pinyin(char)[0])


def _is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


# A slip put right never makes a number: 是个 ("is a") sounds like 十个 ("ten"), which the documents use.
_NUMERALS = frozenset("一二三四五六七八九十百千万亿两")
# Words of grammar are typed right far more often than they stand for a slip: "对接人是谁" is not 对接人事谁.
_GRAMMAR = frozenset("是的了在有和与就都也还又我你他她它这那哪谁吗呢吧啊么")


class HomophoneFixer:
    def __init__(
        self,
        vocabulary: Iterable[str],
        min_len: int = 2,
        max_len: int = 6,
        is_common: Callable[[str], bool] = lambda word: False,
    ) -> None:
        self._known = {w for w in vocabulary if min_len <= len(w) <= max_len and all(_is_cjk(c) for c in w)}
        self._is_common = is_common  # an everyday word the documents happen not to use is not a slip
        self._by_sound: dict[tuple[str, ...], list[str]] = {}
        for word in self._known:
            self._by_sound.setdefault(tuple(_pinyin(c) for c in word), []).append(word)
        self._lengths = sorted({len(w) for w in self._known}, reverse=True)

    def fix(self, text: str) -> str:
        """`text` with homophone slips replaced by the knowledge base's words; unchanged when none."""
        out = list(text)
        i = 0
        while i < len(out):
            if not _is_cjk(out[i]):
                i += 1
                continue
            # Longest first, known words and slips alike: 津门型 is a slip for 津门行, though 津门 is a word.
            for n in self._lengths:
                window = "".join(out[i : i + n])
                if len(window) < n or not all(_is_cjk(c) for c in window):
                    continue
                if window in self._known or self._is_common(window):
                    # A word the knowledge base uses (波士顿, 南京宁交会), or an everyday one it happens not to
                    # (截止): no slip inside it, nor one starting within it (截止前 is not 截之前).
                    i += n - 1
                    break
                if self._cuts_a_word(out, i, n):
                    continue
                word = self._sounding_like(window)
                if word is None:
                    continue
                out[i : i + n] = list(word)
                i += n - 1
                break
            i += 1
        return "".join(out)

    def _sounding_like(self, window: str) -> str | None:
        """A known word read like `window` that shares at least half of its characters, without being it.
        (Each character's usual reading only: with every reading, 哪个州 sounded like 赣州.)"""
        n = len(window)
        for word in self._by_sound.get(tuple(_pinyin(c) for c in window), []):
            same = sum(a == b for a, b in zip(word, window, strict=True))
            changed = {b for a, b in zip(window, word, strict=True) if a != b}
            replaced = {a for a, b in zip(window, word, strict=True) if a != b}
            if same * 2 >= n and same < n and not changed & _NUMERALS and not replaced & _GRAMMAR:
                return word
        return None

    def _cuts_a_word(self, chars: list[str], start: int, n: int) -> bool:
        """Whether a word begins inside the window and runs past its end: in "苏州和南京", 和南 is not a slip
        for 河南, since 南京 begins at its second character; nor 会一 for 会议 in "会一共", an everyday word."""
        for j in range(start + 1, start + n):
            for m in range(2, max(self._lengths, default=2) + 1):
                if j + m > start + n:
                    word = "".join(chars[j : j + m])
                    if len(word) == m and (word in self._known or self._is_common(word)):
                        return True
        return False


# Chat shorthand for question words, which the documents never contain and so no spelling fix can find.
# Whole words only, and never a digit: "4 stations" is a number, not "for".
_SHORTHAND = {
    "wen": "when", "wat": "what", "wut": "what", "wht": "what", "whats": "what's", "hw": "how",
    "r": "are", "u": "you", "ur": "your", "ppl": "people", "pls": "please", "plz": "please",
    "abt": "about", "b4": "before", "tmr": "tomorrow", "tmrw": "tomorrow", "wanna": "want to",
    "cuz": "because", "coz": "because", "bc": "because", "sth": "something", "info": "information",
    "yr": "year", "yrs": "years", "wk": "week", "wks": "weeks", "whos": "who's",
    # question words mistyped: what is asked hangs on them
    "wher": "where", "whre": "where", "wehre": "where", "wich": "which", "whcih": "which", "waht": "what",
    "hwo": "how", "whn": "when",
}  # fmt: skip
# Cities by their pinyin initials, as chat names an event held there ("hz meetup", "nj fair", "cq tour");
# only before an event's noun, and only initials no other city the events are held in shares (sz, gz, sx).
_CITY_INITIALS = {"hz": "hangzhou", "nj": "nanjing", "cq": "chongqing", "tj": "tianjin", "nb": "ningbo",
                  "sd": "shandong", "nx": "ningxia", "yn": "yunnan", "bj": "beijing", "sh": "shanghai",
                  "gd": "guangdong"}  # fmt: skip
_CITY_INITIALS_WORD = re.compile(
    r"(?<![\w.&'-])("
    + "|".join(_CITY_INITIALS)
    + r")(?= (meet-?ups?|fairs?|tours?|weeks?|teams?|trips?|events?|exchanges?|liaison|stations?)\b)"
)
_SHORTHAND_WORD = re.compile(r"(?<![\w.&'-])(" + "|".join(_SHORTHAND) + r")(?![\w.&'-])")


# Openers that carry no question ("so basically what is chizi about", "ok um when is …"); "so many" stays.
_OPENERS = re.compile(
    r"^(?:(?:so(?! (?:many|much|far|long)\b)|ok|okay|well|um+|uh+|hmm+|basically|actually|just wondering|"
    r"hi+|hello|hey|hiya|greetings|good (?:morning|afternoon|evening)|dear (?:sir|madam|chizi)|"  # greetings
    r"quick question|quick one|question"
    # polite wrappers: "i was wondering whether you could tell me when …" asks "when …" (and no past "was")
    r"|i was wondering|i wonder|i'?d like to know|i would like to know"
    r"|(?:could|would|can) you (?:please |kindly )?(?:tell me|let me know)|(?:please |kindly )?let me know"
    r"|may i ask)\b(?: (?:if|whether)\b)?(?: you could (?:tell me|let me know)\b)?[\s,.:!-]*)+(?=\w)"
)


# Everyday phrasings of what the documents name with one word: "what is the plan for" asks its purpose,
# "what existed before chizi" its predecessor.
_PARAPHRASES = [
    (re.compile(r"\bto what extent\b"), "how much"),  # "to what extent did the activities attract …"
    (re.compile(r"\bkick(?:ed|s)? off\b"), "start"),  # "what year did it kick off"
    (re.compile(r"\bin (?:what|which) capacity\b"), "in what ways"),
    (re.compile(r"\bpress (?:launch|launches|briefings?|events?)\b"), "press conferences"),  # not "launched"
    (
        re.compile(
            r"\bwhat(?: is|'s| was)? (the (?:chizi )?plan|chizi|it)(?: is| was)?(?: actually| really| even)? for\W*$"
        ),
        r"what is the purpose of \1",
    ),
    (
        re.compile(r"\bwhat (?:existed|came|was there|happened) before (the (?:chizi )?plan|chizi|it)\b"),
        r"what was the predecessor of \1",
    ),
]


# "10k scholars", "2k intentions": thousands written as the documents write them (10,000).
_THOUSANDS = re.compile(r"(?<![\w.])(\d{1,3}(?:\.\d)?)\s?k\b")
# "in twenty twelve", "two thousand and ten": a year spoken, read as the year the documents write.
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen")  # fmt: skip
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_SPOKEN_YEAR = re.compile(
    rf"\b(?:twenty|two thousand(?: and)?) (?:(?P<teen>{'|'.join(_TEENS)})|twenty(?:[- ](?P<unit>{'|'.join(_UNITS)}))?)\b"
)


def _spoken_year(m: re.Match[str]) -> str:
    if m.group("teen"):
        return str(2010 + _TEENS.index(m.group("teen")))
    return str(2020 + (_UNITS.index(m.group("unit")) + 1 if m.group("unit") else 0))


# Spoken Chinese put in the words the rules and the documents use: 啥 is 什么, 咋 is 怎么, and a closing
# particle of tone (哈, 啊, 呀 …) says nothing ("多少人次哈" counts 人次, not 哈). 吗, 呢 and 吧 stay:
# they make a question, a follow-up or a guess.
_SPOKEN_ZH = [
    (re.compile(r"咋整|咋弄|怎么整"), "怎么办"),
    (re.compile(r"干嘛|干啥"), "干什么"),
    (re.compile(r"啥"), "什么"),
    (re.compile(r"咋"), "怎么"),
]
_TONE_PARTICLE = re.compile(r"(?<=[\u4e00-\u9fff])[哈啊呀嘛啦哦喔呗咯]+(?=[\s?？!！。.,，~～]*$)")


def plain_chinese(normalized: str) -> str:
    """Spoken Chinese in the documents' words ("报名到啥时候" -> "报名到什么时候")."""
    text = _TONE_PARTICLE.sub("", normalized)
    for rx, plain in _SPOKEN_ZH:
        text = rx.sub(plain, text)
    return text


# Words the question readers key on (slots, concepts, how-tos) that the documents may never use: a
# misspelling of one ("seets", "budjet", "cancle") is put right before the question is read.
QUESTION_WORDS = [
    "seats", "deadline", "budget", "raise", "raised", "cancel", "register", "registration", "online",
    "weather", "schedule", "salary", "visa", "hotel", "accommodation", "agenda", "speakers", "waitlist",
    "timezone", "contact", "email", "reminder", "subscribe", "unsubscribe", "privacy", "delete",
    "meetup", "capacity", "available", "hybrid", "virtual", "unregister", "deregister",
]  # fmt: skip


@functools.lru_cache(maxsize=1)
def _english() -> Any:
    from spellchecker import SpellChecker  # its word list loads in about 0.2 s, once, on first use

    return SpellChecker(distance=1)


def is_english_word(word: str) -> bool:
    """Whether a lower-case word is in an English word list (pyspellchecker's): such a word is what the
    asker meant, however close it is to another ("whether", "headline", "erase")."""
    return word in _english()


_SCRIPT_SEAM = re.compile(r"(?<=[\u4e00-\u9fff])(?=[a-z]{2})|(?<=[a-z]{2})(?=[\u4e00-\u9fff])")


# Question words typed in pinyin ("jinmenxing shenme shihou kaishi", "chizi jihua shi shenme"): only phrases
# and words no English word spells, so "shi" or "na" alone are left as they are.
_PINYIN = [
    (re.compile(rf"(?<![\w'-]){pinyin}(?![\w'-])"), english)
    for pinyin, english in [
        (r"shenme ?shihou|sheme ?shihou|heshi", "when"),
        (r"shi ?shenme|shi ?sha", "what is"),
        (r"zai ?nali|zai ?nar|zai ?nae?r", "where"),
        (r"duoshao|ji ?ge", "how many"),
        (r"ji ?hao|na ?tian", "what date"),
        (r"kaishi", "start"),
        (r"jiezhi", "deadline"),
        (r"baoming", "registration"),
        (r"huodong", "events"),
        (r"jihua", "plan"),
    ]
]


def plain_english(normalized: str) -> str:
    """English chat shorthand spelled out ("wen is the shandong fair" -> "when is the shandong fair"),
    empty openers dropped ("so basically what is chizi about" -> "what is chizi about") and everyday
    phrasings put in the documents' word ("what is the plan for" -> "what is the purpose of the plan")."""
    # An English word typed against Chinese ("宁交会能online参加不") is a word of its own.
    text = _SCRIPT_SEAM.sub(" ", normalized)
    for rx, english in _PINYIN:
        text = rx.sub(english, text)
    text = _OPENERS.sub("", _SHORTHAND_WORD.sub(lambda m: _SHORTHAND[m.group(1)], text))
    text = _CITY_INITIALS_WORD.sub(lambda m: _CITY_INITIALS[m.group(1)], text)
    text = _THOUSANDS.sub(lambda m: f"{int(float(m.group(1)) * 1000):,}", text)
    text = _SPOKEN_YEAR.sub(_spoken_year, text)
    for rx, plain in _PARAPHRASES:
        text = rx.sub(plain, text)
    return text


_ASCII_WORD = re.compile(r"(?<![\w'-])[a-z]{4,}(?![\w'-])")


def swapped_letters(text: str, names: frozenset[str], known: Callable[[str], bool]) -> str:
    """Words of the events' names typed with two neighbouring letters swapped ("ningxia fiar", "tianjin
    tuor") put right; a word `known` (the documents' or a stop word) is a word of its own, never changed."""

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        if word in names or known(word):
            return word
        for i in range(len(word) - 1):
            swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            if swapped in names:
                return swapped
        return word

    return _ASCII_WORD.sub(fix, text)


def load_synonyms(path: Path) -> dict[str, frozenset[str]]:
    """token -> the tokens it may stand for (English words stemmed as the tokenizer stems them)."""
    groups: dict[str, frozenset[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        words = frozenset(w if _is_cjk(w[0]) else stem(w.lower()) for w in line.split())
        for w in words:
            groups[w] = groups.get(w, frozenset()) | words
    return groups
