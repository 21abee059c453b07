"""Places a question can name: China's provinces and larger cities (zh / en), and places abroad.

A question that names a Chinese place is only answered from a passage about that place ("深圳有几个联络站"
is never answered with Hangzhou's stations); a place abroad says where the asker is, not what is asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# "zh en [more English names]" — one place a line; the first English name is the display name.
_CHINA = """
北京 Beijing Peking
天津 Tianjin
上海 Shanghai
重庆 Chongqing
河北 Hebei
山西 Shanxi
内蒙古 Inner_Mongolia
辽宁 Liaoning
吉林 Jilin
黑龙江 Heilongjiang
江苏 Jiangsu
浙江 Zhejiang
安徽 Anhui
福建 Fujian
江西 Jiangxi
山东 Shandong
河南 Henan
湖北 Hubei
湖南 Hunan
广东 Guangdong Canton
广西 Guangxi
海南 Hainan
四川 Sichuan
贵州 Guizhou
云南 Yunnan
西藏 Tibet Xizang
陕西 Shaanxi
甘肃 Gansu
青海 Qinghai
宁夏 Ningxia
新疆 Xinjiang
香港 Hong_Kong
澳门 Macau Macao
台湾 Taiwan
深圳 Shenzhen
广州 Guangzhou
杭州 Hangzhou
宁波 Ningbo
温州 Wenzhou
绍兴 Shaoxing
苏州 Suzhou
南京 Nanjing
无锡 Wuxi
济南 Jinan
青岛 Qingdao
成都 Chengdu
武汉 Wuhan
西安 Xi'an Xian
长沙 Changsha
郑州 Zhengzhou
合肥 Hefei
厦门 Xiamen
福州 Fuzhou
大连 Dalian
沈阳 Shenyang
哈尔滨 Harbin
长春 Changchun
昆明 Kunming
大理 Dali
祥云 Xiangyun
贵阳 Guiyang
银川 Yinchuan
南宁 Nanning
兰州 Lanzhou
东莞 Dongguan
佛山 Foshan
珠海 Zhuhai
中西部 western_China central_and_western west_China central_China western_regions 西部 中部 中西部地区
东北 Northeast_China northeast north-east 东北地区 东北老工业基地
"""

# Where a scholar abroad may say they are; their events are the ones they can join from there.
_ABROAD = """
美国 USA US U.S. United_States America Boston New_York California Silicon_Valley Seattle Chicago Texas 硅谷 波士顿 纽约 加州
德国 Germany Berlin Munich 柏林 慕尼黑
英国 UK Britain England London Oxford Cambridge 伦敦
法国 France Paris 巴黎
日本 Japan Tokyo 东京
加拿大 Canada Toronto Vancouver Montreal 多伦多
澳大利亚 Australia Sydney Melbourne 悉尼
新加坡 Singapore
荷兰 Netherlands
瑞士 Switzerland Zurich
瑞典 Sweden
韩国 Korea Seoul
意大利 Italy
西班牙 Spain
新西兰 New_Zealand
欧洲 Europe European
亚洲 Asia Asian
美洲 Americas
大洋洲 Oceania
非洲 Africa African
北美 North_America 北美洲
中东 Middle_East
"""


@dataclass(frozen=True)
class Place:
    key: str  # the Chinese name
    names: tuple[str, ...]  # every normalised name, Chinese and English
    shown: str  # the English name as written (UK, Silicon Valley; the key where there is none)

    @property
    def english(self) -> str:
        """The normalised English name (the key where there is none), as questions are matched."""
        return self.shown.lower()


def _parse(block: str) -> list[Place]:
    places = []
    for line in block.strip().splitlines():
        written = [w.replace("_", " ") for w in line.split()]
        english = next((w for w in written if w.isascii()), written[0])
        places.append(Place(written[0], tuple(w.lower() for w in written), english))
    return places


CHINA = _parse(_CHINA)
ABROAD = _parse(_ABROAD)


def _finder(words: list[str]) -> re.Pattern[str]:
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        escaped = re.escape(w)
        parts.append(escaped if not w.isascii() else rf"\b{escaped}\b")
    return re.compile("|".join(parts))


_BY_NAME = {name: place for place in CHINA for name in place.names}
_CHINA_RX = _finder(list(_BY_NAME))
_ABROAD_BY_NAME = {name: place for place in ABROAD for name in place.names}
_ABROAD_RX = _finder([*_ABROAD_BY_NAME, "abroad", "overseas", "国外", "在海外", "海外的"])


def _found(rx: re.Pattern[str], by_name: dict[str, Place], normalized: str) -> list[Place]:
    out: list[Place] = []
    for m in rx.finditer(normalized):
        place = by_name.get(m.group(0))
        if place is not None and place not in out:
            out.append(place)
    return out


def places_in(normalized: str) -> list[Place]:
    """Chinese places named in a normalised text, in order, once each."""
    return _found(_CHINA_RX, _BY_NAME, normalized)


def foreign_places_in(normalized: str) -> list[Place]:
    """Countries and cities abroad named in a normalised text."""
    return _found(_ABROAD_RX, _ABROAD_BY_NAME, normalized)


def mentions(normalized: str, place: Place) -> bool:
    """Whether a normalised passage names `place` in either language."""
    return any(
        (re.search(rf"\b{re.escape(n)}\b", normalized) if n.isascii() else n in normalized)
        for n in place.names
    )


def abroad(normalized: str) -> bool:
    """Whether the asker says they are outside China (a country or city abroad, 'abroad', 海外)."""
    return _ABROAD_RX.search(normalized) is not None


def shown_as(name: str, language: str) -> str:
    """A place's name for a reply in `language` (深圳 -> Shenzhen in English); other words unchanged."""
    place = _BY_NAME.get(name) or _ABROAD_BY_NAME.get(name)
    return name if place is None or language == "zh" else place.shown
