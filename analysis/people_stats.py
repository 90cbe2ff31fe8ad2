"""Measures over the people table (`analysis.extract_people`), bounded whatever the corpus: top-N people, by month."""

from __future__ import annotations

from itertools import combinations

import pandas as pd

UNDATED = "无日期"


def month(dates: pd.Series) -> pd.Series:
    """`YYYY-MM` of each date, `无日期` where the date is missing."""
    return pd.to_datetime(dates).dt.strftime("%Y-%m").fillna(UNDATED)


def top_people(people: pd.DataFrame, n: int = 15) -> list[str]:
    """The n people in the most articles."""
    return people.drop_duplicates(["article_id", "name"])["name"].value_counts().index[:n].tolist()


def appearances_by_month(people: pd.DataFrame, n: int = 15) -> pd.DataFrame:
    """Articles per month (rows) for each of the top-n people (columns, most frequent first)."""
    top = top_people(people, n)
    seen = people[people["name"].isin(top)].drop_duplicates(["article_id", "name"])
    table = pd.crosstab(month(seen["date"]), seen["name"]).reindex(columns=top, fill_value=0)
    table.index.name, table.columns.name = "month", None
    return table


def co_appearances(people: pd.DataFrame, n: int = 15) -> pd.DataFrame:
    """Pairs of the top-n people and the number of articles they appear in together (most first)."""
    top = set(top_people(people, n))
    names = people[people["name"].isin(top)].groupby("article_id")["name"].agg(lambda s: sorted(set(s)))
    pairs = pd.Series([pair for group in names for pair in combinations(group, 2)], dtype=object)
    if pairs.empty:
        return pd.DataFrame(columns=["person", "with", "articles"])
    counts = pairs.value_counts()
    return pd.DataFrame(
        {"person": [a for a, _ in counts.index], "with": [b for _, b in counts.index], "articles": counts.to_numpy()}
    )


def protocol_order(people: pd.DataFrame, n: int = 15) -> pd.DataFrame:
    """Mean place in the printed list of leaders, by month (rows) and person (columns), titled mentions only."""
    top = top_people(people, n)
    listed = people[people["name"].isin(top) & people["position_in_list"].notna()]
    table = (
        listed.assign(month=month(listed["date"]), position=listed["position_in_list"].astype(float))
        .pivot_table(index="month", columns="name", values="position", aggfunc="mean")
        .reindex(columns=[p for p in top if p in set(listed["name"])])
    )
    table.columns.name = None
    return table
