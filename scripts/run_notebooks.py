"""The main job: execute every numbered notebook headless, in order, into reports/ (ipynb + HTML).

    python scripts/run_notebooks.py                  # all notebooks on data/raw
    python scripts/run_notebooks.py -p RAW_DIR data/raw -p TOP_N 30
    python scripts/run_notebooks.py --only 02        # notebooks whose name starts with 02

A failing notebook is named with its failing cell, and the run stops with a non-zero exit.
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

import nbformat
import papermill
from nbconvert import HTMLExporter

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from analysis.atomic import write_text  # noqa: E402
from analysis.paths import NOTEBOOKS, REPORTS  # noqa: E402


def notebooks(only: str = "") -> list[Path]:
    """The numbered notebooks, in order."""
    return sorted(p for p in NOTEBOOKS.glob("[0-9][0-9]-*.ipynb") if p.name.startswith(only))


def literal(value: str):
    """`-p NAME VALUE`: a Python literal if it parses as one, else the string."""
    try:
        return ast.literal_eval(value)
    except (ValueError, SyntaxError):
        return value


def declared_parameters(notebook: Path) -> set[str]:
    """Names assigned in the notebook's `parameters` cell."""
    for cell in nbformat.read(notebook, as_version=4).cells:
        if "parameters" in cell.metadata.get("tags", []):
            return {
                t.id
                for node in ast.parse(cell.source).body
                if isinstance(node, ast.Assign)
                for t in node.targets
                if isinstance(t, ast.Name)
            }
    return set()


def run(notebook: Path, parameters: dict, out_dir: Path = REPORTS) -> Path:
    """Execute one notebook into out_dir and export it as HTML; raise SystemExit naming the failing cell."""
    out = out_dir / notebook.name
    out_dir.mkdir(parents=True, exist_ok=True)
    declared = declared_parameters(notebook)
    parameters = {k: v for k, v in parameters.items() if k in declared}  # each notebook takes what it declares
    try:
        papermill.execute_notebook(
            notebook,
            out,
            parameters=parameters,
            kernel_name="python3",
            language="python",
            cwd=str(notebook.parent),
            progress_bar=True,
            report_mode=False,
        )
    except papermill.PapermillExecutionError as e:
        raise SystemExit(
            f"FAILED {notebook.name}, cell {e.exec_count}: {e.ename}: {e.evalue}\n"
            f"(executed copy with the traceback: {out})"
        ) from None
    body, _ = HTMLExporter().from_notebook_node(nbformat.read(out, as_version=4))
    write_text(out.with_suffix(".html"), body)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-p", "--parameter", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"))
    parser.add_argument("--only", default="", help="run only notebooks whose name starts with this")
    parser.add_argument("--out", default=str(REPORTS), help="folder for executed notebooks and HTML")
    args = parser.parse_args(argv)
    parameters = {name: literal(value) for name, value in args.parameter}
    chosen = notebooks(args.only)
    if not chosen:
        raise SystemExit(f"no notebook in {NOTEBOOKS} starts with {args.only!r}")
    for n, notebook in enumerate(chosen, 1):
        print(f"[{n}/{len(chosen)}] {notebook.name}", flush=True)
        run(notebook, parameters, Path(args.out))
    print(f"Done: {len(chosen)} notebooks executed into {args.out}/, figures in figures/ (index: figures/index.md)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
