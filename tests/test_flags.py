"""Repairs and notes as records: kinds, raw lines, details; readable sentences; per-issue counts; page notes."""

import shutil

import pandas as pd
import pytest

import analysis
from analysis.paths import RAW
from analysis.read.flags import Flag, flag_text

SAMPLE = RAW / "000_643968e12915283d.txt"
JUMPED_PAGE = "\n\n".join(
    [
        "全力以赴拼经济促发展",
        "本报记者  季  芳",
        "本报讯 3月24日，全市重大项目集中开工活动举行。新质生产力成为热词（下转第2版）",
        "2024年4月15日 星期一 清江浦区",
    ]
)


@pytest.fixture(scope="module")
def sample():
    return analysis.read_issue(SAMPLE)


def test_a_flag_reads_as_the_sentence_a_person_checks():
    assert str(Flag("column_break", 9)) == "column break joined at line 9"
    assert str(Flag("continuation", 159, "word 有力 across the join")) == (
        "continuation reattached from line 159 (word 有力 across the join)"
    )
    assert str(Flag("beginning_lost", 145, "opens mid-sentence")) == "beginning lost: opens mid-sentence (line 145)"
    assert str(Flag("beginning_lost", detail="the article's opening is not on this page")) == (
        "beginning lost: the article's opening is not on this page"
    )
    assert str(Flag("reordered", 157, "153")) == (
        "reordered: the open paragraph (line 157) continues in the opening fragment (line 153)"
    )
    assert str(Flag("jump_marker", 5, "（下转第2版）")) == "jump marker removed at line 5: （下转第2版）"
    with pytest.raises(ValueError):
        Flag("something vague")


def test_article_flags_are_records_naming_a_kind_and_a_raw_line(sample):
    flags = [f for fs in sample["flags"] for f in fs]
    assert flags and all(set(f) == {"kind", "line", "detail"} for f in flags)
    kinds = {f["kind"] for f in flags}
    assert {"column_break", "continuation", "headline_after_body", "beginning_lost"} <= kinds
    assert all(isinstance(f["line"], int) for f in flags if f["kind"] in {"column_break", "continuation"})
    by_headline = sample.set_index("headline")["flags"]
    continued = [
        f for f in by_headline["清江浦区新时代文明实践中心建设工作联席会议召开"] if f["kind"] == "continuation"
    ]
    assert continued == [{"kind": "continuation", "line": 159, "detail": "word 有力 across the join"}]


def test_flag_table_has_one_row_per_flag_with_its_sentence(sample):
    table = analysis.flag_table(sample)
    assert list(table.columns) == ["article_id", "issue", "kind", "line", "detail", "text"]
    assert len(table) == sum(map(len, sample["flags"]))
    row = table[(table["kind"] == "continuation") & (table["line"] == 159)].iloc[0]
    assert row["article_id"] == "000_643968e12915283d#07"
    assert row["text"] == "continuation reattached from line 159 (word 有力 across the join)"
    assert table["line"].dtype == "Int64"


def test_repairs_by_kind_counts_each_kind_per_issue(sample):
    two = pd.concat([sample, sample.assign(issue="other", article_id=sample["article_id"] + "x")])
    counts = analysis.repairs_by_kind(two)
    assert list(counts.columns) == ["000_643968e12915283d", "other"]
    expected = analysis.flag_table(sample)["kind"].value_counts()
    assert counts["other"].to_dict() == expected.to_dict()
    assert counts.loc["continuation", "other"] == 5


def test_page_notes_stay_out_of_the_articles():
    page = analysis.parse_page(JUMPED_PAGE)
    assert [n.kind for n in page.notes] == ["jump_marker", "date_from_header"]
    assert [str(n) for n in page.notes] == [
        "jump marker removed at line 5: （下转第2版）",
        "date 2024-04-15 read from the page header",
    ]
    articles = page.articles()
    assert not any(f["kind"] in {"jump_marker", "date_from_header"} for fs in articles["flags"] for f in fs)
    notes = page.page_frame("p.txt")
    assert notes["notes"].iloc[0][0] == {"kind": "jump_marker", "line": 5, "detail": "（下转第2版）"}


def test_corpus_keeps_a_page_table_and_exports_readable_flags(tmp_path):
    raw, processed = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    shutil.copy(SAMPLE, raw / "qjp_2024-04-15.txt")
    (raw / "qjp_2024-04-22.txt").write_text(JUMPED_PAGE, encoding="gb18030")
    articles, pages = analysis.load_corpus(raw, processed, with_pages=True)
    assert list(pages["issue"]) == ["qjp_2024-04-15", "qjp_2024-04-22"]
    assert pages["notes"].iloc[0] == []
    assert [n["kind"] for n in pages["notes"].iloc[1]] == ["decoded", "jump_marker"]  # the name gives the date
    again_articles, again_dropped, again_pages = analysis.load_corpus(raw, processed, True, True)
    assert again_articles.attrs["parsed"] == []
    pd.testing.assert_frame_equal(pages, again_pages)
    pd.testing.assert_frame_equal(articles, again_articles)
    back = pd.read_csv(analysis.export_csv(articles, tmp_path / "a.csv"), encoding="utf-8-sig", keep_default_na=False)
    assert list(back["flags"]) == ["；".join(flag_text(f) for f in fs) for fs in articles["flags"]]
    assert "continuation reattached from line 159 (word 有力 across the join)" in back["flags"].iloc[6]
