"""Document-term matrices and topic models on real text: the sample page and the government work reports."""

import numpy as np
import pandas as pd
import pytest
from sklearn.feature_extraction.text import CountVectorizer

import analysis
from analysis.dtm import build_dtm, document_units
from analysis.echo import load_gov_reports, report_articles
from analysis.paths import RAW
from analysis.plots.topics import plot_document_topics, plot_k_table, plot_prevalence, plot_top_words
from analysis.terms import KEEP_SINGLE, TermFilter, stopwords
from analysis.token_cache import tokenize_many, tokenize_table
from analysis.topics import (
    article_topics,
    choose_k,
    clearest_documents,
    document_topics,
    fit_topics,
    k_table,
    npmi_coherence,
    prevalence_over_time,
    top_word_lists,
    top_words,
    topic_labels,
    topic_prevalence,
    topic_stability,
    typical_documents,
)

QUICK = {"nmf": {}, "lda": {"max_iter": 5}}  # LDA's default is 10 batch passes; 5 keep the tests quick


@pytest.fixture(scope="module")
def sample_units():
    return document_units(analysis.load_corpus(RAW), "paragraph")


@pytest.fixture(scope="module")
def sample_tokens(sample_units):
    return tokenize_many(sample_units["text"].tolist(), progress=False)


@pytest.fixture(scope="module")
def gov_units():
    """Paragraphs of every fifth government work report (1954-2025): enough text, still fast."""
    return document_units(report_articles(load_gov_reports().iloc[::5]), "paragraph")


@pytest.fixture(scope="module")
def gov_tokens(gov_units):
    return tokenize_many(gov_units["text"].tolist(), progress=False)


@pytest.fixture(scope="module")
def gov_dtm(gov_units, gov_tokens):
    return build_dtm(gov_units, gov_tokens, min_df=3)


@pytest.fixture(scope="module")
def gov_model(gov_dtm):
    return fit_topics(gov_dtm, 6, "nmf", name="gov-test")


# --- document units and matrices ------------------------------------------------------------


def test_paragraph_units_point_back_to_their_article(sample_units):
    articles = analysis.load_corpus(RAW).set_index("article_id")
    lines = [line for text in articles["text"] for line in text.split("\n") if line.strip()]
    assert len(sample_units) == len(lines)
    for unit in sample_units.itertuples():
        article = articles.loc[unit.article_id]
        paragraphs = [line.strip() for line in article["text"].split("\n") if line.strip()]
        assert unit.text == paragraphs[unit.paragraph]
        assert (unit.issue, unit.headline) == (article["issue"], article["headline"])
        assert unit.unit_id == f"{unit.article_id}/{unit.paragraph}"


def test_article_units_are_the_articles():
    articles = analysis.load_corpus(RAW)
    units = document_units(articles)
    assert units["unit_id"].tolist() == articles["article_id"].tolist()
    assert units["text"].tolist() == articles["text"].tolist()


def test_one_character_words_kept_when_asked_and_sklearn_default_drops_them(gov_units, gov_tokens):
    every = build_dtm(gov_units, gov_tokens, terms=TermFilter(keep_single=True))
    default = build_dtm(gov_units, gov_tokens)
    none = build_dtm(gov_units, gov_tokens, terms=TermFilter(keep_single=False))
    sklearn_default = CountVectorizer(min_df=2, max_df=0.5).fit([" ".join(t) for t in gov_tokens])
    singles = {w for w in every.vocabulary if len(w) == 1}
    assert {"粮", "钢", "党"} <= singles and len(singles - KEEP_SINGLE) > 10
    assert {w for w in default.vocabulary if len(w) == 1} == singles & KEEP_SINGLE
    assert "粮" in default.vocabulary and "钢" not in default.vocabulary  # 钢 is not in KEEP_SINGLE
    assert not {w for w in none.vocabulary if len(w) == 1}
    assert not {w for w in sklearn_default.get_feature_names_out() if len(w) == 1}


def test_numbers_dropped_unless_asked(gov_units, gov_tokens, gov_dtm):
    with_numbers = build_dtm(gov_units, gov_tokens, terms=TermFilter(numbers=True), min_df=3)
    numbers = {w for w in with_numbers.vocabulary if w.isdigit()}
    assert len(numbers) > 10 and "2000" in numbers
    assert not numbers & set(gov_dtm.vocabulary)
    assert "十四五" in gov_dtm.vocabulary  # a plan's name in Chinese numerals is a word, not a number


def test_stopwords_and_punctuation_absent_from_vocabulary(gov_units, gov_tokens, gov_dtm):
    seen = {t for tokens in gov_tokens for t in tokens}
    assert len(stopwords() & seen) > 50  # they are in the text, so leaving them out is real work
    assert not stopwords() & set(gov_dtm.vocabulary)
    assert "，" in seen and all(any(ch.isalnum() for ch in w) for w in gov_dtm.vocabulary)


@pytest.mark.parametrize(
    "options", [{}, {"min_df": 5, "max_df": 0.2}, {"min_df": 0.01, "max_df": 40, "terms": TermFilter(keep_single=True)}]
)
def test_matrix_equals_count_vectorizer_from_lists_and_from_cached_ids(gov_units, gov_tokens, tmp_path, options):
    """The same counts as scikit-learn's CountVectorizer fed the same term filter, whether the tokens
    come as lists of strings or as ids read back from the token cache."""
    terms = options.get("terms", TermFilter())
    allowed = {t for doc in gov_tokens for t in doc if terms(t)}
    vectorizer = CountVectorizer(
        analyzer=lambda doc: [t for t in doc if t in allowed],
        min_df=options.get("min_df", 2),
        max_df=options.get("max_df", 0.5),
    )
    expected = vectorizer.fit_transform(gov_tokens)
    tokenize_table(gov_units["text"], progress=False, cache_dir=tmp_path / "one")
    one_shard = tokenize_table(gov_units["text"], progress=False, cache_dir=tmp_path / "one")  # read-only ids
    tokenize_table(gov_units["text"].iloc[::2], progress=False, cache_dir=tmp_path / "two")
    two_shards = tokenize_table(gov_units["text"], progress=False, cache_dir=tmp_path / "two")
    assert len(list((tmp_path / "two").rglob("*.arrow"))) == 2
    for tokens in (gov_tokens, one_shard, two_shards):
        dtm = build_dtm(gov_units, tokens, **options)
        assert dtm.vocabulary.tolist() == vectorizer.get_feature_names_out().tolist()
        rows = np.asarray(expected.sum(axis=1)).ravel() > 0
        assert dtm.units["unit_id"].tolist() == gov_units["unit_id"][rows].tolist()
        assert (dtm.counts != expected[rows]).nnz == 0 and dtm.counts.dtype == expected.dtype


def test_document_frequency_limits_hold(gov_units, gov_tokens):
    dtm = build_dtm(gov_units, gov_tokens, min_df=5, max_df=0.2)
    document_frequency = np.asarray(dtm.presence().sum(axis=0)).ravel()
    assert document_frequency.min() >= 5
    assert document_frequency.max() <= 0.2 * len(gov_units)


def test_units_stay_aligned_with_rows_and_empty_ones_go(gov_units, gov_tokens):
    dtm = build_dtm(gov_units, gov_tokens, min_df=50)
    assert len(dtm.units) == dtm.counts.shape[0] < len(gov_units)
    row_sums = np.asarray(dtm.counts.sum(axis=1)).ravel()
    assert (row_sums > 0).all() and (dtm.units["n_terms"].to_numpy() == row_sums).all()
    vocabulary = set(dtm.vocabulary)
    kept = set(dtm.units["unit_id"])
    for unit_id, tokens in zip(gov_units["unit_id"], gov_tokens):
        assert (unit_id in kept) == bool(vocabulary & set(tokens))


# --- models --------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["nmf", "lda"])
def test_same_seed_same_topics(gov_dtm, method):
    first, second = (fit_topics(gov_dtm, 5, method, seed=3, **QUICK[method]) for _ in range(2))
    assert top_word_lists(first) == top_word_lists(second)
    assert np.array_equal(first.doc_topics, second.doc_topics)


@pytest.mark.parametrize("method", ["nmf", "lda"])
def test_topic_shares_sum_to_one(gov_dtm, method):
    model = fit_topics(gov_dtm, 5, method, **QUICK[method])
    assert np.allclose(document_topics(model).sum(axis=1), 1)
    assert np.allclose(article_topics(model).sum(axis=1), 1)
    by_year = topic_prevalence(model, "year")
    assert np.allclose(by_year.sum(axis=1), 1)
    assert by_year.index.tolist() == sorted(gov_dtm.units["date"].dt.year.unique())


def test_prevalence_of_unknown_dates_is_kept(sample_units, sample_tokens):
    model = fit_topics(build_dtm(sample_units, sample_tokens), 3)
    by_date = topic_prevalence(model, "date")
    assert len(by_date) == 1 and np.allclose(by_date.sum(axis=1), 1)  # the sample page's date is unknown
    assert np.allclose(topic_prevalence(model, "issue").sum(axis=1), 1)


def test_top_words_are_the_heaviest_terms(gov_model):
    words = top_words(gov_model, 5)
    assert words.groupby("topic")["weight"].apply(lambda w: w.is_monotonic_decreasing).all()
    assert words.groupby("topic")["word"].apply(list).tolist() == top_word_lists(gov_model, 5)


def test_typical_paragraphs_contain_their_topic_words(gov_model):
    typical = typical_documents(gov_model, n=3, level="unit")
    words = top_word_lists(gov_model, 10)
    assert len(typical) == 3 * gov_model.k and (typical["n_terms"] >= 5).all()
    assert all(any(w in row.text for w in words[row.topic]) for row in typical.itertuples())
    articles = typical_documents(gov_model, n=2)
    assert set(articles.columns) >= {"topic", "rank", "share", "article_id", "headline"}


# --- coherence, stability, K -----------------------------------------------------------------


def test_planted_coherent_topic_beats_random_words(gov_dtm):
    planted = ["农业", "粮食", "农民", "农村", "增产", "农田"]
    assert set(planted) <= set(gov_dtm.vocabulary)
    rng = np.random.default_rng(0)
    random_lists = [list(rng.choice(gov_dtm.vocabulary, 6, replace=False)) for _ in range(20)]
    planted_score, *random_scores = npmi_coherence(gov_dtm, [planted, *random_lists])
    assert planted_score > 0.1 > max(random_scores)
    assert -1 <= min(random_scores)


def test_npmi_extremes():
    units = pd.DataFrame(
        {"unit_id": ["a", "b", "c", "d"], "article_id": ["a", "b", "c", "d"], "text": ["", "", "", ""]}
    )
    tokens = [["稻谷", "小麦"], ["稻谷", "小麦"], ["钢铁"], ["煤炭"]]
    dtm = build_dtm(units, tokens, terms=TermFilter(stopwords=()), min_df=1, max_df=1.0)
    together, apart, unknown = npmi_coherence(dtm, [["稻谷", "小麦"], ["钢铁", "煤炭"], ["稻谷", "棉花"]])
    assert together == pytest.approx(1.0) and apart == -1.0 and unknown == -1.0


def test_stability_matches_topics_whatever_their_order():
    run = [["粮食", "农业"], ["钢铁", "工业"], ["教育", "科学"]]
    assert topic_stability([run, run[::-1]]) == 1.0
    assert topic_stability([run, [["外交", "和平"], ["国防", "军队"], ["税收", "财政"]]]) == 0.0
    half = [["粮食", "棉花"], ["钢铁", "工业"], ["教育", "科学"]]
    assert topic_stability([run, half]) == pytest.approx((1 / 3 + 1 + 1) / 3)


def test_k_table_measures_each_k(gov_dtm):
    table = k_table(gov_dtm, [3, 6], seeds=(0, 1))
    assert table["k"].tolist() == [3, 6]
    assert table["coherence"].between(-1, 1).all() and table["stability"].between(0, 1).all()
    assert (table["coherence_sd"] >= 0).all()
    assert choose_k(table) in (3, 6)
    assert len(plot_k_table(table, chosen=choose_k(table)).axes) == 2


def test_choose_k_prefers_stable_then_coherent_then_stable():
    table = pd.DataFrame(
        {"k": [4, 6, 8, 10], "coherence": [0.30, 0.25, 0.35, 0.20], "stability": [0.9, 0.8, 0.4, 0.95]}
    )
    assert choose_k(table) == 4  # 8 is more coherent but its topics do not come back
    assert choose_k(table, min_stability=0.3) == 8
    assert choose_k(table.assign(coherence=[0.30, 0.29, 0.35, 0.20], stability=[0.7, 0.9, 0.4, 0.95])) == 6
    assert choose_k(table.assign(stability=[0.2, 0.5, 0.4, 0.1])) == 6  # none stable: most stable


# --- labels ----------------------------------------------------------------------------------


def test_labels_created_once_then_never_overwritten(gov_model, gov_dtm, tmp_path):
    labels = topic_labels(gov_model, tmp_path)
    path = tmp_path / f"{gov_model.key}.csv"
    assert labels.tolist() == ["·".join(words) for words in top_word_lists(gov_model, 3)]
    edited = pd.read_csv(path, encoding="utf-8-sig").assign(label=[f"主题{t}" for t in range(gov_model.k)])
    analysis.atomic.write_csv(edited, path)
    before = path.read_bytes()
    assert topic_labels(gov_model, tmp_path).tolist() == [f"主题{t}" for t in range(gov_model.k)]
    assert path.read_bytes() == before
    other_k = fit_topics(gov_dtm, 4, name="gov-test")
    assert topic_labels(other_k, tmp_path).tolist() != edited["label"].tolist()[:4]
    assert len(list(tmp_path.glob("*.csv"))) == 2


def test_labels_warn_when_the_model_changed_under_the_same_key(gov_model, sample_units, sample_tokens, tmp_path):
    topic_labels(gov_model, tmp_path)
    same_key_other_corpus = fit_topics(build_dtm(sample_units, sample_tokens), gov_model.k, name="gov-test")
    assert same_key_other_corpus.key == gov_model.key
    with pytest.warns(UserWarning, match="no longer match"):
        labels = topic_labels(same_key_other_corpus, tmp_path)
    stale = pd.read_csv(next(tmp_path.glob("*.csv")), encoding="utf-8-sig")["label"].tolist()
    current = ["·".join(words[:3]) for words in top_word_lists(same_key_other_corpus)]
    assert labels.tolist() == current != stale  # every topic changed: none keeps its stale label


# --- figures ---------------------------------------------------------------------------------


def test_figures_show_topics_with_chinese_words(gov_model):
    from analysis.fonts import missing_glyphs

    grid = plot_top_words(gov_model, n=8, ncols=3)
    visible = [ax for ax in grid.axes if ax.get_visible()]
    assert len(visible) == gov_model.k
    shown = [t.get_text() for t in visible[0].get_yticklabels()]
    assert shown == top_word_lists(gov_model, 8)[0]
    assert not missing_glyphs("".join(shown))
    shares = article_topics(gov_model)
    heatmap = plot_document_topics(shares, gov_model)
    assert heatmap.axes[0].collections[0].get_array().shape == shares.shape
    over_time = plot_prevalence(topic_prevalence(gov_model, "year"), gov_model)
    assert len([ax for ax in over_time.axes if ax.get_visible()]) == gov_model.k


def test_the_heatmap_shows_at_most_max_rows_the_clearest_of_each_topic(gov_model):
    shares = document_topics(gov_model)
    assert len(shares) > 40
    heatmap = plot_document_topics(shares, gov_model, max_rows=40)
    assert heatmap.axes[0].collections[0].get_array().shape == (40, gov_model.k)
    assert heatmap.get_size_inches()[1] == plot_document_topics(shares.iloc[:40], gov_model).get_size_inches()[1]
    shown = clearest_documents(shares, 40)
    mains = shown.to_numpy().argmax(axis=1)
    assert sorted(set(mains)) == sorted(set(shares.to_numpy().argmax(axis=1)))  # every main topic is there
    for topic in set(mains):
        theirs = shares[shares.to_numpy().argmax(axis=1) == topic].max(axis=1)
        assert shown[mains == topic].max(axis=1).min() >= theirs.nlargest((mains == topic).sum()).min()


def test_prevalence_over_time_keeps_at_most_max_points(gov_model):
    by_date = topic_prevalence(gov_model, "date")  # one date per report: 11 reports
    assert prevalence_over_time(gov_model, max_points=len(by_date)).equals(by_date)
    latest = prevalence_over_time(gov_model, max_points=5)  # 11 years are too many: the latest 5 years
    assert latest.equals(topic_prevalence(gov_model, "year").iloc[-5:])
    monthly = topic_prevalence(gov_model, "month")
    assert (monthly.index == monthly.index.to_period("M").start_time).all()
    np.testing.assert_allclose(monthly.sum(axis=1), 1)
