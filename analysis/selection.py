"""Which items of the article table are counted: one rule for photo captions, used everywhere."""

from __future__ import annotations

import pandas as pd

INCLUDE_PHOTOS = True  # photo captions are printed text: their slogans and words count unless a notebook says otherwise


def counted_items(articles: pd.DataFrame, photos: bool = INCLUDE_PHOTOS) -> pd.DataFrame:
    """The rows whose text is counted (slogans, words, topics): every article, and photo captions if `photos`."""
    keep = articles["kind"].eq("article") | (photos & articles["kind"].eq("photo"))
    return articles[keep].reset_index(drop=True)
