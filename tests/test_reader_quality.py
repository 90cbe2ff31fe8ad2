"""Pages that are not newspaper pages read into doubtful items; trailing notes, column tags and heading blocks."""

import pytest

from analysis import parse_page
from analysis.read import page_quality
from analysis.read.headings import split_heading


def nonblank(text):
    return [n for n, line in enumerate(text.split("\n"), 1) if line.strip()]


@pytest.mark.parametrize(
    "text",
    [
        "1\n\n2\n\n3\n\n45.6",
        "This is an English page.\n\nIt has two paragraphs, and no Chinese at all.",
        "今天天气很好，我们去公园散步，看见很多人在锻炼身体，有的跑步，有的打太极拳，十分热闹。",
    ],
)
def test_a_page_that_is_not_a_newspaper_page_reads_into_doubtful_items(text):
    page = parse_page(text, issue="odd")
    assert sorted(n for u in page.units for n in u.lines) + [d["line"] for d in page.dropped] == nonblank(text)
    quality = page_quality(page.articles())
    assert list(quality["issue"]) == ["odd"]
    assert quality["doubtful"].iloc[0] == quality["items"].iloc[0] >= 1
    assert quality["why"].iloc[0]


def test_numbers_and_english_are_not_joined_as_column_breaks():
    df = parse_page("1\n\n2\n\n3").articles()
    assert df["text"].iloc[0].split("\n") == ["1", "2", "3"]


def test_a_real_page_has_no_doubtful_items():
    page = "\n\n".join(
        ["我市启动春季植树活动", "本报记者  李  强", "本报讯 连日来，我市各地掀起植树造林热潮，共植树50余万株。"]
    )
    quality = page_quality(parse_page(page).articles())
    assert quality["doubtful"].tolist() == [0]


@pytest.mark.parametrize(
    "group, parts",
    [
        (["当以正向力量引导经济全球化（钟声）"], ("当以正向力量引导经济全球化", "", "", "钟声")),
        (
            ["湖北探索处置生活垃圾新路子", "水泥窑烧垃圾一举多得"],
            ("水泥窑烧垃圾一举多得", "湖北探索处置生活垃圾新路子", "", ""),
        ),
        (["某某会见外国领导人", "强调深化务实合作"], ("某某会见外国领导人", "", "强调深化务实合作", "")),
        (
            ["坚持项目为王", "全力以赴拼经济促发展", "——我市一季度重大项目观察"],
            ("全力以赴拼经济促发展", "坚持项目为王", "我市一季度重大项目观察", ""),
        ),
        (
            ["云南设立监理中心", "退货够给力，游客才满意（关注改革最后一公里）"],
            ("退货够给力，游客才满意", "云南设立监理中心", "", "关注改革最后一公里"),
        ),
    ],
)
def test_heading_blocks_split_into_kicker_headline_subtitle_and_column(group, parts):
    h = split_heading(group)
    assert (h.headline, h.kicker, h.subtitle, h.column) == parts


def test_trailing_author_note_closes_the_article_and_is_never_a_headline():
    page = "\n\n".join(
        [
            "发掘运用本土教育经验（大家手笔）",
            "张  伟",
            "我国有着悠久的教育史，积累了丰富的教育文化遗产。",
            "（作者单位：某某大学）",
            "我市启动春季植树活动",
            "本报讯 连日来，我市各地掀起植树造林热潮。",
            "（记者 李强）",
        ]
    )
    df = parse_page(page).articles()
    assert list(df["headline"]) == ["发掘运用本土教育经验", "我市启动春季植树活动"]
    assert list(df["column"]) == ["大家手笔", ""]
    assert list(df["author_note"]) == ["（作者单位：某某大学）", "（记者 李强）"]
    assert df["reporters"].iloc[1] == ["李强"]
    assert [t.split("\n")[-1] for t in df["text"]] == list(df["author_note"])  # printed where the paper put it


def test_a_photo_printed_while_an_article_waits_for_its_jumped_tail():
    page = "\n\n".join(
        [
            "我市启动春季植树活动",
            "本报记者  李  强",
            "本报讯 连日来，我市各地掀起植树造林热潮，共植",
            "图片报道",
            "清明将至，茶园青翠，当地种植茶叶5万多亩，做大做强品牌，带",
            "领茶农致富。图为茶农在采茶。",
            "王丽娟摄",
            "树50余万株。",
        ]
    )
    df = parse_page(page).articles()
    assert list(zip(df["kind"], df["headline"])) == [("article", "我市启动春季植树活动"), ("photo", "图片报道")]
    assert df["text"].iloc[0].endswith("共植树50余万株。")
    assert df["reporters"].iloc[1] == ["王丽娟"]
