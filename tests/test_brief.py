"""The latest-issue brief on two dated issues built from the real sample page."""

import os
import subprocess
import sys

import pandas as pd
import pytest

from analysis import extract_people, parse_page
from analysis.brief import (
    brief_markdown,
    latest_issue,
    new_slogans,
    rising_falling,
    split_issue,
    term_changes,
    why_this_issue,
)
from analysis.issue_profile import issue_genres, issue_people
from analysis.paths import RAW, ROOT
from analysis.plots.brief import plot_term_changes
from analysis.segment import tokenize
from analysis.slogans import extract_slogans

SAMPLE = (RAW / "000_643968e12915283d.txt").read_text(encoding="utf-8")
NEW = "\n\n".join(
    [
        "清江浦区部署“三夏”生产工作",
        "■通讯员 蒲蔚",
        "本报讯 日前，清江浦区召开“三夏”生产工作会议，要求坚持“颗粒归仓”，全力打好“三夏”攻坚战，抓好夏收夏种夏管，夏粮收购有序推进。",
    ]
)


@pytest.fixture(scope="module")
def corpus():
    first = parse_page(SAMPLE, issue="qjp_2024-04-08", date="2024-04-08").articles()
    second = parse_page(SAMPLE + "\n\n" + NEW, issue="qjp_2024-04-15", date="2024-04-15").articles()
    undated = parse_page(NEW, issue="extra").articles()
    return pd.concat([second, undated, first], ignore_index=True)


def test_an_undated_issue_is_never_the_latest_when_dated_ones_exist(corpus):
    assert latest_issue(corpus) == "qjp_2024-04-15"
    assert "日期最新" in why_this_issue(corpus, "qjp_2024-04-15")
    mine, earlier = split_issue(corpus, "qjp_2024-04-15")
    assert set(earlier["issue"]) == {"qjp_2024-04-08", "extra"} and len(mine) == 14
    undated = corpus[corpus["issue"] == "extra"]
    assert latest_issue(undated) == "extra" and "没有一期带日期" in why_this_issue(undated, "extra")
    with pytest.raises(ValueError, match="not in the table"):
        split_issue(corpus, "no-such-issue")


def test_new_slogans_are_only_those_never_seen_before(corpus):
    dated = corpus[corpus["issue"] != "extra"]
    uses = extract_slogans(dated)
    fresh = new_slogans(uses, dated, "qjp_2024-04-15")
    assert "三夏" in set(fresh["slogan"])
    assert fresh.loc[fresh["slogan"] == "三夏", "uses"].item() == 3  # twice in the text, once in the headline
    assert "双过半" not in set(fresh["slogan"])  # printed in the earlier issue too
    assert set(new_slogans(uses, dated, "qjp_2024-04-08")["slogan"]) >= {"双过半", "一号工程"}


def test_term_changes_rank_the_new_vocabulary_first(corpus):
    dated = corpus[corpus["issue"] != "extra"]
    tokens = dated["text"].map(tokenize)
    changes = term_changes(tokens, dated, "qjp_2024-04-15", min_count=2)
    top = set(changes.head(8)["term"])
    assert "三夏" in top or "颗粒归仓" in top
    assert changes["log2_ratio"].is_monotonic_decreasing
    unchanged = changes.set_index("term").loc["项目"]
    assert abs(unchanged["log2_ratio"]) < 0.5  # printed as often as before
    fig = plot_term_changes(changes, n=5)
    assert fig.axes[0].get_xlabel().startswith("log2")


def test_brief_markdown_names_the_issue_and_its_news(corpus):
    dated = corpus[corpus["issue"] != "extra"]
    uses = extract_slogans(dated)
    tokens = dated["text"].map(tokenize)
    text = brief_markdown(
        "qjp_2024-04-15",
        dated,
        new_slogans(uses, dated, "qjp_2024-04-15"),
        term_changes(tokens, dated, "qjp_2024-04-15", min_count=2),
    )
    assert text.startswith("# 本期简报 · qjp_2024-04-15（2024-04-15）")
    assert "“三夏”（数字提法）" in text and "文章 13 篇，图片 1 幅" in text


def test_unchanged_words_are_neither_rising_nor_falling():
    same = [parse_page(SAMPLE, issue=f"qjp_2024-04-0{d}", date=f"2024-04-0{d}").articles() for d in (1, 8)]
    table = pd.concat(same, ignore_index=True)
    changes = term_changes(table["text"].map(tokenize), table, "qjp_2024-04-08")
    assert (changes["log2_ratio"].abs() < 0.01).all()
    rising, falling = rising_falling(changes)
    assert rising.empty and falling.empty
    text = brief_markdown("qjp_2024-04-08", table, pd.DataFrame(columns=["slogan", "type"]), changes)
    assert "- 上升：（无）" in text and "- 下降：（无）" in text and "清江浦区（" not in text


def test_the_brief_of_a_first_issue_makes_no_comparative_claim(corpus):
    first = corpus[corpus["issue"] == "qjp_2024-04-08"]
    uses = extract_slogans(first)
    changes = term_changes(first["text"].map(tokenize), first, "qjp_2024-04-08")
    text = brief_markdown("qjp_2024-04-08", first, new_slogans(uses, first, "qjp_2024-04-08"), changes)
    assert text.splitlines()[2].startswith("**这是语料中的第一期")
    assert "首次出现" not in text.replace("不作“首次出现”", "") and "上升：" not in text and "## 本期的提法" in text


def test_rising_words_show_their_counts_and_a_weak_topic_is_not_main(corpus):
    dated = corpus[corpus["issue"] != "extra"]
    changes = term_changes(dated["text"].map(tokenize), dated, "qjp_2024-04-15", min_count=2)
    topics = pd.DataFrame({"headline": ["甲", "乙"], "topic": ["三夏·生产", "项目·建设"], "share": [0.8, 0.29]})
    text = brief_markdown(
        "qjp_2024-04-15",
        dated,
        new_slogans(extract_slogans(dated), dated, "qjp_2024-04-15"),
        changes,
        topics,
        min_baseline=1,
    )
    rising_line = next(line for line in text.splitlines() if line.startswith("- 上升："))
    assert "三夏（本期" in rising_line and "项目" not in rising_line
    assert "| 甲 | 三夏·生产 | 80% |" in text and "| 乙 | 项目·建设（不足一半，无主导主题） | 29% |" in text
    assert "不作升降判断" in brief_markdown(
        "qjp_2024-04-15", dated, pd.DataFrame(columns=["slogan", "type"]), changes, min_baseline=2
    )


def test_the_first_brief_shows_the_issues_people_genres_and_why_no_topics(corpus):
    first = corpus[corpus["issue"] == "qjp_2024-04-08"]
    people = issue_people(extract_people(first), "qjp_2024-04-08")
    genres = issue_genres(first, "qjp_2024-04-08")
    assert list(people["name"][:2]) == ["朱海波", "赵洪涛"]  # in the most articles first
    assert genres["articles"].sum() == (first["kind"] == "article").sum()  # photos are not articles
    text = brief_markdown(
        "qjp_2024-04-08",
        first,
        new_slogans(extract_slogans(first), first, "qjp_2024-04-08"),
        term_changes(first["text"].map(tokenize), first, "qjp_2024-04-08"),
        people=people,
        genres=genres,
        n_units=40,
        label="淮安日报 2024-04-08 A3",
    )
    assert "- 本期：qjp_2024-04-08（淮安日报 2024-04-08 A3）。" in text
    assert "- 区委书记朱海波：3 篇文章，出席、讲话" in text and "- 区长赵洪涛：2 篇文章，主持" in text
    assert "蒲蔚" not in text  # the reporter is no actor
    assert "会议新闻 3 篇，占文章的 25%（3/12）" in text and "- 招商签约：1 篇" in text
    assert "语料只有 40 段，少于 100 段" in text


TIED_TERMS = """
import pandas as pd
from analysis import parse_page
from analysis.brief import term_changes
from analysis.segment import tokenize
from tests.pages import sample_variant
pages = [parse_page(sample_variant(n), issue=f"i{n}", date=f"2024-04-{n + 8:02d}").articles() for n in range(3)]
articles = pd.concat(pages, ignore_index=True)
print(term_changes(articles["text"].map(tokenize).tolist(), articles, "i2", min_count=1).to_csv())
"""


def test_term_changes_are_the_same_in_every_process():
    """Ties (many words share a ratio and a count) are ordered by the word, not by the process's string hashing."""
    runs = [
        subprocess.run(
            [sys.executable, "-c", TIED_TERMS],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    ]
    assert runs[0].count("\n") > 100 and runs[0] == runs[1]
