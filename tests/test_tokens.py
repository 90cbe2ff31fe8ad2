"""The project tokenizer equals plain jieba, keeps the lexicon's words whole, and caches by text."""

import re
import shutil

import jieba
import pytest
import rjieba
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import tokens
from analysis.paths import RAW, SHARED_CORPUS

PAGE = (RAW / "000_643968e12915283d.txt").read_text(encoding="utf-8")
PARAGRAPHS = list(dict.fromkeys(p for p in PAGE.split("\n") if p.strip()))  # the page repeats a few
NEWS = SHARED_CORPUS / "xinwenlianbo" / "news"


def news_texts(max_bytes: float) -> list[str]:
    """新闻联播 day files with HTML tags stripped, in date order, up to about `max_bytes`."""
    if not NEWS.is_dir():
        pytest.skip("shared 新闻联播 corpus absent")
    texts, size = [], 0
    for path in sorted(NEWS.glob("*.md")):
        if size >= max_bytes:
            break
        texts.append(re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8")))
        size += len(texts[-1].encode("utf-8"))
    return texts


def test_sample_page_identical_to_jieba():
    assert tokens.tokenize(PAGE) == tokens.reference_tokenize(PAGE)
    assert "".join(tokens.tokenize(PAGE)) == PAGE


def test_user_dictionary_words_stay_whole_on_sample_page():
    page_tokens = tokens.tokenize(PAGE)
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
    plain.load_userdict(str(tokens.USERDICT))
    assert tokens.reference_tokenize(PAGE) == plain.lcut(PAGE)


def test_user_word_needs_the_lexicon():
    assert "清江浦经济开发区" not in rjieba.cut("清江浦经济开发区")  # what the lexicon is for
    assert tokens.tokenize("清江浦经济开发区") == ["清江浦经济开发区"]


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
    assert tokens.tokenize(text) == tokens.reference_tokenize(text)


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
    assert tokens.tokenize(text) == tokens.reference_tokenize(text)


def test_news_transcripts_identical_to_jieba():
    texts = news_texts(3e6)
    fast = [tokens.tokenize(t) for t in texts]
    assert fast == [tokens.reference_tokenize(t) for t in texts]
    assert any(rjieba.cut(t) != f for t, f in zip(texts, fast))  # the Latin-run fix was needed here
    assert any("cctv" in f for f in fast)


@pytest.mark.slow
def test_whole_news_corpus_identical_to_jieba():
    for text in news_texts(float("inf")):
        assert tokens.tokenize(text) == tokens.reference_tokenize(text)


def counting_tokenizer(monkeypatch) -> list[str]:
    """Record every text `tokenize_many` sends to the tokenizer."""
    seen, real = [], tokens._cut
    monkeypatch.setattr(tokens, "_cut", lambda seg, text: seen.append(text) or real(seg, text))
    return seen


def shard_files(cache_dir):
    return sorted((cache_dir / tokens.CACHE_FOLDER).rglob("*.arrow"))


def test_tokenize_many_matches_reference_and_caches(tmp_path, monkeypatch):
    first = tokens.tokenize_many(PARAGRAPHS, progress=False, cache_dir=tmp_path)
    assert first == [tokens.reference_tokenize(p) for p in PARAGRAPHS]
    assert len(shard_files(tmp_path)) == 1

    seen = counting_tokenizer(monkeypatch)
    assert tokens.tokenize_many(PARAGRAPHS, progress=False, cache_dir=tmp_path) == first
    assert seen == []


def test_texts_cut_in_batches_on_threads_keep_their_order(tmp_path, monkeypatch):
    monkeypatch.setattr(tokens, "BATCH_CHARS", 300)
    assert len(tokens._batches(PARAGRAPHS, tokens.BATCH_CHARS)) > 5
    result = tokens.tokenize_many(PARAGRAPHS, progress=False, cache_dir=tmp_path)
    assert result == [tokens.reference_tokenize(p) for p in PARAGRAPHS]


def test_adding_texts_tokenizes_only_them_and_keeps_old_shards(tmp_path, monkeypatch):
    tokens.tokenize_many(PARAGRAPHS[:-2], progress=False, cache_dir=tmp_path)
    [old_shard] = shard_files(tmp_path)
    old_bytes = old_shard.read_bytes()
    seen = counting_tokenizer(monkeypatch)
    result = tokens.tokenize_many(PARAGRAPHS, progress=False, cache_dir=tmp_path)
    assert result == [tokens.reference_tokenize(p) for p in PARAGRAPHS]
    assert seen == PARAGRAPHS[-2:]
    assert old_shard.read_bytes() == old_bytes and len(shard_files(tmp_path)) == 2
    table = tokens.tokenize_table(PARAGRAPHS[::-1], progress=False, cache_dir=tmp_path)  # read from both shards
    assert seen == PARAGRAPHS[-2:] and table.to_lists() == result[::-1]
    assert len(set(table.vocabulary)) == len(table.vocabulary)


def test_editing_user_dictionary_invalidates_cache(tmp_path, monkeypatch):
    userdict = tmp_path / "userdict.txt"
    shutil.copy(tokens.USERDICT, userdict)
    texts = PARAGRAPHS[:6]
    before = tokens.tokenize_many(texts, progress=False, cache_dir=tmp_path, userdict=userdict)
    assert "项目攻坚推进会" not in before[0]
    with open(userdict, "a", encoding="utf-8") as f:
        f.write("\n项目攻坚推进会 nz\n")
    seen = counting_tokenizer(monkeypatch)
    after = tokens.tokenize_many(texts, progress=False, cache_dir=tmp_path, userdict=userdict)
    assert len(seen) == len(set(texts))
    assert "项目攻坚推进会" in after[0]
    assert after == [tokens.reference_tokenize(t, userdict) for t in texts]


def test_many_shards_are_merged(tmp_path, monkeypatch):
    monkeypatch.setattr(tokens, "MAX_SHARDS", 2)
    for i in range(1, 6):
        result = tokens.tokenize_many(PARAGRAPHS[: 3 * i], progress=False, cache_dir=tmp_path)
        assert len(shard_files(tmp_path)) <= 2
    assert result == [tokens.reference_tokenize(p) for p in PARAGRAPHS[:15]]
    seen = counting_tokenizer(monkeypatch)
    tokens.tokenize_many(PARAGRAPHS[:15], progress=False, cache_dir=tmp_path)
    assert seen == []


def test_repeated_and_empty_texts(tmp_path):
    a, b, empty = tokens.tokenize_many([PARAGRAPHS[1], PARAGRAPHS[1], ""], progress=False, cache_dir=tmp_path)
    assert a == b == tokens.reference_tokenize(PARAGRAPHS[1]) and a is not b and empty == []


def test_unjoinable_user_word_is_refused(tmp_path):
    userdict = tmp_path / "userdict.txt"
    userdict.write_text("清江浦区 ns\n爱心速递·送书下乡 nz\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2"):
        tokens.tokenize("爱心速递", userdict)


def test_stopwords_hold_function_words_and_officialese_not_policy_terms():
    stop = tokens.stopwords()
    assert {"的", "了", "和", "进一步", "全力以赴", "切实", "扎实", "着力"} <= stop
    assert not {"高质量发展", "招商引资", "营商环境", "项目攻坚", "清江浦区"} & stop


def test_content_tokens_on_sample_page():
    page_tokens = tokens.tokenize(PAGE)
    content = tokens.content_tokens(page_tokens)
    assert {"清江浦区", "招商引资", "项目攻坚", "低效闲置资源", "朱海波"} <= set(content)
    assert not set(content) & tokens.stopwords()
    assert all(len(t) > 1 or t in tokens.KEEP_SINGLE for t in content)
    assert not [t for t in content if re.fullmatch(r"[\d.%\s，。、“”：；■()（）]+", t)]
    dropped = set(page_tokens) - set(content)
    assert {"进一步", "的", "，", "\n", "2024", "27.7%", "■"} <= dropped
    assert tokens.content_tokens(["党", "村", "个", "了", "三", "十五", "①", "5G"]) == ["党", "村", "5G"]
