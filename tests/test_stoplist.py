"""The corpus stoplist on the sample page: names, the district's name and meeting words leave the counts."""

from collections import Counter

from analysis import extract_people, parse_page
from analysis.clouds import word_frequencies
from analysis.dtm import build_dtm, document_units
from analysis.segment import USERDICT, lexicon, segmenters, tokenize
from analysis.stoplist import MEETING_WORDS, corpus_stoplist, corpus_terms, home_places
from analysis.topic_store import fit_or_load, load
from analysis.topics import article_topics, top_word_lists
from tests.pages import SAMPLE_TEXT


def test_names_home_places_and_meeting_words_leave_the_counts_but_not_the_tables():
    articles = parse_page(SAMPLE_TEXT).articles()
    people = extract_people(articles)
    places = home_places(articles)
    assert "清江浦区" in places and "北京" not in places  # found by share of articles, not listed
    extra = corpus_stoplist(articles, people)
    assert set(people["name"]) <= extra and MEETING_WORDS <= extra
    tokens = articles["text"].map(tokenize)
    plain = word_frequencies(tokens, corpus_terms(articles, people, on=False))
    kept = word_frequencies(tokens, corpus_terms(articles, people))
    assert plain["清江浦区"] > 0 and kept["清江浦区"] == 0
    assert not set(kept) & set(people["name"])
    assert articles["text"].str.contains("清江浦区").any()  # the table is untouched


def _sample_topics(on: bool, folder):
    """The sample's paragraph topics fitted as notebook 03 fits them, with the stoplist on or off."""
    articles = parse_page(SAMPLE_TEXT).articles()
    people = extract_people(articles)
    units = document_units(articles[articles["kind"] == "article"], "paragraph")
    dtm = build_dtm(units, units["text"].map(tokenize).tolist(), terms=corpus_terms(articles, people, on=on))
    model, _ = fit_or_load(dtm, "sample-paragraph", folder=folder)
    return model, people


def test_topics_are_not_carried_by_names_or_meeting_words_with_the_stoplist(tmp_path):
    plain, people = _sample_topics(False, tmp_path / "off")
    carried = set(people["name"]) | MEETING_WORDS
    assert any(carried & set(words) for words in top_word_lists(plain))  # the issue: 建议·提案·赵洪涛
    model, _ = _sample_topics(True, tmp_path / "on")
    words = top_word_lists(model)
    assert not any(carried & set(w) for w in words)
    lead = article_topics(model).loc["page#01"].idxmax()  # the economy meeting, order 1
    assert not {"建议", "提案"} & set(words[lead])


def test_the_stored_model_is_refitted_when_the_stoplist_changes(tmp_path):
    on, _ = _sample_topics(True, tmp_path)
    key_on = load("sample-paragraph", "nmf", tmp_path).key["dtm"]
    off, _ = _sample_topics(False, tmp_path)
    assert load("sample-paragraph", "nmf", tmp_path).key["dtm"] != key_on
    assert "赵洪涛" in off.dtm.vocabulary and "赵洪涛" not in on.dtm.vocabulary


def test_home_places_from_cached_tokens_are_those_of_tagging_every_article(tmp_path):
    """The places found from each distinct word's tag are the ones jieba tags in the articles' running text."""
    articles = parse_page(SAMPLE_TEXT).articles()
    tag = segmenters(lexicon(USERDICT)).rjieba.tag
    texts = articles["headline"].fillna("") + "\n" + articles["text"].fillna("")
    tagged = Counter(p for text in texts for p in {w for w, f in tag(text) if f == "ns" and len(w) > 1})
    for share in (0.02, 0.1, 0.3):
        expected = {place for place, n in tagged.items() if n >= share * len(texts)}
        assert home_places(articles, share, cache_dir=tmp_path) == expected
    assert {"清江浦区", "淮安"} <= home_places(articles, 0.1, cache_dir=tmp_path)
