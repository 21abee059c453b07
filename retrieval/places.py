"""Places a question can name: China's provinces and larger cities (zh / en), and places abroad.

A question that names a Chinese place is only answered from a passage about that place ("深圳有几个联络站"
is never answered with Hangzhou's stations); a place abroad says where the asker is, not what is asked.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from retrieval.text import word_pattern, word_rx

# "zh en [more English names]" — one place a line; the first English name is the display name.
# Provinces, then cities: the plan's own and more prefecture-level ones (a question about one of them is
# about a place the documents may lack).
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
汕头 Shantou
惠州 Huizhou
中山 Zhongshan
江门 Jiangmen
湛江 Zhanjiang
肇庆 Zhaoqing
茂名 Maoming
揭阳 Jieyang
清远 Qingyuan
韶关 Shaoguan
梅州 Meizhou
金华 Jinhua
台州 Taizhou
嘉兴 Jiaxing
湖州 Huzhou
丽水 Lishui
衢州 Quzhou
舟山 Zhoushan
义乌 Yiwu
常州 Changzhou
南通 Nantong
徐州 Xuzhou
扬州 Yangzhou
盐城 Yancheng
镇江 Zhenjiang
泰州 Taizhou_(Jiangsu)
淮安 Huai'an Huaian
连云港 Lianyungang
宿迁 Suqian
昆山 Kunshan
烟台 Yantai
潍坊 Weifang
淄博 Zibo
威海 Weihai
临沂 Linyi
济宁 Jining
日照 Rizhao
东营 Dongying
德州 Dezhou
聊城 Liaocheng
菏泽 Heze
泉州 Quanzhou
漳州 Zhangzhou
莆田 Putian
龙岩 Longyan
鞍山 Anshan
抚顺 Fushun
丹东 Dandong
锦州 Jinzhou
营口 Yingkou
曲靖 Qujing
玉溪 Yuxi
丽江 Lijiang
西双版纳 Xishuangbanna
绵阳 Mianyang
德阳 Deyang
宜宾 Yibin
泸州 Luzhou
南充 Nanchong
乐山 Leshan
宜昌 Yichang
襄阳 Xiangyang
十堰 Shiyan
荆州 Jingzhou
株洲 Zhuzhou
湘潭 Xiangtan
衡阳 Hengyang
岳阳 Yueyang
常德 Changde
洛阳 Luoyang
开封 Kaifeng
新乡 Xinxiang
南阳 Nanyang
许昌 Xuchang
石家庄 Shijiazhuang
唐山 Tangshan
保定 Baoding
廊坊 Langfang
秦皇岛 Qinhuangdao
邯郸 Handan
雄安 Xiong'an Xiongan
太原 Taiyuan
宝鸡 Baoji
咸阳 Xianyang
延安 Yan'an Yanan
芜湖 Wuhu
蚌埠 Bengbu
马鞍山 Ma'anshan
安庆 Anqing
南昌 Nanchang
赣州 Ganzhou
九江 Jiujiang
景德镇 Jingdezhen
桂林 Guilin
柳州 Liuzhou
北海 Beihai
海口 Haikou
三亚 Sanya
遵义 Zunyi
六盘水 Liupanshui
天水 Tianshui
酒泉 Jiuquan
呼和浩特 Hohhot
包头 Baotou
鄂尔多斯 Ordos
大庆 Daqing
齐齐哈尔 Qiqihar
吉林市 Jilin_City
延吉 Yanji
乌鲁木齐 Urumqi
喀什 Kashgar
拉萨 Lhasa
西宁 Xining
石嘴山 Shizuishan
中西部 western_China central_and_western west_China central_China western_regions 西部 中部 中西部地区
东北 Northeast_China northeast north-east 东北地区 东北老工业基地
"""

# Provincial-level neighbours (land borders; Hainan, Hong Kong, Macau and Taiwan with the coast facing
# them), for "events near Shanghai" when none is held there.
_NEIGHBOURS = """
北京 天津 河北
天津 北京 河北
上海 江苏 浙江
重庆 四川 贵州 湖南 湖北 陕西
河北 北京 天津 山西 内蒙古 辽宁 山东 河南
山西 河北 内蒙古 陕西 河南
内蒙古 黑龙江 吉林 辽宁 河北 山西 陕西 宁夏 甘肃
辽宁 吉林 内蒙古 河北
吉林 黑龙江 辽宁 内蒙古
黑龙江 吉林 内蒙古
江苏 山东 安徽 浙江 上海
浙江 江苏 上海 安徽 江西 福建
安徽 江苏 浙江 江西 湖北 河南 山东
福建 浙江 江西 广东 台湾
江西 浙江 安徽 湖北 湖南 广东 福建
山东 河北 河南 安徽 江苏
河南 河北 山西 陕西 湖北 安徽 山东
湖北 河南 安徽 江西 湖南 重庆 陕西
湖南 湖北 江西 广东 广西 贵州 重庆
广东 福建 江西 湖南 广西 海南 香港 澳门
广西 广东 湖南 贵州 云南
海南 广东
四川 重庆 贵州 云南 西藏 青海 甘肃 陕西
贵州 四川 重庆 湖南 广西 云南
云南 四川 贵州 广西 西藏
西藏 新疆 青海 四川 云南
陕西 山西 河南 湖北 重庆 四川 甘肃 宁夏 内蒙古
甘肃 陕西 四川 青海 新疆 内蒙古 宁夏
青海 甘肃 四川 西藏 新疆
宁夏 内蒙古 甘肃 陕西
新疆 西藏 青海 甘肃
香港 广东
澳门 广东
台湾 福建
"""
# The province of each city above.
_PROVINCE_OF = {
    **dict.fromkeys(["深圳", "广州", "东莞", "佛山", "珠海"], "广东"),
    **dict.fromkeys(["杭州", "宁波", "温州", "绍兴"], "浙江"),
    **dict.fromkeys(["苏州", "南京", "无锡"], "江苏"),
    **dict.fromkeys(["济南", "青岛"], "山东"),
    **dict.fromkeys(["大连", "沈阳"], "辽宁"),
    **dict.fromkeys(["厦门", "福州"], "福建"),
    **dict.fromkeys(["昆明", "大理", "祥云"], "云南"),
    "成都": "四川", "武汉": "湖北", "西安": "陕西", "长沙": "湖南", "郑州": "河南", "合肥": "安徽",
    "哈尔滨": "黑龙江", "长春": "吉林", "贵阳": "贵州", "银川": "宁夏", "南宁": "广西", "兰州": "甘肃",
    **dict.fromkeys(["汕头", "惠州", "中山", "江门", "湛江", "肇庆", "茂名", "揭阳", "清远", "韶关", "梅州"], "广东"),
    **dict.fromkeys(["金华", "台州", "嘉兴", "湖州", "丽水", "衢州", "舟山", "义乌"], "浙江"),
    **dict.fromkeys(["常州", "南通", "徐州", "扬州", "盐城", "镇江", "泰州", "淮安", "连云港", "宿迁", "昆山"], "江苏"),
    **dict.fromkeys(["烟台", "潍坊", "淄博", "威海", "临沂", "济宁", "日照", "东营", "德州", "聊城", "菏泽"], "山东"),
    **dict.fromkeys(["泉州", "漳州", "莆田", "龙岩"], "福建"),
    **dict.fromkeys(["鞍山", "抚顺", "丹东", "锦州", "营口"], "辽宁"),
    **dict.fromkeys(["曲靖", "玉溪", "丽江", "西双版纳"], "云南"),
    **dict.fromkeys(["绵阳", "德阳", "宜宾", "泸州", "南充", "乐山"], "四川"),
    **dict.fromkeys(["宜昌", "襄阳", "十堰", "荆州"], "湖北"),
    **dict.fromkeys(["株洲", "湘潭", "衡阳", "岳阳", "常德"], "湖南"),
    **dict.fromkeys(["洛阳", "开封", "新乡", "南阳", "许昌"], "河南"),
    **dict.fromkeys(["石家庄", "唐山", "保定", "廊坊", "秦皇岛", "邯郸", "雄安"], "河北"),
    **dict.fromkeys(["太原"], "山西"),
    **dict.fromkeys(["宝鸡", "咸阳", "延安"], "陕西"),
    **dict.fromkeys(["芜湖", "蚌埠", "马鞍山", "安庆"], "安徽"),
    **dict.fromkeys(["南昌", "赣州", "九江", "景德镇"], "江西"),
    **dict.fromkeys(["桂林", "柳州", "北海"], "广西"),
    **dict.fromkeys(["海口", "三亚"], "海南"),
    **dict.fromkeys(["遵义", "六盘水"], "贵州"),
    **dict.fromkeys(["天水", "酒泉"], "甘肃"),
    **dict.fromkeys(["呼和浩特", "包头", "鄂尔多斯"], "内蒙古"),
    **dict.fromkeys(["大庆", "齐齐哈尔"], "黑龙江"),
    **dict.fromkeys(["吉林市", "延吉"], "吉林"),
    **dict.fromkeys(["乌鲁木齐", "喀什"], "新疆"),
    **dict.fromkeys(["拉萨"], "西藏"),
    **dict.fromkeys(["西宁"], "青海"),
    **dict.fromkeys(["石嘴山"], "宁夏"),
}  # fmt: skip

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
        parts.append(word_pattern(w))
    return re.compile("|".join(parts))


_BY_NAME = {name: place for place in CHINA for name in place.names}
_CHINA_RX = _finder(list(_BY_NAME))
_ABROAD_BY_NAME = {name: place for place in ABROAD for name in place.names}
_ABROAD_RX = _finder([*_ABROAD_BY_NAME, "abroad", "overseas", "国外", "在海外", "海外的"])


# Names longest first, as the finders try them.
_CHINA_NAMES = tuple(sorted(_BY_NAME, key=len, reverse=True))
_ABROAD_NAMES = tuple(sorted(_ABROAD_BY_NAME, key=len, reverse=True))


@functools.lru_cache(maxsize=2048)
def _finder_of(names: tuple[str, ...]) -> re.Pattern[str]:
    return _finder(list(names))


def _found(names: tuple[str, ...], by_name: dict[str, Place], normalized: str) -> list[Place]:
    # Every sentence of every candidate passage is looked through: a regex of the few names the text
    # holds as substrings is several times faster than one of all ~300 names.
    present = tuple(n for n in names if n in normalized)
    if not present:
        return []
    out: list[Place] = []
    for m in _finder_of(present).finditer(normalized):
        place = by_name.get(m.group(0))
        if place is not None and place not in out:
            out.append(place)
    return out


def places_in(normalized: str) -> list[Place]:
    """Chinese places named in a normalised text, in order, once each."""
    return _found(_CHINA_NAMES, _BY_NAME, normalized)


def without_places(normalized: str) -> str:
    """The text with every place name, in China or abroad, blanked out ("which silicon valley companies"
    -> "which   companies")."""
    return _ABROAD_RX.sub(" ", _CHINA_RX.sub(" ", normalized))


def foreign_places_in(normalized: str) -> list[Place]:
    """Countries and cities abroad named in a normalised text."""
    return _found(_ABROAD_NAMES, _ABROAD_BY_NAME, normalized)


def mentions(normalized: str, place: Place) -> bool:
    """Whether a normalised passage names `place` in either language."""
    return any((word_rx(n).search(normalized) if n.isascii() else n in normalized) for n in place.names)


def abroad(normalized: str) -> bool:
    """Whether the asker says they are outside China (a country or city abroad, 'abroad', 海外)."""
    return _ABROAD_RX.search(normalized) is not None


_NEIGHBOURS_OF = {line.split()[0]: line.split()[1:] for line in _NEIGHBOURS.strip().splitlines()}


def nearby(place: Place) -> list[str]:
    """Provinces near a Chinese place, nearest first: a city's own province, then its neighbours."""
    province = _PROVINCE_OF.get(place.key)
    if province is not None:
        return [province, *_NEIGHBOURS_OF.get(province, [])]
    return list(_NEIGHBOURS_OF.get(place.key, []))


def shown_as(name: str, language: str) -> str:
    """A place's name for a reply in `language` (深圳 -> Shenzhen in English); other words unchanged."""
    place = _BY_NAME.get(name) or _ABROAD_BY_NAME.get(name)
    return name if place is None or language == "zh" else place.shown
