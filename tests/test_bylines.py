"""Bylines, datelines and photo credits in the conventions of Chinese papers."""

import pytest

from analysis.read.bylines import is_bare_name, parse_byline, split_dateline, split_photo_credit


@pytest.mark.parametrize(
    "line,names",
    [
        ("■通讯员 蒲蔚 石华岳 陈子晗", ["蒲蔚", "石华岳", "陈子晗"]),
        ("本报记者  季  芳", ["季芳"]),  # a two-character name padded to three
        ("本报通讯员 王小明  记者 李强", ["王小明", "李强"]),
        ("□本报记者 刘 洋 通讯员 陈晨", ["刘洋", "陈晨"]),
        ("文/图 张三", ["张三"]),
        ("本报记者 张三 摄", ["张三"]),
        ("记者 欧 阳 娜", ["欧阳娜"]),
        ("清江浦区推进建议提案办理工作", None),  # a headline
        ("高位推动，提升运行效率", None),  # a subhead
        ("区领导石斌、王磊陪同考察。", None),  # a sentence
    ],
)
def test_bylines(line, names):
    assert parse_byline(line) == names


@pytest.mark.parametrize(
    "paragraph,expected",
    [
        ("本报讯 日前，清江浦区召开会议。", ("本报讯", [], "日前，清江浦区召开会议。")),
        ("本报讯（记者 张三 通讯员 李四）近日，", ("本报讯（记者 张三 通讯员 李四）", ["张三", "李四"], "近日，")),
        ("本报4月3日讯（记者 刘洋）全市", ("本报4月3日讯（记者 刘洋）", ["刘洋"], "全市")),
        ("本报北京3月24日电  国家统计局24日发布", ("本报北京3月24日电", [], "国家统计局24日发布")),
        (
            "新华社北京3月24日电（记者 王五、赵六）3月24日",
            ("新华社北京3月24日电（记者 王五、赵六）", ["王五", "赵六"], "3月24日"),
        ),
        ("央视网消息（新闻联播）：中共中央", ("央视网消息（新闻联播）", [], "中共中央")),
        ("本报讯（以下简称“市局”）近日", ("本报讯", [], "（以下简称“市局”）近日")),
        ("日前，清江浦区召开会议。", ("", [], "日前，清江浦区召开会议。")),
    ],
)
def test_datelines(paragraph, expected):
    assert split_dateline(paragraph) == expected


def test_bare_author_names_and_photo_credits():
    assert is_bare_name("张  伟") and is_bare_name("张三 李四") and not is_bare_name("以实干担当奋力开创新局面")
    assert split_photo_credit("图为该公司智能化生产车间。（本报记者 张三 摄）") == (
        "图为该公司智能化生产车间。",
        ["张三"],
    )
    assert split_photo_credit("图为车间。") == ("图为车间。", [])
