"""The national echo figure: each term's rate in the government work reports, year by year."""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.colors import PowerNorm
from matplotlib.figure import Figure

from analysis.echo import echo_by_year, missing_report_years
from analysis.fonts import configure_matplotlib
from analysis.plots.heatmap import draw_cells


def echo_timeline(
    terms: list[str], reports: pd.DataFrame | None = None, title: str = "政府工作报告中的提法（每万字出现次数）"
) -> Figure:
    """Heatmap of each term's rate per 10,000 characters by year.

    White: the report does not use the term; grey: no report that year; hatched: a report that year
    which the shipped file lacks (`missing_report_years`). The colour scale is a
    square root, so rare terms still show next to frequent ones.
    """
    configure_matplotlib()
    by_year = echo_by_year(terms, reports)
    years = np.arange(by_year.year.min(), by_year.year.max() + 1)
    grid = by_year.pivot(index="term", columns="year", values="per_10k").reindex(index=terms, columns=years)
    fig = Figure(figsize=(12, 0.45 * len(terms) + 1.6), layout="constrained")
    ax = fig.subplots()
    cmap = mpl.colormaps["YlOrRd"].with_extremes(bad="#d9d9d9", under="white")
    norm = PowerNorm(0.5, vmin=1e-9, vmax=max(by_year.per_10k.max(), 1e-6))
    image = draw_cells(
        ax,
        np.ma.masked_invalid(grid.to_numpy(dtype=float)),
        x_edges=np.append(years, years[-1] + 1) - 0.5,
        cmap=cmap,
        norm=norm,
    )
    for year in missing_report_years(reports) if reports is None else []:
        ax.axvspan(year - 0.5, year + 0.5, facecolor="none", edgecolor="#737373", hatch="///", linewidth=0)
    ax.set_yticks(range(len(terms)), terms)
    ax.set_xticks([y for y in years if y % 10 == 0])
    ax.set_xlabel("报告年份（白色：未出现；灰色：当年无报告；斜线：当年有报告但本数据缺失）")
    ax.set_title(title)
    fig.colorbar(image, ax=ax, label="每万字出现次数", shrink=0.8, extend="min")
    return fig
