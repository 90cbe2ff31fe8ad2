"""Page headers date the issues; the brief over five pages dated only by their headers."""

import pandas as pd
import pytest

from analysis import extract_people, load_corpus, read_issue
from analysis.brief import brief_markdown, latest_issue, new_slogans, split_issue, term_changes
from analysis.issue_labels import issue_labels
from analysis.issue_profile import issue_genres, issue_people
from analysis.read.header import read_header
from analysis.segment import tokenize
from analysis.slogans import extract_slogans
from tests.pages import SAMPLE_TEXT, sample_variant

DAYS = ["2024-04-01", "2024-04-08", "2024-04-15", "2024-04-22", "2024-04-29"]


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    for n, day in enumerate(DAYS, start=1):
        y, m, d = (int(x) for x in day.split("-"))
        header = f"淮安日报 {y}年{m}月{d}日 星期一 第A3版"
        (raw / f"page-{6 - n}.txt").write_text(header + "\n\n" + sample_variant(n), encoding="utf-8")
    return load_corpus(raw, tmp_path_factory.mktemp("processed"))


def _brief(articles, issue):
    uses = extract_slogans(articles)
    changes = term_changes(articles["text"].map(tokenize), articles, issue)
    people = issue_people(extract_people(articles), issue)
    genres = issue_genres(articles, issue)
    return brief_markdown(issue, articles, new_slogans(uses, articles, issue), changes, people=people, genres=genres)


def test_every_issue_is_dated_from_its_header(articles):
    dates = articles.groupby("issue")["date"].min().dt.strftime("%Y-%m-%d")
    assert dates.to_dict() == {f"page-{6 - n}": day for n, day in enumerate(DAYS, start=1)}
    assert latest_issue(articles) == "page-1"


def test_the_first_brief_claims_nothing_and_the_fifth_compares_against_four(articles):
    first = _brief(articles, "page-5")
    assert "这是语料中的第一期" in first and "上升：" not in first and "首次出现的提法" not in first
    fifth = _brief(articles, "page-1")
    assert split_issue(articles, "page-1")[1]["issue"].nunique() == 4
    assert "对照此前 4 期" in fifth and "第一期" not in fifth and "- 上升：" in fifth
    for brief in (first, fifth):  # every brief shows the issue's own profile
        assert "## 本期人物" in brief and "朱海波" in brief and "会议新闻" in brief


def test_the_page_table_says_where_each_date_came_from(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    header = "淮安日报 2024年4月11日 星期四 第A3版 清江浦新闻"
    (raw / "dated_2024-04-12.txt").write_text(header + "\n\n" + sample_variant(1), encoding="utf-8")
    (raw / "undated.txt").write_text(header + "\n\n" + sample_variant(2), encoding="utf-8")
    (raw / "bare.txt").write_text(sample_variant(3), encoding="utf-8")
    articles, dropped, pages = load_corpus(raw, tmp_path / "processed", with_dropped=True, with_pages=True)
    pages = pages.set_index("issue")
    assert pages.loc["dated_2024-04-12", "date_source"] == "file name"  # the name wins over the header
    assert pages.loc["undated", "date_source"] == "page header"
    assert pages.loc["undated", "date"].strftime("%Y-%m-%d") == "2024-04-11"
    assert pages.loc["bare", "date_source"] == "" and pd.isna(pages.loc["bare", "date"])
    assert tuple(pages.loc["undated", ["paper", "page", "section"]]) == ("淮安日报", "A3", "清江浦新闻")
    assert header not in set(articles["headline"]) | set(articles["kicker"].dropna())
    assert (dropped.loc[dropped["text"] == header, "line"] == 1).all()


def test_a_header_is_read_only_from_the_edges_of_the_page():
    assert read_header(SAMPLE_TEXT).lines == {}
    assert read_header("2024年4月10日召开大会\n\n正文。").lines == {}  # a line opening with a date
    folio = read_header("正文。\n\n第A07版")
    assert folio.page == "A07" and folio.date is None


def test_issues_are_labelled_by_paper_date_and_page_or_their_file_name(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("淮安日报 2024年4月10日 星期三 第A07版\n\n" + sample_variant(1), encoding="utf-8")
    (raw / "b_2024-04-17.txt").write_text(sample_variant(2), encoding="utf-8")
    (raw / "c.txt").write_text(sample_variant(3), encoding="utf-8")
    _, pages = load_corpus(raw, tmp_path / "processed", with_pages=True)
    assert issue_labels(pages) == {"a": "淮安日报 2024-04-10 A07", "b_2024-04-17": "2024-04-17", "c": "c.txt"}


def test_one_page_read_alone_is_dated_and_cleaned_by_its_header_like_the_corpus(tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text("淮安日报 2024年4月11日 星期四 第A3版 清江浦新闻\n\n" + SAMPLE_TEXT, encoding="utf-8")
    table = read_issue(path)
    assert str(table["date"].iloc[0].date()) == "2024-04-11"
    assert "淮安日报" not in " ".join(table["headline"] + table["kicker"])
