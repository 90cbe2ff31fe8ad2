"""One rule for a countable word: the topic matrix, word frequencies and the brief keep the same terms."""

import re

import numpy as np
import pandas as pd
import pytest

from analysis.brief import term_changes
from analysis.clouds import word_frequencies
from analysis.dtm import build_dtm
from analysis.paths import RAW
from analysis.segment import tokenize, user_words
from analysis.terms import KEEP_SINGLE, TermFilter, stopwords
from analysis.token_cache import tokenize_table

PAGE = (RAW / "000_643968e12915283d.txt").read_text(encoding="utf-8")
SPECIAL = ["十四五", "十五", "党", "1.5", "COVID-19", "的", "发展"]


@pytest.mark.parametrize(
    "token, counts",
    [
        ("发展", True),
        ("党", True),  # one character, in KEEP_SINGLE
        ("个", False),  # one character, not in KEEP_SINGLE
        ("的", False),  # stopword
        ("进一步", False),  # officialese stopword
        ("十四五", True),  # five-year plans are names, not numbers
        ("十三五", True),
        ("十五五", True),
        ("九五", True),  # the ninth plan, 1996-2000
        ("十五", False),  # Chinese numerals
        ("三", False),
        ("二〇二四", False),
        ("3万", False),
        ("①", False),
        ("1.5", False),  # Arabic numbers
        ("2024", False),
        ("10%", False),
        ("COVID-19", True),  # a Latin letter makes a word
        ("5G", True),
        ("第十五届", True),  # numerals inside a word
        ("两会", True),
        ("，", False),  # punctuation, symbols, whitespace
        ("-", False),
        ("■", False),
        ("\n", False),
        (" ", False),
    ],
)
def test_default_rule(token, counts):
    assert TermFilter()(token) is counts


def test_settings_change_the_rule():
    tokens = ["党", "钢", "十五", "2024", "1.5", "十四五", "发展", "，"]
    assert TermFilter().filter(tokens) == ["党", "十四五", "发展"]
    assert TermFilter(numbers=True).filter(tokens) == ["党", "十五", "2024", "1.5", "十四五", "发展"]
    assert TermFilter(keep_single=True).filter(tokens) == ["党", "钢", "十四五", "发展"]
    assert TermFilter(keep_single=False).filter(tokens) == ["十四五", "发展"]
    assert TermFilter(stopwords={"发展"}).filter(tokens) == ["党", "十四五"]


def test_user_dictionary_words_are_never_numbers(tmp_path):
    assert not TermFilter()("一一")
    assert TermFilter(user_words={"一一"})("一一")  # the researcher put it in userdict.txt
    userdict = tmp_path / "userdict.txt"
    userdict.write_text("清江浦区 ns\n一一 d\n", encoding="utf-8")
    assert TermFilter(user_words=user_words(userdict))("一一")
    assert TermFilter().user_words == user_words() and "清江浦经济开发区" in user_words()


def test_mask_judges_a_vocabulary_as_call_does_token_by_token():
    vocabulary = np.array(sorted(set(tokenize(PAGE)) | set(SPECIAL)), dtype=object)
    for terms in (TermFilter(), TermFilter(numbers=True, keep_single=True)):
        mask = terms.mask(vocabulary)
        assert mask.dtype == bool and mask.tolist() == [terms(t) for t in vocabulary]
        assert terms.filter(vocabulary) == vocabulary[mask].tolist()
    assert TermFilter().mask(np.array([], dtype=object)).tolist() == []


def test_stopwords_hold_function_words_and_officialese_not_policy_terms():
    stop = stopwords()
    assert {"的", "了", "和", "进一步", "全力以赴", "切实", "扎实", "着力"} <= stop
    assert not {"高质量发展", "招商引资", "营商环境", "项目攻坚", "清江浦区"} & stop


def test_terms_of_the_sample_page():
    page_tokens = tokenize(PAGE)
    terms = TermFilter().filter(page_tokens)
    assert {"清江浦区", "招商引资", "项目攻坚", "低效闲置资源", "朱海波"} <= set(terms)
    assert not set(terms) & stopwords()
    assert all(len(t) > 1 or t in KEEP_SINGLE for t in terms)
    assert not [t for t in terms if re.fullmatch(r"[\d.%\s，。、“”：；■()（）]+", t)]
    assert {"进一步", "的", "，", "\n", "2024", "27.7%", "■"} <= set(page_tokens) - set(terms)


def test_matrix_clouds_and_brief_keep_the_same_terms(tmp_path):
    """The same tokens (the sample page's paragraphs, and one document of edge cases) through the
    topic matrix's vocabulary, the word-cloud counts and the brief's term counts: the same terms."""
    texts = [p for p in PAGE.split("\n") if p.strip()] + ["".join(SPECIAL)]
    tokens = tokenize_table(texts, progress=False, cache_dir=tmp_path)
    tokens = tokens.take(range(len(texts) - 1)).to_lists() + [SPECIAL]  # the edge cases exactly as listed
    articles = pd.DataFrame(
        {
            "article_id": [f"p{i}" for i in range(len(texts))],
            "issue": ["earlier"] * (len(texts) // 2) + ["latest"] * (len(texts) - len(texts) // 2),
            "date": pd.to_datetime(
                ["2024-04-08"] * (len(texts) // 2) + ["2024-04-15"] * (len(texts) - len(texts) // 2)
            ),
            "text": texts,
        }
    )
    rule = set(TermFilter().filter(t for doc in tokens for t in doc))

    matrix = set(build_dtm(articles, tokens, min_df=1, max_df=1.0).vocabulary)
    cloud = set(word_frequencies(tokens))
    brief = set(term_changes(tokens, articles, "latest", min_count=1)["term"])

    assert matrix == cloud == brief == rule
    assert {"十四五", "党", "COVID-19", "发展", "清江浦区"} <= rule
    assert not {"十五", "1.5", "的", "2024", "，"} & rule
