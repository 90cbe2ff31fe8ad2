"""Slogan frequencies: counts by article, issue or date; who uses what; co-occurrence; KWIC.

The tables take the use table of analysis.slogans.extract_slogans, which already counts a use
once when a repeated block or jump label repeats it (the reader drops repeated blocks; the
extractor also drops a second use with the same surrounding text within an article).
Every table is a plain DataFrame with its labels in columns, ready for analysis.atomic.write_csv;
the figures are drawn by analysis.plots.slogans.
"""

from __future__ import annotations

import pandas as pd

KWIC_COLUMNS = ["left", "term", "right", "headline", "issue", "article_id", "field", "start"]


def slogan_summary(uses: pd.DataFrame) -> pd.DataFrame:
    """One row per slogan: slogan, type, family, uses, family_uses, quoted, articles, issues, first_date,
    last_date.

    Most used first; ties go to the slogan of the larger family (more uses of the family), then the one
    spread over more articles, then the one printed first — never to character order.
    """
    uses = uses.assign(family=uses["family"] if "family" in uses else uses["slogan"], seen=range(len(uses)))
    summary = (
        uses.groupby(["slogan", "type"], sort=False)
        .agg(
            family=("family", "first"),
            uses=("start", "size"),
            quoted=("quoted", "sum"),
            articles=("article_id", "nunique"),
            issues=("issue", "nunique"),
            first_date=("date", "min"),
            last_date=("date", "max"),
            seen=("seen", "min"),
        )
        .reset_index()
    )
    summary.insert(4, "family_uses", summary.family.map(uses.family.value_counts()))
    order = ["uses", "family_uses", "articles", "first_date", "seen"]
    summary = summary.sort_values(order, ascending=[False, False, False, True, True], na_position="last")
    return summary.drop(columns="seen").reset_index(drop=True)


def counts_by(uses: pd.DataFrame, by: str = "article_id", top: int | None = None) -> pd.DataFrame:
    """Uses of each slogan per `by` ("article_id", "issue" or "date"): slogan, type, total, one column per value.

    Most used slogans first; uses whose `by` value is missing (e.g. an undated issue) are left out.
    `top` keeps the most used slogans before the table is built (a year of articles: top × articles cells).
    """
    if top:
        totals = uses.groupby(["slogan", "type"]).size().sort_values(ascending=False, kind="stable")
        uses = uses[pd.MultiIndex.from_frame(uses[["slogan", "type"]]).isin(totals.index[:top])]
    table = pd.crosstab([uses.slogan, uses.type], uses[by])
    if by == "date":
        table.columns = [day.strftime("%Y-%m-%d") for day in table.columns]
    table.columns = [str(c) for c in table.columns]
    table.insert(0, "total", table.sum(axis=1))
    ranked = slogan_summary(uses).set_index(["slogan", "type"]).index  # the summary's order, ties included
    return table.reindex(ranked.intersection(table.index, sort=False)).reset_index()


def slogan_articles(uses: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Which articles use each slogan: slogan, type, article_id, issue, date, uses (and headline from `articles`)."""
    table = (
        uses.groupby(["slogan", "type", "article_id", "issue", "date"], dropna=False)
        .size()
        .rename("uses")
        .reset_index()
    )
    if articles is not None:
        table = table.merge(articles[["article_id", "headline"]], on="article_id", how="left")
    return table.sort_values(["slogan", "issue", "article_id"], ignore_index=True)


def cooccurrence(uses: pd.DataFrame, top: int | None = None) -> pd.DataFrame:
    """Number of articles in which two slogans both appear: `slogan` column, then one column per slogan.

    The diagonal is the number of articles using the slogan; rows and columns are ordered by it,
    and `top` keeps only the slogans used in the most articles (chosen before the matrix is built,
    so a year of pages with thousands of slogans costs only top × top cells).
    """
    articles = uses.groupby("slogan")["article_id"].nunique().sort_values(ascending=False, kind="stable")
    order = articles.index[:top] if top else articles.index
    incidence = pd.crosstab(uses.article_id, uses.slogan[uses.slogan.isin(order)]).clip(upper=1)
    matrix = incidence.T @ incidence
    return matrix.loc[order, order].rename_axis(index="slogan", columns=None).reset_index()


def kwic(articles: pd.DataFrame, term: str, width: int = 15) -> pd.DataFrame:
    """Keyword in context: every use of `term` in the articles' headlines and text, non-overlapping, in order.

    Columns left, term, right, headline, issue, article_id, field (headline or text), start; left and
    right hold up to `width` characters and stop at a paragraph break, so left + term + right is always
    a substring of that field. Every printed use is listed, unlike the slogan counts, which count a
    use repeated by a repeated block once.
    """
    if not term:
        raise ValueError("kwic needs a non-empty term.")
    rows = []
    for row in articles.itertuples(index=False):
        for field in ("headline", "text"):
            text = getattr(row, field) or ""
            start = text.find(term)
            while start != -1:
                end = start + len(term)
                left = text[max(0, start - width) : start].rsplit("\n", 1)[-1]
                right = text[end : end + width].split("\n", 1)[0]
                rows.append((left, term, right, row.headline, row.issue, row.article_id, field, start))
                start = text.find(term, end)
    return pd.DataFrame(rows, columns=KWIC_COLUMNS)
