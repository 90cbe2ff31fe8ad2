"""Interactive views for JupyterLab: choose a value in a dropdown, see its tables below it (ipywidgets).

A convenience on top of the parameters cell, never the only way: the views are plain functions, and an
explorer shown where no widget can render (papermill, the HTML export) shows its first view as HTML.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import ipywidgets as widgets
import pandas as pd

from .brief import new_slogans, rising_falling, split_issue, term_changes
from .frequency import kwic
from .markup import escape
from .topics import TopicModel, top_words, typical_documents

View = dict[str, pd.DataFrame]  # title -> table
MAX_LINES = 200  # lines in context a slogan view shows (the latest); notebook 02's KWIC table and CSVs hold all


def slogan_view(slogan: str, uses: pd.DataFrame, articles: pd.DataFrame, width: int = 15) -> View:
    """One slogan's lines in context (each printed form, with issue, date and headline; the latest MAX_LINES)
    and its uses per issue."""
    mine = uses[uses["slogan"] == slogan]
    lines = pd.concat([kwic(articles, form, width) for form in mine["form"].unique()], ignore_index=True)
    lines["date"] = lines["article_id"].map(dict(zip(articles["article_id"], articles["date"])))
    shown = lines.sort_values("date", ascending=False, na_position="last", kind="stable").head(MAX_LINES)
    title = f"（{len(lines)}）" if len(shown) == len(lines) else f"（最近 {len(shown)} / {len(lines)} 行）"
    counts = mine.groupby(["issue", "date"], dropna=False).size().rename("uses").reset_index()
    return {
        f"{slogan}：上下文{title}": shown[["issue", "date", "headline", "left", "term", "right"]],
        f"{slogan}：各期出现次数": counts.sort_values(["date", "issue"], na_position="last", ignore_index=True),
    }


def topic_view(topic: int, model: TopicModel, labels: pd.Series, n: int = 10) -> View:
    """One topic's top words and its most typical articles."""
    words = top_words(model, n)
    typical = typical_documents(model, n=3)
    name = f"{topic} {labels[topic]}"
    return {
        f"{name}：高频词": words.loc[words["topic"] == topic, ["rank", "word", "weight"]],
        f"{name}：最典型的文章": typical.loc[typical["topic"] == topic, ["rank", "share", "headline"]],
    }


def issue_view(issue: str, articles: pd.DataFrame, uses: pd.DataFrame, tokens: pd.Series, n: int = 12) -> View:
    """An issue taken as the latest: its articles, its first-time slogans, and its rising words."""
    mine, earlier = split_issue(articles, issue)
    view = {
        f"{issue}：文章": mine[["article_id", "date", "kind", "headline"]],
        f"{issue}：首次出现的提法（对照此前{earlier['issue'].nunique()}期）": new_slogans(uses, articles, issue),
    }
    if len(earlier):
        view[f"{issue}：上升的词"] = rising_falling(term_changes(tokens, articles, issue))[0].head(n)
    return view


def view_html(view: View) -> str:
    """The view's tables as HTML, each under its title."""
    return "".join(
        f"<h4>{escape(title, markdown=False)}</h4>{table.to_html(index=False)}" for title, table in view.items()
    )


def view_text(view: View) -> str:
    """The view's tables as plain text, each under its title."""
    return "\n\n".join(f"{title}\n{table.to_string(index=False)}" for title, table in view.items())


class Explorer(widgets.VBox):
    """A dropdown and, below it, `view(choice)`, redrawn on every choice; starts on the first option."""

    def __init__(self, options: Iterable, view: Callable[..., View], description: str = ""):
        self.choice = widgets.Dropdown(options=list(options), description=description)
        self.output = widgets.Output()
        super().__init__([self.choice, self.output])
        self.view = view
        self.choice.observe(lambda _: self.redraw(), names="value")
        self.redraw()

    def current(self) -> View:
        """The view of the chosen value."""
        return self.view(self.choice.value)

    def redraw(self) -> None:
        """Replace the output with the view of the chosen value."""
        view = self.current()
        data = {"text/html": view_html(view), "text/plain": view_text(view)}
        self.output.outputs = ({"output_type": "display_data", "data": data, "metadata": {}},)

    def _repr_mimebundle_(self, **kwargs):
        """The widget where widgets render (JupyterLab); elsewhere, the first view as HTML or text."""
        bundle = super()._repr_mimebundle_(**kwargs)
        view = self.current()
        return {**bundle, "text/html": view_html(view), "text/plain": view_text(view)}


def slogan_explorer(slogans: Iterable[str], uses: pd.DataFrame, articles: pd.DataFrame, width: int = 15) -> Explorer:
    """Choose a slogan: its lines in context and its uses per issue."""
    return Explorer(slogans, lambda s: slogan_view(s, uses, articles, width), "提法")


def topic_explorer(model: TopicModel, labels: pd.Series, n: int = 10) -> Explorer:
    """Choose a topic: its top words and most typical articles."""
    options = [(f"{t} {labels[t]}", t) for t in range(model.k)]
    return Explorer(options, lambda t: topic_view(t, model, labels, n), "主题")


def issue_explorer(
    issues: Iterable[str | tuple[str, str]], articles: pd.DataFrame, uses: pd.DataFrame, tokens: pd.Series, n: int = 12
) -> Explorer:
    """Choose which issue is the latest: its articles, first-time slogans and rising words.

    `issues` are issue ids, or (label, issue id) pairs to show labels (`analysis.issue_labels`) in the dropdown.
    """
    return Explorer(issues, lambda i: issue_view(i, articles, uses, tokens, n), "期次")
