"""Articles of the sample page, assembled by hand for the slogan tests.

Each paragraph is a tuple of line prefixes on the raw page; the lines are joined without a
break, which repairs column breaks by hand (服务要比需 + 求早 -> 服务要比需求早).
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from analysis.paths import RAW

SAMPLE = RAW / "000_643968e12915283d.txt"
ISSUE = "000_643968e12915283d"

ARTICLES = {
    "清江浦区一季度经济形势分析暨项目攻坚推进会召开": [
        ("本报讯 日前，清江浦区一季度",),
        ("朱海波指出", "区上下要坚定"),
        ("就进一步做好下一阶段工作", "一批形式多样", "活动，努力实现", "发展提供坚实人才支撑"),
        ("就贯彻落实会议精神",),
    ],
    "清江浦区领导赴北京广东考察招商": [
        ("本报讯 日前，清江浦区委书记朱海波赴北京",),
        ("朱海波一行拜访", "清江浦区在资源要素"),
        ("在广东清远", "的突出优势"),
    ],
    "高端医疗器械生产与制造项目落户清江浦区": [
        ("本报讯 日前，高端医疗器械",),
        ("朱海波对沈坤回乡", "表示钦佩", "求早”理念"),
        ("沈坤对清江浦区给予", "绍了企业概况"),
        ("据了解，该高端医疗器械",),
    ],
    "清江浦区推进建议提案办理工作": [
        ("本报讯 近日，清江浦区召开2024年",),
        ("就做好今年建议、提案办理工作",),
    ],
    "创新机制 “破冰”前行 清江浦区推动低效闲置资源“焕发新生”": [
        ("人间最美四月天",),
        ("近年来，清江浦区聚焦",),
        ("清江浦区坚持“最重要的事情", "处置盘活工作专班"),
        ("清江浦区依据项目招商引资协议",),
        ("清江浦区在区委区政府层面成立项目办", "支专业招商队伍作用"),
        ("清江浦区将低效闲置资源处置盘活工作纳入",),
    ],
    "清江浦城投关爱青少年成长": [
        ("本报讯 近日，清江浦城投控股集团",),
        ("活动第一站", "运河画舫"),
        ("在“暖心书籍伴成长",),
    ],
    "清江浦区爱卫办开展学校食品安全病媒生物“三防”培训": [
        ("本报讯 近日，清江浦区爱卫办",),
        ("培训现场", "卫科负责人讲解"),
    ],
    "延安路社区增强青少年团队合作意识": [
        ("年的反应能力",),
        ("活动中，志愿者们",),
    ],
}


@lru_cache(maxsize=1)
def page_lines() -> tuple[str, ...]:
    """Non-blank lines of the sample page, as printed."""
    with open(SAMPLE, encoding="utf-8") as f:
        return tuple(line.strip() for line in f if line.strip())


def paragraph(prefixes: tuple[str, ...]) -> str:
    """The first page line starting with each prefix, joined across column breaks."""
    lines = page_lines()
    return "".join(next(line for line in lines if line.startswith(p)) for p in prefixes)


def sample_articles() -> pd.DataFrame:
    """The sample page's main articles in the reader's table shape (the columns slogans need)."""
    rows = [
        {
            "article_id": f"{ISSUE}#{order:02d}",
            "issue": ISSUE,
            "date": pd.NaT,
            "order": order,
            "kind": "article",
            "headline": headline,
            "text": "\n".join(paragraph(p) for p in paras),
        }
        for order, (headline, paras) in enumerate(ARTICLES.items(), start=1)
    ]
    return pd.DataFrame(rows)


def article(articles: pd.DataFrame, headline_start: str) -> pd.Series:
    """The one article whose headline starts with `headline_start`."""
    (row,) = articles[articles.headline.str.startswith(headline_start)].itertuples(index=False)
    return pd.Series(row._asdict())
