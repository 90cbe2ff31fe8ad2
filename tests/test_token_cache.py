"""The token cache: tokenized once, reread by text, a new cache when the user dictionary changes."""

import shutil

from analysis import segment, token_cache
from analysis.paths import RAW
from analysis.segment import reference_tokenize

PAGE = (RAW / "000_643968e12915283d.txt").read_text(encoding="utf-8")
PARAGRAPHS = list(dict.fromkeys(p for p in PAGE.split("\n") if p.strip()))  # the page repeats a few


def counting_tokenizer(monkeypatch) -> list[str]:
    """Record every text `tokenize_many` sends to the tokenizer."""
    seen, real = [], token_cache.cut
    monkeypatch.setattr(token_cache, "cut", lambda seg, text: seen.append(text) or real(seg, text))
    return seen


def shard_files(cache_dir):
    return sorted((cache_dir / token_cache.CACHE_FOLDER).rglob("*.arrow"))


def test_tokenize_many_matches_reference_and_caches(tmp_path, monkeypatch):
    first = token_cache.tokenize_many(PARAGRAPHS, progress=False, cache_dir=tmp_path)
    assert first == [reference_tokenize(p) for p in PARAGRAPHS]
    assert len(shard_files(tmp_path)) == 1

    seen = counting_tokenizer(monkeypatch)
    assert token_cache.tokenize_many(PARAGRAPHS, progress=False, cache_dir=tmp_path) == first
    assert seen == []


def test_texts_cut_in_batches_on_threads_keep_their_order(tmp_path, monkeypatch):
    monkeypatch.setattr(token_cache, "BATCH_CHARS", 300)
    assert len(token_cache._batches(PARAGRAPHS, token_cache.BATCH_CHARS)) > 5
    result = token_cache.tokenize_many(PARAGRAPHS, progress=False, cache_dir=tmp_path)
    assert result == [reference_tokenize(p) for p in PARAGRAPHS]


def test_adding_texts_tokenizes_only_them_and_keeps_old_shards(tmp_path, monkeypatch):
    token_cache.tokenize_many(PARAGRAPHS[:-2], progress=False, cache_dir=tmp_path)
    [old_shard] = shard_files(tmp_path)
    old_bytes = old_shard.read_bytes()
    seen = counting_tokenizer(monkeypatch)
    result = token_cache.tokenize_many(PARAGRAPHS, progress=False, cache_dir=tmp_path)
    assert result == [reference_tokenize(p) for p in PARAGRAPHS]
    assert seen == PARAGRAPHS[-2:]
    assert old_shard.read_bytes() == old_bytes and len(shard_files(tmp_path)) == 2
    table = token_cache.tokenize_table(PARAGRAPHS[::-1], progress=False, cache_dir=tmp_path)  # read from both shards
    assert seen == PARAGRAPHS[-2:] and table.to_lists() == result[::-1]
    assert len(set(table.vocabulary)) == len(table.vocabulary)


def test_editing_user_dictionary_invalidates_cache(tmp_path, monkeypatch):
    userdict = tmp_path / "userdict.txt"
    shutil.copy(segment.USERDICT, userdict)
    texts = PARAGRAPHS[:6]
    before = token_cache.tokenize_many(texts, progress=False, cache_dir=tmp_path, userdict=userdict)
    assert "项目攻坚推进会" not in before[0]
    with open(userdict, "a", encoding="utf-8") as f:
        f.write("\n项目攻坚推进会 nz\n")
    seen = counting_tokenizer(monkeypatch)
    after = token_cache.tokenize_many(texts, progress=False, cache_dir=tmp_path, userdict=userdict)
    assert len(seen) == len(set(texts))
    assert "项目攻坚推进会" in after[0]
    assert after == [reference_tokenize(t, userdict) for t in texts]


def test_many_shards_are_merged(tmp_path, monkeypatch):
    monkeypatch.setattr(token_cache, "MAX_SHARDS", 2)
    for i in range(1, 6):
        result = token_cache.tokenize_many(PARAGRAPHS[: 3 * i], progress=False, cache_dir=tmp_path)
        assert len(shard_files(tmp_path)) <= 2
    assert result == [reference_tokenize(p) for p in PARAGRAPHS[:15]]
    seen = counting_tokenizer(monkeypatch)
    token_cache.tokenize_many(PARAGRAPHS[:15], progress=False, cache_dir=tmp_path)
    assert seen == []


def test_repeated_and_empty_texts(tmp_path):
    a, b, empty = token_cache.tokenize_many([PARAGRAPHS[1], PARAGRAPHS[1], ""], progress=False, cache_dir=tmp_path)
    assert a == b == reference_tokenize(PARAGRAPHS[1]) and a is not b and empty == []
