"""What a question asks, before anything is retrieved: its kind, the answer it wants, its constraints.

`understand()` reads a normalised question and returns a `Question`:
- constraints an answer must meet: years ("2015年", "12年", "二〇一二年", "1980s"), Chinese places,
  places abroad named as the subject, and the catalogue events it names (through their aliases);
- the kind of answer it wants: a count, a sum of money, a year, a date, a place, a body, a person, a reason…
- for event questions: the attribute asked (date, place, deadline, seats, format, contact, time,
  duration, fields), or the filters of a list (months, regions, fields, online, closing soon), or the
  wish to register;
- whether it leans on the previous question ("那天津呢？", "and the deadline?").

Rules are regular expressions over the normalised text (simplified Chinese, lower case), kept here
in one place with tests for what they must and must not catch.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from retrieval import places as gazetteer
from retrieval.counting import asked_target, count_kind, count_predicate
from retrieval.places import Place
from retrieval.text import detect_language, has_cjk, normalize, without_introduction, word_rx


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(parts))


# --- years and dates ----------------------------------------------------------------------------------
_CN_DIGITS = {"〇": "0", "零": "0", "○": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5",
              "六": "6", "七": "7", "八": "8", "九": "9"}  # fmt: skip
_CN_YEAR = re.compile(r"([〇零○一二三四五六七八九]{4})年")
_YEAR = re.compile(
    r"(?<![\d.])((?:19|20)\d{2})(?![\d%])(?!'?s\b|年代)(?!\s*(?:万|亿|个|项|人|家|名|位|元|多|余))"
)
_SHORT_YEAR = re.compile(r"(?<![\d.])(\d{2})年(?!代)")
_DECADE = re.compile(r"(?<!\d)((?:19|20)?\d0)(?:'?s\b|年代)")

_MONTHS_EN = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december"]  # fmt: skip
_MONTH_EN = re.compile(
    r"\b(" + "|".join(m for m in _MONTHS_EN) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b"
)
_MONTH_ZH = re.compile(r"(?<![\d年])(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月(?:份)?")
_ZH_NUM = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
           "十一": 11, "十二": 12}  # fmt: skip


def years_in(text: str, today: dt.date) -> list[int]:
    """Years a normalised question names; 'last year', 'next year' and two-digit years resolved."""
    text = _CN_YEAR.sub(lambda m: "".join(_CN_DIGITS[c] for c in m.group(1)) + "年", text)
    found = [int(y) for y in _YEAR.findall(text)]
    found += [2000 + int(y) for y in _SHORT_YEAR.findall(text) if int(y) <= today.year % 100 + 5]
    if not found and re.search(r"明年|next year", text):
        found.append(today.year + 1)
    if not found and re.search(r"今年|this year", text):
        found.append(today.year)
    return sorted(set(found))


# A figure the question quotes ("how many of the 36 activities…"): two or more digits that are not a
# year, a decade, a date, a time or an amount asked about in a unit of its own.
_FIGURE = re.compile(
    r"(?<![\d.,:'/-])([1-9]\d{0,2}(?:,\d{3})+|[1-9]\d+)(?![\d:/-])(?!\s*(?:年|月|日|号|点|s\b|'s\b))"
)


def figures_in(text: str) -> list[tuple[str, str]]:
    """Figures a normalised question quotes, as (digits without separators, the figure and the word
    after it as asked: "36 activities"); years (2012, and 12年 by the pattern) excluded."""
    out = []
    for m in _FIGURE.finditer(text):
        figure = m.group(1).replace(",", "")
        if 1900 <= int(figure) <= 2100 and len(figure) == 4:
            continue
        shown = re.match(r"[\d,]+\s*(?:[a-z-]+|[\u4e00-\u9fff]{1,3})?", text[m.start() :])
        out.append((figure, shown.group(0).strip() if shown else figure))
    return out


# "were 50 activities selected in 2012?", "听说津门行请了500个专家？": a claim to check, whose figure may be
# wrong; the answer is the documents' figure, not a decline for want of the asker's.
_CLAIM = _rx(
    r"是不是|是否|对吗|对不对|没错吧|听说|吗\W*$|吧\W*$",
    r"^(did|were|was|is|are|has|have|had)\b|\bis it true\b|\bi (heard|read)\b|\b(right|correct|true)\W*$",
)


# "before 2010", "2010年以前": the time before a year, met by any earlier year (the plan's 1988 roots), not
# by a sentence naming that year.
_BEFORE_YEAR = _rx(
    # not 2012年前后 ("around 2012") nor 2012年前三个月
    r"((?:19|20)\d{2})\s*年?\s*(?:以前|之前|前)(?![一二三四五六七八九十两几\d后])",
    r"\b(?:before|prior to|earlier than|older than|pre-?)\s*((?:19|20)\d{2})\b",
)


def before_year(text: str) -> int | None:
    """The year a normalised question asks about the time before, if any."""
    m = _BEFORE_YEAR.search(text)
    return int(next(g for g in m.groups() if g)) if m else None


def decades_in(text: str) -> list[tuple[int, int]]:
    out = []
    for raw in _DECADE.findall(text):
        start = int(raw) if len(raw) == 4 else 1900 + int(raw)
        out.append((start, start + 9))
    return out


def months_in(text: str, today: dt.date) -> list[int]:
    months: set[int] = set()
    for m in _MONTH_EN.findall(text):
        months.add(next(i for i, name in enumerate(_MONTHS_EN, 1) if name.startswith(m[:3])))
    for m in _MONTH_ZH.findall(text):
        months.add(int(m) if m.isdigit() else _ZH_NUM[m])
    if re.search(r"下半年|second half", text):
        months |= set(range(7, 13))
    if re.search(r"上半年|first half", text):
        months |= set(range(1, 7))
    # The start, middle and end of a year ("明年年底", "late 2027", "early next year").
    if re.search(r"年底|年末|年尾|\b(late|end of( the)?)( next)? (year|20\d\d)\b", text):
        months |= {11, 12}
    if re.search(r"年初|开年|\b(early|start of( the)?|beginning of( the)?)( next)? (year|20\d\d)\b", text):
        months |= {1, 2}
    if re.search(r"年中|\bmid-?(year|20\d\d)\b|\bmiddle of( the)?( next)? (year|20\d\d)\b", text):
        months |= {6, 7}
    if re.search(r"下个月|next month", text):
        months.add(today.month % 12 + 1)
    # Seasons as China has them (the events are held there): spring March-May, and so on.
    for season, (zh, en) in _SEASONS.items():
        if re.search(zh, text) or re.search(en, text):
            months |= set(season)
    return sorted(months)


_SEASONS = {
    (3, 4, 5): (r"春天|春季", r"\bspring\b"),
    (6, 7, 8): (r"夏天|夏季|暑假", r"\bsummer\b"),
    (9, 10, 11): (r"秋天|秋季", r"\bautumn\b|\bfall\b(?! (?:on|in|under|into|through|apart|behind))"),
    (12, 1, 2): (r"冬天|冬季|寒假", r"\bwinter\b"),
}


# --- fields of work ----------------------------------------------------------------------------------
FIELD_WORDS: dict[str, str] = {
    "biomedicine": r"生物医药|生物医学|生物|医药|制药|biomed\w*|biolog\w*|biotech\w*|pharma\w*|life science",
    "medicine": r"医学|医生|临床|医疗|medicine|medical|clinical|doctors?|physicians?",
    "public_health": r"公共卫生|public health|epidemiolog\w*",
    "it": r"电子信息|信息技术|计算机|软件|电子|互联网|software|computer|electronics?|computing",
    "artificial_intelligence": r"人工智能|机器学习|深度学习|\bai\b|machine learning|deep learning|artificial intelligence",
    "advanced_manufacturing": r"先进制造|制造|机器人|manufactur\w*|robot\w*",
    "energy": r"新能源|能源|节能|电池|光伏|energy|batter(?:y|ies)|solar",
    "finance": r"金融|投资|finance|financial|fintech|banking",
    "cloud_computing": r"云计算|cloud",
    "big_data": r"大数据|数据科学|big data|data science",
    "new_materials": r"新材料|材料|化学|materials?|chemistry",
    "textiles": r"纺织|textiles?",
    "agriculture": r"农业|农学|agricultur\w*|agri\w*|farming",
    "environment": r"生态|环境|环保|environment\w*|ecolog\w*|climate",
    "engineering": r"工程|engineer\w*",
}
_FIELD_RX = {key: re.compile(pattern) for key, pattern in FIELD_WORDS.items()}


def fields_in(text: str, original: str = "") -> list[str]:
    found = [key for key, rx in _FIELD_RX.items() if rx.search(text)]
    # "IT" in capitals only: "it" is also the pronoun ("where is it?").
    if re.search(r"\bIT\b", original) and "it" not in found:
        found.append("it")
    return found


# --- what is asked -----------------------------------------------------------------------------------
# The kind of answer a question wants, most specific first.
WANTS: list[tuple[str, re.Pattern[str]]] = [
    (
        "person",
        _rx(
            r"部长|局长|主任|负责人|领导人?是谁|是谁$|谁是|(颁|发|授|给)(给)?了?谁|谁(获|得|拿)(了|到|过)?"
            r"|谁(带队|领队|带的队)|(带队|领队)的?(是谁|人)",
            r"\b(minister|director|head|leader|chair(man|woman)?|president|contact person)\b(?! of (the )?(ministry|mohrss))"
            r"|\bwho (founded|leads|heads|headed|chairs|chaired|started|created|led|won|wins|received|receives|got|was awarded)\b"
            # "name of the doctor heading the Yunnan team": a person's name, not a list
            r"|\bfounders?\b|\bfounded by\b"
            r"|\bnames? of (the|that|this) (doctors?|leaders?|heads?|persons?|people|experts?|professors?|organi[sz]ers?|winners?)\b",
        ),
    ),
    # "宁波那个资本洽谈会都有谁参加", "who submitted projects to the Wenzhou fair": who took part, answered by a
    # sentence saying who did (41家机构参会, "submitted by 424 overseas scholars"), not a roll-call of brands.
    (
        "participants",
        _rx(
            r"(都有|是)?谁(来)?(参加|参与|参会|出席|提交|申报|去)(了)?",
            r"\bwho (took part|attended|participated|joined|came to|submitted|applied|went to)\b",
        ),
    ),
    # "Which countries sent the most scholars": a ranking, answered only by a sentence that ranks
    # (before money: "宁波哪个项目融资最多" asks which, not how much).
    (
        "ranking",
        _rx(
            r"(哪个|哪些|哪家|谁).{0,12}最(多|大|高|少)",
            r"^(which|who|what|where)\b.{0,60}\b(the )?(most|largest|biggest|highest|fewest|least)\b(?! (famous|well-known|known|important|common))",
        ),
    ),
    (
        "money",
        _rx(
            r"多少钱|融资|融到|融姿|资助多少|多少资金|经济效益|预算|拨款|补贴|工资|薪|金额|总额|多少元",
            r"how much (money|funding|cash)|\braised?\b|\bbudget|\bsalary|\bfunding did|economic benefit|generate"
            r"|\bcost\b|\bworth\b|prize money"
            r"|how much .{0,40}\b(get|got|receive|received|invest|invested|worth|cost)\b",
        ),
    ),
    (
        "year",
        _rx(
            r"哪一年|哪年|什么时候(开始|启动|成立|创立)|(啥|何)时(候)?(开始|启动)|追溯到|几几年",
            r"\b(what|which) year\b|since when|since what year|when did .{0,40}\b(start|begin|began|launch|found)|how far back|when .{0,20}\b(start|launch|begin)\b",
        ),
    ),
    # 几年 is a length of time ("有效期几年"), except in 近几年 / 前几年 (recent years).
    (
        "duration",
        _rx(
            r"多久|多长时间|几天|几个月|(?<![近前这那后过头])几年(?!级)|多少年(?!代)",
            r"how long\b|how many (days|weeks|months|years)|for how long",
        ),
    ),
    # "津门行的学者都是哪些国家的": countries, answered only by a sentence naming countries or continents.
    (
        "country",
        _rx(
            r"哪(个|些|几个)国家|来自哪(个|些|几个)?国", r"\b(which|what) countr(y|ies)\b|\bfrom which countr"
        ),
    ),
    # "女性学者占多少", "what share of Chongqing's projects reached agreements": a part of a whole, answered
    # by a sentence giving a percentage or a part ("29 of them"), not by any number.
    (
        "share",
        _rx(
            r"占(多少|几成|百分之几|比例|比重)|比例(是)?多少|百分之几|几成",
            r"\bwhat (share|percentage|proportion|fraction|percent)\b|\bhow many percent\b|\bpercentage of\b",
        ),
    ),
    # An English request for a list is answered by an enumeration, not by a sentence using the word.
    (
        "list",
        _rx(
            # 哪些国家/城市 asks for places: answered by a sentence naming places, checked as such below.
            r"列举|举几个例子|哪些(?!国家|城市|省份?|地区|地方)|有哪几|是哪几(?!个?(国家|城市|省|地区|地方))|都有啥|都有谁|分别是|哪(些|个|几个)?方面|有什么(?!用|区别|关系|意义|作用)",
            r"^(please )?(list|name)\b|\b(list|name) (some|a few|the|all)\b|\bexamples? of\b"
            r"|\blist( them)?( please)?\W*$"
            # "what kinds of activities" asks for several; "what kind of projects" may be one description.
            r"|\bwhat (sorts|kinds|types) of\b",
        ),
    ),
    (
        "count",
        _rx(
            # 哪几个地方 asks which, not how many.
            r"多少|(?<!哪)(几个|几项|几家|几次|几届|几位|几名|几人|几种)|有几|数量",
            r"how many|number of|\bcount\b|how much"
            # "what did the Shandong fair achieve in numbers": figures, which a sentence without any lacks
            r"|\bin numbers\b|\b(any|the) (figures|numbers|stats|statistics)\b",
        ),
    ),
    (
        "date",
        _rx(r"哪一天|哪天|几号|什么日期|什么时候|何时|哪个月", r"\bwhen\b|what date|which day|what day"),
    ),
    (
        "org",
        _rx(
            r"哪个部门|哪个单位|哪个机构|谁(管|负责|主办|组织|发起|创办|创立|举办|承办)|谁办的|(哪个|什么)部(门)?(管|负责|主办)|由谁",
            r"who('s| is| was)? behind\b|who (runs|ran|organi[sz]es|organi[sz]ed|hosted|is in charge|was in charge|manages|managed|is responsible|was responsible)"
            r"|(which|what) (government |state )?(ministry|department|agency|body|authority)",
        ),
    ),
    (
        "place",
        _rx(
            r"在哪(?!些|天|一天|年|个月)|哪里|哪儿|哪(个|些|几个)(县|城市|省|地方|国家|地区)|什么地方|来自哪",
            r"\bwhere\b|which (county|city|province|country|countries|place)",
        ),
    ),
    # "how is chizi different from the Thousand Talents plan", "海洽会和宁交会有什么区别": a comparison, which
    # only a sentence that compares can make (a roll-call naming both does not).
    (
        "difference",
        _rx(
            r"区别|不同之处|有什么不同|有何不同|有啥不同|差别|差异",
            r"\bdifferen(t|ce|ces)\b.{0,40}\b(from|between|to)\b|\bhow does .{1,40}\bdiffer\b|\bdiffers? from\b"
            r"|\bcompared? (to|with)\b|\bvs\.?\b|\bversus\b",
        ),
    ),
    ("reason", _rx(r"为什么|为啥|目的|为何|使命|宗旨", r"\bwhy\b|purpose|the point of|\bmission\b")),
]


@functools.lru_cache(maxsize=1024)
def wants_of(text: str) -> str:
    """The kind of answer a normalised question wants, the first of WANTS that it matches, or "other"."""
    return next((name for name, rx in WANTS if rx.search(text)), "other")


# Things the plan documents may simply not carry: asked for, they must be found in the index itself.
FOCUS_CONCEPTS: list[tuple[str, re.Pattern[str]]] = [
    ("minister", _rx(r"部长", r"\bminister\b")),
    (
        "budget",
        _rx(
            r"预算|总经费|花了多少钱|一共花了|总投入|花了多少|(花费|开销|成本)(是)?多少|办.{0,6}要多少钱",
            r"\bbudget\b|\bspent\b|total (funding|cost|spending) (of|for) (the )?(chizi|plan|programme|program)|how much (money )?(was|did .{0,30}) (spent|cost)"
            # "what did the Tianjin tour cost to run": what it cost, not what it brought in
            r"|\bwhat did .{0,40}\bcost\b|\bcost (to run|to organi[sz]e|to hold|to host)\b|\b(running|organi[sz]ing) costs?\b",
        ),
    ),
    ("salary", _rx(r"工资|薪水|薪资|年薪|待遇", r"\bsalar(y|ies)\b|\bwages?\b")),
    ("visa", _rx(r"签证", r"\bvisas?\b")),
    ("passport", _rx(r"护照", r"\bpassports?\b")),
    ("acceptance rate", _rx(r"通过率|录取率|成功率", r"acceptance rate|success rate|pass rate")),
    ("subsidy", _rx(r"补贴|补助|津贴", r"\bsubsid(y|ies)\b|\ballowances?\b|\bstipends?\b")),
    ("university", _rx(r"大学|高校", r"\buniversit(y|ies)\b")),
    (
        "per-activity amount",
        _rx(
            r"每个.{0,8}(多少钱|资助|经费)|资助(金额|标准)",
            r"how much (money )?does each|per activity|each (selected )?activity receive",
        ),
    ),
    ("phone", _rx(r"电话|手机号|联系电话", r"\bphone\b|\btelephone\b|phone number")),
    # "what does X mean" asks what X is: only "the mean (number)" is an average.
    ("average", _rx(r"平均", r"\baverage\b|\bthe mean\b|\bmean (number|value|amount|size|count)\b")),
    ("website", _rx(r"网站|网址|官网", r"\bwebsite\b|\bweb ?site\b|\burl\b|web address|homepage")),
    ("housing", _rx(r"住房|房子|安家费", r"\bhousing\b|relocation package")),
    # Arrangements only an event's organisers can tell (declined, so they reach the organisers' queue).
    (
        "family members",
        _rx(
            r"(带|携)(上)?(家属|配偶|老婆|老公|爱人|孩子|家人)|(家属|配偶|家人|孩子|爱人).{0,6}(能|可以|能不能)(一起|同去|同行|参加|去)",
            r"\b(bring|take|come with) (my|our) (spouse|wife|husband|partner|family|kids?|children)\b"
            r"|\b(my|our) (spouse|wife|husband|partner|family|kids|children) (come|join|attend|go|tag)\b",
        ),
    ),
    (
        "the events' language",
        _rx(
            r"(用|讲|说)(什么|哪种)语言|(英文|英语|中文|普通话)(交流|进行|举办|演讲)|(有|提供)(翻译|同传)",
            r"\bwhat languages?\b.{0,30}\b(events?|talks?|sessions?|tours?|fairs?|held|spoken|used)\b"
            r"|\b(events?|talks?|sessions?) (are |be )?(in|held in|conducted in) (english|chinese|mandarin)\b"
            r"|\binterpret(er|ers|ation)\b",
        ),
    ),
    # When regions and ministries apply with activities: not published (an event's registration is).
    (
        "the application deadline",
        _rx(
            r"申报(的)?(截止|期限)|申报.{0,3}(时间|日期)|每年.{0,4}什么时候申报",
            r"\bdeadline (for|to) (apply|applying|applications|submit)|\bapplications? (deadline|due|window)\b",
        ),
    ),
    # What became of something later: the documents are a report of one year, with no follow-up.
    (
        "what happened afterwards",
        _rx(
            r"后来(怎么样|如何|发展|呢)|之后(怎么样|发展得?如何)|后续(发展|情况|进展)|后来(有)?多少",
            r"\bwhat (happened|became) (to|of) .{1,50}\b(later|afterwards|after that|since)\b|\bfollow-?up (results?|outcomes?)\b"
            # "how many of the scholars stayed in China afterwards": a count after the year reported
            r"|\bhow many\b.{1,60}\b(afterwards|later on|after that)\b",
        ),
    ),
    ("dress code", _rx(r"着装|穿什么", r"\bdress code\b|\bwhat (should i|to) wear\b")),
    # Meals and sightseeing around an event: the organisers', never the plan documents'.
    (
        "meals",
        _rx(
            r"好吃|美食|小吃|餐厅|饭馆|餐饮|伙食|管饭",
            # "a dress code for the gala dinner" asks about the dress code, not the meal
            r"\b(food|meals?|restaurants?|catering)\b|\b(lunch|dinner|breakfast) (is |be |are )?(provided|included|served|covered)\b"
            r"|\b(provide|serve|include)s? (lunch|dinner|breakfast)\b",
        ),
    ),
    ("sightseeing", _rx(r"景点|好玩|旅游", r"\b(sightseeing|tourist attractions?)\b")),
    # The plan's name is given in full and as 赤子计划 / "Chizi Plan"; no acronym is published.
    ("acronym", _rx(r"缩写|首字母", r"\bacronyms?\b|\babbreviat\w*|\binitials\b")),
    # Sums are given in yuan only; no rate or conversion is published ("the 340 million yuan in euros").
    (
        "currency conversion",
        _rx(
            r"折合|换算|汇率|(合|是|等于)(多少|几)(美元|欧元|英镑|日元|美金)",
            r"\bin (us )?(dollars|usd|euros?|eur|pounds|gbp|yen|jpy)\b|\bexchange rate\b|\bconvert(ed)? (to|into)\b",
        ),
    ),
    ("invitation letter", _rx(r"邀请函|邀请信", r"\binvitation letters?\b")),
    # An event's arrangements beyond its card: only its organisers can tell (declined, pointing to them).
    ("the agenda", _rx(r"议程|日程", r"\bagenda\b|\bitinerary\b")),
    ("the speakers", _rx(r"嘉宾|演讲人|主讲", r"\bspeakers?\b|\bkeynotes?\b|\bpanell?ists?\b")),
    (
        "hotels",
        _rx(
            r"(哪个|什么|哪家)(酒店|宾馆)|住哪|推荐.{0,4}(酒店|宾馆)",
            r"\b(which|what|recommend\w*) (a )?hotels?\b|\bhotel (near|close)\b|\bstay at\b",
        ),
    ),
    (
        "airport transfers",
        _rx(
            r"接机|接送|班车|送机",
            r"\bairport (pick-?up|transfer|shuttle)s?\b|\bshuttle\b|\bpick(ed)? (me )?up\b",
        ),
    ),
    # not "did the plan record 10,000 visits"
    (
        "recordings",
        _rx(r"录播|回放|录像|录屏", r"\b(be|been|being|get|gets) recorded\b|\brecordings?\b|\breplays?\b"),
    ),
    ("parking", _rx(r"停车", r"\bpark(ing)?\b(?! (in|at) )")),
    # When the plan itself will end: never announced ("赤子计划哪年结束"); an event's end is in its card.
    (
        "the plan's end",
        _rx(
            r"(赤子计划|这个计划|计划)(会)?(哪年|什么时候|何时|哪一年)(结束|终止|停止|截止)",
            r"\b(chizi|the plan|the programme|the program)\b.{0,20}\b(end|stop|finish|expire)s?\b"
            r"|\b(when|what year) (will|does) (chizi|the plan|the programme|the program) (end|stop|finish|expire)\b",
        ),
    ),
    # Passing one's place to someone else, or signing up a group: the organisers' to allow, not in any source.
    (
        "transferring a place",
        _rx(
            r"(名额|位子|报名).{0,6}(转给|转让|让给|给别人|给同事)|(转给|转让给|让给)(同事|朋友|别人|他人)",
            r"\b(give|transfer|pass|hand) (over )?my (seat|spot|place|registration|ticket)\b|\btransfer (my|a|the) (seat|spot|place|registration)\b",
        ),
    ),
    (
        "group registration",
        _rx(
            r"(整个|全)(课题组|团队|实验室|组)|集体报名|团体报名|(替|帮)(同事|别人|朋友|学生)报名",
            r"\b(register|sign up|enrol) (my|our) (whole |entire )?(lab|team|group|students|colleagues)\b|\bgroup (registration|sign-?up)\b"
            r"|\b(register|sign up) (for )?(a colleague|someone else|others|my colleagues?)\b",
        ),
    ),
]

# The attribute of an event a question asks for.
SLOTS: list[tuple[str, re.Pattern[str]]] = [
    (
        "register",
        _rx(
            r"我(要|想)报名|帮我报名|给我报名|报名参加.{0,20}(活动|会|周|行)$",
            r"sign me up|register me|i (want|would like|'d like) to (register|sign up|join)"
            r"|\bput (my|me|our) names? down\b|^(can|may|could) i (register|sign up|enrol|apply) (for|to)\b",
        ),
    ),
    (
        "seats",
        _rx(
            r"名额|剩余|还剩|余位|空位|满了吗|满员了吗|还有位|多少人(能|可以)(参加|报名|去)|(能|可以)(去|参加|报名)多少人|(容纳|接待|限)(多少|几)人|人数(上限|限制)|规模(更)?大|哪个(更)?大",
            r"\bseats?\b|\bspots?\b|places? left|how many places|\bplaces\b|availability|capacity"
            # "is the Chongqing tour full?", "which is bigger, the Suzhou week or the Shandong fair?"
            r"|\b(is|are)\b.{0,40}\bfull\b|\b(bigger|larger|smaller)\b|\bhow many (people|scholars|participants) can\b",
        ),
    ),
    (
        "deadline",
        _rx(
            r"截止|报名.{0,4}(到什么时候|到哪天|时间|日期)|还(能|可以|能不能)报|来得及报|报名还来得及|报名结束了"
            r"|(现在|目前)(能|可以)报名|开始报名了(吗|没)|报名开始了(吗|没)|开放报名",
            r"deadline|registrations?\b.{0,40}\bclos(e|es|ing)\b|close registration|closes|\bclose (in|on|by|before)\b|last day to|sign up by"
            r"|register by"
            r"|registrations? (still )?open|registration\b.{0,40}\bopen (yet|now|already)\b|still (register|sign up|apply|join|get in)"
            # "how many days left to sign up", "when do sign-ups close"
            r"|\b(days?|time) left to (sign up|register|apply|enrol|join)\b|\bsign-?ups? (close|end)"
            r"|too late to|is it closed"
            r"|open (to|for) (register|registration|sign ?ups?|applications)",
        ),
    ),
    # "杭州那个线上交流会几点开始" asks the time; 线上 is how the asker names the event.
    ("time", _rx(r"几点|北京时间|什么时间开始|时区", r"what time|start time|which time|time zone")),
    (
        "format",
        _rx(
            r"线上|线下|在线|网上|远程|现场参加|举办形式|参加形式|在家(参加|参与)",
            r"\bonline\b|in person|in-person|\bremote(ly)?\b|virtual(ly)?|\bhybrid\b|\bzoom\b|\bformat\b|\bfrom home\b",
        ),
    ),
    (
        "contact",
        _rx(
            r"联系方式|联系谁|联系人|邮箱|电话|怎么联系",
            r"\bcontact\b|\be-?mail\b|reach the organi[sz]ers?|who do i (contact|ask)",
        ),
    ),
    # "what's the guiyang exchange about", "介绍一下苏州精英周": what the event is, with its essentials.
    (
        "about",
        _rx(
            r"介绍一下|介绍下|是什么活动|是个什么活动|主要(内容|做什么|干什么)|是关于什么",
            r"\btell me (more )?about\b|\bwhat'?s .{1,40} about\??$|\bwhat is .{1,40} about\??$|\bdescribe\b"
            r"|more (info|information|details) (on|about)",
        ),
    ),
    # "how long until the Tianjin tour", "离津门行还有多久": when it starts, not how long it lasts.
    (
        "when",
        _rx(
            r"^(离|距离|距).{1,20}还有(多久|几天|多长时间|多少天)|还有(多久|几天|多少天)(开始|开幕|举行)",
            r"\bhow (long|many days|many weeks|soon) (until|till|before)\b|\bdays (until|till|to go)\b",
        ),
    ),
    ("duration", _rx(r"多久|几天|多长时间", r"how long|how many days")),
    (
        "fields",
        _rx(
            r"(哪些|什么)(领域|方向|专业)",
            r"which fields|what fields|which sectors|what sectors|fields? is .{0,40} about|what is .{0,30} about",
        ),
    ),
    (
        "place",
        _rx(
            r"在哪(?!些|天|一天|年|个月)|哪里|哪儿|哪个城市|什么地方|地点|地址",
            r"\bwhere\b|(which|what) city|location|venue",
        ),
    ),
    (
        "when",
        _rx(
            r"什么时候|何时|哪天|几号|几月|日期|时间|开始|出发",
            r"\bwhen\b|what date|which date|\bdates?\b|\bstarts?\b|\bbegins?\b|next year",
        ),
    ),
]

_EVENT_NOUN = _rx(
    # "能参加哪些": what one can attend is events
    r"活动|交流会|洽谈会|会议|展会|(参加|报名|报|去)(哪些|哪个|什么)(?!国家|地方|地区|领域|人)",
    r"\bevents?\b|\bmeet-?ups?\b|\bactivities\b|what'?s on|whats on|\bhappening\b|\banything\b|\bsomething\b",
)
_LIST_CUE = _rx(
    r"有什么|有哪些|有没有|哪些|什么活动|有.{0,12}吗|最近|接下来|即将|近期|下个月|明年|下半年|上半年|快截止|适合|推荐|可以报名",
    r"\bany\b|upcoming|\bnext\b|\blist\b|what'?s on|whats on|\bhappening\b|which events?|is there|are there|\bsoon(est)?\b|\bfits?\b|\bsuits?\b|recommend|for me|can i (attend|join)|\bi (can|could) (attend|join|go to|take part)\b",
)
# Questions about activities in general (their forms, brands, how they are chosen), not the calendar.
_FACET = _rx(
    r"形式|内容|种类|类型|品牌|原则|标准|入选|评选|挑选|多少|几个|几项|来自|参加活动的|参加的(?!活动)|^(这些)?活动(里|中|会)?(有|包括|包含)",
    r"\bkinds?\b|\btypes?\b|\bforms?\b|\bbrands?\b|criteria|selected|picked|how many|\bwere\b|\bwas\b|\bdid\b",
)
_CLOSING = _rx(
    r"快截止|即将截止|截止最早|最先截止",
    r"close registration soon|closing soon|close soonest|closes? soonest|deadline soon",
)
_SHOULD_ATTEND = _rx(
    r"(该|应该|可以)参加(哪个|哪些|什么)|去哪个活动|(该|应该)去哪(个|些|一个)|有(没有)?(合适|适合)(我)?的",
    r"\bwhat (should|could|can) i (attend|join|go to)\b|\bwhich (ones? )?(should|could) i (attend|join|go to)\b"
    r"|\bwhich (events? |ones? )?(should|could) (a|an|someone|somebody) [a-z -]{2,40}\b(attend|join|go to)\b",
)
_FIT = _rx(
    r"适合|合适|推荐|我是|我在|我做",
    r"\bfits? me\b|\bsuits? me\b|for me\b|recommend|i'?m a|i am a|i work|working on|i'?m (in|based in)|i live in",
)
# "when's the last event of 2027": the latest-starting one ("the latest events" are the newest: not this).
_LAST = _rx(
    r"最后(一个|一场)|最晚(的|一个|一场)|(哪个|哪一个|什么)活动最(后|晚)",
    r"\b(the )?(last|final) (upcoming )?(event|one)\b",
)
# "哪个活动最早", "what's the earliest event": the soonest-starting one.
_FIRST = _rx(
    r"(哪个|哪一个|什么)活动最(早|先)|最(早|先)(的|一个|一场)活动",
    r"\b(the )?(earliest|soonest) (upcoming )?(event|one)\b",
)
# "what did the report say about Shanghai", "报告里关于上海说了什么": the place is the whole question, and a
# sentence about it is the answer however few other words it shares.
_TOPIC = _rx(
    r"关于.{1,12}(说了|提到|讲了|写了|有)(什么|哪些)|(介绍|讲讲|说说|谈谈).{0,3}$|^(介绍|讲讲|说说|谈谈)(一下)?"
    r"|(提到|提及|讲到|说到)(过|了)?.{1,8}(吗|没有|没)",
    r"\b(say|says|said|mention|mentions|mentioned)\b.{0,15}\babout\b|\btell me about\b"
    r"|\b(mention|mentions|mentioned)\b",
)
# "哪个活动名额最多", "which event has the fewest seats": the events ranked by places left.
_SEATS_RANK = _rx(
    r"(哪个|哪一个|什么)活动.{0,4}(名额|人数|规模|位子|人)最(?P<zh>多|大|少|小)|(名额|规模)最(?P<zh2>多|大|少|小)的活动"
    r"|最(?P<zh3>大|小)的活动",
    r"\b(which|what) (event|one)\b.{0,30}\b(?P<en>most|largest|biggest|fewest|least|smallest)\b"
    r"|\b(?P<en2>biggest|largest|smallest) events?\b",
)
_FEWEST = frozenset(["少", "小", "fewest", "least", "smallest"])


def seats_rank_of(text: str) -> str | None:
    """ "most" or "fewest" when a normalised question asks for the event with the most or fewest places."""
    m = _SEATS_RANK.search(text)
    if m is None:
        return None
    word = next(w for w in m.groupdict().values() if w)
    return "fewest" if word in _FEWEST else "most"


_HYBRID = _rx(r"线上线下结合|线上线下都|混合", r"\bhybrid\b")
_ONLINE = _rx(r"线上|在线|网上|远程|在家", r"\bonline\b|\bremote(ly)?\b|virtual(ly)?|\bzoom\b|\bfrom home\b")
# "what came of the Chongqing tour", "南京宁交会办得怎么样": what an activity did or achieved, which a
# roll-call of brands naming it does not say.
_OUTCOME = _rx(
    r"成果|效果|结果|收获|成绩|成效|办得(怎么样|如何|好吗)|(做|干|搞)了(什么|哪些)",
    r"\bwhat (came|happened|resulted)\b|\bachiev\w*|\baccomplish\w*|\boutcomes?\b|\bresults?\b"
    r"|\bwhat did .{1,50}\b(do|produce|deliver|bring)\b|\bhow did .{1,50}\bgo\b",
)
_PAST = _rx(
    r"签了|去了|来了|请了|办过|举办了|达成|收到|融资|融到|解决了|创造|义诊|邀请了|吸引了|入选|涉及|历史|多少年了|有几年|办了几|从哪年",
    r"\b(did|was|were|had|got|went|raised|signed|invited|attended|reached|solved|created|received|submitted|visited)\b"
    r"|\b(has|have)\b.{0,40}\bbeen\b|\bsince when\b|\bexist(ed|s)?\b|\bso far\b|\bhistory\b|\bover the years\b",
)
# "where are Hangzhou's other stations", "除了硅谷还有哪些联络站": the rest of a set, which a sentence
# singling out one member ("one of them in Silicon Valley") does not name.
_OTHERS = _rx(
    r"除了|另外(的)?[一二三四五六七八九十两几\d]*(个|家|项|处)|其他|其余|别的|剩下",
    r"\b(besides|other than|apart from|aside from|except)\b|\bthe (other|remaining) \w+|\bthe rest\b",
)
_SUBSET = _rx(
    r"(\d[\d,]*|[一二三四五六七八九十两百千万]+)\s*[\u4e00-\u9fff]{0,6}(里|中|当中|之中)(有)?多少",
    r"\bhow many of (the|those|these) [\d,]+",
)
_WILL = _rx(
    r"打算|将要|将会|还要再|准备再|计划再|还会再",
    # Not "the chizi plan to become": a subject that plans.
    r"\b(does|do|is|are) [a-z]+ (plan|planning|going|intend|intending) to\b|\b(planning|intends) to\b"
    r"|\bwill\b.{0,40}\bnext\b",
)
# "which regions would the ministry NOT prioritise", "哪些活动没有入选": the complement of what a sentence
# lists, which only a sentence saying what was not done can give.
_NEGATED = _rx(
    r"(哪些|哪个|什么|哪几).{0,12}(没有|没|不|未)(被)?(入选|选上|支持|重点|包括|涉及|参加)|(没有|没|未)(被)?入选的",
    r"^(which|what|who|where)\b.{0,60}(\bnot\b|n't\b|\bnever\b)",
)
NEGATIVE_SENTENCE = _rx(
    r"没有|未能|未被|(?<!将)未(?!来)|不是|不会|不再|不能|不予|并非|落选",
    r"\b(not|no|never|nor|without|neither)\b|n't\b",
)
_FOLLOW_MARK = _rx(
    r"^(那|那么|还有|另外|那个|那边)|呢[?？!！。.]*$",
    r"^(and|what about|how about|also|then)\b|\b(it|that one)\b|\bthen\W*$",
)
# A yes/no question about how the plan works ("does the ministry run the events itself?"), not a listing.
_ABOUT_PLAN = re.compile(
    r"^(does|do|is|are|did|was|were|can|will) (the )?(ministry|mohrss|plan|chizi|programme|program|regions?|"
    r"government|state)\b|^(人社部|赤子计划|这个计划|各地|地方|政府)"
    # "who actually runs the events - the ministry or the regions?": who organises, not which events.
    r"|\bwho (actually |really )?(runs?|organi[sz]es?|hosts?|holds?|manages?|is in charge of)\b"
    r"|谁(来)?(办|主办|组织|负责|举办)|(人社部|部里).{0,8}还是.{0,6}(地方|各地)"
)
# Slots only an event has: asked with a place ("seats left for chongqing?"), they mean its event.
# Asked with only a place ("ningxia contact"), these are about the event held there: the plan documents
# hold no seats, deadlines or organisers' contacts.
EVENT_ONLY_SLOTS = frozenset(["seats", "deadline", "register", "time", "contact"])
_AHEAD = _rx(
    r"以后|将来|未来|下一步|今后|接下来的(目标|计划|重点)|还会",
    r"going forward|\bfuture\b|next steps?|long-term goal|from now on|\bwant .{0,30}\bto become\b|\bwill (the )?(plan|chizi|ministry|mohrss|it) (keep|continue|go on)\b",
)
FUTURE_SENTENCE = _rx(r"将|继续|打造|今后", r"\bwill\b|\baims?\b|\bkeep\b|\bcontinue")
# A total over the whole plan ("the total money raised across all the fairs", "一共对接了多少"): one
# place's figure does not answer it.
_TOTAL = _rx(
    r"一共|总共|总计|合计|累计|加起来|所有",
    r"\bin total\b|\btotal\b|\baltogether\b|\bcombined\b|\boverall\b|\bacross (all|every)\b|\ball (the|of the)\b|\bsum of\b",
)
# A request for instructions. The documents report what was done; only how-to entries give instructions.
_HOW_TO = _rx(
    r"^\s*(请问)?(我)?(该|要|应该)?(怎么|如何|怎样)(才能|可以)?(写|学|找|准备|提高|申请到|办理)",
    r"^\s*(how (to|do i|can i|should i|could i|do we|can we)|what'?s the best way to|any tips (for|on))\b",
)
_FIRST_PERSON = _rx(r"我", r"\bi\b|\bi'm\b|\bmy\b|\bme\b")


# Names of kinds of event: with a place and an event's slot ("when is the guiyang exchange") they name it.
_EVENT_KIND = _rx(
    r"交流会|洽谈会|博览会|活动|会议|论坛|行$|周$|(那|这)(个|场)会",
    r"\b(exchange|fair|tour|week|forum|meet-?ups?|conference|session|expo|trip|visit)\b",
)


def mentions_event(text: str) -> bool:
    """Whether a normalised text speaks of an event (活动, meet-up, fair …) rather than of the plan."""
    return bool(_EVENT_NOUN.search(text) or _EVENT_KIND.search(text))


@dataclass(frozen=True)
class Question:
    text: str  # normalised
    years: tuple[int, ...] = ()
    figures: tuple[tuple[str, str], ...] = ()  # quoted figures ("the 36 activities"): digits, as asked
    decades: tuple[tuple[int, int], ...] = ()
    before: int | None = None  # asks about the time before this year ("before 2010", "2010年以前")
    places: tuple[Place, ...] = ()
    foreign: tuple[Place, ...] = ()  # places abroad named as what is asked about, not where the asker is
    events: tuple[str, ...] = ()
    wants: str = "other"
    slot: str | None = None
    listing: bool = False
    months: tuple[int, ...] = ()
    fields: tuple[str, ...] = ()
    online: bool = False
    hybrid: bool = False  # "which events are hybrid": both in person and online
    closing_soon: bool = False
    last: bool = False  # the latest-starting event is asked for
    first: bool = False  # the soonest-starting event is asked for
    topic: bool = False  # asks what the documents say about the place named ("关于上海说了什么")
    seats_rank: str | None = None  # "most" or "fewest": the event with the most or fewest places left
    fit: bool = False
    abroad: bool = False
    follow_up: bool = False
    focus: tuple[str, ...] = ()  # concepts from FOCUS_CONCEPTS that the question asks about
    event_terms: tuple[tuple[str, ...], ...] = ()  # per event named: its names and places, normalised
    counted: tuple[str, ...] = ()  # what the answer must name: what a count counts, "which companies"
    future: bool = False  # names a year from this one on
    past: bool = False  # asks about something done (a past year or tense)
    ahead: bool = False  # asks what comes next ("以后的目标", "going forward"): future sentences preferred
    predicate: str = ""  # the verb of an English count question ("how many … did X reject")
    count_kind: str | None = None  # what a Chinese count counts: people, bodies, items or editions
    how_to: bool = False  # "how do I …", "怎么写…": asks for instructions, which the documents never give
    total: bool = False  # a count or sum over the whole plan ("in total", "一共"), not one place's
    others: bool = False  # asks for the rest of a set ("besides Silicon Valley", "另外三个联络站")
    subset: bool = False  # a part of a quoted figure ("how many of the 10,000 visits", "一万人次里有多少")
    negated: bool = False  # asks for what was not done ("which regions would it NOT prioritise")
    will: bool = False  # asks what is planned ("how many will Hangzhou open next"): a plan, not a record
    outcome: bool = False  # asks what an activity did or achieved ("what came of the Chongqing tour")
    claim: bool = False  # checks a claim ("were 50 activities selected?"): its figures may be wrong

    @property
    def about_event(self) -> bool:
        """An event attribute, a list of events, or a wish to register: answered from the catalogue."""
        if self.slot == "register" and self.events:
            return True
        if self.listing:
            return True
        return bool(
            self.events
            and self.slot
            and not self.past
            and not (self.slot == "fields" and self.wants == "count")
        )

    def frame(self) -> dict[str, object]:
        """What a follow-up can lean on, as plain data (kept per chat in the database)."""
        return {
            "events": list(self.events),
            "slot": self.slot,
            "listing": self.listing,
            "places": [p.key for p in self.places],
            "years": list(self.years),
        }


def find_events(text: str, aliases: Mapping[str, Sequence[str]]) -> list[str]:
    """Catalogue events whose aliases the normalised text contains, longest alias first."""
    hits: list[tuple[int, int, str]] = []
    for event_id, names in aliases.items():
        for name in names:
            pos = text.find(name) if not name.isascii() else _ascii_find(text, name)
            if pos >= 0:
                hits.append((pos, -len(name), event_id))
                break
    return [event_id for _, _, event_id in sorted(hits)]


def _ascii_find(text: str, name: str) -> int:
    m = word_rx(name).search(text)
    return m.start() if m else -1


# "Was the plan started in 2012?", "是2012年启动的吗": the year is the asker's guess to check, not a
# constraint on the answer; what is asked is the year it started.
_GUESSED_YEAR = _rx(
    r"(是不是|是)\s*\d{4}年?(启动|开始|成立|创立|发起|设立)|\d{4}年(启动|开始|成立|创立|发起|设立)的(吗|么|嘛)",
    r"^(was|is|did|were)\b.{0,40}\b(start|started|launch|launched|found|founded|begin|began|set up|created|established)\b"
    r".{0,12}\bin (19|20)\d\d\b\??$",
)


def understand(
    text: str,
    today: dt.date,
    aliases: Mapping[str, Sequence[str]] | None = None,
    original: str = "",
    event_places: Mapping[str, Sequence[str]] | None = None,
) -> Question:
    """Read a normalised question; `aliases` maps catalogue event ids to their normalised names, and
    `event_places` to the places they are held (a passage about an event names it or its place)."""
    bare = without_introduction(text)  # the question without the asker's words about themselves
    guessed_year = bool(_GUESSED_YEAR.search(text))
    years = [] if guessed_year else years_in(text, today)
    before = before_year(text)
    years = [y for y in years if y != before]
    decades = decades_in(text)
    events = find_events(text, aliases or {})
    # What is asked is read without the event's name: "杭州线上交流会是北京时间几点" asks the time, not the format.
    rest = text
    for event_id in events:
        for name in (aliases or {}).get(event_id, ()):
            rest = rest.replace(name, " ")
    wants = "year" if guessed_year else wants_of(rest)
    slot = next((name for name, rx in SLOTS if rx.search(rest)), None)
    past = any(y < today.year for y in years) or bool(decades) or bool(before) or bool(_PAST.search(text))
    future = any(y >= today.year for y in years)
    fields = fields_in(text, original)
    months = months_in(text, today)
    china = gazetteer.places_in(text)
    first_person = bool(_FIRST_PERSON.search(text))
    abroad = gazetteer.abroad(text)
    closing = bool(_CLOSING.search(text))
    fit = (bool(_FIT.search(text)) and bool(_EVENT_NOUN.search(text))) or bool(_SHOULD_ATTEND.search(text))
    first = bool(_FIRST.search(text))
    last = bool(_LAST.search(text))
    seats_rank = seats_rank_of(text)
    listing = (
        (
            not events
            and bool(_EVENT_NOUN.search(text))
            and (
                bool(_LIST_CUE.search(text))
                or bool(months)
                or future
                or closing
                or (wants == "other" and bool(fields or china or re.search(r"\bevents\b", text)))
            )
            and not (_FACET.search(text) and not future and not fit)
        )
        or (fit and not past and not events)  # "when does the Hangzhou meetup start for me": that one
        or ((first or last or seats_rank) and not events and not past)
    )
    # "八月份截止报名的有哪些", "which registrations close in august": events by the month they close.
    listing = listing or (not events and slot == "deadline" and bool(months) and not past)
    if not listing and not events:
        # Where the asker says they are from is no constraint on a fact ("I'm from Harbin originally. Did
        # the plan say anything about the northeast?"); for events it says where they would go.
        china = gazetteer.places_in(bare)
    focus = tuple(name for name, rx in FOCUS_CONCEPTS if rx.search(text))
    if focus and slot != "register":
        slot = None  # "can I give my seat to a colleague": about the arrangement, not the event's seats
    # "what language are the events in": about an arrangement the catalogue does not hold, not a listing.
    if listing and ((past and not future) or _ABOUT_PLAN.search(text) or focus):
        listing = False
    if events and not slot and (future or closing) and not past:
        slot = "when"
    follow_up = bool(_FOLLOW_MARK.search(text)) and len(text) <= 40
    return Question(
        text=text,
        years=tuple(years),
        figures=tuple(figures_in(text)),
        claim=bool(_CLAIM.search(text)),
        decades=tuple(decades),
        before=before,
        places=tuple(china),
        # Where the asker says they are ("as a chemist working in Germany, …") is not what is asked about.
        foreign=() if first_person else tuple(gazetteer.foreign_places_in(bare)),
        events=tuple(events),
        wants=wants,
        slot=slot,
        listing=listing,
        months=tuple(months),
        fields=tuple(fields),
        online=bool(_ONLINE.search(text)),
        hybrid=bool(_HYBRID.search(text)),
        closing_soon=closing,
        last=last,
        first=first,
        seats_rank=seats_rank,
        topic=bool(_TOPIC.search(text)),
        fit=fit,
        abroad=abroad,
        follow_up=follow_up
        or (slot is not None and not events and not china and not listing and len(text) <= 24),
        focus=focus,
        counted=asked_target(rest, wants),
        predicate=count_predicate(rest) if wants == "count" else "",
        count_kind=count_kind(rest) if wants == "count" and has_cjk(rest) else None,
        how_to=bool(_HOW_TO.search(bare)),
        ahead=bool(_AHEAD.search(text)),
        total=wants in ("count", "money") and bool(_TOTAL.search(text)),
        others=bool(_OTHERS.search(text)),
        subset=wants == "count" and bool(_SUBSET.search(text)),
        will=bool(_WILL.search(text)),
        outcome=bool(_OUTCOME.search(text)),
        negated=bool(_NEGATED.search(text)),
        event_terms=tuple(
            tuple([*(aliases or {}).get(e, ()), *(event_places or {}).get(e, ())]) for e in events
        ),
        future=future,
        past=past,
    )


def resolve_follow_up(
    current: Question, previous: Mapping[str, Any], previous_text: str
) -> tuple[str, Question | None]:
    """A follow-up read against the previous question of the chat.

    Returns the question to answer (the previous one with the new place, year or event put in), and,
    for event questions, the merged `Question`; a follow-up about plan facts is re-asked as text."""
    prev_events = [str(e) for e in previous.get("events") or []]
    prev_places = [str(p) for p in previous.get("places") or []]
    prev_years = [int(y) for y in previous.get("years") or []]
    prev_slot = previous.get("slot")
    if prev_events or previous.get("listing"):
        merged = replace(
            current,
            events=current.events or tuple(prev_events),
            slot=current.slot or (str(prev_slot) if prev_slot else None),
        )
        return previous_text, merged
    # Normalised, so that "Wenzhou" as the asker typed it is found by the lower-case names swapped.
    rewritten = normalize(previous_text)
    if current.places and prev_places:
        for old, new in zip(prev_places, current.places, strict=False):
            rewritten = _swap_place(rewritten, old, new)
    elif current.places:
        rewritten = f"{current.places[0].key} {rewritten}"
    if current.years and prev_years:
        rewritten = rewritten.replace(str(prev_years[0]), str(current.years[0]))
        rewritten = rewritten.replace(f"{prev_years[0] % 100}年", f"{current.years[0]}年")
    elif current.years:
        rewritten = f"{rewritten} {current.years[0]}"
    return rewritten, None


def _swap_place(text: str, old_key: str, new: Place) -> str:
    for place in gazetteer.CHINA:
        if place.key == old_key:
            for name in sorted(place.names, key=len, reverse=True):
                text = word_rx(name).sub(new.english, text) if name.isascii() else text.replace(name, new.key)
    return text


@dataclass
class Evidence:
    """What a passage offers against a question's constraints."""

    missing: list[str] = field(default_factory=list)  # constraints it fails, e.g. ["2015"], ["深圳"]

    @property
    def ok(self) -> bool:
        return not self.missing


_YEAR_OF = re.compile(
    # not "2,013" (a thousands group), but after a comma ("表示,2013年将", a normalised Chinese comma)
    r"(?<![\d.])(?<!\d,)(?:19|20)\d{2}(?:\s*年(?!代)|(?=\D|$))(?!\s*(?:万|亿|个|项|人|家|名|位|元|多|余|s\b))"
)
_NUMBER_WORD = _rx(
    r"\d|[一二三四五六七八九十两百千万亿]+(个|项|家|名|位|人|届|次|种|所)|上万|上百|数届|几十|多个|余",
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|dozens?|hundreds?|thousands?|several|many)\b",
)
_DURATION = _rx(
    r"\d+\s*(天|周|个月|年)|[一二三四五六七八九十两]+(天|周|个月)|多年|数年|数届|自\d{4}年起",
    r"\b\d+\s*(days?|weeks?|months?|years?)\b|\b(one|two|three|four|five|several|many) (days?|weeks?|months?|years?)\b"
    # a start year answers how long something has gone on ("launched in 2010", "于2010年启动", "since 1988")
    r"|\b(since|launched in|began in|started in)\s+(19|20)\d{2}\b|(于|自|从)(19|20)\d{2}年|(19|20)\d{2}年(启动|开始|起)"
    r"|\bsince (19|20)\d\d\b",  # "every year since 1988" says how long
)
_MONEY = _rx(r"元|亿|万元", r"\byuan\b|million|billion|\$|rmb")
_YEARISH = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")
_DATEISH = _rx(
    r"(19|20)\d{2}|\d+月|\d+日",
    r"\b(january|february|march|april|may|june|july|august|september|october|november|december)\b",
)
_ORG = _rx(
    r"部|委员会|协会|政府|机构|组织",
    r"ministry|mohrss|committee|association|department|government|agency|organi[sz]ation",
)
_COMPARES = _rx(r"区别|不同于|相比|而是|不像", r"\b(differ\w*|unlike|whereas|compared|but rather)\b")
_SHARE = _rx(
    r"%|百分之|其中\d|其中[一二三四五六七八九十两]",
    r"\bper ?cent\b|\b(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|half) (of|out of) (them|which|these|those)\b",
)
_PERSON = _rx(
    r"部长|局长|主任|先生|女士|博士[\u4e00-\u9fff]{1,3}", r"\b(minister|director|mr|ms|dr)\.? [a-z]"
)
_COUNTRYISH = _rx(
    r"国家|美洲|欧洲|亚洲|大洋洲|非洲", r"\bcountr(y|ies)\b|americas|europe|asia|oceania|africa"
)
_PLACEISH = _rx(
    r"县|州|市|省|国家|地区|美洲|欧洲|亚洲|大洋洲|硅谷|山区",
    r"county|city|province|countries|regions?|americas|europe|asia|oceania|valley|mountain",
)


_TOOK_PART = _rx(
    r"参加|参与|参会|出席|申报|来自|邀请",
    r"\btook part\b|\bparticipat\w*|\battend\w*|\bsubmitted by\b|\bcame from\b|\binvited\b",
)


def fits_wanted(wants: str, sentence: str) -> bool:
    """Whether a normalised sentence can hold the kind of answer wanted."""
    if wants == "participants":
        return bool(_TOOK_PART.search(sentence))
    if wants == "ranking":
        return bool(re.search(r"\b(most|largest|biggest|highest|fewest|least|top)\b|最", sentence))
    if wants == "list":
        if detect_language(sentence) == "zh":
            return len(re.findall(r"[、，;；]|和|及|等", sentence)) >= 2
        return len(re.findall(r"[,、;；]| and |和|及", sentence)) >= 3
    if wants == "count":
        # A year is no count: "2012年的赤子计划更注重实效" holds no number of activities.
        return bool(_NUMBER_WORD.search(_YEAR_OF.sub(" ", sentence)))
    if wants == "difference":
        return bool(_COMPARES.search(sentence))
    if wants == "share":
        return bool(_SHARE.search(sentence))
    if wants == "money":
        return bool(_MONEY.search(sentence))
    if wants == "year":
        return bool(_YEARISH.search(sentence))
    if wants == "date":
        return bool(_DATEISH.search(sentence))
    if wants == "org":
        return bool(_ORG.search(sentence))
    if wants == "duration":
        return bool(_DURATION.search(sentence))
    if wants == "person":
        return bool(_PERSON.search(sentence))
    if wants == "country":
        return bool(_COUNTRYISH.search(sentence)) or bool(gazetteer.foreign_places_in(sentence))
    if wants == "place":
        return (
            bool(_PLACEISH.search(sentence))
            or bool(gazetteer.places_in(sentence))
            or gazetteer.abroad(sentence)
        )
    return True


def gives_figure(figure: str, flat: str) -> bool:
    """Whether a text without thousands separators gives a figure (digits) on its own, not inside another."""
    return re.search(rf"(?<![\d.]){figure}(?!\d)", flat) is not None


def before_met(year: int, text: str) -> bool:
    """Whether a text names a year earlier than `year` ("before 2010" is met by 1988)."""
    # Years as a question names them: "2,000 intentions" and "2000余万元" are amounts, not the year 2000.
    return any(int(y) < year for y in _YEAR.findall(text))


def check(question: Question, passage: str, body: str | None = None) -> Evidence:
    """The question's years, decades, places and events against a normalised passage (title included);
    an event must be named in the `body` itself, since a title may list several."""
    flat = passage.replace(",", "")
    for terms in question.event_terms:
        if terms and not any(t in (body if body is not None else passage) for t in terms):
            # Named as the asker named it (not the catalogue's longest, English, title in a Chinese reply).
            question_event = next((t for t in terms if t in question.text), terms[0])
            return Evidence([question_event])
    ev = Evidence()
    for year in question.years:
        if str(year) not in flat:
            ev.missing.append(str(year))
    for figure, shown in question.figures:
        # "How many of the 36 activities were in western China?" is not about a passage without the 36;
        # a claim's figure is what is checked, and the documents' own figure is the answer.
        if not question.claim and not gives_figure(figure, flat):
            ev.missing.append(shown)
    for lo, hi in question.decades:
        if not any(lo <= int(y.group(0)) <= hi for y in _YEARISH.finditer(flat)):
            ev.missing.append(f"{lo}s")
    if question.before and not before_met(question.before, passage):
        ev.missing.append(
            f"{question.before}年以前" if has_cjk(question.text) else f"before {question.before}"
        )
    for place in (*question.places, *question.foreign):
        if not gazetteer.mentions(passage, place):
            ev.missing.append(place.key)
    return ev
