"""Stored topic models on the sample page: fit once, load, refuse what was tampered with, transform new text."""

import json

import numpy as np
import pytest

import analysis
from analysis import topic_store
from analysis.dtm import DocumentTermMatrix, build_dtm, document_units
from analysis.paths import RAW
from analysis.token_cache import tokenize_many
from analysis.topics import top_word_lists

SEARCH = {"k_range": [3, 4], "seeds": [0, 1]}


@pytest.fixture(scope="module")
def units():
    articles = analysis.load_corpus(RAW)
    return document_units(articles[articles["kind"] == "article"], "paragraph")


@pytest.fixture(scope="module")
def tokens(units):
    return tokenize_many(units["text"].tolist(), progress=False)


@pytest.fixture(scope="module")
def dtm(units, tokens):
    return build_dtm(units, tokens)


def test_fit_then_load_gives_the_same_model(dtm, tmp_path, monkeypatch):
    model, table = topic_store.fit_or_load(dtm, "sample-paragraph", folder=tmp_path, **SEARCH)
    assert (tmp_path / "sample-paragraph-nmf.npz").exists() and (tmp_path / "sample-paragraph-nmf.json").exists()
    monkeypatch.setattr(topic_store, "fit_topics", lambda *a, **k: pytest.fail("refitted a stored model"))
    monkeypatch.setattr(topic_store, "k_table", lambda *a, **k: pytest.fail("reran the K search"))
    again, table_again = topic_store.fit_or_load(dtm, "sample-paragraph", folder=tmp_path, **SEARCH)
    assert top_word_lists(again) == top_word_lists(model)
    np.testing.assert_array_equal(again.doc_topics, model.doc_topics)
    assert table_again.round(12).equals(table.round(12))


def test_a_new_k_reuses_the_k_search(dtm, tmp_path, monkeypatch):
    topic_store.fit_or_load(dtm, "sample-paragraph", folder=tmp_path, **SEARCH)
    monkeypatch.setattr(topic_store, "k_table", lambda *a, **k: pytest.fail("reran the K search"))
    model, _ = topic_store.fit_or_load(dtm, "sample-paragraph", k=5, folder=tmp_path, **SEARCH)
    assert model.k == 5


def test_tampered_or_stale_files_are_refitted(dtm, tmp_path):
    model, _ = topic_store.fit_or_load(dtm, "sample-paragraph", folder=tmp_path, **SEARCH)
    npz = tmp_path / "sample-paragraph-nmf.npz"
    data = bytearray(npz.read_bytes())
    data[len(data) // 2] ^= 0xFF
    npz.write_bytes(bytes(data))
    assert topic_store.load("sample-paragraph", "nmf", tmp_path) is None
    refitted, _ = topic_store.fit_or_load(dtm, "sample-paragraph", folder=tmp_path, **SEARCH)
    assert top_word_lists(refitted) == top_word_lists(model)
    assert topic_store.load("sample-paragraph", "nmf", tmp_path) is not None

    smaller = DocumentTermMatrix(dtm.units.iloc[:-5].reset_index(drop=True), dtm.counts[:-5], dtm.vocabulary)
    changed, _ = topic_store.fit_or_load(smaller, "sample-paragraph", folder=tmp_path, **SEARCH)
    assert changed.doc_topics.shape[0] == smaller.counts.shape[0]
    assert topic_store.load("sample-paragraph", "nmf", tmp_path).key["dtm"] == topic_store.dtm_hash(smaller)


def test_a_pickle_in_the_npz_is_refused(dtm, tmp_path):
    topic_store.fit_or_load(dtm, "sample-paragraph", folder=tmp_path, **SEARCH)
    npz, meta = tmp_path / "sample-paragraph-nmf.npz", tmp_path / "sample-paragraph-nmf.json"
    stored = topic_store.load("sample-paragraph", "nmf", tmp_path)
    np.savez(
        npz,
        vocabulary=np.array(list(stored.vocabulary), dtype=object),  # object arrays are pickled
        idf=stored.idf,
        term_weights=stored.term_weights,
        doc_topics=stored.doc_topics,
    )
    info = json.loads(meta.read_text(encoding="utf-8"))
    info["npz_sha256"] = topic_store.hashlib.sha256(npz.read_bytes()).hexdigest()  # even with a matching hash
    meta.write_text(json.dumps(info), encoding="utf-8")
    assert topic_store.load("sample-paragraph", "nmf", tmp_path) is None


@pytest.mark.parametrize("method", ["nmf", "lda"])
def test_transform_of_the_training_documents_gives_the_fitted_shares(dtm, units, tokens, tmp_path, method):
    model, _ = topic_store.fit_or_load(dtm, "sample-paragraph", method, k=4, folder=tmp_path, **SEARCH)
    stored = topic_store.load("sample-paragraph", method, tmp_path)
    kept = units["text"].isin(dtm.units["text"])
    new = topic_store.transform(stored, units[kept], [t for t, k in zip(tokens, kept) if k])
    assert new.dtm.counts.shape == (kept.sum(), len(dtm.vocabulary))
    np.testing.assert_allclose(new.doc_topics, model.doc_topics, atol=0.05 if method == "nmf" else 0.15)
    assert (new.doc_topics.argmax(axis=1) == model.doc_topics.argmax(axis=1)).mean() > 0.9
    assert top_word_lists(new) == top_word_lists(model)


def test_unknown_words_count_for_nothing(dtm, tmp_path):
    topic_store.fit_or_load(dtm, "sample-paragraph", k=3, folder=tmp_path, **SEARCH)
    stored = topic_store.load("sample-paragraph", "nmf", tmp_path)
    model = topic_store.transform(stored, dtm.units.iloc[:2], [["没有的词"], [stored.vocabulary[0], "没有的词"]])
    assert model.doc_topics[0].sum() == 0 and model.doc_topics[1].sum() == pytest.approx(1)
    assert model.dtm.units["n_terms"].tolist() == [0, 1]


def test_the_k_search_runs_on_a_sample_of_a_large_corpus(dtm, tmp_path, monkeypatch):
    searched = []
    real = topic_store.k_table
    monkeypatch.setattr(
        topic_store, "k_table", lambda d, *a, **k: searched.append(d.counts.shape[0]) or real(d, *a, **k)
    )
    model, _ = topic_store.fit_or_load(dtm, "sample-paragraph", folder=tmp_path, search_units=20, **SEARCH)
    assert searched == [20]
    assert model.doc_topics.shape[0] == dtm.counts.shape[0]


def test_stored_or_fitted_reads_the_stored_model_else_fits_one(dtm, units, tokens, tmp_path, monkeypatch):
    first = topic_store.stored_or_fitted("sample-paragraph", "nmf", units, tokens, tmp_path)
    assert first.key["search"]["k_range"] == list(topic_store.K_RANGE)
    monkeypatch.setattr(topic_store, "fit_topics", lambda *a, **k: pytest.fail("refitted a stored model"))
    again = topic_store.stored_or_fitted("sample-paragraph", "nmf", units.iloc[:3], tokens[:3], tmp_path)
    topics = again.topics()
    assert topics.key == f"sample-paragraph-nmf-k{first.k}" and topics.doc_topics.shape == (0, first.k)
    assert top_word_lists(topics) == [
        list(first.vocabulary[row[:10]]) for row in (-first.term_weights).argsort(1, "stable")
    ]


def test_the_k_search_is_kept_while_the_corpus_grows_by_a_few_new_issues(dtm, tmp_path, monkeypatch):
    n = dtm.counts.shape[0]
    two_issues = dtm.units.assign(issue=["a"] * (n - 3) + ["b"] * 3)
    both = DocumentTermMatrix(two_issues, dtm.counts, dtm.vocabulary)
    first = DocumentTermMatrix(two_issues.iloc[: n - 3], dtm.counts[: n - 3], dtm.vocabulary)
    _, table = topic_store.fit_or_load(first, "sample-paragraph", folder=tmp_path, **SEARCH)
    monkeypatch.setattr(topic_store, "k_table", lambda *a, **k: pytest.fail("reran the K search"))
    model, kept = topic_store.fit_or_load(both, "sample-paragraph", folder=tmp_path, **SEARCH)
    assert kept.equals(table) and model.doc_topics.shape[0] == n  # refitted on all, K search kept
    assert topic_store.load("sample-paragraph", "nmf", tmp_path).key["searched"]["units"] == n - 3
    edited = DocumentTermMatrix(two_issues.iloc[: n - 4], dtm.counts[: n - 4], dtm.vocabulary)  # issue a changed
    with pytest.raises(pytest.fail.Exception, match="reran the K search"):
        topic_store.fit_or_load(edited, "sample-paragraph", folder=tmp_path, **SEARCH)
