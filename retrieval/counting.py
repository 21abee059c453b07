"""What a count or "which X" question asks for, read from its words: the thing counted ("agreements",
"风投", a class such as people or activities), and the verb of an English count ("reject", "renewed").

`retrieval.compose` checks these against the answering sentence; here is only the reading of the question.
"""

from __future__ import annotations

import re

from retrieval import places as gazetteer

# A Chinese noun runs to the first verb or particle.
# (and verbs that follow the noun counted: "几个项目拿到钱了" counts 项目)
_ZH_PARTICLES = re.compile(
    r"[的了吗呢啊在是有被参达签收融对来去请报和与拿]|提交|获得|得到|取得|交(?!流|通|易|会)|投(?!资)"
)
# After a measure word a one-character noun counts too (几个站); without one, 几 needs two (几年 is no noun).
_COUNT_ZH = re.compile(
    r"(?:多少|几)(?:(?:个|项(?!目)|家|名|位|次|届|场|种|所|条|处|人次|份|号|批|期)([\u4e00-\u9fff]{1,6})|([\u4e00-\u9fff]{2,6}))"
)
# "几个是生物医药的", "多少是女性": how many of them are of a kind.
# "130个项目里云计算的有几个": likewise, the kind named first.
_COUNT_OF_KIND_ZH = re.compile(
    r"(?:多少|几)(?:个|项|家|名|位|种|所|条)?是([\u4e00-\u9fff]{2,8}?)(?:的|方向|领域|类|$)"
    r"|(?:里|中|当中|之中)(?:面)?(?:有)?([\u4e00-\u9fff]{2,6}?)(?:方向|领域|类)?的(?:有|占)?(?:多少|几)"
)
# "how many of the Wenzhou projects were in biotech": those of a kind, likewise.
_COUNT_OF_KIND_EN = re.compile(
    r"\bhow many of (?:the |those |these |its |their )?(?:[a-z'-]+ ){0,3}?(?:were|are|was|is) "
    r"(?:in|about|on|from|related to|to do with) (?:the )?(?!the\b)([a-z-]{3,})"
)
# 人 alone after the count (not 人才, 人员, 人次, 人社部): people.
_PEOPLE_ZH = re.compile(r"人(?![才员次社力事])")
_COUNT_EN = re.compile(r"\b(?:how many|number of)\s+((?:[a-z'-]+\s*){1,5})")
_NOT_NOUN_EN = frozenset(
    ["the", "a", "an", "of", "were", "was", "are", "is", "did", "do", "does", "have", "has", "had",
     "got", "get", "went", "there", "in", "at", "on", "for", "from", "to", "by", "with", "and",
     "or", "will", "would", "can", "could", "should"]
)  # fmt: skip
_LEADING_EN = frozenset(
    ["overseas", "more", "different", "chizi", "high-level", "foreign", "chinese", "other",
     "extra", "additional", "further",  # "what extra events did the Shandong fair add": events
     "new", "local", "major", "key", "important"]  # "what new brands", "what local need": brands, need
)  # fmt: skip
# Words users use loosely for a class of things: "scholars" is answered by talent, experts or villagers
# seen, "activities" by projects, tours or fairs, but never by associations or stations.
PEOPLE = "@people"
ACTIVITIES = "@activities"
_CLASS_EN = {
    **dict.fromkeys(
        ["people", "persons", "scholars", "experts", "talents", "talent", "participants", "researchers",
         "attendees", "visitors", "guests", "phds", "professionals", "returnees"],
        PEOPLE,
    ),
    **dict.fromkeys(["activities", "events", "projects", "programmes", "programs"], ACTIVITIES),
}  # fmt: skip
_LOOSE_EN = frozenset(["ones", "things", "times"])
# Words too loose to check: users call activities 项目 and scholars 人才 without meaning a distinction.
_LOOSE = frozenset(["项目", "活动", "人才", "人员", "专家", "学者", "海外人才", "留学人才", "人次"])


# One-character place nouns (几个省, 几个市) name no thing to look for in the answer: not checked.
# Qualifiers every scholar in the documents has: 海外专家 is any 专家 there.
_PLAIN_QUALIFIERS = frozenset(["海外", "留学", "高层次", "高端", "知名", "各类", "国内", "合作"])


def qualified_loose(word: str) -> tuple[str, str] | None:
    """(qualifier, head) of a counted Chinese noun whose head is loose: 云计算项目 -> (云计算, 项目)."""
    return (word[:-2], word[-2:]) if len(word) > 2 and word[-2:] in _LOOSE else None


def counts_of_a_kind(text: str) -> bool:
    """Whether a Chinese count asks how many of a set are of a kind ("130个项目里云计算的有几个")."""
    return bool(_COUNT_OF_KIND_ZH.search(text))


def count_target(text: str) -> tuple[str, ...]:
    """What a count question counts ("agreements", "风投"), as words an answering sentence must name."""
    # ("how many of Hangzhou's stations are in the US" asks where, which the place check reads)
    kind = _COUNT_OF_KIND_ZH.search(text) or _COUNT_OF_KIND_EN.search(
        re.sub(r"\s+", " ", gazetteer.without_places(text))
    )
    if kind:
        # "有几个是生物医药的", "130个项目里云计算的有几个": those of that kind, which the answer must name
        return (kind.group(1) or kind.group(2),)
    m = _COUNT_ZH.search(text)
    if m:
        noun = m.group(1) or m.group(2)
        if _PEOPLE_ZH.match(noun) or noun.startswith(("病", "诊")):
            # "多少人提交项目": 人 alone counts people, whatever they did; "看了多少次病": visits to patients
            return (PEOPLE,)
        if len(noun) > 2 and noun.endswith("书"):
            noun = noun[:-1]  # "多少份项目书": proposals, counted as the projects they put forward
        # The noun runs to the first verb or particle; its head is at its end (海外联络站 -> 联络站).
        word = _ZH_PARTICLES.split(noun)[0]
        head = word[-2:]
        if len(word) == 1:
            # "几个站": the sentence must name stations (联络站); "多少个省": a number must count provinces
            return (word,)
        if len(word) < 2 or word in _LOOSE:
            return ()
        if head in _LOOSE:
            # "多少个云计算项目": 项目 alone is loose, but what qualifies it is not; the whole is checked.
            qualifier = word[:-2]
            keep = len(word) > 2 and qualifier not in _LOOSE and qualifier not in _PLAIN_QUALIFIERS
            return (word,) if keep else ()
        return (head,)
    # "how many of the scholars came from Europe" counts scholars, as "how many scholars …" does
    text = re.sub(r"\b(how many|number) of (?:the|those|these|its|their|all the) ", r"\1 ", text)
    m = _COUNT_EN.search(re.sub(r"\b[a-z]&[a-z]\b", " ", text))  # "S&T associations"
    if m and m.group(1).split()[0] in _PLACES_COUNTED_EN:
        return (m.group(1).split()[0],)  # "how many cities ran activities": a number must count cities
    return _head_noun(m.group(1).split(), _NOT_NOUN_EN) if m else ()


# Places a count may ask for; elsewhere ("which city set up a station") they only say what kind of answer.
_PLACES_COUNTED_EN = frozenset(["cities", "provinces", "towns", "counties", "municipalities"])


def _head_noun(words: list[str], stop: frozenset[str]) -> tuple[str, ...]:
    """What an English count counts: the head of its noun phrase, "cooperation intentions" -> intentions,
    "VC firms" -> firms (a following plural noun is the head; a verb or a stop word ends the phrase)."""
    first = _first_noun(words, stop)
    if not first or first[0].startswith("@"):
        return first
    i = next((n for n, w in enumerate(words) if w.removesuffix("'s") == first[0]), None)
    head = first
    for w in words[i + 1 : i + 3] if i is not None else []:
        if w in stop or w in _NOT_NOUN_EN or w.endswith(("ed", "ing")) or not re.fullmatch(r"[a-z-]+", w):
            break
        if not w.endswith("s") or w.endswith("ss"):
            break
        head = (_CLASS_EN[w],) if w in _CLASS_EN else () if w in _GENERIC_EN else (w,)
    return head


_NUMERALS = frozenset(
    ["one", "two", "three", "four", "five", "six", "ten", "some", "many", "most", "main", "top"]
)


# Nouns the documents use as modifiers of the thing counted ("cooperation projects").
_MODIFIERS_EN = frozenset(
    ["cooperation", "technology", "science", "service", "liaison", "venture", "research"]
)


def _first_noun(words: list[str], stop: frozenset[str]) -> tuple[str, ...]:
    """The first word of a noun phrase that names a thing, past "overseas", numerals and place names
    ("two regions", "Guizhou agreements"); () at a verb first, or when it is too loose to check."""
    joined = -1  # the index of an "and" joining two modifiers of one noun
    for n, raw in enumerate(words):
        w = raw.removesuffix("'s")
        if n == joined:
            continue
        if w in stop or w.endswith(("ed", "ing")):
            return ()
        if w == "talent" and any(re.fullmatch(r"[a-z-]+[^s]s", x) for x in words[n + 1 : n + 3]):
            continue  # "talent liaison stations", "talent fairs": a modifier of the noun counted
        if (
            w == "talent"
            and words[n + 1 : n + 2] in (["and"], ["or"])
            and any(re.fullmatch(r"[a-z-]+[^s]s", x) for x in words[n + 2 : n + 4])
        ):
            joined = n + 1  # "talent and technology projects": what is counted is projects
            continue
        if w in _MODIFIERS_EN and re.fullmatch(
            r"[a-z-]+(tion|sion|ment|ness|ity|ship|[^s]s)",
            words[n + 1 : n + 2][0] if n + 1 < len(words) else "",
        ):
            continue  # "cooperation intention", as hurried English writes "cooperation intentions"
        if w.endswith("ly") and len(w) > 4:
            continue  # "what exactly is the plan": an adverb, not what is asked for
        if w in _LEADING_EN or w in _NUMERALS or gazetteer.places_in(w):
            continue
        if w in _CLASS_EN:
            return (_CLASS_EN[w],)
        if "-" in w:
            if any(re.fullmatch(r"[a-z-]+[^s]s", x) for x in words[n + 1 : n + 2]):
                continue  # "talent-technology projects": the compound qualifies what is counted
            return tuple(p for p in w.split("-") if len(p) > 2)  # "talent-technology": either part
        return () if w in _LOOSE_EN or w in _GENERIC_EN else (w,)
    return ()


_KIND_OF = frozenset(["kind", "kinds", "type", "types", "sort", "sorts"])
_WHICH_EN = re.compile(r"\b(?:which|what)\s+((?:[a-z'-]+\s*){1,4})")
_AUX_EN = frozenset(
    ["did", "do", "does", "is", "are", "was", "were", "has", "have", "had", "can", "could", "will",
     "would", "should", "may", "might", "the", "a", "an", "of",
     "else",  # "what else do they get": no noun named
     "got", "get", "gets",  # "which got more projects": no noun named
     "about",  # "what about the money?"
     "came", "comes", "happened", "happens", "became", "becomes", "went", "goes"]  # "what came of …"
)  # fmt: skip
# Heads that name no checkable thing, or a kind already checked by the answer wanted (places, bodies, years).
_GENERIC_EN = frozenset(
    ["year", "years", "time", "times", "date", "day", "kind", "kinds", "type", "types", "way",
     "ways", "sort", "sorts", "thing", "things", "support", "help", "benefit", "benefits", "result",
     "results", "role", "point", "purpose", "city", "cities", "province", "provinces", "region",
     "regions", "country", "countries", "county", "counties", "place", "places", "continent",
     "continents", "ministry", "department", "body", "agency", "organisation", "organization",
     "events", "event", "activities", "activity", "government", "authority",
     "area", "areas", "issues", "stuff", "name", "names", "size", "number", "amount", "main",
     "aim", "aims", "goal", "goals", "mission",
     "part", "parts",
     "extras", "extra", "additions", "add-ons",  # "what extras did Shandong add": whatever was added
     "plan", "programme", "program"]
)  # fmt: skip


_AFTER_AUX = re.compile(r"\b(?:did|do|does|were|was|are|is|have been|has been|had been|got|get)\b\s+(.*)$")
_PREPOSITIONS = frozenset(
    ["in", "at", "on", "for", "during", "with", "from", "to", "by", "overall", "altogether", "total", "there",
     "since", "after", "before", "per", "each", "that", "this", "last", "so", "far", "into"]
)  # fmt: skip
_PARTICLES = frozenset(["up", "out", "off", "back", "down", "over", "away", "together", "along", "around"])
_CONJUNCTIONS = frozenset(["and", "or", "but", "nor"])
# Words that may end a yes-no question's clause and are no verb: "did the plan do anything", "did it go well".
_NOT_VERBS = frozenset(["it", "them", "anything", "something", "everything", "nothing", "this", "that", "these",
                       "those", "any", "much", "many", "well", "so", "too",
                       "only", "just", "mostly", "mainly", "also", "even"])  # fmt: skip
_PARTICIPLE = re.compile(r"^[a-z]{3,}(?:ed|en)$")


_ADVERBS = frozenset(["later", "afterwards", "eventually", "overall", "total", "altogether", "since", "then",
                      "again", "finally", "there", "that", "year", "time"])  # fmt: skip


def _bare(rest: list[str]) -> bool:
    """Whether a verb stands without an object of its own ("failed later" yes, "ended in an agreement" no):
    a verb with an object the documents name ("agreement") is a light verb, not the thing asked."""
    return not any(len(w) >= 4 and w not in _ADVERBS and not gazetteer.places_in(w) for w in rest)


def yes_no_predicate(text: str) -> str:
    """The verb of an English yes-no question about what someone did: "did any scholar withdraw from the
    Chongqing tour" -> withdraw. "" when there is none to check."""
    m = re.match(r"^(?:so |and |but )?(?:did|does|do|has|have|had) (.*)$", text)
    if not m:
        return ""
    # "did any projects involve IT": the verb before a pronoun, quantifier or adverb.
    return _clause_end(re.findall(r"[a-z][a-z'-]*", m.group(1)), _PARTICLES | _CONJUNCTIONS | _NOT_VERBS)


def _clause_end(words: list[str], dropped: frozenset[str]) -> str:
    """The last word of the clause after the auxiliary (up to its first preposition), past `dropped`
    words; "" when the clause has no subject before it."""
    clause: list[str] = []
    for w in words:
        if w in _PREPOSITIONS and len(clause) >= 1:
            break
        clause.append(w)
    while clause and clause[-1] in dropped:
        clause.pop()
    return clause[-1] if len(clause) >= 2 else ""


def count_predicate(text: str) -> str:
    """The verb of an English count question: "how many projects did the Tianjin tour reject" -> reject,
    "how many agreements were renewed" -> renewed. "" when there is none to check."""
    if not re.search(r"\bhow many\b|\bnumber of\b", text):
        return ""
    m = _AFTER_AUX.search(text)
    if not m:
        # "how many of the Ningbo projects failed": the first past-tense verb after what is counted.
        after = re.split(r"\bhow many\b|\bnumber of\b", text, maxsplit=1)[-1]
        words = re.findall(r"[a-z][a-z'-]*", after)
        for i, w in enumerate(words[1:], start=1):
            if _PARTICIPLE.match(w) and not w.endswith("en"):
                return w if _bare(words[i + 1 :]) else ""
        return ""
    words = re.findall(r"[a-z][a-z'-]*", m.group(1))
    aux = text[m.start() : m.start(1)].split()[0]
    if aux in ("were", "was", "are", "is", "been", "got", "get"):
        # Passive: the participle right after the auxiliary ("were renewed", "got rejected").
        return words[0] if words and _PARTICIPLE.match(words[0]) and _bare(words[1:]) else ""
    # "did the Tianjin tour reject": the verb ends the clause, after its subject; "did Hangzhou set up":
    # the verb is "set"; "…receive and from how many": receive.
    return _clause_end(words, _PARTICLES | _CONJUNCTIONS)


_WHAT_THE_EN = re.compile(r"\bwhat (?:is|was|are|were) (?:the|its|their) ([a-z'-]+) of\b")
# "宁波那23个项目都是什么领域的": the noun after 什么/哪些 is what the answer must name.
_WHICH_ZH = re.compile(r"(?:什么|哪些|哪个|哪种|哪类|哪几个|哪几种)([\u4e00-\u9fff]{2,6})")
# "广州有没有联络站", "有微信公众号吗": whether a thing is there, which a sentence about the place that does not name the thing
# does not say.
# (not "有没有五千个": whether a figure was reached, a claim)
_EXISTS_ZH = re.compile(
    r"(?:有没有|是否有|有无)(?![一二两三四五六七八九十百千万几])([\u4e00-\u9fff]{2,8})|有([\u4e00-\u9fff]{2,8})[吗么嘛]\W*$"
)
# "报告里有关于东北的内容吗": whether it is spoken of, in whatever words, not a thing called 内容.
_LOOSE_EXISTS_ZH = frozenset(["内容", "信息", "资料", "说法", "消息", "介绍", "记录", "数据", "提法"])
# Nouns after 什么/哪些 that name no checkable thing, or a kind the answer wanted already checks.
_LOOSE_WHICH_ZH = frozenset(
    ["时候", "地方", "地区", "城市", "省份", "国家", "时间", "日期", "东西", "方面", "情况", "问题",
     "意思", "作用", "用处", "区别", "关系", "意义", "样子", "部门", "单位", "机构",
     "成果", "结果", "效果", "收获", "成绩", "事情", *_LOOSE]  # any outcome reported answers "什么成果"
)  # fmt: skip


# What a Chinese count counts, told by its measure word (位 people, 家 bodies, 项 items, 届 editions) or,
# without one, by its noun. 个 measures anything and tells nothing; 次 (times) neither.
MEASURE_KIND = {"位": "people", "名": "people", "人次": "people", "人": "people", "家": "bodies",
                "所": "bodies", "项": "items", "件": "items", "届": "editions"}  # fmt: skip
_NOUN_KIND = [
    ("people", re.compile(r"人才|学者|专家|博士|人员|村民|医生|留学生|多少人|几个人")),
    ("bodies", re.compile(r"机构|企业|公司|团体|协会|社团|高校|大学")),
    # Not 协议 (agreements): "与15家团体签订长期协议" counts the agreements by the bodies that signed.
    ("items", re.compile(r"项目|难题|问题|意向")),
    ("editions", re.compile(r"几届|多少届")),
    # 4个海外人才联络站 counts stations, whatever 人才 inside their name says
    ("sites", re.compile(r"联络站|工作站|站点|基地|园区")),
]
_ASKED_MEASURE = re.compile(r"(?:多少|几)(位|名|人次|家|所|项|件|届)")


def head_kind(phrase: str) -> str | None:
    """The kind of the noun a Chinese noun phrase ends on, its head: 人才技术合作项目 is items (projects), not
    people; None when no known noun is in it."""
    found = [(m.end(), kind) for kind, rx in _NOUN_KIND for m in rx.finditer(phrase)]
    return max(found)[1] if found else None


def count_kind(text: str) -> str | None:
    """The kind of thing a Chinese count question counts (people, bodies, items, editions, sites), read from the
    question without its events' names; None when it does not say, or says two."""
    measure = _ASKED_MEASURE.search(text)
    if measure:
        return MEASURE_KIND[measure.group(1)]
    kinds = {kind for kind, rx in _NOUN_KIND if rx.search(text)}
    return kinds.pop() if len(kinds) == 1 else None


def asks_existence(text: str) -> bool:
    """Whether a Chinese question asks if a thing is there at all ("广州有没有联络站", "是否有年龄限制")."""
    return _EXISTS_ZH.search(text) is not None


def asked_target(text: str, wants: str) -> tuple[str, ...]:
    """What the answer must name: the thing a count counts, or the noun of "which companies …"."""
    if wants == "count":
        return count_target(text)
    if wants == "share":
        return ()  # "what share of X": the part is named by the sentence's own "29 of them"
    zh = _WHICH_ZH.search(text)
    if zh:
        # As for counts, the noun's head is at its end: 什么合作机制 asks for a 机制.
        word = _ZH_PARTICLES.split(zh.group(1))[0]
        if word[:2] in _LOOSE_WHICH_ZH:
            return ()  # "哪些方面解决了难题": the noun is 方面, whatever verb follows it
        if word == "内容" and "活动" not in text:
            return ()  # "山东给海洽会加了哪些内容": the things added, not the activities' 活动内容
        head = word[-2:]
        return () if len(word) < 2 or head in _LOOSE_WHICH_ZH else (head,)
    exists = _EXISTS_ZH.search(text)
    if exists:
        phrase = exists.group(1) or exists.group(2)
        # "有类似的活动吗": the noun after the last 的 (活动), not its modifier (类似)
        head = phrase.rsplit("的", 1)[1] if "的" in phrase else ""
        word = _ZH_PARTICLES.split(head)[0] if len(head) >= 2 else _ZH_PARTICLES.split(phrase)[0]
        return (word,) if len(word) >= 2 and word[-2:] not in _LOOSE_WHICH_ZH | _LOOSE_EXISTS_ZH else ()
    the = _WHAT_THE_EN.search(text)
    if the:
        return _first_noun([the.group(1)], _AUX_EN)  # "what was the theme of …": the theme
    m = _WHICH_EN.search(gazetteer.without_places(text))  # "which silicon valley companies": companies
    if m:
        words = m.group(1).split()
        if words[1:2] == ["of"] and words[0] in _KIND_OF:
            words = words[2:]  # "what kind of problems did they solve": problems
        return _first_noun(words, _AUX_EN)
    listed = _LIST_EN.search(text)
    return _list_head(listed.group(1).split()) if listed else ()


# "list some well known chizi brands", "name the fields covered by …": the thing to be listed.
# "under a different name before 2010" uses the noun: the verb opens a request or takes a determiner.
_LIST_EN = re.compile(
    r"(?:(?:^|\b(?:please|pls|can you|could you|to)\s+)(?:list|name|enumerate)\s+(?:(?:some|a few|all|the|any|several|me)\s+)?"
    r"|\b(?:list|name|enumerate)\s+(?:some|a few|all|the|any|several|me)\s+)((?:[a-z'-]+\s*){1,5})"
)
_PREPOSITIONS_EN = frozenset(
    ["of", "in", "at", "on", "for", "from", "by", "with", "that", "which", "who", "to"]
)


def _list_head(words: list[str]) -> tuple[str, ...]:
    """The head of the noun phrase to be listed: its last word before a preposition or a participle."""
    phrase: list[str] = []
    for w in words:
        if w in ("please", "pls"):
            break
        if (
            w in _PREPOSITIONS_EN
            or w in _AUX_EN
            or (phrase and (w.endswith(("ed", "ing")) or gazetteer.places_in(w)))
        ):
            break
        phrase.append(w)
    if not phrase:
        return ()
    head = phrase[-1]
    if head in _CLASS_EN:
        return (_CLASS_EN[head],)
    return () if head in _GENERIC_EN or head in _LOOSE_EN or head in _NUMERALS else (head,)
