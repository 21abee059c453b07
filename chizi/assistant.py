"""The core every door (Telegram, console, CLI) calls: question in, cited answer out.

One question goes: fixed replies (greetings, help, injections, other people's data, off-topic) →
what it asks (`retrieval.understand`), read against the chat's previous question when it leans on it →
events from the live catalogue and registry, or the curated FAQ, or the plan documents with their
constraints checked → a reply in the asker's language and script.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Protocol

from chizi.catalogue import Event
from chizi.conversations import Conversations, MemoryConversations, Turn
from chizi.event_answers import EventDesk, EventRef, SeatsFn
from chizi.knowledge import KnowledgeBase, load_knowledge
from chizi.registry import OrganiserAnswer, utcnow
from chizi.settings import Settings
from chizi.texts import concept_name, joined, t
from chizi.timezones import zone_named_in
from retrieval import router
from retrieval.compose import (
    Composed,
    asks_a_period,
    asks_only_the_plans_purpose,
    compose,
    passage_misses,
    states_purpose,
)
from retrieval.concepts import FOCUS_CONCEPTS
from retrieval.counting import count_kind
from retrieval.dates import month_next_to
from retrieval.embeddings import Encoder, load_encoder
from retrieval.evidence import check
from retrieval.faq import FaqMatch, FaqMatcher
from retrieval.index import IndexError_, IngestReport, current_generation, ingest
from retrieval.knowledge import FaqEntry
from retrieval.places import shown_as
from retrieval.search import Hit, LiveIndex, Searcher, SearchResult, Weights, tokenizer_for
from retrieval.slots import CATALOGUE_STATUS, EVENT_ONLY_SLOTS, NEXT_EDITION, mentions_event
from retrieval.text import (
    cap,
    clean,
    detect_language,
    is_traditional,
    normalize,
    scrub,
    to_traditional,
    without_emoji,
    without_introduction,
    without_tag_question,
)
from retrieval.typos import swapped_letters
from retrieval.understand import NAMES_THE_PLAN, Question, asks_another_thing, resolve_follow_up, understand
from retrieval.wants import wants_of

log = logging.getLogger(__name__)
# The kinds of fact a curated question asks for that another question's words may share without asking it
# ("how many scholars did the Tianjin tour invite" and "how did it decide whom to invite").
_FACT_WANTS = frozenset(
    ["count", "money", "year", "date", "duration", "person", "org", "place", "share", "ranking"]
)
_CONCEPTS = dict(FOCUS_CONCEPTS)

GUIDE_TITLE = {lang: t("a_guide_title", lang) for lang in ("zh", "en")}
CATALOGUE_TITLE = {lang: t("a_catalogue_title", lang) for lang in ("zh", "en")}


class CatalogueSource(Protocol):
    """Where the live catalogue and the organisers' answers are kept (the registry's database)."""

    def sync_events(self, events: list[Event]) -> list[str]: ...

    def catalogue(self) -> list[Event]: ...

    def faq_answers(self) -> list[OrganiserAnswer]: ...


@dataclass
class Source:
    title: str
    source: str
    date: str
    snippet: str
    score: float
    as_of: str = ""


# A run of 40+ Latin letters or digits with no break is no word of any language (keyboard mashing, pasted
# hashes); left in, its sub-word pieces pull the dense side towards arbitrary passages.
_NOISE = re.compile(r"[A-Za-z0-9]{40,}")


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
    events: list[EventRef] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("timings")
        if not self.events:
            data.pop("events")
        for s in data["sources"]:
            s.pop("as_of")
        return data

    def render(self) -> str:
        """Plain text for a chat: answer, then the numbered sources."""
        lines = [self.notice] if self.notice else []
        lines.append(self.answer)
        if self.sources:
            lines.append("")
            lines.append(t("a_sources", self.language))
            for n, s in enumerate(self.sources, start=1):
                lines.append(f"[{n}] {s.title} ({s.date})")
        return "\n".join(lines)

    def deep_links(self) -> list[str]:
        """`/start evt_<id>` for each event the answer names: what the console prints under it."""
        return [f"/start evt_{e.id}" for e in self.events]


def organiser_entry(answer: OrganiserAnswer) -> FaqEntry:
    """An organiser's answer as an FAQ entry: matched by meaning, and always for the very question."""
    return FaqEntry(
        id=f"console-{answer.id}",
        q_zh=[answer.question],
        q_en=[answer.question],
        a_zh=answer.answer_zh,
        a_en=answer.answer_en,
        patterns=[f"^{re.escape(normalize(answer.question))}$"],
        kind="howto",
    )


def _as_of_prefix(as_of: str, language: str) -> str:
    if not as_of:
        return ""
    return t("a_as_of", language, as_of=as_of)


def where_next(language: str) -> str:
    return t("a_where_next", language)


def dont_know(language: str) -> str:
    return t("a_dont_know", language) + where_next(language)


class Assistant:
    """Holds the encoder, the live index, the FAQ and the events desk; thread-safe for concurrent questions."""

    def __init__(
        self,
        settings: Settings,
        embeddings: Encoder | None = None,
        *,
        seats: SeatsFn | None = None,
        conversations: Conversations | None = None,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self.settings = settings
        self.embeddings = embeddings or load_encoder(settings.embedding_model)
        self.weights = settings.retrieval.weights()
        self.tuning = settings.retrieval.tuning()
        self.conversations: Conversations = conversations or MemoryConversations()
        self._clock = clock
        self._frozen: dt.datetime | None = None
        self._seats = seats
        self._lock = threading.Lock()
        self.kb: KnowledgeBase = load_knowledge(settings.knowledge_dir)
        self.seed_events = self.kb.events  # events.yaml: the whole catalogue until a database holds it
        self._catalogue: CatalogueSource | None = None
        self._answers: list[FaqEntry] = []  # answers organisers wrote in the console
        self.index = LiveIndex(settings.index_dir, self.embeddings, self.kb.glossary)
        self._faq = self._build_faq(self.kb)
        self._set_events(self.kb)
        self._llm = None
        if settings.llm_base_url:
            from retrieval.llm import LlmAnswerer

            key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else ""
            self._llm = LlmAnswerer(settings.llm_base_url, settings.llm_model, key, settings.llm_timeout)

    def _build_faq(self, kb: KnowledgeBase) -> FaqMatcher:
        words = tuple(sorted({t.zh for t in kb.glossary}))
        names = frozenset(words) | {name for t in kb.glossary for name in t.en}
        return FaqMatcher([*kb.faq, *self._answers], tokenizer_for(words), self.embeddings, names)

    def _set_events(self, kb: KnowledgeBase) -> None:
        self.events = EventDesk(kb.events, self._seats)
        self._aliases = self.events.aliases()
        # The English words of the events' names, for names typed with two letters swapped ("fiar").
        self._name_words = frozenset(
            w
            for names in self._aliases.values()
            for n in names
            if n.isascii()
            for w in re.findall(r"[a-z]{4,}", n)
        )
        self._event_places = self.events.places_of()

    def use_registry(
        self, seats: SeatsFn, conversations: Conversations, catalogue: CatalogueSource | None = None
    ) -> None:
        """Count seats left with the registry's live figures and keep chats in its database (the doors
        wire this at start, once they have opened the database). With `catalogue`, the events and the
        organisers' answers come from the database, events.yaml being imported into it first."""
        self._seats = seats
        self.conversations = conversations
        if catalogue is not None:
            self.use_catalogue(catalogue)
        else:
            self._set_events(self.kb)

    def use_catalogue(self, catalogue: CatalogueSource) -> None:
        """Take the events and the organisers' answers from the database, importing events.yaml first."""
        self._catalogue = catalogue
        catalogue.sync_events(self.seed_events)
        self.refresh_catalogue()

    def refresh_catalogue(self) -> None:
        """Read the events and the organisers' answers from the database again (after a console edit)."""
        if self._catalogue is None:
            return
        events = self._catalogue.catalogue()
        answers = [organiser_entry(a) for a in self._catalogue.faq_answers()]
        with self._lock:
            kb = replace(self.kb, events=events)
            if answers != self._answers:
                self._answers = answers
                self._faq = self._build_faq(kb)
            self.kb = kb
            self._set_events(kb)

    # --- time -----------------------------------------------------------------------------------------
    def now(self) -> dt.datetime:
        return self._frozen or self._clock()

    @contextlib.contextmanager
    def frozen_clock(self, moment: dt.datetime) -> Iterator[None]:
        """Answer as if it were `moment` (evaluation: event answers depend on today)."""
        self._frozen = moment
        try:
            yield
        finally:
            self._frozen = None

    # --- index --------------------------------------------------------------------------------------
    def has_index(self) -> bool:
        return current_generation(self.settings.index_dir) is not None

    def close(self) -> None:
        """Release the index's vector store clients (at shutdown)."""
        self.index.close()

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
        self.seed_events = kb.events
        if self._catalogue is not None:
            self._catalogue.sync_events(kb.events)
            kb = replace(kb, events=self._catalogue.catalogue())
        with self._lock:
            # Re-embedding the FAQ costs a model pass; only a changed FAQ or glossary needs it.
            if (kb.faq, kb.glossary) != (self.kb.faq, self.kb.glossary):
                self._faq = self._build_faq(kb)
                self.index.set_glossary(kb.glossary)
            self.kb = kb
            self._set_events(kb)
        return report

    def ensure_index(self) -> IngestReport | None:
        return None if self.has_index() else self.ingest()

    # --- answers ------------------------------------------------------------------------------------
    def answer(
        self,
        question: str,
        language: str | None = None,
        weights: Weights | None = None,
        chat: str | None = None,
        zone: str | None = None,
    ) -> Answer:
        """Route, understand, answer from events, FAQ or documents; never raises for bad input.

        `chat` names the conversation (a follow-up leans on its previous question); `zone` is the asker's
        own time zone (event times are also given on their clock); `weights` overrides the shipped fusion
        for one call (evaluation of baselines) without touching shared state."""
        started = time.perf_counter()
        # Cut first: everything after works on at most max_question_chars, however long the message.
        text, cut = cap(question or "", self.settings.max_question_chars)
        text = clean(_NOISE.sub(" ", without_emoji(scrub(text))))
        if not re.search(r"\w", text):
            text = ""  # only emoji, symbols or invisible characters: nothing to answer, ask for words
        lang = detect_language(text, default=language or "en") if text else (language or "en")
        notice = ""
        if cut:
            notice = t("a_too_long", lang, n=self.settings.max_question_chars)
        if not text:
            reply = t("a_type_a_question", lang)
            return Answer(question, reply, False, lang, "empty", notice=notice)
        answer = self._answer(question, text, lang, weights, chat, zone)
        answer.notice = notice
        answer.timings["total"] = time.perf_counter() - started
        if lang == "zh" and is_traditional(text):
            answer.answer = to_traditional(answer.answer)
        return answer

    def _answer(
        self,
        question: str,
        text: str,
        lang: str,
        weights: Weights | None,
        chat: str | None,
        zone: str | None = None,
    ) -> Answer:
        fixed = router.route(text)
        if fixed is not None:
            return Answer(question, t("r_" + fixed, lang), fixed == "help", lang, fixed)
        # The searcher stays open for this question even if an ingest publishes a newer generation.
        with self.index.lease() as searcher:
            return self._answer_from(searcher, question, text, lang, weights, chat, zone)

    def _answer_from(
        self,
        searcher: Searcher,
        question: str,
        text: str,
        lang: str,
        weights: Weights | None,
        chat: str | None,
        zone: str | None,
    ) -> Answer:
        now = self.now()
        plain = normalize(text)
        norm = swapped_letters(searcher.fix_typos(plain), self._name_words, searcher.knows_word)
        q = self._understand(norm, now, text)
        # Searched as normalised where that changed more than case and spacing: a typo fixed, or traditional
        # characters made simplified (计画 and 計畫 read as the documents' 计划).
        asked = norm if norm != plain or is_traditional(text) else text
        previous = self.conversations.recall(chat, now) if chat else None
        if (
            previous is not None
            and previous.frame.get("listing")
            and (q.first or q.last or q.seats_rank or q.longest)
            and not (q.events or q.places or q.months or q.fields)
        ):
            # "which of those is earliest", "其中哪个名额最少" after a list of events: that list, ranked.
            asked = previous.text
            q = replace(
                self._understand(normalize(asked), now, asked),
                first=q.first, last=q.last, seats_rank=q.seats_rank, longest=q.longest,
            )  # fmt: skip
        elif (
            previous is not None
            and previous.frame.get("months")
            and (next_month := month_next_to(norm, previous.frame["months"])) is not None
            and not (q.events or q.places or q.fields)
        ):
            # "and the month after?" after "what's on in October": the same question of November.
            asked = previous.text
            q = replace(self._understand(normalize(asked), now, asked), months=(next_month,))
        elif (
            previous is not None
            and q.follow_up
            and q.months
            and previous.frame.get("months")
            and not (q.events or q.places or q.fields)
        ):
            # "那七月呢" after "六月有什么活动": the same question of the month now named.
            asked = previous.text
            q = replace(self._understand(normalize(asked), now, asked), months=q.months)
        elif (
            previous is not None
            and q.follow_up
            # (a how-to in its own words is that how-to whatever came before: "what happens to my seat if I
            # cancel" after a question about calendars; but "how do I register?" after an event is for that one)
            and not (
                (own := self._faq.match_pattern(text)) is not None
                and (
                    bool(previous.frame.get("listing"))
                    or (own.howto and not (q.slot == "register" and previous.frame.get("events")))
                )
            )
            # ("what about the smallest one?" after "which event is the biggest": the calendar ranked again,
            # not the one event just named)
            and not (
                q.listing and (q.first or q.last or q.seats_rank or q.longest) and not (q.events or q.places)
            )
        ):
            # (but "其中哪个最便宜" after a list is the cost how-to, which no event's card answers)
            asked, merged = resolve_follow_up(q, previous.frame, previous.text, self._aliases)
            if merged is None:
                asked_here = q
                q = self._understand(normalize(asked), now, asked)
                if (
                    asks_another_thing(asked_here, q.wants)
                    or asked_here.counted
                    # 它们带来了多少人次 after 2012年有多少个活动入选 counts people, not what was selected
                    or asked_here.count_kind not in (None, count_kind(normalize(previous.text)))
                ):
                    # "钱呢" after "津门行邀请了多少学者": the same subject, and what the follow-up asks of it;
                    # "解决了多少问题呢" after "津门行请了多少专家" counts problems, not the experts.
                    q = replace(
                        q,
                        wants=asked_here.wants,
                        counted=asked_here.counted,
                        count_kind=asked_here.count_kind or q.count_kind,
                        # "where's the overseas one" after "how many stations did Hangzhou set up": the
                        # verb to check is the follow-up's own (none), not one read across the two.
                        predicate=asked_here.predicate,
                    )
                if (
                    (asked_here.slot in EVENT_ONLY_SLOTS or NEXT_EDITION.search(norm))
                    and q.places
                    and not q.events
                ):
                    # "how many seats does that one have?" after "how many agreements were signed in
                    # Chongqing", "下一届什么时候" after the Ningbo fair's 2012 money: the event held there now.
                    q = self._events_at_places(
                        replace(q, slot=asked_here.slot or "when", past=False, years=()), now
                    )
            elif previous.frame.get("listing") and not merged.events and not q.places:
                # "how many places are left?" after a list of several events: the list again, which gives
                # each one's places left and deadline; "which of those is online?", "which close within a
                # month?" narrow it by the follow-up's own filters.
                here = q
                q = self._understand(normalize(asked), now, asked)
                q = replace(
                    q,
                    online=q.online or here.online,
                    hybrid=q.hybrid or here.hybrid,
                    closing_soon=q.closing_soon or here.closing_soon,
                    closes_within=here.closes_within or q.closes_within,
                    seats_bound=here.seats_bound or q.seats_bound,
                )
            else:
                # "那天津呢？" after an event question: the event held in the place now named; but "where
                # exactly in Zhejiang?" after the Ningbo week asks where that one is, in the province it is in.
                within = (
                    q.slot == "place"
                    and bool(merged.events)
                    and set(merged.events) <= {e.id for e in self.events.at_places(q.places, now)}
                )
                q = (
                    self._events_at_places(merged, now)
                    if q.places and not q.events and not within
                    else merged
                )
        elif (
            previous is not None
            and q.focus
            and not (q.events or q.places or q.years)
            and len(previous.frame.get("events") or []) == 1
            and not previous.frame.get("listing")
            and not NAMES_THE_PLAN.search(norm)  # "what is the plan's budget" asks of the plan
        ):
            # "能带家属吗" right after a question about the Shandong fair: that event's arrangement, which its
            # organisers can tell.
            q = replace(q, events=tuple(previous.frame["events"]))
        elif (
            (not q.events or q.versus)
            and q.places
            and q.slot
            and not q.past
            and (mentions_event(norm) or q.slot in EVENT_ONLY_SLOTS or q.versus)
        ):
            # "宁夏那个活动在哪个城市", "seats left for chongqing?": an event named by its place; "which is
            # earlier, the Shaoxing tour or the Dali one?" compares the events of two places, one perhaps
            # named by its event (the 2012 report gives no dates).
            q = self._events_at_places(q, now)
        if chat:
            self.conversations.remember(chat, Turn(asked, q.frame(), now))

        # An explicit how-to ("我报了哪些活动", "how do I join") outranks a reading as an event question,
        # and a how-to about a named event ("how much does the Suzhou week cost", "I can't make it to the
        # Tianjin tour anymore") when the question asks none of its attributes.
        if CATALOGUE_STATUS.search(norm):
            return self._catalogue_status(question, lang, now)
        pattern = self._faq.match_pattern(asked)
        # A follow-up of a curated answer asks what it did not say ("since when?" after "which ministry runs
        # the plan"): the same answer again is no reply.
        said_already = (
            pattern
            if previous is not None
            and asked != text
            and self._faq.match_pattern(text) is None
            and self._faq.match_pattern(previous.text) is pattern
            else None
        )
        if said_already is not None:
            pattern = None
        # A curated plan fact (of 2012) meets the question's year and place, or is no answer: "2015年有哪些著名品牌".
        if pattern is not None and not pattern.howto and not check(q, self._faq.checkable_text(pattern)).ok:
            pattern = None
        if pattern is not None and (not q.events or not q.slot or pattern.about_registrations):
            return Answer(
                question, pattern.answer(lang), True, lang, "faq", self._faq_sources(pattern, lang, 1.0)
            )
        if (
            q.events
            and q.focus in (("venue",), ("street address",))
            and q.slot == "place"
            and len(q.events) == 1
        ):
            # "海洽会 venue where": the city is on its card, the hall is not.
            venue = self.events.city_not_venue(q.events[0], lang)
            return Answer(question, venue.text, True, lang, "event", events=venue.events)
        if q.events and q.focus and len(q.events) == 1:
            # "who are the speakers at the Nanjing fair": not on its card, nor in the 2012 report; its
            # organisers know, and the reply says how to reach them.
            what = joined([concept_name(c, lang) for c in q.focus], lang)
            reply = self.events.ask_organisers(q.events[0], what, lang)
            return Answer(question, reply, False, lang, "unknown")
        if q.about_event:
            answer = self._event_answer(question, q, lang, now, zone)
            if chat and q.listing and len(answer.events) == 1:
                # "贵阳有什么活动" lists one event: "它报名截止是哪天" next asks about that one, and "那宁波呢"
                # about Ningbo's events (an event question still: when they are, unless another slot is asked).
                one = replace(q, events=(answer.events[0].id,), listing=False, slot=q.slot or "when")
                self.conversations.remember(chat, Turn(asked, one.frame(), now))
            return answer

        # The document search reads the question, not the asker's introduction of themselves.
        query = without_tag_question(without_introduction(asked))
        result: SearchResult = searcher.search(
            query, k=self.settings.retrieval.top_k, weights=weights or self.weights
        )
        nearest = max((h.dense_similarity for h in result.hits), default=0.0)
        faq = self._faq.match(query, lang, searcher.idf, nearest)
        if faq is not None and (faq.entry is said_already or not self._faq_fits(q, faq)):
            faq = None  # a curated answer about 2012 does not answer a question about 2018
        if faq is not None and not faq.by_meaning:
            return self._faq_answer(question, faq, lang)
        if q.how_to:
            # The documents report what was done and hold no instructions: a "how do I …" is a how-to
            # entry's (matched by meaning) or declined, never met by a 2012 sentence ("how to write a
            # research proposal").
            if faq is not None:
                return self._faq_answer(question, faq, lang)
            return Answer(question, dont_know(lang), False, lang, "unknown", timings=result.timings)
        composing = time.perf_counter()
        composed = compose(q, result, searcher, self.tuning)
        further = self._passages_further_down(q, composed, searcher)
        if further is not None:
            wider = searcher.search(
                query, k=4 * self.settings.retrieval.top_k, weights=weights or self.weights
            )
            kept = [h for h in wider.hits if further(h)]
            second = compose(q, replace(wider, hits=kept), searcher, self.tuning) if kept else None
            if second is not None and second.text:
                composed, result = second, replace(wider, hits=kept, timings=result.timings)
        result.timings["compose"] = time.perf_counter() - composing
        if faq is not None and composed.confidence < self.tuning.document_over_faq:
            # A how-to matched by meaning alone yields to a document sentence that says what was asked in
            # its own words ("what do organisers have to do before applying?").
            return self._faq_answer(question, faq, lang)
        if composed.confidence < self.tuning.min_confidence or not composed.text:
            return self._decline(question, composed, lang, result)
        sources = [self._source(h) for h in composed.cited]
        body = composed.text
        route = "retrieval"
        if self._llm is not None:
            generated = self._llm.answer(asked, composed.cited or result.hits[:3], lang)
            if generated:
                body, route = generated, "llm"
        prefix = _as_of_prefix(sources[0].as_of, lang) if sources else ""
        if composed.not_at:
            # "did the Yunnan team go to Kunming?": not there, and where it did go.
            places = joined([concept_name(shown_as(p, lang), lang) for p in composed.not_at], lang)
            prefix += t("a_not_at", lang, places=places)
        return Answer(question, prefix + body, True, lang, route, sources, timings=result.timings)

    @staticmethod
    def _passages_further_down(
        q: Question, composed: Composed, searcher: Searcher
    ) -> Callable[[Hit], bool] | None:
        """Which passages further down the results to read, when the first ones could not answer; None
        when they did."""
        if not composed.text and composed.missing and (asks_a_period(q) or q.topic):
            # The passages found first name no year in the span asked about, or not the place whose
            # mention is asked for; one further down may ("was there anything like chizi before 2010":
            # the 1988 roots; "赤子计划提到过东北吗": the 2013 priorities). Only those are read again.
            return lambda hit: not passage_misses(q, hit)
        if asks_only_the_plans_purpose(q, searcher) and not states_purpose(normalize(composed.text)):
            # "why does the plan exist at all" shares few words with "its purpose is to …": the passages
            # that state a purpose are read, rather than give an aim of its activities.
            return lambda hit: states_purpose(normalize(hit.chunk.text))
        return None

    def _faq_fits(self, q: Question, faq: FaqMatch) -> bool:
        """A curated answer meets the question's years and places, and speaks of what it asks about
        (a dress code, a visa): the events how-to does not answer "what language are the events in"."""
        text = self._faq.checkable_text(faq.entry)
        if q.defines and faq.by_meaning and faq.entry.howto:
            # "what is a postdoc" is near "can a postdoc join?" in meaning, and asks another thing.
            return False
        if faq.by_meaning and q.wants == "count" and not self._faq.counts(faq.entry):
            # "2027年有多少地方申报" is near "2027年有哪些引才活动" in meaning, and asks a number the events
            # how-to does not give.
            return False
        if faq.variant and faq.variant != "pattern":
            # Matched by its words, the curated question must ask the same kind of thing: "how did the
            # Tianjin tour decide whom to invite" is not "how many scholars did the Tianjin tour invite".
            wants = wants_of(normalize(faq.variant))
            if wants in _FACT_WANTS and wants != q.wants:
                return False
        return check(q, text).ok and all(_CONCEPTS[name].search(text) for name in q.focus)

    def _faq_answer(self, question: str, faq: FaqMatch, lang: str) -> Answer:
        sources = self._faq_sources(faq.entry, lang, faq.score)
        return Answer(question, faq.entry.answer(lang), True, lang, "faq", sources)

    def _events_at_places(self, q: Question, now: dt.datetime) -> Question:
        """`q` about the upcoming events held in the places it names, when there are any."""
        there = self.events.at_places(q.places, now)
        if not there:
            return q
        # "宁夏的活动是线上的吗": one attribute of the events held there, not a filtered list. A comparison
        # keeps the event it named ("the Shaoxing tour or the Dali one"); a follow-up's place replaces it.
        named = q.events if q.versus else ()
        events = tuple(dict.fromkeys([*named, *(e.id for e in there)]))[: max(3, len(named))]
        return replace(q, events=events, listing=q.listing and not q.slot)

    def _catalogue_status(self, question: str, lang: str, now: dt.datetime) -> Answer:
        """Whether the events listed are the organisers' word or a sample (set in the catalogue file)."""
        updated = self.kb.catalogue_updated.isoformat() if self.kb.catalogue_updated else ""
        if self.kb.sample_catalogue:
            text = t("a_catalogue_is_sample", lang)
        else:
            text = t("a_catalogue_is_live", lang, updated=updated)
        source = Source(CATALOGUE_TITLE[lang], "events.yaml", updated, "", 1.0, now.date().isoformat())
        return Answer(question, text, True, lang, "event", [source])

    def _understand(self, norm: str, now: dt.datetime, original: str) -> Question:
        return understand(norm, now.date(), self._aliases, original=original, event_places=self._event_places)

    def _event_answer(
        self, question: str, q: Question, lang: str, now: dt.datetime, zone: str | None = None
    ) -> Answer:
        # "what time is the Hangzhou meet-up in London", "美东时间几点": that place's clock, not the asker's.
        named = zone_named_in(question) if q.slot in ("when", "time", "deadline") else None
        clock_zone, place = named or (zone, "")
        reply = self.events.reply(q, lang, now, clock_zone, place)
        updated = self.kb.catalogue_updated.isoformat() if self.kb.catalogue_updated else ""
        source = Source(CATALOGUE_TITLE[lang], "events.yaml", updated, "", 1.0, now.date().isoformat())
        note = ""
        if self.kb.sample_catalogue and (reply.answered or reply.events):
            note = t("a_sample_catalogue", lang)
        route = "register" if q.slot == "register" and q.events and not q.listing else "event"
        return Answer(question, reply.text + note, reply.answered, lang, route, [source], events=reply.events)

    def _decline(self, question: str, composed: Composed, lang: str, result: SearchResult) -> Answer:
        """An honest "I don't know", naming what is missing and the nearest fact when there is one."""
        text = dont_know(lang)
        sources: list[Source] = []
        if composed.missing:
            shown = [concept_name(shown_as(m, lang), lang) for m in composed.missing]
            missing = joined(shown, lang)
            text = t("a_nothing_on", lang, missing=missing)
            near = composed.nearest
            if near is not None and near.fits:
                source = self._source(near.hit)
                sources = [source]
                about = t("a_nearest_about", lang, title=source.title, as_of=source.as_of)
                text += t("a_nearest", lang, about=about, sentence=near.sentence)
            text += "\n" + where_next(lang)
        return Answer(question, text.strip(), False, lang, "unknown", sources, timings=result.timings)

    def _source(self, hit: Any) -> Source:
        return Source(
            title=str(hit.chunk.meta.get("title")),
            source=str(hit.chunk.meta.get("origin")),
            date=str(hit.chunk.meta.get("date")),
            snippet=hit.chunk.text[:200],
            score=round(hit.score, 4),
            as_of=str(hit.chunk.meta.get("as_of") or ""),
        )

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
