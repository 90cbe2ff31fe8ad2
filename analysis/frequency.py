"""Slogan frequencies: counts by article, issue or date; who uses what; co-occurrence; KWIC.

The tables take the use table of analysis.slogans.extract_slogans, which already counts a use
once when a repeated block or jump label repeats it (the reader drops repeated blocks; the
extractor also drops a second use with the same surrounding text within an article).
Every table is a plain DataFrame with its labels in columns, ready for analysis.atomic.write_csv;
the plots return matplotlib Figures for the caller to save.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from analysis.slogans import TYPE_LABELS

KWIC_COLUMNS = ["left", "term", "right", "headline", "issue", "article_id", "start"]


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


def counts_by(uses: pd.DataFrame, by: str = "article_id") -> pd.DataFrame:
    """Uses of each slogan per `by` ("article_id", "issue" or "date"): slogan, type, total, one column per value.

    Most used slogans first; uses whose `by` value is missing (e.g. an undated issue) are left out.
    """
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
    and `top` keeps only the slogans used in the most articles.
    """
    incidence = pd.crosstab(uses.article_id, uses.slogan).clip(upper=1)
    matrix = incidence.T @ incidence
    order = pd.Series(matrix.values.diagonal(), index=matrix.index).sort_values(ascending=False, kind="stable")
    order = order.index[:top] if top else order.index
    return matrix.loc[order, order].rename_axis(index="slogan", columns=None).reset_index()


def kwic(articles: pd.DataFrame, term: str, width: int = 15) -> pd.DataFrame:
    """Keyword in context: every use of `term` in the articles' text, non-overlapping, in order.

    Columns left, term, right, headline, issue, article_id, start; left and right hold up to
    `width` characters and stop at a paragraph break, so left + term + right is always a
    substring of the article text. Every printed use is listed, unlike the slogan counts,
    which count a use repeated by a repeated block once.
    """
    if not term:
        raise ValueError("kwic needs a non-empty term.")
    rows = []
    for row in articles.itertuples(index=False):
        text = row.text or ""
        start = text.find(term)
        while start != -1:
            end = start + len(term)
            left = text[max(0, start - width) : start].rsplit("\n", 1)[-1]
            right = text[end : end + width].split("\n", 1)[0]
            rows.append((left, term, right, row.headline, row.issue, row.article_id, start))
            start = text.find(term, end)
    return pd.DataFrame(rows, columns=KWIC_COLUMNS)


def plot_top_slogans(summary: pd.DataFrame, n: int = 10) -> Figure:
    """One bar chart per slogan type: its `n` most used slogans (from slogan_summary)."""
    from analysis.fonts import configure_matplotlib

    configure_matplotlib()
    kinds = [kind for kind in TYPE_LABELS if kind in set(summary.type)]
    fig = Figure(figsize=(3.6 * max(len(kinds), 1), 0.32 * n + 1.5), layout="constrained")
    axes = fig.subplots(1, max(len(kinds), 1), squeeze=False)
    for ax, kind in zip(axes[0], kinds):
        top = summary[summary.type == kind].head(n).iloc[::-1]
        ax.barh([_short(s) for s in top.slogan], top.uses, color="#b2182b")
        ax.set_title(TYPE_LABELS[kind])
        ax.set_xlabel("出现次数")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    return fig


def plot_matrix(
    table: pd.DataFrame, title: str = "", column_labels: dict | None = None, value_label: str = "次数"
) -> Figure:
    """Heatmap of a slogan table (counts_by or cooccurrence): one row per slogan, numbers in the cells.

    `column_labels` renames columns for display (e.g. article_id -> headline).
    """
    from analysis.fonts import configure_matplotlib

    configure_matplotlib()
    grid = table.set_index("slogan").drop(columns=["type", "total"], errors="ignore")
    labels = [_short(str((column_labels or {}).get(c, c))) for c in grid.columns]
    fig = Figure(figsize=(0.5 * len(labels) + 3, 0.35 * len(grid) + 2.5), layout="constrained")
    ax = fig.subplots()
    values = grid.to_numpy(dtype=float)
    image = ax.imshow(values, aspect="auto", cmap="Reds", vmin=0)
    ax.set_xticks(range(len(labels)), labels, rotation=60, ha="right")
    ax.set_yticks(range(len(grid)), [_short(s) for s in grid.index])
    dark = values.max() / 2 if values.size else 0  # numbers on cells darker than this are white
    for (row, col), value in np.ndenumerate(values):
        if value:
            ax.text(
                col, row, int(value), ha="center", va="center", fontsize=7, color="white" if value > dark else "black"
            )
    ax.set_title(title)
    colorbar = fig.colorbar(image, ax=ax, label=value_label, shrink=0.6)
    colorbar.ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    return fig


def _short(label: str, width: int = 14) -> str:
    """The whole label, wrapped onto lines of `width` characters (never cut)."""
    return "\n".join(label[i : i + width] for i in range(0, len(label), width)) or label
