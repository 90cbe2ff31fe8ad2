"""The main job on a year of pages: cold, then rerun after one new issue, against the floor of starting the kernels.

    python benchmarks/bench_rerun.py              # 365 days of 新闻联播 transcripts, one page per day
    python benchmarks/bench_rerun.py --years 10   # a decade (the transcripts repeat, under new dates)
    python benchmarks/bench_rerun.py --days 30    # a quick look
    python benchmarks/bench_rerun.py --only 02    # only the notebooks whose name starts with 02

The project's tracked files are copied into a temporary folder (the venv is the one running this script) and
its data/raw/ replaced by the pages; the main job runs there with PYTHONPATH set to the copy, so its kernels
import the copy's code. The floor is starting a kernel and importing all of `analysis`, once per notebook executed,
measured in the same run. Prints one line per run (wall seconds, floor, ratio, peak memory of the whole process
tree), then `rerun_s=… floor_s=… ratio=… cold_s=… peak_mb=…`. Exits non-zero when a run fails or a goal is missed:
cold ≤ 180 s and peak ≤ 1 GB for a year (peak ≤ 4 GB for more), rerun ≤ 60 s and ≤ 2× its floor.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pandas as pd
import psutil
from jupyter_client.manager import start_new_kernel

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from transcripts import NEWS, news_items  # noqa: E402

from analysis.paths import ROOT  # noqa: E402

GOALS = {"cold_s": 180, "rerun_s": 60, "ratio": 2.0}


def project_copy(folder: Path) -> Path:
    """The project's tracked files (as in the working tree) copied into folder/project, without raw pages."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.split(b"\0")
    copy = folder / "project"
    for name in filter(None, (f.decode("utf-8") for f in files)):
        if (ROOT / name).is_file() and not name.startswith("data/raw/"):
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    (copy / "data" / "raw").mkdir(parents=True, exist_ok=True)
    return copy


def pages(days: int) -> list[str]:
    """One page per day of transcripts (headline, then paragraphs), cycled when more days are asked for; a cycled
    page ends with a short item of its own, so that it is a page of its own, not a copy loaded once."""
    files = sorted(NEWS.glob("*.md"))
    items = news_items(min(days, len(files)))
    texts = [
        "\n\n".join(block for row in day.itertuples() for block in [row.headline, *row.text.split("\n")])
        for _, day in items.groupby("issue", sort=True)
    ]
    return [
        texts[n % len(texts)]
        + ("" if n < len(texts) else f"\n\n本期第{n}期重播\n\n本期为第{n}期，重播第{n % len(texts)}期。")
        for n in range(days)
    ]


def write_page(raw: Path, day: int, text: str) -> None:
    date = pd.Timestamp("2015-01-01") + pd.Timedelta(days=day)
    (raw / f"xwlb_{date:%Y-%m-%d}.txt").write_text(text, encoding="utf-8")


def timed(command: list[str], env: dict, cwd: Path) -> tuple[float, float, str, int]:
    """Run a command: wall seconds, peak resident MB of its whole process tree, its output, its exit code."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak, done = [0.0], threading.Event()

    def sample():
        root = psutil.Process(process.pid)
        while not done.wait(0.2):
            try:
                tree = [root, *root.children(recursive=True)]
            except psutil.Error:
                continue
            total = 0
            for proc in tree:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    pass
            peak[0] = max(peak[0], total / 2**20)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output = process.communicate()[0]
    done.set()
    sampler.join()
    return time.perf_counter() - start, peak[0], output, process.returncode


def kernel_floor(env: dict, cwd: Path) -> float:
    """Seconds to start a kernel and import the copy's package in it — every public name, as the notebooks between
    them use all of it (the package itself imports its modules lazily) — then shut it down."""
    start = time.perf_counter()
    manager, client = start_new_kernel(kernel_name="python3", env=env, cwd=str(cwd))
    try:
        reply = client.execute_interactive(
            "import analysis\nfor name in analysis.__all__: getattr(analysis, name)", timeout=300
        )
        assert reply["content"]["status"] == "ok", reply["content"]
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    return time.perf_counter() - start


def report(label: str, seconds: float, floor: float, peak: float, output: str, code: int) -> bool:
    executed = re.search(r"(\d+) executed, (\d+) reused", output)
    counts = f"{executed.group(1)} executed, {executed.group(2)} reused" if executed else "?"
    print(
        f"{label:<8} wall_s={seconds:.1f} floor_s={floor:.1f} ratio={seconds / floor:.2f} "
        f"peak_mb={peak:.0f} ({counts})",
        flush=True,
    )
    notebooks = re.findall(r"\] (\S+)\.ipynb \.\.\.\n(?:.*\n)*?\s+([\d.]+) s, kernel peak (\d+) MB", output)
    if notebooks:
        print(
            "         " + ", ".join(f"{name[:2]} {seconds} s {peak} MB" for name, seconds, peak in notebooks),
            flush=True,
        )
    if code:
        failure = [line for line in output.splitlines() if line.startswith("FAILED")] or output.splitlines()[-5:]
        print(f"{label} run FAILED (exit {code}): " + " | ".join(failure), flush=True)
    return code == 0


def keep_reports(copy: Path, keep: str, label: str) -> None:
    """Copy the run's executed notebooks out of the temporary project (for a profile read later)."""
    if keep:
        shutil.copytree(copy / "reports", Path(keep) / label, dirs_exist_ok=True)


def cell_profile(reports: Path, top: int = 5) -> str:
    """The slowest cells of the last run, from papermill's per-cell durations in the executed notebooks."""
    cells = []
    for executed in sorted(reports.glob("[0-9][0-9]-*.ipynb")):
        notebook = json.loads(executed.read_text(encoding="utf-8"))
        for n, cell in enumerate(notebook["cells"]):
            duration = cell.get("metadata", {}).get("papermill", {}).get("duration")
            if duration:
                cells.append((duration, f"{executed.stem} cell {n}"))
    slowest = sorted(cells, reverse=True)[:top]
    return "slowest cells: " + ", ".join(f"{name} {seconds:.1f} s" for seconds, name in slowest)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--years", type=int, default=1)
    parser.add_argument("--days", type=int, default=0, help="pages to generate (default: 365 per year)")
    parser.add_argument("--only", default="", help="run only the notebooks whose name starts with this")
    parser.add_argument("--keep", default="", help="copy each run's executed notebooks into KEEP/cold, KEEP/rerun")
    args = parser.parse_args()
    days = args.days or 365 * args.years
    peak_goal = 1024 if days <= 366 else 4096
    texts = pages(days + 1)
    with tempfile.TemporaryDirectory(prefix="bench-rerun-") as tmp:
        copy = project_copy(Path(tmp))
        raw = copy / "data" / "raw"
        for day, text in enumerate(texts[:days]):
            write_page(raw, day, text)
        env = {**os.environ, "PYTHONPATH": str(copy)}
        for name in ("NEWSPAPER_FIGURES", "NEWSPAPER_REPORTS"):
            env.pop(name, None)
        command = [sys.executable, "scripts/run_notebooks.py", "--only", args.only]
        notebooks = len(list((copy / "notebooks").glob(f"{args.only}*.ipynb")))
        one_kernel = kernel_floor(env, copy)
        size = sum(p.stat().st_size for p in raw.iterdir()) / 1e6
        print(f"{days} pages ({size:.1f} MB) in {copy}; one kernel start + import analysis: {one_kernel:.1f} s")
        cold_s, cold_peak, output, code = timed(command, env, copy)
        ok = report("cold", cold_s, one_kernel * notebooks, cold_peak, output, code)
        keep_reports(copy, args.keep, "cold")
        write_page(raw, days, texts[days])
        rerun_s, rerun_peak, output, code = timed(command, env, copy)
        executed = re.search(r"(\d+) executed", output)
        floor = one_kernel * max(int(executed.group(1)) if executed else notebooks, 1)
        ok = report("rerun", rerun_s, floor, rerun_peak, output, code) and ok
        keep_reports(copy, args.keep, "rerun")
        print(cell_profile(copy / "reports"), flush=True)
    peak = max(cold_peak, rerun_peak)
    ratio = rerun_s / floor
    print(f"rerun_s={rerun_s:.1f} floor_s={floor:.1f} ratio={ratio:.2f} cold_s={cold_s:.1f} peak_mb={peak:.0f}")
    missed = [
        f"{name} {value:.1f} > {goal}"
        for name, value, goal in [
            ("cold_s", cold_s, GOALS["cold_s"] if days <= 366 else float("inf")),
            ("rerun_s", rerun_s, GOALS["rerun_s"]),
            ("ratio", ratio, GOALS["ratio"]),
            ("peak_mb", peak, peak_goal),
        ]
        if value > goal
    ]
    if missed or not ok:
        print("goals missed: " + ", ".join(missed or ["a run failed"]))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
