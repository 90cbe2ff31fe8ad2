"""Bad input: every file is read correctly or refused with an error naming it; raw files never change."""

import hashlib
import warnings

import pytest

import analysis
from analysis.paths import RAW
from analysis.read.textio import RawFileError, read_page_text
from tests.pages import sample_variant

SAMPLE = (RAW / "000_643968e12915283d.txt").read_text(encoding="utf-8")
HEADLINE = "清江浦区一季度经济形势分析暨项目攻坚推进会召开"


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_encodings_read_to_the_same_articles(tmp_path, encoding):
    path = tmp_path / f"page-{encoding}.txt"
    path.write_bytes(SAMPLE.encode(encoding))
    df = analysis.read_issue(path)
    assert df["headline"].iloc[0] == HEADLINE and len(df) == 13


def test_crlf_fullwidth_spaces_and_nbsp(tmp_path):
    text = SAMPLE.replace("■通讯员 蒲蔚 石华岳", "■通讯员\u3000蒲蔚\u00a0石华岳").replace("\n", "\r\n")
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.encode("utf-8"))
    df = analysis.read_issue(path)
    assert df["reporters"].iloc[0] == ["蒲蔚", "石华岳", "陈子晗"]
    assert "\r" not in "".join(df["text"])


def test_traditional_characters_are_converted(tmp_path):
    import opencc

    path = tmp_path / "trad.txt"
    path.write_text(opencc.OpenCC("s2t").convert(SAMPLE), encoding="utf-8")
    text, notes = read_page_text(path)
    assert HEADLINE in text and [n.kind for n in notes] == ["traditional_converted"]


@pytest.mark.parametrize(
    "name,data,problem",
    [
        ("empty.txt", b"", "empty"),
        ("spaces.txt", b" \n\r\n\t ", "empty"),
        ("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 binary", "PDF"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG"),
        ("blob.bin", bytes(range(256)) * 20, "binary"),
        ("english.txt", b"Just some English text.\n", "no Chinese"),
    ],
)
def test_unreadable_files_are_refused_with_the_file_and_problem(tmp_path, name, data, problem):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(RawFileError) as err:
        analysis.read_issue(path)
    assert name in str(err.value) and problem in str(err.value)


def test_very_large_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(60_000_000)
    with pytest.raises(RawFileError, match="huge.txt: is 60 MB"):
        read_page_text(path)


def test_page_without_bylines(tmp_path):
    page = "\n\n".join(
        [
            "全市重大项目集中开工",
            "日前，全市重大项目集中开工活动举行，共有32个项目开工。",
            "项目总投资超过200亿元，涵盖新能源、新材料等领域。",
        ]
    )
    path = tmp_path / "nobyline.txt"
    path.write_text(page, encoding="utf-8")
    df = analysis.read_issue(path)
    assert list(df["headline"]) == ["全市重大项目集中开工"] and df["reporters"].iloc[0] == []
    assert df["text"].iloc[0].startswith("日前，全市重大项目")


def test_one_bad_file_does_not_stop_the_others_and_raw_is_untouched(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "good_2024-04-15.txt").write_text(SAMPLE, encoding="utf-8")
    (raw / "good_2024-04-22.txt").write_bytes(sample_variant(1).encode("gb18030"))
    (raw / "scan.pdf").write_bytes(b"%PDF-1.4")
    (raw / "empty.txt").write_bytes(b"")
    before = {p.name: hashlib.sha1(p.read_bytes()).hexdigest() for p in raw.iterdir()}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df = analysis.load_corpus(raw, tmp_path / "processed")
    assert sorted(df["issue"].unique()) == ["good_2024-04-15", "good_2024-04-22"]
    assert len(df.attrs["problems"]) == 2 and any("scan.pdf" in str(w.message) for w in caught)
    assert before == {p.name: hashlib.sha1(p.read_bytes()).hexdigest() for p in raw.iterdir()}
