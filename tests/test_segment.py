"""The project tokenizer equals plain jieba and keeps the lexicon's words whole."""

import jieba
import pytest
import rjieba
from hypothesis import given, settings
from hypothesis import strategies as st
from transcripts import NEWS, day_texts

from analysis import segment
from analysis.paths import RAW

PAGE = (RAW / "000_643968e12915283d.txt").read_text(encoding="utf-8")


def news_texts(max_bytes: float) -> list[str]:
    """新闻联播 day files (HTML tags stripped), up to about `max_bytes`; skips without the shared corpus."""
    if not NEWS.is_dir():
        pytest.skip("shared 新闻联播 corpus absent")
    return day_texts(max_bytes)


def test_sample_page_identical_to_jieba():
    assert segment.tokenize(PAGE) == segment.reference_tokenize(PAGE)
    assert "".join(segment.tokenize(PAGE)) == PAGE


def test_user_dictionary_words_stay_whole_on_sample_page():
    page_tokens = segment.tokenize(PAGE)
    for word in [
        "清江浦经济开发区",
        "朱海波",
        "赵洪涛",
        "高质量跨越发展",
        "低效闲置资源",
        "处置盘活",
        "新时代文明实践中心",
        "武墩卫生院",
        "招商引资",
        "营商环境",
        "新质生产力",
        "项目攻坚",
    ]:
        assert page_tokens.count(word) == PAGE.count(word), word


def test_reference_is_plain_jieba_with_the_user_dictionary():
    plain = jieba.Tokenizer()
    plain.load_userdict(str(segment.USERDICT))
    assert segment.reference_tokenize(PAGE) == plain.lcut(PAGE)


def test_user_word_needs_the_lexicon():
    assert "清江浦经济开发区" not in rjieba.cut("清江浦经济开发区")  # what the lexicon is for
    assert segment.tokenize("清江浦经济开发区") == ["清江浦经济开发区"]


@pytest.mark.parametrize(
    "text",
    [
        "美军一架F-16战机",
        "BQ.1.1毒株",
        "6.5G网络",
        "3.C919",
        "a_b_c",
        "V1.0.2版本",
        "Wi-Fi",
        "https://tv.cctv.com/2024/04/15/VIDE1.shtml",
        "增长5.2%",
        "王䶮说",
        "他是㐀人人地",
        "䶮䶮F-16",
        "鿫元素",
        "\uf900字",
        "𠀀.Y。",
        "",
        " ",
        "\r\n清江浦区\r\n",
        "全角ＡＢＣ１２３",
    ],
)
def test_tricky_spans_identical_to_jieba(text):
    assert segment.tokenize(text) == segment.reference_tokenize(text)


TRICKY = [
    "F-16",
    "BQ.1.1",
    "6.5G",
    "tv.cctv.com",
    "83.2%",
    "a_b",
    "-",
    ".",
    "䶮",
    "𠀀",
    "\uf900",
    "\u9fea",
    " ",
    "\r\n",
]
# Pieces of real text: strings glued from single characters (清工工工清) can hit near-ties that
# rjieba's rounded HMM tables resolve otherwise; see the module docstring.
PAGE_PIECE = st.tuples(st.integers(0, len(PAGE) - 1), st.integers(4, 16)).map(lambda p: PAGE[p[0] : p[0] + p[1]])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(PAGE_PIECE, st.sampled_from(TRICKY)), max_size=8).map("".join))
def test_real_text_mixed_with_latin_runs_identical_to_jieba(text):
    assert segment.tokenize(text) == segment.reference_tokenize(text)


def test_news_transcripts_identical_to_jieba():
    texts = news_texts(3e6)
    fast = [segment.tokenize(t) for t in texts]
    assert fast == [segment.reference_tokenize(t) for t in texts]
    assert any(rjieba.cut(t) != f for t, f in zip(texts, fast))  # the Latin-run fix was needed here
    assert any("cctv" in f for f in fast)


@pytest.mark.slow
def test_whole_news_corpus_identical_to_jieba():
    for text in news_texts(float("inf")):
        assert segment.tokenize(text) == segment.reference_tokenize(text)


def test_unjoinable_user_word_is_refused(tmp_path):
    userdict = tmp_path / "userdict.txt"
    userdict.write_text("清江浦区 ns\n爱心速递·送书下乡 nz\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2"):
        segment.tokenize("爱心速递", userdict)
