"""Messages that must not reach retrieval: greetings, injections, requests for other people's data, off-topic."""

from __future__ import annotations

import re
from dataclasses import dataclass

from chizi.text import normalize

_GREETING = re.compile(
    r"^(hi|hello|hey|good (morning|afternoon|evening)|greetings|thanks?|thank you|thx|bye|goodbye|"
    r"你好|您好|嗨|哈喽|早上好|下午好|晚上好|谢谢|多谢|感谢|再见|拜拜)[\s!！,.。~～?？]*"
    r"(chizi|赤子助手|bot)?[\s!！,.。~～]*$"
)
_THANKS = re.compile(r"^(thanks?|thank you|thx|谢谢|多谢|感谢)")
_INJECTION = re.compile(
    r"ignore (all |any )?(the )?(previous|prior|above|earlier) (instructions|prompts?|rules)|"
    r"disregard (all |the )?(previous|prior|above)|system prompt|developer mode|jailbreak|"
    r"you are now|act as (an? )?(?!organi[sz]er)|pretend (to be|you are)|reveal your (prompt|instructions)|"
    r"忽略(之前|以上|前面|所有)(的)?(指令|指示|规则|提示)|系统提示|越狱|扮演|你现在是"
)
_PERSONAL = re.compile(
    r"(who (has |have )?(registered|signed up)|list (of )?(the )?(participants|registrants|attendees)|"
    r"(phone|email|e-mail|address|contact details?|telegram id|personal (data|information)) of (?!the organi[sz]ers?)"
    r"[a-z]|(give|show|send) me (the )?(names|emails|phone numbers|contacts)|"
    r"(谁|哪些人)(报名|注册)了|报名(者|人员)?(名单|的人)|参会(者|人员)?名单|的(电话|手机号|邮箱|住址|联系方式)(是|吗|？|\?)|"
    r"(其他|别的)(人|用户|学者)的(信息|资料|数据))"
)
_OFF_TOPIC = re.compile(
    r"\b(weather|forecast|stock|bitcoin|crypto|recipe|cook|football|soccer|nba|movie|song|lyrics|joke|"
    r"poem|horoscope|lottery|capital of|translate|homework|python code|green card|visa|immigration|mortgage|write (me )?(a |an )?(code|essay|story))\b|"
    r"天气|股票|比特币|菜谱|做饭|足球|篮球|电影|歌词|笑话|写(一首)?诗|星座|彩票|首都|翻译|作业|写代码|写(一篇)?作文|绿卡|签证|移民|房价|房贷"
)


@dataclass(frozen=True)
class Route:
    name: str  # greeting | thanks | injection | personal_data | out_of_scope
    reply_zh: str
    reply_en: str

    def reply(self, language: str) -> str:
        return self.reply_zh if language == "zh" else self.reply_en


GREETING = Route(
    "greeting",
    "您好！我是赤子助手，可以回答关于“海外赤子为国服务行动计划”（赤子计划）的问题，并帮您查找和报名各地的引才活动。请直接提问，或发送 /events 浏览活动。",
    "Hello! I am Chizi, the assistant of the Overseas Scholars Serve-the-Country Action Plan (赤子计划). "
    "Ask me about the plan, or send /events to browse and register for regional events.",
)
THANKS = Route(
    "thanks",
    "不客气！还有其他问题随时问我。",
    "You're welcome! Ask me anything else about the plan any time.",
)
INJECTION = Route(
    "injection",
    "我只能根据赤子计划的资料回答问题，不能更改自己的规则。您想了解赤子计划或近期活动的哪些方面？",
    "I can only answer from the Chizi Plan's documents and cannot change my rules. "
    "What would you like to know about the plan or its upcoming events?",
)
PERSONAL = Route(
    "personal_data",
    "抱歉，我不能提供其他人的个人信息或报名情况。您可以通过 /myevents 查看自己的报名；活动主办方的联系方式在活动卡片上。",
    "Sorry, I can't share other people's personal data or registrations. You can see your own with /myevents; "
    "the organisers' contact is on each event card.",
)
OFF_TOPIC = Route(
    "out_of_scope",
    "这个问题超出了我的范围：我只回答关于赤子计划及其引才活动的问题。您可以问我赤子计划是什么、2012年的成果，或发送 /events 查看活动。",
    "That is outside what I can help with: I answer questions about the Chizi Plan and its talent events. "
    "Try asking what the plan is or what it achieved in 2012, or send /events to see upcoming events.",
)


def route(text: str) -> Route | None:
    """The fixed reply for `text`, or None when it is a question for the knowledge base."""
    norm = normalize(text)
    if _INJECTION.search(norm):
        return INJECTION
    if _PERSONAL.search(norm):
        return PERSONAL
    if _GREETING.match(norm):
        return THANKS if _THANKS.match(norm) else GREETING
    if _OFF_TOPIC.search(norm) and not re.search(r"赤子|chizi|活动|event|报名|regist", norm):
        return OFF_TOPIC
    return None
