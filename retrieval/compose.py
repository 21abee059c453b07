"""The default answerer: the one sentence that answers the question, with its citation. No LLM.

A sentence can only answer if its passage meets the question's constraints (the year, the place
asked about) and the sentence can hold the kind of answer wanted (a count needs a number, a year a
year). When the passage that best matches the question fails a constraint, the reply is a decline
that names what is missing and offers the nearest fact, labelled as such.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from retrieval import places as gazetteer
from retrieval.concepts import FOCUS_CONCEPTS
from retrieval.counting import ACTIVITIES, MEASURE_KIND, PEOPLE, head_kind, qualified_loose
from retrieval.dates import before_met, gives_figure
from retrieval.evidence import check
from retrieval.search import Hit, Searcher, SearchResult
from retrieval.slots import fields_in, names_a_field
from retrieval.text import any_of, detect_language, has_cjk, normalize, sentences, without_introduction
from retrieval.tokenizer import stem
from retrieval.tuning import Tuning
from retrieval.understand import Question
from retrieval.wants import FUTURE_SENTENCE, NEGATIVE_SENTENCE, fits_wanted

# What a loose count word can be answered by ("scholars": talent, experts, villagers seen …), as stems.
_CLASS_STEMS = {
    PEOPLE: frozenset(["scholar", "expert", "talent", "peopl", "person", "particip", "research", "phd",
                       "doctor", "villag", "patient", "visit", "entrepreneur", "returne"]),
    ACTIVITIES: frozenset(["activ", "event", "project", "programm", "program", "tour", "fair", "week",
                           "meet", "edit", "session"]),
}  # fmt: skip
_WORDS_ZH = {PEOPLE: "人才|专家|学者|人员|博士|村民|人次", ACTIVITIES: "项目|活动|洽谈会|交流会"}
_ZH_NUMBER = r"(?:\d+|[一二三四五六七八九十百千万]+|上万|上百|上千|数十|几十)[余多]?"
# Named at all (a "which" question), or counted: a number before the word, within the same clause.
_CLASS_ZH = {c: re.compile(words) for c, words in _WORDS_ZH.items()}


@functools.lru_cache(maxsize=256)
def _zh_counted(words: str) -> re.Pattern[str]:
    """A number before one of `words` (a regex alternation), within the same clause: 4个海外人才联络站."""
    return re.compile(_ZH_NUMBER + r"[^，。；、]{0,10}(" + words + ")")


_COUNTED_ZH = {c: _zh_counted(words) for c, words in _WORDS_ZH.items()}
# A number in a Chinese sentence and what follows it: a measure word, or anything else (个, a noun).
_SENTENCE_NUMBER = re.compile(
    r"(?:\d[\d,.]*|[一二三四五六七八九十两百千]+|上万|上百|上千|数十|几十|数)[余多]?(人次|.)?"
)
# Numbers that count nothing: years, months, days and sums of money.
_NOT_A_COUNT = frozenset(["年", "月", "日", "号", "万", "亿", "元", "%", "天"])


def measures_another_kind(question: Question, sentence: str) -> bool:
    """Whether every number of a Chinese sentence is measured as another kind of thing than the question
    counts: 绍兴行"已举办数届" counts editions, not the projects asked about; 15家团体 are not people.
    A bare number, or one under 个 before no noun it knows, may count anything."""
    kind = question.count_kind
    if kind is None:
        return False
    found: set[str | None] = set()
    for m in _SENTENCE_NUMBER.finditer(sentence):
        after = m.group(1) or ""
        if sentence[max(0, m.start() - 2) : m.start()] == "其中":
            continue  # 其中一个: one of those just counted, of their kind
        if after in _NOT_A_COUNT or (
            not m.group(0)[0].isdigit() and after not in MEASURE_KIND and after != "个"
        ):
            continue  # a date, a sum, or 一 inside a word (一大批, 一流)
        if after == "个":
            # 个 tells nothing; the noun after it does ("7000多个人才技术合作项目参与对接" counts projects), or,
            # where 个 ends the clause, the noun before the number ("达成合作意向2000多个": intentions).
            phrase = re.split(r"[，。；、,]", sentence[m.end() : m.end() + 10])[0]
            found.add(head_kind(phrase or sentence[max(0, m.start() - 6) : m.start()]))
            continue
        found.add(MEASURE_KIND.get(after))  # None: a bare number, which may count anything
    return bool(found) and None not in found and kind not in found


# Verbs any count can be asked with: never evidence of absence from the documents.
_COMMON_VERBS = frozenset(
    stem(w)
    for w in [
        "see", "get", "have", "take", "bring", "go", "come", "make", "give", "hold", "meet", "find", "do",
        "be", "attract", "draw", "involve", "include", "cover", "reach", "attend", "join", "participate",
        "host", "welcome", "produce", "achieve", "help", "serve", "sign", "support", "fund", "receive",
        "count", "record", "visit", "run", "organise", "organize", "create", "set", "start", "launch",
        "invite", "select", "choose", "pick", "sponsor", "need", "want", "offer", "provide", "send",
        "call", "work", "list", "name", "know", "say", "tell", "show", "treat", "examine", "consult",
        "check", "span",
        # outcomes in general ("did Guizhou's agreements lead to anything lasting"): whatever came of it
        "lead", "result", "yield", "amount", "handle",
        # irregular forms the stemmer leaves as they are ("has the plan got anything to do with …")
        "got", "gotten", "saw", "seen", "took", "taken", "brought", "went", "gone", "came", "made", "gave",
        "given", "held", "met", "found", "did", "done", "drew", "drawn", "ran", "sent", "said", "told",
    ]
)  # fmt: skip
_NOUN_ENDS = frozenset(["of", "for", "from", "in", "to", "by", "with", "at", "on", "into", "during", "among"])
_NUMBER_EN = re.compile(
    r"^(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|dozens?|hundreds?|thousands?|several)$"
)


@dataclass(frozen=True)
class Candidate:
    score: float
    sentence: str
    hit: Hit
    lexical: float
    fits: bool
    missing: tuple[str, ...]
    about_place: bool = False  # the sentence itself names a place the question asks about


@dataclass(frozen=True)
class Composed:
    text: str
    cited: list[Hit]  # one per citation number, in order
    confidence: float
    missing: list[str] = field(default_factory=list)  # constraints no passage met ("2015", "深圳")
    nearest: Candidate | None = None  # the best sentence that failed them
    # A claim of where something was, which the answer corrects ("did the Yunnan team go to Kunming?":
    # the places it wrongly names; the text says where it went).
    not_at: list[str] = field(default_factory=list)


_ENUMERATES = any_of(r"如|包括|包含|其中|等", r"\b(such as|including|among them|namely|like)\b|:")


def does_not_name_the_counted(question: Question, sentence: str) -> bool:
    """Whether a sentence fails to name the things a question counts ("name the 36 activities"): it must
    speak of that many and enumerate them, not only count them ("36 activities … were selected")."""
    figures = {f for f, _ in question.figures}
    if not figures:
        return False
    counts = any(re.search(rf"(?<![\d.]){re.escape(f)}(?![\d.])", sentence) for f in figures)
    return not (counts and _ENUMERATES.search(sentence))


# "which venture firms were at Ningbo", "宁波融资会有哪些机构参加", "which of the Wenzhou projects won": the things
# themselves, by name. (Not places, times or fields: other kinds of answer check those.)
_ASKS_NAMES = any_of(
    r"(哪些|哪家|哪几家|哪个)(投资|风投|创投|金融|科技|海外)?(企业|公司|机构|创投|风投|协会|社团|团体|高校|大学|医院|银行|基金)"
    # "宁波的风投都是哪几家": the noun first
    r"|(企业|公司|机构|创投|风投|协会|社团|团体|高校|大学|医院|银行|基金)(都|分别|具体)?(是|有)(哪些|哪几家|哪家|哪几个)",
    r"^which of the ([a-z-]+ )?[a-z-]{2,}[a-rt-z]s\b"
    r"|^which ([a-z-]+ )?(firms|companies|institutions|investors|funds|banks|associations|societies|organi[sz]ations"
    r"|universities|hospitals|employers|enterprises|businesses)\b",
)
_SEVERAL_PLACES = re.compile(
    r"\b(which|what) (cities|towns|places|counties|villages|provinces)\b|哪些(地方|城市|县|村|省)|去了哪"
)
_ALSO_HOW_MANY = re.compile(r"how many|多少|几(个|家|项|位)")
# A number counting things ("41 … institutions", "23个项目"), not a year or a sum of money.
_COUNTS_THINGS = any_of(
    r"(?<![\d.])\d[\d,]*\s*[余多]?\s*(个|家|项|所|位|名)",
    r"(?<![\d.,])\d[\d,]*\+?\s+(?!(million|billion|yuan|times)\b)(?:[a-z-]+\s+){0,5}?[a-z-]+s\b",
)


# A roll-call of brands names events: it answers "which events / brands", not "which firms took part".
_ASKS_EVENT_NAMES = any_of(
    r"(哪些|哪几个|哪个)(活动|品牌|会|展|行|周)",
    r"^which (of the )?([a-z-]+ )?(events?|activities|brands?|fairs?|tours?|weeks?)\b",
)
# Things asked for by which (not places nor times, which other kinds of answer check).
_ASKS_WHICH_THINGS = any_of(
    r"(哪些|哪家|哪几家|哪几个)(?!(国家|城市|省|地区|地方|时候|年|月|天|方面|领域|行业))[\u4e00-\u9fff]",
    r"^which (of the )?([a-z-]+ )?(?!(counties|cities|provinces|countries|places|villages|towns|years|months)\b)[a-z-]{2,}[a-rt-z]s\b",
)
# The noun of "which (of the) venture firms …", as asked.
_WHICH_NOUN_EN = re.compile(r"^which (?:of the )?(?:[a-z-]+ )?([a-z-]{2,}[a-rt-z]s)\b")


def asks_names(question: Question) -> bool:
    """Whether a question asks for bodies by name ("which firms", 哪些机构) or picks some of a set ("which of
    the projects won"), where a count of them is no answer."""
    return question.wants in ("list", "participants", "other") and bool(_ASKS_NAMES.search(question.text))


def counts_without_naming(question: Question, sentence: str) -> bool:
    """Whether a question asks for things by name and a sentence only counts them: "41 well-known venture
    capital institutions took part" names none of the firms asked for."""
    if not asks_names(question) or _ALSO_HOW_MANY.search(question.text):
        return False  # ("which institutions attended, and how many": the count answers half)
    if not _COUNTS_THINGS.search(sentence):
        return False
    noun = _WHICH_NOUN_EN.search(question.text)
    if noun:
        base = singular(noun.group(1)).removesuffix("y")  # (activit- of activity and activities)
        said = [m.end() for m in re.finditer(rf"\b{re.escape(base)}", sentence)]
        if said:
            # Named where the noun itself is followed by its members ("associations, among them …"), not
            # where the list after it is of something else ("projects in 20 fields such as …").
            return not any(_ENUMERATES.match(sentence, _after_noun(sentence, end)) for end in said)
    return not _ENUMERATES.search(sentence)


_NOUN_TAIL = re.compile(r"[a-z]*[\s,]*")


def _after_noun(sentence: str, end: int) -> int:
    """Where the words after a noun begin, past its plural ending, a comma and spaces."""
    m = _NOUN_TAIL.match(sentence, end)
    return m.end() if m else end


def roll_call_names_none(question: Question, named_places: list[gazetteer.Place]) -> bool:
    """Whether a question asks which things of a place or event ("宁波融资会有哪些机构参加", "which Ningxia
    projects were signed") and a sentence is the roll-call of brands, which names its events and nothing
    else."""
    return (
        question.wants in ("list", "participants", "other")
        and (bool(_ASKS_WHICH_THINGS.search(question.text)) or asks_names(question))
        and bool(question.places or question.events)
        and _roll_call(named_places)
        and not _ASKS_EVENT_NAMES.search(question.text)
    )


def coverage(query_tokens: list[str], text_tokens: set[str], searcher: Searcher) -> float:
    """Share of the question's content (weighted by rarity) that a passage contains."""
    q = set(query_tokens)
    total = sum(searcher.idf(t) for t in q)
    covered = sum(
        searcher.idf(t)
        for t in q
        if t in text_tokens
        or searcher.synonyms.get(t, frozenset()) & text_tokens
        or any(name <= text_tokens for name in searcher.named_in_english.get(t, ()))
    )
    return covered / total if total else 0.0


Analysed = dict[str, tuple[set[str], list[tuple[str, set[str]]]]]


def _analyse(hit: Hit, searcher: Searcher, cache: Analysed) -> tuple[set[str], list[tuple[str, set[str]]]]:
    """A passage's title tokens and its body sentences with their tokens, tokenised once per answer."""
    if hit.chunk.id not in cache:
        title = str(hit.chunk.meta.get("title", ""))
        body = [s for s in sentences(hit.chunk.text) if s != title]
        cache[hit.chunk.id] = (
            set(searcher.tokenizer.tokens(title)),
            [(s, set(searcher.tokenizer.tokens(s))) for s in body],
        )
    return cache[hit.chunk.id]


def _roll_call(named_places: list[gazetteer.Place]) -> bool:
    """Whether a sentence names so many places (five or more) that it is a list of them, not about one."""
    return len(named_places) >= 5


def passage_misses(question: Question, hit: Hit) -> list[str]:
    """The question's years, places and events that a passage (speaking for its "as of" year) lacks."""
    as_of = str(hit.chunk.meta.get("as_of") or "")[:4]
    body = normalize(hit.chunk.text.split("\n", 1)[-1])
    return check(question, f"{normalize(hit.chunk.text)} {as_of}", body=body).missing


def asks_a_period(question: Question) -> bool:
    """Whether the question asks about a span of years ("before 2010", "the 1980s") that any year in it
    meets. (A place or a single year the first passages lack is, as measured, absent from the rest: read
    further, a roll-call naming the place is found instead.)"""
    return bool(question.before or question.decades)


def absent_concepts(question: Question, searcher: Searcher) -> list[str]:
    """Concepts asked about (a minister, a budget, a visa) that no passage of the index mentions, and
    the negation of a word the documents use ("unsolved" where they say "solved"): its complement."""
    absent = [name for name in question.focus if not searcher.mentions_pattern(dict(FOCUS_CONCEPTS)[name])]
    for negated, word in re.findall(r"\b((?:un|non-?)([a-z]{4,}))\b", question.text):
        if searcher.knows(stem(word)) and not searcher.knows(stem(negated)):
            absent.append(negated)
    return absent


def singular(word: str) -> str:
    """An English noun without its plural ending: stations -> station, industries -> industry."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _counted_near_number(sentence: str, stems: frozenset[str], own: str = "") -> bool:
    """Whether a number in an English sentence counts one of `stems`: "150 high-level overseas scholars",
    or "saw villagers more than 80 times" — not "scholars came from dozens of countries"."""
    # Commas and semicolons end a phrase: "free clinics, saw villagers more than 80 times" counts visits.
    words = [w.strip(".") for w in re.findall(r"[a-z0-9](?:[a-z0-9'-]|[.,](?=\d))*|[,;:()]", sentence)]
    # A compound names each of its parts: "ten thousand person-visits" counts persons and visits.
    named = [
        i
        for i, w in enumerate(words)
        if any(
            any(stem(p).startswith(s) for s in stems) or (own and own in (singular(p), stem(p)))
            for p in {w, *w.split("-")}
            if p
        )
    ]
    for i, w in enumerate(words):
        if not _NUMBER_EN.match(w) or (not w[0].isdigit() and i and words[i - 1] == "the"):
            continue  # "the Thousand Talents programme" is a name, not a count
        for j in range(i + 1, min(len(words), i + 9)):
            if j in named and not _modifies_a_later_noun(words, j, named):
                return True
            if words[j] == "of" and (
                (j == i + 1 and w.startswith(("dozen", "hundred", "thousand")))
                or words[j + 1 : j + 2] in (["them"], ["these"], ["those"], ["which"])
            ):
                continue  # "dozens of countries", "29 of them reached agreements"
            if words[j] in _NOUN_ENDS or words[j] in ",;:()":
                break  # "36 activities for overseas scholars" counts activities
        after = words[i + 1 : i + 3]
        if any(a.startswith(("time", "person-visit")) for a in after):
            for j in range(i - 1, max(-1, i - 11), -1):
                if words[j] in ",;:()":
                    break
                if j in named:
                    return True
    return False


def _modifies_a_later_noun(words: list[str], j: int, named: list[int]) -> bool:
    """Whether the word at `j` qualifies a plural noun right after it: in "four overseas talent liaison
    stations" talent names what the stations are for; what is counted is stations, as in "7,000 talent and
    technology cooperation projects" (two words joined by "and" qualify the noun together)."""
    for k in range(j + 1, min(len(words), j + 5)):
        w = words[k]
        if w in ("and", "or") and k == j + 1:
            continue
        if w in _NOUN_ENDS or not re.fullmatch(r"[a-z-]+", w) or w in ("and", "or", "more", "than"):
            return False
        if k not in named and len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us")):
            return True
    return False


def absent_predicate(question: Question, searcher: Searcher) -> str:
    """The verb of a count or yes-no question when the documents never use it or a word for it ("reject",
    "renewed", "withdraw"): what they report is not what is asked."""
    verb = question.predicate
    if not verb:
        return ""
    stemmed = stem(verb)
    if stemmed in _COMMON_VERBS or searcher.knows(stemmed) or stemmed in searcher.synonyms:
        return ""
    if searcher.spell(stemmed) != stemmed:
        return ""  # a misspelling of a word the documents use
    if len(stemmed) >= 4 and searcher.knows_prefix(stemmed):
        return ""  # "agreed": the documents say "agreements"
    return verb


# Three or more short items in a row: "process design, energy saving and quality management",
# "工艺设计、节能降耗、质量管理". Clauses separated by commas are not an enumeration.
_ITEM_EN = r"[\w'()-]+(?: [\w'()-]+){0,5}"
_ENUMERATION = re.compile(
    rf"{_ITEM_EN}, {_ITEM_EN},? (?:and|or) [\w'()-]+|"
    r"[^,，。;；、]{1,12}、[^,，。;；、]{1,12}(?:、|和|及|与)[^,，。;；、]{1,12}"
)


def enumerates(sentence: str) -> bool:
    """Whether a normalised sentence lists short items (what a "which fields / what kinds" question wants)."""
    return bool(_ENUMERATION.search(sentence))


def _names(word: str, sentence: str, searcher: Searcher) -> bool:
    """Whether a Chinese sentence names a word, or one the synonyms read as it."""
    return word in sentence or any(s in sentence for s in searcher.synonyms.get(word, ()))


def counts_the_thing(
    question: Question,
    sentence: str,
    tokens: set[str],
    searcher: Searcher,
    title: str = "",  # normalised
    title_tokens: set[str] | None = None,
) -> bool:
    """A count question is answered only by a sentence that names what it counts: "how many agreements
    at Wenzhou" is not answered by Wenzhou's 527 projects, nor "how many scholars came from Europe" by
    the dozens of countries they came from. The noun of "which brand …" may be named by the passage's
    title instead (the Shandong fair's sentence, under "Event brands", answers which brand)."""
    if question.wants == "count" and measures_another_kind(question, sentence):
        return False
    if not question.counted:
        return True
    if question.wants != "count" and title:
        sentence = f"{sentence} {title}"
        tokens = tokens | (title_tokens or set())
    for word in question.counted:
        if word in _CLASS_STEMS:
            stems = _CLASS_STEMS[word]
            if detect_language(sentence) == "zh":
                rx = _COUNTED_ZH[word] if question.wants == "count" else _CLASS_ZH[word]
                if rx.search(sentence):
                    return True
                continue
            if question.wants == "count":
                if _counted_near_number(sentence, stems):
                    return True
            elif any(t.startswith(s) for t in tokens for s in stems):
                return True
            continue
        if has_cjk(word):
            # "海外博士绍兴行来了多少博士": the 博士 in the event's own name counts nothing.
            for terms in question.event_terms:
                for name in sorted((n for n in terms if word in n and n != word), key=len, reverse=True):
                    sentence = sentence.replace(name, " ")
            qualified = qualified_loose(word)
            if qualified is not None:
                # The number must count the qualified thing: "130个意向合作项目" answers 多少个意向项目,
                # not 多少个云计算项目 (云计算 is one of its fields, not what the 130 are).
                qualifier, head = qualified
                # (科技 and 技术 are one word to askers: 人才科技项目 are the report's 人才技术合作项目)
                qualifier = re.sub(r"科技|技术", "(?:科技|技术)", re.escape(qualifier))
                head = re.escape(head)
                counted = (
                    rf"{_ZH_NUMBER}[个项家名位]?[^，。；、\d]{{0,8}}{qualifier}[^，。；、\d]{{0,4}}{head}"
                )
                if re.search(counted, sentence):
                    return True
                continue
            # One character (站, 省) is named inside many words (贵州省); and "130个项目里云计算的有几个" is not
            # answered by a sentence listing 云计算 among the fields of the 130: a number must count it.
            if question.wants == "count" and (len(word) == 1 or question.of_a_kind):
                if _zh_counted(re.escape(word)).search(sentence):
                    return True
                continue
            if _names(word, sentence, searcher):
                return True
            if question.wants != "count":
                # "海外人才联络站": the longest tail the documents use as a word (联络站) is what must be named;
                # "做什么准备": a word the documents never use is not checked, only asked, unless the question is
                # whether there is such a thing ("有没有年龄限制": nothing said of it says there is).
                tail = next((word[i:] for i in range(len(word) - 1) if searcher.knows(word[i:])), None)
                if tail is None and question.exists:
                    # "创业展": the words of it the documents use (创业) must all be there; none known, none is.
                    known = [
                        word[i:j] for i in range(len(word)) for j in range(i + 2, len(word) + 1)
                        if searcher.knows(word[i:j])
                    ]  # fmt: skip
                    return bool(known) and all(k in sentence for k in known)
                if tail is None or _names(tail, sentence, searcher):
                    return True
            continue
        # A misspelling of a word the documents use ("activites") stands for that word.
        stemmed = searcher.spell(stem(word))
        if stemmed in tokens or searcher.synonyms.get(stemmed, frozenset()) & tokens:
            if question.wants != "count":
                return True
            # The word itself (not a longer one sharing its stem: villages are not villagers), or a
            # synonym; a misspelling stands for the document word it was read as.
            own = stemmed if stemmed != stem(word) else singular(word)
            others = searcher.synonyms.get(stemmed, frozenset()) - {stemmed}
            if detect_language(sentence) == "zh":
                # An English question answered from a Chinese passage: "stations" is 联络站 there, and the
                # number must count it ("4个海外人才联络站").
                chinese = "|".join(re.escape(s) for s in others if has_cjk(s))
                if chinese and _zh_counted(chinese).search(sentence):
                    return True
            elif _counted_near_number(sentence, frozenset(others), own):
                return True
    return False


# "How many of the 130 projects reached agreements?": a sentence giving a part ("29 of them", "其中29个").
_PART_OF = re.compile(
    r"\d[\d,]*\s+of (them|which|these)\b|\bof (them|which),?\s+\d|其中\s*\d|其中.{0,3}[一二三四五六七八九十两]"
)

# "which activities were selected in 2013", "哪些活动入选了": answered only by a sentence naming one (a fair, a
# tour, a week, a team), not by the principles of selection or the ministry's plans for the year.
_ASKS_WHICH_SELECTED = any_of(
    r"哪些(活动|项目).{0,6}(入选|选上|被选|选中)|入选的(活动|项目)(有|是|都是)(哪些|什么)(?![\u4e00-\u9fff])",
    # (not "the criteria by which activities are selected")
    r"(?<!by )(?<!in )(?<!through )(?<!to )\b(which|what) (activities|events|programmes|programs)\b.{0,30}"
    r"\b(selected|chosen|picked|got in|made it)\b",
)
_NAMES_AN_ACTIVITY = any_of(
    r"洽谈会|交流会|对接会|科技周|精英周|专家团|海洽会|宁交会|宁洽会|(?<![进执银举施运发流实])行(?![业动为政])",
    r"\b(fair|tour|week|team)\b",
)
# Kinds of activity listed as kinds ("活动形式包括服务行、交流会、洽谈会…") name no activity.
_KINDS_LISTED = re.compile(
    r"(?<=[、：:括])(服务行|交流会|洽谈会|座谈会|创新展|创业周|服务周)|(服务行|交流会|洽谈会|座谈会|创新展|创业周|服务周)(?=[、等])"
)


def names_an_activity(sentence: str) -> bool:
    """Whether a normalised sentence names an activity (津门行, the Wenzhou fair), not only kinds of them."""
    return bool(_NAMES_AN_ACTIVITY.search(_KINDS_LISTED.sub(" ", sentence)))


def _place_inside(area: str, sentence: str) -> bool:
    """Whether a sentence names a place inside `area`, the place a "where in X" question names (Xiangyun
    County in Dali; 大理州祥云县); True when the sentence does not speak of that area (other checks decide)."""
    if has_cjk(area):
        if area not in sentence:
            return True
        return bool(
            re.search(
                rf"{re.escape(area)}(?:州|市|省)?[\u4e00-\u9fff]{{1,6}}(?:县|区|市|镇|村|园|谷)", sentence
            )
        )
    m = re.search(rf"(.{{0,40}})\b(?:in|of) (?:the )?{re.escape(area)}\b", sentence)
    if not m:
        return True
    before = m.group(1)
    return bool(
        re.search(r"\b(county|city|district|prefecture|town|village|park|campus)\s*$", before)
        or gazetteer.places_in(before.split(",")[-1])
    )


# "Is the Ningbo week a known brand?" is answered by the roll-call of brands: being on it is the answer.
_FAME = re.compile(r"品牌|著名|知名|有名|出名|\bbrands?\b|well-known|\bfamous\b|\bknown\b|\brecogni[sz]ed\b")

# The words of "before 2010", "older than 2010", "2010年以前" as the tokenizer gives them.
_BEFORE_WORDS = frozenset({"befor", "older", "earlier", "prior", "以前", "之前"})
# Words (as tokens) of a question about the plan itself: "why does the plan exist", "为什么要搞赤子计划".
_THE_PLAN_ITSELF = frozenset(
    ["plan", "chizi", "programm", "program", "scheme", "exist", "ministri", "mohrss", "creat", "start",
     "launch", "set", "need", "为什么", "为啥", "搞", "办", "赤子", "计划", "赤子计划", "人社部", "主要", "干",
     "目的", "宗旨", "做", "设立", "存在", "even", "realli", "actual", "到底", "究竟"]
)  # fmt: skip
# "launched in 2010", "于2010年启动实施": when something began, which is what its age is counted from.
_STATES_LAUNCH = re.compile(r"启动|成立|创立|创办|\b(launched|founded|established|started|set up) in\b")
# "why the ministry do this plan": a sentence stating a purpose ("its purpose is to encourage …", "目的是")
# says why the plan exists, where one about 2012 mentions a need in passing ("based on a needs analysis").
# Stated as the purpose ("目的是", "its purpose is to"), not named as "an important aim" among others.
_STATES_PURPOSE = re.compile(r"目的是|宗旨是|旨在|\b(purpose|aim|goal)s? (is|are|was|were) to\b")
# A sentence singling out one member of a set ("four stations, one of them in Silicon Valley") says
# nothing of the rest, which is what "the other stations" asks for.
_ONE_OF_THEM = re.compile(r"\bone of (them|which|these)\b|其中(一个|之一|1个|一家|一项)")


_ASKS_DAYS = re.compile(r"几天|多少天|\bhow many days\b|\bhow many weeks\b")
# "why was Xiangyun chosen for the clinics", "为什么选在祥云县": why that place, which only a sentence giving a
# cause says; the team's aim ("针对边远山区看病难的问题") is why it went, not why there.
_WHY_THERE = any_of(
    r"为(什么|啥).{0,12}(选|挑|定)(在|了|择|中)",
    r"\bwhy\b.{0,40}\b(chosen|choose|chose|pick|picked|select|selected|held in)\b",
)
_GIVES_CAUSE = any_of(r"因为|由于|之所以", r"\b(because|due to|owing to|as a result of)\b")
_DAYS = re.compile(r"\d+\s*(天|日|周)|[一二三四五六七八九十两]+(天|周)|\b(days?|weeks?)\b")
# What became of the things a count counts, and the words a sentence must use to count those: a count of
# what was signed or funded is not a count of what was received ("温州洽谈会有多少项目签约", "how many
# projects at the Wenzhou fair were funded": the 527 projects were received).
_COUNTED_OUTCOMES = [
    (
        re.compile(r"签约|签了|签署|签订|签下|\bsign(ed)?\b|\bdeals?\b|\bcontracts?\b"),
        re.compile(r"签|协议|达成|意向|\bagree|\bsign|\bdeals?\b|\bcontracts?\b|\bintentions?\b"),
    ),
    (
        re.compile(
            r"(拿到|获得|得到|争取到)(了)?(投资|融资|资金)|融资成功|\b(funded|financed|backed)\b"
            r"|\b(got|received|secured|attracted) (investment|funding|financing)\b"
        ),
        re.compile(r"融资|投资|资金|亿元|万元|\braised\b|\bfund|\bfinanc|\binvest|\byuan\b"),
    ),
    # "温州洽谈会最后落地了多少项目": projects received are not projects carried out.
    (
        re.compile(
            r"落地|谈成|做成|投产|实施了|\b(implemented|realised|realized|carried out|succeeded|completed)\b"
        ),
        re.compile(r"落地|达成|协议|签|实施|\bagree|\bimplement|\bsign|\bcarried out\b"),
    ),
    # "2012年有多少个留学人员团体参加": those that took part, not the 15 that signed agreements.
    (
        re.compile(r"参加|参与|参会|出席|\b(took|take|taking) part\b|\b(attended|participated|joined)\b"),
        re.compile(
            # (424名海外人才申报: those who submitted took part, as "submitted by" does in English)
            r"参加|参与|参会|出席|来华|回国|吸引|对接|申报|提交|邀请|\b(took part|attended|participat\w*|joined|came|brought|attract\w*"
            r"|serve[ds]?|match\w*|submitted|invited|gathered)\b"
        ),
    ),
    # "how many people from the 2012 activities got a job in China": the visits counted are not hires.
    (
        re.compile(
            r"就业|找到工作|(回国|留下|留在国内)(来)?工作|全职回国|落户|留下来"
            r"|\b(got|get|found|find|took|take|landed) (a |new )?(jobs?|positions?|work)\b|\b(hired|employed)\b"
            r"|\b(stayed|settled|moved back|returned) (in china |to china )?(for good|permanently)\b"
        ),
        re.compile(r"就业|工作岗位|落户|全职|\bjobs?\b|\bhired\b|\bemploy|\bsettled\b|\bpermanent"),
    ),
]


def counts_another_outcome(question_text: str, sentence: str) -> bool:
    """Whether a count question asks what became of things (signed, funded) that a sentence does not say."""
    return any(asks.search(question_text) and not says.search(sentence) for asks, says in _COUNTED_OUTCOMES)


def _quotes_a_figure(question: Question, sentence: str) -> bool:
    """Whether a normalised sentence gives one of the figures a claim quotes ("10,000 scholars, correct?")."""
    flat = sentence.replace(",", "")
    return any(gives_figure(figure, flat) for figure, _ in question.figures)


def asks_the_plans_purpose(question: Question) -> bool:
    """A "why" asked of the plan as a whole (no place, event or year): its stated purpose answers."""
    return question.wants == "reason" and not (question.places or question.events or question.years)


def asks_only_the_plans_purpose(question: Question, searcher: Searcher) -> bool:
    """ "why does the plan exist at all", "为什么要搞赤子计划": the plan's purpose and nothing more ("why so
    few women in the plan", "why is matching talent with capital important" ask more)."""
    asked = set(searcher.tokenizer.tokens(question.text, normalized=True))
    return asks_the_plans_purpose(question) and not asked - _THE_PLAN_ITSELF


def states_purpose(normalized: str) -> bool:
    """Whether a normalised text states a purpose ("its purpose is to", 目的是)."""
    return bool(_STATES_PURPOSE.search(normalized))


def dense_evidence(hit: Hit, tuning: Tuning, language: str) -> float:
    """0..1 from the encoder's cosine; e5's cosines run lower across languages than within one."""
    floor = tuning.dense_floor if hit.chunk.language == language else tuning.dense_floor_across
    return min(1.0, max(0.0, (hit.dense_similarity - floor) / tuning.dense_span))


def candidates(
    question: Question, result: SearchResult, searcher: Searcher, tuning: Tuning
) -> list[Candidate]:
    cache: Analysed = {}
    top = result.hits[0].score if result.hits else 0.0
    best_dense = max((h.dense_similarity for h in result.hits[: tuning.passages]), default=0.0)
    out: list[Candidate] = []
    defined = searcher.tokenizer.tokens(question.defines, normalized=True) if question.defines else []
    # Fields the question asks about, not those the asker works in ("我做生物医药，赤子计划是什么").
    asked_fields = fields_in(without_introduction(question.text)) if question.fields else []
    # "what problems did they solve" asks for several things, as a list question does: an enumeration.
    several = question.wants == "list" or (
        question.wants == "other" and any(w.endswith("s") and w[0].isalpha() for w in question.counted)
    )
    asks_which_selected = bool(_ASKS_WHICH_SELECTED.search(question.text))
    for hit in result.hits[: tuning.passages]:
        title_tokens, body = _analyse(hit, searcher, cache)
        title = normalize(str(hit.chunk.meta.get("title", "")))
        # A passage speaks for the period it is "as of" (the 2012 results) even where it names no year.
        missing = tuple(passage_misses(question, hit))
        relative = hit.score / top if top else 0.0
        dense = (
            max(0.0, 1.0 - (best_dense - hit.dense_similarity) / tuning.dense_window) if best_dense else 0.0
        )
        for pos, (sentence, tokens) in enumerate(body):
            # "before 2010" is said by a sentence naming an earlier year (1988) in words of its own: the
            # question's year and its "before" count as met.
            met_before = (
                _BEFORE_WORDS | {str(question.before)}
                if question.before and before_met(question.before, sentence)
                else frozenset()
            )
            lexical = max(
                coverage(result.query_tokens, tokens | met_before, searcher),
                0.9 * coverage(result.query_tokens, tokens | title_tokens | met_before, searcher),
            )
            norm_sentence = normalize(sentence)
            named_places = gazetteer.places_in(norm_sentence)
            about_place = any(p in named_places for p in question.places)
            unasked_place = not question.places and bool(named_places)
            # A roll-call of places ("brands include the Shandong fair, … Ningbo week, …") mentions the place
            # asked about but says nothing of it: it answers "which" questions only.
            crowded = (
                (not several or question.outcome)  # "取得了哪些成果" asks for outcomes, not for places
                and bool(question.places or question.events)  # "南粤行" names its place through the event
                and _roll_call(named_places)
                and not _FAME.search(question.text)
            )
            fits = (
                (
                    fits_wanted(question.wants, norm_sentence)
                    # "绍兴行为什么能成为品牌": what made it a brand is said where the sentence says it became one
                    # (not by a roll-call of brands, which only names them)
                    or (
                        question.wants == "reason"
                        and bool(_FAME.search(question.text) and _FAME.search(norm_sentence))
                        and not _roll_call(named_places)
                    )
                )
                and counts_the_thing(question, norm_sentence, tokens, searcher, title, title_tokens)
                and not (question.total and unasked_place)
                and not (question.others and _ONE_OF_THEM.search(norm_sentence))
                and not (question.subset and not _PART_OF.search(norm_sentence))
                and not (question.negated and not NEGATIVE_SENTENCE.search(norm_sentence))
                and not (
                    question.will and question.wants != "other" and not FUTURE_SENTENCE.search(norm_sentence)
                )
                # "津门行办了几天": days are not said by "多年来" (over the years).
                and not (
                    question.wants == "duration"
                    and _ASKS_DAYS.search(question.text)
                    and not _DAYS.search(norm_sentence)
                )
                and not (question.wants == "count" and counts_another_outcome(question.text, norm_sentence))
                # "what did the Guangdong tour do in 2012": a roll-call naming it says nothing of what it did.
                and not (question.outcome and crowded)
                # "宁波周的创投机构名单": the roll-call of brands naming the Ningbo week names none of its firms.
                and not (question.wants == "name" and crowded)
                # "杭州的联络站在哪": where that place's thing is, said by a sentence about that place, not
                # by its neighbour about "many regions".
                and not (question.wants == "place" and question.places and not about_place)
                # "什么是博士后": what a word means is said only by a sentence using it (not one with 博士).
                and not (defined and coverage(defined, tokens, searcher) < 0.999)
                # "name the 36 activities", "list the 23 Ningbo projects": a sentence only counting them
                # ("36 activities … were selected") does not name them.
                and not (question.wants == "list" and does_not_name_the_counted(question, norm_sentence))
                and not counts_without_naming(question, norm_sentence)
                # "which cities did the Guangdong tour visit": a roll-call naming it says not where it went
                # (though "where is the 宁洽会 held" is answered by its name there, 宁夏宁洽会).
                and not (question.wants == "place" and crowded and _SEVERAL_PLACES.search(question.text))
                and not roll_call_names_none(question, named_places)
                and not (asks_which_selected and not names_an_activity(norm_sentence))
                and not (question.inside and not _place_inside(question.inside, norm_sentence))
                and not (
                    question.wants == "reason"
                    and question.places
                    and _WHY_THERE.search(question.text)
                    and not _GIVES_CAUSE.search(norm_sentence)
                )
            )
            names = (
                bool(question.places or question.years) and check(question, norm_sentence).ok and not crowded
            )
            # A sentence about other places does not answer for the one asked about, even where its
            # passage names both ("how many stations does Guizhou have" is not Hangzhou's four).
            about_others = bool(named_places) and not about_place
            elsewhere = tuple(p.key for p in question.places) if about_others else ()
            score = (
                tuning.rank_weight * relative
                + tuning.lexical_weight * lexical
                + tuning.dense_weight * dense
                + (tuning.wanted_bonus if fits else -tuning.wanted_penalty)
                + (tuning.same_language if hit.chunk.language == result.language else 0.0)
                + (tuning.named_bonus if names else 0.0)
                # "2012年哪个活动跟云计算有关": the sentence naming the field asked about.
                + (tuning.field_bonus if asked_fields and names_a_field(norm_sentence, asked_fields) else 0.0)
                + (
                    tuning.named_bonus
                    if question.claim and _quotes_a_figure(question, norm_sentence)
                    else 0.0
                )
                - (tuning.named_bonus if crowded else 0.0)
                # A count asked of no place is the plan's ("来了多少海外人才": 上万人次), before Wenzhou's 424.
                - (tuning.named_bonus if question.wants == "count" and unasked_place else 0.0)
                + (tuning.ahead_bonus if question.ahead and FUTURE_SENTENCE.search(norm_sentence) else 0.0)
                + (tuning.launch_bonus if question.age and _STATES_LAUNCH.search(norm_sentence) else 0.0)
                + (
                    tuning.purpose_bonus
                    if asks_the_plans_purpose(question) and states_purpose(norm_sentence)
                    else 0.0
                )
                + (tuning.enumeration_bonus if several and enumerates(norm_sentence) else 0.0)
                - 0.01 * pos
            )
            out.append(
                Candidate(
                    score,
                    sentence,
                    hit,
                    lexical,
                    fits,
                    tuple(dict.fromkeys(missing + elsewhere)),
                    about_place,
                )
            )
    out.sort(key=lambda c: -c.score)
    return out


def compose(
    question: Question, result: SearchResult, searcher: Searcher, tuning: Tuning | None = None
) -> Composed:
    """Choose the answering sentence (in the question's language where the knowledge base has it)."""
    tuning = tuning or Tuning()
    if not result.hits:
        return Composed("", [], 0.0)
    absent = absent_concepts(question, searcher)
    # A verb is looked up only among passages in the question's own language: a Chinese passage can
    # answer an English question without using its English verb.
    same_language = any(h.chunk.language == result.language for h in result.hits[: tuning.passages])
    verb = absent_predicate(question, searcher) if same_language else ""
    if verb and not absent:  # ("how many projects failed": the concept, shortcomings, says it once)
        absent.append(verb)
    if absent:
        return Composed("", [], 0.0, missing=absent)
    pool = candidates(question, result, searcher, tuning)
    good = [c for c in pool if not c.missing and c.fits]
    # A sentence of the other language fits only where the question's language has no passage of that
    # document at hand: where its twin sentence was found wanting, the translation's commas are no list.
    own = {c.hit.chunk.doc_id for c in pool if c.hit.chunk.language == result.language}
    good = [c for c in good if c.hit.chunk.language == result.language or c.hit.chunk.doc_id not in own]
    # "how did Guizhou keep in touch with scholars abroad": where a sentence says it of the place asked
    # about, its neighbour about the plan in general ("the plan opened lasting channels") is not the answer.
    # (and "how did the Suzhou week do in 2012" is not answered by what "regions" did: no sentence of that
    # place, no answer)
    good = [c for c in good if c.about_place] or ([] if question.outcome and question.places else good)
    if not good:
        if any(not c.missing for c in pool):
            # Passages meet the question's year and place but none holds what is asked (a sum of money,
            # a count of that thing): nothing to name as missing, and no nearer fact to offer.
            return Composed("", [], 0.0)
        failed = [c for c in pool if c.missing and c.fits] or [c for c in pool if c.missing]
        # (the nearest sentence lacking only the place claimed, though another lacking more ranks above it:
        # "the yunnan team also went to tibet, right?" is answered by where the team went)
        wrong = next((c for c in failed[:3] if _corrects_place(question, c)), None)
        if wrong is not None:
            return Composed(
                f"{wrong.sentence} [1]", [wrong.hit], _confidence(wrong, tuning, result.language),
                not_at=list(wrong.missing),
            )  # fmt: skip
        # The two nearest passages each lack something: "36 activities" in one, "western China" in the
        # other; naming both says why neither answers.
        missing = sorted({m for c in failed[:2] for m in c.missing})
        return Composed("", [], 0.0, missing=missing, nearest=failed[0] if failed else None)
    if question.versus:
        side_by_side = _side_by_side(question, good, result.language, tuning, searcher, result.query_tokens)
        if side_by_side is not None:
            return side_by_side
    best = good[0]
    confidence = _confidence(best, tuning, result.language)
    if _answers_whatever_its_words(question, best, searcher):
        confidence = max(confidence, tuning.min_confidence)
    text = f"{best.sentence} [1]"
    # When the runner-up is nearly as good and from the same document, give both: two sentences of one
    # source cost the reader little, and the answer is then less often the wrong half of a pair.
    runner = next(
        (
            c
            for c in good
            if c is not best
            and c.sentence != best.sentence
            and c.hit.chunk.doc_id == best.hit.chunk.doc_id
            and c.hit.chunk.language == best.hit.chunk.language
        ),
        None,
    )
    if runner is not None and best.score - runner.score <= tuning.second_within:
        first, second = sorted((best, runner), key=lambda c: (c.hit.chunk.meta.get("chunk", 0), c.sentence))
        joiner = "" if result.language == "zh" else " "
        text = f"{first.sentence}{joiner}{second.sentence} [1]"
    return Composed(text, [best.hit], confidence)


def _answers_whatever_its_words(question: Question, best: Candidate, searcher: Searcher) -> bool:
    """A sentence that answers by what it is, however few of the question's words it shares: one about the
    place whose mention is asked for; the plan's stated purpose for "why does the plan exist at all"; its
    launch for "how many years has chizi been around"."""
    sentence = normalize(best.sentence)
    return (
        (question.topic and best.about_place)
        # "what did Hangzhou achieve through the plan": the one thing the report says that place did
        or (question.outcome and bool(question.places) and best.about_place and not question.events)
        or (asks_only_the_plans_purpose(question, searcher) and states_purpose(sentence))
        or (question.age and bool(_STATES_LAUNCH.search(sentence)))
        # "what was the Tianjin tour worth in money terms": the one sum of money said of that place
        or (question.wants == "money" and bool(question.places) and best.about_place)
    )


def _confidence(candidate: Candidate, tuning: Tuning, language: str) -> float:
    """How sure a sentence answers: its share of the question's words, lifted by the passage's meaning."""
    dense = dense_evidence(candidate.hit, tuning, language)
    return max(candidate.lexical, 0.5 * candidate.lexical + 0.5 * dense)


def _corrects_place(question: Question, nearest: Candidate) -> bool:
    """Whether a yes/no question places something where the documents do not, and the nearest sentence,
    about the same subject, says where it was instead: "did the Yunnan team go to Kunming?", "云南专家团去的
    是丽江吗" (it went to Xiangyun, Dali). Only where something went or was held is corrected, not where
    people came from ("had scholars from Shanghai")."""
    if not (question.claim and question.wants in ("other", "place") and nearest.fits and nearest.about_place):
        return False
    asked = {p.key: p for p in question.places}
    if not nearest.missing or not all(m in asked for m in nearest.missing):
        return False
    if not all(_where_claimed(asked[m]).search(question.text) for m in nearest.missing):
        return False
    said = {p.key for p in gazetteer.places_in(normalize(nearest.sentence))}
    return bool(said - set(nearest.missing))


@functools.lru_cache(maxsize=256)
def _where_claimed(place: gazetteer.Place) -> re.Pattern[str]:
    """The place as where something went or was held: "go to Kunming", "in Beijing", "去了昆明", "是丽江"."""
    names = "|".join(re.escape(n) for n in place.names)
    return re.compile(
        rf"\b(go|went|gone|travel+ed|held|visit(ed)?|in|to|at)\s+(the city of\s+)?({names})\b"
        rf"|(去|到|在|赴|是)(了|的是|的)?({names})"
    )


def _side_by_side(
    question: Question,
    good: list[Candidate],
    language: str,
    tuning: Tuning,
    searcher: Searcher,
    query_tokens: list[str],
) -> Composed | None:
    """For a comparison of places, the best sentence about each, in the order asked; None unless every
    place has one ("which got more projects, Wenzhou or Chongqing?": 527 received, 130 negotiated)."""
    chosen: list[Candidate] = []
    # A roll-call ("brands include the Shandong fair, … Ningbo week") says nothing of the one it names.
    sides = [c for c in good if not _roll_call(gazetteer.places_in(normalize(c.sentence)))]
    for place in question.places:
        own = next((c for c in sides if gazetteer.mentions(normalize(c.sentence), place)), None)
        if own is None:
            return None
        if own not in chosen:
            chosen.append(own)
    joiner = "" if language == "zh" else " "
    cited = list({id(c.hit): c.hit for c in chosen}.values())
    marks = {id(h): n for n, h in enumerate(cited, 1)}
    text = joiner.join(f"{c.sentence} [{marks[id(c.hit)]}]" for c in chosen)
    # Each sentence holds half the answer and so shares half the question's words: the pair is judged
    # by the words the two share with it together, or by the weaker one's own confidence.
    together = set().union(*(searcher.tokenizer.tokens(c.sentence) for c in chosen))
    confidence = max(
        min(_confidence(c, tuning, language) for c in chosen), coverage(query_tokens, together, searcher)
    )
    return Composed(text, cited, confidence)
