"""Slogan frequency tables and KWIC on the sample page (columns repaired by hand)."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from slogan_fixtures import article, page_lines, sample_articles

from analysis.atomic import write_csv
from analysis.frequency import (
    cooccurrence,
    counts_by,
    kwic,
    slogan_articles,
    slogan_summary,
)
from analysis.plots.labels import wrap_label
from analysis.plots.slogans import bounded_grid, plot_matrix, plot_top_slogans
from analysis.slogans import TYPE_LABELS, extract_slogans

COUPLET = "做的要比说的好、服务要比需求早"


@pytest.fixture(scope="module")
def articles():
    """The sample page's articles, split into two dated issues so per-issue and per-date tables have columns."""
    articles = sample_articles()
    first = articles.order <= 4
    return articles.assign(
        issue=first.map({True: "issue-A", False: "issue-B"}),
        date=first.map({True: pd.Timestamp("2024-04-17"), False: pd.Timestamp("2024-04-18")}),
    )


@pytest.fixture(scope="module")
def uses(articles):
    return extract_slogans(articles, pd.DataFrame(columns=["slogan"]))


def test_summary_counts_uses_articles_and_issues(uses):
    summary = slogan_summary(uses).set_index("slogan")
    assert summary.loc["双过半", ["uses", "quoted", "articles", "issues"]].tolist() == [3, 3, 1, 1]
    assert summary.loc[COUPLET, ["uses", "articles", "issues"]].tolist() == [2, 2, 1]
    assert summary.uses.is_monotonic_decreasing
    assert summary.uses.sum() == len(uses)


def test_counts_per_article(articles, uses):
    table = counts_by(uses, "article_id").set_index("slogan")
    meeting = article(articles, "清江浦区一季度经济形势分析").article_id
    assert table.loc["双过半", meeting] == 3
    assert table.loc[COUPLET, "total"] == 2
    assert (table[meeting] > 0).sum() == uses[uses.article_id == meeting].slogan.nunique()
    assert (table.drop(columns=["type", "total"]).sum(axis=1) == table.total).all()


def test_counts_per_issue_and_date(uses):
    by_issue = counts_by(uses, "issue").set_index("slogan")
    by_date = counts_by(uses, "date").set_index("slogan")
    assert list(by_issue.columns) == ["type", "total", "issue-A", "issue-B"]
    assert list(by_date.columns) == ["type", "total", "2024-04-17", "2024-04-18"]
    assert by_issue.loc["13153·N", ["issue-A", "issue-B"]].tolist() == [0, 2]
    assert by_date.loc["双过半", "2024-04-17"] == 3


def test_which_articles_use_a_slogan(articles, uses):
    table = slogan_articles(uses, articles)
    couplet = table[table.slogan == COUPLET]
    assert set(couplet.headline) == {"清江浦区领导赴北京广东考察招商", "高端医疗器械生产与制造项目落户清江浦区"}
    assert couplet.uses.tolist() == [1, 1]


def test_cooccurrence_counts_articles_using_both(uses):
    matrix = cooccurrence(uses).set_index("slogan")
    assert (matrix.values == matrix.values.T).all()
    assert matrix.loc[COUPLET, COUPLET] == 2
    assert matrix.loc["双过半", "一号工程"] == 1
    assert matrix.loc["双过半", "13153·N"] == 0
    assert list(cooccurrence(uses, top=3).columns)[1:] == list(matrix.index[:3])


def test_tables_export_to_csv_with_their_labels(uses, tmp_path):
    path = write_csv(cooccurrence(uses), tmp_path / "cooccurrence.csv")
    back = pd.read_csv(path, encoding="utf-8-sig")
    assert back.columns[0] == "slogan" and list(back.columns[1:]) == list(back.slogan)


def test_kwic_context(articles):
    table = kwic(articles, "双过半", width=5)
    assert table[["left", "term", "right"]].values.tolist() == [
        ["质量完成“", "双过半", "”目标，为"],
        ["”，围绕“", "双过半", "”目标任务"],
        ["天，实现“", "双过半", "”，为高质"],
    ]
    assert set(table.headline) == {"清江浦区一季度经济形势分析暨项目攻坚推进会召开"}


def test_kwic_stops_at_a_paragraph_break(articles):
    row = kwic(articles, "朱海波指出").iloc[0]
    assert row.left == "" and row.right == "，今年以来，清江浦区牢固树立“"


def test_kwic_needs_a_term(articles):
    with pytest.raises(ValueError):
        kwic(articles, "")


def test_plots_show_the_tables(articles, uses):
    pytest.importorskip("analysis.fonts")
    summary = slogan_summary(uses)
    titles = [ax.get_title() for ax in plot_top_slogans(summary, n=5).axes]
    assert titles == [label for kind, label in TYPE_LABELS.items() if kind in set(summary.type)]
    table = counts_by(uses, "article_id").head(6)
    headlines = dict(zip(articles.article_id, articles.headline))
    ax = plot_matrix(table, column_labels=headlines).axes[0]
    assert ax.collections[0].get_array().shape == (6, len(table.columns) - 3)
    assert [t.get_text() for t in ax.get_yticklabels()][:3] == table.slogan[:3].tolist()
    first = headlines[table.columns[3]]
    assert ax.get_xticklabels()[0].get_text().replace("\n", "") == first  # wrapped, not cut


def big_table(slogans=60, articles=5000, seed=0) -> pd.DataFrame:
    """A counts_by table of a year of pages: many slogans, thousands of article columns."""
    rng = np.random.default_rng(seed)
    counts = pd.DataFrame(rng.poisson(0.05, (slogans, articles)), columns=[f"a{i}" for i in range(articles)])
    table = pd.concat(
        [pd.DataFrame({"slogan": [f"提法{i}" for i in range(slogans)], "type": "quoted"}), counts], axis=1
    )
    table.insert(2, "total", counts.sum(axis=1))
    return table


def test_a_heatmap_of_thousands_of_articles_is_bounded_and_keeps_every_use():
    table = big_table()
    grid = bounded_grid(table, max_rows=20, max_columns=30)
    assert grid.shape == (20, 30)
    assert grid.index[-1] == "其他（41）" and grid.columns[-1] == "其他（4971）"
    assert grid.to_numpy().sum() == table.total.sum()
    fig = plot_matrix(table, "提法 × 文章")
    width, height = fig.get_size_inches() * 300
    assert width <= 6000 and height <= 4000


def test_long_labels_are_wrapped_not_cut():
    headline = "清江浦区一季度经济形势分析暨项目攻坚推进会召开"
    assert wrap_label(headline).replace("\n", "") == headline
    assert all(len(line) <= 10 for line in wrap_label(headline).split("\n"))
    assert wrap_label(headline * 3).replace("\n", "") == headline * 3 and wrap_label(headline * 3).count("\n") == 6


page = "\n".join(page_lines())


@settings(max_examples=60, deadline=None)
@given(st.integers(0, len(page) - 200), st.integers(1, 4), st.integers(0, 20))
def test_kwic_rows_are_substrings_of_the_text(start, length, width):
    text = page[start : start + 200]
    term = text[100 : 100 + length]
    frame = pd.DataFrame({"article_id": ["a"], "issue": ["i"], "headline": ["h"], "text": [text]})
    table = kwic(frame, term, width=width)
    assert len(table) == text.count(term)
    for left, right, at in zip(table.left, table.right, table.start):
        assert text[at - len(left) : at + len(term) + len(right)] == left + term + right
        assert len(left) <= width and len(right) <= width


def test_top_slogans_are_chosen_before_the_tables_are_built(uses):
    full = counts_by(uses, "article_id").head(4)
    top = counts_by(uses, "article_id", top=4)
    assert top.equals(full.loc[:, (full != 0).any()].reset_index(drop=True)[top.columns])
    matrix = cooccurrence(uses)
    assert cooccurrence(uses, top=5).equals(matrix.iloc[:5, :6])
