"""Topic-model figures: the K choice, top words, documents × topics, prevalence over time.

Every figure's size depends on K and on fixed bounds, never on the size of the corpus: the
documents × topics heatmap shows at most `MAX_ROWS` documents (`analysis.topics.clearest_documents`),
and prevalence is drawn from a table of at most `analysis.topics.MAX_POINTS` points
(`analysis.topics.prevalence_over_time`).
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from analysis.plots.heatmap import draw_cells
from analysis.plots.labels import wrap_label
from analysis.topics import MIN_STABILITY, TopicModel, clearest_documents, top_word_lists, top_words

MAX_ROWS = 40  # documents shown in the documents × topics heatmap
LABEL_CHARS = 24  # document labels (headlines) are wrapped onto lines of this many characters


def _figure(figsize: tuple[float, float]) -> Figure:
    from analysis.fonts import configure_matplotlib

    configure_matplotlib()
    return Figure(figsize=figsize, layout="constrained")


def _names(model: TopicModel, labels: pd.Series | None) -> list[str]:
    """Display name per topic: "3 label" (or the top 3 words when no labels are given)."""
    if labels is None:
        labels = pd.Series(["·".join(words) for words in top_word_lists(model, 3)])
    return [f"{topic} {labels[topic]}" for topic in range(model.k)]


def plot_k_table(table: pd.DataFrame, chosen: int | None = None, min_stability: float = MIN_STABILITY) -> Figure:
    """Coherence and stability against K, the stability threshold, and the chosen K."""
    fig = _figure((6, 5))
    top, bottom = fig.subplots(nrows=2, sharex=True)
    top.errorbar(table["k"], table["coherence"], yerr=table["coherence_sd"], marker="o", capsize=3)
    top.set_ylabel("一致性 coherence (NPMI)")
    bottom.plot(table["k"], table["stability"], marker="o", color="tab:orange")
    bottom.axhline(min_stability, color="grey", linestyle=":", label=f"稳定性阈值 {min_stability}")
    bottom.set_ylabel("稳定性 stability (Jaccard)")
    bottom.set_xlabel("主题数 K")
    bottom.set_ylim(0, 1.05)
    if chosen is not None:
        for ax in (top, bottom):
            ax.axvline(chosen, color="tab:red", alpha=0.5, label=f"选定 K = {chosen}")
    bottom.legend(loc="lower left")
    return fig


def plot_top_words(model: TopicModel, n: int = 10, labels: pd.Series | None = None, ncols: int = 4) -> Figure:
    """Grid of bar charts: each topic's n heaviest words and their weights."""
    nrows = -(-model.k // ncols)
    fig = _figure((3 * ncols, 0.25 * n * nrows + 0.8 * nrows))
    axes = fig.subplots(nrows=nrows, ncols=ncols, squeeze=False)
    words = top_words(model, n)
    for ax, (topic, rows), name in zip(axes.flat, words.groupby("topic"), _names(model, labels)):
        ax.barh(rows["word"], rows["weight"], color=f"C{topic % 10}")
        ax.invert_yaxis()
        ax.set_title(name, fontsize=10)
        ax.tick_params(axis="x", labelsize=7)
    for ax in axes.flat[model.k :]:
        ax.set_visible(False)
    return fig


def plot_document_topics(
    shares: pd.DataFrame, model: TopicModel, labels: pd.Series | None = None, max_rows: int = MAX_ROWS
) -> Figure:
    """Heatmap of topic shares: one row per document (its index as label), one column per topic.

    With more than `max_rows` documents, only the ones each topic dominates most clearly are shown
    (`clearest_documents`), and the title says how many of how many.
    """
    shown = clearest_documents(shares, max_rows)
    names = [wrap_label(i, LABEL_CHARS) for i in shown.index]
    fig = _figure((3.5 + 0.6 * model.k, 1.5 + 0.2 * sum(name.count("\n") + 1 for name in names) + 0.08 * len(shown)))
    ax = fig.subplots()
    image = draw_cells(ax, shown.to_numpy(), cmap="Blues", vmin=0, vmax=1)
    ax.set_xticks(range(model.k), _names(model, labels), rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(len(shown)), names, fontsize=8)
    if len(shown) < len(shares):
        ax.set_title(f"主题最明确的 {len(shown)} / {len(shares)} 篇 (the clearest of each topic)", fontsize=9)
    fig.colorbar(image, ax=ax, label="主题占比 topic share")
    return fig


def plot_prevalence(
    prevalence: pd.DataFrame, model: TopicModel, labels: pd.Series | None = None, ncols: int = 4
) -> Figure:
    """Small multiples: each topic's share over the prevalence index (years, dates or issues).

    Years without data (an integer index with gaps) break the line instead of bridging the gap.
    """
    if pd.api.types.is_integer_dtype(prevalence.index) and len(prevalence):
        prevalence = prevalence.reindex(range(prevalence.index.min(), prevalence.index.max() + 1))
    nrows = -(-model.k // ncols)
    fig = _figure((3 * ncols, 2.2 * nrows))
    axes = fig.subplots(nrows=nrows, ncols=ncols, sharex=True, sharey=True, squeeze=False)
    x = (
        prevalence.index
        if pd.api.types.is_numeric_dtype(prevalence.index) or pd.api.types.is_datetime64_any_dtype(prevalence.index)
        else prevalence.index.astype(str)
    )
    for ax, topic, name in zip(axes.flat, range(model.k), _names(model, labels)):
        ax.plot(x, prevalence[topic], marker="o", markersize=3, color=f"C{topic % 10}")
        ax.set_title(name, fontsize=10)
        ax.tick_params(axis="x", labelsize=7, labelrotation=45)
    for ax in axes.flat[model.k :]:
        ax.set_visible(False)
    axes[0, 0].set_ylim(bottom=0)
    fig.supylabel("主题占比 topic share")
    return fig
