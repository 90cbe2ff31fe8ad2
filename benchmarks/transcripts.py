"""The 新闻联播 transcripts of the shared corpus, the one loader for benchmarks and tests.

`day_texts` gives whole day files with HTML tags stripped; `news_items` gives an article table, each
`### ` item of a day file one article: its headline, and its `<p>` paragraphs with tags, entities and
the `[查看原文](…)` link removed. The transcripts are not shipped with the project: check
`NEWS.is_dir()` first (tests skip without them).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd

from analysis.paths import SHARED_CORPUS

NEWS = SHARED_CORPUS / "xinwenlianbo" / "news"
TAG = re.compile(r"<[^>]+>")
SOURCE_LINK = re.compile(r"\[查看原文\]\([^)]*\)")


def day_files() -> list[Path]:
    """The day files (`YYYYMMDD.md`), in date order."""
    if not NEWS.is_dir():
        raise FileNotFoundError(f"{NEWS}: the shared 新闻联播 transcripts are not there")
    return sorted(NEWS.glob("*.md"))


def day_texts(max_bytes: float = float("inf")) -> list[str]:
    """Whole day files with HTML tags stripped, in date order, until about `max_bytes` of UTF-8 are read."""
    texts, size = [], 0
    for path in day_files():
        if size >= max_bytes:
            break
        with open(path, encoding="utf-8") as f:
            texts.append(TAG.sub("", f.read()))
        size += len(texts[-1].encode("utf-8"))
    return texts


def news_items(days: int | None = None) -> pd.DataFrame:
    """One row per news item of the first `days` day files (all by default):
    article_id, issue, date, headline, text (paragraphs joined with "\\n")."""
    rows = []
    for path in day_files()[:days]:
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


def megabytes(texts) -> float:
    """The texts' size in MB of UTF-8, the unit every benchmark reports."""
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6
