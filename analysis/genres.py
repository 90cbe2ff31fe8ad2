"""Article genres from an editable codebook (`data/lexicon/genres.csv`), each with the cue that decided it.

The codebook's rows are tried by `priority` (lowest first); a row's `cues` is a regular expression
searched in its `where`: `headline`, `lead` (the first paragraph), `text`, or `kind` (article/photo).
The first row that matches gives the genre, and the matched text is shown as `genre_cue`.
An article no row matches is `其他` with an empty cue.
"""

from __future__ import annotations

import os
import re

import pandas as pd

from .lexicon_io import LexiconError, read_table
from .paths import LEXICON

CODEBOOK = LEXICON / "genres.csv"
NO_GENRE = "其他"
MEETING = "会议"


def genre_codebook(path: str | os.PathLike = CODEBOOK) -> pd.DataFrame:
    """The codebook's rows in the order they are tried, with each cue compiled (`pattern`)."""
    book = read_table(path, ("genre", "cues", "where", "priority"))
    book = book[book["cues"] != ""]
    priority = pd.to_numeric(book["priority"], errors="coerce")
    if priority.isna().any():
        genre = book["genre"][priority.isna()].iloc[0]
        raise LexiconError(path, 0, f"the priority of genre {genre!r} is not a number; give it one")
    book = book.assign(priority=priority)
    book = book.sort_values("priority", kind="stable").reset_index(drop=True)
    return book.assign(pattern=[re.compile(cue) for cue in book["cues"]])


def _fields(article) -> dict[str, str]:
    text = article.get("text") or ""
    return {
        "headline": article.get("headline") or "",
        "lead": text.split("\n", 1)[0],
        "text": text,
        "kind": article.get("kind") or "article",
    }


def _genre(article, rules: list[tuple[str, str, re.Pattern]]) -> tuple[str, str]:
    fields = _fields(article)
    for genre, where, pattern in rules:
        found = pattern.search(fields[where])
        if found:
            cue = found.group() if len(found.group()) <= 20 else found.group()[:20] + "…"
            return genre, f"{where}「{cue}」"
    return NO_GENRE, ""


def classify_genres(articles: pd.DataFrame, codebook: str | os.PathLike = CODEBOOK) -> pd.DataFrame:
    """The articles with `genre` and `genre_cue` (the field and the text that decided it)."""
    book = genre_codebook(codebook)
    rules = list(zip(book["genre"], book["where"], book["pattern"]))
    coded = [_genre(article, rules) for article in articles.to_dict("records")]
    return articles.assign(
        genre=[genre for genre, _ in coded],
        genre_cue=[cue for _, cue in coded],
    )


def meeting_share(articles: pd.DataFrame) -> pd.DataFrame:
    """Per issue: articles (photos not counted), meetings among them, and their share (issues in date order)."""
    if "genre" not in articles:
        articles = classify_genres(articles)
    body = articles[articles["kind"].eq("article")] if "kind" in articles else articles
    share = (
        body.assign(meeting=body["genre"].eq(MEETING))
        .groupby("issue", sort=False)
        .agg(date=("date", "first"), articles=("meeting", "size"), meetings=("meeting", "sum"))
        .reset_index()
    )
    share["meeting_share"] = share["meetings"] / share["articles"]
    return share.sort_values(["date", "issue"], na_position="last", kind="stable").reset_index(drop=True)
