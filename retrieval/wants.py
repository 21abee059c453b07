"""The kind of answer a question wants (a count, a sum, a year, a place, a reason …), and whether a
sentence can hold it: "how many" is never answered by a sentence without a number, "where" by one
without a place.
"""

from __future__ import annotations

import functools
import re

from retrieval import places as gazetteer
from retrieval.dates import YEARISH
from retrieval.text import any_of, detect_language

# The kind of answer a question wants, most specific first.
WANTS: list[tuple[str, re.Pattern[str]]] = [
    (
        "person",
        any_of(
            r"部长|局长|主任|负责人|领导人?是谁|是谁$|谁是|(颁|发|授|给)(给)?了?谁|谁(获|得|拿)(了|到|过)?"
            r"|谁(带队|领队|带的队)|(带队|领队)的?(是谁|人)|谁主持|主持(人|者)"
            # "现在谁主管，叫什么名字": a person's name (not "全称叫什么名字", the plan's own)
            r"|谁.{0,12}(叫什么|叫啥|名字)",
            r"\b(minister|director|head|leader|chair(man|woman)?|president|contact person)\b(?! of (the )?(ministry|mohrss))"
            r"|\bwho (founded|leads|heads|headed|chairs|chaired|started|created|led|won|wins|received|receives|got|was awarded)\b"
            # (not "who started the Chizi plan": a body did, asked below)
            r"(?! (the )?(chizi|plan|programme|program|scheme)\b)"
            # "name of the doctor heading the Yunnan team": a person's name, not a list
            r"|\bfounders?\b|\bfounded by\b"
            # "which scholars got the Qilu award": the winners' names
            r"|^(which|what) (scholars?|people|persons?|experts?|doctors?|individuals?|researchers?|professors?)"
            r" (won|got|received|w(as|ere) (awarded|given))\b"
            r"|\bnames? of (the|that|this) (doctors?|leaders?|heads?|persons?|people|experts?|professors?|organi[sz]ers?|winners?)\b",
        ),
    ),
    # "杭州那四个联络站都叫什么名字", "what is the name of the Hangzhou station in Silicon Valley": the names
    # of things, which a sentence gives in quotes, in brackets or as a list (not "4个联络站"); the plan's or
    # an event's own name (全称, "full name") is a curated answer or the catalogue's.
    (
        "name",
        any_of(
            r"^(?!.*(全称|全名|简称|中文名|英文名|缩写|由来|来历)).*((都|分别)叫(什么|啥)|(名字|名称)(分别)?(是|叫)(什么|啥)|叫(什么|啥)名字"
            r"|(机构|公司|企业|社团|团体|协会|项目|联络站|单位)(的)?名单)",  # "宁波周的创投机构名单有哪些": their names
            r"^(?!.*\b(full|chinese|english|official|short|plan'?s|chizi'?s)\b).*"
            r"(\b(names?|list) of (the |its |their |those |these |that |this )?[a-z' -]{0,30}\b(stations?|associations?|societies|projects?|activities|villages?|companies|firms|institutions?|brands?)\b"
            r"|\b(stations?|associations?|societies|projects?|villages?|companies|firms|institutions?)'? names?\W*$"
            r"|\bwhat (is|are|was|were) (the|its|their) [a-z -]{1,30}\b(stations?|associations?|projects?|companies|firms|institutions?) called\b)",
        ),
    ),
    # "宁波那个资本洽谈会都有谁参加", "who submitted projects to the Wenzhou fair": who took part, answered by a
    # sentence saying who did (41家机构参会, "submitted by 424 overseas scholars"), not a roll-call of brands.
    (
        "participants",
        any_of(
            r"(都有|是)?谁(来)?(参加|参与|参会|出席|提交|申报|去)(了)?",
            # "苏州精英周有诺贝尔奖得主参加吗": whether someone took part, which a roll-call does not say
            r"有.{1,12}(参加|参与|参会|出席)(吗|么|没有|过吗)",
            r"\bwho (took part|attended|participated|joined|came to|submitted|applied|went to)\b"
            # "which associations joined the Shaoxing tour": named takers-part, which "gathered many scholars" is not
            r"|^(which|what) [a-z ]{1,30}\b(took part in|attended|participated in|joined)\b",
        ),
    ),
    # "how did the Wenzhou fair choose its projects", "重庆行的洽谈具体是怎么进行的": the way something was
    # done, which a sentence saying only that it was done (527 projects received) does not give; before
    # "where" ("how did Hangzhou pick where to put its stations" asks how, not where).
    (
        "manner",
        any_of(
            r"(是)?(怎么|如何|怎样)(挑|选|评|打分|评审|评选|筛选|审核|进行|开展|操作|运作|谈)的?|具体(是)?(怎么|如何)",
            r"\bhow (exactly |precisely |actually )?(did|do|does|were|was|are|is) .{1,50}\b(choose|chose|chosen|select|selected|pick|picked|score|scored"
            r"|judge|judged|evaluate|evaluated|rank|ranked|review|reviewed|negotiate|negotiated|work)\b"
            r"|\bin practice\b",
        ),
    ),
    # "Which countries sent the most scholars": a ranking, answered only by a sentence that ranks
    # (before money: "宁波哪个项目融资最多" asks which, not how much).
    (
        "ranking",
        any_of(
            # ("投资最多的是哪家机构": the superlative before which)
            r"(哪个|哪些|哪家|谁).{0,12}最(多|大|高|少|小|低)|最(多|大|高|少|小|低)的(是)?(哪|谁)"
            r"|最(大|高|多|小|低|少)的(一|那)(笔|个|项|家|次)",  # "最大的一笔融资是多少": one of them, not the total
            r"^(which|who|what|where)\b.{0,60}\b(the )?(most|largest|biggest|highest|fewest|least|smallest|lowest)\b"
            r"(?! (famous|well-known|known|important|common))"
            r"|\bthe (most|largest|biggest|highest|fewest|least|smallest|lowest)\b.{0,40}\b(which|what|who|where)\b"  # "the most … came from which country"
            r"|\bsingle (biggest|largest|highest|smallest)\b|\b(biggest|largest|highest|smallest) single\b",
        ),
    ),
    # "宁波融资的23个项目都是什么行业": fields or industries, which a sentence naming none does not give (before
    # money: 融资 there only says which projects).
    (
        "field",
        any_of(
            r"(什么|哪些|哪个|哪几个|啥)(行业|领域|产业|专业方向)|(行业|领域)(是|有|都是)(哪些|什么|啥)",
            r"\b(which|what) (fields?|industries|industry|sectors?|disciplines?)\b|\bin what (field|industry|sector)\b"
            # "what did Ningbo's 23 funded projects work on": their subject, which only a field names
            r"|\bwhat (did|do|does|were|are) [a-z0-9' -]{1,40}\bwork(ing)? on\b",
        ),
    ),
    # "how much did Tianjin spend on the tour": what was spent, not what was raised or earned (before money).
    (
        "expense",
        any_of(
            r"花(了|费)?(多少|几)|开销|费用(是)?多少|支出|成本|投入(了)?多少",
            r"\bspen[dt]\b|\bcost\b|\bexpens\w*",
        ),
    ),
    (
        "money",
        any_of(
            r"多少钱|融资(?!会)|融到|(拉|拿|筹|募)(到了|到|了)(多少)?(投资|资金|钱)|融姿|资助多少|多少资金|经济效益|预算|拨款|补贴|工资|薪|金额|总额|多少元|总投资|投资(额)?(是)?多少"
            r"|^(那)?(钱|资金|经费|金额)呢",  # "钱呢" after a question about an activity: what it raised or earned
            r"how much (money|funding|cash)|\braised?\b|\bbudget|\bsalary|\bfunding did|economic benefit|generate"
            r"|\bworth\b|\bthe haul\b|\b(total|combined|monetary) value\b|\bvalue of (the )?[a-z ]{0,30}\b(agreements|deals|contracts|projects|investments?)\b|prize money|\b(total|how much) investment\b|\bhow many (money|cash|yuan)\b"
            r"|\b(what|how) about (the )?(money|funding|cash)\b|^(and )?(the )?(money|funding)\W*$"
            r"|how much .{0,40}\b(get|got|receive|received|invest|invested|worth|cost|pay|paid|give|gave|grant|granted)\b",
        ),
    ),
    (
        "year",
        any_of(
            r"哪一年|哪年|什么时候(开始|启动|成立|创立)|(啥|何)时(候)?(开始|启动)|追溯到|几几年",
            r"\b(what|which) year\b|since when|since what year|when did .{0,40}\b(start|begin|began|launch|found|get going|get off the ground)|how far back|when .{0,20}\b(start|launch|begin)\b",
        ),
    ),
    # 几年 is a length of time ("有效期几年"), except in 近几年 / 前几年 (recent years).
    (
        "duration",
        any_of(
            r"多久|多长时间|几天|几个月|(?<![近前这那后过头])几年(?!级)|多少年(?!代)",
            r"how long\b|how many (days|weeks|months|years)|for how long",
        ),
    ),
    # "津门行的学者都是哪些国家的": countries, answered only by a sentence naming countries or continents.
    (
        "country",
        any_of(
            r"哪(个|些|几个)国家|来自哪(个|些|几个)?国|是哪(个|些)?国(来|的|人)|哪国(人|来|的)|哪(些|几)个?(大洲|洲)|世界(上)?哪些地方",
            r"\b(which|what) countr(y|ies)\b|\bfrom which countr"
            # "from which parts of the world": countries or continents
            r"|\b(which|what) (parts|regions|corners) of the (world|globe)\b|\b(which|what) continents?\b"
            # "where were the scholars from": their origin, said by countries or continents
            r"|\bwhere (are|were|do|did) (the |these |those |its |their )?(scholars|experts|participants|people|talents?)( [a-z]+)? (come )?from\W*$",
        ),
    ),
    # "女性学者占多少", "what share of Chongqing's projects reached agreements": a part of a whole, answered
    # by a sentence giving a percentage or a part ("29 of them"), not by any number.
    (
        "share",
        any_of(
            r"占(多少|几成|百分之几|比例|比重)|比例(是)?多少|百分之几|几成",
            r"\bwhat (share|percentage|proportion|fraction|percent)\b|\bhow many percent\b|\bpercentage of\b",
        ),
    ),
    # An English request for a list is answered by an enumeration, not by a sentence using the word.
    (
        "list",
        any_of(
            # 哪些国家/城市 asks for places: answered by a sentence naming places, checked as such below.
            r"列举|列出|举几个例子|哪些(?!国家|城市|省份?|地区|地方)|有哪几|是哪几(?!个?(国家|城市|省|地区|地方))|都有啥|都有谁|分别是|哪(些|个|几个)?方面|有什么(?!用|区别|关系|意义|作用|结果|成果|效果|收获)",
            r"^(please )?(list|name)\b|\b(list|name) (some|a few|the|all)\b|\bexamples? of\b"
            r"|\blist( them)?( please)?\W*$"
            # "which of the Wenzhou projects won": some of them, by name
            r"|^which of the ([a-z-]+ )?[a-z-]{2,}[a-rt-z]s\b"
            # "what kinds of activities" asks for several; "what kind of projects" may be one description.
            r"|\bwhat (sorts|kinds|types) of\b",
        ),
    ),
    (
        "count",
        any_of(
            # 哪几个地方 asks which, not how many.
            r"多少|(?<!哪)(几个|几项|几家|几次|几届|几位|几名|几人|几种|几场|几轮|几批|几期|几所)|有几|数量",
            r"how many|number of|\bcount\b|how much"
            # "what did the Shandong fair achieve in numbers": figures, which a sentence without any lacks
            r"|\bin numbers\b|\b(any|the) (figures|numbers|stats|statistics)\b|\b(headcount|tally|turnout)\b",
        ),
    ),
    (
        "date",
        # "what's the deadline for regions to apply": a date, which a sentence naming none does not give
        any_of(
            r"哪一天|哪天|几号|什么日期|什么时候|何时|哪个月|几月|截止(日期|时间)",
            r"\bwhen\b|what date|which day|what day|\b(what|which) month\b|\bdeadlines?\b",
        ),
    ),
    (
        "org",
        any_of(
            r"哪个部门|哪个单位|哪个机构|谁(管|负责|主办|组织|发起|创办|创立|举办|承办)|谁办的|(哪个|什么)部(门)?(管|负责|主办)|由谁"
            r"|谁(评|评审|评选|审核|挑选|打分|出钱|出资|资助|赞助)",
            r"who('s| is| was)? behind\b|who (runs|ran|organi[sz]es|organi[sz]ed|hosted|is in charge|was in charge|manages|managed|is responsible|was responsible)"
            r"|\bwho (founded|started|created|launched|set up|initiated|began) (the )?(chizi|plan|programme|program|scheme)\b"
            # "who judged the Shandong start-up award": a body that judged, which a sentence naming the award lacks
            r"|\bwho (judged|judges|evaluated|evaluates|assessed|reviewed|reviews|scored|picked|paid|funded|financed|sponsored)\b"
            r"|(which|what) (government |state )?(ministry|department|agency|body|authority)"
            # "I heard chizi is run by the education ministry, right?": the body, which the claim may have wrong
            r"|\b(run|organi[sz]ed|launched|started|set up|managed|overseen|founded) by (the )?[a-z ]{0,30}\b(ministry|department|agency)\b",
        ),
    ),
    (
        "place",
        any_of(
            r"在哪(?!些|天|一天|年|个月)|哪里|哪儿|哪(个|些|几个)(县|城市|省|地方|国家|地区)|什么地方|来自哪",
            r"\bwhere\b|which (county|counties|city|cities|province|provinces|country|countries|places?|villages?|towns?)\b"
            r"|\bwhat (counties|cities|provinces|places|villages|towns)\b",
        ),
    ),
    # "how is chizi different from the Thousand Talents plan", "海洽会和宁交会有什么区别": a comparison, which
    # only a sentence that compares can make (a roll-call naming both does not).
    (
        "difference",
        any_of(
            r"区别|不同之处|有什么不同|有何不同|有啥不同|差别|差异",
            r"\bdifferen(t|ce|ces)\b.{0,40}\b(from|between|to)\b|\bhow does .{1,40}\bdiffer\b|\bdiffers? from\b"
            r"|\bcompared? (to|with)\b|\bvs\.?\b|\bversus\b",
        ),
    ),
    # "筹委会是干什么的", "what is a preparatory committee for": what a thing does, which a sentence merely
    # naming it ("each region sets up a preparatory committee") does not say.
    (
        "function",
        any_of(
            r"(是)?(干|做)(什么|啥)的|(具体|平时|平常|(?<!活动)(?:主要|一般))(都)?(做|干)(些)?(什么|啥)|有什么用|起什么作用|作用是什么",
            # (not "what is the Shandong fair famous for": what it is known for is its record)
            r"^what (is|are) (a|an|the) [a-z' -]{2,40}(?<!famous)(?<!known)(?<!renowned)(?<!noted) for\W*$"
            r"|^what do(es)? (a|an|the) [a-z' -]{2,40} do\W*$",
        ),
    ),
    (
        "reason",
        any_of(
            # "这个计划主要想干嘛": what the plan means to achieve, its purpose
            # (not "绍兴行为什么出名": why a thing is well known is said by its record, which holds no cause)
            r"(为什么|为啥|为何)(?!.{0,12}(出名|有名|知名|受欢迎))|目的|使命|宗旨|(计划|它|这个|人社部).{0,6}想((干|做|搞)(嘛|什么|啥)?$|(干|做|搞)(嘛|什么|啥)|(达到|实现)什么)",
            r"\bwhy\b(?!.{0,40}\b(famous|well-known|known|popular|renowned)\b)|purpose|the point of|\bmission\b|\b(what|what's|whats) (is |was )?the (reason|rationale|motivation)\b"
            r"|\bfor what reason\b",
        ),
    ),
]


@functools.lru_cache(maxsize=1024)
def wants_of(text: str) -> str:
    """The kind of answer a normalised question wants, the first of WANTS that it matches, or "other"."""
    return next((name for name, rx in WANTS if rx.search(text)), "other")


NEGATIVE_SENTENCE = any_of(
    r"没有|未能|未被|(?<!将)未(?!来)|不是|不会|不再|不能|不予|并非|落选",
    r"\b(not|no|never|nor|without|neither)\b|n't\b",
)


FUTURE_SENTENCE = any_of(r"将|继续|打造|今后", r"\bwill\b|\baims?\b|\bkeep\b|\bcontinue")


_YEAR_OF = re.compile(
    # not "2,013" (a thousands group), but after a comma ("表示,2013年将", a normalised Chinese comma)
    r"(?<![\d.])(?<!\d,)(?:19|20)\d{2}(?:\s*年(?!代)|(?=\D|$))(?!\s*(?:万|亿|个|项|人|家|名|位|元|多|余|s\b))"
)
_NUMBER_WORD = any_of(
    r"\d|[一二三四五六七八九十两百千万亿]+(个|项|家|名|位|人|届|次|种|所)|上万|上百|数届|几十|多个|余",
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|dozens?|hundreds?|thousands?|several|many)\b",
)
_DURATION = any_of(
    # (not "2012年", a year)
    r"(?<![\d.])\d{1,3}\s*(天|周|个月|年)|[一二三四五六七八九十两]+(天|周|个月)|多年|数年|数届|自\d{4}年起",
    r"\b\d+\s*(days?|weeks?|months?|years?)\b|\b(one|two|three|four|five|several|many) (days?|weeks?|months?|years?)\b"
    # a start year answers how long something has gone on ("launched in 2010", "于2010年启动", "since 1988")
    r"|\b(since|launched in|began in|started in)\s+(19|20)\d{2}\b|(于|自|从)(19|20)\d{2}年|(19|20)\d{2}年(启动|开始|起)"
    r"|\bsince (19|20)\d\d\b",  # "every year since 1988" says how long
)
_MONEY = any_of(r"元|亿|万元", r"\byuan\b|million|billion|\$|rmb")
_DATEISH = any_of(
    # (a year, not 2000余万元)
    r"(?<!\d)(19|20)\d{2}(?![\d余多万亿个项人])|\d+月|\d+日",
    r"\b(january|february|march|april|may|june|july|august|september|october|november|december)\b",
)
_FIELDISH = any_of(
    # (not 金融 or finance alone: "风投金融机构" are institutions, not a field their projects were in)
    r"领域|行业|方面|专业|生物医药|电子信息|信息技术|云计算|能源|医疗|工艺|质量管理",
    r"\bfields?\b|\bindustries\b|\bsectors?\b|biomedic\w*|electronic|information technology|\bit\b"
    r"|cloud computing|\benergy\b|medical|process design|quality management",
)
_SPENT = any_of(r"花费|花了|支出|费用|成本|开销|预算", r"\bspen[dt]\b|\bcosts?\b|\bexpens\w*|\bbudget")
_ORG = any_of(
    r"部|委员会|协会|政府|机构|组织",
    r"ministry|mohrss|committee|association|department|government|agency|organi[sz]ation",
)
_HOW_DONE = any_of(
    r"原则|评估|根据|通过|经过|先.{1,30}(再|然后)|标准|方式|程序|步骤|申报|基础上|渠道",
    r"\b(principles?|criteria|evaluat\w*|based on|through|after|first|then|apply|applied|process|procedures?|steps?"
    r"|channels?|by means of)\b",
)
_COMPARES = any_of(
    r"区别|不同于|相比|而是|不像",
    # ("not a single meeting but a support framework")
    r"\b(differ\w*|unlike|whereas|compared|but rather)\b|\bnot (a|an|just|only|merely)\b.{1,40}\bbut\b",
)
_SHARE = any_of(
    r"%|百分之|其中\d|其中[一二三四五六七八九十两]",
    r"\bper ?cent\b|\b(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|half) (of|out of) (them|which|these|those)\b",
)
# A person is named with a title ("王部长", "Dr. Li"), never by 博士 alone: 百名海外博士重庆行 is an event.
_PERSON = any_of(r"部长|局长|主任|先生|女士|教授", r"\b(minister|director|mr|ms|dr|professor|prof)\.? [a-z]")
# (not "参与国家建设", "the country's development": the nation, no country anyone came from)
_COUNTRYISH = any_of(
    r"国家(?!建设|发展|经济|重点)|美洲|欧洲|亚洲|大洋洲|非洲",
    r"\bcountr(y|ies)\b(?!'s)|americas|europe|asia|oceania|africa",
)
_PLACEISH = any_of(
    r"县|州|市|省|国家|地区|美洲|欧洲|亚洲|大洋洲|硅谷|山区",
    r"county|city|province|countries|regions?|americas|europe|asia|oceania|valley|mountain",
)


_TOOK_PART = any_of(
    r"参加|参与|参会|出席|申报|来自|邀请",
    r"\btook part\b|\bparticipat\w*|\battend\w*|\bsubmitted by\b|\bcame from\b|\binvited\b",
)


_DOES = any_of(
    r"为了|用于|负责|旨在|目的|帮助|服务于|作用|针对|致力于",
    r"\b(to help|to serve|to support|responsible|aims?|purpose|so that|in order to|helps?|serves?)\b",
)


# A reason is said with a cause, an aim or the need met ("its purpose is to encourage …", "针对边远山区看病难的
# 问题"): "why was 2010 chosen" is not answered by "launched in 2010".
_BECAUSE = any_of(
    # (and why something matters: "a main form … and a key measure of its results")
    # (and why it is one thing and not another: "not a single meeting but a support framework: …")
    r"因为|由于|为了|目的|旨在|针对|以便|需要|需求|问题|难|重要|不是.{1,20}而是",
    r"\b(because|due to|so that|therefore|in order to|aims?|purpose|goal|mission|needs?|needed|problems?|difficult\w*)\b"
    r"|\bnot (a |an )?[a-z ]{1,30}\bbut (a|an)\b"
    r"|\b(important|key|main)\b"
    r"|\bto (encourage|serve|help|solve|learn|match|meet|address|support|draw)\b",
)


# Names as the documents give them: quoted (“泉城科技行”), in brackets ((澳中科技交流会)) or listed (澳中科技交流会、…);
# not a quoted word inside a longer name (宁波市“千人计划”人才资本推介洽谈会 names no firm) nor a sum in brackets.
_NAMED = re.compile(r"[“\"《][^”\"》]{2,40}[”\"》](?!\w)|\((?!\d)[^)]{2,40}\)|、")


def fits_wanted(wants: str, sentence: str) -> bool:
    """Whether a normalised sentence can hold the kind of answer wanted."""
    if wants == "name":
        return bool(_NAMED.search(sentence))
    if wants == "participants":
        return bool(_TOOK_PART.search(sentence))
    if wants == "ranking":
        return bool(
            re.search(r"\b(most|largest|biggest|highest|fewest|least|smallest|lowest|top)\b|最", sentence)
        )
    if wants == "list":
        if detect_language(sentence) == "zh":
            return len(re.findall(r"[、，;；]|和|及|等", sentence)) >= 2
        return len(re.findall(r"[,、;；]| and |和|及", sentence)) >= 3
    if wants == "count":
        # A year is no count: "2012年的赤子计划更注重实效" holds no number of activities.
        return bool(_NUMBER_WORD.search(_YEAR_OF.sub(" ", sentence)))
    if wants == "function":
        return bool(_DOES.search(sentence))
    if wants == "manner":
        # (not "申报的527个项目": what was submitted, not how anything was done)
        return bool(_HOW_DONE.search(re.sub(r"申报的?(?=\d)", " ", sentence)))
    if wants == "reason":
        return bool(_BECAUSE.search(sentence))
    if wants == "difference":
        return bool(_COMPARES.search(sentence))
    if wants == "share":
        return bool(_SHARE.search(sentence))
    if wants == "field":
        return bool(_FIELDISH.search(sentence))
    if wants == "expense":
        return bool(_SPENT.search(sentence))
    if wants == "money":
        return bool(_MONEY.search(sentence))
    if wants == "year":
        return bool(YEARISH.search(sentence))
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
