"""The 新闻联播 transcripts of the shared corpus as an article table (benchmarks and scale tests only).

Each `### ` item of a day file becomes one article: its headline, and its `<p>` paragraphs with
tags, entities and the `[查看原文](…)` link removed. The transcripts are not shipped with the project.
"""

from __future__ import annotations

import html
import re

import pandas as pd

from .paths import SHARED_CORPUS

NEWS = SHARED_CORPUS / "xinwenlianbo" / "news"
TAG = re.compile(r"<[^>]+>")
SOURCE_LINK = re.compile(r"\[查看原文\]\([^)]*\)")


def news_items(days: int | None = None) -> pd.DataFrame:
    """One row per news item of the first `days` day files (all by default):
    article_id, issue, date, headline, text (paragraphs joined with "\\n")."""
    if not NEWS.is_dir():
        raise FileNotFoundError(f"{NEWS}: the shared 新闻联播 transcripts are not there")
    rows = []
    for path in sorted(NEWS.glob("*.md"))[:days]:
        with open(path, encoding="utf-8") as f:
            detail = f.read().split("## 详细新闻", 1)[-1]
        for order, item in enumerate(detail.split("\n### ")[1:], start=1):
            headline, _, body = item.partition("\n")
            body = SOURCE_LINK.sub("", body.replace("</p>", "\n"))
            paragraphs = (html.unescape(TAG.sub("", p)).strip() for p in body.split("\n"))
            rows.append(
                {
                    "article_id": f"{path.stem}#{order:02d}",
                    "issue": path.stem,
                    "date": pd.Timestamp(path.stem),
                    "headline": headline.strip(),
                    "text": "\n".join(p for p in paragraphs if p),
                }
            )
    return pd.DataFrame(rows)
