"""Faults a careless user makes (issue 15): nothing lost, nothing counted twice, nothing stale, every problem named."""

import csv
import io
import json
import shutil
import warnings

import pandas as pd
import pytest

import analysis
from analysis.read.identity import parse_date, read_manifest
from analysis.read.textio import read_page_text
from tests.pages import SAMPLE, write_variant


def load(raw, processed):
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        return analysis.load_corpus(raw, processed)


def test_the_same_page_saved_twice_is_loaded_once_and_reported(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SAMPLE, raw / "a_2024-04-08.txt")
    shutil.copy(SAMPLE, raw / "b_2024-04-08.txt")  # byte-identical under another name
    (raw / "c_2024-04-08.txt").write_bytes(SAMPLE.read_bytes().decode("utf-8").replace("\n", "\r\n").encode("gb18030"))
    write_variant(raw / "d_2024-04-15.txt", 1)
    table = load(raw, tmp_path / "processed")
    assert sorted(table["issue"].unique()) == ["a_2024-04-08", "d_2024-04-15"]
    assert table["article_id"].is_unique
    problems = table.attrs["problems"]
    assert len(problems) == 2 and all("same text as a_2024-04-08.txt; loaded once" in p for p in problems)
    assert "b_2024-04-08.txt" in problems[0] and "c_2024-04-08.txt" in problems[1]
    rerun = load(raw, tmp_path / "processed")  # the copies are known: nothing is read or parsed again
    assert rerun.attrs["parsed"] == [] and rerun.attrs["problems"] == problems
    (raw / "a_2024-04-08.txt").unlink()  # the copy that was left out now takes its place, from the cache or parsed
    again = load(raw, tmp_path / "processed")
    assert sorted(again["issue"].unique()) == ["b_2024-04-08", "d_2024-04-15"]


def test_a_stale_article_table_beside_a_newer_manifest_is_rebuilt(tmp_path):
    raw, processed = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    write_variant(raw / "qjp_2024-04-08.txt", 1)
    load(raw, processed)
    old_articles = (processed / "articles.parquet").read_bytes()
    write_variant(raw / "qjp_2024-04-15.txt", 2)
    full = load(raw, processed)
    (processed / "articles.parquet").write_bytes(old_articles)  # an older table beside the newer manifest
    with pytest.warns(UserWarning, match="does not match its manifest.json"):
        rebuilt = analysis.load_corpus(raw, processed)
    pd.testing.assert_frame_equal(rebuilt, full)
    assert sorted(rebuilt.attrs["parsed"]) == ["qjp_2024-04-08.txt", "qjp_2024-04-15.txt"]
    assert analysis.load_corpus(raw, processed).attrs["parsed"] == []  # consistent again


@pytest.mark.parametrize(
    "text,expected",
    [
        ("2024-04-05", "2024-04-05"),
        ("2024/4/5", "2024-04-05"),
        ("2024.04.05", "2024-04-05"),
        ("20240405", "2024-04-05"),
        ("2024年4月5日", "2024-04-05"),
        (" 2024 年 4 月 5 日 ", "2024-04-05"),
    ],
)
def test_unambiguous_dates_are_accepted(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text,problem",
    [
        ("2024-13-45", "not a real date"),
        ("2024-02-30", "not a real date"),
        ("4/5", "year-first"),
        ("05/04/2024", "year-first"),
        ("April 5", "year-first"),
    ],
)
def test_ambiguous_or_impossible_dates_are_refused(text, problem):
    with pytest.raises(ValueError, match=problem):
        parse_date(text)


def test_each_bad_manifest_row_is_named_and_blocks_nothing_else(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for n, name in enumerate(["p_20240401.txt", "p_20240402.txt", "p_20240403.txt", "p_20240404.txt", "p_x.txt"]):
        write_variant(raw / name, n + 1)
    manifest = (
        "file,issue,date\n"
        "p_20240401.txt,第1期,2024年4月5日\n"  # accepted
        "p_20240402.txt,第2期,2024-13-45\n"  # impossible date: the name's date is used
        "p_20240403.txt,第1期,2024-04-07\n"  # issue id of another file: refused
        "p_20240404.txt,第4期,05/04/2024\n"  # ambiguous: refused, not guessed
        "p_x.txt,第5期,2024-04-09;extra\n"  # a stray ; glued to the date: refused
    )
    (raw / "manifest.csv").write_bytes(manifest.encode("gbk"))  # saved by Excel on a Chinese Windows
    table = load(raw, tmp_path / "processed")
    pages = table.drop_duplicates("source").set_index("source")
    assert (
        pages.loc["p_20240401.txt", "issue"] == "第1期"
        and str(pages.loc["p_20240401.txt", "date"].date()) == "2024-04-05"
    )
    assert (
        pages.loc["p_20240402.txt", "issue"] == "第2期"
        and str(pages.loc["p_20240402.txt", "date"].date()) == "2024-04-02"
    )
    assert (
        pages.loc["p_20240403.txt", "issue"] == "p_20240403"
        and str(pages.loc["p_20240403.txt", "date"].date()) == "2024-04-07"
    )
    assert (
        pages.loc["p_20240404.txt", "issue"] == "第4期"
        and str(pages.loc["p_20240404.txt", "date"].date()) == "2024-04-04"
    )
    assert pages.loc["p_x.txt", "issue"] == "第5期" and pd.isna(pages.loc["p_x.txt", "date"])
    assert table["article_id"].is_unique and table["source"].nunique() == 5
    problems = "\n".join(table.attrs["problems"])
    for row, words in [
        (3, "not a real date"),
        (4, "already given to p_20240401.txt"),
        (5, "year-first"),
        (6, "year-first"),
    ]:
        assert f"manifest.csv row {row}: " in problems and words in problems


def test_a_manifest_with_the_wrong_columns_or_fields_is_named(tmp_path):
    path = tmp_path / "manifest.csv"
    path.write_text("filename,issue,date\na.txt,1,2024-04-05\n", encoding="utf-8")
    wrong = read_manifest(path)
    assert wrong.rows == {} and "no 'file' column (found: filename, issue, date)" in wrong.problems[0]
    path.write_text("file,issue,date\na.txt,1,2024-04-05,extra\nb.txt,2,2024-04-06\n", encoding="utf-8")
    extra = read_manifest(path)
    assert extra.rows == {"b.txt": {"issue": "2", "date": "2024-04-06"}}
    assert "row 2: 4 fields where the header has 3" in extra.problems[0]


def test_a_big5_page_is_read_as_big5_and_converted_to_simplified(tmp_path):
    import opencc

    traditional = opencc.OpenCC("s2t").convert(SAMPLE.read_text(encoding="utf-8"))
    path = tmp_path / "big5.txt"
    path.write_bytes(traditional.encode("cp950", errors="replace"))
    text, notes = read_page_text(path)
    assert "清江浦区一季度经济形势分析暨项目攻坚推进会召开" in text
    assert [(n.kind, n.detail) for n in notes][:1] == [("decoded", "cp950")]
    assert "traditional_converted" in [n.kind for n in notes]


def test_a_utf8_page_with_a_few_bad_bytes_is_read_and_the_bytes_reported(tmp_path):
    data = SAMPLE.read_bytes()
    cut = data.index("项目攻坚推进会".encode()) + 3  # inside a character: one stray byte there
    path = tmp_path / "stray.txt"
    path.write_bytes(data[:cut] + b"\xff" + data[cut:])
    text, notes = read_page_text(path)
    assert "\ufffd" in text and "清江浦区一季度经济形势分析暨项目攻坚" in text
    assert [str(n) for n in notes] == [f"undecodable bytes replaced by \ufffd: 1 at byte offset(s) {cut}"]
    table = analysis.read_issue(path)
    assert len(table) == 13  # the page still reads into its articles


@pytest.mark.parametrize(
    "damage",
    [lambda b: b[: len(b) // 2], lambda b: bytes(len(b)), lambda b: b"junk" * 50],
    ids=["truncated", "zeroed", "junk"],
)
def test_a_corrupt_token_cache_shard_is_named_set_aside_and_recomputed(tmp_path, damage):
    texts = ["清江浦区推进高质量发展", "淮安市召开会议"]
    expected = analysis.tokenize_many(texts, progress=False, cache_dir=tmp_path)
    (shard,) = (tmp_path / "token_cache").glob("*/*.arrow")
    shard.write_bytes(damage(shard.read_bytes()))
    with pytest.warns(UserWarning, match="corrupt token-cache shard") as caught:
        again = analysis.tokenize_many(texts, progress=False, cache_dir=tmp_path)
    assert again == expected
    assert str(shard) in str(caught[0].message)
    assert shard.with_suffix(".corrupt").is_file() and not shard.exists()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the recomputed cache reads cleanly, without a warning
        assert analysis.tokenize_many(texts, progress=False, cache_dir=tmp_path) == expected


SCRIPT = "<script>alert(1)</script>"


def test_the_brief_escapes_headlines_slogans_words_and_captions():
    articles = analysis.read_issue(SAMPLE).assign(issue="a_2024-04-08", date=pd.Timestamp("2024-04-08"))
    earlier = articles.assign(issue="0_2024-04-01", date=pd.Timestamp("2024-04-01"))
    both = pd.concat([earlier, articles], ignore_index=True)
    slogans = pd.DataFrame({"slogan": [SCRIPT], "type": ["number"], "uses": [1], "articles": [1]})
    changes = pd.DataFrame(
        {"term": [SCRIPT, "[点我](http://x)"], "log2_ratio": [2.0, -2.0], "count": [4, 0], "count_before": [0, 4]}
    )
    topics = pd.DataFrame({"headline": [SCRIPT + " | 表格"], "topic": ["**粗**"], "share": [0.5]})
    text = analysis.brief.brief_markdown("a_2024-04-08", both, slogans, changes, topics, {SCRIPT: "../figures/a b.png"})
    assert "<script>" not in text and text.count("&lt;script&gt;") == 4  # slogan, rising word, headline, caption
    assert "\\[点我\\](http://x)" in text and "\\*\\*粗\\*\\*" in text
    assert "&lt;/script&gt; \\| 表格 | \\*\\*粗\\*\\* | 50% |" in text
    assert "(../figures/a%20b.png)" in text


def test_the_figure_index_and_notebook_links_escape_with_the_same_function(tmp_path):
    from matplotlib.figure import Figure

    from analysis.links import file_link

    fig = Figure()
    fig.add_subplot().plot([0, 1])
    analysis.figures.save_figure(fig, "escaped", caption=SCRIPT, source="a|b", folder=tmp_path)
    index = (tmp_path / "index.md").read_text(encoding="utf-8")
    assert "<script>" not in index and "&lt;script&gt;" in index and "a\\|b" in index
    assert "&lt;script&gt;" in file_link(tmp_path / "x.png", SCRIPT)


def gbk_excel_copy(source, target, change=lambda text: text):
    """`source` as Excel saves it on a Chinese Windows: GBK, CRLF line ends."""
    text = change(source.read_text(encoding="utf-8-sig"))
    target.write_bytes(text.replace("\n", "\r\n").encode("gbk"))
    return target


def semicolons(text):
    """A CSV as Excel saves it where the decimal mark is a comma: fields separated by `;`."""
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\n").writerows(csv.reader(io.StringIO(text)))
    return out.getvalue()


def test_lexicon_files_saved_by_excel_as_gbk_read_as_the_utf8_originals(tmp_path):
    lexicon = analysis.paths.LEXICON
    slogans = gbk_excel_copy(lexicon / "slogans.csv", tmp_path / "slogans.csv")
    genres = gbk_excel_copy(lexicon / "genres.csv", tmp_path / "genres.csv", semicolons)
    stop = gbk_excel_copy(lexicon / "stopwords.txt", tmp_path / "stopwords.txt")
    user = gbk_excel_copy(lexicon / "userdict.txt", tmp_path / "userdict.txt")
    pd.testing.assert_frame_equal(analysis.slogans.slogan_lexicon(slogans), analysis.slogans.slogan_lexicon())
    got, want = analysis.genres.genre_codebook(genres), analysis.genres.genre_codebook()
    assert got[["genre", "cues", "priority"]].astype(str).equals(want[["genre", "cues", "priority"]].astype(str))
    assert analysis.terms.stopwords(stop) == analysis.terms.stopwords()
    assert analysis.segment.lexicon(user).entries == analysis.segment.lexicon().entries


def test_a_row_with_an_extra_field_is_named_with_its_line(tmp_path):
    from analysis.lexicon_io import LexiconError

    path = tmp_path / "slogans.csv"
    path.write_text(
        "slogan,canonical,type,action,note,family\n高质量发展,,,add,,\n四个全面,,,add,,,多余\n", encoding="gbk"
    )
    with pytest.raises(LexiconError, match=r"slogans.csv line 3: 7 fields but the header has 6") as caught:
        analysis.slogans.slogan_lexicon(path)
    assert caught.value.line == 3 and caught.value.path == path
    path.write_text("标语,说明\n高质量发展,\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"line 1: no column slogan"):
        analysis.slogans.slogan_lexicon(path)


def test_a_userdict_frequency_that_is_not_a_number_is_an_error_naming_the_line(tmp_path):
    from analysis.lexicon_io import LexiconError

    path = tmp_path / "userdict.txt"
    for line, problem in [("清江浦区 five", "'five' is neither a frequency"), ("清江浦区 五", "is not one word")]:
        path.write_text(f"淮安市 ns\n{line}\n", encoding="utf-8")
        with pytest.raises(LexiconError, match=f"userdict.txt line 2: .*{problem}"):
            analysis.segment.lexicon(path)


def test_an_empty_stopwords_file_is_a_warning(tmp_path):
    path = tmp_path / "stopwords.txt"
    path.write_bytes(b"")
    with pytest.warns(UserWarning, match="stopwords.txt: no stopwords"):
        assert analysis.terms.stopwords(path) == frozenset()


@pytest.fixture
def runner(tmp_path, monkeypatch):
    """The main job's runner with its notebooks, reports, figures and caches in tmp."""
    from tests.test_runner import run_notebooks

    folders = {name: tmp_path / name.lower() for name in ("NOTEBOOKS", "FIGURES", "PROCESSED")}
    for name, folder in folders.items():
        folder.mkdir()
        monkeypatch.setattr(run_notebooks, name, folder)
    monkeypatch.setenv(analysis.figures.RUN_ID, "")  # main() sets it; undone after the test
    return run_notebooks, folders["NOTEBOOKS"], folders["FIGURES"], folders["PROCESSED"], tmp_path / "reports"


def test_a_failed_run_is_marked_incomplete_in_reports_and_figure_index(runner):
    from tests.test_runner import write_notebook

    run_notebooks, notebooks, figures, processed, reports = runner
    save = (
        "from matplotlib.figure import Figure\nimport analysis\nfig = Figure()\nfig.add_subplot().plot([0, 1])\n"
        f"analysis.save_figure(fig, '01-line', folder={str(figures)!r})"
    )
    write_notebook(notebooks / "01-ok.ipynb", save, parameters="")
    write_notebook(notebooks / "02-fails.ipynb", "x = 1", "raise RuntimeError('boom')", parameters="")
    killed = [reports / ".02-fails.html.0123456789ab.tmp", processed / ".articles.parquet.abcdefabcdef.tmp"]
    for path in killed:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(b"half")
    (reports / "02-fails.html").write_text("previous complete run", encoding="utf-8")
    with pytest.raises(SystemExit, match="FAILED 02-fails.ipynb, cell 2: RuntimeError: boom"):
        run_notebooks.main(["--out", str(reports)])
    assert not any(path.exists() for path in killed)
    status = json.loads((reports / "run.json").read_text(encoding="utf-8"))
    assert status["status"] == "failed" and "02-fails" in status["problem"]
    assert json.loads((figures / "run.json").read_text(encoding="utf-8")) == status
    html = (reports / "02-fails.html").read_text(encoding="utf-8")
    assert "INCOMPLETE" in html and "RuntimeError" in html and "previous complete run" not in html
    index = (figures / "index.md").read_text(encoding="utf-8")
    assert f"Last run of the main job: {status['id']}, **failed**" in index
    assert analysis.figures.read_index(figures)["run"].tolist() == [status["id"]]
