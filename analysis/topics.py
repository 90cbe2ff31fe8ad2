"""Topic models (NMF on TF-IDF, LDA on counts) and the evidence for trusting them.

Fit with `fit_topics(dtm, k)`; choose K with `k_table` (coherence and stability per K) and
`choose_k`; read the result with `top_words`, `topic_labels`, `article_topics`,
`topic_prevalence`, `prevalence_over_time`, `clearest_documents` and `typical_documents`; draw it
with the `plot_*` functions of `analysis.plots.topics`.

- Coherence: mean NPMI over pairs of a topic's top words, counted as document co-occurrence in
  the corpus itself (1 = the words always appear together, 0 = independent, -1 = never together).
- Stability: fit the same K with different seeds, match topics one-to-one (Hungarian algorithm)
  by the Jaccard overlap of their top-word sets, and average the matched overlaps (1 = every
  topic comes back with the same top words; topics that vanish with the seed are artefacts).
- Topic shares: a document's share of topic j is the share of its reconstructed term weight
  that topic j provides (NMF) or its topic proportion (LDA); rows sum to 1.
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.optimize import linear_sum_assignment
from sklearn.decomposition import NMF, LatentDirichletAllocation

from analysis.atomic import write_csv
from analysis.dtm import DocumentTermMatrix
from analysis.lexicon_io import read_table
from analysis.paths import LEXICON

METHODS = ("nmf", "lda")
LABELS_DIR = LEXICON / "topic_labels"
MIN_STABILITY = 0.6
COHERENCE_MARGIN = 0.02


@dataclass(frozen=True)
class TopicModel:
    """A fitted model: `term_weights` is topics × vocabulary, `doc_topics` is units × topics."""

    name: str
    method: str
    k: int
    seed: int
    dtm: DocumentTermMatrix
    term_weights: np.ndarray
    doc_topics: np.ndarray

    @property
    def key(self) -> str:
        """Identifies corpus, method and K, e.g. "sample-paragraph-nmf-k8"."""
        return f"{self.name}-{self.method}-k{self.k}"


def estimator(method: str, k: int, seed: int = 0, **options):
    """The scikit-learn estimator `fit_topics` uses (options override its defaults).

    NMF starts from random factors (init="random"), so the seed matters and `k_table` can measure
    whether topics depend on it; SVD-based starts (nndsvd) give nearly the same topics whatever the
    seed, which would hide that. On the government reports both starts reach the same fit quality.
    """
    if method == "nmf":
        return NMF(n_components=k, random_state=seed, **{"init": "random", "max_iter": 1000, **options})
    if method == "lda":
        return LatentDirichletAllocation(n_components=k, random_state=seed, **options)
    raise ValueError(f"method must be one of {METHODS}, not {method!r}")


def model_input(dtm: DocumentTermMatrix, method: str):
    """TF-IDF for NMF, raw counts for LDA."""
    return dtm.tfidf() if method == "nmf" else dtm.counts


def fit_topics(
    dtm: DocumentTermMatrix, k: int, method: str = "nmf", seed: int = 0, name: str = "topics", **options
) -> TopicModel:
    """Fit K topics; the same data, K, method, seed and options give identical results."""
    fitted = estimator(method, k, seed, **options)
    doc_weights = fitted.fit_transform(model_input(dtm, method))
    if method == "nmf":
        doc_weights = doc_weights * fitted.components_.sum(axis=1)
    return TopicModel(name, method, k, seed, dtm, fitted.components_, _rows_to_shares(doc_weights))


def _rows_to_shares(weights: np.ndarray) -> np.ndarray:
    """Divide each row by its sum; all-zero rows stay zero."""
    totals = weights.sum(axis=1, keepdims=True)
    return np.divide(weights, totals, out=np.zeros_like(weights, dtype=float), where=totals > 0)


# --- what the topics are -------------------------------------------------------------------


def top_word_lists(model: TopicModel, n: int = 10) -> list[list[str]]:
    """The n heaviest terms of each topic, heaviest first."""
    order = np.argsort(-model.term_weights, axis=1, kind="stable")[:, :n]
    return [list(model.dtm.vocabulary[row]) for row in order]


def top_words(model: TopicModel, n: int = 10) -> pd.DataFrame:
    """Long table: topic, rank (0 = heaviest), word, weight (share of the topic's total weight)."""
    weights = model.term_weights / model.term_weights.sum(axis=1, keepdims=True)
    order = np.argsort(-weights, axis=1, kind="stable")[:, :n]
    return pd.DataFrame(
        [
            (topic, rank, model.dtm.vocabulary[term], weights[topic, term])
            for topic, row in enumerate(order)
            for rank, term in enumerate(row)
        ],
        columns=["topic", "rank", "word", "weight"],
    )


def topic_labels(model: TopicModel, folder: str | Path = LABELS_DIR) -> pd.Series:
    """Researcher-editable topic labels from `<folder>/<model.key>.csv` (topic, label, top_words).

    A missing file is created with each topic's top 3 words as its label; an existing file is
    read, never rewritten. When a stored topic's top words no longer match the model's (the file
    was written for a different fit under the same key), that topic is labelled by its current top
    3 words and a warning names it.
    """
    path = Path(folder) / f"{model.key}.csv"
    current = [" ".join(words) for words in top_word_lists(model)]
    if not path.exists():
        write_csv(
            pd.DataFrame(
                {
                    "topic": range(model.k),
                    "label": ["·".join(words.split()[:3]) for words in current],
                    "top_words": current,
                }
            ),
            path,
        )
    stored = read_table(path, ("topic", "label", "top_words")).replace({"": np.nan}).astype({"topic": int})
    changed = [
        t
        for t, words in zip(stored["topic"], stored["top_words"])
        if t >= model.k or _jaccard(set(str(words).split()), set(current[t].split())) < 0.5
    ]
    if changed or len(stored) != model.k:
        warnings.warn(
            f"{path.name}: topics {changed} no longer match the labels written for them, so they are "
            "shown by their top words; check the labels or delete the file to start again.",
            stacklevel=2,
        )
    labels = stored.set_index("topic")["label"].reindex(range(model.k))
    for t in range(model.k):
        if t in changed or pd.isna(labels[t]):
            labels[t] = "·".join(current[t].split()[:3])  # never a stale label on a changed topic
    return labels.rename("label")


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


# --- how good are they ---------------------------------------------------------------------


def npmi_coherence(dtm: DocumentTermMatrix, word_lists: Sequence[Sequence[str]]) -> np.ndarray:
    """Mean NPMI over all pairs of each word list, from document co-occurrence in `dtm`.

    A pair that never shares a document scores -1 (words missing from the vocabulary never
    occur); a pair present in every document scores 1.
    """
    n_docs, n_terms = dtm.counts.shape
    index = {term: i for i, term in enumerate(dtm.vocabulary)}
    presence = sparse.hstack([dtm.presence(), sparse.csr_matrix((n_docs, 1), dtype=np.int32)]).tocsc()
    scores = []
    for words in word_lists:
        columns = presence[:, [index.get(w, n_terms) for w in words]]
        together = (columns.T @ columns).toarray() / n_docs
        first, second = np.triu_indices(len(words), k=1)
        p_ij, p_i, p_j = together[first, second], np.diag(together)[first], np.diag(together)[second]
        with np.errstate(divide="ignore", invalid="ignore"):
            npmi = np.log(p_ij / (p_i * p_j)) / -np.log(p_ij)
        scores.append(np.select([p_ij == 0, p_ij == 1], [-1.0, 1.0], npmi).mean())
    return np.array(scores)


def topic_stability(runs: Sequence[Sequence[Sequence[str]]]) -> float:
    """Mean best-match Jaccard overlap of top-word sets, over every pair of runs.

    Each run is one fit's list of top-word lists; topics are matched one-to-one between two runs
    by the Hungarian algorithm (scipy's linear_sum_assignment).
    """
    overlaps = []
    for a, b in itertools.combinations(runs, 2):
        jaccard = np.array([[_jaccard(set(x), set(y)) for y in b] for x in a])
        rows, cols = linear_sum_assignment(jaccard, maximize=True)
        overlaps.append(jaccard[rows, cols].mean())
    return float(np.mean(overlaps))


def k_table(
    dtm: DocumentTermMatrix,
    ks: Sequence[int],
    method: str = "nmf",
    seeds: Sequence[int] = (0, 1, 2),
    top_n: int = 10,
    **options,
) -> pd.DataFrame:
    """For each K: mean NPMI coherence of its topics (mean and spread over seeds), stability across seeds."""
    rows = []
    for k in ks:
        runs = [top_word_lists(fit_topics(dtm, k, method, seed, **options), top_n) for seed in seeds]
        coherence = [npmi_coherence(dtm, run).mean() for run in runs]
        rows.append(
            {
                "k": k,
                "coherence": np.mean(coherence),
                "coherence_sd": np.std(coherence),
                "stability": topic_stability(runs),
            }
        )
    return pd.DataFrame(rows)


def choose_k(table: pd.DataFrame, min_stability: float = MIN_STABILITY, margin: float = COHERENCE_MARGIN) -> int:
    """Among the K whose topics come back across seeds, the most stable of the most coherent.

    1. Keep K with stability >= `min_stability` (0.6: matched top-10 sets share 7 to 8 of their
       10 words); if none is that stable, keep the most stable K.
    2. Keep those whose coherence is within `margin` of the best (0.02 NPMI: about twice what
       changing the seed moves it on the government reports; `k_table` reports that spread).
    3. Take the most stable of them; ties go to the smaller K.
    """
    stable = table[table["stability"] >= min_stability]
    if stable.empty:
        stable = table[table["stability"] == table["stability"].max()]
    coherent = stable[stable["coherence"] >= stable["coherence"].max() - margin]
    best = coherent[coherent["stability"] == coherent["stability"].max()]
    return int(best["k"].min())


# --- where the topics are ------------------------------------------------------------------


def document_topics(model: TopicModel) -> pd.DataFrame:
    """Topic shares per document unit (index unit_id, one column per topic)."""
    return pd.DataFrame(
        model.doc_topics,
        index=pd.Index(model.dtm.units["unit_id"], name="unit_id"),
        columns=pd.RangeIndex(model.k, name="topic"),
    )


def _weighted_shares(model: TopicModel, by: pd.Series) -> pd.DataFrame:
    """Topic shares of all terms in each group of units (units weighted by their term count).

    Units whose key is missing (e.g. an unknown date) form a group of their own.
    """
    weighted = pd.DataFrame(
        model.doc_topics * model.dtm.units["n_terms"].to_numpy()[:, None], columns=pd.RangeIndex(model.k, name="topic")
    )
    totals = weighted.groupby(by.to_numpy(), sort=False, dropna=False).sum()
    totals.index.name = by.name
    return totals.div(totals.sum(axis=1), axis=0)


def article_topics(model: TopicModel) -> pd.DataFrame:
    """Each article's topic mix (index article_id); paragraphs count by their number of terms."""
    return _weighted_shares(model, model.dtm.units["article_id"])


PERIODS = {"week": "W", "month": "M"}
MAX_POINTS = 60  # `prevalence_over_time` shows at most this many points per topic


def topic_prevalence(model: TopicModel, by: str = "issue") -> pd.DataFrame:
    """Topic shares of all terms per `by` value, sorted: a units column, or "year", "week" or "month"
    of `date` (a week or month is labelled by its first day)."""
    units = model.dtm.units
    if by == "year":
        key = units["date"].dt.year.rename("year")
    elif by in PERIODS:
        key = units["date"].dt.to_period(PERIODS[by]).dt.start_time.rename(by)
    else:
        key = units[by]
    return _weighted_shares(model, key).sort_index()


def prevalence_over_time(model: TopicModel, max_points: int = MAX_POINTS) -> pd.DataFrame:
    """Topic prevalence at the finest grain with at most `max_points` points: date, week, month, year.

    Undated units are left out while some are dated; with no date at all, the latest `max_points`
    issues (in file-name order).
    """
    units = model.dtm.units
    dated = units["date"].notna() if "date" in units.columns else pd.Series(False, index=units.index)
    if not dated.any():
        return topic_prevalence(model, "issue").iloc[-max_points:]
    for by in ("date", "week", "month", "year"):
        prevalence = topic_prevalence(model, by)
        prevalence = prevalence[prevalence.index.notna()]
        if len(prevalence) <= max_points:
            break
    return prevalence.iloc[-max_points:]


def clearest_documents(shares: pd.DataFrame, n: int) -> pd.DataFrame:
    """At most `n` rows of a topic-share table: per topic in turn, the documents it dominates most clearly.

    Rows are grouped by their main topic, each group ordered from the highest share down; topics
    take turns, so every topic that is some document's main topic is shown.
    """
    if len(shares) <= n:
        return shares
    main, best = shares.to_numpy().argmax(axis=1), shares.to_numpy().max(axis=1)
    order = pd.DataFrame({"row": range(len(shares)), "topic": main, "share": best})
    order = order.sort_values(["topic", "share"], ascending=[True, False], kind="stable")
    order["turn"] = order.groupby("topic").cumcount()
    chosen = order.sort_values(["turn", "topic"], kind="stable").iloc[:n]
    return shares.iloc[chosen.sort_values(["topic", "share"], ascending=[True, False])["row"].to_numpy()]


def typical_documents(model: TopicModel, n: int = 3, level: str = "article", min_terms: int = 5) -> pd.DataFrame:
    """The n documents with the highest share of each topic: topic, rank, share, back-references.

    level="article" ranks articles by their topic mix; level="unit" ranks the document units
    themselves (e.g. paragraphs) and includes their text. Documents with fewer than `min_terms`
    terms are passed over: a one-word heading ("结束语") is trivially 100% one topic.
    """
    units = model.dtm.units
    if level == "article":
        shares = article_topics(model)
        details = units.groupby("article_id", sort=False).agg(
            {**{c: "first" for c in ("issue", "date", "headline") if c in units.columns}, "n_terms": "sum"}
        )
    elif level == "unit":
        shares = document_topics(model)
        details = units.set_index("unit_id")
    else:
        raise ValueError(f"level must be 'article' or 'unit', not {level!r}")
    shares = shares[details.loc[shares.index, "n_terms"].to_numpy() >= min_terms]
    rows = []
    for topic in range(model.k):
        best = shares[topic].nlargest(n)
        rows.append(
            pd.DataFrame({"topic": topic, "rank": range(len(best)), "share": best.to_numpy()}, index=best.index).join(
                details
            )
        )
    return pd.concat(rows).reset_index()
