"""Slogan figures: the most used slogans by type, and heatmaps of slogan tables whose size never grows
with the corpus (at most `max_rows` × `max_columns` cells, the rest summed into an "其他" row or column)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from analysis.fonts import configure_matplotlib
from analysis.plots.heatmap import draw_cells
from analysis.plots.labels import wrap_label
from analysis.slogans import TYPE_LABELS

OTHERS = "其他"
MAX_ROWS = 20  # slogans shown in a heatmap
MAX_COLUMNS = 30  # articles, issues or slogans shown across a heatmap


def plot_top_slogans(summary: pd.DataFrame, n: int = 10) -> Figure:
    """One bar chart per slogan type: its `n` most used slogans (from slogan_summary)."""
    configure_matplotlib()
    kinds = [kind for kind in TYPE_LABELS if kind in set(summary.type)]
    fig = Figure(figsize=(3.6 * max(len(kinds), 1), 0.4 * n + 1.5), layout="constrained")
    axes = fig.subplots(1, max(len(kinds), 1), squeeze=False)
    for ax, kind in zip(axes[0], kinds):
        top = summary[summary.type == kind].head(n).iloc[::-1]
        ax.barh([wrap_label(s) for s in top.slogan], top.uses, color="#b2182b")
        ax.set_title(TYPE_LABELS[kind])
        ax.set_xlabel("出现次数")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    return fig


def bounded_grid(
    table: pd.DataFrame, max_rows: int = MAX_ROWS, max_columns: int = MAX_COLUMNS, column_labels: dict | None = None
) -> pd.DataFrame:
    """A slogan table (counts_by or cooccurrence) as a numeric grid of at most max_rows × max_columns.

    Rows stay in the table's order (most used first) and the rows beyond max_rows - 1 are summed into
    one "其他（N）" row; the columns with the largest totals are kept in their order and the others are
    summed into a last "其他（N）" column. `column_labels` renames the kept columns (article_id -> headline).
    """
    grid = table.set_index("slogan").drop(columns=["type", "total"], errors="ignore").astype(float)
    if len(grid) > max_rows:
        rest = grid.iloc[max_rows - 1 :]
        grid = pd.concat([grid.iloc[: max_rows - 1], rest.sum().to_frame(f"{OTHERS}（{len(rest)}）").T])
    if grid.shape[1] > max_columns:
        largest = set(grid.sum().nlargest(max_columns - 1, keep="first").index)
        kept = [c for c in grid.columns if c in largest]
        rest = grid.drop(columns=kept)
        grid = grid[kept].assign(**{f"{OTHERS}（{rest.shape[1]}）": rest.sum(axis=1)})
    return grid.rename(columns=lambda c: str((column_labels or {}).get(c, c)))


def plot_matrix(
    table: pd.DataFrame,
    title: str = "",
    column_labels: dict | None = None,
    value_label: str = "次数",
    max_rows: int = MAX_ROWS,
    max_columns: int = MAX_COLUMNS,
) -> Figure:
    """Heatmap of a slogan table (counts_by or cooccurrence): one row per slogan, numbers in the cells.

    At most max_rows × max_columns cells, whatever the corpus (see `bounded_grid`); labels are wrapped,
    not cut. `column_labels` renames columns for display (e.g. article_id -> headline).
    """
    configure_matplotlib()
    grid = bounded_grid(table, max_rows, max_columns, column_labels)
    fig = Figure(figsize=(0.5 * grid.shape[1] + 3.5, 0.4 * len(grid) + 3), layout="constrained")
    ax = fig.subplots()
    values = grid.to_numpy()
    image = draw_cells(ax, values, cmap="Reds", vmin=0)
    ax.set_xticks(range(grid.shape[1]), [wrap_label(c) for c in grid.columns], rotation=60, ha="right", fontsize=7)
    ax.set_yticks(range(len(grid)), [wrap_label(s) for s in grid.index], fontsize=8)
    dark = values.max() / 2 if values.size else 0  # numbers on cells darker than this are white
    for (row, col), value in np.ndenumerate(values):
        if value:
            ax.text(
                col, row, int(value), ha="center", va="center", fontsize=6, color="white" if value > dark else "black"
            )
    ax.set_title(title)
    colorbar = fig.colorbar(image, ax=ax, label=value_label, shrink=0.6)
    colorbar.ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    return fig
