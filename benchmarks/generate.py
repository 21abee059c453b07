"""Seeded generator of realistic bilingual policy and event documents around the real sample knowledge base."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

REGIONS = [
    ("山东", "Shandong", "济南", "Jinan"),
    ("江苏", "Jiangsu", "苏州", "Suzhou"),
    ("天津", "Tianjin", "天津", "Tianjin"),
    ("重庆", "Chongqing", "重庆", "Chongqing"),
    ("浙江", "Zhejiang", "宁波", "Ningbo"),
    ("广东", "Guangdong", "深圳", "Shenzhen"),
    ("四川", "Sichuan", "成都", "Chengdu"),
    ("湖北", "Hubei", "武汉", "Wuhan"),
    ("辽宁", "Liaoning", "大连", "Dalian"),
    ("陕西", "Shaanxi", "西安", "Xi'an"),
    ("福建", "Fujian", "厦门", "Xiamen"),
    ("安徽", "Anhui", "合肥", "Hefei"),
    ("河南", "Henan", "郑州", "Zhengzhou"),
    ("湖南", "Hunan", "长沙", "Changsha"),
    ("吉林", "Jilin", "长春", "Changchun"),
]
FIELDS = [
    ("新能源汽车", "new energy vehicles"),
    ("集成电路", "integrated circuits"),
    ("生物医药", "biomedicine"),
    ("人工智能", "artificial intelligence"),
    ("新材料", "new materials"),
    ("现代农业", "modern agriculture"),
    ("海洋工程", "ocean engineering"),
    ("航空航天", "aerospace"),
    ("节能环保", "energy saving"),
    ("金融科技", "financial technology"),
    ("智能制造", "smart manufacturing"),
    ("公共卫生", "public health"),
]
KINDS = [
    ("创新创业大赛", "innovation and start-up contest"),
    ("人才洽谈会", "talent matchmaking fair"),
    ("专家服务行", "expert service tour"),
    ("博士后论坛", "postdoctoral forum"),
    ("技术对接会", "technology matching meeting"),
    ("青年学者论坛", "young scholars forum"),
    ("产业园区开放日", "industrial park open day"),
]
ZH_TEMPLATES = [
    "{year}年，{region}{city}举办{field}{kind}，共有{n1}名海外留学人员参加，{n2}个项目进入对接环节，其中{n3}个项目签署合作协议。",
    "{region}省人社部门介绍，{city}今年设立{n1}个海外人才工作站，重点引进{field}领域的高层次人才，提供安家补贴和项目启动资金。",
    "在{city}{kind}上，来自{n1}个国家和地区的专家围绕{field}开展技术咨询，帮助当地企业解决{n2}项关键技术难题。",
    "{city}将于{year}年{month}月举办第{n3}届{field}{kind}，报名截止前需提交个人简历和项目计划书，名额{n1}人。",
    "据统计，{region}近{n3}年累计吸引{n1}名海外博士来{city}创新创业，带动投资{n2}亿元，{field}产业集群初步形成。",
]
EN_TEMPLATES = [
    "In {year}, {city_en} in {region_en} hosted a {field_en} {kind_en}: {n1} overseas scholars took part, {n2} projects were matched and {n3} signed cooperation agreements.",
    "The {region_en} human resources department said {city_en} opened {n1} overseas talent workstations this year, recruiting high-level talent in {field_en} with housing subsidies and seed funding.",
    "At the {city_en} {kind_en}, experts from {n1} countries and regions gave technical advice on {field_en} and helped local firms solve {n2} key problems.",
    "{city_en} will hold its {n3}th {field_en} {kind_en} in {month_name} {year}; applicants submit a CV and a project plan before the deadline, and {n1} places are available.",
    "Over the past {n3} years {region_en} has attracted {n1} overseas PhDs to start businesses in {city_en}, bringing {n2} hundred million yuan of investment to its {field_en} cluster.",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _paragraph(rng: random.Random, zh: bool) -> str:
    region, region_en, city, city_en = rng.choice(REGIONS)
    field, field_en = rng.choice(FIELDS)
    kind, kind_en = rng.choice(KINDS)
    month = rng.randint(1, 12)
    values = {
        "year": rng.randint(2014, 2026),
        "region": region,
        "region_en": region_en,
        "city": city,
        "city_en": city_en,
        "field": field,
        "field_en": field_en,
        "kind": kind,
        "kind_en": kind_en,
        "month": month,
        "month_name": MONTHS[month - 1],
        "n1": rng.randint(12, 900),
        "n2": rng.randint(3, 300),
        "n3": rng.randint(2, 30),
    }
    templates = ZH_TEMPLATES if zh else EN_TEMPLATES
    picked = rng.sample(templates, 2)
    return "".join(t.format(**values) for t in picked) if zh else " ".join(t.format(**values) for t in picked)


def generate(
    target: Path, chunks: int, seed: int = 7, per_file: int = 100, sample: Path | None = None
) -> int:
    """Write the real knowledge base plus about `chunks` synthetic one-paragraph chunks; returns files written."""
    rng = random.Random(seed)
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(sample or Path(__file__).resolve().parent.parent / "knowledge", target)
    # Measured with the 360-character splitter: 1.17 chunks per paragraph over the two languages (an
    # English paragraph is often cut in two, two Chinese ones often share a chunk).
    files = max(1, round(chunks / (per_file * 1.17)))
    for i in range(files):
        zh = i % 2 == 0
        lang = "zh" if zh else "en"
        body = "\n\n".join(_paragraph(rng, zh) for _ in range(per_file))
        title = f"地方引才动态 第{i + 1}期" if zh else f"Regional talent news, issue {i + 1}"
        (target / "docs" / f"synthetic-{i:05d}.{lang}.md").write_text(
            f'---\nid: synthetic-{i:05d}\ntitle: "{title}"\ndate: 2026-{1 + i % 12:02d}-15\n'
            f'source: "benchmark generator (seed {seed})"\nlanguage: {lang}\n---\n{body}\n',
            encoding="utf-8",
        )
    return files
