"""What a question asks, before anything is retrieved: its kind, the answer it wants, its constraints.

`understand()` reads a normalised question and returns a `Question`:
- constraints an answer must meet: years ("2015年", "12年", "二〇一二年", "1980s"), Chinese places,
  places abroad named as the subject, and the catalogue events it names (through their aliases);
- the kind of answer it wants: a count, a sum of money, a year, a date, a place, a body, a person, a reason…
- for event questions: the attribute asked (date, place, deadline, seats, format, contact, time,
  duration, fields), or the filters of a list (months, regions, fields, online, closing soon), or the
  wish to register;
- whether it leans on the previous question ("那天津呢？", "and the deadline?").

Rules are regular expressions over the normalised text (simplified Chinese, lower case), each with
tests for what it must and must not catch. The readings live beside this module: `dates` (years,
months, figures), `wants` (the kind of answer, and whether a sentence can hold it), `slots` (how a
question speaks of events), `concepts` (what the documents may not carry); `evidence` checks a passage
against the `Question` read here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from retrieval import places as gazetteer
from retrieval.concepts import FOCUS_CONCEPTS
from retrieval.counting import (
    asked_target,
    asks_existence,
    count_kind,
    count_predicate,
    counts_of_a_kind,
    yes_no_predicate,
)
from retrieval.dates import before_year, days_of_month, decades_in, figures_in, months_in, years_in
from retrieval.places import Place
from retrieval.slots import (
    BARE_LINK_EN,
    CLOSES_LAST,
    CLOSING,
    EVENT_NOUN,
    FACET,
    FIRST_EVENT,
    FIT,
    HELD_AGAIN_ZH,
    HYBRID,
    LAST_EVENT,
    LESSER,
    LIST_CUE,
    LOCATED,
    LONGEST,
    NEAR,
    ONLINE,
    SHOULD_ATTEND,
    SLOTS,
    closes_within_days,
    days_bound_of,
    fields_in,
    find_events,
    neighbour_of,
    nth_of,
    seats_bound_of,
    seats_rank_of,
)
from retrieval.text import TAG_EN, any_of, has_cjk, normalize, without_introduction, word_rx
from retrieval.wants import wants_of

# "were 50 activities selected in 2012?", "听说津门行请了500个专家？": a claim to check, whose figure may be
# wrong; the answer is the documents' figure, not a decline for want of the asker's.
_CLAIM = any_of(
    # ("一二年对接的项目有没有5000个": whether the figure was reached)
    r"是不是|是否|对吗|对不对|没错吧|听说|吗\W*$|吧\W*$|有没有\s*(\d|[一二两三四五六七八九][千百万])"
    # "温州收了大概500个项目？": a statement with a figure (not a year), asked back
    r"|^(?=.*[\u4e00-\u9fff])(?!.*(什么|多少|几|哪|谁|怎么|为什么|如何|啥))(?!.*(19|20)\d\d).*(\d|[一二两三四五六七八九十][十百千万]).*[?？]$",
    r"^(did|were|was|is|are|has|have|had)(n'?t)?\b|\bis it true\b|\bi (heard|read)\b|\b(right|correct|true)\W*$"
    rf"|{TAG_EN}\W*$"  # "…, didn't they"
    # "the yunnan team also went to kunming?": where something went, said and asked back
    r"|^(?!.*\b(what|which|how|who|whom|whose|where|when|why)\b)[a-z' ]+\b(went|gone|travel+ed|held|visited) (to |in )?[a-z]+\?$"
    # "the Tianjin thing solved like 100 problems?", "chongqing reached 30 agreements?": a statement with a
    # figure (not a year), asked back
    r"|^(?!.*\b(what|which|how|who|whom|whose|where|when|why)\b)(?!.*\b(19|20)\d\d\b)"
    r".*\b\d[\d,.]*\b.*\?$",
)


# "which got more projects, Wenzhou or Chongqing?", "温州和重庆哪个收到的项目多": a comparison of places,
# answered by each one's figure side by side.
_VERSUS = any_of(
    r"(哪个|哪边|谁)(的)?.{0,12}(更)?(多|大|少|高|早|晚|长|短|先|后)|(之前|前面|以前)还是(之后|后面|以后)",
    r"^(which|who|where)\b.{0,40}\b(more|fewer|less|bigger|larger|smaller|higher|earlier|later|longer|shorter|first)\b"
    r"|\b(more|fewer|bigger|larger|smaller|higher|earlier|later|longer|shorter) than\b|\bbefore or after\b",
)
# "what did the report say about Shanghai", "报告里关于上海说了什么": the place is the whole question, and a
# sentence about it is the answer however few other words it shares.
_TOPIC = any_of(
    r"关于.{1,12}(说了|提到|讲了|写了|有)(什么|哪些)|(介绍|讲讲|说说|谈谈).{0,3}$|^(介绍|讲讲|说说|谈谈)(一下)?"
    r"|(提到|提及|讲到|说到)(过|了)?.{1,8}(吗|没有|没)",
    r"\b(say|says|said|mention|mentions|mentioned)\b.{0,15}\babout\b|\btell me about\b"
    r"|\b(mention|mentions|mentioned)\b",
)


# "what came of the Chongqing tour", "南京宁交会办得怎么样": what an activity did or achieved, which a
# roll-call of brands naming it does not say.
_OUTCOME = any_of(
    r"成果|效果|结果|收获|成绩|成效|办得(怎么样|如何|好吗)|(做|干|搞)(成了?|了)(些)?(什么|哪些|啥)",
    r"\bwhat (came|happened|resulted)\b|\bachiev\w*|\baccomplish\w*|\boutcomes?\b|\bresults?\b"
    r"|\bwhat did .{1,50}\b(do|produce|deliver|bring)\b|\bhow did .{1,50}\b(go|do|fare|turn out|work out)\b"
    r"|\b(get|gain|got|gained) out of\b",
)
# "what will the Suzhou week achieve", "宁波人才周会取得什么成果": an outcome still to come (a year from this one
# on is read as the future already).
_FUTURE_TENSE = any_of(
    r"将(会|要)?(取得|有|达到)|会(取得|有)|能(取得|有)|预计", r"\bwill\b|\bgoing to\b|\bexpect\w*"
)
_PAST = any_of(
    r"签了|去了|来了|请了|办过|举办了|达成|收到|融资|融到|解决了|创造|义诊|邀请了|吸引了|入选|历史|多少年了|有几年|办了几|从哪年"
    r"|(哪一?年|什么时候|何时)(开始|开办|创办|首次|第一次)(办|举办|举行)?的|始于|首届|第一届"  # "海洽会是哪一年开始办的"
    r"|(待|呆|住|留)了(几|多少|多久|多长)"  # "在祥云待了几天": how long they stayed, done
    # what an event is known for or saw: its record, not the coming edition's card (what it did is an
    # outcome, read as the record below)
    r"|出名|名气|口碑|知名度|看了(多少|几)",
    r"\b(did|was|were|had|got|went|raised|signed|invited|attended|reached|solved|created|received|submitted|visited)\b"
    r"|\b(has|have)\b.{0,40}\bbeen\b|\bsince when\b|\bexist(ed|s)?\b|\bso far\b|\bhistory\b|\bover the years\b"
    r"|\b(known|famous|renowned|noted|best known) for\b|\breputation\b",
)
# "where are Hangzhou's other stations", "除了硅谷还有哪些联络站": the rest of a set, which a sentence
# singling out one member ("one of them in Silicon Valley") does not name.
_OTHERS = any_of(
    r"除了|另外(的)?[一二三四五六七八九十两几\d]*(个|家|项|处)|其他|其余|别的|剩下",
    r"\b(besides|other than|apart from|aside from|except)\b|\bthe (other|remaining) \w+|\bthe rest\b"
    r"|\b(its|their|[a-z]+'s) (other|remaining)\b|\b(other|remaining) (two|three|four|five|six|\d+)\b",
)
_SUBSET = any_of(
    r"(\d[\d,]*|[一二三四五六七八九十两百千万]+)\s*[\u4e00-\u9fff]{0,6}(里|中|当中|之中)(有)?多少",
    r"\bhow many of (the|those|these) [\d,]+",
)
_WILL = any_of(
    r"打算|将要|将会|还要再|准备再|计划再|还会再",
    # Not "the chizi plan to become": a subject that plans.
    r"\b(does|do|is|are) [a-z]+ (plan|planning|going|intend|intending) to\b|\b(planning|intends) to\b"
    # "how many more stations is Hangzhou planning": what a subject plans, the object asked before it
    r"|\b(is|are) [a-z]+ (planning|intending)\W*$"
    r"|\bwill\b.{0,40}\bnext\b",
)
# "which regions would the ministry NOT prioritise", "哪些活动没有入选": the complement of what a sentence
# lists, which only a sentence saying what was not done can give.
_NEGATED = any_of(
    r"(哪些|哪个|什么|哪几).{0,12}(没有|没|不|未)(被)?(入选|选上|支持|重点|包括|涉及|参加)|(没有|没|未)(被)?入选的",
    r"^(which|what|who|where)\b.{0,60}(\bnot\b|n't\b|\bnever\b)",
)


# Read with the event's name taken out: nothing is asked but whether it is in that month.
_MONTH_GUESSED = any_of(
    r"^\W*(是|在|是在)(几|[一二三四五六七八九十]{1,2}|\d{1,2})月(份)?(举行|举办|开|办)?(吧|吗|么)[?？]?$",
    r"^(is|isn'?t) (the )?\W*in (january|february|march|april|may|june|july|august|september|october"
    r"|november|december)\W*$",
)
# "南粤行在深圳办吗", "does the guangdong tour take place in shenzhen": a place guessed for an event asks where it is.
_PLACE_GUESSED = any_of(
    r"在[\u4e00-\u9fff]{1,6}?(办|举办|举行|开|搞)",
    r"\b(take|takes|taking|took) place in\b|\b(held|hosted|happening|located|based) in\b"
    r"|\b(is|it'?s) in [a-z]+( [a-z]+)?,? (right|correct|yes|isn'?t it|no)\W*$",  # "… is in qingdao right?"
)
# ("jinmen tour wat is it": the event named, then asked what it is)
_WHAT_IS_IT = any_of(
    r"\W*(是什么|是啥|是个啥|是什么东西|是个什么)\W*", r"(what'?s|what is|whats)( the| it| this| that)?\W*"
)
_YEAR_BEFORE = any_of(
    r"前一年|上一年|头一年|之前那年",
    r"\b(the )?(year|one) before\b|\b(the )?(previous|prior) year\b|\bthe year prior\b",
)
_YEAR_AFTER = any_of(r"后一年|下一年|第二年|之后那年", r"\b(the )?year after\b|\b(the )?following year\b")
_UNTIL_NOW = any_of(r"已经|目前|现在|到现在", r"\b(so far|already|yet|right now|until now|to date)\b")
_WHERE = any_of(r"在哪|哪里|哪儿|什么地方", r"\bwhere\b")
_FOLLOW_MARK = any_of(
    # (最后签了几个 after 重庆行谈了多少个项目: what came of the same thing)
    r"^(那|那么|还有|另外|那个|那边|其中|最后|最终|结果|后来)|呢[?？!！。.]*$|^(具体)?在.{1,4}(的)?(哪里|哪儿|什么地方)"
    # "他们去的哪个县": the people just asked about; "这些里面哪个是线上的": the events just listed
    r"|^(他们|它们|它|他|她)|^(这些|这几个|这几场)(活动)?(里|中|当中|里面)"
    # "这些项目是多少位学者交上来的" after "温州洽谈会收到了多少个项目": those just counted
    r"|^(这些|那些)(项目|学者|专家|人|联络站|站|机构|协议|社团)"
    # "是多少位学者提交的", "有在国外的吗": no subject of their own, the last question's
    r"|^是(多少|几|谁|哪)|^有(没有)?.{1,8}的(吗|么|没有)?\W*$"
    # "看了多少人次" after "云南专家团去了哪里", "主要是哪些方面" after "津门行解决了多少难题": of what was just asked
    r"|^[\u4e00-\u9fff]{1,2}了(多少|几)|^(主要|具体|分别)(是|有)(哪些|什么|哪几)"
    r"|^(总共|一共|总计|合计)[\u4e00-\u9fff]{0,2}了(多少|几)"  # "总共谈了多少个" after "重庆行签了多少个协议"
    r"|^(总共|一共|总计|合计)[\u4e00-\u9fff]{1,3}(多少|几)(钱|元)?\W*$"
    rf"|^{HELD_AGAIN_ZH}\W*$"  # "明年还办吗" after a question about what it did
    r"|^(and )?(when|where)('s| is| will be) the next (one|edition)\W*$",  # "一共融资多少" after "宁波有几家风投参会"
    # ("is it true that …" names its own subject: the "it" is the claim's, not the last question's)
    r"^(and|what about|how about|also|then|of (those|them|these)|in the end)\b|\bit\b(?! true\b)"
    r"|\bthat one\b|\bthen\W*$|\b(which|what|any|how many)( ones?)? of (those|them|these)\b"
    # "from how many people?", "by whom?": a question starting with its preposition continues the last
    r"|^(from|by|out of) (how|what|which|whom|where)\b"
    # "how many were signed?": no subject of its own, the last question's
    r"|^how many (were|was|got|have been) [a-z]+( in the end)?\W*$"
    r"|^where (exactly|precisely) in\b"  # "where exactly in Zhejiang?": where the thing just named is
    # "what's the link" after "is the Suzhou week online": that event's
    rf"|{BARE_LINK_EN}"
    # "which one is in america?" after "how many stations did Hangzhou set up": one of those just counted
    r"|^which ones?\b(?!.*\bor\b)(?=.{0,30}$)",
)
# Whether an event is new ("今年才开始办的吗", "a new thing", "the first time it's held").
_NEWLY = any_of(
    r"(才|刚)(开始)?(办|举办|搞|有)的?|新办|第一次(办|举办)|首次举办|是不是首届",
    r"\b(a )?(brand )?new (thing|event|idea|initiative)\b|\bthe first (time|edition)\b|\bjust (started|begun|launched)\b"
    r"|\b(is|was) (it|the [a-z ]{2,30}) new (this|last) year\b",
)
# The plan named: a short question naming it is about it, not an ellipsis of the last question (nor, right
# after a question about one event, about that event: "what is the plan's budget").
NAMES_THE_PLAN = any_of(
    r"赤子计划|海外赤子为国服务|这个计划", r"\bchizi\b|\bthe (plan|programme|program|scheme)\b"
)
# A yes/no question about how the plan works ("does the ministry run the events itself?"), not a listing.
_ABOUT_PLAN = re.compile(
    r"^(does|do|is|are|did|was|were|can|will) (the )?(ministry|mohrss|plan|chizi|programme|program|regions?|"
    r"government|state)\b|^(人社部|赤子计划|这个计划|各地|地方|政府)"
    # "how do regions promote their events": how the plan's parts work, not a list of events
    r"|^how (do|did|does) (the )?(regions?|provinces?|cities|ministries|organi[sz]ers|ministry|mohrss)\b"
    # "who actually runs the events - the ministry or the regions?": who organises, not which events.
    r"|\bwho (actually |really )?(runs?|organi[sz]es?|hosts?|holds?|manages?|is in charge of)\b"
    r"|谁(来)?(办|主办|组织|负责|举办)|(人社部|部里).{0,8}还是.{0,6}(地方|各地)"
    # "so the ministry doesn't run the events itself?", "所以活动不是人社部自己办的？": who organises
    r"|\b(ministry|mohrss)\b.{0,20}\b(run|runs|running|organi[sz](es?|ing)|host(s|ing)?|hold(s|ing)?)\b.{0,20}\b(events?|activities)\b"
    r"|(不是|是不是)?(人社部|部里)(自己|亲自)?(办|主办|组织|举办)的"
    # "when is the deadline for regions to apply to the plan", "地方申报赤子计划截止到什么时候": the plan's
    # own application round, not the events' registration
    r"|\bapply (to|for) (the )?(chizi|plan|programme|program)\b|\b(regions?|provinces?|cities|ministries|departments)\b.{0,12}\bapply\b"
    r"|申报(赤子计划|计划)|(地方|各地|部门)(怎么|如何)?申报"
    # "is there anything in the plan about Northeast China", "报告里有关于东北的内容吗": what the documents say
    r"|\b(in|from) (the )?(plan|report|documents?|news release)\b.{0,20}\babout\b"
    r"|(计划|报告|文件|资料|文档)(里|中|上)(有|提|说|讲)"
)


_MAY_I = any_of(
    r"(能|可以|能不能)(参加|报名|去)", r"\b(can|may|could) (i|we|someone|non-\w+)\b|\beligible\b|\bqualify\b"
)
# The asker, having said what they do, asking whether an event suits them.
_FITS_ME = any_of(
    r"^我是.{1,12}[，,].{0,8}(能|可以|能不能)(参加|报名|去)|适合我(吗|么|不)|(对|跟)我(合适|对口)(吗|么|不)",
    r"^i'?m (a|an) .{1,40}\b(can|may|could) i (join|attend|go to|take part in)\b"
    r"|\b(right|good|suitable|relevant|a (good )?fit) for me\b",
)
_ASKS = any_of(
    r"[?？]|吗|呢|什么|怎么|哪|多少|几|谁",
    r"[?]|\b(what|how|which|when|where|who|why)\b|^(is|are|do|does|did|can|could|will|should)\b",
)
_COUNTS_EVENTS = any_of(
    r"(有|办|举办|一共|总共|共)(几个|多少个?|几场|多少场)活动|活动(一共|总共)?有(几个|多少个?)",
    r"\bhow many (upcoming )?(events|activities|fairs|meet-?ups)\b.{0,12}\b(are|is|will|coming|do you have)\b"
    r"|\bhow many (upcoming )?(events|fairs|meet-?ups)\b.{0,6}\b(in|at)\b",
)


# "how many years has chizi been around", "这个计划搞了多少年了": its age, counted from when it began.
# "what is a postdoc", "什么是博士后", "人次是什么意思": what a thing or word is, not whether one may join it.
# ("津门行是什么" is left out: "X是什么" as often asks what X's content is, "2013年的工作重点是什么".)
_DEFINES = any_of(
    r"^(什么是|啥是|何为)(?P<zh>[^，,。？?]{1,16})[?？]?$|^(?P<zh2>[^，,。？?]{1,16})(是|指的是|指)(什么|啥)意思(呀|啊)?[?？]?$",
    r"^what(?:'s| is) (a|an) (?P<en>[\w' -]{2,40}?)\??$|^what does (?P<en2>[\w' -]{2,40}?) mean\??$",
)
_AGE = any_of(
    r"(有|搞了|办了|实施了|存在了|运行了|开展了|成立)(多少|几)年(了)?|(多少|几)年了|多久了|多长时间了",
    r"\bhow (many years|long) (has|have|is|did)\b.{0,40}\b(been (around|going|running|in existence)|existed|exist|run|lasted)\b"
    r"|\bhow old is\b|\bsince when\b",  # "since when" after "who runs the plan": since its launch
)
_AHEAD = any_of(
    r"以后|将来|未来|下一步|今后|接下来的(目标|计划|重点)|还会|长远|长期目标",
    r"going forward|\bfuture\b|next steps?|long-term goal|from now on|\bwant .{0,30}\bto become\b|\bwill (the )?(plan|chizi|ministry|mohrss|it) (keep|continue|go on)\b",
)


# A total over the whole plan ("the total money raised across all the fairs", "一共对接了多少"): one
# place's figure does not answer it.
_TOTAL = any_of(
    r"一共|总共|总计|合计|累计|加起来|所有",
    r"\bin total\b|\btotal\b|\baltogether\b|\bcombined\b|\boverall\b|\bacross (all|every)\b|\ball (the|of the)\b|\bsum of\b",
)
# A request for instructions. The documents report what was done; only how-to entries give instructions.
_HOW_TO = any_of(
    r"^\s*(请问)?(我)?(该|要|应该)?(怎么|如何|怎样)(才能|可以)?(写|学|找|准备|提高|申请到|办理)",
    r"^\s*(how (to|do i|can i|should i|could i|do we|can we)|what'?s the best way to|any tips (for|on))\b",
)
_FIRST_PERSON = any_of(r"我", r"\bi\b|\bi'm\b|\bmy\b|\bme\b")


@dataclass(frozen=True)
class Question:
    text: str  # normalised
    years: tuple[int, ...] = ()
    figures: tuple[tuple[str, str], ...] = ()  # quoted figures ("the 36 activities"): digits, as asked
    decades: tuple[tuple[int, int], ...] = ()
    before: int | None = None  # asks about the time before this year ("before 2010", "2010年以前")
    places: tuple[Place, ...] = ()
    not_places: tuple[Place, ...] = ()  # places asked to be left out ("outside Zhejiang", 除了江浙)
    foreign: tuple[Place, ...] = ()  # places abroad named as what is asked about, not where the asker is
    events: tuple[str, ...] = ()
    wants: str = "other"
    slot: str | None = None
    listing: bool = False
    # An event attribute asked of no event ("seats left?"): every open event's, or the one followed.
    unnamed: bool = False
    months: tuple[int, ...] = ()
    days: tuple[int, int] | None = None  # the part of its one month asked ("mid-October": 11 to 20)
    fields: tuple[str, ...] = ()
    online: bool = False
    hybrid: bool = False  # "which events are hybrid": both in person and online
    closing_soon: bool = False
    last: bool = False  # the latest-starting event is asked for
    first: bool = False  # the soonest-starting event is asked for
    nth: int = 0  # the nth event to start is asked for ("the second event of the year")
    topic: bool = False  # asks what the documents say about the place named ("关于上海说了什么")
    seats_rank: str | None = None  # "most" or "fewest": the event with the most or fewest places left
    seats_bound: tuple[int, int] | None = None  # (fewest, most) places: "events with more than 300 places"
    days_bound: tuple[int, int] | None = None  # (fewest, most) days it runs: "events of four days or more"
    closes_within: int = 0  # days from today registration must close in: "what closes within 3 months"
    longest: bool = False  # the event lasting the longest is asked for
    neighbour: str | None = None  # "after" or "before": the event next to the one named is asked for
    lesser: bool = False  # a comparison asks for the lesser one (fewer places, earlier, shorter)
    near: bool = False  # events near the places named are what is asked ("which event is near Harbin")
    located: bool = False  # the asker says where they are ("I'm in Shanghai", "我在香港"): near them answers
    fit: bool = False
    abroad: bool = False
    follow_up: bool = False
    focus: tuple[str, ...] = ()  # concepts from FOCUS_CONCEPTS that the question asks about
    event_terms: tuple[tuple[str, ...], ...] = ()  # per event named: its names and places, normalised
    counted: tuple[str, ...] = ()  # what the answer must name: what a count counts, "which companies"
    exists: bool = False  # asks whether a thing is there ("广州有没有联络站"); never named means not known
    # how many of a set are of a kind ("130个项目里云计算的有几个"): a number must count it
    of_a_kind: bool = False
    # the place a "where in X" asks within ("silicon valley", "硅谷"): a smaller place answers
    inside: str = ""
    future: bool = False  # names a year from this one on
    past: bool = False  # asks about something done (a past year or tense)
    ahead: bool = False  # asks what comes next ("以后的目标", "going forward"): future sentences preferred
    predicate: str = ""  # the verb of an English count or yes-no question ("did X withdraw")
    count_kind: str | None = None  # what a Chinese count counts: people, bodies, items, editions or sites
    how_to: bool = False  # "how do I …", "怎么写…": asks for instructions, which the documents never give
    total: bool = False  # a count or sum over the whole plan ("in total", "一共"), not one place's
    others: bool = False  # asks for the rest of a set ("besides Silicon Valley", "另外三个联络站")
    subset: bool = False  # a part of a quoted figure ("how many of the 10,000 visits", "一万人次里有多少")
    negated: bool = False  # asks for what was not done ("which regions would it NOT prioritise")
    will: bool = False  # asks what is planned ("how many will Hangzhou open next"): a plan, not a record
    outcome: bool = False  # asks what an activity did or achieved ("what came of the Chongqing tour")
    age: bool = False  # asks how long something has existed: answered from when it began
    defines: str = ""  # the thing or word whose meaning is asked ("what is a postdoc", "什么是博士后")
    claim: bool = False  # checks a claim ("were 50 activities selected?"): its figures may be wrong
    # "the year before" (-1), "the year after" (+1): a year counted from the last question's
    year_shift: int = 0
    versus: bool = False  # compares the places named ("温州和重庆哪个多"): each one's figure answers

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
            "months": list(self.months),
            "past": self.past,  # asked of the report's record ("what did the Yunnan team do")
        }


_ELIGIBILITY = any_of(
    r"(我)?不是.{1,8}(也)?(能|可以|能不能)(报|参加|去)",
    r"\b(even )?if i('m| am) not (a|an)\b|\bwithout being (a|an)\b|\bas a non-?[a-z]+\b",
)
_COUNTS_CALENDAR = any_of(
    r"(日历|日程|目录)(上|里)(一共|总共|共)?(有)?(多少|几)个活动|(你们|你)(这里|这儿)?(一共|总共)?(有)?(多少|几)个活动",
    r"\bhow many (upcoming |future )?(events|fairs|meet-?ups)\b.{0,25}\b(do you (have|list|know)|are (listed|planned|scheduled|on)"
    r"|listed|on (the|your) calendar|in (the|your) calendar|altogether|in total|coming up)\b",
)

# "Was the plan started in 2012?", "是2012年启动的吗": the year is the asker's guess to check, not a
# constraint on the answer; what is asked is the year it started.
_GUESSED_YEAR = any_of(
    # (and "是08年开始的吧": the two-digit year as it is said)
    r"(是不是|是)\s*(\d{4}年?|\d{2}年)(启动|开始|成立|创立|发起|设立|搞起来|推出)"
    r"|(\d{4}|\d{2})年(启动|开始|成立|创立|发起|设立|搞起来|推出)的(吗|么|嘛|吧|对吧)",
    # ("is it true the plan started in 2008?", "it began in 2008, right?": the year is the asker's guess)
    r"(^(was|is|did|were)(n'?t)?\b|\bis it true\b|\bi (heard|read)\b)"
    r".{0,40}\b(start|started|launch|launched|found|founded|begin|began|set up|created|established)\b"
    r".{0,12}\bin (19|20)\d\d\b\??$"
    r"|\b(started|launched|founded|began|set up|created|established) in (19|20)\d\d,? (right|correct|true|yes|no)\W*$",
)


def defined_in(text: str) -> str:
    """The thing a normalised question asks the meaning of ("a postdoc" -> "postdoc"), or ""."""
    m = _DEFINES.search(text)
    return next((w for w in m.groupdict().values() if w), "") if m else ""


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
    # (longest names first: "guangdong" taken out of "guangdong tour" would leave "tour")
    names = sorted(
        {n for event_id in events for n in (aliases or {}).get(event_id, ())}, key=len, reverse=True
    )
    rest = text
    for name in names:
        rest = rest.replace(name, " ")
    slot = next((name for name, rx in SLOTS if rx.search(rest)), None)
    rest_words = re.sub(r"\s+", " ", rest).strip()  # what is left once the event's names are out
    # What kind of answer, and what is counted, are read from the question itself: in "我是海外学联的负责人，
    # 赤子计划跟学联有什么关系" the 负责人 is the asker, not a person asked for.
    asked = rest
    if bare != text:
        asked = bare
        for name in names:
            asked = asked.replace(name, " ")
    wants = "year" if guessed_year else wants_of(asked)
    if events and slot is None and _WHAT_IS_IT.fullmatch(rest_words):
        slot = "about"  # "what's the Guangdong tour", "南粤行是什么": what the event is, from its card
    if slot == "register" and _ELIGIBILITY.search(text):
        slot = None  # "can I register for the Yunnan team if I'm not a doctor": who may join, not the form
    past = any(y < today.year for y in years) or bool(decades) or bool(before) or bool(_PAST.search(text))
    if past and events and slot == "seats" and not years and _UNTIL_NOW.search(text):
        past = False  # "how many have signed up for the Suzhou week so far": its registrations, now
    future = any(y >= today.year for y in years)
    # "温州洽谈会办得怎么样", "how did the Nanjing fair do": how it went is its record (not the coming
    # edition's card), unless the question looks ahead.
    looks_ahead = future or bool(_AHEAD.search(text) or _FUTURE_TENSE.search(text))
    past = past or (bool(_OUTCOME.search(text)) and not looks_ahead)
    if events and _NEWLY.search(text):
        # "绍兴行是今年才开始办的吗": whether it is new is its history, which the report tells (held for
        # several years), not this year's edition nor when the next one starts.
        years, past, future = [], True, False
        slot = None if slot == "when" else slot
    fields = fields_in(text, original)
    if len(events) >= 2 and slot is None and wants == "difference":
        slot = "about"  # "海洽会和宁交会有什么区别": each event's card, which the documents never compare
    if events and fields and slot is None and wants == "other" and not _MAY_I.search(text):
        # "贵阳交流会涉及环保吗": whether a named event is about a field is said by its fields (not whether
        # someone outside them may join, nor the name of "the doctor heading" it).
        slot = "fields"

    months = months_in(text, today)
    # "anything outside zhejiang and jiangsu", "除了江浙还有哪里": places left out, never a constraint
    not_places = gazetteer.excluded_places(text)
    china = [p for p in gazetteer.places_in(text) if p not in not_places]
    if (
        (events or china)
        and slot is None
        and _FITS_ME.search(text)
        and not _ELIGIBILITY.search(text)
        # ("我是北京人，能参加津门行吗" asks who may join, which its organisers say; a field against its fields)
        and (fields or not _MAY_I.search(text))
    ):
        # "我是心内科医生，能参加津门行吗", "is the Guizhou one right for me?": the asker's field against the
        # event's, which its fields say (who may join is its organisers' to say).
        slot = "fields"
    first_person = bool(_FIRST_PERSON.search(text))
    abroad = gazetteer.abroad(text)
    closes_last = bool(CLOSES_LAST.search(text))
    closes_within = closes_within_days(text)
    closing = bool(CLOSING.search(text)) or closes_last or bool(closes_within)
    fit = (bool(FIT.search(text)) and bool(EVENT_NOUN.search(text))) or bool(SHOULD_ATTEND.search(text))
    # "I work on batteries", "我做电池研究" said on its own (after "which fits me?", or as a first message):
    # the events of that field, as a recommendation.
    introduces = bool(FIT.search(text)) and bool(fields) and slot is None and not events
    fit = fit or (introduces and wants == "other" and not _ASKS.search(bare))
    first = bool(FIRST_EVENT.search(text))
    nth = nth_of(text)
    last = bool(LAST_EVENT.search(text)) or closes_last
    seats_rank = seats_rank_of(text)
    seats_bound = seats_bound_of(text)
    days_bound = days_bound_of(text)
    longest = bool(LONGEST.search(text))
    own_fields = fields_in(bare, original) if bare != text else fields
    listing = (
        (
            not events
            and bool(EVENT_NOUN.search(text))
            and (
                bool(LIST_CUE.search(text))
                or bool(months)
                or future
                or closing
                # (a field the asker works in lists its events only if the question is not about something
                # else: "as an engineer, what principles are used to pick activities?")
                or (wants == "other" and bool(own_fields or china or re.search(r"\bevents\b", text)))
            )
            and not (FACET.search(text) and not future and not fit)
        )
        # "做先进制造的，下半年有什么": months to come with a field or a "what is there" name no event, and
        # only the calendar has months (the 2012 report gives none).
        or (
            not events
            and bool(months)
            and not past
            and bool(fields or LIST_CUE.search(text))
            and not FACET.search(text)
        )
        or (fit and not past and not events)  # "when does the Hangzhou meetup start for me": that one
        or (
            (first or last or seats_rank or seats_bound or days_bound or longest or nth)
            and not events
            and not past
        )
        # "which registration closes first?": the events by their deadlines
        or (closing and not events and not past)
        # "how many events are in Zhejiang", "浙江有几个活动": the calendar counts a place's events; the 2012
        # report counts none by place.
        or (bool(_COUNTS_EVENTS.search(text)) and bool(china) and not events and not past and not years)
        # "how many events do you have listed", "日历上一共几个活动": the calendar's own count.
        or (bool(_COUNTS_CALENDAR.search(text)) and not events and not past)
    )
    # "seats left?", "还有名额吗", "哪个活动还能报名" with no event named: every open event's places and
    # deadline; as a follow-up, the places of the event it follows.
    # "有没有线上参加的": events one can join from afar, likewise (not "what formats did the 2012
    # activities take", which names no online or hybrid way of taking part).
    online_asked = slot == "format" and bool(ONLINE.search(text) or HYBRID.search(text))
    unnamed = (
        (slot in ("seats", "deadline") or online_asked)
        and not events
        and not past
        and not years
        and not china
    )
    listing = listing or unnamed
    # "八月份截止报名的有哪些", "which registrations close in august": events by the month they close.
    listing = listing or (not events and slot == "deadline" and bool(months) and not past)
    if not listing and not events:
        # Where the asker says they are from is no constraint on a fact ("I'm from Harbin originally. Did
        # the plan say anything about the northeast?"); for events it says where they would go.
        china = [p for p in gazetteer.places_in(bare) if p not in not_places]
    focus = tuple(name for name, rx in FOCUS_CONCEPTS if rx.search(text))
    if (
        focus in (("venue",), ("street address",))
        and slot == "place"
        and (_WHERE.search(rest) or focus == ("street address",))
    ):
        pass  # "海洽会 venue where": where it is held (the city its card gives), not only the hall
    elif focus and slot != "register":
        slot = None  # "can I give my seat to a colleague": about the arrangement, not the event's seats
    # "what language are the events in": about an arrangement the catalogue does not hold, not a listing.
    if listing and ((past and not future) or _ABOUT_PLAN.search(text) or focus):
        listing = False
    # "is the Suzhou week in August?", "津门行是在九月吧": a month guessed for an event asks when it is.
    guessed_month = bool(months) and bool(_MONTH_GUESSED.search(rest_words))
    if events and not slot and (future or closing or guessed_month) and not past:
        slot = "when"
    if events and not slot and not past and china and _PLACE_GUESSED.search(rest_words):
        slot = "place"
    # "what's the next event after the Shandong fair": when the one after it in the calendar is.
    neighbour = neighbour_of(text) if len(events) == 1 and not past and not listing else None
    if neighbour and slot is None:
        slot = "when"
    # (short: a long question naming "it" is one of its own; English words are longer than characters)
    follow_up = (
        bool(_FOLLOW_MARK.search(text))
        and (len(text) <= 40 or (not has_cjk(text) and len(text.split()) <= 10))
    ) or (
        # "guizhou?" after "hangzhou liaison stations count": a place alone asks the last question of it
        bool(china) and not events and not re.sub(r"[\W_]+", "", gazetteer.without_places(text))
    )
    figures = tuple(figures_in(text))
    claim = bool(_CLAIM.search(text))
    if claim and figures and wants == "other" and not events:
        wants = (
            "count"  # "2013年入选了40个活动对吧": the figure claimed is a count, which a sentence must give
        )
    return Question(
        text=text,
        years=tuple(years),
        figures=figures,
        claim=claim,
        # Two things compared, as places or as events ("大理那个和津门行哪个时间长": a place and an event).
        versus=len(china) + len(events) >= 2 and not listing and bool(_VERSUS.search(text)),
        decades=tuple(decades),
        before=before,
        places=tuple(china),
        not_places=tuple(not_places),
        # Where the asker says they are ("as a chemist working in Germany, …") is not what is asked about.
        foreign=() if first_person else tuple(gazetteer.foreign_places_in(bare)),
        events=tuple(events),
        wants=wants,
        slot=slot,
        listing=listing,
        months=tuple(months),
        days=days_of_month(text) if len(months) == 1 else None,
        fields=tuple(fields),
        online=bool(ONLINE.search(text)),
        hybrid=bool(HYBRID.search(text)),
        closing_soon=closing,
        last=last,
        first=first,
        nth=nth,
        seats_rank=seats_rank,
        seats_bound=seats_bound,
        days_bound=days_bound,
        closes_within=closes_within,
        lesser=bool(LESSER.search(text)),
        near=bool(NEAR.search(text)),
        located=bool(LOCATED.search(text)),
        longest=longest,
        neighbour=neighbour,
        topic=bool(_TOPIC.search(text)),
        fit=fit,
        abroad=abroad,
        follow_up=follow_up
        or (
            slot is not None
            and not events
            and not china
            and (not listing or unnamed)
            # ("how many places are left?" after a list: of those events; "which events have places" lists)
            and (len(text) <= 24 or (unnamed and len(text) <= 40 and not EVENT_NOUN.search(text)))
            # "赤子计划是1988年开始的吗" names its subject: a question of its own, not one about the last.
            and not NAMES_THE_PLAN.search(text)
        ),
        unnamed=unnamed,
        focus=focus,
        counted=asked_target(asked, wants),
        exists=asks_existence(asked),
        of_a_kind=wants == "count" and counts_of_a_kind(asked),
        inside=_area_asked_within(text) if wants == "place" else "",
        predicate=count_predicate(asked) if wants == "count" else yes_no_predicate(asked),
        count_kind=count_kind(asked) if wants == "count" and has_cjk(asked) else None,
        how_to=bool(_HOW_TO.search(bare)),
        ahead=bool(_AHEAD.search(text)),
        total=wants in ("count", "money") and bool(_TOTAL.search(text)),
        others=bool(_OTHERS.search(text)),
        subset=wants == "count" and bool(_SUBSET.search(text)),
        will=bool(_WILL.search(text)),
        outcome=bool(_OUTCOME.search(text)),
        age=bool(_AGE.search(text)),
        defines=defined_in(text),
        year_shift=-1 if _YEAR_BEFORE.search(text) else 1 if _YEAR_AFTER.search(text) else 0,
        negated=bool(_NEGATED.search(text)),
        event_terms=tuple(
            tuple([*(aliases or {}).get(e, ()), *(event_places or {}).get(e, ())]) for e in events
        ),
        future=future,
        past=past,
    )


# "where in Silicon Valley is the station", "在硅谷什么地方": a place inside the one named, which a sentence
# saying only "in Silicon Valley" does not give.
_WHERE_IN_EN = re.compile(
    r"\bwhere (?:exactly |precisely |abouts )?in (?:the )?([a-z][a-z -]{1,30}?) (?:is|are|was|were|did|does|do)\b"
)
_WHERE_IN_ZH = re.compile(r"在([\u4e00-\u9fff]{2,4}?)(?:的)?(?:什么地方|哪里|哪儿|哪个(?:地方|城市|县|区))")


def _area_asked_within(text: str) -> str:
    """The place a "where in X" question asks within, or ""."""
    m = _WHERE_IN_EN.search(text) or _WHERE_IN_ZH.search(text)
    return m.group(1).strip() if m else ""


def resolve_follow_up(
    current: Question,
    previous: Mapping[str, Any],
    previous_text: str,
    aliases: Mapping[str, Sequence[str]] | None = None,
) -> tuple[str, Question | None]:
    """A follow-up read against the previous question of the chat.

    Returns the question to answer (the previous one with the new place, year or event put in), and,
    for event questions, the merged `Question`; a follow-up about plan facts is re-asked as text.
    `aliases` maps catalogue event ids to their normalised names."""
    prev_events = [str(e) for e in previous.get("events") or []]
    prev_places = [str(p) for p in previous.get("places") or []]
    prev_years = [int(y) for y in previous.get("years") or []]
    prev_slot = previous.get("slot")
    if current.year_shift and prev_years and not current.years:
        # "what about the year before?" after a question about 2012: the same question about 2011.
        current = replace(current, years=(prev_years[0] + current.year_shift,))
    if prev_events and not current.events and NAMES_THE_PLAN.search(current.text):
        # "赤子计划呢" after "苏州精英周什么时候": the same question asked of the plan, not of the event again.
        return _event_named_as_the_plan(normalize(previous_text), prev_events, aliases or {}), None
    if (
        prev_events
        and (current.past or current.outcome)
        and not (current.events or current.slot or current.listing)
    ):
        # "what did it achieve" after "what is the jinmen tour": what the event did, which the report tells.
        return _named_again(current.text, normalize(previous_text), prev_events, aliases or {}), None
    if (
        prev_events
        and previous.get("past")
        and current.slot in ("place", None)
        and not (current.events or current.places or current.years)
    ):
        # "where exactly?" after "what did the Yunnan team do": where they went, which the report tells (the
        # 2027 edition's city is not the answer).
        return f"{normalize(previous_text)} {current.text}", None
    # "and in Nanjing?" after "how did the Tianjin tour go in 2012": the record asked of the place now named
    # (re-asked as text below), not the coming edition of the event held there.
    record_elsewhere = (
        bool(previous.get("past")) and bool(current.places) and not (current.slot or current.events)
    )
    if (prev_events or previous.get("listing")) and not record_elsewhere:
        merged = replace(
            current,
            events=current.events or tuple(prev_events),
            slot=current.slot or (str(prev_slot) if prev_slot else None),
            # ("and tianjin?" after a list of Jiangsu's events: Tianjin's events, listed likewise, in the
            # months the list was of)
            listing=(current.listing or (bool(previous.get("listing")) and not (current.slot or prev_slot)))
            and not (current.unnamed and prev_events),
            months=current.months
            or (tuple(int(m) for m in previous.get("months") or []) if previous.get("listing") else ()),
        )
        # "what about the money?" after a fact about the Tianjin tour asks a fact, not the event's card.
        asks_a_fact = not merged.slot and not previous.get("listing") and current.wants != "other"
        if not asks_a_fact:
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
    if (
        asks_another_thing(current, wants_of(rewritten))
        or current.counted
        or current.predicate
        # 那这些活动带来了多少人次 after 2012年入选了多少个活动: people counted now, not activities
        or (current.count_kind is not None and current.count_kind != count_kind(rewritten))
    ):
        # The caller reads it with the follow-up's kind of answer, and what it counts: 其中多少个落地了 after
        # 温州收到多少项目 asks how many were carried out, which "527 received" does not say.
        rewritten = f"{rewritten} {current.text}"
    return rewritten, None


_POINTS_BACK = re.compile(r"\b(it|they|them)\b|(它|他们|她们|这个活动|那个活动)")


def _named_again(
    text: str, previous: str, events: Sequence[str], aliases: Mapping[str, Sequence[str]]
) -> str:
    """A follow-up with the event the last question named put where it points back ("what did it achieve"
    -> "what did the jinmen tour achieve"), or before it."""
    names = _names_of(events, aliases)
    name = next((n for n in names if n in previous), names[0] if names else "")
    name = f"the {name}" if name.isascii() else name
    if _POINTS_BACK.search(text):
        return _POINTS_BACK.sub(name, text, count=1)
    return f"{name} {text}"


def _event_named_as_the_plan(text: str, events: Sequence[str], aliases: Mapping[str, Sequence[str]]) -> str:
    """The question with the event's name replaced by the plan's ("when is the tianjin tour" -> "when is the
    chizi plan")."""
    plan = "赤子计划" if has_cjk(text) else "chizi plan"
    name = next((n for n in _names_of(events, aliases) if n in text), None)
    return text.replace(name, plan, 1) if name else f"{plan} {text}"


def _names_of(events: Sequence[str], aliases: Mapping[str, Sequence[str]]) -> list[str]:
    """Every name of the events, longest first (so "tianjin tour" is found before "tianjin")."""
    return sorted({n for e in events for n in aliases.get(e, ())}, key=len, reverse=True)


def asks_another_thing(follow_up: Question, previous_wants: str) -> bool:
    """Whether a follow-up naming no new place or year asks another kind of answer of the same subject
    ("what about the money?" after "how many scholars did the Tianjin tour invite")."""
    return not follow_up.places and not follow_up.years and follow_up.wants not in ("other", previous_wants)


def _swap_place(text: str, old_key: str, new: Place) -> str:
    for place in gazetteer.CHINA:
        if place.key == old_key:
            for name in sorted(place.names, key=len, reverse=True):
                text = word_rx(name).sub(new.english, text) if name.isascii() else text.replace(name, new.key)
    return text
