"""Measures and figures over the people table: bounded by top-N people and by month."""

import pandas as pd
import pytest
from matplotlib.figure import Figure

import analysis
from analysis.paths import RAW
from analysis.people_stats import appearances_by_month, co_appearances, protocol_order, top_people
from analysis.plots.people import plot_appearances, plot_co_appearances, plot_meeting_share, plot_protocol_order
from tests.pages import write_variant

SAMPLE = RAW / "000_643968e12915283d.txt"
analysis.configure_matplotlib()  # CJK font, as the notebooks have it


@pytest.fixture(scope="module")
def dated(tmp_path_factory):
    """The sample page as two dated issues, in April and May 2024."""
    raw = tmp_path_factory.mktemp("raw")
    text = SAMPLE.read_text(encoding="utf-8")
    (raw / "qjp_2024-04-08.txt").write_text(text, encoding="utf-8")
    write_variant(raw / "qjp_2024-05-06.txt", 1)  # the same page plus a short item: another issue
    articles = analysis.load_corpus(raw, tmp_path_factory.mktemp("processed"))
    return articles, analysis.extract_people(articles)


def test_appearances_by_month(dated):
    _, people = dated
    table = appearances_by_month(people, n=3)
    assert list(table.index) == ["2024-04", "2024-05"]
    assert list(table.columns) == top_people(people, 3) and table.columns[0] == "朱海波"
    assert table.loc["2024-04", "朱海波"] == 3  # articles 1, 2, 3 of the page


def test_co_appearances(dated):
    _, people = dated
    pairs = co_appearances(people, n=5).set_index(["person", "with"])
    assert pairs.loc[("朱海波", "王磊"), "articles"] == 4  # articles 2 and 3, in both issues
    assert pairs.loc[("吴守明", "赵洪涛"), "articles"] == 4  # articles 1 and 4


def test_protocol_order(dated):
    _, people = dated
    order = protocol_order(people, n=20)
    assert order.loc["2024-04", "吴守明"] == pytest.approx(2.0)  # 1st in article 1, 3rd in article 4
    assert order.loc["2024-04", "朱海波"] == pytest.approx(1.0)


def test_figures_are_bounded(dated):
    articles, people = dated
    figures = [
        plot_appearances(appearances_by_month(people, n=5)),
        plot_co_appearances(co_appearances(people, n=5)),
        plot_protocol_order(protocol_order(people, n=5)),
        plot_meeting_share(analysis.meeting_share(articles)),
    ]
    assert all(isinstance(f, Figure) for f in figures)
    many = pd.DataFrame(
        {
            "issue": [f"d{i}" for i in range(400)],
            "date": pd.date_range("2024-01-01", periods=400),
            "articles": 10,
            "meetings": 3,
            "meeting_share": 0.3,
        }
    )
    fig = plot_meeting_share(many)
    assert len(fig.axes[0].patches) == 14  # months, not 400 bars
    named = plot_meeting_share(many.head(2), names={"d0": "淮安日报 2024-01-01 A3"})
    assert [t.get_text() for t in named.axes[0].get_xticklabels()] == ["淮安日报 2024-01-01 A3", "2024-01-02"]
    assert max(fig.get_size_inches()) < 20
