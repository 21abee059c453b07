"""Places a question can name: China's provinces and larger cities (zh / en), and places abroad.

A question that names a Chinese place is only answered from a passage about that place ("深圳有几个联络站"
is never answered with Hangzhou's stations); a place abroad says where the asker is, not what is asked.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from retrieval.text import word_pattern, word_rx

# "zh en [more names]" — one place a line; the first English name is the display name (津门 is Tianjin's old
# name, in 津门行).
_CHINA = """
北京 Beijing Peking
天津 Tianjin Tientsin 津门
上海 Shanghai
重庆 Chongqing Chungking
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
山东 Shandong Shantung
河南 Henan
湖北 Hubei
湖南 Hunan
广东 Guangdong Canton Kwangtung
广西 Guangxi
海南 Hainan
四川 Sichuan
贵州 Guizhou Kweichow
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
中西部 western_China central_and_western west_China west_of_China central_China western_regions 西部 中部 中西部地区
东北 Northeast_China northeast north-east 东北地区 东北老工业基地
西北 Northwest_China northwest north-west 西北地区
西南 Southwest_China southwest south-west 西南地区
华东 East_China eastern_China 华东地区
华南 South_China southern_China south_of_China 华南地区
华北 North_China northern_China north_of_China 华北地区
江浙沪 Jiangsu,_Zhejiang_and_Shanghai 长三角 Yangtze_River_Delta
江浙 Jiangsu_and_Zhejiang
南方 南方地区
北方 北方地区
"""
# Cities, one province a line ("province: city English, city English, …"): the plan's own and more
# prefecture-level ones (a question about one of them is about a place the documents may lack).
_CITIES = """
广东: 深圳 Shenzhen, 广州 Guangzhou Kwangchow, 东莞 Dongguan, 佛山 Foshan, 珠海 Zhuhai, 汕头 Shantou, 惠州 Huizhou, 中山 Zhongshan, 江门 Jiangmen, 湛江 Zhanjiang, 肇庆 Zhaoqing, 茂名 Maoming, 揭阳 Jieyang, 清远 Qingyuan, 韶关 Shaoguan, 梅州 Meizhou
浙江: 杭州 Hangzhou Hangchow, 宁波 Ningbo Ningpo, 温州 Wenzhou, 绍兴 Shaoxing, 金华 Jinhua, 台州 Taizhou, 嘉兴 Jiaxing, 湖州 Huzhou, 丽水 Lishui, 衢州 Quzhou, 舟山 Zhoushan, 义乌 Yiwu
江苏: 苏州 Suzhou Soochow, 南京 Nanjing Nanking, 无锡 Wuxi, 常州 Changzhou, 南通 Nantong, 徐州 Xuzhou, 扬州 Yangzhou, 盐城 Yancheng, 镇江 Zhenjiang, 泰州 Taizhou_(Jiangsu), 淮安 Huai'an Huaian, 连云港 Lianyungang, 宿迁 Suqian, 昆山 Kunshan
山东: 济南 Jinan, 青岛 Qingdao Tsingtao, 烟台 Yantai, 潍坊 Weifang, 淄博 Zibo, 威海 Weihai, 临沂 Linyi, 济宁 Jining, 日照 Rizhao, 东营 Dongying, 德州 Dezhou, 聊城 Liaocheng, 菏泽 Heze
四川: 成都 Chengdu, 绵阳 Mianyang, 德阳 Deyang, 宜宾 Yibin, 泸州 Luzhou, 南充 Nanchong, 乐山 Leshan
湖北: 武汉 Wuhan, 宜昌 Yichang, 襄阳 Xiangyang, 十堰 Shiyan, 荆州 Jingzhou
陕西: 西安 Xi'an Xian, 宝鸡 Baoji, 咸阳 Xianyang, 延安 Yan'an Yanan
湖南: 长沙 Changsha, 株洲 Zhuzhou, 湘潭 Xiangtan, 衡阳 Hengyang, 岳阳 Yueyang, 常德 Changde
河南: 郑州 Zhengzhou, 洛阳 Luoyang, 开封 Kaifeng, 新乡 Xinxiang, 南阳 Nanyang, 许昌 Xuchang
安徽: 合肥 Hefei, 芜湖 Wuhu, 蚌埠 Bengbu, 马鞍山 Ma'anshan, 安庆 Anqing
福建: 厦门 Xiamen Amoy, 福州 Fuzhou, 泉州 Quanzhou, 漳州 Zhangzhou, 莆田 Putian, 龙岩 Longyan
辽宁: 大连 Dalian, 沈阳 Shenyang, 鞍山 Anshan, 抚顺 Fushun, 丹东 Dandong, 锦州 Jinzhou, 营口 Yingkou
黑龙江: 哈尔滨 Harbin, 大庆 Daqing, 齐齐哈尔 Qiqihar
吉林: 长春 Changchun, 吉林市 Jilin_City, 延吉 Yanji
云南: 昆明 Kunming, 大理 Dali, 祥云 Xiangyun, 曲靖 Qujing, 玉溪 Yuxi, 丽江 Lijiang, 西双版纳 Xishuangbanna
贵州: 贵阳 Guiyang, 遵义 Zunyi, 六盘水 Liupanshui
宁夏: 银川 Yinchuan, 石嘴山 Shizuishan
广西: 南宁 Nanning, 桂林 Guilin, 柳州 Liuzhou, 北海 Beihai
甘肃: 兰州 Lanzhou, 天水 Tianshui, 酒泉 Jiuquan
河北: 石家庄 Shijiazhuang, 唐山 Tangshan, 保定 Baoding, 廊坊 Langfang, 秦皇岛 Qinhuangdao, 邯郸 Handan, 雄安 Xiong'an Xiongan
山西: 太原 Taiyuan
江西: 南昌 Nanchang, 赣州 Ganzhou, 九江 Jiujiang, 景德镇 Jingdezhen
海南: 海口 Haikou, 三亚 Sanya
内蒙古: 呼和浩特 Hohhot, 包头 Baotou, 鄂尔多斯 Ordos
新疆: 乌鲁木齐 Urumqi, 喀什 Kashgar
西藏: 拉萨 Lhasa
青海: 西宁 Xining
台湾: 台北 Taipei, 高雄 Kaohsiung, 台中 Taichung, 新竹 Hsinchu, 台南 Tainan
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


# The provinces of the regions people name ("events in the northwest", "西南有什么活动").
_REGIONS = """
江浙沪 江苏 浙江 上海
江浙 江苏 浙江
中西部 山西 安徽 江西 河南 湖北 湖南 内蒙古 广西 重庆 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆
东北 辽宁 吉林 黑龙江
西北 陕西 甘肃 青海 宁夏 新疆
西南 重庆 四川 贵州 云南 西藏
华东 上海 江苏 浙江 安徽 福建 江西 山东
华南 广东 广西 海南
华北 北京 天津 河北 山西 内蒙古
南方 上海 江苏 浙江 安徽 福建 江西 湖北 湖南 广东 广西 海南 重庆 四川 贵州 云南
北方 北京 天津 河北 山西 内蒙古 辽宁 吉林 黑龙江 山东 河南 陕西 甘肃 青海 宁夏 新疆
"""
_PROVINCES_OF_REGION = {line.split()[0]: line.split()[1:] for line in _REGIONS.strip().splitlines()}


def within(place: Place) -> list[str]:
    """The provinces of a region (西北: 陕西, 甘肃 …); none for a province or a city."""
    return _PROVINCES_OF_REGION.get(place.key, [])


def _cities(block: str) -> dict[str, str]:
    """Each city as a line of _CHINA's form ("深圳 Shenzhen"), mapped to its province."""
    return {
        city: province
        for province, listed in (line.split(": ", 1) for line in block.strip().splitlines())
        for city in listed.split(", ")
    }


_CITY_PROVINCE = _cities(_CITIES)
_PROVINCE_OF = {city.split()[0]: province for city, province in _CITY_PROVINCE.items()}

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


CHINA = _parse(_CHINA + "\n".join(_CITY_PROVINCE))
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


# "北京时间", "Beijing time": China's time zone, not the city.
_TIME_ZONE = re.compile(r"北京时间|\bbeijing time\b")


def places_in(normalized: str) -> list[Place]:
    """Chinese places named in a normalised text, in order, once each."""
    return _found(_CHINA_NAMES, _BY_NAME, _TIME_ZONE.sub(" ", normalized))


def without_places(normalized: str) -> str:
    """The text with every place name, in China or abroad, blanked out ("which silicon valley companies"
    -> "which   companies")."""
    return _ABROAD_RX.sub(" ", _CHINA_RX.sub(" ", normalized))


# "anything outside zhejiang and jiangsu", "除了江浙还有哪里", "江苏以外的活动": places asked to be left out.
_EXCLUDING_EN = re.compile(
    r"\b(?:outside(?: of)?|except(?: for)?|other than|apart from|besides|excluding|not in|but not in|aside from)\s+"
    r"(?P<seg>.{1,40}?)(?=[?,.!;]|\s+(?:in|during|for|with|that|which|this|next|from|before|after|any|is|are)\b|$)"
)
_EXCLUDING_ZH = re.compile(
    r"(?:除了|除去|除开)(?P<seg>[^，,。？?！!]{1,12}?)(?=以外|之外|外|还|的|，|,|有|$)"
    r"|不在(?P<seg2>[^，,。？?！!]{1,8}?)(?=的|办|举办|举行|，|,|$)"
    r"|(?P<seg3>[\u4e00-\u9fff]{2,8}?)(?:以外|之外)"
)


def excluded_places(normalized: str) -> list[Place]:
    """Chinese places a normalised question asks to leave out ("outside Zhejiang", "除了江浙")."""
    segments = [m.group("seg") for m in _EXCLUDING_EN.finditer(normalized)]
    segments += [
        m.group("seg") or m.group("seg2") or m.group("seg3") for m in _EXCLUDING_ZH.finditer(normalized)
    ]
    return list(dict.fromkeys(p for seg in segments for p in places_in(seg)))


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


# Where each province's capital lies (latitude, longitude), to find the nearest events when the place asked
# about and its neighbours hold none (from Harbin, Tianjin before Yinchuan).
_CAPITALS = """
北京 39.9 116.4
天津 39.1 117.2
上海 31.2 121.5
重庆 29.6 106.5
河北 38.0 114.5
山西 37.9 112.5
内蒙古 40.8 111.7
辽宁 41.8 123.4
吉林 43.9 125.3
黑龙江 45.8 126.5
江苏 32.1 118.8
浙江 30.3 120.2
安徽 31.8 117.2
福建 26.1 119.3
江西 28.7 115.9
山东 36.7 117.0
河南 34.7 113.6
湖北 30.6 114.3
湖南 28.2 112.9
广东 23.1 113.3
广西 22.8 108.3
海南 20.0 110.3
四川 30.7 104.1
贵州 26.6 106.7
云南 25.0 102.7
西藏 29.7 91.1
陕西 34.3 108.9
甘肃 36.1 103.8
青海 36.6 101.8
宁夏 38.5 106.3
新疆 43.8 87.6
香港 22.3 114.2
澳门 22.2 113.5
台湾 25.0 121.5
"""
_CAPITAL_OF = {
    name: (float(lat), float(lon))
    for name, lat, lon in (line.split() for line in _CAPITALS.strip().splitlines())
}


def by_distance(place: Place) -> list[str]:
    """Every province, nearest first to the place's own (by the distance between their capitals)."""
    home = _PROVINCE_OF.get(place.key, place.key)
    if home not in _CAPITAL_OF:
        return []
    lat0, lon0 = _CAPITAL_OF[home]

    def km(province: str) -> float:
        lat, lon = _CAPITAL_OF[province]
        a = (
            math.sin(math.radians(lat - lat0) / 2) ** 2
            + math.cos(math.radians(lat0))
            * math.cos(math.radians(lat))
            * math.sin(math.radians(lon - lon0) / 2) ** 2
        )
        return 12742 * math.asin(math.sqrt(a))  # haversine, the Earth's diameter in km

    return sorted(_CAPITAL_OF, key=km)


def shown_as(name: str, language: str) -> str:
    """A place's name for a reply in `language` (深圳 -> Shenzhen in English); other words unchanged."""
    place = _BY_NAME.get(name) or _ABROAD_BY_NAME.get(name)
    return name if place is None or language == "zh" else place.shown
