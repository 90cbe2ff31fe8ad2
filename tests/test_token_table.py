"""TokenTable: token lists held as ids into one vocabulary give back exactly the lists they hold."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sklearn.feature_extraction.text import CountVectorizer

from analysis.paths import RAW
from analysis.segment import tokenize
from analysis.token_cache import tokenize_table
from analysis.token_table import TokenTable

PAGE = (RAW / "000_643968e12915283d.txt").read_text(encoding="utf-8")
PAGE_TOKENS = [tokenize(p) for p in PAGE.split("\n")]  # blank lines give empty lists
WORDS = sorted({t for doc in PAGE_TOKENS for t in doc})
token_lists = st.lists(st.lists(st.sampled_from(WORDS), max_size=8), max_size=12)


def test_sample_page_round_trip_and_one_id_per_word():
    table = TokenTable.from_lists(PAGE_TOKENS)
    assert table.to_lists() == PAGE_TOKENS and list(table) == PAGE_TOKENS and len(table) == len(PAGE_TOKENS)
    assert sorted(table.vocabulary) == WORDS
    assert table[3] == PAGE_TOKENS[3] and table[-1] == PAGE_TOKENS[-1]
    assert table[2:6].to_lists() == PAGE_TOKENS[2:6]
    with pytest.raises(IndexError):
        table[len(PAGE_TOKENS)]


def test_counts_equal_count_vectorizer_on_sample_page():
    table = TokenTable.from_lists(PAGE_TOKENS)
    vectorizer = CountVectorizer(analyzer=lambda doc: doc)
    expected = vectorizer.fit_transform(PAGE_TOKENS)
    order = np.argsort(table.vocabulary)
    assert table.vocabulary[order].tolist() == vectorizer.get_feature_names_out().tolist()
    assert (table.counts()[:, order] != expected).nnz == 0


def test_counts_of_tokens_fresh_and_read_back_from_the_cache(tmp_path):
    texts = list(dict.fromkeys(p for p in PAGE.split("\n") if p.strip()))
    for _ in range(2):  # tokenized, then read back from the cache file (read-only arrays)
        table = tokenize_table(texts, progress=False, cache_dir=tmp_path)
        expected = CountVectorizer(analyzer=lambda doc: doc).fit_transform(table.to_lists())
        assert (table.counts()[:, np.argsort(table.vocabulary)] != expected).nnz == 0


@given(token_lists, st.data())
def test_take_gives_the_rows_asked_for(lists, data):
    rows = data.draw(st.lists(st.integers(0, len(lists) - 1), max_size=20) if lists else st.just([]))
    assert TokenTable.from_lists(lists).take(rows).to_lists() == [lists[r] for r in rows]


@given(st.lists(token_lists, max_size=4))
def test_concat_gives_the_lists_end_to_end_over_one_vocabulary(parts):
    table = TokenTable.concat([TokenTable.from_lists(p) for p in parts])
    assert table.to_lists() == [doc for part in parts for doc in part]
    assert len(set(table.vocabulary)) == len(table.vocabulary)


def test_offsets_must_cover_the_ids():
    with pytest.raises(ValueError, match="offsets"):
        TokenTable(np.array(["农业"], dtype=object), np.array([0, 0], dtype=np.int32), np.array([0, 1]))
