"""National echo on the shipped government work reports and congress reports."""

import json

import pandas as pd
import pytest

from analysis.echo import (
    GOV_REPORTS,
    echo_by_year,
    load_congress_reports,
    load_gov_reports,
    national_echo,
    report_articles,
)
from analysis.plots.echo import echo_timeline


@pytest.fixture(scope="module")
def reports():
    return load_gov_reports()


def raw_report(year):
    with open(GOV_REPORTS, encoding="utf-8") as f:
        return next(r for r in map(json.loads, f) if r["year"] == str(year))["content"]


def test_fifty_two_reports_with_years_and_resolutions_apart(reports):
    assert len(reports) == 52 and reports.year.is_unique and reports.year.is_monotonic_increasing
    assert (reports.year.min(), reports.year.max()) == (1954, 2025)
    assert set(reports.kind) == {"report"}
    everything = load_gov_reports(resolutions=True)
    resolutions = everything[everything.kind == "resolution"]
    assert len(resolutions) == 20 and resolutions.year.isna().all()


def test_text_is_cleaned_simplified_and_footer_free(reports):
    assert "國" in raw_report(1954) and "Public domain" in raw_report(1954)
    text_1954 = reports.text[reports.year == 1954].iloc[0]
    assert "國" not in text_1954 and "国" in text_1954
    assert "在听了刘少奇同志关于宪法草案的报告并进行了三天的讨论" in text_1954  # link line breaks joined
    assert not reports.text.str.contains("Public domain|本作品|公有领域").any()
    assert (reports.chars == reports.text.str.len()).all()


def test_first_years(reports):
    echo = national_echo(["新质生产力", "招商引资", "双过半"], reports).set_index("term")
    assert echo.loc["新质生产力", "first_year"] == 2024
    assert echo.loc["招商引资", "first_year"] < 2024 and echo.loc["招商引资", "found"]
    assert not echo.loc["双过半", "found"] and pd.isna(echo.loc["双过半", "first_year"])


def test_counts_and_rates_per_year(reports):
    by_year = echo_by_year(["高质量发展", "新质生产力"], reports)
    assert list(by_year.term.unique()) == ["高质量发展", "新质生产力"]
    assert len(by_year) == 2 * 52
    row = by_year[(by_year.term == "高质量发展") & (by_year.year == 2024)].iloc[0]
    assert row.uses == raw_report(2024).count("高质量发展") > 0
    assert row.per_10k == pytest.approx(row.uses / row.chars * 10_000)
    echo = national_echo(["高质量发展"], reports).iloc[0]
    used = by_year[(by_year.term == "高质量发展") & (by_year.uses > 0)]
    assert echo.uses == used.uses.sum() and echo.report_years == len(used)
    assert echo.last_year == 2025 and echo.latest_per_10k == used.per_10k.iloc[-1]


def test_congress_reports_have_congress_years():
    congress = load_congress_reports()
    assert congress.set_index("congress").loc[20, "year"] == 2022
    echo = national_echo(["新质生产力", "高质量发展"], congress).set_index("term")
    assert not echo.loc["新质生产力", "found"]
    assert echo.loc["高质量发展", "first_year"] == 2017


def test_timeline_figure_holds_one_row_per_term_and_every_year(reports):
    pytest.importorskip("analysis.fonts")
    terms = ["新质生产力", "高质量发展", "营商环境", "招商引资"]
    fig = echo_timeline(terms, reports)
    ax = fig.axes[0]
    grid = ax.collections[0].get_array()
    assert grid.shape == (4, 2025 - 1954 + 1)
    assert grid.mask[:, 1961 - 1954].all() and not grid.mask[:, 2024 - 1954].any()
    assert [label.get_text() for label in ax.get_yticklabels()] == terms


def test_reports_become_an_article_table_one_article_per_report(reports):
    articles = report_articles(reports)
    assert len(articles) == len(reports) and articles["article_id"].is_unique
    first = articles.iloc[0]
    assert first["issue"] == first["article_id"] == "1954" and first["date"] == pd.Timestamp("1954-01-01")
    assert first["headline"] == reports["title"].iloc[0] and first["text"] == reports["text"].iloc[0]


def test_the_reports_are_read_and_cleaned_once_per_process(reports, monkeypatch):
    import analysis.echo

    monkeypatch.setattr(analysis.echo, "_read_jsonl", lambda path: pytest.fail("read the reports again"))
    again = load_gov_reports()
    again.loc[0, "text"] = "改过"
    assert load_gov_reports().equals(reports)


def test_the_reference_says_which_reports_it_lacks():
    from analysis.echo import missing_report_years
    from analysis.plots.echo import echo_timeline

    assert missing_report_years() == [1989, 1990, 1991, 1996, 2020]
    fig = echo_timeline(["改革开放"])
    assert "当年有报告但本数据缺失" in fig.axes[0].get_xlabel()
    assert len(fig.axes[0].patches) == 5  # one hatched column per missing report
