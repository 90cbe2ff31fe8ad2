"""The notebooks' explorers on the real sample page: choosing a value redraws its view; without widgets, the first view shows."""

import pandas as pd
import pytest

from analysis import explore, parse_page
from analysis.dtm import build_dtm, document_units
from analysis.explore import Explorer, issue_explorer, slogan_explorer, slogan_view, topic_explorer
from analysis.frequency import kwic
from analysis.paths import RAW
from analysis.segment import tokenize
from analysis.slogans import extract_slogans
from analysis.token_cache import tokenize_many
from analysis.topics import fit_topics, topic_labels

SAMPLE = (RAW / "000_643968e12915283d.txt").read_text(encoding="utf-8")
NEW = "清江浦区部署“三夏”生产工作\n\n■通讯员 蒲蔚\n\n本报讯 清江浦区要求全力打好“三夏”攻坚战，抓好夏收夏种夏管。"


@pytest.fixture(scope="module")
def articles():
    first = parse_page(SAMPLE, issue="qjp_2024-04-08", date="2024-04-08").articles()
    second = parse_page(SAMPLE + "\n\n" + NEW, issue="qjp_2024-04-15", date="2024-04-15").articles()
    return pd.concat([first, second], ignore_index=True)


@pytest.fixture(scope="module")
def uses(articles):
    return extract_slogans(articles)


def html_of(explorer: Explorer) -> str:
    (output,) = explorer.output.outputs
    return output["data"]["text/html"]


def test_slogan_view_lists_each_line_with_issue_date_and_headline(articles, uses):
    view = slogan_view("三夏", uses, articles)
    lines, counts = view.values()
    assert list(lines.columns) == ["issue", "date", "headline", "left", "term", "right"]
    assert set(lines["issue"]) == {"qjp_2024-04-15"} and (lines["headline"] == "清江浦区部署“三夏”生产工作").all()
    assert len(lines) == counts["uses"].sum() == 2  # the headline and the body print it once each
    assert counts["issue"].tolist() == ["qjp_2024-04-15"]


def test_a_slogan_printed_more_often_than_a_view_shows_lists_its_latest_lines(articles, uses, monkeypatch):
    monkeypatch.setattr(explore, "MAX_LINES", 3)
    slogan = uses["slogan"].value_counts().index[0]  # 项目攻坚, in both issues
    printed = sum(len(kwic(articles, form)) for form in uses.loc[uses["slogan"] == slogan, "form"].unique())
    (title, lines), _ = slogan_view(slogan, uses, articles).items()
    assert printed > 3 and title == f"{slogan}：上下文（最近 3 / {printed} 行）" and len(lines) == 3
    assert (lines["issue"] == "qjp_2024-04-15").all()  # the later issue's lines first


def test_choosing_a_slogan_redraws_its_lines(articles, uses):
    slogans = uses["slogan"].value_counts().index[:5].tolist() + ["三夏"]
    explorer = slogan_explorer(slogans, uses, articles)
    first = html_of(explorer)
    assert slogans[0] in first and "2024-04-08" in first
    explorer.choice.value = "三夏"
    assert html_of(explorer) != first and "清江浦区部署“三夏”生产工作" in html_of(explorer)


def test_without_a_widget_frontend_the_first_view_is_shown_as_html(articles, uses):
    explorer = slogan_explorer(["三夏"], uses, articles)
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle  # JupyterLab draws the widget
    assert "攻坚战" in bundle["text/html"] and "攻坚战" in bundle["text/plain"]  # papermill and HTML show the view


def test_choosing_a_topic_shows_its_words_and_articles(articles, tmp_path):
    units = document_units(articles[articles["issue"] == "qjp_2024-04-08"], "paragraph")
    model = fit_topics(build_dtm(units, tokenize_many(units["text"].tolist(), progress=False)), 3, "nmf")
    labels = topic_labels(model, tmp_path)
    explorer = topic_explorer(model, labels)
    first = html_of(explorer)
    assert labels[0] in first and "高频词" in first and "最典型的文章" in first
    explorer.choice.value = 2
    assert labels[2] in html_of(explorer) and html_of(explorer) != first


def test_choosing_the_latest_issue_compares_it_with_the_ones_before(articles, uses):
    tokens = pd.Series([tokenize(t) for t in articles["text"]], index=articles.index)
    explorer = issue_explorer(["qjp_2024-04-15", "qjp_2024-04-08"], articles, uses, tokens)
    assert "三夏" in html_of(explorer) and "上升的词" in html_of(explorer)
    explorer.choice.value = "qjp_2024-04-08"  # the first issue: nothing before it
    assert "三夏" not in html_of(explorer) and "上升的词" not in html_of(explorer)


def test_issues_can_be_chosen_by_their_label(articles, uses):
    tokens = pd.Series([tokenize(t) for t in articles["text"]], index=articles.index)
    options = [("淮安日报 2024-04-15 A3", "qjp_2024-04-15"), ("淮安日报 2024-04-08 A3", "qjp_2024-04-08")]
    explorer = issue_explorer(options, articles, uses, tokens)
    assert explorer.choice.label == "淮安日报 2024-04-15 A3" and explorer.choice.value == "qjp_2024-04-15"
    assert "三夏" in html_of(explorer)
