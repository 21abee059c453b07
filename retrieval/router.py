"""Messages that must not reach retrieval: greetings, injections, requests for other people's data, off-topic."""

from __future__ import annotations

import re

from retrieval.concepts import FOCUS_CONCEPTS
from retrieval.dates import DAY_RANGE
from retrieval.text import normalize

_GREETING = re.compile(
    r"^(hi|hello|hey|good (morning|afternoon|evening)|greetings|thanks?|thank you|thx|bye|goodbye|"
    r"你好|您好|嗨|哈喽|早上好|下午好|晚上好|谢谢|多谢|感谢|再见|拜拜)[\s!！,.。~～?？]*"
    r"(chizi|赤子助手|bot)?[\s!！,.。~～]*$"
)
_THANKS = re.compile(r"^(thanks?|thank you|thx|谢谢|多谢|感谢)")
_INJECTION = re.compile(
    r"ignore (all |any )?(the |your )?(previous|prior|above|earlier) (instructions|prompts?|rules)|"
    r"(ignore|forget|disregard|bypass|override) (all |any )?(of )?(your|the) (own |original |previous )?(instructions|prompts?|rules|guidelines|programming)\b|"
    r"\b(admin|administrator|root|database|server) (password|credentials)\b|"
    r"disregard (all |the |your )?(previous|prior|above)|system prompt|developer mode|jailbreak|"
    r"you are now (a|an|my|dan|in)\b|act as (an? )?(?!organi[sz]er)|pretend (to be|you are)|reveal your (prompt|instructions)|"
    r"(忽略|忘掉|忘记|无视)(你)?(之前|以上|前面|所有|原来)的?(指令|指示|规则|提示|设定)|系统提示|越狱|扮演|"
    r"(现在)?你(现在)?是我的|从现在(开始|起)你是"
)
# Other people's data: who registered, their contacts. The organisers' published contact is not personal.
_PERSONAL = re.compile(
    r"(who (has |have )?(registered|signed up)|(list|names?) of (the )?(registrants|people (who )?registered|attendees who)|"
    r"(emails?|e-mails?|phone numbers?|addresses|contact details?|telegram ids?|personal (data|information)) of (everyone|everybody|all|the (people|registrants|participants|attendees)|other)|"
    r"(give|show|send) me (the )?(names|emails|phone numbers|contacts) of|"
    r"(谁|哪些人)(报名|注册)了|报名(者|人员)?(名单|的人)|参会(者|人员)?名单|"
    r"(其他|别的)(人|用户|学者)的(信息|资料|数据|电话|邮箱)|"
    r"^(?!我)[\u4e00-\u9fff]{2,3}(报名了|参加了|的(电话|手机号|邮箱|住址)))"
)
_OFF_TOPIC = re.compile(
    r"\b(weather|forecast|stock|bitcoin|crypto|recipe|cook|football|soccer|nba|movie|song|lyrics|joke|"
    # ("did regions do any homework before applying": the idiom, preparing, not schoolwork)
    r"poem|horoscope|lottery|capital of|translate|homework(?!.{0,40}\b(appl\w*|before)\b)|python code|green card|mortgage|exchange rate|passport|"
    r"restaurants?|election|gdp|inflation|unemployment rate|population of|"
    # "is Jinan rainy in May", "is the Yunnan trip cold in March": the weather, whatever is named
    r"(is|will|was) (it|the weather|[a-z' ]{2,40}) (going to be |gonna be |usually |very |too |really )*(hot|cold|warm|chilly|rainy|humid|sunny|snowy|freezing)|(write|draft|compose|proofread|polish) (me |my |up )?(a |an )?(code|essay|story|e-?mail|letter|cover letter|cv|resume|personal statement))\b|\d+\s*[+*/-]\s*\d+|"
    r"天气|天氣|下雨|下雪|(热|冷)不(热|冷)|气温|股票|比特币|菜谱|怎么做$|做饭|足球|篮球|电影|歌词|笑话|写(一首)?诗|星座|彩票|首都|省会|翻译|作业|写代码|爬虫|"
    r"写(一篇)?作文|(写|起草|润色).{0,10}(邮件|简历|求职信|自荐信|推荐信)|绿卡|房价|房贷|大选|汇率|护照|gdp|国内生产总值|通货膨胀|失业率|人口(有)?多少"
)


# A city's own facts (its population, its climate) are no question about the plan held there: "天津有多少人口"
# names a city the plan works in and asks nothing of the plan or its events.
_CITY_FACTS = re.compile(
    r"人口|面积多大|气候|\b(population|climate|inhabitants|residents live)\b|\bhow (big|large) is [a-z]+( city)?\W*$"
)
# Meals and sightseeing, as the documents' missing concepts of the same names read them.
_LEISURE = [rx for name, rx in FOCUS_CONCEPTS if name in ("meals", "sightseeing")]
_PLAN_OR_EVENT = re.compile(
    r"赤子|chizi|计划|plan\b|program|活动|event|报名|regist|会|周|行|\b(tour|fair|week|meet-?up|exchange)\b"
)


_HELP = re.compile(
    r"^(/?help|帮助|救命|怎么用|如何使用|使用说明|菜单|menu|start|开始|"
    r"(hi|hello|hey|你好|您好)?[\s,，!！]*(i'?m|i am|我是)\s*(new|a new user|新来的|新用户|第一次来)( here)?|"
    r"what (else )?can you (do|help( me)? with)( for me)?|你(都|还)?(能|会|可以)(帮我|帮|为我)?(干|做)?(点|些)?(什么|啥))[\W_]*$"
)
# Asked to make something (a poem, an essay, a letter) is off topic whatever its subject: "write me a poem
# about Suzhou" names a city the plan works in and is still no question about it.
_MAKE_SOMETHING = re.compile(
    r"\b(write|compose|draft) (me |us )?(a |an )?(short )?(poem|song|essay|story|joke|limerick|haiku)\b|写(一)?首.{0,8}诗|写.{0,8}(作文|故事|歌词)"
    # "can you write my cover letter for the Suzhou week": the asker's own papers, whatever event they are for
    r"|\b(write|draft|polish|proofread) (me |my |us |our )?(a |an )?(cover letter|cv|resume|personal statement|motivation letter)\b"
    r"|(写|改|润色).{0,6}(求职信|简历|自荐信|个人陈述)"
)
# Errands for the asker (a hotel, a flight) are off topic wherever they are: "帮我在苏州订个酒店" names a
# city the plan works in and asks nothing of the plan or its events.
_ERRAND = re.compile(
    r"(帮我|给我|替我|帮忙)(在.{1,6})?(订|预订|预定|买|预约|找)(个|一个|一间|一张|张|间)?(便宜的)?(酒店|宾馆|房间|机票|火车票|车票|高铁票|出租车)"
    r"|\b(book|reserve|buy|find) (me |us )?(a |an |some |my |our )?(cheap |good )?(hotels?|rooms?|flights?|plane tickets?|train tickets?|taxis?|cabs?)\b"
)
# Other talent programmes are not this plan: "千人计划怎么申请" is no question about 赤子计划, though the
# documents name the Thousand Talents fair held in Ningbo (asked about as a fair, it is answered).
_OTHER_PROGRAMME = re.compile(
    r"千人计划|青年千人|万人计划|长江学者|thousand talents|changjiang scholar|youth thousand"
)
_THE_NINGBO_FAIR = re.compile(
    r"洽谈会|推介|宁波|\bfair\b|matchmaking|ningbo|event|come up|mention|提到|出现|documents?|report|资料|报告"
)
_IN_DOMAIN = re.compile(
    r"赤子|chizi|计划|plan\b|program|活动|event|报名|regist|留学|海外|人才|scholar|talent|tour|fair|"
    r"人社部|ministry|mohrss|津门|天津|tianjin|重庆|chongqing|宁波|ningbo|苏州|suzhou|杭州|hangzhou|海洽|精英周"
)


# The ministry's other business (pensions, social insurance, wages, civil-service exams) is not the plan's,
# though the ministry that runs the plan is named: "人社部的退休政策是什么".
_MINISTRY_OTHER_BUSINESS = re.compile(
    r"退休(政策|年龄|金|工资|待遇|手续)|养老(金|保险)|社保|社会保险|医保|医疗保险|工伤|失业(保险|金)|最低工资|劳动(合同|仲裁|纠纷|法)|"
    r"公积金|公务员(考试|招考|报考)?|事业单位(考试|招聘)|落户|户口|户籍|"
    r"\b(pensions?|retirement (age|policy|pay|benefits?)|social (insurance|security (benefits?|contributions?|cards?|number))"
    r"|unemployment (benefits?|insurance)|minimum wage|labou?r (law|contracts?|disputes?|arbitration)|civil[- ]service (exams?|jobs?))\b"
)
# …unless the question is about taking part in the plan or its events ("我退休了还能参加吗").
_TAKING_PART = re.compile(r"参加|报名|参与|\b(join|attend|take part|participate|eligible|register|sign up)\b")


def route(text: str) -> str | None:
    """Which fixed reply `text` gets (greeting, thanks, injection, personal_data, help, out_of_scope), or None
    when it is a question for the knowledge base. The replies' wording is the core's (chizi/texts.py)."""
    norm = normalize(text)
    if _INJECTION.search(norm):
        return "injection"
    if _PERSONAL.search(norm):
        return "personal_data"
    if _GREETING.match(norm):
        return "thanks" if _THANKS.match(norm) else "greeting"
    if _HELP.match(norm):
        return "help"
    # Off-topic words only decide when nothing ties the question to the plan ("the capital of the Tianjin
    # fund", "does the plan help with a visa" are the plan's questions, answered or declined from its documents).
    if (
        _MAKE_SOMETHING.search(norm)
        or _ERRAND.search(norm)
        # (a span of days, "19-21 may", is no sum to work out)
        or (_OFF_TOPIC.search(DAY_RANGE.sub(" ", norm)) and not _IN_DOMAIN.search(norm))
        or (_CITY_FACTS.search(norm) and not _PLAN_OR_EVENT.search(norm))
    ):
        return "out_of_scope"
    if _MINISTRY_OTHER_BUSINESS.search(norm) and not (
        _PLAN_OR_EVENT.search(norm) or _TAKING_PART.search(norm)
    ):
        return "out_of_scope"
    if _OTHER_PROGRAMME.search(norm) and not _THE_NINGBO_FAIR.search(norm):
        return "out_of_scope"
    # Food and sightseeing in a city the plan works in ("推荐一下苏州好吃的") are no less off topic; with an
    # event named ("what food is served at the Suzhou week") they are a question for its organisers.
    if any(rx.search(norm) for rx in _LEISURE) and not _PLAN_OR_EVENT.search(norm):
        return "out_of_scope"
    return None
