"""People and genre extraction throughput on the 新闻联播 transcripts, against bare jieba.lcut in the same run.

Each `### ` item of SHARED_CORPUS/xinwenlianbo/news/YYYYMMDD.md is one article. Prints MB/s (UTF-8
bytes of headline and text per second) for extract_people + classify_genres on the chosen days and
for jieba.lcut on a subset, and their ratio.

    python benchmarks/bench_people.py            # every day (about 36 MB)
    python benchmarks/bench_people.py --days 200 --jieba-mb 2
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import jieba

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from transcripts import NEWS, megabytes, news_items  # noqa: E402

from analysis.genres import classify_genres  # noqa: E402
from analysis.people import extract_people  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=None, help="first N days only (default: all)")
    parser.add_argument("--jieba-mb", type=float, default=2.0, help="size of the jieba.lcut baseline subset")
    args = parser.parse_args()
    if not NEWS.is_dir():
        sys.exit(f"Transcripts not found at {NEWS}")

    articles = news_items(args.days)
    texts = (articles.headline + "\n" + articles.text).tolist()
    size = megabytes(texts)
    jieba.initialize()  # both measurements use the loaded dictionary

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
    people = extract_people(articles)
    coded = classify_genres(articles)
    seconds = time.perf_counter() - start
    rate = size / seconds

    print(f"articles: {len(articles):,} items from {articles.issue.nunique():,} days, {size:.1f} MB")
    print(f"baseline jieba.lcut:             {subset_mb:.1f} MB subset, {jieba_rate:.2f} MB/s")
    print(f"extract_people + classify_genres: {size:.1f} MB in {seconds:.1f} s, {rate:.2f} MB/s")
    print(f"ratio people+genres / jieba.lcut: {rate / jieba_rate:.1f}x")
    print(f"mentions: {len(people):,} ({people.titled.sum():,} with a title) of {people.name.nunique():,} people")
    print("most mentioned: " + "  ".join(f"{n}({c})" for n, c in people.name.value_counts().head(12).items()))
    print(f"genres: {coded.genre.value_counts().to_dict()}")


if __name__ == "__main__":
    main()
