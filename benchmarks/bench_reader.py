"""Reader throughput (MB/s) against bare `jieba.lcut` on the same text, measured in one run.

    python benchmarks/bench_reader.py [--pages 400] [--days 150] [--jieba-mb 2]

Inputs: the sample page replicated into many pages (each parsed as its own page), and real text:
新闻联播 transcripts from the shared corpus turned into pages (one `### ` item = headline + paragraphs).
The reader must stay at least 10 times faster than tokenizing, so it is never the bottleneck.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import jieba  # noqa: E402
from transcripts import news_items  # noqa: E402

from analysis import parse_page  # noqa: E402
from analysis.paths import RAW, SHARED_CORPUS  # noqa: E402
from analysis.read.lines import _jieba  # noqa: E402


def xinwenlianbo_pages(days: int) -> list[str]:
    """One page per day: each news item's headline, then its paragraphs."""
    items = news_items(days)
    return [
        "\n\n".join(block for row in day.itertuples() for block in [row.headline, *row.text.split("\n")])
        for _, day in items.groupby("issue", sort=True)
    ]


def throughput(pages: list[str]) -> tuple[float, float]:
    size = sum(len(p.encode("utf-8")) for p in pages) / 1e6
    start = time.perf_counter()
    for n, page in enumerate(pages):
        parse_page(page, issue=str(n))
    return size, size / (time.perf_counter() - start)


def jieba_throughput(text: str) -> float:
    start = time.perf_counter()
    jieba.lcut(text)
    return len(text.encode("utf-8")) / 1e6 / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=400, help="copies of the sample page")
    parser.add_argument("--days", type=int, default=150, help="days of 新闻联播 transcripts")
    parser.add_argument("--jieba-mb", type=float, default=2.0, help="MB of each input given to jieba.lcut")
    args = parser.parse_args()
    _jieba()  # load jieba's dictionary once, outside every timing
    sample = (RAW / "000_643968e12915283d.txt").read_text(encoding="utf-8")
    inputs = {f"sample page x{args.pages}": [sample] * args.pages}
    if (SHARED_CORPUS / "xinwenlianbo").exists():
        inputs[f"新闻联播, {args.days} days"] = xinwenlianbo_pages(args.days)
    print(f"{'input':<24}{'MB':>7}{'reader MB/s':>13}{'jieba MB/s':>12}{'ratio':>8}")
    for name, pages in inputs.items():
        size, reader = throughput(pages)
        text = "\n".join(pages)
        cut = text.encode("utf-8")[: int(args.jieba_mb * 1e6)].decode("utf-8", errors="ignore")
        baseline = jieba_throughput(cut)
        print(f"{name:<24}{size:>7.1f}{reader:>13.2f}{baseline:>12.2f}{reader / baseline:>7.1f}x")


if __name__ == "__main__":
    main()
