"""Figures of the people and genre measures (`analysis.people_stats`, `analysis.genres.meeting_share`)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from analysis.plots.heatmap import draw_cells

from ..people_stats import month

MAX_BARS = 60  # issues shown one by one; more are shown by month
MAX_INCHES = 14  # no figure grows beyond this, whatever the corpus


def plot_appearances(table: pd.DataFrame, title: str = "领导出现次数（按月）") -> Figure:
    """Heatmap: months × people, the number of articles each person appears in."""
    fig = Figure(figsize=(max(6, 0.5 * len(table.columns) + 2), min(MAX_INCHES, max(3, 0.35 * len(table) + 1.5))))
    ax = fig.add_subplot()
    values = table.to_numpy()
    image = draw_cells(ax, values, cmap="Reds", vmin=0)
    ax.set_xticks(range(len(table.columns)), table.columns, rotation=60, ha="right")
    ax.set_yticks(range(len(table.index)), table.index)
    dark = values.max() / 2 if values.size else 0  # numbers on cells darker than this are white
    for (i, j), value in np.ndenumerate(values):
        if value:
            ax.text(j, i, int(value), ha="center", va="center", fontsize=8, color="white" if value > dark else "black")
    fig.colorbar(image, ax=ax, label="篇数").ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(title)
    fig.tight_layout()
    return fig


def plot_co_appearances(pairs: pd.DataFrame, title: str = "同篇出现（篇数）") -> Figure:
    """Symmetric matrix of the people in `pairs`: articles in which both appear."""
    names = sorted(set(pairs["person"]) | set(pairs["with"]))
    matrix = pd.DataFrame(0, index=names, columns=names)
    for a, b, count in pairs[["person", "with", "articles"]].itertuples(index=False):
        matrix.loc[a, b] = matrix.loc[b, a] = count
    size = max(4, 0.45 * len(names) + 2)
    fig = Figure(figsize=(size, size))
    ax = fig.add_subplot()
    image = draw_cells(ax, matrix.to_numpy(), cmap="Blues")
    ax.set_aspect("equal")
    ax.set_xticks(range(len(names)), names, rotation=60, ha="right")
    ax.set_yticks(range(len(names)), names)
    fig.colorbar(image, ax=ax, label="篇数").ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(title)
    fig.tight_layout()
    return fig


def plot_protocol_order(table: pd.DataFrame, title: str = "排序位置（按月平均）") -> Figure:
    """One line per person: mean place in printed lists of leaders by month (1 = named first)."""
    fig = Figure(figsize=(8, 4.5))
    ax = fig.add_subplot()
    for name in table.columns:
        ax.plot(table.index, table[name], marker="o", label=name)
    ax.invert_yaxis()
    ax.tick_params(axis="x", rotation=60)
    ax.set_ylabel("名单中的位置（1 = 第一）")
    ax.set_xlabel("月份")
    ax.legend(fontsize=8, ncol=2, loc="best")
    ax.set_title(title)
    fig.tight_layout()
    return fig


def plot_meeting_share(
    share: pd.DataFrame, title: str = "会议新闻占比（按期）", names: dict[str, str] | None = None
) -> Figure:
    """Bars: the share of meeting news among each issue's articles, with the counts on top.

    Issues are named by `names` (`analysis.issue_labels`), else by date, else by id. Beyond
    MAX_BARS issues the bars are months (meetings and articles summed).
    """
    if len(share) > MAX_BARS:
        share = (
            share.assign(issue=month(share["date"])).groupby("issue", as_index=False)[["meetings", "articles"]].sum()
        )
        share = share.assign(date=pd.NaT, meeting_share=share["meetings"] / share["articles"])
        title = title.replace("按期", "按月")
    fig = Figure(figsize=(max(5, 0.4 * len(share) + 2), 4))
    ax = fig.add_subplot()
    names = names or {}
    labels = [names.get(i, str(d.date()) if pd.notna(d) else str(i)) for d, i in zip(share["date"], share["issue"])]
    bars = ax.bar(range(len(share)), share["meeting_share"], color="#b2182b")
    ax.set_xticks(range(len(share)), labels, rotation=60, ha="right")
    for bar, meetings, articles in zip(bars, share["meetings"], share["articles"]):
        ax.text(bar.get_x() + bar.get_width() / 2, bar.get_height(), f"{meetings}/{articles}", ha="center", va="bottom")
    ax.set_ylim(0, 1)
    ax.set_ylabel("会议新闻 / 全部文章")
    ax.set_title(title)
    fig.tight_layout()
    return fig
