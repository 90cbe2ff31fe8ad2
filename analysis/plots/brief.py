"""The latest-issue brief's figure: words rising and falling."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from analysis.fonts import configure_matplotlib


def plot_term_changes(changes: pd.DataFrame, n: int = 12, title: str = "") -> Figure:
    """Bars of the n most rising and n most falling terms (log2 of the rate ratio)."""
    configure_matplotlib()
    picked = (
        pd.concat([changes.head(n), changes.tail(n)]).drop_duplicates("term").sort_values("log2_ratio", kind="stable")
    )
    fig = Figure(figsize=(7, 0.28 * len(picked) + 1.6), layout="constrained")
    ax = fig.subplots()
    colors = ["#b2182b" if v > 0 else "#2166ac" for v in picked["log2_ratio"]]
    ax.barh(picked["term"], picked["log2_ratio"], color=colors)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel("log2（本期频率 / 此前各期频率）：红色上升，蓝色下降")
    ax.set_title(title or "本期用词的升降")
    return fig
