"""Every notebook: paired with its py:percent script, committed without outputs, and runs headless."""

import json
import shutil
import sys
from pathlib import Path

import jupytext
import nbformat
import pytest

from analysis.paths import RAW, ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import run_notebooks  # noqa: E402

NOTEBOOK_FILES = run_notebooks.notebooks()
SAMPLE = RAW / "000_643968e12915283d.txt"


def test_there_are_numbered_notebooks():
    assert [p.name[:2] for p in NOTEBOOK_FILES] == [f"{n:02d}" for n in range(1, len(NOTEBOOK_FILES) + 1)]


@pytest.mark.parametrize("notebook", NOTEBOOK_FILES, ids=lambda p: p.name)
def test_pair_is_in_sync_and_stripped(notebook):
    script = notebook.with_suffix(".py")
    assert script.exists(), f"{notebook.name} has no py:percent twin"
    from_script = jupytext.read(script)
    committed = nbformat.read(notebook, as_version=4)
    assert [(c.cell_type, c.source) for c in committed.cells] == [(c.cell_type, c.source) for c in from_script.cells], (
        f"{notebook.name} and {script.name} differ: run `jupytext --sync {script}`"
    )
    assert not any(c.get("outputs") or c.get("execution_count") for c in committed.cells if c.cell_type == "code")
    tagged = [c for c in committed.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, "exactly one parameters cell"
    for nb in (committed, from_script):  # JupyterLab opens it on the project's kernel, without a Select Kernel dialog
        assert nb.metadata["kernelspec"]["name"] == "newspaper-analysis"


@pytest.fixture(scope="module")
def multi_issue(tmp_path_factory):
    """Three dated issues generated from the sample: the second adds a slogan, the third drops an article."""
    raw = tmp_path_factory.mktemp("raw")
    text = SAMPLE.read_text(encoding="utf-8")
    (raw / "qjp_2024-04-08.txt").write_text(text, encoding="utf-8")
    new = "\n\n".join(
        [
            "清江浦区部署“三夏”生产工作",
            "■通讯员 蒲蔚",
            "本报讯 日前，清江浦区召开“三夏”生产工作会议，要求坚持“颗粒归仓”，全力打好“三夏”攻坚战，推动新质生产力发展。",
        ]
    )
    (raw / "qjp_2024-04-15.txt").write_text(text + "\n\n" + new, encoding="utf-8")
    (raw / "qjp_2024-04-22.txt").write_text(text.split("清江浦区领导赴北京广东考察招商")[0], encoding="utf-8")
    return raw


def execute(notebook: Path, out_dir: Path, raw: Path, processed: Path) -> dict:
    labels = out_dir.parent / "topic_labels"  # tests never write into data/lexicon/
    run_notebooks.run(
        notebook, {"RAW_DIR": str(raw), "PROCESSED_DIR": str(processed), "LABELS_DIR": str(labels)}, out_dir
    )
    return json.loads((out_dir / notebook.name).read_text(encoding="utf-8"))


@pytest.fixture
def outputs(tmp_path, monkeypatch):
    """Figures and reports of a test run go to a temporary folder, never into the project."""
    monkeypatch.setenv("NEWSPAPER_FIGURES", str(tmp_path / "figures"))
    monkeypatch.setenv("NEWSPAPER_REPORTS", str(tmp_path / "reports"))
    return tmp_path


def problems(executed: dict) -> list[str]:
    """Errors, and warnings of glyphs missing from the font, in an executed notebook's outputs."""
    found = []
    for cell in executed["cells"]:
        for out in cell.get("outputs", []):
            text = out.get("text", "") if isinstance(out.get("text", ""), str) else "".join(out["text"])
            if out.get("output_type") == "error" or "missing from font" in text or "Glyph" in text:
                found.append(out.get("ename") or text[:200])
    return found


@pytest.mark.slow
@pytest.mark.parametrize("notebook", NOTEBOOK_FILES, ids=lambda p: p.name)
def test_notebook_runs_on_the_sample(notebook, outputs):
    raw = outputs / "raw"
    raw.mkdir()
    shutil.copy(SAMPLE, raw)
    executed = execute(notebook, outputs / "reports", raw, outputs / "processed")
    assert not problems(executed)
    assert (outputs / "reports" / notebook.with_suffix(".html").name).exists()
    text = json.dumps(executed, ensure_ascii=False)
    assert ("政府工作报告" if notebook.name.startswith("06") else "清江浦") in text  # real results, not empty tables
    figures = sorted(p.name for p in (outputs / "figures").glob(f"{notebook.name[:2]}-*.png"))
    if notebook.name.startswith("01"):
        assert (outputs / "processed" / "articles.csv").exists()
    else:
        assert figures, f"{notebook.name} exported no figure"
        for png in figures:
            assert (outputs / "figures" / png.replace(".png", ".pdf")).exists()
            assert (outputs / "figures" / png.replace(".png", ".svg")).exists()


ISSUES = ("qjp_2024-04-08", "qjp_2024-04-15", "qjp_2024-04-22")


PAGE_NOTEBOOKS = [p for p in NOTEBOOK_FILES if not p.name.startswith("06")]  # 06 reads the reference reports only


@pytest.mark.slow
@pytest.mark.parametrize("notebook", PAGE_NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_on_several_dated_issues(notebook, multi_issue, outputs):
    executed = execute(notebook, outputs / "reports", multi_issue, outputs / "processed")
    assert not problems(executed)
    text = json.dumps(executed, ensure_ascii=False)
    name = notebook.name[:2]
    if name == "01":
        assert all(issue in text for issue in ISSUES) and "清江浦区部署“三夏”生产工作" in text
    if name == "02":
        assert "三夏" in text  # the slogan only the second issue prints
    if name == "03":
        assert all(issue.removeprefix("qjp_") in text for issue in ISSUES)  # prevalence per issue, named by date
    if name == "04":
        assert (outputs / "figures" / "04-wordcloud-issues.png").exists()
    if name == "05":
        brief = (outputs / "reports" / "brief-qjp_2024-04-22.md").read_text(encoding="utf-8")
        assert brief.startswith("# 本期简报 · qjp_2024-04-22（2024-04-22）") and "对照此前 2 期" in brief
        assert "- 区委书记朱海波：" in brief and "会议新闻" in brief  # the issue's own profile


def test_a_failing_notebook_is_named_with_its_cell(tmp_path):
    broken = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("1 / 0")])
    path = tmp_path / "99-broken.ipynb"
    nbformat.write(broken, path)
    with pytest.raises(SystemExit, match=r"FAILED 99-broken.ipynb, cell 2: ZeroDivisionError: .*kernel peak \d+ MB"):
        run_notebooks.run(path, {}, tmp_path / "out")
