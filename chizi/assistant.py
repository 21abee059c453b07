"""The core every door (Telegram, console, CLI) calls: question in, cited answer out."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import asdict, dataclass, field
from typing import Any

from chizi.knowledge import KnowledgeBase, load_knowledge
from chizi.settings import Settings
from chizi.text import cap, clean, detect_language, scrub
from retrieval import router
from retrieval.compose import compose
from retrieval.embeddings import SentenceEmbeddings
from retrieval.faq import FaqMatcher
from retrieval.index import IndexError_, IngestReport, current_generation, ingest
from retrieval.search import LiveIndex, SearchResult, Weights, tokenizer_for

log = logging.getLogger(__name__)

GUIDE_TITLE = {"zh": "赤子助手使用说明", "en": "Chizi user guide"}


@dataclass
class Source:
    title: str
    source: str
    date: str
    snippet: str
    score: float
    as_of: str = ""


@dataclass
class Answer:
    question: str
    answer: str
    answered: bool
    language: str
    route: str
    sources: list[Source] = field(default_factory=list)
    notice: str = ""
    timings: dict[str, float] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("timings")
        for s in data["sources"]:
            s.pop("as_of")
        return data

    def render(self) -> str:
        """Plain text for a chat: answer, then the numbered sources."""
        lines = [self.notice] if self.notice else []
        lines.append(self.answer)
        if self.sources:
            lines.append("")
            lines.append("出处：" if self.language == "zh" else "Sources:")
            for n, s in enumerate(self.sources, start=1):
                lines.append(f"[{n}] {s.title} ({s.date})")
        return "\n".join(lines)


def _as_of_prefix(as_of: str, language: str) -> str:
    if not as_of:
        return ""
    return f"（资料截至{as_of}）" if language == "zh" else f"(As of {as_of}) "


def dont_know(language: str) -> str:
    if language == "zh":
        return (
            "抱歉，我的资料里没有这个问题的可靠答案，我不想编造。您可以：换个说法再问；发送 /events 查看活动；"
            "查阅人力资源和社会保障部网站 www.mohrss.gov.cn；或通过活动卡片上的联系方式询问主办方。"
        )
    return (
        "I don't know — the documents I have don't answer that, and I won't guess. You could rephrase the "
        "question, send /events to browse events, check the Ministry of Human Resources and Social Security "
        "website (www.mohrss.gov.cn), or ask the organisers through the contact on an event card."
    )


class Assistant:
    """Holds the encoder, the live index and the FAQ; thread-safe for concurrent questions."""

    def __init__(self, settings: Settings, embeddings: SentenceEmbeddings | None = None) -> None:
        self.settings = settings
        self.embeddings = embeddings or SentenceEmbeddings(settings.embedding_model)
        self.weights = Weights(dense=settings.dense_weight, bm25=settings.bm25_weight)
        self._lock = threading.Lock()
        self.kb: KnowledgeBase = load_knowledge(settings.knowledge_dir)
        self.index = LiveIndex(settings.index_dir, self.embeddings, self.kb.glossary)
        self._faq = self._build_faq(self.kb)
        self._llm = None
        if settings.llm_base_url:
            from retrieval.llm import LlmAnswerer

            key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else ""
            self._llm = LlmAnswerer(settings.llm_base_url, settings.llm_model, key, settings.llm_timeout)

    def _build_faq(self, kb: KnowledgeBase) -> FaqMatcher:
        words = tuple(sorted({t.zh for t in kb.glossary}))
        names = frozenset(words) | {name for t in kb.glossary for name in t.en}
        return FaqMatcher(kb.faq, tokenizer_for(words), self.embeddings, names)

    # --- index --------------------------------------------------------------------------------------
    def has_index(self) -> bool:
        return current_generation(self.settings.index_dir) is not None

    def ingest(
        self, paths: list[Any] | None = None, forget: list[Any] | None = None, show_progress: bool = False
    ) -> IngestReport:
        """Re-read the knowledge folder and files, publish a new index generation, reload FAQ and glossary."""
        kb = load_knowledge(self.settings.knowledge_dir)
        report = ingest(
            index_dir=self.settings.index_dir,
            knowledge_dir=self.settings.knowledge_dir,
            embeddings=self.embeddings,
            chroma_url=self.settings.chroma_url,
            paths=paths,
            forget=forget,
            knowledge=kb,
            show_progress=show_progress,
        )
        with self._lock:
            # Re-embedding the FAQ costs a model pass; only a changed FAQ or glossary needs it.
            if (kb.faq, kb.glossary) != (self.kb.faq, self.kb.glossary):
                self._faq = self._build_faq(kb)
                self.index.set_glossary(kb.glossary)
            self.kb = kb
        return report

    def ensure_index(self) -> IngestReport | None:
        return None if self.has_index() else self.ingest()

    # --- answers ------------------------------------------------------------------------------------
    def answer(self, question: str, language: str | None = None, weights: Weights | None = None) -> Answer:
        """Route, match the FAQ, retrieve, compose; never raises for bad input.

        `weights` overrides the shipped fusion for one call (evaluation of baselines) without touching
        the state other threads answer with."""
        started = time.perf_counter()
        text, cut = cap(clean(scrub(question or "")), self.settings.max_question_chars)
        lang = detect_language(text, default=language or "en") if text else (language or "en")
        notice = ""
        if cut:
            notice = (
                f"（问题过长，我只读取了前 {self.settings.max_question_chars} 个字符。）"
                if lang == "zh"
                else f"(Your message was long; I read its first {self.settings.max_question_chars} characters.)"
            )
        if not text:
            reply = (
                "请输入您的问题，例如：赤子计划是什么？"
                if lang == "zh"
                else "Please type a question, e.g. “What is the Chizi Plan?”"
            )
            return Answer(question, reply, False, lang, "empty", notice=notice)
        fixed = router.route(text)
        if fixed is not None:
            return Answer(question, fixed.reply(lang), False, lang, fixed.name, notice=notice)

        searcher = self.index.get()
        faq = self._faq.match(text, lang, searcher.idf)
        if faq is not None:
            return Answer(
                question,
                faq.entry.answer(lang),
                True,
                lang,
                "faq",
                self._faq_sources(faq.entry, lang, faq.score),
                notice,
                {"total": time.perf_counter() - started},
            )

        result: SearchResult = searcher.search(text, k=self.settings.top_k, weights=weights or self.weights)
        t = time.perf_counter()
        composed = compose(text, result, searcher)
        result.timings["compose"] = time.perf_counter() - t
        result.timings["total"] = time.perf_counter() - started
        if composed.confidence < self.settings.min_confidence or not composed.text:
            return Answer(
                question, dont_know(lang), False, lang, "unknown", notice=notice, timings=result.timings
            )
        sources = [
            Source(
                title=str(h.chunk.meta.get("title")),
                source=str(h.chunk.meta.get("origin")),
                date=str(h.chunk.meta.get("date")),
                snippet=h.chunk.text[:200],
                score=round(h.score, 4),
                as_of=str(h.chunk.meta.get("as_of") or ""),
            )
            for h in composed.cited
        ]
        body = composed.text
        route = "retrieval"
        if self._llm is not None:
            generated = self._llm.answer(text, composed.cited or result.hits[:3], lang)
            if generated:
                body, route = generated, "llm"
        prefix = _as_of_prefix(sources[0].as_of, lang) if sources else ""
        return Answer(question, prefix + body, True, lang, route, sources, notice, result.timings)

    def _faq_sources(self, entry: Any, lang: str, score: float) -> list[Source]:
        doc = (
            next(
                (d for d in self.kb.documents if d.meta.id == entry.source and d.meta.language == lang), None
            )
            if entry.source
            else None
        )
        if doc is None:
            return [
                Source(
                    GUIDE_TITLE[lang],
                    "Chizi FAQ",
                    self.kb.catalogue_updated.isoformat() if self.kb.catalogue_updated else "",
                    entry.answer(lang)[:200],
                    round(score, 4),
                )
            ]
        return [
            Source(
                doc.meta.title,
                doc.meta.source,
                doc.meta.date.isoformat(),
                doc.text[:200],
                round(score, 4),
                doc.meta.as_of.isoformat() if doc.meta.as_of else "",
            )
        ]


__all__ = ["Answer", "Assistant", "IndexError_", "Source"]
