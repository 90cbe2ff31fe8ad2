"""One issue's own profile for the brief: who appears in it, and what kinds of article it prints."""

from __future__ import annotations

import pandas as pd

from .genres import MEETING, classify_genres


def issue_people(people: pd.DataFrame, issue: str, n: int = 10) -> pd.DataFrame:
    """The issue's n people in the most articles (ties: first printed first), with title and what they did.

    `people` is `analysis.extract_people`'s table; `title` is the one printed at the person's first
    mention in the issue, `roles` the verbs of all their mentions (出席、讲话 …).
    """
    mine = people[people["issue"] == issue]
    if mine.empty:
        return pd.DataFrame(columns=["name", "title", "articles", "mentions", "roles"])
    table = mine.groupby("name", sort=False).agg(
        title=("title", "first"),
        articles=("article_id", "nunique"),
        mentions=("article_id", "size"),
        roles=("role_in_article", lambda r: "、".join(dict.fromkeys(v for x in r for v in str(x).split("/") if v))),
    )
    return table.sort_values("articles", ascending=False, kind="stable").head(n).reset_index()


def issue_genres(articles: pd.DataFrame, issue: str) -> pd.DataFrame:
    """Articles (photos not counted) of the issue per genre, most first, with the share of each."""
    coded = articles if "genre" in articles else classify_genres(articles)
    body = coded[(coded["issue"] == issue) & coded["kind"].eq("article")]
    counts = body["genre"].value_counts(sort=True).rename_axis("genre").reset_index(name="articles")
    return counts.assign(share=counts["articles"] / max(len(body), 1))


def meeting_line(genres: pd.DataFrame) -> str:
    """The meeting-news share of an `issue_genres` table, in words: 会议新闻 2 篇，占文章的 17%（2/12）."""
    total = int(genres["articles"].sum())
    meetings = int(genres.loc[genres["genre"] == MEETING, "articles"].sum())
    share = f"{meetings / total:.0%}" if total else "—"
    return f"{MEETING}新闻 {meetings} 篇，占文章的 {share}（{meetings}/{total}）"
