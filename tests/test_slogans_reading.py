"""A researcher's hand reading of the sample page, against discovery alone.

Counts are over each item's headline + text as the reader returns them (photo captions counted),
found with an EMPTY slogan lexicon and a user dictionary from which the page's formulas are removed.
"""

import pandas as pd
import pytest

import analysis
from analysis.paths import LEXICON, RAW
from analysis.slogans import NON_SLOGAN_TYPES, extract_slogans

FORMULAS = {
    "项目攻坚": 11,
    "高质量跨越发展": 5,
    "高质量跨越赶超发展": 1,
    "高质量发展": 6,
    "双过半": 3,
    "对标找差": 2,
    "一号工程": 1,
    "头号工程": 1,
    "13153·N": 2,
    "做的要比说的好、服务要比需求早": 2,
    "大抓项目、抓大项目": 1,
    "抓项目、拼经济、促发展": 1,
    "稳中有进": 1,
    "腾笼换凤": 1,
    "严管厚爱": 1,
    "补短板": 1,
    "强弱项": 1,
    "大干60天": 1,
    "不忘初心、牢记使命": 1,
    "新质生产力": 1,
    "三见面": 1,
    "三先一后": 1,
    "五新": 1,
    "最后一公里": 1,
    "营商环境": 1,
    "问题导向": 2,
    "全生命周期": 2,
    "回头看": 1,
    "重承诺、轻落实": 1,
    "寸土出寸金": 1,
    "黄金地块产黄金": 1,
    "书记推、周周到": 1,
    "文明实践+": 1,
    "以创新促改革、以改革促发展": 1,
    "敢为善为有为": 1,
    "提质增效": 1,
    "党建引领": 1,
    "真抓实干": 1,
    "攻坚突破": 2,
    "担当作为": 1,
    "薪酬高能低、人员能进能出、干部能上能下": 1,
    "最重要的事情用最强的力量抓、最困难的事情用最笨的办法推进": 1,
    "群众在哪里，文明实践就延伸到哪里": 1,
    "一个项目一个专班": 1,
    "专业化、常态化、精准化、品牌化、便利化": 1,
    "标准化、规范化、系统化": 1,
}
FAMILIES = [
    {"高质量跨越发展", "高质量跨越赶超发展", "高质量发展"},
    {"一号工程", "头号工程"},
]
NOT_SLOGANS = {
    "青春阅读达人": "title",
    "优秀阅读推广人": "title",
    "书香沁童心 国企伴成长": "event",
    "追寻伟人足迹 赓续革命精神": "event",
    "畅享春天 共享阅读": "event",
    "暖心书籍伴成长 悠悠书香沁童心": "event",
    "爱心速递·送书下乡": "event",
    "阅读一小时，经典长相伴": "event",
    "新时代文明实践中心": "institution",
}
NEVER = [
    "南船北马，舍舟登陆",
    "新鲜血液",
    "先天不足",
    "雨后春笋",
    "如火如荼",
    "时不我待",
    "雷厉风行",
    "千方百计",
    "举一反三",
    "轻重缓急",
    "一砖一瓦",
    "团队协作",
    "穿越烽火线",
    "问题楼盘",
    "工业厂房",
]
LISTED = [*FORMULAS, *NOT_SLOGANS]


@pytest.fixture(scope="module")
def reduced_userdict(tmp_path_factory):
    """The shipped user dictionary minus every line whose word occurs in a listed formula or name."""
    with open(LEXICON / "userdict.txt", encoding="utf-8") as f:
        lines = [line for line in f if not (line.split() and any(line.split()[0] in form for form in LISTED))]
    path = tmp_path_factory.mktemp("lexicon") / "userdict.txt"
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(lines)
    return path


@pytest.fixture(scope="module")
def uses(tmp_path_factory, reduced_userdict):
    articles = analysis.load_corpus(RAW, tmp_path_factory.mktemp("processed"))
    items = analysis.counted_items(articles, photos=True)
    return extract_slogans(items, lexicon=pd.DataFrame(columns=["slogan"]), userdict=reduced_userdict)


def test_the_reduced_userdict_lacks_the_formulas(reduced_userdict):
    with open(reduced_userdict, encoding="utf-8") as f:
        words = {line.split()[0] for line in f if line.strip()}
    assert not words & {"项目攻坚", "双过半", "对标找差", "高质量跨越发展", "腾笼换凤"}
    assert "清江浦区" in words


def test_recall_with_exact_counts_is_at_least_nine_tenths(uses):
    counts = uses.slogan.value_counts()
    exact = {form for form, n in FORMULAS.items() if counts.get(form, 0) == n}
    missed = {form: (n, int(counts.get(form, 0))) for form, n in FORMULAS.items() if form not in exact}
    assert len(exact) / len(FORMULAS) >= 0.9, missed


def test_no_idiom_or_ordinary_phrase_is_a_result(uses):
    found = set(uses.slogan) | set(uses.form)
    assert not found & set(NEVER)


def test_names_titles_and_events_are_typed_not_slogans(uses):
    for name, kind in NOT_SLOGANS.items():
        rows = uses[uses.slogan == name]
        assert set(rows.type) <= {kind}, name
    typed = uses[uses.slogan.isin(NOT_SLOGANS)]
    assert set(typed.type) <= NON_SLOGAN_TYPES
    assert len(set(typed.slogan)) >= 0.8 * len(NOT_SLOGANS)


def test_variants_are_joined_in_families(uses):
    family = dict(zip(uses.slogan, uses.family))
    for members in FAMILIES:
        assert len({family.get(m) for m in members}) == 1, members
    assert family["高质量跨越发展"] == "高质量发展"


def test_the_contract_columns(uses):
    needed = {"article_id", "issue", "date", "slogan", "family", "form", "type", "start", "end", "quoted", "source"}
    assert needed <= set(uses.columns)
    assert set(uses.source) <= {"national", "recurrence", "pattern", "quoted", "lexicon"}
