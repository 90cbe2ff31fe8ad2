"""The cached, incremental corpus and its exports."""

import shutil
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.paths import RAW
from analysis.read import corpus
from analysis.read.identity import identify
from tests.pages import sample_variant, write_variant

SAMPLE = RAW / "000_643968e12915283d.txt"


@pytest.fixture
def raw(tmp_path):
    folder = tmp_path / "raw"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "qjp_2024-04-15.txt")
    write_variant(folder / "qjp_20240422.txt", 1)
    return folder


def test_identity_and_date_from_file_names(raw):
    assert identify(raw / "qjp_2024-04-15.txt") == {
        "issue": "qjp_2024-04-15",
        "date": "2024-04-15",
        "date_source": "file name",
    }
    assert identify(raw / "qjp_20240422.txt")["date"] == "2024-04-22"
    assert identify(SAMPLE)["date"] is None


def test_manifest_overrides_the_name(raw):
    (raw / "manifest.csv").write_text("file,issue,date\nqjp_20240422.txt,第1234期,2024-04-23\n", encoding="utf-8")
    assert identify(raw / "qjp_20240422.txt") == {"issue": "第1234期", "date": "2024-04-23", "date_source": "manifest"}


def test_incremental_cache(raw, tmp_path, monkeypatch):
    processed = tmp_path / "processed"
    first = analysis.load_corpus(raw, processed)
    assert sorted(first.attrs["parsed"]) == ["qjp_2024-04-15.txt", "qjp_20240422.txt"]
    assert (processed / "articles.parquet").exists()
    again = analysis.load_corpus(raw, processed)
    assert again.attrs["parsed"] == []
    pd.testing.assert_frame_equal(first, again)
    write_variant(raw / "qjp_2024-04-29.txt", 2)
    added = analysis.load_corpus(raw, processed)
    assert added.attrs["parsed"] == ["qjp_2024-04-29.txt"] and added["issue"].nunique() == 3
    (raw / "qjp_20240422.txt").write_text(sample_variant(1).replace("朱海波", "某书记"), encoding="utf-8")
    changed = analysis.load_corpus(raw, processed)
    assert changed.attrs["parsed"] == ["qjp_20240422.txt"]
    assert "某书记" in " ".join(changed.loc[changed["issue"] == "qjp_20240422", "text"])
    (raw / "qjp_2024-04-15.txt").unlink()
    removed = analysis.load_corpus(raw, processed)
    assert "qjp_2024-04-15" not in set(removed["issue"]) and removed.attrs["parsed"] == []
    assert list(removed["date"].dt.strftime("%Y-%m-%d").unique()) == ["2024-04-22", "2024-04-29"]


def test_csv_export_opens_in_excel_with_chinese(raw, tmp_path):
    df = analysis.load_corpus(raw, tmp_path / "processed")
    out = analysis.export_csv(df, tmp_path / "articles.csv")
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(out, encoding="utf-8-sig")
    assert back["headline"].iloc[0] == df["headline"].iloc[0]
    assert back["reporters"].iloc[0] == "；".join(df["reporters"].iloc[0])


def test_the_cache_key_covers_every_module_of_the_reading_stage(tmp_path):
    stage = tmp_path / "read"
    shutil.copytree(Path(corpus.__file__).parent, stage, ignore=shutil.ignore_patterns("__pycache__"))
    assert corpus._code_version(stage) == corpus._code_version()
    evidence = stage / "evidence.py"
    evidence.write_text(
        evidence.read_text(encoding="utf-8").replace("SWITCH_MARGIN = 0.6", "SWITCH_MARGIN = 0.7"), encoding="utf-8"
    )
    edited = corpus._code_version(stage)
    assert edited != corpus._code_version()
    (stage / "new_part.py").write_text('"""A new part of the reader."""\n', encoding="utf-8")
    assert corpus._code_version(stage) != edited
