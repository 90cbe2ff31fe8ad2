"""analysis.stored: a function's table computed once per input, read back identical, recomputed when an input changes."""

import pandas as pd
import pytest
from pages import SAMPLE_TEXT

import analysis
from analysis.slogans import extract_slogans
from analysis.stored import KEEP, input_key, stored

EMPTY_LEXICON = pd.DataFrame(columns=["slogan"])


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    return analysis.counted_items(analysis.load_corpus(processed_dir=tmp_path_factory.mktemp("processed")))


class Counted:
    """Wraps a function and counts its calls (stored names results after the wrapped function)."""

    def __init__(self, function):
        self.function, self.calls = function, 0
        self.__name__, self.__module__, self.__qualname__ = (
            function.__name__,
            function.__module__,
            function.__qualname__,
        )
        self.__signature__ = __import__("inspect").signature(function)

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.function(*args, **kwargs)


def test_the_stored_table_is_the_computed_one_and_is_computed_once(articles, tmp_path):
    slogans, people = Counted(extract_slogans), Counted(analysis.extract_people)
    first = stored(slogans, articles, EMPTY_LEXICON, cache_dir=tmp_path)
    again = stored(slogans, articles, EMPTY_LEXICON, cache_dir=tmp_path)
    assert slogans.calls == 1 and "项目攻坚" in set(first.slogan)
    pd.testing.assert_frame_equal(again, first)
    pd.testing.assert_frame_equal(again, extract_slogans(articles, EMPTY_LEXICON))
    mentions = stored(people, articles, cache_dir=tmp_path)
    pd.testing.assert_frame_equal(stored(people, articles, cache_dir=tmp_path), mentions)  # Int64, dates, bools
    assert people.calls == 1


def test_a_changed_page_lexicon_file_or_default_is_computed_anew(articles, tmp_path):
    slogans = Counted(extract_slogans)
    stored(slogans, articles, EMPTY_LEXICON, cache_dir=tmp_path)
    edited = articles.copy()
    edited.loc[0, "text"] += "坚持“三个再加码”。"
    assert "三个再加码" in set(stored(slogans, edited, EMPTY_LEXICON, cache_dir=tmp_path).slogan)
    lexicon = tmp_path / "slogans.csv"
    lexicon.write_text("slogan,action\n项目攻坚,exclude\n", encoding="utf-8")
    assert "项目攻坚" not in set(stored(slogans, articles, lexicon, cache_dir=tmp_path).slogan)
    lexicon.write_text("slogan,action\n双过半,exclude\n", encoding="utf-8")  # same path, other content
    assert "项目攻坚" in set(stored(slogans, articles, lexicon, cache_dir=tmp_path).slogan)
    userdict = tmp_path / "userdict.txt"
    userdict.write_text("清江浦区 10 ns\n", encoding="utf-8")
    stored(slogans, articles, EMPTY_LEXICON, userdict=userdict, cache_dir=tmp_path)  # a default made explicit
    assert slogans.calls == 5


def test_a_damaged_file_is_computed_anew_and_only_the_latest_results_are_kept(articles, tmp_path):
    slogans = Counted(extract_slogans)
    first = stored(slogans, articles, EMPTY_LEXICON, cache_dir=tmp_path)
    (path,) = (tmp_path / "stored").glob("extract_slogans-*.parquet")
    path.write_bytes(b"PAR1 not a table")
    pd.testing.assert_frame_equal(stored(slogans, articles, EMPTY_LEXICON, cache_dir=tmp_path), first)
    assert slogans.calls == 2 and pd.read_parquet(path).shape == first.shape
    for n in range(KEEP + 2):
        stored(slogans, articles.head(n + 1), EMPTY_LEXICON, cache_dir=tmp_path)
    assert len(list((tmp_path / "stored").glob("extract_slogans-*.parquet"))) == KEEP


def test_a_table_read_from_the_corpus_cache_has_the_key_of_the_table_just_parsed(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "page.txt").write_text(SAMPLE_TEXT, encoding="utf-8")
    parsed = analysis.load_corpus(raw, tmp_path / "processed")  # line numbers as int
    cached = analysis.load_corpus(raw, tmp_path / "processed")  # line numbers as numpy integers, from parquet
    assert input_key(extract_slogans, (parsed,), {}) == input_key(extract_slogans, (cached,), {})
    edited = cached.copy()
    edited.at[0, "lines"] = [*edited.at[0, "lines"], 999]
    assert input_key(extract_slogans, (edited,), {}) != input_key(extract_slogans, (cached,), {})
