"""Document units and document-term matrices built from the project's own tokens.

Nothing is re-tokenized: counts come from the project's tokens (`analysis.token_cache.tokenize_table`)
as ids into a vocabulary, so scikit-learn's `token_pattern` (which drops every one-character word)
is never used, and no Python string is made per token. The result equals scikit-learn's
`CountVectorizer(analyzer=...)` with the same term filter, `min_df` and `max_df` (a test checks it);
`CountVectorizer` itself would walk every token in Python.

Choices, each a parameter of `build_dtm`:
- which tokens are terms: `analysis.terms.TermFilter`, the rule the word clouds and the brief use
  too (no stopwords, punctuation or numbers; 十四五 stays; one-character words only if in
  `KEEP_SINGLE`); pass your own `TermFilter(...)` to change it;
- `min_df=2`: a term seen in one document cannot tie documents together;
- `max_df=0.5`: a term in more than half the documents (the district's own name on a district
  page) separates nothing.
Documents left without any term are dropped; `units` stays aligned with the matrix rows.
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer

from analysis.terms import TermFilter
from analysis.token_table import TokenTable

UNITS = ("article", "paragraph")
BACK_REFERENCES = ("article_id", "issue", "date", "headline")


def document_units(articles: pd.DataFrame, unit: str = "article") -> pd.DataFrame:
    """One row per document unit: `unit_id`, back-references to its article, `text`.

    unit="article" keeps each article's text whole (unit_id = article_id); unit="paragraph" splits
    it on "\\n", drops empty paragraphs and adds `paragraph` (0-based position among the kept
    ones; unit_id = "<article_id>/<paragraph>"). Back-references are the article table's
    `article_id`, `issue`, `date` and `headline` (those present).
    """
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {UNITS}, not {unit!r}")
    refs = [c for c in BACK_REFERENCES if c in articles.columns]
    units = articles[refs + ["text"]].copy()
    if unit == "article":
        units.insert(0, "unit_id", units["article_id"])
        return units.reset_index(drop=True)
    units["text"] = units["text"].str.split("\n")
    units = units.explode("text")
    units["text"] = units["text"].str.strip()
    units = units[units["text"].str.len() > 0]
    units.insert(len(refs), "paragraph", units.groupby("article_id", sort=False).cumcount())
    units.insert(0, "unit_id", units["article_id"] + "/" + units["paragraph"].astype(str))
    return units.reset_index(drop=True)


@dataclass(frozen=True)
class DocumentTermMatrix:
    """Term counts per document unit; row i of `counts` is row i of `units`."""

    units: pd.DataFrame
    counts: sparse.csr_matrix
    vocabulary: np.ndarray

    def tfidf(self) -> sparse.csr_matrix:
        """TF-IDF weights (scikit-learn defaults: smooth idf, l2-normalised rows)."""
        return TfidfTransformer().fit_transform(self.counts).tocsr()

    def presence(self) -> sparse.csr_matrix:
        """1 where a term occurs in a document, else 0."""
        return (self.counts > 0).astype(np.int32).tocsr()


def build_dtm(
    units: pd.DataFrame,
    tokens: TokenTable | Sequence[Sequence[str]],
    *,
    terms: TermFilter | None = None,
    min_df: int | float = 2,
    max_df: int | float = 0.5,
) -> DocumentTermMatrix:
    """Count terms of pre-tokenized documents (`tokens[i]` belongs to `units.iloc[i]`).

    `tokens` is a `TokenTable` (from `tokenize_table`) or plain token lists. `terms` decides which
    tokens are terms (default `TermFilter()`, the project's rule). `min_df`/`max_df` are
    scikit-learn's: an int is a number of documents, a float a share of documents. Terms are in
    sorted order. The returned units carry `n_terms`, the number of counted terms per unit.
    """
    if len(units) != len(tokens):
        raise ValueError(f"{len(units)} units but {len(tokens)} token lists")
    table = tokens if isinstance(tokens, TokenTable) else TokenTable.from_lists(tokens)
    terms = TermFilter() if terms is None else terms
    counts = table.counts()
    document_frequency = np.bincount(counts.indices, minlength=counts.shape[1])
    n_docs = len(table)
    most = max_df if isinstance(max_df, numbers.Integral) else max_df * n_docs
    least = min_df if isinstance(min_df, numbers.Integral) else min_df * n_docs
    if most < least:
        raise ValueError("max_df corresponds to < documents than min_df")
    columns = np.flatnonzero((document_frequency >= max(least, 1)) & (document_frequency <= most))
    columns = columns[terms.mask(table.vocabulary[columns])]
    if not len(columns):
        raise ValueError(
            "no terms remain after the term filter and min_df/max_df; try a lower min_df or a higher max_df"
        )
    columns = columns[np.argsort(table.vocabulary[columns], kind="stable")]
    counts = counts[:, columns]
    n_terms = np.asarray(counts.sum(axis=1)).ravel()
    keep = n_terms > 0
    kept = units.loc[keep].reset_index(drop=True).assign(n_terms=n_terms[keep])
    return DocumentTermMatrix(kept, counts[keep], table.vocabulary[columns])
