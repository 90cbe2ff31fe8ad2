"""The latest-issue brief: what one issue says that the corpus before it did not."""

from __future__ import annotations

import math
from collections.abc import Sequence
from urllib.parse import quote

import pandas as pd

from .clouds import word_frequencies
from .issue_profile import meeting_line
from .markup import escape
from .slogans import TYPE_LABELS
from .terms import TermFilter
from .token_table import TokenTable

RISING_LOG2 = 1.0  # a term rises (falls) when its rate at least doubles (halves) against the baseline
MIN_BASELINE = 1  # earlier issues needed before the brief claims rising or falling words
MAIN_SHARE = 0.5  # an article's largest topic is called its main topic only from this share up
MIN_TOPIC_UNITS = 100  # paragraphs the corpus needs before topics are fitted and shown (about 3 pages)


def issue_order(articles: pd.DataFrame) -> list[str]:
    """Issues from oldest to newest: undated ones first (they are baseline, never the newest), then by date and id."""
    firsts = articles.groupby("issue")["date"].min().reset_index()
    return list(firsts.sort_values(["date", "issue"], na_position="first")["issue"])


def latest_issue(articles: pd.DataFrame) -> str:
    """The newest issue: the latest dated one; the last by id only when no issue has a date."""
    if articles.empty:
        raise ValueError("the article table is empty: no issue to brief")
    return issue_order(articles)[-1]


def why_this_issue(articles: pd.DataFrame, issue: str, chosen: bool = False) -> str:
    """Why the brief covers `issue`: chosen by the reader, the newest date, or no dates at all."""
    if chosen:
        return "由参数 ISSUE 指定"
    if articles["date"].notna().any():
        return f"语料中日期最新的一期（{articles['date'].max():%Y-%m-%d}）"
    return "语料中没有一期带日期，按期号取最后一期"


def split_issue(articles: pd.DataFrame, issue: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the issue's articles, the articles of the issues before it)."""
    order = issue_order(articles)
    if issue not in order:
        raise ValueError(f"issue {issue!r} is not in the table; known issues: {', '.join(order)}")
    earlier = order[: order.index(issue)]
    return articles[articles["issue"] == issue], articles[articles["issue"].isin(earlier)]


def new_slogans(uses: pd.DataFrame, articles: pd.DataFrame, issue: str) -> pd.DataFrame:
    """Slogans the issue uses that no earlier issue used, with their uses and articles."""
    _, earlier = split_issue(articles, issue)
    seen = set(uses.loc[uses["issue"].isin(set(earlier["issue"])), "slogan"])
    mine = uses[(uses["issue"] == issue) & ~uses["slogan"].isin(seen)]
    return (
        mine.groupby(["slogan", "type"], as_index=False, sort=False)  # ties stay in order of first use
        .agg(uses=("slogan", "size"), articles=("article_id", "nunique"))
        .sort_values(["uses", "articles"], ascending=False, kind="stable", ignore_index=True)
    )


def term_changes(
    tokens: TokenTable | Sequence[Sequence[str]],
    articles: pd.DataFrame,
    issue: str,
    min_count: int = 3,
    terms: TermFilter | None = None,
) -> pd.DataFrame:
    """Each term's rate per 1,000 terms in the issue against the issues before it.

    `tokens[i]` is the token list of `articles.iloc[i]` (a `TokenTable` or plain lists); terms are
    counted by `word_frequencies` with `terms` (default `TermFilter()`, the rule of the word clouds
    and the topic matrix). `log2_ratio` is smoothed (add 0.5 to both counts) so that terms absent
    on one side stay finite; terms seen fewer than `min_count` times in all are left out. Sorted
    from rising to falling.
    """
    table = tokens if isinstance(tokens, TokenTable) else TokenTable.from_lists(tokens)
    if len(table) != len(articles):
        raise ValueError(f"{len(articles)} articles but {len(table)} token lists")
    mine, earlier = split_issue(articles, issue)
    now = word_frequencies(table.take(articles.index.get_indexer(mine.index)), terms)
    before = word_frequencies(table.take(articles.index.get_indexer(earlier.index)), terms)
    n_now, n_before = max(sum(now.values()), 1), max(sum(before.values()), 1)
    rows = [
        {
            "term": term,
            "count": now[term],
            "count_before": before[term],
            "per_1k": 1000 * now[term] / n_now,
            "per_1k_before": 1000 * before[term] / n_before,
            "log2_ratio": math.log2(((now[term] + 0.5) / n_now) / ((before[term] + 0.5) / n_before)),
        }
        for term in now.keys() | before.keys()
        if now[term] + before[term] >= min_count
    ]
    table = pd.DataFrame(rows, columns=["term", "count", "count_before", "per_1k", "per_1k_before", "log2_ratio"])
    order = ["log2_ratio", "count", "term"]  # the term breaks ties: the same table in every process
    return table.sort_values(order, ascending=[False, False, True], ignore_index=True)


def rising_falling(changes: pd.DataFrame, threshold: float = RISING_LOG2) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(rising, falling) terms: a log2 rate ratio of at least `threshold` or at most its negative, strongest first."""
    rising = changes[changes["log2_ratio"] >= threshold]
    falling = changes[changes["log2_ratio"] <= -threshold].iloc[::-1]
    return rising, falling


def brief_markdown(
    issue: str,
    articles: pd.DataFrame,
    slogans_new: pd.DataFrame,
    changes: pd.DataFrame,
    topics: pd.DataFrame | None = None,
    figures: dict[str, str] | None = None,
    n: int = 10,
    why: str = "",
    min_baseline: int = MIN_BASELINE,
    threshold: float = RISING_LOG2,
    people: pd.DataFrame | None = None,
    genres: pd.DataFrame | None = None,
    n_units: int | None = None,
    min_units: int = MIN_TOPIC_UNITS,
    label: str = "",
) -> str:
    """A one-page Markdown summary of the issue that claims only what its baseline supports.

    With no earlier issue the first line says so and the rest is the issue's own profile (its
    slogans, no "first seen"); rising and falling words need `min_baseline` earlier issues and a
    log2 rate ratio beyond `threshold`, each shown with its counts. `topics` (headline, topic,
    share) is shown with its share; a topic under `MAIN_SHARE` is not called main. The issue's
    profile: `people` (`issue_people`: name, title, articles, roles) and `genres` (`issue_genres`,
    with the meeting share). `n_units` (the corpus's paragraphs) under `min_units` says that topics
    were left out. `label` names the issue as printed (`analysis.issue_labels`: paper, date, page).
    """
    mine, earlier = split_issue(articles, issue)
    n_earlier = earlier["issue"].nunique()
    date = mine["date"].min()
    lines = [f"# 本期简报 · {escape(issue)}" + (f"（{date:%Y-%m-%d}）" if pd.notna(date) else ""), ""]
    if not n_earlier:
        lines += ["**这是语料中的第一期：没有更早的期次可比，以下只是本期自身的概况，不作“首次出现”或升降判断。**", ""]
    lines += [
        f"- 本期：{escape(issue)}"
        + (f"（{escape(label)}）" if label and label != issue else "")
        + (f"，{escape(why)}" if why else "")
        + "。",
        f"- 文章 {int((mine['kind'] == 'article').sum())} 篇，图片 {int((mine['kind'] == 'photo').sum())} 幅；"
        f"对照此前 {n_earlier} 期。",
        "",
    ]
    if people is not None:
        lines += ["## 本期人物", "", "按出现的文章数排列；职务照本期首次出现时的写法。", ""]
        lines += [
            f"- {escape(r.title)}{escape(r.name)}：{r.articles} 篇文章" + (f"，{escape(r.roles)}" if r.roles else "")
            for r in people.itertuples()
        ] or ["（本期没有找到带职务的人物。）"]
        lines.append("")
    if genres is not None:
        lines += ["## 本期体裁", "", meeting_line(genres) + "。", ""]
        lines += [f"- {escape(r.genre)}：{r.articles} 篇（{r.share:.0%}）" for r in genres.itertuples()]
        lines.append("")
    lines += ["## 首次出现的提法" if n_earlier else "## 本期的提法", ""]
    if slogans_new.empty:
        lines.append("（无：本期提法此前各期都出现过。）" if n_earlier else "（本期没有找到提法。）")
    for row in slogans_new.head(n).itertuples():
        lines.append(
            f"- “{escape(row.slogan)}”（{TYPE_LABELS.get(row.type, row.type)}）：{row.uses} 次，{row.articles} 篇文章"
        )
    lines += ["", "## 用词升降", ""]
    if n_earlier >= min_baseline:
        rising, falling = rising_falling(changes, threshold)
        lines += [
            f"对照此前 {n_earlier} 期；频率至少变为 {2**threshold:g} 倍（或 1/{2**threshold:g}）才算升降。",
            "",
            f"- 上升：{_counted(rising.head(n))}",
            f"- 下降：{_counted(falling.head(n))}",
        ]
    else:
        lines.append(f"（此前只有 {n_earlier} 期，少于 {min_baseline} 期，不作升降判断。）")
    if topics is not None and len(topics):
        lines += ["", "## 文章与主题", "", "| 文章 | 占比最大的主题 | 占比 |", "|---|---|---|"]
        for row in topics.itertuples():
            topic = row.topic if row.share >= MAIN_SHARE else f"{row.topic}（不足一半，无主导主题）"
            lines.append(f"| {escape(row.headline)} | {escape(topic)} | {row.share:.0%} |")
    elif n_units is not None and n_units < min_units:
        lines += [
            "",
            "## 文章与主题",
            "",
            f"（语料只有 {n_units} 段，少于 {min_units} 段，主题模型不可靠：未列出主题。）",
        ]
    if figures:
        lines += ["", "## 图", ""] + [f"![{escape(caption)}]({quote(path)})" for caption, path in figures.items()]
    return "\n".join(lines) + "\n"


def _counted(terms: pd.DataFrame) -> str:
    """Terms with their counts now and before: 三夏（本期 3，此前 0）."""
    return (
        "、".join(f"{escape(r.term)}（本期 {r.count}，此前 {r.count_before}）" for r in terms.itertuples()) or "（无）"
    )
