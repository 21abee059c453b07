"""How a question speaks of events: the attribute it asks (date, place, deadline, seats, format …),
the cues of a listing ("any events in June?", "which fits me?"), fields of work, and the catalogue
events it names through their aliases."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from retrieval.dates import ZH_NUMBERS
from retrieval.text import any_of, word_rx

# --- fields of work ----------------------------------------------------------------------------------
FIELD_WORDS: dict[str, str] = {
    # (生技, 生科, 资工, 资讯: the words Taiwan and Hong Kong use for biotech, life sciences, CS and IT)
    "biomedicine": r"生物医药|生物医学|生物|医药|制药|生技|生科|biomed\w*|biolog\w*|biotech\w*|pharma\w*|life science",
    "medicine": r"医学|医生|临床|医疗|心内科|儿科|medicine|medical|clinical|doctors?|physicians?|cardiolog\w*|surgeons?"
    r"|oncolog\w*|neurolog\w*|paediatric\w*|pediatric\w*",
    "public_health": r"公共卫生|public health|epidemiolog\w*",
    "it": r"电子信息|信息技术|计算机|软件|电子|互联网|资工|资讯(?!网)|software|computer|electronics?|(?<!cloud )computing",
    "artificial_intelligence": r"人工智能|机器学习|深度学习|\bai\b|machine learning|deep learning|artificial intelligence",
    "advanced_manufacturing": r"先进制造|制造|机器人|manufactur\w*|robot\w*",
    "energy": r"新能源|能源|节能|电池|光伏|energy|batter(?:y|ies)|solar",
    "finance": r"金融|投资|finance|financial|fintech|banking",
    "cloud_computing": r"云计算|cloud",
    "big_data": r"大数据|数据科学|big data|data science",
    "new_materials": r"新材料|材料|化学|materials?|chemistry|chemists?|chemical",
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
    if "engineering" in found and len(found) > 1 and not re.search(r"engineering|工程(?!师)", text):
        found.remove("engineering")  # "a cloud computing engineer", 软件工程师: the job, not the field
    return found


def names_a_field(text: str, fields: Iterable[str]) -> bool:
    """Whether a normalised text names one of `fields` ("云计算" for cloud_computing)."""
    return any(_FIELD_RX[f].search(text) for f in fields)


# Where the asker is ("I'm in Shanghai", "我在香港"), not where they would go ("any events in Shanghai").
LOCATED = any_of(
    r"我(现在|目前)?(人)?(在|住在)",
    r"\bi'?m (based |living |currently |now )?in\b|\bi am (based |living |currently |now )?in\b|\bi live in\b",
)


# "remote" is a way of taking part, not "remote mountain areas" (where the Yunnan team went).
_REMOTE = (
    r"\bremote(ly)?\b(?! (mountain|mountainous|rural|areas?|regions?|villages?|places?|parts?|count(y|ies)))"
    # "I'm stuck in Boston all year, anything I can do from here?": taking part from where one is, abroad
    r"|\b(do|join|attend|take part|participate)\b.{0,40}\bfrom (here|where i am|abroad|overseas)\b"
)
_REMOTE_ZH = r"(人)?不在国内"  # "宁交会人不在国内能参加吗"

# The attribute of an event a question asks for.
# "明年还办吗", "以后还办吗": whether (and when) it is held again; read by the "when" slot, as a follow-up and as
# a question of the next edition.
HELD_AGAIN_ZH = r"(?:(?:明年|今年|以后)还(?:办|举办|搞)(?:吗|么|不|没)?|还(?:办|举办|搞)(?:吗|么|不|没))"
# "what's the link", "send me the url": the join link of the event in view.
BARE_LINK_EN = r"^(?:and )?(?:what'?s|what is|where'?s|where is|send me|give me) (?:the|a) (?:link|url|zoom link|joining link)\W*$"

SLOTS: list[tuple[str, re.Pattern[str]]] = [
    (
        "register",
        any_of(
            # "怎么报南京宁交会": how to register for the event named, answered with its own registration
            r"(我(要|想)|帮我|给我)报(名)?(?![销道告警价])|报名参加.{0,20}(活动|会|周|行)$|(怎么|如何|怎样|在哪里?)(才能)?报(名)?(?![销道告警价])",
            r"sign me up|register me|i (want|would like|'d like) (to )?(register|sign up|join)"
            r"|\bhow (do|can|could|should) (i|we) (register|sign up|enrol|enroll)\b|\bhow to (register|sign up|enrol|enroll)\b"
            r"|\bput (my|me|our) names? down\b|^(can|may|could) i (register|sign up|enrol|apply) (for|to)\b"
            r"|\bput (me|us) down for\b|\bcount (me|us) in\b|\bbook (me|us) (in|on|a (seat|place))\b|\benroll? me\b",
        ),
    ),
    (
        "seats",
        any_of(
            r"名额|剩余|还剩|余位|空位|满了吗|满员了吗|满了没|满员没|满没满|还有位|多少人(能|可以)(参加|报名|去)|(能|可以)(去|参加|报名)多少人|(容纳|接待|限|收|招)(多少|几)(个)?人|人数(上限|限制)|规模(更|有)?(多)?大|(能|可以)来多少人|哪个(更)?大"
            r"|哪个(的)?(人|人数)(更|比较)?(多|少)"  # "南京和宁波哪个人多"
            r"|(已经)?(有)?(多少|几)(个)?人(已经)?(报名|报了)"
            r"|(的)?(人数|规模)(是)?(多少|多大|有多大)?\W*$",  # "重庆行人数": how many it takes
            r"\bseats?\b|\bspots?\b|places? left|how many places|\bplaces\b|availability|capacity"
            r"|\b(is there|any|still) (still |any )?room (on|at|for|in) (the|it)\b"
            r"|\bsize\b|\bhow big is\b"  # "yunnan team size": what is left once the event is named
            # "is the Chongqing tour full?", "which is bigger, the Suzhou week or the Shandong fair?"
            r"|\b(is|are)\b.{0,40}\bfull(\W*$|\W+(yet|already|now|up|booked)\b)|\b(bigger|larger|smaller)\b|\bhow many (people|scholars|participants) can\b"
            # "how many people does the Shaoxing tour take"
            r"|\bhow many (people|scholars|participants)\b.{0,40}\b(take|takes|accept|accepts|admit|admits|hold|holds)\b"
            # "how many people have signed up for the Suzhou week so far": its places taken and left
            r"|\bhow many (people |scholars |participants )?(have |has )?(already )?(signed up|registered|enrolled)\b"
            # "nx fair how many ppl": what is left once the event is named asks how many it takes
            r"|^\W*how many (people|persons|participants|attendees|scholars)\W*$",
        ),
    ),
    (
        "deadline",
        any_of(
            r"截止|报名.{0,4}(到什么时候|到哪天|时间|日期)|还(能|可以|能不能)报|来得及报|报名还来得及|报名结束了"
            r"|(现在|目前)(能|可以)报名|开始报名了(吗|没)|报名开始了(吗|没)|开放报名",
            r"deadline|registrations?\b.{0,40}\bclos(e|es|ing)\b|close registration|closes|\bclose (in|on|by|before)\b|last day to|sign up by"
            r"|register by|\bclosing date\b"
            r"|registrations? (are |is )?(still )?open|registration\b.{0,40}\bopen (yet|now|already)\b|still (register|sign up|apply|join|get in)"
            # "how many days left to sign up", "when do sign-ups close"
            r"|\b(days?|time)( do i have| have i got| are there| is there)? left to (sign up|register|apply|enrol|join)\b|\bsign-?ups? (close|end)"
            r"|too late to|is it closed|\bwhen does .{1,40}\bclose\b"  # "when does the Nanjing one close"
            r"|open (to|for) (register|registration|sign ?ups?|applications)",
        ),
    ),
    # "津门行几号结束", "when does the Ningbo week end": the event's last day and hour (not the registration's).
    (
        "ends",
        any_of(
            r"^(?!.*报名).*((几号|哪天|哪一天|什么时候|何时|几点|几月几号)(结束|闭幕|散会)|结束(时间|日期|是哪天|是几号|在哪天))",
            r"^(?!.*\b(registration|sign-?ups?|applications?|deadline)\b).*"
            r"(\bwhen (does|do|will) .{1,40}\b(end|finish|wrap up)\b|\bend (date|time)\b|\blast day of\b"
            r"|\b(what|which) (day|date|time) does .{1,40}\b(end|finish)\b)",
        ),
    ),
    # "重庆行比津门行晚多少天", "how many days between the Tianjin and Chongqing tours": two starts apart.
    (
        "gap",
        any_of(
            r"(比|离|距|和|跟|与).{1,20}(晚|早|差|隔|相差|相隔)(了)?(多少|几)(天|周|个星期|个月)|(相差|相隔|间隔)(多少|几)(天|周|个星期)",
            r"\bhow (many days|many weeks|long) (are there )?(between|apart)\b|\b(days|weeks) (between|apart)\b"
            r"|\bhow (many days|many weeks|long) (after|before)\b.{1,40}\b(is|does|comes?|starts?)\b|\bhow far apart\b",
        ),
    ),
    # "what's the link to join the Hangzhou meetup", "线上参会链接": given to those registered.
    (
        "link",
        any_of(
            r"(参会|会议|入会|线上|直播)链接|(参加|参会|加入|进入)的?链接|链接(是|在|发)|会议号|入会(方式|密码)|zoom(号|链接)",
            # (not "Hangzhou's link with Silicon Valley": a tie, not a URL)
            r"\b(join(ing)?|zoom|meeting|online|webinar|video|stream(ing)?|access) (link|url)\b|\b(link|url) (to|for) (join|attend|access|get in)"
            r"|\b(link|url) (to|for) (the )?(online |zoom )?(meeting|call|session|stream|webinar)\b|\bmeeting (id|code|password)\b"
            # "link for the Nanjing fair's online part": the URL of the online side, not whether there is one
            r"|\b(link|url)s? (to|for)\b.{1,40}\bonline\b"
            rf"|{BARE_LINK_EN}",
        ),
    ),
    # "杭州那个线上交流会几点开始" asks the time; 线上 is how the asker names the event.
    # "is the hangzhou meetup in the evening?", "是晚上吗": the start time settles it.
    (
        "time",
        any_of(
            r"几点|北京时间|什么时间开始|时区|(是|在)(晚上|上午|下午|早上)"
            r"|(哪里|哪儿|哪个地方|什么地方|哪国|哪个国家)的时间|时间是(哪里|哪儿)的",  # "6点是哪里的时间": its zone
            r"what time|start time|which time|time zone|\bin the (evening|morning|afternoon)\b"
            r"|\b(what|which) hour\b|\bwhat o'?clock\b"  # "what hour does the hangzhou online session begin"
            r"|\btime( please)?\W*$|\btime (in|for|where) \w+",  # "hz meetup time in beijing pls", "hz meetup time pls"
        ),
    ),
    (
        "format",
        any_of(
            r"线上|线下|在线|网上|远程|现场参加|举办形式|参加形式|在家(参加|参与)|(要|需要|得|必须|一定要)(亲自)?(去|到)(现场|场)|到场吗|直播|"
            + _REMOTE_ZH,
            rf"\bonline\b|in person|in-person|{_REMOTE}|virtual(ly)?|\bhybrid\b|\bzoom\b|\bformat\b|\bfrom home\b"
            r"|\b(live ?)?stream(ed|ing)?\b",  # "will the tianjin tour be streamed", 有直播吗: whether one can follow online
        ),
    ),
    (
        "contact",
        any_of(
            r"联系方式|联系谁|联系人|邮箱|电话|怎么联系|(的事|有问题)?(找谁|问谁)|跟谁联系",
            r"\bcontact\b|\be-?mail\b|reach\s+(the\s+)?([a-z]+\s+){0,2}organi[sz]ers?|who do i (contact|ask)"
            r"|\breach (the )?(people|team|folks|staff|host)\b|\bget (in touch|hold of)\b"
            r"|\breach whoever\b|\bwhoever (runs|organi[sz]es|is running|is organi[sz]ing)\b"
            r"|\bwho (do|should|can|could) (i|we) (talk|speak|write|reach out|turn) to\b|\bwho to (contact|ask|talk to)\b",
        ),
    ),
    # "what's the guiyang exchange about", "介绍一下苏州精英周": what the event is, with its essentials.
    (
        "about",
        any_of(
            r"介绍一下|介绍下|是什么活动|是个什么活动|主要(内容|做什么|干什么)|是关于什么|活动是(干|做)(什么|啥)的|活动(干|做)啥的"
            # "贵阳交流会是跟谁交流", "谁主办的": with whom and by whom, which its description says
            r"|(跟|和|与)谁(交流|对接|合作|洽谈)|(谁|哪个单位|哪家单位)(主办|举办|承办|组织)的?|主办(方|单位)是(谁|哪)"
            r"|(包括|包含|安排了?|有没有).{0,8}(参观|参访|走访|展览|展会|对接|洽谈)",
            r"\btell me (more )?about\b|\bwhat'?s .{1,40} about\??$|\bwhat is .{1,40} about\??$|\bdescribe\b"
            r"|more (info|information|details) (on|about)"
            # "who hosts the Hangzhou meetup", "what's the Yunnan team's trip for, exactly"
            r"|\bwho (hosts|organi[sz]es|runs|holds|puts on|is (hosting|organi[sz]ing|running))\b"
            r"|\bwhat('?s| is)\b.{1,40}\bfor(,? exactly)?\W*$"
            # "does the Suzhou week include park visits": what it holds, which its description says
            r"|\b(does|will) .{1,40}\b(include|involve|feature|offer)\b",
        ),
    ),
    # "how long until the Tianjin tour", "离津门行还有多久": when it starts, not how long it lasts.
    (
        "when",
        any_of(
            r"^(离|距离|距).{1,20}还有(多久|几天|多长时间|多少天)|还有(多久|几天|多少天)(开始|开幕|举行)",
            r"\bhow (long|many days|many weeks|soon) (until|till|before)\b|\bdays (until|till|to go)\b"
            r"|\bhow far (away|off)\b",  # "how far away is the Guangdong tour": in time
        ),
    ),
    (
        "duration",
        any_of(
            r"多久|几天|多少天|多长时间|(哪个|哪一个).{0,4}(时间|会期)?(更|比较)?(长|短)",
            r"how long|how many days|how much time|\b(longer|shorter)\b",
        ),
    ),
    (
        "fields",
        any_of(
            r"(哪些|什么)(领域|方向|专业)|(^\s*|行|会|周|团|活动)的?(领域|方向)\W*$",  # "绍兴行领域"
            r"which fields|what fields|which sectors|what sectors|fields? is .{0,40} about|what is .{0,30} about"
            # "who is the Dali trip meant for": whom an event is for is said by its fields
            r"|\bwho is .{0,40}\b(meant|intended|aimed|designed) (for|at)\b|\bwho is (it|that|this) for\b"
            # "is the Guiyang one good for environmental science people": whom it is for, by its fields
            r"|\b(good|suitable|relevant|right|useful) for [a-z ]{0,30}\b(people|researchers|scholars|folks|scientists|engineers)\b",
        ),
    ),
    (
        "place",
        any_of(
            r"在哪(?!些|天|一天|年|个月)|去哪(?![些个天一年])|哪里|哪儿|哪个城市|什么地方|地点|地址",  # "云南医疗专家团去哪"
            r"\bwhere\b|(which|what) city|location|venue|\baddress\b",
        ),
    ),
    (
        "when",
        any_of(
            # (not 一开始 / 刚开始, "at first": "津门行一开始先干了什么" asks what it did first)
            r"什么时候|何时|哪天|几号|几月|日期|时间|(?<![一刚])开始|出发|(哪个|哪一个)(更|比较)?(早|先|晚)|(之前|前面)还是(之后|后面)"
            rf"|{HELD_AGAIN_ZH}",  # "明年还办吗": when the next one is
            r"\bwhen\b|what date|which date|\bdates?\b|\bstarts?\b|\bbegins?\b|next year"
            # "which one is earlier, Shaoxing or Dali?"
            r"|\bwhich\b.{0,40}\b(earlier|sooner|later)\b|\b(earlier|sooner|later) than\b"
            r"|\bwhich\b.{0,30}\b(comes?|happens?|is|starts?) first\b|\bbefore or after\b",
        ),
    ),
]

# "are these event dates official?", "这些活动日期是真的吗": whether the catalogue is the organisers' word.
CATALOGUE_STATUS = any_of(
    r"(这些|活动的?)(活动|日期|时间|信息|名额)?(是)?(真的|官方的?|正式的?|确定的?|准确的?|真实的?)(吗|么)",
    r"\b(are|is) (these|the|those|this|your) (listed |upcoming )?(event )?(dates|events|listings|schedule|catalogue|calendar|times)"
    r" (\w+ )?(official|real|confirmed|final|accurate|genuine|legit)\b",
)
EVENT_NOUN = any_of(
    # "能参加哪些": what one can attend is events
    r"活动|交流会|洽谈会|会议|展会|(参加|报名|报|去)(哪些|哪个|什么)(?!国家|地方|地区|领域|人)"
    r"|(能|可以)(报名|报|参加|去)的(有|是|吗|么|呢)"  # "现在还能报名的有哪些", "有我能参加的吗": events
    r"|有(没有)?(对口|合适|适合(我)?)的(活动)?(吗|么|没有|不)?\W*$"  # "我做纺织的，有对口的吗"
    r"|有(没有)?我(这个|这种|的)?(方向|领域|专业|行业)的(活动)?(吗|么|没有)?"  # "明年有我这个方向的吗"
    r"|想(去|回|到).{1,8}(看看|走走|转转)",  # "想去西部看看": the events held there
    r"\bevents?\b|\bmeet-?ups?\b|\bactivities\b|what'?s on|whats on|what is on\b|\bhappening\b|\banything\b|\bsomething\b"
    # "which fair is in Jinan", "is there a tour in Guangzhou": the calendar's, where no fact is asked of it
    r"|\b(which|what) (fair|tour|week|exchange|forum|expo|conference)s? (is|are) (in|held in|at)\b"
    r"|\b(is|are) there (a|an|any) (fair|tour|week|exchange|forum|expo|conference)s?\b",
)
LIST_CUE = any_of(
    r"有什么|有哪些|有没有|哪些|什么活动|有.{0,12}吗|最近|接下来|即将|近期|下个月|明年|下半年|上半年|快截止|适合|推荐|可以报名"
    r"|(哪里|哪儿|什么地方|哪些地方|哪个地方)(还)?有"  # "还有哪里有能源方面的活动": where the events are
    r"|按(开始)?(时间|日期)(顺序)?(来)?排|排(个|一下)?序|列(一下|出来|个表)|时间表|日程",  # "活动按开始时间来排一下"
    r"\bin (chronological|date) order\b|\b(sorted|ordered|sort(ed)?) by (date|time|start)\b|\bcalendar\b|\bschedule of\b|"
    r"\bany\b|upcoming|\bnext\b|\blist\b|what'?s on|whats on|what is on\b|\bhappening\b|which events?|is there|are there|\bsoon(est)?\b|\bfits?\b|\bsuits?\b|recommend|for me|can i (attend|join)|\bi (can|could) (attend|join|go to|take part)\b",
)
# Questions about activities in general (their forms, brands, how they are chosen), not the calendar.
FACET = any_of(
    r"形式|内容|种类|类型|品牌|原则|标准|入选|评选|挑选|多少|几个|几项|来自|参加活动的|参加的(?!活动)|^(这些)?活动(里|中|会)?(有|包括|包含)",
    r"\bkinds?\b|\btypes?\b|\bforms?\b|\bbrands?\b|criteria|selected|picked|how many|\bwere\b|\bwas\b|\bdid\b"
    # "what do events under the plan usually involve": the plan's activities in general
    r"|\b(usually|typically|generally|normally|in general)\b(?=.*\b(plan|chizi|programme)\b)"
    r"|\b(plan|chizi|programme)\b.*\b(usually|typically|generally|normally|in general)\b",
)
CLOSING = any_of(
    r"快截止|即将截止|截止最早|最先截止",
    r"close registration soon|closing soon|close soonest|closes? soonest|deadline soon"
    r"|\bclos(es|ing)( registration)? first\b|\bfirst to close\b|\b(earliest|nearest|next) deadline\b"
    r"|\b(clos(es|ing)|due) next\b|\bnext (one )?to close\b",  # "whats closing next"
)
# "which event closes registration last", "哪个活动截止最晚": the event whose registration stays open longest.
CLOSES_LAST = any_of(
    r"截止(时间|日期)?最(晚|迟)|最(晚|迟|后)截止",
    r"\bclos(es|ing)( registration)? last\b|\blast to close\b|\b(latest|last) deadline\b",
)
# "what's the next event after the Shandong fair", "海洽会之后是什么活动": the event just after (or before)
# the one named, in the calendar's order.
NEIGHBOUR = any_of(
    r"(?<!结束)(?<!开始)(?<!报名)(?<!截止)(?:(之|以)(?P<zh>后|前)(面)?|(?P<zh3>后|前)面)"
    r"的?(下一个|下一场|上一个|上一场|第一个|一个)?(活动)?(是)?(什么|哪个|哪一个)"
    r"|(?P<zh2>下|上)一个(活动)?(是)?(什么|哪个)",
    r"\b(next|following) (event|one)\b.{0,20}\b(?P<en>after)\b"
    r"|\bwhat(?:'s| is)? (comes |is |happens )?(right |just |directly |immediately )?(?P<en2>after|before)\b"
    r"|\b(event|one) ((comes|is|happens) )?(right |just )?(?P<en3>before|after)\b",
)
SHOULD_ATTEND = any_of(
    r"(该|应该|可以)参加(哪个|哪些|什么)|去哪个活动|(该|应该)去哪(个|些|一个)|有(没有)?(合适|适合)(我)?的"
    r"|哪个(活动)?(适合|合适)我|我适合(参加)?哪(个|些)"
    # "有她能参加的吗" (for one's spouse), "想回国看看机会": which events, for that person
    r"|有(没有)?(我|她|他|我们|他们)(能|可以)参加的|(回国)?(看看|找找|找|寻找)(回国|发展)?(的)?机会",
    r"\bwhat (should|could|can) i (attend|join|go to)\b|\bwhich (ones? )?(should|could) i (attend|join|go to)\b"
    # "which fits me?", "哪个适合我": a recommendation even where no event noun is said
    r"|\b(which|what)( one| event)? (fits|suits|is (right|best|good) for) me\b"
    r"|\bwhich (events? |ones? )?(should|could) (a|an|someone|somebody) [a-z -]{2,40}\b(attend|join|go to)\b",
)
FIT = any_of(
    r"适合|合适|推荐|我是|我在|我做|我(研究|学|搞|从事)|本人|我(老婆|老公|爱人|太太|先生|妻子|丈夫)",
    r"\bfits? me\b|\bsuits? me\b|for me\b|recommend|i'?m a|i am a|i work|working on|i'?m (in|based in)|i live in"
    r"|\bi (do|study|research|teach)\b",
)
# "when's the last event of 2027": the latest-starting one ("the latest events" are the newest: not this).
LAST_EVENT = any_of(
    r"最后(一个|一场)|最晚(的|一个|一场)|(哪个|哪一个|什么)活动最(后|晚)|^(哪个|哪一个|哪场)最(后|晚)\W*$"
    r"|(压轴|收官)的?(活动|一场|是)",  # "2027年压轴的活动是哪个": the year's last
    r"\b(the )?(last|final) (upcoming )?(event|one)\b",
)
# "what's the second event of the year", "第三个活动是哪个": the nth to start.
NTH_EVENT = any_of(
    r"第([二三四五六2-6])(个|场)(活动)?(是)?(哪个|哪一个|是什么|呢|$)|第([二三四五六2-6])(早|近)",
    r"\b(the )?(second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th) (upcoming |earliest |next )?(event|one)\b",
)
_ORDINALS = {"二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
             "sixth": 6, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6}  # fmt: skip


def nth_of(text: str) -> int:
    """Which event by its start a question asks for (2 for "the second event"); 0 for none."""
    m = NTH_EVENT.search(text)
    if not m:
        return 0
    word = next(g for g in m.groups() if g and (g in _ORDINALS or g.isdigit()))
    return int(word) if word.isdigit() else _ORDINALS[word]


# "哪个活动最早", "what's the earliest event": the soonest-starting one.
FIRST_EVENT = any_of(
    r"(哪个|哪一个|什么)活动最(早|先)|最(早|先)(的|一个|一场)活动"
    r"|最(近|早)(能|可以)(参加|报名|报|去)的(活动)?(是)?(哪个|哪一个|哪场)"  # "我最近能参加的是哪个活动"
    r"|^(其中|这些|这几个|它们|里面)?(里)?(哪个|哪一个|哪场)最(早|先)",  # after a list: "(其中)哪个最早"
    r"\b(the )?(earliest|soonest) (upcoming )?(event|one)\b|\b(which|what) (event|one) (comes?|is|happens?|starts?) first\b"
    r"|\bwhich( one)? of (those|these|them) (is|comes?|happens?|starts?) (the )?(earliest|first|soonest)\b",
)


# "哪个活动名额最多", "which event has the fewest seats": the events ranked by places left.
_SEATS_RANK = any_of(
    r"(哪个|哪一个|哪场|什么)活动.{0,4}(名额|人数|规模|位子|人|上限)最(?P<zh>多|大|少|小)|(名额|规模|人数)最(?P<zh2>多|大|少|小)的(是)?(哪个|哪一个|哪场)?活动"
    r"|最(?P<zh3>大|小)的活动|^(其中|这些|这几个|它们|里面)(里)?(哪个|哪一个|哪场).{0,4}(名额|人数|规模|位子)最(?P<zh4>多|大|少|小)"
    r"|^(那|那么)?(名额|规模)?最(?P<zh5>大|小|多|少)的(呢|是哪个)",  # "那最小的呢" after "哪个活动名额最多"
    r"\b(which|what) (event|one)\b.{0,30}\b(?P<en>most|largest|biggest|fewest|least|smallest)\b"
    r"|\b(?P<en2>biggest|largest|smallest) events?\b|\bthe (?P<en4>biggest|largest|smallest) ones?\b"
    r"|\bwhich( one)? of (those|these|them)\b.{0,30}\b(?P<en3>most|largest|biggest|fewest|least|smallest)\b",
)
# "哪个活动时间最长", "which event lasts the longest": the one from its first day to its last the longest.
LONGEST = any_of(
    r"(哪个|哪一个|什么)活动.{0,4}(时间|天数|会期)?最长|最长的活动",
    r"\b(which|what) (event|one)\b.{0,30}\b(lasts?|runs?|goes on) (the )?longest\b|\blongest (event|one)\b",
)
_FEWEST = frozenset(["少", "小", "fewest", "least", "smallest"])


def neighbour_of(text: str) -> str | None:
    """ "after" or "before" when a normalised question asks for the event next to one it names."""
    m = NEIGHBOUR.search(text)
    if m is None:
        return None
    word = next(w for w in m.groupdict().values() if w)
    return "before" if word in ("前", "上", "before") else "after"


def seats_rank_of(text: str) -> str | None:
    """ "most" or "fewest" when a normalised question asks for the event with the most or fewest places."""
    m = _SEATS_RANK.search(text)
    if m is None:
        return None
    word = next(w for w in m.groupdict().values() if w)
    return "fewest" if word in _FEWEST else "most"


# "events with more than 300 places", "名额少于100的活动": a bound on the places an event has.
_SEATS_BOUND = any_of(
    r"(?P<zh_op>超过|多于|大于|不少于|至少|少于|不到|小于|不超过|最多)\s*(?P<zh_n>\d+)\s*(个|位|名|人)?(名额|人|位|席)?"
    r"(?=.*活动|的|$)|(名额|人数|规模)(?P<zh_op2>超过|多于|大于|不少于|至少|少于|不到|小于|不超过)\s*(?P<zh_n2>\d+)",
    r"\b(?P<en_op>more than|over|above|at least|greater than|fewer than|less than|under|below|at most|up to)\s+"
    r"(?P<en_n>\d+)\s+(places|seats|spots|participants|people|attendees)\b",
)
_FLOOR_WORDS = frozenset(
    ["超过", "多于", "大于", "不少于", "至少", "more than", "over", "above", "at least", "greater than"]
)
_INCLUSIVE_WORDS = frozenset(["不少于", "至少", "不超过", "最多", "at least", "at most", "up to"])


def seats_bound_of(text: str) -> tuple[int, int] | None:
    """(fewest, most) places an event may have when a normalised question bounds them, else None."""
    m = _SEATS_BOUND.search(text)
    if m is None:
        return None
    found = m.groupdict()
    op = found["zh_op"] or found["zh_op2"] or found["en_op"]
    n = int(found["zh_n"] or found["zh_n2"] or found["en_n"])
    inclusive = op in _INCLUSIVE_WORDS
    if op in _FLOOR_WORDS:  # "more than 300": a floor; "fewer than 100": a ceiling
        return (n if inclusive else n + 1, 1_000_000)
    return (0, n if inclusive else n - 1)


# "events lasting four days or more", "办四天以上的活动": a bound on how many days an event runs.
_DAY_COUNT = r"\d+|[一二两三四五六七八九十]|one|two|three|four|five|six|seven"
_DAYS_BOUND = any_of(
    # (not "7天以内截止报名": registration closing within days, not an event's length)
    rf"(?P<zh_n>{_DAY_COUNT})\s*天(?P<zh_op>以上|或以上|及以上|或更长|以下|以内|或以下)(?!.{{0,4}}(截止|结束|关闭|到期))"
    rf"|(?P<zh_op2>超过|多于|至少|不少于|不到|少于|不超过)\s*(?P<zh_n2>{_DAY_COUNT})\s*天",
    rf"\b(?P<en_n>{_DAY_COUNT}) (?:full )?days? or (?P<en_op>more|longer|less|fewer|shorter)\b"
    rf"|\b(?P<en_op2>more than|longer than|over|at least|fewer than|less than|shorter than|under|at most)"
    rf" (?P<en_n2>{_DAY_COUNT}) days?\b",
)
_DAYS_FLOOR = frozenset(["以上", "或以上", "及以上", "或更长", "超过", "多于", "至少", "不少于", "more", "longer",
                         "more than", "longer than", "over", "at least"])  # fmt: skip
_DAYS_INCLUSIVE = frozenset(["以上", "或以上", "及以上", "或更长", "以下", "以内", "或以下", "至少", "不少于",
                             "不超过", "more", "longer", "less", "fewer", "shorter", "at least", "at most"])  # fmt: skip


def days_bound_of(text: str) -> tuple[int, int] | None:
    """(fewest, most) days an event may run when a normalised question bounds them, else None."""
    m = _DAYS_BOUND.search(text)
    if m is None:
        return None
    found = m.groupdict()
    op = found["zh_op"] or found["zh_op2"] or found["en_op"] or found["en_op2"]
    word = found["zh_n"] or found["zh_n2"] or found["en_n"] or found["en_n2"]
    n = int(word) if word.isdigit() else _SPAN_NUMBERS[word]
    inclusive = op in _DAYS_INCLUSIVE
    if op in _DAYS_FLOOR:
        return (n if inclusive else n + 1, 10_000)
    return (0, n if inclusive else n - 1)


# "what closes within the next 3 months", "未来三个月内截止报名的有哪些": deadlines no later than that span.
_WITHIN = re.compile(
    r"(?P<zh_n>\d+|[一二两三四五六七八九十半])\s*(?:个)?(?P<zh_unit>天|周|星期|礼拜|月)(?:内|以内|之内)"
    r".{0,6}(?:截止|结束报名|报名截止|关闭)"
    r"|\b(?:clos\w*|deadlines?|due|ends?)\b.{0,20}\b(?:within|in) (?:the )?(?:next )?"
    r"(?P<en_n>\d+|a|one|two|three|four|five|six|nine|twelve) (?P<en_unit>days?|weeks?|months?)\b"
)
_SPAN_NUMBERS = {**ZH_NUMBERS, "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "nine": 9, "twelve": 12}  # fmt: skip
# (a month counted as 31 days: "within 3 months" of 1 December reaches early March, past the 1 March deadline)
_SPAN_DAYS = {"天": 1, "周": 7, "星期": 7, "礼拜": 7, "月": 31, "day": 1, "week": 7, "month": 31}


def closes_within_days(text: str) -> int:
    """How many days from today a normalised question lets registration close in, or 0 for no bound."""
    m = _WITHIN.search(text)
    if m is None:
        return 0
    found = m.groupdict()
    n_word, unit = found["zh_n"] or found["en_n"], (found["zh_unit"] or found["en_unit"]).rstrip("s")
    if n_word == "半":
        return 15 if unit == "月" else 0  # 半个月; half a day or week is no span anyone asks
    n = int(n_word) if n_word.isdigit() else _SPAN_NUMBERS[n_word]
    return n * _SPAN_DAYS[unit]


# "which one is earlier, Shaoxing or Dali?", "南京和宁波哪个人多": which end of a comparison is asked for.
LESSER = any_of(r"少|小|短|早|先", r"\b(fewer|less|smaller|shorter|earlier|sooner|first)\b")
# "which event is near Harbin", "拉萨附近有活动吗": events near a place are what is asked, not a stand-in.
NEAR = any_of(r"附近|周边|周围|离我近|近的|最近的(城市|地方)", r"\bnear(by|est)?\b|\bclose to\b|\baround\b")


HYBRID = any_of(r"线上线下结合|线上线下都|混合", r"\bhybrid\b")
# "不回国的话能参加哪些", "without flying to China": events one joins from abroad.
ONLINE = any_of(
    r"线上|在线|网上|远程|在家|(不|不用|不必|无需|不需要)(回国|来中国|去中国|到中国|出国|跑一趟)|"
    + _REMOTE_ZH,
    rf"\bonline\b|{_REMOTE}|virtual(ly)?|\bzoom\b|\bfrom home\b"
    r"|\bwithout (flying|travel+ing|coming|going|getting on a plane)\b|\b(no|don'?t|do not) (need to )?(travel|fly)\b",
)


# Slots only an event has: asked with a place ("seats left for chongqing?"), they mean its event.
# Asked with only a place ("ningxia contact"), these are about the event held there: the plan documents
# hold no seats, deadlines or organisers' contacts.
# "下一届什么时候", "明年还办吗", "is it on again next year", "when's the next one": the coming edition.
NEXT_EDITION = any_of(
    rf"下一?届|{HELD_AGAIN_ZH}",
    r"\bnext (one|edition|time)\b|\bon again\b|\bagain next year\b|\bheld again\b",
)
EVENT_ONLY_SLOTS = frozenset(["seats", "deadline", "register", "time", "ends", "contact", "link", "gap"])


# Names of kinds of event: with a place and an event's slot ("when is the guiyang exchange") they name it.
_EVENT_KIND = any_of(
    r"交流会|洽谈会|博览会|活动|会议|论坛|行$|周$|科技周|人才周|(那|这)(个|场)会|(医疗|专家|服务)(队|团)"
    r"|(那|这)(个|场)(?=.{0,4}(适合|合适|对口))",  # "贵州那个适合我吗": the one held there
    r"\b(exchange|fair|tour|week|forum|meet-?ups?|conference|session|expo|trip|visit)\b"
    r"|\b(the|that|this) [a-z-]+ (thing|one)\b",  # "the Guiyang thing": the event held there
)


def mentions_event(text: str) -> bool:
    """Whether a normalised text speaks of an event (活动, meet-up, fair …) rather than of the plan."""
    return bool(EVENT_NOUN.search(text) or _EVENT_KIND.search(text))


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
