"""The main job: execute every numbered notebook headless, in order, into reports/ (ipynb + HTML).

    python scripts/run_notebooks.py                  # all notebooks on data/raw
    python scripts/run_notebooks.py -p RAW_DIR data/raw -p TOP_N 30
    python scripts/run_notebooks.py --only 02        # notebooks whose name starts with 02
    python scripts/run_notebooks.py --force          # execute even the notebooks whose inputs did not change

A notebook whose inputs did not change since its last run (the notebook, its parameters, the raw pages,
data/lexicon, data/reference, the package's code; see `input_key`) is reused, not executed again.
A failing notebook, or a kernel that died (killed for memory), is named with its cell and the memory
the kernel reached, and the run stops with a non-zero exit; its HTML is the partial run, marked INCOMPLETE.
Each run records its id, parameters and status (running, complete, failed, interrupted) in `run.json`
in the reports and the figures folder, and first deletes the temporary files a killed save left.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import os
import sys
import threading
import time
import uuid
from datetime import datetime
from pathlib import Path

import nbformat
import papermill
import psutil
from nbconvert import HTMLExporter

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from analysis.atomic import remove_temporaries, write_text  # noqa: E402
from analysis.figures import RUN_ID, RUN_STATUS, remove_stale, write_index_markdown  # noqa: E402
from analysis.markup import escape  # noqa: E402
from analysis.paths import FIGURES, LEXICON, NOTEBOOKS, PROCESSED, REFERENCE, REPORTS, ROOT  # noqa: E402
from analysis.stored import CODE, code_digest  # noqa: E402

RUNS = ".runs.json"  # in the reports folder: each notebook's input key and the figures it wrote
INPUT_PARAMETERS = ("RAW_DIR", "LABELS_DIR", "LEXICON", "MASK")  # parameters that name files a notebook reads


def notebooks(only: str = "") -> list[Path]:
    """The numbered notebooks, in order."""
    return sorted(p for p in NOTEBOOKS.glob("[0-9][0-9]-*.ipynb") if p.name.startswith(only))


def literal(value: str):
    """`-p NAME VALUE`: a Python literal if it parses as one, else the string."""
    try:
        return ast.literal_eval(value)
    except (ValueError, SyntaxError):
        return value


def default_parameters(notebook: Path) -> dict:
    """Names assigned in the notebook's `parameters` cell, with their values (the source text if not a literal)."""
    for cell in nbformat.read(notebook, as_version=4).cells:
        if "parameters" in cell.metadata.get("tags", []):
            return {
                t.id: _value(node.value)
                for node in ast.parse(cell.source).body
                if isinstance(node, ast.Assign)
                for t in node.targets
                if isinstance(t, ast.Name)
            }
    return {}


def _value(node: ast.expr):
    try:
        return ast.literal_eval(node)
    except ValueError:
        return ast.unparse(node)


def declared_parameters(notebook: Path) -> set[str]:
    """Names assigned in the notebook's `parameters` cell."""
    return set(default_parameters(notebook))


def tree_digest(path: Path) -> str:
    """A hash of a file, or of every file under a folder (names and contents); "" if it does not exist."""
    digest = hashlib.sha1()
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else []
    for file in files:
        digest.update(str(file.relative_to(path.parent if file == path else path)).encode("utf-8") + b"\0")
        digest.update(hashlib.sha1(file.read_bytes()).digest())
    return digest.hexdigest()


def input_key(notebook: Path, parameters: dict, read_only: dict | None = None) -> str:
    """A hash of everything a notebook's results depend on: the notebook, its effective parameters, the files
    its parameters name (raw pages, lexicon, labels), data/lexicon, data/reference and analysis/**.py.

    `read_only` memoizes, within one run, the hashes of what no notebook writes (raw pages, reference, code).
    """
    read_only = {} if read_only is None else read_only
    effective = {**default_parameters(notebook), **parameters}
    raw = ROOT / str(effective.get("RAW_DIR", ""))
    inputs = [ROOT / str(effective[name]) for name in INPUT_PARAMETERS if effective.get(name)]
    parts = [notebook.read_bytes(), json.dumps(effective, sort_keys=True, ensure_ascii=False).encode("utf-8")]
    for path in [*inputs, LEXICON, REFERENCE, CODE]:
        digest = read_only.get(path) or (code_digest(CODE) if path == CODE else tree_digest(path))
        if path in (raw, REFERENCE, CODE):
            read_only[path] = digest
        parts.append(digest.encode("ascii"))
    return hashlib.sha1(b"\0".join(parts)).hexdigest()


class PeakMemory:
    """Peak resident memory (MB) of this process's children (the kernel) while the block runs, sampled in a thread."""

    def __init__(self, interval: float = 0.2):
        self.interval, self.peak_mb = interval, 0.0
        self._stop = threading.Event()

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.wait(self.interval):
            total = 0
            for child in me.children(recursive=True):
                try:
                    total += child.memory_info().rss
                except psutil.Error:
                    pass  # exited between listing and reading
            self.peak_mb = max(self.peak_mb, total / 2**20)

    def __enter__(self):
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def failed_cell(executed: Path) -> int | str:
    """The execution count of the last cell the kernel started ("?" if unknown).

    A kernel that dies mid-cell may not have sent the cell's count: it is then the previous count + 1.
    """
    try:
        cells = [c for c in nbformat.read(executed, as_version=4).cells if c.cell_type == "code"]
    except (OSError, ValueError):
        return "?"
    started = [i for i, c in enumerate(cells) if c.metadata.get("papermill", {}).get("start_time")]
    if not started:
        return "?"
    counts = [c.get("execution_count") or 0 for c in cells[: started[-1] + 1]]
    return counts[-1] or max(counts) + 1


def figures_folder() -> Path:
    """Where figures go: figures/, or $NEWSPAPER_FIGURES (tests); every notebook gets it as FIGURES_DIR."""
    return Path(os.environ.get("NEWSPAPER_FIGURES") or FIGURES)


def kernels_import_this_project() -> None:
    """Kernels inherit this environment: put this project first, whatever package the venv was installed from."""
    here = str(ROOT)
    rest = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p and p != here]
    os.environ["PYTHONPATH"] = os.pathsep.join([here, *rest])


def run(notebook: Path, parameters: dict, out_dir: Path = REPORTS) -> tuple[Path, float]:
    """Execute one notebook into out_dir and export it as HTML; return the executed copy and the kernel's
    peak memory (MB). Raise SystemExit naming the failing cell and the memory the kernel reached."""
    out = out_dir / notebook.name
    out_dir.mkdir(parents=True, exist_ok=True)
    declared = declared_parameters(notebook)
    parameters = {"FIGURES_DIR": str(figures_folder()), "REPORTS_DIR": str(out_dir), **parameters}
    parameters = {k: v for k, v in parameters.items() if k in declared}  # each notebook takes what it declares
    kernels_import_this_project()
    with PeakMemory() as memory:
        try:
            papermill.execute_notebook(
                notebook,
                out,
                parameters=parameters,
                kernel_name="python3",
                language="python",
                cwd=str(notebook.parent),
                progress_bar=False,
                report_mode=False,
            )
        except papermill.PapermillExecutionError as e:
            problem = f"FAILED {notebook.name}, cell {e.exec_count}: {e.ename}: {e.evalue}"
            export_html(out, problem)
            raise SystemExit(
                f"{problem} (kernel peak {memory.peak_mb:.0f} MB)\n(executed copy with the traceback: {out})"
            ) from None
        except KeyboardInterrupt:
            export_html(out, f"INTERRUPTED {notebook.name} at cell {failed_cell(out)}")
            raise
        except Exception as e:  # a dead kernel (killed for memory), a timeout, a kernel that did not start
            problem = f"FAILED {notebook.name}, cell {failed_cell(out)}: {type(e).__name__}: {e}"
            export_html(out, problem)
            raise SystemExit(f"{problem} (kernel peak {memory.peak_mb:.0f} MB)\n(executed copy: {out})") from None
    export_html(out)
    return out, memory.peak_mb


def export_html(executed: Path, problem: str = "") -> None:
    """The executed notebook as HTML beside it; a run that stopped is marked INCOMPLETE at the top with why."""
    try:
        node = nbformat.read(executed, as_version=4)
    except (OSError, ValueError):  # the kernel never wrote it: no page would be better than the previous one
        executed.with_suffix(".html").unlink(missing_ok=True)
        return
    if problem:
        node.cells.insert(0, nbformat.v4.new_markdown_cell(f"**INCOMPLETE — {escape(problem)}**"))
    body, _ = HTMLExporter().from_notebook_node(node)
    write_text(executed.with_suffix(".html"), body)


def record_run(status: dict, *folders: Path) -> None:
    """Write the run's id, parameters and status as run.json into each folder."""
    for folder in folders:
        write_text(folder / RUN_STATUS, json.dumps(status, indent=1, ensure_ascii=False, default=str))


def figures_of(notebook: Path) -> list[str]:
    """The figure files a notebook wrote (figures/NN-*), by name."""
    return sorted(p.name for p in figures_folder().glob(f"{notebook.name[:2]}-*") if p.is_file())


def reusable(record: dict | None, key: str, out: Path) -> bool:
    """A recorded run with the same key whose executed notebook, HTML and figures are all still there."""
    if not record or record.get("key") != key:
        return False
    wanted = [out, out.with_suffix(".html"), *(figures_folder() / name for name in record.get("figures", []))]
    return all(path.is_file() for path in wanted)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-p", "--parameter", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"))
    parser.add_argument("--only", default="", help="run only notebooks whose name starts with this")
    parser.add_argument("--out", default=str(REPORTS), help="folder for executed notebooks and HTML")
    parser.add_argument("--force", action="store_true", help="execute every notebook, even if its inputs are unchanged")
    args = parser.parse_args(argv)
    parameters = {name: literal(value) for name, value in args.parameter}
    chosen = notebooks(args.only)
    if not chosen:
        raise SystemExit(f"no notebook in {NOTEBOOKS} starts with {args.only!r}")
    start, out_dir = time.perf_counter(), Path(args.out)
    runs_path = out_dir / RUNS
    runs = json.loads(runs_path.read_text(encoding="utf-8")) if runs_path.is_file() else {}
    for folder in (out_dir, figures_folder(), ROOT / str(parameters.get("PROCESSED_DIR", PROCESSED))):
        for path in remove_temporaries(folder):
            print(f"removed {path}, left by a save that was killed", flush=True)
    status = {
        "id": f"{datetime.now():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}",
        "started": datetime.now().isoformat(timespec="seconds"),
        "notebooks": [p.name for p in chosen],
        "parameters": parameters,
        "status": "running",
    }
    record_run(status, out_dir, figures_folder())
    os.environ[RUN_ID] = status["id"]  # the kernels' save_figure records it in the figure index
    try:
        executed, reused = run_all(chosen, parameters, args.force, out_dir, runs)
    except BaseException as e:
        interrupted = isinstance(e, KeyboardInterrupt)
        status.update(status="interrupted" if interrupted else "failed", problem=str(e) or type(e).__name__)
        raise
    else:
        status["status"] = "complete"
    finally:
        status["finished"] = datetime.now().isoformat(timespec="seconds")
        record_run(status, out_dir, figures_folder())
        write_index_markdown(figures_folder())
    print(
        f"Run {status['id']} done in {time.perf_counter() - start:.1f} s: {len(executed)} executed, {len(reused)} reused"
        f"{' (' + ', '.join(reused) + ')' if reused else ''}; reports in {out_dir}/, figures in {figures_folder()}/"
    )
    return 0


def run_all(chosen: list[Path], parameters: dict, force: bool, out_dir: Path, runs: dict) -> tuple[list, list]:
    """Execute (or reuse) each chosen notebook in order; return the names executed and reused."""
    runs_path = out_dir / RUNS
    executed, reused, read_only = [], [], {}
    for n, notebook in enumerate(chosen, 1):
        began = time.perf_counter()
        given = {k: v for k, v in parameters.items() if k in declared_parameters(notebook)}
        key = input_key(notebook, given, read_only)
        if not force and reusable(runs.get(notebook.name), key, out_dir / notebook.name):
            reused.append(notebook.name)
            print(f"[{n}/{len(chosen)}] {notebook.name}: reused (inputs unchanged)", flush=True)
            continue
        print(f"[{n}/{len(chosen)}] {notebook.name} ...", flush=True)
        runs.pop(notebook.name, None)
        write_text(runs_path, json.dumps(runs, indent=1, ensure_ascii=False))
        _, peak_mb = run(notebook, parameters, out_dir)
        executed.append(notebook.name)
        for name in remove_stale(f"{notebook.name[:2]}-", os.environ[RUN_ID], figures_folder()):
            print(f"    removed figure {name}: this run did not draw it", flush=True)
        # the key after the run: a notebook that creates an input (03 writes new topic-label files) is then current
        runs[notebook.name] = {"key": input_key(notebook, given, read_only), "figures": figures_of(notebook)}
        write_text(runs_path, json.dumps(runs, indent=1, ensure_ascii=False))
        print(f"    {time.perf_counter() - began:.1f} s, kernel peak {peak_mb:.0f} MB", flush=True)
    # keys once more at the end: a later notebook may have created an input of an earlier one (06 writes
    # its topic-label file into the labels folder that 03, 04 and 05 read)
    for notebook in chosen:
        if notebook.name in executed:
            given = {k: v for k, v in parameters.items() if k in declared_parameters(notebook)}
            runs[notebook.name]["key"] = input_key(notebook, given, read_only)
    write_text(runs_path, json.dumps(runs, indent=1, ensure_ascii=False))
    return executed, reused


if __name__ == "__main__":
    sys.exit(main())
