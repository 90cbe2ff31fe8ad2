"""Topic-model fit time against corpus size, and the project's overhead over bare scikit-learn.

Corpus: paragraphs of the 新闻联播 transcripts (SHARED_CORPUS/xinwenlianbo/news/*.md, HTML tags
stripped), in date order, tokenized once with analysis.token_cache (its cache makes reruns fast).
For each size (1k, 10k, 50k paragraphs):
- matrix: `build_dtm` on the cached tokens as `tokenize_table` gives them (ids into a vocabulary;
  term filter, min_df/max_df) against a bare CountVectorizer with an identity analyzer on the same
  tokens as lists of strings (no stopword/number/punctuation filtering);
- fit: `fit_topics(dtm, K)` against the same scikit-learn estimator fit on the precomputed matrix
  (TF-IDF for NMF, counts for LDA). The project's extra work is the TF-IDF transform, turning
  document weights into shares, and bookkeeping. Target: overhead <= 20%.
Settings chosen for 2 shared cores: K=20; NMF as the project fits it (init="random", cd solver,
max_iter=1000, stops at tol=1e-4); LDA with learning_method="online", max_iter=5 passes, batch_size=512,
n_jobs=1; BLAS limited to one thread, so bare and project runs compete equally for the cores. Bare and project runs alternate; small sizes take the best of 3, 50k the best of 2.

Run: .venv/bin/python benchmarks/bench_topics.py [--sizes 1000 10000 50000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd  # noqa: E402
from sklearn.feature_extraction.text import CountVectorizer  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402
from transcripts import NEWS, news_items  # noqa: E402

from analysis.dtm import build_dtm, document_units  # noqa: E402
from analysis.token_cache import tokenize_table  # noqa: E402
from analysis.topics import estimator, fit_topics, model_input, top_word_lists  # noqa: E402

K = 20
OPTIONS = {"nmf": {}, "lda": {"learning_method": "online", "max_iter": 5, "batch_size": 512}}


def news_paragraphs(limit: int) -> pd.DataFrame:
    """The first `limit` paragraphs of the transcripts, as document units."""
    units = document_units(news_items(), "paragraph")
    if len(units) < limit:
        raise SystemExit(f"only {len(units)} paragraphs in the transcripts, {limit} asked")
    return units.head(limit)


def best_times(bare, project, repeats: int) -> tuple[float, float, object, object]:
    """Fastest of `repeats` alternating runs of two functions, and their last results."""
    times = {bare: [], project: []}
    results = {}
    for _ in range(repeats):
        for function in (bare, project):
            start = time.perf_counter()
            results[function] = function()
            times[function].append(time.perf_counter() - start)
    return min(times[bare]), min(times[project]), results[bare], results[project]


def identity(tokens):
    return tokens


def bare_fit(method: str, matrix, options: dict):
    """The scikit-learn estimator alone, fit on a precomputed matrix (document weights included)."""
    fitted = estimator(method, K, 0, **options)
    fitted.fit_transform(matrix)
    return fitted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 50_000])
    sizes = parser.parse_args().sizes
    if not NEWS.is_dir():
        raise SystemExit(f"{NEWS} is absent: nothing to benchmark")
    units = news_paragraphs(max(sizes))
    start = time.perf_counter()
    tokens = tokenize_table(units["text"].tolist(), progress=True)
    token_lists = tokens.to_lists()
    print(
        f"{len(units):,} paragraphs, {units['text'].str.len().sum():,} characters; "
        f"tokens in {time.perf_counter() - start:.1f} s (cached after the first run)\n"
    )

    rows = []
    for n in sizes:
        repeats = 3 if n <= 10_000 else 2
        part, part_tokens, part_lists = units.iloc[:n], tokens[:n], token_lists[:n]
        bare_dtm, project_dtm, _, dtm = best_times(
            lambda: CountVectorizer(analyzer=identity, min_df=2, max_df=0.5).fit_transform(part_lists),
            lambda: build_dtm(part, part_tokens),
            repeats,
        )
        rows.append({"size": n, "step": "matrix", "bare_s": bare_dtm, "project_s": project_dtm})
        for method, options in OPTIONS.items():
            matrix = model_input(dtm, method)
            bare, project, fitted, model = best_times(
                lambda: bare_fit(method, matrix, options), lambda: fit_topics(dtm, K, method, 0, **options), repeats
            )
            assert (model.term_weights == fitted.components_).all(), "project and bare fits differ"
            rows.append({"size": n, "step": method, "bare_s": bare, "project_s": project})
            print(
                f"{n:>6,} paragraphs, {method}: matrix {dtm.counts.shape[0]:,} x {dtm.counts.shape[1]:,}, "
                f"topic 0 = {' '.join(top_word_lists(model, 6)[0])}",
                flush=True,
            )
    table = pd.DataFrame(rows)
    table["overhead_%"] = (table["project_s"] / table["bare_s"] - 1) * 100
    print()
    print(table.to_string(index=False, float_format=lambda x: f"{x:.2f}"))


if __name__ == "__main__":
    with threadpool_limits(1):
        main()
