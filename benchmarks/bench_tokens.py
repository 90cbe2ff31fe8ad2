"""Tokenizer throughput on the 新闻联播 transcripts: plain jieba vs the project's cached rjieba path.

    python benchmarks/bench_tokens.py [--limit-mb 5] [--jieba-mb 3] [--repeat 3] [--paragraphs 50000]

Texts are the day files (HTML tags stripped), in date order. jieba is timed on the first
`--jieba-mb` MB only (it runs at about 1 MB/s); every other figure uses the whole selection.
The last three rows time short texts: the first `--paragraphs` paragraphs of the news items (the
unit notebook 03 models; jieba on as many MB of them as of day files). Each figure is the best of `--repeat` runs (the machine is shared);
every cold run starts from an empty cache in a temporary folder, never in the project. Cache runs
time `tokenize_table`, which hands cached tokens on as ids into a vocabulary (what `build_dtm` and
`word_frequencies` count); the `tokenize_many` row turns them into Python lists of strings.
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from transcripts import NEWS, day_texts, megabytes, news_items  # noqa: E402

from analysis.dtm import document_units  # noqa: E402
from analysis.segment import reference_tokenize, tokenize  # noqa: E402
from analysis.token_cache import tokenize_many, tokenize_table  # noqa: E402


def timed(fn, *args, **kwargs):
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - start


def best_of(repeat: int, fn):
    """(result, seconds) of the fastest of `repeat` calls; one result alive at a time."""
    best = None
    for _ in range(repeat):
        run = timed(fn)
        best = run if best is None or run[1] < best[1] else best
        del run
    return best


def cache_runs(old: list[str], texts: list[str], keep: int) -> tuple[float, float, float, float, list[list[str]]]:
    """Seconds for a cold `tokenize_table` run on `old`, a rerun on `texts` (one new day), a fully
    cached rerun, the same as plain lists (`tokenize_many`); and the first `keep` cached token lists
    (only those, so no large result stays alive)."""
    with tempfile.TemporaryDirectory() as cache:  # each run starts as a fresh rerun would: no earlier result alive
        cold = timed(tokenize_table, old, progress=False, cache_dir=cache)[1]
        add = timed(tokenize_table, texts, progress=False, cache_dir=cache)[1]
        again = timed(tokenize_table, texts, progress=False, cache_dir=cache)[1]
        cached, as_lists = timed(tokenize_many, texts, progress=False, cache_dir=cache)
    return cold, add, again, as_lists, cached[:keep]


def cold_run(texts: list[str]) -> float:
    """Seconds for `tokenize_table` on `texts` with an empty cache."""
    with tempfile.TemporaryDirectory() as cache:
        return timed(tokenize_table, texts, progress=False, cache_dir=cache)[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit-mb", type=float, default=None, help="use only the first N MB of day files")
    parser.add_argument("--jieba-mb", type=float, default=3.0, help="MB of text to time plain jieba on")
    parser.add_argument("--repeat", type=int, default=3, help="report the best of this many runs")
    parser.add_argument("--paragraphs", type=int, default=50_000, help="short texts: this many news paragraphs")
    args = parser.parse_args()

    if not NEWS.is_dir():
        sys.exit(f"need the 新闻联播 corpus in {NEWS}")
    texts = day_texts(float("inf") if args.limit_mb is None else args.limit_mb * 1e6)
    subset = day_texts(min(args.jieba_mb, args.limit_mb or args.jieba_mb) * 1e6)
    size, old, new_day = megabytes(texts), texts[:-1], texts[-1:]
    print(
        f"corpus: {len(texts)} day files, {size:.1f} MB; jieba subset: {len(subset)} files, {megabytes(subset):.1f} MB"
    )

    _, t_init = timed(tokenize, "")  # jieba + rjieba set up with the user dictionary, once a process
    reference, t_jieba = best_of(args.repeat, lambda: [reference_tokenize(t) for t in subset])
    fast, t_fast_subset = best_of(args.repeat, lambda: [tokenize(t) for t in subset])
    assert fast == reference, "tokenize differs from jieba"
    jieba_rate = megabytes(subset) / t_jieba
    t_plain = best_of(args.repeat, lambda: [tokenize(t) for t in texts])[1]
    runs = [cache_runs(old, texts, len(subset)) for _ in range(args.repeat)]
    t_cold, t_add, t_cached, t_lists = (min(r[i] for r in runs) for i in range(4))
    assert runs[0][4] == reference
    paragraphs = document_units(news_items(), "paragraph")["text"].head(args.paragraphs).tolist()
    sizes = np.cumsum([len(t.encode("utf-8")) for t in paragraphs])
    short_subset = paragraphs[: int(np.searchsorted(sizes, megabytes(subset) * 1e6)) + 1]  # as many MB as `subset`
    t_jieba_short = best_of(args.repeat, lambda: [reference_tokenize(t) for t in short_subset])[1]
    t_plain_short = best_of(args.repeat, lambda: [tokenize(t) for t in paragraphs])[1]
    t_cold_short = min(cold_run(paragraphs) for _ in range(args.repeat))

    rows = [
        ("plain jieba.lcut (reference), subset", megabytes(subset), t_jieba),
        ("tokenize(), subset, no cache", megabytes(subset), t_fast_subset),
        ("tokenize(), all texts, no cache", size, t_plain),
        ("tokenize_table cold (empty cache, all but last day)", megabytes(old), t_cold),
        ("tokenize_table rerun + 1 new day", size, t_add),
        ("tokenize_table cached rerun", size, t_cached),
        ("tokenize_many cached rerun (lists of str)", size, t_lists),
        (f"plain jieba.lcut, first {len(short_subset):,} paragraphs", megabytes(short_subset), t_jieba_short),
        (f"tokenize(), {len(paragraphs):,} paragraphs, no cache", megabytes(paragraphs), t_plain_short),
        (f"tokenize_table cold, {len(paragraphs):,} paragraphs", megabytes(paragraphs), t_cold_short),
    ]
    print(f"\n{'run':52} {'MB':>6} {'seconds':>8} {'MB/s':>8} {'x jieba':>8}")
    for name, size_mb, seconds in rows:
        rate = size_mb / seconds
        print(f"{name:52} {size_mb:6.1f} {seconds:8.2f} {rate:8.1f} {rate / jieba_rate:8.1f}")
    print(f"\none-time set-up per process (jieba + rjieba + user dictionary): {t_init:.2f} s, not in the rows")
    print(
        f"rerun after adding one day ({megabytes(new_day) * 1e3:.0f} kB): {t_add:.2f} s = "
        f"{100 * t_add / t_cold:.1f}% of the cold run (target <= 5%)"
    )
    print(
        f"cold run vs jieba: {megabytes(old) / t_cold / jieba_rate:.1f}x (target >= 10x); tokens identical to jieba on the subset"
    )
    print(
        f"paragraphs, cold run vs jieba on paragraphs: "
        f"{megabytes(paragraphs) / t_cold_short / (megabytes(short_subset) / t_jieba_short):.1f}x"
    )


if __name__ == "__main__":
    main()
