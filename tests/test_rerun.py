"""A researcher's week: add an issue, rerun; only the new issue is parsed and tokenized; remove one, it is gone."""

import shutil

import pytest

import analysis
from analysis import token_cache
from analysis.paths import RAW
from analysis.read import corpus
from analysis.slogans import extract_slogans

SAMPLE = (RAW / "000_643968e12915283d.txt").read_text(encoding="utf-8")
NEW = "\n\n".join(
    [
        "清江浦区部署“三夏”生产工作",
        "■通讯员 蒲蔚",
        "本报讯 日前，清江浦区召开“三夏”生产工作会议，要求全力打好“三夏”攻坚战。",
    ]
)


def week(raw, processed):
    """What the notebooks do on a rerun: load the corpus, tokenize its articles, find its slogans."""
    articles = analysis.load_corpus(raw, processed)
    token_lists = analysis.tokenize_many(articles["text"].tolist(), progress=False, cache_dir=processed)
    return articles, token_lists, extract_slogans(articles)


@pytest.fixture
def spy(monkeypatch):
    """Record which pages are parsed and which texts are tokenized."""
    seen = {"parsed": [], "tokenized": []}
    parse, cut = corpus._parse, token_cache.cut
    monkeypatch.setattr(corpus, "_parse", lambda path, raw: seen["parsed"].append(path.name) or parse(path, raw))
    monkeypatch.setattr(token_cache, "cut", lambda seg, text: seen["tokenized"].append(text) or cut(seg, text))
    return seen


def test_adding_an_issue_parses_and_tokenizes_only_that_issue(tmp_path, spy):
    raw, processed = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    (raw / "qjp_2024-04-08.txt").write_text(SAMPLE, encoding="utf-8")
    first, _, _ = week(raw, processed)
    assert spy["parsed"] == ["qjp_2024-04-08.txt"] and len(spy["tokenized"]) == len(first)
    spy["parsed"].clear()
    spy["tokenized"].clear()

    (raw / "qjp_2024-04-15.txt").write_text(NEW, encoding="utf-8")
    second, token_lists, uses = week(raw, processed)
    assert spy["parsed"] == ["qjp_2024-04-15.txt"]
    assert spy["tokenized"] == [second.loc[second["issue"] == "qjp_2024-04-15", "text"].item()]
    assert "三夏" in set(uses.loc[uses["issue"] == "qjp_2024-04-15", "slogan"])
    assert len(token_lists) == len(first) + 1


def test_removing_a_file_removes_its_articles_from_every_output(tmp_path):
    raw, processed = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    (raw / "qjp_2024-04-08.txt").write_text(SAMPLE, encoding="utf-8")
    (raw / "qjp_2024-04-15.txt").write_text(NEW, encoding="utf-8")
    week(raw, processed)
    (raw / "qjp_2024-04-15.txt").unlink()
    articles, token_lists, uses = week(raw, processed)
    assert set(articles["issue"]) == {"qjp_2024-04-08"} and len(token_lists) == len(articles)
    assert "三夏" not in set(uses["slogan"])
    _, dropped = analysis.load_corpus(raw, processed, with_dropped=True)
    assert set(dropped["issue"]) == {"qjp_2024-04-08"}  # its dropped blocks are gone too
    cached = analysis.load_corpus(raw, processed)
    assert "清江浦区部署“三夏”生产工作" not in set(cached["headline"])
    shutil.rmtree(processed)
    assert set(analysis.load_corpus(raw, processed)["issue"]) == {"qjp_2024-04-08"}
