"""Text hygiene shared by ingestion, retrieval and the bot: one normal form for matching."""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

# Zero-width characters and bidirectional controls carry no meaning for a question but break matching.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"\s+")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")


@functools.cache
def _t2s() -> Any:
    import opencc  # imported lazily: the dictionary load is not free

    return opencc.OpenCC("t2s")


@functools.cache
def _s2t() -> Any:
    import opencc

    return opencc.OpenCC("s2t")


def is_traditional(text: str) -> bool:
    """Whether a Chinese text is written in traditional characters (so the reply should be too)."""
    return bool(_CJK.search(text)) and _t2s().convert(text) != text


# A counted 个 is 個: OpenCC's phrase table reads "23个中国…" as 箇中 ("therein") and writes 23箇中國.
_COUNTED_GE = re.compile(r"(?<=[\d一二三四五六七八九十百千万两几多每])个")


def to_traditional(text: str) -> str:
    return str(_s2t().convert(_COUNTED_GE.sub("個", text)))


def clean(text: str) -> str:
    """Drop invisible and control characters and fold runs of white space; keeps the user's wording."""
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


# Phones type curly apostrophes ("what’s on in June?"); every pattern is written with the straight one.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'"})


def normalize(text: str) -> str:
    """The matching form: full-width to half-width (NFKC), straight apostrophes, traditional to
    simplified, lower case."""
    text = unicodedata.normalize("NFKC", clean(text)).translate(_APOSTROPHES)
    if _CJK.search(text):
        text = _t2s().convert(text)
    return text.lower()


def word_pattern(term: str) -> str:
    """A regex for `term` as a whole word. For a Latin term the edges are Latin letters and digits only,
    so that a Chinese character beside it is an edge too: "chizi计划", "Ningbo那个" (`\\b` sees none there,
    since Chinese characters are word characters to it)."""
    escaped = re.escape(term)
    return rf"(?<![A-Za-z0-9]){escaped}(?![A-Za-z0-9])" if term.isascii() else escaped


def any_of(*parts: str) -> re.Pattern[str]:
    """One pattern for alternatives written apart (a rule's Chinese and its English wording)."""
    return re.compile("|".join(parts))


@functools.lru_cache(maxsize=4096)
def word_rx(term: str) -> re.Pattern[str]:
    """`word_pattern(term)` compiled once: event names and place names are looked up in every question,
    more of them than the `re` module's own cache holds."""
    return re.compile(word_pattern(term))


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def detect_language(text: str, default: str = "en") -> str:
    """'zh' when Chinese characters make up a fair share of the letters, else 'en'."""
    cjk = len(_CJK.findall(text))
    latin_words = len(re.findall(r"[A-Za-z]+", text))
    if cjk == 0 and latin_words == 0:
        return default
    # About two characters make a Chinese word: a Chinese sentence with one English name in it is
    # still Chinese, an English sentence naming 赤子计划 is still English. A question asked with Chinese
    # question words is Chinese however many English names it holds ("Suzhou elite week 还有名额吗").
    if _ZH_QUESTION_WORD.search(text):
        return "zh"
    # "重庆行 2027 deadline?", "宁洽会 2027 where?": Chinese names, an English question.
    if _EN_QUESTION_WORD.search(text.lower()):
        return "en"
    return "zh" if cjk / 2 > latin_words else "en"


_EN_QUESTION_WORD = re.compile(
    r"\b(what|when|where|which|who|why|how|deadline|seats?|places|register|contact|email)\b"
)
_ZH_QUESTION_WORD = re.compile(
    r"[吗呢嘛]|什么|怎么|哪(里|儿|个|些|年|天)|几(个|号|家|位|天|月)|多少|有没有|能不能|可以吗|是不是"
)


# Bounded repeats: a long run of letters or digits must cost linear time, not quadratic (100 KB messages).
_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{1,190}")
_PHONE = re.compile(r"\+?\d[\d\s().-]{7,24}\d")


# Emoji, pictographs and their joiners: "几个活动呀🙂" ends on its particle, and "👋 hi" opens on a greeting.
_EMOJI = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D]+")


def without_emoji(text: str) -> str:
    """`text` with emoji and pictographs put as spaces (what is left is the question in words)."""
    return _EMOJI.sub(" ", text)


def scrub(text: str) -> str:
    """Remove e-mail addresses and phone numbers: they answer nothing and must not be stored or sent on."""
    return _PHONE.sub(" ", _EMAIL.sub(" ", text))


def cap(text: str, limit: int) -> tuple[str, bool]:
    """Cut text to `limit` characters; says whether it cut."""
    if len(text) <= limit:
        return text, False
    return text[:limit], True


_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|(?<=\.)(?=\s)|\n+")


def sentences(text: str) -> list[str]:
    """Split into sentences at Chinese and Western sentence ends."""
    parts = (p.strip() for p in _SENTENCE_END.split(text))
    return [p for p in parts if p and not re.fullmatch(r"[\W_]+", p)]


# Who the asker is ("as a finance researcher, …", "I'm a PhD student in Boston. …", "我在德国读博，…"): it
# tells an event question what fits, but its words only pull a document search towards the wrong passage.
_ABOUT_ME_EN = re.compile(
    r"^\s*(?:(?:as an? |i'?m an? |i am an? |i work (?:on|in|at) |i study |i'?m (?:doing|studying|working) )"
    # not across a colon: "as a journalist I want to double-check: which ministry launched the plan, and …"
    r"[^.!?;,:]{2,80}[.!;,:-]\s+)+",
    re.IGNORECASE,
)
_ABOUT_ME_ZH = re.compile(
    r"^\s*(?:我(?:是|在|做|读|学|老家|来自|家在)[^，。,；;？?！!：:]{1,30}[，。,；;！!：:]\s*)+"
)


# Any first-person opening sentence set off by a full stop, colon or dash ("I'm writing a report on
# diaspora engagement — how many …"), when the question after it stands alone (no "that area", "it").
_STORY_EN = re.compile(
    r"^\s*(?:i'?m|i am|i|my|we|our)\b[^.!?;:—–]{2,120}(?:[.!;:]|\s[—–-])\s+", re.IGNORECASE
)
_BACK_REFERENCE_EN = re.compile(r"\b(that|this|these|those|it|there|them)\b", re.IGNORECASE)
# The question after the introduction points back into it: "哪个活动跟我的领域有关" asks about the field the
# introduction names (我做云计算), "跟这样的协会签过协议吗" and "associations like mine" about associations.
_MY_FIELD = re.compile(
    r"我的(?:领域|方向|专业|行业|研究方向)|我这(?:个领域|一行|行)"
    r"|\b(?:my|our) (?:field|area|line of work|research area|speciality|specialty|discipline)\b",
    re.IGNORECASE,
)
_LIKE_MINE = re.compile(r"这样的|这种|这类|我们这(?:种|类|样)的?|\s*\blike (?:mine|ours)\b", re.IGNORECASE)
_FIELD_NAMED = re.compile(
    r"(?:做|研究|搞|从事|学)(?P<zh>[^，,。；;！!？?\s]{2,12}?)(?:研究|方向|工作)?[，,。；;！!：:]"
    r"|\bi (?:do|work (?:in|on)|study|research) (?P<en>[\w -]{2,40}?)(?: (?:in|at) [\w -]+)?[.,;:!]",
    re.IGNORECASE,
)


def _pointing_back_resolved(intro: str, rest: str) -> str | None:
    """`rest` with what it points back to filled in from `intro`, or None if it points to nothing."""
    if _MY_FIELD.search(rest):
        m = _FIELD_NAMED.search(intro)
        if m is None:
            return None
        field = m.group("zh") or m.group("en")
        rest = _MY_FIELD.sub(field, rest)
    return _LIKE_MINE.sub("", rest)


def without_introduction(question: str) -> str:
    """A question without the asker's opening words about themselves, when a question of
    its own remains ("did any chizi activity involve finance?"); otherwise unchanged."""
    for rx, enough in ((_ABOUT_ME_EN, lambda s: len(s.split()) >= 4), (_ABOUT_ME_ZH, lambda s: len(s) >= 5)):
        m = rx.match(question)
        if m and enough(rest := question[m.end() :].strip()):
            return _pointing_back_resolved(question[: m.end()], rest) or question
    m = _STORY_EN.match(question)
    if (
        m
        and len((rest := question[m.end() :].strip()).split()) >= 4
        and not _BACK_REFERENCE_EN.search(rest)
        and (resolved := _pointing_back_resolved(question[: m.end()], rest))
    ):
        return resolved
    return question


# "…, didn't they", "…, isn't it": a negated auxiliary and a pronoun at the end of a statement.
TAG_EN = r"\b(isn|wasn|didn|doesn|aren|weren|hasn|haven)'?t (it|they|that|there|he|she)"
# "…started in 2008, right?": the tag asks for confirmation and is no word to look for in the documents.
_TAG_QUESTION = re.compile(
    rf",?\s*\b(right|correct|true|yes or no|isn'?t that (so|right)|{TAG_EN}|no)"
    r"\s*\?*\s*$",
    re.I,
)


def without_tag_question(question: str) -> str:
    """A question without a trailing tag asking for confirmation (", right?"), where words remain."""
    rest = _TAG_QUESTION.sub("", question).strip()
    return rest if len(rest.split()) >= 3 else question
