"""The main job on a small multi-year corpus: every figure bounded, and a rerun executes only what changed."""

import re
import shutil
import sys

import pytest
from PIL import Image

from analysis.figures import read_index
from analysis.paths import LEXICON, RAW, ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import run_notebooks  # noqa: E402

from tests.pages import write_variant  # noqa: E402

SAMPLE = RAW / "000_643968e12915283d.txt"
DATES = ["2023-03-06", "2023-09-11", "2024-01-08", "2024-04-08", "2024-08-12", "2024-12-02"]
MAX_SIDE_PX = 8000  # any figure, at 300 dpi
MAX_PIXELS = 30e6
MAX_PNG_BYTES = 8e6


@pytest.fixture
def job(tmp_path, monkeypatch):
    """Run the main job on six dated variants of the sample page over two years; everything it writes is in tmp."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for n, date in enumerate(DATES):
        write_variant(raw / f"qjp_{date}.txt", n)
    lexicon = tmp_path / "slogans.csv"
    shutil.copy(LEXICON / "slogans.csv", lexicon)
    figures = tmp_path / "figures"
    monkeypatch.setenv("NEWSPAPER_FIGURES", str(figures))
    monkeypatch.setattr(run_notebooks, "FIGURES", figures)
    common = ["--out", str(tmp_path / "reports"), "-p", "RAW_DIR", str(raw), "-p", "LEXICON", str(lexicon)]
    common += ["-p", "PROCESSED_DIR", str(tmp_path / "processed"), "-p", "LABELS_DIR", str(tmp_path / "labels")]

    def run(*argv):
        assert run_notebooks.main([*common, *argv]) == 0

    return tmp_path, run


def counts(output: str) -> tuple[int, int]:
    executed, reused = re.search(r"(\d+) executed, (\d+) reused", output).groups()
    return int(executed), int(reused)


@pytest.mark.slow
def test_figures_are_bounded_and_a_rerun_executes_only_what_changed(job, capsys):
    tmp, run = job
    run()
    assert counts(capsys.readouterr().out) == (len(run_notebooks.notebooks()), 0)
    pngs = sorted((tmp / "figures").glob("*.png"))
    assert len(pngs) >= 10
    for png in pngs:
        width, height = Image.open(png).size
        assert max(width, height) <= MAX_SIDE_PX and width * height <= MAX_PIXELS, (png.name, width, height)
        assert png.stat().st_size <= MAX_PNG_BYTES, (png.name, png.stat().st_size)
    written = {p.name: p.read_bytes() for p in pngs}

    run()  # nothing changed: every notebook reused, every figure as it was
    assert counts(capsys.readouterr().out) == (0, len(run_notebooks.notebooks()))
    assert {p.name: p.read_bytes() for p in (tmp / "figures").glob("*.png")} == written

    write_variant(tmp / "raw" / "qjp_2025-01-06.txt", len(DATES))  # a new issue: notebooks reading raw pages run again
    run("--only", "01")
    assert counts(capsys.readouterr().out) == (1, 0)
    run("--only", "01")
    assert counts(capsys.readouterr().out) == (0, 1)

    run("--only", "02", "-p", "TOP_N", "8")  # a changed parameter
    assert counts(capsys.readouterr().out) == (1, 0)
    with open(tmp / "slogans.csv", "a", encoding="utf-8") as f:  # a changed lexicon
        f.write("颗粒归仓,,,add,测试\n")
    run("--only", "02", "-p", "TOP_N", "8")
    assert counts(capsys.readouterr().out) == (1, 0)
    run("--only", "02", "-p", "TOP_N", "8", "--force")
    assert counts(capsys.readouterr().out) == (1, 0)


@pytest.mark.slow
def test_a_rerun_after_a_new_issue_gives_what_a_cold_run_gives(job, tmp_path, monkeypatch, capsys):
    """Everything kept between runs (article and token caches, stored tables, models, cloud images, figure
    digests) makes the rerun cheaper, never different: its tables and figures are a cold run's."""
    _, run = job
    run()
    write_variant(tmp_path / "raw" / "qjp_2025-01-06.txt", len(DATES))
    run()
    executed, reused = counts(capsys.readouterr().out.splitlines()[-1])
    assert executed >= 5 and executed + reused == len(run_notebooks.notebooks())

    cold = tmp_path / "cold"
    monkeypatch.setenv("NEWSPAPER_FIGURES", str(cold / "figures"))
    monkeypatch.setattr(run_notebooks, "FIGURES", cold / "figures")
    common = ["-p", "RAW_DIR", str(tmp_path / "raw"), "-p", "LEXICON", str(tmp_path / "slogans.csv")]
    common += ["-p", "LABELS_DIR", str(tmp_path / "labels")]
    assert (
        run_notebooks.main([*common, "--out", str(cold / "reports"), "-p", "PROCESSED_DIR", str(cold / "processed")])
        == 0
    )

    def tables(folder):
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.csv")}

    rerun_tables, cold_tables = tables(tmp_path / "reports"), tables(cold / "reports")
    assert len(cold_tables) >= 8 and rerun_tables.keys() == cold_tables.keys()
    assert [name for name in cold_tables if rerun_tables[name] != cold_tables[name]] == []
    figures = read_index(tmp_path / "figures").set_index("name").digest
    cold_figures = read_index(cold / "figures").set_index("name").digest
    assert figures.sort_index().to_dict() == cold_figures.sort_index().to_dict()  # the same SVG, figure by figure
