"""Things a question may ask about that the plan documents may not carry (a minister, a budget, a visa,
an event's hotels …): a question about one is answered only by a passage about it, or declined."""

from __future__ import annotations

import re

from retrieval.text import any_of

# Things the plan documents may simply not carry: asked for, they must be found in the index itself.
FOCUS_CONCEPTS: list[tuple[str, re.Pattern[str]]] = [
    ("minister", any_of(r"部长", r"\bminister\b")),
    (
        "budget",
        any_of(
            r"预算|总经费|花了多少钱|一共花了|总投入|花了多少|(花费|开销|成本)(是)?多少|办.{0,6}要多少钱",
            r"\bbudget\b|\bspent\b|total (funding|cost|spending) (of|for) (the )?(chizi|plan|programme|program)|how much (money )?(was|did .{0,30}) (spent|cost)"
            # "what did the Tianjin tour cost to run": what it cost, not what it brought in
            r"|\bwhat did .{0,40}\bcost\b|\bcost (to run|to organi[sz]e|to hold|to host)\b|\b(running|organi[sz]ing) costs?\b",
        ),
    ),
    # Which unit inside the ministry runs the plan: the report names the ministry, never its departments.
    (
        "the ministry's departments",
        any_of(
            r"(人社部|部里|部委)(的)?(哪个|什么)(司|处|局|办公室)|(哪个|什么)司(负责|管|主管)|司局",
            r"\b(which|what) (department|division|office|bureau|unit) (of|in|at|within) (the )?(ministry|mohrss)\b"
            r"|\bwho\b.{0,40}\b(at|in|within) the (ministry|mohrss)\b",
        ),
    ),
    # Money paid to scholars themselves: the report speaks only of support for the activities.
    (
        "payments to individuals",
        any_of(
            r"(给|发给)(个人|学者|我|参加者|参与者)(发)?(钱|工资|报酬|补助|奖金)|个人(能|可以)?(拿|领|获得|得到)(到)?(钱|报酬|资助|奖金)|发钱"
            r"|(学者|专家|人)的?(报酬|酬劳|劳务费)",  # "那150位学者的报酬怎么算"
            r"\b(pay|pays|paid|fund|funds|give money to) (individuals|scholars|participants|people|me|us)\b"
            r"|\bindividual (grants?|funding|payments?)\b|\b(do|will|would) (i|we|scholars|participants) (get|be) paid\b"
            r"|\bhow (were|are|was|is) .{1,40}\b(scholars|experts|participants|people|doctors)\b.{0,30}\bpaid\b",
        ),
    ),
    # Whether the plan runs today: the report is of 2013 and says nothing of later years.
    (
        "whether it still runs",
        any_of(
            r"(现在|目前|如今)?还在(搞|办|运行|实施|进行|开展|继续)(吗|么|嘛|没|不)|(?<![我名])(停|停办|停止|取消|结束|终止|废除|撤销|叫停)了(吗|么|没)|还(存在|有效|继续)(吗|么|嘛)",
            r"\bstill (running|going|active|around|alive|in (place|operation|effect)|a thing|exists?)\b"
            # the plan or an event called off, not the asker's registration ("I cancelled my spot")
            r"|\b(chizi|plan|programme|program|scheme|fair|tour|week|meet-?up|team)\b( (been|got|was|is|has been))?"
            r" (discontinued|scrapped|cancell?ed|shut down|wound up|called off)\b",
        ),
    ),
    ("salary", any_of(r"工资|薪水|薪资|年薪|待遇", r"\bsalar(y|ies)\b|\bwages?\b")),
    ("visa", any_of(r"签证", r"\bvisas?\b")),
    # No source sets an age limit, for the plan or an event ("is there any age limit for the events").
    (
        "an age limit",
        any_of(
            r"年龄(限制|要求|上限|下限)|多大(年纪|岁数)",
            r"\bage (limit|limits|restriction|restrictions|requirement|requirements|cap)\b|\b(maximum|minimum) age\b|\btoo old\b",
        ),
    ),
    # The weather where an event is held: no source speaks of it ("what's the weather like during the X").
    ("weather", any_of(r"天气|气温|下雨|雨季", r"\b(weather|temperatures?|rainy|rainfall)\b")),
    # A total broken down ("how many of the 130 projects were in biomedicine"): the report gives totals only.
    (
        "a breakdown of the total",
        any_of(
            r"(\d+|那些|这些)个?(项目|活动|协议|学者|机构|社团)(里|中|当中|之中)(面)?.{1,10}(的|方面的|领域的)(有|占)?(几|多少)",
            # (not "in western China": a place, whose absence the reply names)
            r"\bhow many of (the|those|these) (\d[\d,]* )?[a-z -]{2,40}\b(were|was|are) (in|about|on|from) "
            r"(?!the end\b|total\b|(the )?(west|east|north|south|central|western|eastern|northern|southern)\b)",
        ),
    ),
    # When regions must apply to the plan: the report says they apply, never by when.
    (
        "the plan's application deadline",
        any_of(
            r"(地方|各地|省|市|部门|部委)申报.{0,8}(截止|期限|最晚)|申报(的)?(截止|期限)",
            r"\b(deadline|closing date|cut-?off)\b.{0,30}\b(regions?|provinces?|cities|ministries|localities) to apply\b"
            r"|\b(regions?|provinces?|cities|ministries) (have to|must|need to) apply by\b",
        ),
    ),
    # No source counts or describes scholars by sex.
    ("women", any_of(r"女性|女学者|女科学家|女博士|女专家|男女", r"\b(women|woman|female|females|gender)\b")),
    # Finding work: the plan brings scholars to serve in activities; no source speaks of jobs.
    (
        "finding a job",
        any_of(
            r"找工作|求职|就业|工作机会|招聘|职位|岗位",  # (招聘会 too)
            r"\b(find|finding|get|getting|land|landing) (a )?jobs?\b|\bjob (hunting|search|offers?|openings?|placement|market)\b"
            r"|\bemployment\b|\bcareer (services|help|support|fairs?)\b|\b(job|recruitment|hiring) fairs?\b",
        ),
    ),
    ("passport", any_of(r"护照", r"\bpassports?\b")),
    (
        "acceptance rate",
        any_of(
            r"通过率|录取率|成功率|入选率|中选率", r"acceptance rate|success rate|pass rate|selection rate"
        ),
    ),
    ("subsidy", any_of(r"补贴|补助|津贴", r"\bsubsid(y|ies)\b|\ballowances?\b|\bstipends?\b")),
    ("university", any_of(r"大学|高校", r"\buniversit(y|ies)\b")),
    (
        "per-activity amount",
        any_of(
            r"每个.{0,8}(多少钱|资助|经费|融资|融了|融到)|资助(金额|标准)",
            r"how much (money )?(does|did) each|per (activity|project)|each (selected )?activity receive"
            r"|\beach of the \d+\b.{0,30}\b(raise|raised|get|got|receive|received)\b",
        ),
    ),
    # "how much did the ministry give the Tianjin tour", "人社部给了津门行多少经费": an amount granted, which the
    # report never states (the Tianjin tour's 20 million yuan is a benefit it created, not a grant).
    (
        "amount granted",
        any_of(
            r"(人社部|部里|国家|政府|中央).{0,4}(给|拨|资助)了?.{0,8}多少(?!人|个|项|家|名|位|次|届|种)|拨款(是)?多少|拨了多少",
            r"\bhow much (money |funding )?(did|does|will) (the )?(ministry|mohrss|government|state) (give|grant|allocate|provide|pay)\b",
        ),
    ),
    ("phone", any_of(r"电话|手机号|联系电话", r"\bphone\b|\btelephone\b|phone number")),
    # "what does X mean" asks what X is: only "the mean (number)" is an average.
    ("average", any_of(r"平均", r"\baverage\b|\bthe mean\b|\bmean (number|value|amount|size|count)\b")),
    ("website", any_of(r"网站|网址|官网", r"\bwebsite\b|\bweb ?site\b|\burl\b|web address|homepage")),
    ("housing", any_of(r"住房|房子|安家费", r"\bhousing\b|relocation package")),
    # Arrangements only an event's organisers can tell (declined, so they reach the organisers' queue).
    (
        "family members",
        any_of(
            r"(带|携)(上)?(家属|配偶|老婆|老公|爱人|孩子|家人)|(家属|配偶|家人|孩子|爱人).{0,6}(能|可以|能不能)(一起|同去|同行|参加|去)",
            r"\b(bring|take|come with) (my|our) (spouse|wife|husband|partner|family|kids?|children)\b"
            r"|\b(my|our) (spouse|wife|husband|partner|family|kids|children) (come|join|attend|go|tag)\b",
        ),
    ),
    (
        "the events' language",
        any_of(
            r"(用|讲|说)(什么|哪种)语言|(英文|英语|中文|普通话)(交流|进行|举办|演讲)|(有|提供)(翻译|同传)",
            r"\bwhat languages?\b.{0,30}\b(events?|talks?|sessions?|tours?|fairs?|held|spoken|used)\b"
            r"|\b(events?|talks?|sessions?) (are |be )?(in|held in|conducted in) (english|chinese|mandarin)\b"
            r"|\binterpret(er|ers|ation)\b",
        ),
    ),
    # When regions and ministries apply with activities: not published (an event's registration is).
    (
        "the application deadline",
        any_of(
            r"申报.{0,8}(截止|期限)|申报.{0,3}(时间|日期)|每年.{0,4}什么时候申报",
            r"\bdeadline (for|to) (apply|applying|applications|submit)|\bapplications? (deadline|due|window)\b",
        ),
    ),
    # What became of something later: the documents are a report of one year, with no follow-up.
    (
        "what happened afterwards",
        any_of(
            r"后来(怎么样|如何|发展|呢)|之后(怎么样|发展得?如何)|后续(发展|情况|进展)|后来(有)?多少",
            r"\bwhat (happened|became) (to|of) .{1,50}\b(later|afterwards|after that|since)\b|\bfollow-?up (results?|outcomes?)\b"
            # "how many of the scholars stayed in China afterwards": a count after the year reported
            r"|\bhow many\b.{1,60}\b(afterwards|later on|after that)\b",
        ),
    ),
    (
        "dress code",
        any_of(
            r"(着|著)装|穿什么|正装|西装",
            r"\bdress code\b|\bwhat (should i|to) wear\b|\bformal (wear|attire|clothes)\b",
        ),
    ),
    # Showing one's own work at an event (a poster, a booth, a pitch): its organisers' to arrange.
    (
        "presenting one's work",
        any_of(
            r"海报|展板|展位|路演|(展示|介绍)(我|自己)的(项目|成果|研究|工作)",
            r"\bposters?\b|\bbooths?\b|\bpitch (my|our)\b|\bpresent (my|our) (work|research|project|start-?up)\b",
        ),
    ),
    # Who else takes part in an event to come: no card lists the firms or people attending.
    (
        "who else attends",
        any_of(
            r"(哪些|什么|哪几家|多少家)(企业|公司|用人单位|单位|机构|投资人|投资机构)(会)?(参加|参展|到场|过来|来)",
            r"\b(which|what) (companies|firms|employers|businesses|investors|organi[sz]ations)\b.{0,30}\b(will|going to|coming|attend\w*|exhibit\w*)\b",
        ),
    ),
    # Meals and sightseeing around an event: the organisers', never the plan documents'.
    (
        "meals",
        any_of(
            r"好吃|美食|小吃|餐厅|饭馆|餐饮|伙食|管饭",
            # "a dress code for the gala dinner" asks about the dress code, not the meal
            r"\b(food|meals?|restaurants?|catering)\b|\b(lunch|dinner|breakfast) (is |be |are )?(provided|included|served|covered)\b"
            r"|\b(provide|serve|include)s? (lunch|dinner|breakfast)\b",
        ),
    ),
    ("sightseeing", any_of(r"景点|好玩|旅游", r"\b(sightseeing|tourist attractions?)\b")),
    # The plan's name is given in full and as 赤子计划 / "Chizi Plan"; no acronym is published.
    ("acronym", any_of(r"缩写|首字母", r"\bacronyms?\b|\babbreviat\w*|\binitials\b")),
    # What fell short ("what did the plan fail to achieve", "有哪些没做到的"): the report tells successes only.
    (
        "shortcomings",
        any_of(
            r"没(有)?做到|没(有)?达到|不足之处|有(哪些|什么)不足|缺点|短板|教训|失败|遗憾",
            r"\bfail(ed|s|ures?)?\b|\bfail to\b|\bshortcomings?\b|\bweakness(es)?\b|\bdownsides?\b"
            r"|\bcriticis(m|ms|ed)\b|\bdid(n'?t| not) (work|achieve|manage|succeed)\b|\bwent wrong\b",
        ),
    ),
    # Why the plan bears its name ("为什么叫赤子计划"): never explained, only given.
    (
        "the origin of the name",
        any_of(
            r"为什么叫|为啥叫|(名字|名称)(的)?(由来|来历)",
            # ("why is the plan called a framework": why it is described so, not where its name comes from)
            r"\bwhy (is|was) (it|the plan|the programme|the program|chizi)( plan)? (called|named)\b(?! (a|an)\b)"
            r"|\borigin of the name\b",
        ),
    ),
    # What a word itself means ("赤子这个词是什么意思"): the documents use their words, never explain them.
    (
        "what a word means",
        any_of(
            r"(这个|这|那个)(词|字)|两个字|字面",
            r"\bthe (word|term) [a-z'-]+( [a-z'-]+)? mean\b|\bliteral(ly)? mean|\bword [a-z'-]+ mean\b",
        ),
    ),
    # Sums are given in yuan only; no rate or conversion is published ("the 340 million yuan in euros").
    (
        "currency conversion",
        any_of(
            r"折合|换算|汇率|(合|是|等于)(多少|几)(美元|欧元|英镑|日元|美金)",
            r"\bin (us )?(dollars|usd|euros?|eur|pounds|gbp|yen|jpy)\b|\bexchange rate\b|\bconvert(ed)? (to|into)\b",
        ),
    ),
    ("invitation letter", any_of(r"邀请函|邀请信", r"\binvitation letters?\b")),
    # An event's arrangements beyond its card: only its organisers can tell (declined, pointing to them).
    # What agreements say, what was discussed, what a station does from day to day, which illnesses were
    # seen: the report names the agreements, the fairs, the stations and the free clinics, never these.
    (
        "the agreements' terms",
        any_of(
            r"(协议|合同)(的)?(具体)?(内容|条款)|(约定|规定)了(些)?(什么|哪些|啥)|条款",
            # (not "in terms of": a way of speaking)
            r"(?<!in )(?<!money )(?<!financial )(?<!monetary )(?<!cash )\b(terms|clauses|provisions)\b(?! of\b)|\bagreements?\b.{0,20}\b(cover|covered|say|said|promise|promised|specify|specified"
            r"|contain|contained|stipulate|stipulated)\b",
        ),
    ),
    (
        "the topics discussed",
        any_of(
            r"(聊|讨论)了(些)?(什么|哪些|啥)|议题|话题",
            r"\bwhat (was|were|is|are|got) (talked about|spoken about|discussed)\b|\bwhat did .{1,40}\b(talk|discuss|speak) about\b"
            r"|\btopics? (discussed|covered|on the table)\b",
        ),
    ),
    (
        "day-to-day work",
        any_of(
            r"日常(工作|运作|运营|做什么|干什么|干啥)|平时(都)?(做|干)(什么|啥)",
            r"\bday[- ]to[- ]day\b|\bdaily (work|operations?|activities|tasks|routine)\b|\bon a daily basis\b",
        ),
    ),
    (
        "illnesses treated",
        any_of(
            r"(什么|哪些|啥|哪种)病|病种|疾病",
            r"\b(diseases?|illness(es)?|ailments?)\b|\bconditions (were |did they )?treat",
        ),
    ),
    (
        "the agenda",
        any_of(
            r"议程|日程|第[一二三四五\d]天.{0,6}(安排|做什么|干什么|干啥|有什么)",
            r"\bagenda\b|\bitinerary\b|\bschedule for day\b"
            r"|\bwhat (happens|is planned|is scheduled|is on|goes on) on (the )?(day (one|two|three|four|[1-4])|(first|second|third|fourth|last) day)\b"
            r"|\b(programme|program|plan) (on|for) (the )?(day (one|two|three|four|[1-4])|(first|second|third|fourth|last) day)\b",
        ),
    ),
    (
        "the speakers",
        any_of(
            r"嘉宾|演讲人|主讲|谁(来)?(发言|讲话|演讲|做报告)",
            r"\bspeakers?\b|\bkeynotes?\b|\bpanell?ists?\b|\bwho('s| is| are| will be)? (speaking|presenting|giving (the )?talks?)\b",
        ),
    ),
    (
        "hotels",
        any_of(
            r"(哪个|什么|哪家)(酒店|宾馆)|住哪|推荐.{0,4}(酒店|宾馆)|住宿|(酒店|宾馆)(优惠|折扣|协议价|预订|预定|安排)",
            r"\b(which|what|recommend\w*) (a )?hotels?\b|\bhotel (near|close)\b|\bstay at\b|\baccommodations?\b|\blodging\b"
            r"|\bhotel (deals?|discounts?|rates?|bookings?|rooms?)\b|\bwhere (do|will|should|can) (i|we) stay\b",
        ),
    ),
    (
        "airport transfers",
        any_of(
            r"接机|接送|班车|送机",
            r"\bairport (pick-?up|transfer|shuttle)s?\b|\bshuttle\b|\bpick(ed)? (me )?up\b",
        ),
    ),
    # not "did the plan record 10,000 visits"
    (
        "recordings",
        any_of(r"录播|回放|录像|录屏", r"\b(be|been|being|get|gets) recorded\b|\brecordings?\b|\breplays?\b"),
    ),
    # (not "park visits", "industrial parks": the event visits those)
    (
        "parking",
        any_of(
            r"停车",
            r"\bparking\b|\bcar ?parks?\b|\b(where|can) (do |can |should )?(i|we) park\b|\bpark (my|the|a|our) (car|vehicle)\b",
        ),
    ),
    ("certificate", any_of(r"证书|结业证|参会证明", r"\bcertificates?\b")),
    # "云南专家团要不要行医执照": a professional licence an event may ask for, which no card or report names.
    (
        "a professional licence",
        any_of(
            r"执照|执业证|资格证|许可证", r"\blicen[cs]es?\b|\bboard[- ]certif\w*|\bpermits? to practi[cs]e\b"
        ),
    ),
    # The hall or building an event is held in: the documents and the cards give cities only.
    (
        "venue",
        any_of(
            r"场馆|会场|会展中心|会议中心|展馆|(哪个|什么)(酒店|宾馆|大厦|大楼|中心)(里)?(举办|办|开)",
            r"\bvenues?\b|\bconvention (center|centre)\b|\bexhibition (hall|center|centre)\b|\bwhich (hall|building)\b",
        ),
    ),
    # Events called off or moved: the catalogue lists what is planned, and says nothing of any cancelled.
    (
        "cancelled events",
        any_of(
            r"活动.{0,4}(被|已经?)(取消|延期|推迟)|活动(取消|延期|推迟)了(吗|么|没有)|(被)?(取消|延期|推迟)了?的活动",
            r"\b(which|any|what) events? (were|was|are|is|have been|has been|got) (cancell?ed|called off|postponed)\b"
            r"|\b(cancell?ed|postponed|called-off) events\b",
        ),
    ),
    # How many signed up for an event's earlier editions: the catalogue holds this year's seats only.
    (
        "past turnout",
        any_of(
            r"(去年|往年|上一届|上届|以前).{0,12}(报名|参加|参会)(的)?(人数|人)",
            r"\b(applicants|applications|attendance|turnout|attendees)\b.{0,30}\b(last|previous|past) (year|time|edition)\b"
            r"|\b(last|previous|past) (year|edition)'?s?\b.{0,30}\b(applicants|applications|attendance|turnout|attendees)\b",
        ),
    ),
    # A street address ("硅谷联络站的具体地址", "the fair's exact address"): no source gives one; an event's card
    # gives its city.
    (
        "street address",
        any_of(r"(具体|详细|街道)地址|门牌", r"\b(street|exact|full|postal|physical) address\b"),
    ),
    # When the plan itself will end: never announced ("赤子计划哪年结束"); an event's end is in its card.
    (
        "the plan's end",
        any_of(
            r"(赤子计划|这个计划|计划)(会)?(哪年|什么时候|何时|哪一年)(结束|终止|停止|截止)",
            r"\b(chizi|the plan|the programme|the program)\b.{0,20}\b(end|stop|finish|expire)s?\b"
            r"|\b(when|what year) (will|does) (chizi|the plan|the programme|the program) (end|stop|finish|expire)\b",
        ),
    ),
    # Passing one's place to someone else, or signing up a group: the organisers' to allow, not in any source.
    (
        "transferring a place",
        any_of(
            r"(名额|位子|报名).{0,6}(转给|转让|让给|给别人|给同事)|(转给|转让给|让给)(同事|朋友|别人|他人)",
            r"\b(give|transfer|pass|hand) (over )?my (seat|spot|place|registration|ticket)\b|\btransfer (my|a|the) (seat|spot|place|registration)\b",
        ),
    ),
    (
        "group registration",
        any_of(
            r"(整个|全)(课题组|团队|实验室|组)|集体报名|团体报名|(替|帮|给)(我的?)?(同事|别人|朋友|学生|同学)(一起)?报名"
            r"|(和|跟|带)(我的?)?(同事|朋友|学生|同学)一起报名",
            r"\b(register|sign up|enrol) (my|our) (whole |entire )?(lab|team|group|students|colleagues)\b|\bgroup (registration|sign-?up)\b"
            r"|\b(register|sign up) (for )?(a colleague|someone else|others|my colleagues?)\b",
        ),
    ),
]
