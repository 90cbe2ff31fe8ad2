"""Slogan extraction throughput on the 新闻联播 transcripts, against bare jieba.lcut in the same run.

Each `### ` item of SHARED_CORPUS/xinwenlianbo/news/YYYYMMDD.md is one article (HTML tags
stripped, one paragraph per <p>). Prints MB/s (UTF-8 bytes of article text per second) for
extract_slogans on the chosen days and for jieba.lcut on a subset, and their ratio.

    python benchmarks/bench_slogans.py            # every day (about 36 MB)
    python benchmarks/bench_slogans.py --days 200 --jieba-mb 2
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import jieba

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from transcripts import NEWS, megabytes, news_items  # noqa: E402

from analysis.frequency import slogan_summary  # noqa: E402
from analysis.national import national_formulas  # noqa: E402
from analysis.recurrence import reference_texts  # noqa: E402
from analysis.slogans import extract_slogans  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=None, help="first N days only (default: all)")
    parser.add_argument("--jieba-mb", type=float, default=2.0, help="size of the jieba.lcut baseline subset")
    args = parser.parse_args()
    if not NEWS.is_dir():
        sys.exit(f"Transcripts not found at {NEWS}")

    articles = news_items(args.days)
    size = megabytes(articles.text)
    jieba.initialize()  # both measurements use the loaded dictionary
    national_formulas()  # derived once from data/reference/ and cached, like jieba's dictionary
    reference_texts()

    subset, subset_mb = [], 0.0
    for text in articles.text.sample(frac=1, random_state=0):
        if subset_mb >= args.jieba_mb:
            break
        subset.append(text)
        subset_mb += len(text.encode("utf-8")) / 1e6
    start = time.perf_counter()
    for text in subset:
        jieba.lcut(text)
    jieba_rate = subset_mb / (time.perf_counter() - start)

    start = time.perf_counter()
    uses = extract_slogans(articles)
    seconds = time.perf_counter() - start
    rate = size / seconds

    print(f"articles: {len(articles):,} items from {articles.issue.nunique():,} days, {size:.1f} MB")
    print(f"baseline jieba.lcut: {subset_mb:.1f} MB subset, {jieba_rate:.2f} MB/s")
    print(f"extract_slogans:     {size:.1f} MB in {seconds:.1f} s, {rate:.2f} MB/s")
    print(f"ratio extract_slogans / jieba.lcut: {rate / jieba_rate:.1f}x")
    summary = slogan_summary(uses)
    print(f"uses: {len(uses):,} of {len(summary):,} slogans; by type: {summary.type.value_counts().to_dict()}")
    for kind, top in summary.groupby("type"):
        print(f"  {kind:10} " + "  ".join(f"{s}({n})" for s, n in zip(top.slogan[:8], top.uses[:8])))


if __name__ == "__main__":
    main()
