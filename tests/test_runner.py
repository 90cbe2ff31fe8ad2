"""The main job's runner: what invalidates a notebook's recorded run, and how a dead kernel is reported."""

import os
import sys

import nbformat
import pytest

from analysis.paths import RAW, ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import run_notebooks  # noqa: E402

SAMPLE = RAW / "000_643968e12915283d.txt"


def write_notebook(path, *sources, parameters='RAW_DIR = "data/raw"\nTOP_N = 20'):
    cells = [nbformat.v4.new_code_cell(parameters, metadata={"tags": ["parameters"]})]
    cells += [nbformat.v4.new_code_cell(source) for source in sources]
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, path)
    return path


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A notebook, a raw folder with the sample page and a lexicon folder, all in tmp."""
    raw, lexicon = tmp_path / "raw", tmp_path / "lexicon"
    raw.mkdir()
    lexicon.mkdir()
    (raw / "qjp_2024-04-08.txt").write_bytes(SAMPLE.read_bytes())
    (lexicon / "userdict.txt").write_text("清江浦区 10 ns\n", encoding="utf-8")
    monkeypatch.setattr(run_notebooks, "LEXICON", lexicon)
    return tmp_path, write_notebook(tmp_path / "02-x.ipynb", "x = 1"), {"RAW_DIR": str(raw)}


def test_the_key_is_stable_while_nothing_changes(project):
    _, notebook, parameters = project
    assert run_notebooks.input_key(notebook, parameters) == run_notebooks.input_key(notebook, parameters)


def test_a_new_issue_changes_the_key(project):
    tmp, notebook, parameters = project
    before = run_notebooks.input_key(notebook, parameters)
    (tmp / "raw" / "qjp_2024-04-15.txt").write_bytes(SAMPLE.read_bytes())
    assert run_notebooks.input_key(notebook, parameters) != before


def test_an_edited_page_lexicon_parameter_or_notebook_changes_the_key(project):
    tmp, notebook, parameters = project
    keys = [run_notebooks.input_key(notebook, parameters)]
    (tmp / "raw" / "qjp_2024-04-08.txt").write_bytes(SAMPLE.read_bytes() + "补充".encode())
    keys.append(run_notebooks.input_key(notebook, parameters))
    (tmp / "lexicon" / "userdict.txt").write_text("清江浦区 10 ns\n项目攻坚 5 n\n", encoding="utf-8")
    keys.append(run_notebooks.input_key(notebook, parameters))
    keys.append(run_notebooks.input_key(notebook, {**parameters, "TOP_N": 30}))
    write_notebook(notebook, "x = 2")
    keys.append(run_notebooks.input_key(notebook, parameters))
    assert len(set(keys)) == len(keys)


def test_a_parameter_naming_a_file_hashes_the_file(project):
    tmp, notebook, parameters = project
    slogans = tmp / "slogans.csv"
    slogans.write_text("slogan,canonical\n", encoding="utf-8")
    notebook = write_notebook(notebook, "x = 1", parameters=f'RAW_DIR = "data/raw"\nLEXICON = "{slogans}"')
    before = run_notebooks.input_key(notebook, parameters)
    slogans.write_text("slogan,canonical\n双过半,\n", encoding="utf-8")
    assert run_notebooks.input_key(notebook, parameters) != before


def test_a_dead_kernel_is_named_with_its_cell_and_the_memory_it_reached(tmp_path):
    kill = "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)"
    path = write_notebook(tmp_path / "99-dead.ipynb", "x = 1", kill, parameters="")
    with pytest.raises(SystemExit, match=r"FAILED 99-dead.ipynb, cell 2: DeadKernelError: .*kernel peak \d+ MB"):
        run_notebooks.run(path, {}, tmp_path / "out")


def test_kernels_import_the_package_of_the_project_they_run_in(tmp_path, monkeypatch):
    other = tmp_path / "another-copy"  # an older copy of the project, first on the inherited PYTHONPATH
    (other / "analysis").mkdir(parents=True)
    (other / "analysis" / "__init__.py").write_text("", encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(other))
    notebook = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell("import analysis, os\nprint(os.path.realpath(analysis.__file__))")]
    )
    path = tmp_path / "98-where.ipynb"
    nbformat.write(notebook, path)
    executed, _ = run_notebooks.run(path, {}, tmp_path / "out")
    printed = nbformat.read(executed, as_version=4).cells[0].outputs[0]["text"].strip()
    assert printed == str((ROOT / "analysis" / "__init__.py").resolve())
    assert os.environ["PYTHONPATH"].split(os.pathsep) == [str(ROOT), str(other)]
