"""Years, decades, months and figures as a question names them, and whether a text meets them.

"2015年", "12年", "一二年", "二〇一二年", "1980s", "before 2010", "明年年底", "next spring"; and the figures a
question quotes ("how many of the 36 activities"), which are not years.
"""

from __future__ import annotations

import datetime as dt
import re

from retrieval.text import any_of

_CN_DIGITS = {"〇": "0", "零": "0", "○": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5",
              "六": "6", "七": "7", "八": "8", "九": "9"}  # fmt: skip
_CN_YEAR = re.compile(r"([〇零○一二三四五六七八九]{4})年")
# "一二年" as askers type 12年 (not 十二年, twelve years, nor 一二月)
_CN_SHORT_YEAR = re.compile(
    r"(?<![〇零○一二三四五六七八九十百千万两几])([〇零○一二三四五六七八九]{2})年(?!代|级)"
)
YEAR = re.compile(
    r"(?<![\d.])((?:19|20)\d{2})(?![\d%])(?!'?s\b|年代)(?!\s*(?:万|亿|个|项|人|家|名|位|元|多|余))"
)
_SHORT_YEAR = re.compile(r"(?<![\d.])(\d{2})年(?!代)")
_DECADE = re.compile(r"(?<!\d)((?:19|20)?\d0)(?:'?s\b|年代)")

_MONTHS_EN = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december"]  # fmt: skip
_MONTH_NAME_EN = r"(?:" + "|".join(_MONTHS_EN) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
_MONTH_EN = re.compile(rf"\b({_MONTH_NAME_EN})\b")
# A month's number as Chinese writes it (5, 05, 十一, 五), and the months and seasons a span is said of.
_MONTH_NUMBER_ZH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_WHEN_ZH = rf"(?:{_MONTH_NUMBER_ZH}\s*月份?|春天|春季|夏天|夏季|暑假|秋天|秋季|冬天|冬季|寒假)"


def _month_starts(unless_after: str) -> str:
    """Where a Chinese month may start: not after the characters given, except right after the year it is
    in ("明年5月", "2027年五月", "明年五六月")."""
    return rf"(?:(?<=明年)|(?<=今年)|(?<=后年)|(?<=\d\d年)|(?<![{unless_after}]))"


_MONTH_ZH = re.compile(_month_starts(r"\d年") + rf"({_MONTH_NUMBER_ZH})\s*月(?:份)?")
_MONTH_PAIR_ZH = re.compile(
    _month_starts(r"一二三四五六七八九十\d年") + r"([一二三四五六七八九])([二三四五六七八九十])\s*月"
)
# Chinese numerals up to twelve, as months, spans and round figures are written (两 in 两个月, 两千).
ZH_NUMBERS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
              "十一": 11, "十二": 12}  # fmt: skip


# Any four-digit year in a text (a sentence that can say when, or meet a decade asked about).
YEARISH = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")


def _year_in_digits(m: re.Match[str]) -> str:
    """二〇一二年 -> 2012年, 一二年 -> 12年."""
    return "".join(_CN_DIGITS[c] for c in m.group(1)) + "年"


def years_in(text: str, today: dt.date) -> list[int]:
    """Years a normalised question names; 'next year', 'this year' and two-digit years resolved (not
    'last year', which askers say of themselves: "I graduated last year")."""
    text = _CN_SHORT_YEAR.sub(_year_in_digits, _CN_YEAR.sub(_year_in_digits, text))
    found = [int(y) for y in YEAR.findall(text)]
    found += [2000 + int(y) for y in _SHORT_YEAR.findall(text) if int(y) <= today.year % 100 + 5]
    if not found and re.search(
        r"今年(还是|或是?|或者)明年|明年(还是|或是?|或者)今年|\bthis (year )?or next( year)?\b", text
    ):
        return [today.year, today.year + 1]  # "is the Tianjin tour this year or next": either, as it is
    if not found and re.search(r"明年|next year", text):
        found.append(today.year + 1)
    if not found and re.search(r"今年|this year", text) and not _CANNOT_COME_THIS_YEAR.search(text):
        found.append(today.year)
    return sorted(set(found))


# "我在多伦多，今年回不去", "I can't travel this year": the asker's year, not the one events are asked of.
_CANNOT_COME_THIS_YEAR = any_of(
    r"今年(都|也|可能|应该)?(回不去|回不来|回不了|不能回|没法回|不回|来不了|去不了|走不开)",
    r"\b(can'?t|cannot|won'?t|unable to|not able to) (travel|come|fly|go|get|make it)( back| home| over| to china)? this year\b",
)


# A figure the question quotes ("how many of the 36 activities…"): two or more digits that are not a
# year, a decade, a date, a time or an amount asked about in a unit of its own.
_FIGURE = re.compile(
    r"(?<![\d.,:'/-])([1-9]\d{0,2}(?:,\d{3})+|[1-9]\d+)(?![\d:/-])(?!\s*(?:年|月|日|号|点|s\b|'s\b))"
)


# A round figure in Chinese numerals as a claim quotes it: "有没有五千个", "两百多人".
_CN_ROUND = re.compile(
    r"(?<![一二两三四五六七八九十百千万几])([一二两三四五六七八九])(千|百|万)(?=多|余|个|项|人|家|名|位)"
)
_CN_UNIT = {"百": 100, "千": 1000, "万": 10000}


def figures_in(text: str) -> list[tuple[str, str]]:
    """Figures a normalised question quotes, as (digits without separators, the figure and the word
    after it as asked: "36 activities"); years (2012, and 12年 by the pattern) excluded."""
    text = _CN_ROUND.sub(lambda m: str(ZH_NUMBERS[m.group(1)] * _CN_UNIT[m.group(2)]), text)
    out = []
    for m in _FIGURE.finditer(text):
        figure = m.group(1).replace(",", "")
        if 1900 <= int(figure) <= 2100 and len(figure) == 4:
            continue
        shown = re.match(r"[\d,]+\s*(?:[a-z-]+|[\u4e00-\u9fff]{1,3})?", text[m.start() :])
        out.append((figure, shown.group(0).strip() if shown else figure))
    return out


# "before 2010", "2010年以前": the time before a year, met by any earlier year (the plan's 1988 roots), not
# by a sentence naming that year.
_BEFORE_YEAR = any_of(
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


# Part of a month ("the first week of September", "mid-october", "5月下旬", "6月10号到20号", 国庆): its days.
_PART_OF_MONTH_EN = [
    (rf"\bfirst week of {_MONTH_NAME_EN}\b", (1, 7)),
    (rf"\bsecond week of {_MONTH_NAME_EN}\b", (8, 14)),
    (rf"\bthird week of {_MONTH_NAME_EN}\b", (15, 21)),
    (rf"\b(last|fourth|final) week of {_MONTH_NAME_EN}\b", (22, 31)),
    (rf"\bfirst half of {_MONTH_NAME_EN}\b", (1, 15)),
    (rf"\bsecond half of {_MONTH_NAME_EN}\b", (16, 31)),
    (rf"\b(early|beginning of|start of) {_MONTH_NAME_EN}\b", (1, 10)),
    (rf"\b(mid-? ?|middle of ){_MONTH_NAME_EN}\b", (11, 20)),
    (rf"\b(late|end of) {_MONTH_NAME_EN}\b", (21, 31)),
    (r"\bgolden week\b", (1, 7)),
]
_PART_OF_MONTH_ZH = [
    (r"第一(周|个星期)", (1, 7)),
    (r"第二(周|个星期)", (8, 14)),
    (r"第三(周|个星期)", (15, 21)),
    (r"(最后|第四)(一)?(周|个星期)", (22, 31)),
    (r"上旬|月初", (1, 10)),
    (r"中旬|月中(旬|左右)", (11, 20)),  # (not "5月中", which is "in May")
    (r"下旬|月底|月末", (21, 31)),
    (r"上半月", (1, 15)),
    (r"下半月", (16, 31)),
    (r"国庆", (1, 7)),
]
DAY_RANGE = re.compile(
    rf"\b(?:from |between )?(?P<a>[0-3]?\d)(?:st|nd|rd|th)? ?(?:-|–|to|and|until|till) ?(?P<b>[0-3]?\d)(?:st|nd|rd|th)? (?:of )?{_MONTH_NAME_EN}\b"
    rf"|\b{_MONTH_NAME_EN} (?P<a2>[0-3]?\d)(?:st|nd|rd|th)? ?(?:-|–|to|until|till) ?(?P<b2>[0-3]?\d)\b"
    rf"|{_MONTH_NUMBER_ZH}\s*月\s*(?P<a3>[0-3]?\d)\s*[号日]?\s*(?:到|至|-|–|~)\s*(?P<b3>[0-3]?\d)\s*[号日]"
)


def days_of_month(text: str) -> tuple[int, int] | None:
    """The first and last day of the part of a month a normalised question asks about, or None."""
    span = DAY_RANGE.search(text)
    if span:
        found = span.groupdict()
        first, last = (int(found[k] or found[k + "2"] or found[k + "3"]) for k in ("a", "b"))
        if 1 <= first <= last <= 31:
            return first, last
    # (the end of a month named as a bound, "3月底之前", is a span of months, not its last days)
    if re.search(r"月底(之前|以前|前)|\b(before|until|till|by) the end of\b", text):
        return None
    for pattern, days in (*_PART_OF_MONTH_EN, *_PART_OF_MONTH_ZH):
        if re.search(pattern, text):
            return days
    return None


# "before the end of march", "3月底之前": the months from now to that one, that one included.
_UNTIL_END_EN = re.compile(rf"\b(?:before|until|till|by) the end of (?P<when>{_MONTH_NAME_EN})\b")
_UNTIL_END_ZH = re.compile(rf"(?P<when>{_MONTH_NUMBER_ZH})\s*月(份)?底\s*(之前|以前|前)")


def months_in(text: str, today: dt.date) -> list[int]:
    """Months a normalised question names or means ("6月", "next spring", "暑假以后", "before March",
    "between May and July", "3月到5月")."""
    unwanted = _NOT_WHEN_EN.search(text) or _NOT_WHEN_ZH.search(text)
    if unwanted and (named := _months_named(unwanted.group("when"), today)):
        return sorted(set(range(1, 13)) - named)  # "events that aren't in the summer", 不在夏天的活动
    until = _UNTIL_END_EN.search(text) or _UNTIL_END_ZH.search(text)
    if until:
        last = _month_number(until.group("when"))
        return sorted((today.month - 1 + i) % 12 + 1 for i in range((last - today.month) % 12 + 1))
    between = _RANGE_EN.search(text) or _RANGE_ZH.search(text)
    if between:
        first = _month_number(between.group("first") or between.group("first2"))
        last = _month_number(between.group("last"))
        return sorted((first - 1 + i) % 12 + 1 for i in range((last - first) % 12 + 1))
    span = _SPAN_EN.search(text) or _SPAN_ZH.search(text)
    if span:
        named = _months_named(span.group("when"), today)
        if named:
            return _months_beyond(named, span.group("side"), today)
    return sorted(_months_named(text, today))


# "after the summer", "暑假以后", "before March", "三月之前": the months after or before the ones named.
_WHEN_EN = (
    r"(?:" + "|".join(_MONTHS_EN) + r"|spring|summer|autumn|fall|winter)(?: (?:holidays?|break|vacation))?"
)
_SPAN_EN = re.compile(rf"\b(?P<side>after|following|before|until|till)\s+(?:the\s+)?(?P<when>{_WHEN_EN})\b")
_SPAN_ZH = re.compile(rf"(?P<when>{_WHEN_ZH})\s*(?P<side>以后|之后|过后|以前|之前|前(?!后)|后)")
# "between May and July", "from march to may", "april through june", "6月至8月", "从四月到六月", "3到5月": every
# month from the first to the last (across the new year for "November to February").
_RANGE_EN = re.compile(
    rf"\b(?:(?:between|from) (?P<first>{_MONTH_NAME_EN})(?: \d{{4}})? (?:and|to|through|thru|till|until|-)"
    rf"|(?P<first2>{_MONTH_NAME_EN}) ?(?:-|–|to|through|thru) ?)"
    rf" ?(?P<last>{_MONTH_NAME_EN})\b"
)
_RANGE_ZH = re.compile(
    _month_starts(r"\d年一二三四五六七八九十")
    + rf"(?P<first>{_MONTH_NUMBER_ZH})\s*(?:月份?)?\s*(?:到|至|-|–|~|～)\s*(?P<last>{_MONTH_NUMBER_ZH})\s*月"
)


def _month_number(name: str) -> int:
    """5, 05, 五, 十一, "may", "sept" -> the month's number."""
    if name.isdigit():
        return int(name)
    if name in ZH_NUMBERS:
        return ZH_NUMBERS[name]
    return next(i for i, month in enumerate(_MONTHS_EN, 1) if month.startswith(name[:3]))


# "events that aren't in the summer months", "not in july", "不在夏天的活动", "除了七月": the other months.
_NOT_WHEN_EN = re.compile(
    rf"\b(?:not|aren'?t|isn'?t|outside(?: of)?|except(?: in| for)?|other than|apart from|excluding|besides)\s+"
    rf"(?:in\s+|during\s+)?(?:the\s+)?(?P<when>{_WHEN_EN})(?:\s+months?)?\b"
)
_NOT_WHEN_ZH = re.compile(rf"(?:不在|除了|除去)(?P<when>{_WHEN_ZH})")
# "and the month after?", "再下个月呢" after "what's on in October": the month next to the one just asked.
# ("下一个月" alone is next month from today, as "下个月" is.)
_MONTH_AFTER = re.compile(
    r"\b(the )?month after\b|\bthe following month\b|再下(一)?个月|后一个月|再往后一个月"
)
_MONTH_BEFORE = re.compile(
    r"\b(the )?month before\b|\bthe previous month\b|再上(一)?个月|前一个月|再往前一个月"
)


def month_next_to(text: str, months: list[int]) -> int | None:
    """The month after (or before) `months` that a follow-up asks for, or None when it asks for none."""
    if _MONTH_AFTER.search(text):
        return max(months) % 12 + 1
    if _MONTH_BEFORE.search(text):
        return (min(months) - 2) % 12 + 1
    return None


_AFTER_SIDE = frozenset(["after", "following", "以后", "之后", "过后", "后"])


def _months_beyond(named: set[int], side: str, today: dt.date) -> list[int]:
    """The months after the last of `named` to the year's end, or from this month to the first of them."""
    wraps = 12 in named and 1 in named  # winter: December to February
    if side in _AFTER_SIDE:
        last = max(m for m in named if m < 6) if wraps else max(named)
        return list(range(last + 1, 13))
    first = 12 if wraps else min(named)
    return sorted((today.month - 1 + i) % 12 + 1 for i in range((first - today.month) % 12))


def _months_named(text: str, today: dt.date) -> set[int]:
    months: set[int] = set()
    # The Spring Festival is late January or February, not the spring.
    if re.search(r"春节|过年|\b(chinese|lunar) new year\b|\bspring festival\b", text):
        months |= {1, 2}
        text = re.sub(r"\bspring festival\b", " ", text)
    if re.search(r"国庆|\bgolden week\b", text):
        months.add(10)  # the National Day holiday: the first week of October
    # "圣诞节前", "before christmas": what is left of December ("after christmas" is every month after).
    if re.search(
        r"(圣诞|平安夜).{0,2}(前|之前|以前)|\b(before|until|till|this side of) (christmas|xmas)\b", text
    ):
        months.add(12)
    months.update(_month_number(m) for m in _MONTH_EN.findall(text))
    months.update(_month_number(m) for m in _MONTH_ZH.findall(text))
    # "七八月份", "五六月": two months in a row said with one 月.
    for first, second in _MONTH_PAIR_ZH.findall(text):
        if ZH_NUMBERS[second] == ZH_NUMBERS[first] + 1:
            months |= {ZH_NUMBERS[first], ZH_NUMBERS[second]}
    # (not "the second half of May", part of a month)
    if re.search(rf"下半年|second half(?! of {_MONTH_NAME_EN}\b)", text):
        months |= set(range(7, 13))
    if re.search(rf"上半年|first half(?! of {_MONTH_NAME_EN}\b)", text):
        months |= set(range(1, 7))
    for quarter, (zh, en) in enumerate(_QUARTERS):
        if re.search(zh, text) or re.search(en, text):
            months |= {3 * quarter + 1, 3 * quarter + 2, 3 * quarter + 3}
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
    return months


# "第一季度", "Q2", "the third quarter": three months each.
_QUARTERS = [
    (rf"(?:第{zh}|(?<![第\d]){zh}|{n})\s*季度", rf"\bq{n}\b|\b(?:{en}|{n}(?:st|nd|rd|th)) quarter\b")
    for n, zh, en in ((1, "一", "first"), (2, "二", "second"), (3, "三", "third"), (4, "四", "fourth"))
]

_SEASONS = {
    (3, 4, 5): (r"春天|春季", r"\bspring\b"),
    (6, 7, 8): (r"夏天|夏季|暑假", r"\bsummer\b"),
    (9, 10, 11): (r"秋天|秋季", r"\bautumn\b|\bfall\b(?! (?:on|in|under|into|through|apart|behind))"),
    (12, 1, 2): (r"冬天|冬季|寒假", r"\bwinter\b"),
}


def gives_figure(figure: str, flat: str) -> bool:
    """Whether a text without thousands separators gives a figure (digits) on its own, not inside another."""
    return re.search(rf"(?<![\d.]){figure}(?!\d)", flat) is not None


def before_met(year: int, text: str) -> bool:
    """Whether a text names a year earlier than `year` ("before 2010" is met by 1988)."""
    # Years as a question names them: "2,000 intentions" and "2000余万元" are amounts, not the year 2000.
    return any(int(y) < year for y in YEAR.findall(text))
