"""A scholar's own time zone: read from what people type (an IANA name, a city, a UTC offset) and shown.

Stored as text: an IANA name ("America/New_York") or a fixed offset ("UTC-05:00", "UTC+05:30") for people
who prefer to give one. IANA names follow daylight saving; offsets do not, and say so by their name.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import zoneinfo

# Cities scholars write from that are not the last part of an IANA name, in English and Chinese.
# Cities that are (Berlin, Toronto, Tokyo, Los Angeles, …) are found in the zone database itself.
_CITIES: dict[str, str] = {
    "boston": "America/New_York",
    "波士顿": "America/New_York",
    "new york": "America/New_York",
    "纽约": "America/New_York",
    "washington": "America/New_York",
    "华盛顿": "America/New_York",
    "philadelphia": "America/New_York",
    "pittsburgh": "America/New_York",
    "atlanta": "America/New_York",
    "miami": "America/New_York",
    "princeton": "America/New_York",
    "chicago": "America/Chicago",
    "芝加哥": "America/Chicago",
    "houston": "America/Chicago",
    "休斯顿": "America/Chicago",
    "dallas": "America/Chicago",
    "austin": "America/Chicago",
    "denver": "America/Denver",
    "san francisco": "America/Los_Angeles",
    "旧金山": "America/Los_Angeles",
    "silicon valley": "America/Los_Angeles",
    "硅谷": "America/Los_Angeles",
    "palo alto": "America/Los_Angeles",
    "stanford": "America/Los_Angeles",
    "san jose": "America/Los_Angeles",
    "seattle": "America/Los_Angeles",
    "西雅图": "America/Los_Angeles",
    "san diego": "America/Los_Angeles",
    "洛杉矶": "America/Los_Angeles",
    "montreal": "America/Toronto",
    "ottawa": "America/Toronto",
    "多伦多": "America/Toronto",
    "温哥华": "America/Vancouver",
    "london": "Europe/London",
    "伦敦": "Europe/London",
    "oxford": "Europe/London",
    "牛津": "Europe/London",
    "manchester": "Europe/London",
    "edinburgh": "Europe/London",
    "munich": "Europe/Berlin",
    "慕尼黑": "Europe/Berlin",
    "柏林": "Europe/Berlin",
    "heidelberg": "Europe/Berlin",
    "hamburg": "Europe/Berlin",
    "frankfurt": "Europe/Berlin",
    "巴黎": "Europe/Paris",
    "geneva": "Europe/Zurich",
    "苏黎世": "Europe/Zurich",
    "delft": "Europe/Amsterdam",
    "阿姆斯特丹": "Europe/Amsterdam",
    "东京": "Asia/Tokyo",
    "kyoto": "Asia/Tokyo",
    "osaka": "Asia/Tokyo",
    "首尔": "Asia/Seoul",
    "新加坡": "Asia/Singapore",
    "悉尼": "Australia/Sydney",
    "canberra": "Australia/Sydney",
    "墨尔本": "Australia/Melbourne",
    "beijing": "Asia/Shanghai",
    "北京": "Asia/Shanghai",
    "上海": "Asia/Shanghai",
    "china": "Asia/Shanghai",
    "中国": "Asia/Shanghai",
    "香港": "Asia/Hong_Kong",
    # Regions people name a clock by, for /timezone and in questions ("美东时间", "Eastern time").
    "美东": "America/New_York",
    "美西": "America/Los_Angeles",
    "美中": "America/Chicago",
    "eastern": "America/New_York",
    "pacific": "America/Los_Angeles",
    "central": "America/Chicago",
    "英国": "Europe/London",
    "德国": "Europe/Berlin",
    "法国": "Europe/Paris",
    "日本": "Asia/Tokyo",
    "uk": "Europe/London",
}

# The zones offered as buttons: where most scholars abroad live, and Beijing time.
COMMON = (
    "America/Los_Angeles",
    "America/New_York",
    "Europe/London",
    "Europe/Berlin",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Asia/Singapore",
    "Asia/Shanghai",
)

_OFFSET = re.compile(r"^(?:utc|gmt)?\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)


@functools.cache
def _by_last_part() -> dict[str, str]:
    """'berlin' → 'Europe/Berlin', 'los angeles' → 'America/Los_Angeles', from the zone database."""
    found: dict[str, str] = {}
    for name in sorted(zoneinfo.available_timezones()):
        if "/" not in name or name.startswith(("Etc/", "SystemV/", "US/")):
            continue
        found.setdefault(name.rsplit("/", 1)[1].replace("_", " ").lower(), name)
    return found


@functools.cache
def _by_lower_name() -> dict[str, str]:
    return {name.lower(): name for name in zoneinfo.available_timezones()}


def resolve_zone(text: str) -> str | None:
    """An IANA name, a city or a UTC offset as typed ('Boston', '柏林', 'utc-5', '+5:30'), or None."""
    raw = " ".join(text.strip().split())
    if not raw or len(raw) > 64:
        return None
    key = raw.lower()
    if key in ("utc", "gmt", "z"):
        return "UTC"
    if m := _OFFSET.match(key):
        sign, hours, minutes = m.group(1), int(m.group(2)), int(m.group(3) or 0)
        if hours > 14 or minutes not in (0, 15, 30, 45):
            return None
        return f"UTC{'-' if sign in '-−' else '+'}{hours:02d}:{minutes:02d}"
    if key in _by_lower_name():
        return _by_lower_name()[key]
    key = key.replace("_", " ").rstrip("市")
    return _CITIES.get(key) or _by_last_part().get(key)


_NAMED_CLOCK = re.compile(
    r"\b(?:in|on|at) (?P<en>[a-z][a-z .'-]{1,30}?)(?: time)?\s*[?？!.]*$|\b(?P<en2>[a-z][a-z .'-]{1,30}?) time\b"
    r"|(?P<zh>[\u4e00-\u9fff]{2,4}?)时间",
    re.IGNORECASE,
)


_CHINESE = re.compile(r"[\u4e00-\u9fff]")  # this leaf may not use retrieval's text helpers


def zone_named_in(question: str) -> tuple[str, str] | None:
    """The zone whose clock a question asks for and the place as it said it ("what time is the meet-up
    in London" -> Europe/London, "London"; "报名截止是美东时间几点" -> America/New_York, "美东"), or None."""
    for m in _NAMED_CLOCK.finditer(question.strip()):
        said = next(g for g in m.groups() if g).strip()
        # The place may follow other words: "the meet-up in London", "截止是美东" (时间).
        words = said.split()
        tails = (
            [said[i:] for i in range(len(said) - 1)]
            if _CHINESE.search(said)
            else [" ".join(words[-n:]) for n in range(min(3, len(words)), 0, -1)]
        )
        for place in tails:
            found = resolve_zone(place)
            if found and not found.startswith("UTC"):
                return found, place if _CHINESE.search(place) else place.title()
    return None


def zone(name: str) -> dt.tzinfo:
    """The tzinfo of a stored zone name (IANA or 'UTC±HH:MM')."""
    if name.startswith("UTC") and len(name) == 9:
        sign = -1 if name[3] == "-" else 1
        return dt.timezone(sign * dt.timedelta(hours=int(name[4:6]), minutes=int(name[7:9])), name)
    return zoneinfo.ZoneInfo(name)


def same_clock(moment: dt.datetime, a: dt.tzinfo, b: dt.tzinfo) -> bool:
    """Whether two zones read the same wall-clock time at that moment (then one is enough)."""
    return moment.astimezone(a).utcoffset() == moment.astimezone(b).utcoffset()


def abbreviation(moment: dt.datetime) -> str:
    """'EDT', 'CST', 'CET'; the offset where the database has no letters ('+08', 'UTC+05:30')."""
    name = moment.tzname() or ""
    if name and name[0] not in "+-":
        return name
    return "UTC" + moment.strftime("%z")[:3] + ":" + moment.strftime("%z")[3:]
