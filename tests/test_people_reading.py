"""A researcher's hand reading of the sample page: who acts in each article, with which title, and its genre."""

import pandas as pd
import pytest

import analysis
from analysis.paths import RAW, SHARED_CORPUS

SAMPLE = RAW / "000_643968e12915283d.txt"

# order -> {name: (title as printed, role verb or "", position in its printed list or 0 = not checked)}
ACTORS = {
    1: {
        "朱海波": ("区委书记", "出席", 1),
        "赵洪涛": ("区长", "主持", 1),
        "吴守明": ("区领导", "参加", 1),
        "孙爱超": ("区领导", "参加", 2),
        "张尧宇": ("区领导", "参加", 3),
    },
    2: {"朱海波": ("清江浦区委书记", "考察", 1), "石斌": ("区领导", "陪同", 1), "王磊": ("区领导", "陪同", 2)},
    3: {
        "朱海波": ("区委书记", "参加", 0),
        "沈坤": ("董事长", "参加", 0),
        "王磊": ("区委常委、清江浦经济开发区党工委副书记", "参加", 0),
    },
    4: {
        "赵洪涛": ("区长", "出席", 1),
        "史卫东": ("区领导", "参加", 1),
        "叶蓓": ("区领导", "参加", 2),
        "吴守明": ("区领导", "参加", 3),
        "张红梅": ("区领导", "参加", 4),
        "杨春燕": ("区领导", "参加", 5),
    },
    8: {"安俊": ("清江浦区优秀阅读推广人、区“青春阅读达人”", "", 0)},
    11: {"何正辉": ("院长", "", 0)},
}
# 11 is 简讯: a short report of a fact (a facility built and in use), not an event people attend.
GENRES = {1: "会议", 2: "调研考察", 3: "招商签约", 4: "会议", 5: "图片", 6: "经验做法", 7: "会议", 8: "活动"}
GENRES |= {9: "活动", 10: "活动", 11: "简讯", 12: "活动", 13: "活动"}
REPORTERS = (
    "蒲蔚 石华岳 陈子晗 仲崇庆 李晓天 徐薇薇 崔玥 曹康蛟 刘然 倪金靓 徐赟 唐剑 孙卉 陈晨 蒋童 殷莉莉 张素琴 胡宗元 邵逸"
)


@pytest.fixture(scope="module")
def page():
    return analysis.read_issue(SAMPLE)


@pytest.fixture(scope="module")
def people(page):
    found = analysis.extract_people(page)
    return found.merge(page[["article_id", "order"]], on="article_id")


def first_titled(people):
    """Each (article, name) pair's first mention printed with its title."""
    return people[people["titled"]].groupby(["order", "name"]).first()


def test_columns(people):
    expected = ["article_id", "issue", "date", "name", "title", "organization", "position_in_list"]
    assert set(expected + ["role_in_article", "sentence"]) <= set(people.columns)


def test_recall_and_precision_of_actors(people):
    wanted = {(order, name) for order, names in ACTORS.items() for name in names}
    found = set(zip(people["order"], people["name"]))
    assert len(wanted & found) / len(wanted) >= 0.95
    assert len(wanted & found) / len(found) >= 0.9, found - wanted


def test_titles_as_printed(people):
    titled = first_titled(people)
    pairs = [(o, n, t) for o, names in ACTORS.items() for n, (t, _, _) in names.items()]
    right = sum((o, n) in titled.index and titled.loc[(o, n), "title"] == t for o, n, t in pairs)
    assert right / len(pairs) >= 0.9


def test_roles_and_protocol_order(people):
    titled = first_titled(people)
    for order, names in ACTORS.items():
        for name, (_, role, position) in names.items():
            if role:
                assert role in titled.loc[(order, name), "role_in_article"], (order, name)
            if position:
                assert titled.loc[(order, name), "position_in_list"] == position, (order, name)
    assert "讲话" in titled.loc[(1, "朱海波"), "role_in_article"]


def test_organizations(people):
    titled = first_titled(people)
    assert titled.loc[(3, "沈坤"), "organization"] == "海南桐轩投资有限公司"
    assert titled.loc[(11, "何正辉"), "organization"] == "武墩卫生院"


def test_reporters_and_memorials_are_never_actors(people):
    assert not set(people["name"]) & set(REPORTERS.split())
    assert "周恩来" not in set(people["name"])


def test_a_name_learned_with_its_title_is_found_without_it(people):
    untitled = people[~people["titled"]]
    sentences = " ".join(untitled.loc[untitled["name"] == "朱海波", "sentence"])
    assert "朱海波向企业负责人介绍" in sentences
    said = untitled[(untitled["order"] == 1) & (untitled["name"] == "赵洪涛")]
    assert said["sentence"].str.contains("赵洪涛指出").any()
    assert (said["title"] == "区长").all()  # the title it was printed with in this article


def test_genres_with_their_cue(page):
    coded = analysis.classify_genres(page)
    assert dict(zip(coded["order"], coded["genre"])) == GENRES
    assert coded["genre_cue"].str.len().gt(0).all()


def test_meeting_share(page):
    share = analysis.meeting_share(analysis.classify_genres(page))
    assert share.loc[0, "articles"] == 12  # the photo is not an article
    assert share.loc[0, "meetings"] == 3
    assert share.loc[0, "meeting_share"] == pytest.approx(0.25)


def test_a_later_issue_without_the_title(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    first = (
        "区政协召开常委会议\n\n■通讯员 王小明\n\n本报讯 日前，区政协召开常委会议，区政协主席欧阳明远出席会议并讲话。"
    )
    later = "欧阳明远调研农业园区\n\n■记者 李大伟\n\n本报讯 近日，欧阳明远到农业园区调研，他强调要抓好春耕。"
    (raw / "paper_2024-05-01.txt").write_text(first, encoding="utf-8")
    (raw / "paper_2024-06-03.txt").write_text(later, encoding="utf-8")
    articles = analysis.load_corpus(raw, tmp_path / "processed")
    people = analysis.extract_people(articles)
    assert set(people["name"]) == {"欧阳明远"}
    later_rows = people[people["issue"] == "paper_2024-06-03"]
    assert len(later_rows) >= 1 and not later_rows["titled"].any()
    assert later_rows["title"].iloc[0] == "区政协主席"  # learned from the earlier issue
    assert "调研" in later_rows["role_in_article"].iloc[0]
    assert people["date"].dt.month.tolist()[0] == 5


NEWS = SHARED_CORPUS / "xinwenlianbo" / "news"


@pytest.mark.skipif(not NEWS.is_dir(), reason="the shared 新闻联播 transcripts are not there")
def test_xinwenlianbo_items():
    from transcripts import news_items

    items = news_items(3)  # 2022-09-24 to 26
    people = analysis.extract_people(items)
    assert len(people) > 0
    xi = people[(people["name"] == "习近平") & people["titled"]]
    assert "中共中央总书记、国家主席、中央军委主席" in set(xi["title"])
    wang = people[(people["name"] == "汪洋") & people["titled"]].iloc[0]
    assert (wang["title"], wang["organization"]) == ("中共中央政治局常委、全国政协主席", "全国政协")
    assert wang["role_in_article"] == "主持/讲话"
    assert not people[people["name"] == "习近平"]["titled"].all()  # found without the title too
    assert "张桂梅" in set(people["name"])
    assert not people["name"].str.len().gt(4).any()
    coded = analysis.classify_genres(items).set_index("headline")
    assert coded.loc["人民日报评论员文章：忠实履行代表职责 充分发挥代表作用", "genre"] == "评论"
    assert coded.loc["汪洋主持召开全国政协主席会议 决定10月底召开全国政协十三届常委会第二十四次会议", "genre"] == "会议"
    assert isinstance(analysis.meeting_share(coded), pd.DataFrame)
