"""The corpus stoplist on the sample page: names, the district's name and meeting words leave the counts."""

from analysis import extract_people, parse_page
from analysis.clouds import word_frequencies
from analysis.segment import tokenize
from analysis.stoplist import MEETING_WORDS, corpus_stoplist, corpus_terms, home_places
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
