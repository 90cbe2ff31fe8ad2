"""Fitted topic models kept on disk: fit once, then load, and give new documents their topic shares.

A model is stored as `<folder>/<name>-<method>.npz` (arrays, read with allow_pickle=False) and
`<name>-<method>.json` (its key, labels of the arrays, the K table that chose K and the npz's
SHA-256), written atomically; nothing stored can run code when loaded. The key is the content
of the document-term matrix (units, terms and counts, so the corpus, the unit, the lexicon and the
stopwords all count), the method, the K search (K range, seeds, top words), the K asked for and
`CODE_VERSION`. `fit_or_load` refits when the key changed or the files are missing, tampered
with or inconsistent; it runs the K search again only when its settings changed or the corpus
changed other than by a few new issues (see `fit_or_load`).
On more than `SEARCH_UNITS` units the K search runs on a random sample of that many units; the
chosen K is then fitted once on all.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.special import psi
from sklearn.decomposition import non_negative_factorization
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.preprocessing import normalize

from analysis.atomic import write_bytes, write_text
from analysis.dtm import DocumentTermMatrix, build_dtm
from analysis.paths import PROCESSED
from analysis.terms import TermFilter
from analysis.token_table import TokenTable
from analysis.topics import TopicModel, choose_k, estimator, fit_topics, k_table

MODELS = PROCESSED / "models"
CODE_VERSION = 1  # raise when fitting changes, so every stored model is refitted
SEARCH_UNITS = 20_000  # the K search runs on a sample of this many units when the corpus is larger
K_RANGE = (2, 3, 4, 5, 6, 8)
SEEDS = (0, 1, 2)
TOP_N = 10
GROWTH = 0.1  # the K table is kept while the corpus grows by new issues up to this share of its units


@dataclass(frozen=True)
class StoredModel:
    """What a fitted model keeps: term weights over its vocabulary, the idf, the K table, its key."""

    name: str
    method: str
    vocabulary: np.ndarray
    idf: np.ndarray
    term_weights: np.ndarray
    doc_topics: np.ndarray
    table: pd.DataFrame
    key: dict

    @property
    def k(self) -> int:
        return self.term_weights.shape[0]

    def topics(self) -> TopicModel:
        """The topics alone (for their words and labels): a model over no documents."""
        return transform(self, pd.DataFrame({"unit_id": []}), [])


def dtm_hash(dtm: DocumentTermMatrix) -> str:
    """SHA-256 of a matrix's unit ids, vocabulary and counts: what a model fitted on it saw."""
    digest = hashlib.sha256()
    for strings in (dtm.units["unit_id"].astype(str), dtm.vocabulary):
        digest.update("\x1f".join(strings).encode("utf-8"))
    counts = dtm.counts
    counts.sort_indices()  # the same matrix either way; scikit-learn sorts them in place when it fits
    for array in (counts.indptr, counts.indices, counts.data):
        digest.update(np.ascontiguousarray(array, dtype=np.int64).tobytes())
    return digest.hexdigest()


def _paths(folder: Path, name: str, method: str) -> tuple[Path, Path]:
    stem = Path(folder) / f"{name}-{method}"
    return stem.with_suffix(".npz"), stem.with_suffix(".json")


def save(model: TopicModel, table: pd.DataFrame, key: dict, folder: str | Path = MODELS) -> Path:
    """Write the model's arrays (npz) and its key and K table (json), each atomically."""
    npz, meta = _paths(Path(folder), model.name, model.method)
    idf = TfidfTransformer().fit(model.dtm.counts).idf_
    arrays = {
        "vocabulary": model.dtm.vocabulary.astype(str),
        "idf": idf,
        "term_weights": model.term_weights,
        "doc_topics": model.doc_topics,
    }
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    data = buffer.getvalue()
    write_bytes(npz, data)
    write_text(
        meta,
        json.dumps(
            {"key": key, "npz_sha256": hashlib.sha256(data).hexdigest(), "table": table.to_dict(orient="list")},
            ensure_ascii=False,
            indent=1,
        ),
    )
    return npz


def load(name: str, method: str, folder: str | Path = MODELS) -> StoredModel | None:
    """The stored model, or None when it is missing, tampered with (hash, pickled objects) or inconsistent."""
    npz, meta = _paths(Path(folder), name, method)
    try:
        with open(meta, encoding="utf-8") as f:
            info = json.load(f)
        data = npz.read_bytes()
        if hashlib.sha256(data).hexdigest() != info["npz_sha256"]:
            return None
        with np.load(npz, allow_pickle=False) as arrays:
            vocabulary, idf = arrays["vocabulary"].astype(object), arrays["idf"]
            term_weights, doc_topics = arrays["term_weights"], arrays["doc_topics"]
        table = pd.DataFrame(info["table"])
        key = info["key"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    n_terms, k = len(vocabulary), key.get("k")
    if term_weights.shape != (k, n_terms) or idf.shape != (n_terms,) or doc_topics.shape[1:] != (k,):
        return None
    return StoredModel(name, method, vocabulary, idf, term_weights, doc_topics, table, key)


def search_sample(dtm: DocumentTermMatrix, n: int = SEARCH_UNITS, seed: int = 0) -> DocumentTermMatrix:
    """A random `n` units of the matrix (all of them when it has no more), in their order."""
    if dtm.counts.shape[0] <= n:
        return dtm
    rows = np.sort(np.random.default_rng(seed).choice(dtm.counts.shape[0], n, replace=False))
    return DocumentTermMatrix(dtm.units.iloc[rows].reset_index(drop=True), dtm.counts[rows], dtm.vocabulary)


def fit_or_load(
    dtm: DocumentTermMatrix,
    name: str,
    method: str = "nmf",
    k_range: Sequence[int] = K_RANGE,
    k: int = 0,
    seeds: Sequence[int] = SEEDS,
    top_n: int = TOP_N,
    folder: str | Path = MODELS,
    search_units: int = SEARCH_UNITS,
) -> tuple[TopicModel, pd.DataFrame]:
    """The model of `dtm` and its K table: read from `folder` when its key matches, else fitted and saved.

    `k=0` takes `choose_k`'s pick from the K table; the model uses the first seed. The K table is
    kept while the corpus only grows by new issues, by at most `GROWTH` (10%) of the units the
    search ran on: one more issue does not change how many topics a corpus holds, and the search
    costs many fits. Any other change (an issue edited or removed, the lexicon, the settings)
    searches again.
    """
    search = {
        "method": method,
        "k_range": [int(x) for x in k_range],
        "seeds": [int(s) for s in seeds],
        "top_n": int(top_n),
        "search_units": int(search_units),
        "code": CODE_VERSION,
    }
    current = dtm_hash(dtm)
    stored = load(name, method, folder)
    if stored is not None and stored.key.get("search") == search:
        same_corpus = stored.key.get("dtm") == current and stored.doc_topics.shape[0] == dtm.counts.shape[0]
        if same_corpus and stored.key.get("asked") == k:
            model = TopicModel(name, method, stored.k, int(seeds[0]), dtm, stored.term_weights, stored.doc_topics)
            return model, stored.table
        if same_corpus or _grown_by_new_issues(stored.key.get("searched", {}), dtm):
            return _fit_and_save(dtm, current, name, method, k, seeds, stored.table, stored.key, folder)
    table = k_table(search_sample(dtm, search_units), k_range, method, seeds=seeds, top_n=top_n)
    searched = {"dtm": current, "issues": _issues(dtm), "units": int(dtm.counts.shape[0])}
    return _fit_and_save(dtm, current, name, method, k, seeds, table, {"search": search, "searched": searched}, folder)


def _issues(dtm: DocumentTermMatrix) -> list[str]:
    return sorted(dtm.units["issue"].astype(str).unique()) if "issue" in dtm.units.columns else []


def _grown_by_new_issues(searched: dict, dtm: DocumentTermMatrix) -> bool:
    """Whether `dtm` is the searched corpus plus new issues, at most `GROWTH` more units."""
    before, now = set(searched.get("issues", [])), set(_issues(dtm))
    units = searched.get("units", 0)
    return bool(before) and before < now and units < dtm.counts.shape[0] <= units * (1 + GROWTH)


def _fit_and_save(dtm, current, name, method, k, seeds, table, key, folder) -> tuple[TopicModel, pd.DataFrame]:
    """Fit the K asked for (or `choose_k`'s pick from `table`) on all of `dtm`, and save it."""
    chosen = k or choose_k(table)
    model = fit_topics(dtm, chosen, method, seed=seeds[0], name=name)
    key = {"search": key["search"], "searched": key["searched"], "dtm": current, "asked": k, "k": chosen}
    save(model, table, key, folder)
    return model, table


def stored_or_fitted(
    name: str,
    method: str,
    units: pd.DataFrame,
    tokens: TokenTable | Sequence[Sequence[str]],
    folder: str | Path = MODELS,
    terms: TermFilter | None = None,
) -> StoredModel:
    """The stored model `<name>-<method>` (as fitted by notebook 03), whatever corpus it was fitted on;
    when there is none that checks out, one fitted on `units` (terms chosen by `terms`, as in 03:
    `analysis.stoplist.corpus_terms`) with the default K search and saved."""
    stored = load(name, method, folder)
    if stored is None:
        fit_or_load(build_dtm(units, tokens, terms=terms), name, method, folder=folder)
        stored = load(name, method, folder)
    return stored


def counts_on(vocabulary: np.ndarray, tokens: TokenTable | Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """Texts × `vocabulary` counts of the tokens; tokens outside the vocabulary are left out."""
    table = tokens if isinstance(tokens, TokenTable) else TokenTable.from_lists(tokens)
    index = {term: i for i, term in enumerate(vocabulary.tolist())}
    where = np.fromiter(
        (index.get(t, -1) for t in table.vocabulary.tolist()), dtype=np.int64, count=len(table.vocabulary)
    )
    counts = table.counts().tocoo()
    known = where[counts.col] >= 0
    return sparse.csr_matrix(
        (counts.data[known], (counts.row[known], where[counts.col[known]])), shape=(len(table), len(vocabulary))
    )


def transform(stored: StoredModel, units: pd.DataFrame, tokens: TokenTable | Sequence[Sequence[str]]) -> TopicModel:
    """Topic shares of new documents (`tokens[i]` is `units.iloc[i]`) under a stored model, without refitting.

    Counts are taken on the stored vocabulary; NMF weighs them with the stored idf and solves for
    the document weights with the stored topics held fixed; LDA infers topic proportions with the
    stored topic-word weights. A document without any known term gets all-zero shares.
    """
    counts = counts_on(stored.vocabulary, tokens)
    if counts.shape[0] == 0:
        weights = np.zeros((0, stored.k))
    elif stored.method == "nmf":
        x = normalize(counts.multiply(stored.idf).tocsr())
        weights, _, _ = non_negative_factorization(
            x, H=stored.term_weights, n_components=stored.k, update_H=False, max_iter=1000
        )
        weights = weights * stored.term_weights.sum(axis=1)
    else:
        lda = estimator("lda", stored.k)
        lda.fit(sparse.csr_matrix((1, len(stored.vocabulary))))  # sets the fitted attributes
        lda.components_ = stored.term_weights
        lda.exp_dirichlet_component_ = np.exp(_dirichlet_expectation(stored.term_weights))
        weights = lda.transform(counts) * (np.asarray(counts.sum(axis=1)) > 0)
    totals = weights.sum(axis=1, keepdims=True)
    shares = np.divide(weights, totals, out=np.zeros_like(weights, dtype=float), where=totals > 0)
    units = units.reset_index(drop=True).assign(n_terms=np.asarray(counts.sum(axis=1)).ravel())
    dtm = DocumentTermMatrix(units, counts, stored.vocabulary)
    return TopicModel(
        stored.name, stored.method, stored.k, int(stored.key["search"]["seeds"][0]), dtm, stored.term_weights, shares
    )


def _dirichlet_expectation(alpha: np.ndarray) -> np.ndarray:
    """E[log x] for rows of Dirichlet(alpha)."""
    return psi(alpha) - psi(alpha.sum(axis=1, keepdims=True))
