"""CPU seconds to save and show one figure, the way before (issue 16 item 3) against the way now, in one run.

    python benchmarks/bench_figures.py              # best of 3
    python benchmarks/bench_figures.py --repeat 5

Three figures of the main job's kinds, labelled with words of the sample page: bar charts of the top slogans
(plot_top_slogans), a 20 × 25 heatmap (plot_matrix) and a grid of six word clouds. Per figure and step: SVG
(the same bytes, the figure's digest; now its images are made only when drawn, not in savefig's layout pass),
PNG 300 dpi (before: RGBA at zlib level 6; now: analysis.png_canvas, RGB at level 1; images as for SVG), PDF
(before: the font cut from the whole CJK font; now: from its common copy; images as for SVG), show (before: the figure drawn again at 100 dpi for the
HTML output and once more for the inline PNG; now: the saved PNG scaled down), with file sizes. Then
`before_s=… now_s=… ratio=…` per figure on average, and PNG size and time per zlib level.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

import matplotlib as mpl
import pandas as pd
from IPython.core.pylabtools import print_figure
from matplotlib.backends import _backend_pdf_ps
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from analysis import figures, font_subset, fonts  # noqa: E402
from analysis.clouds import wordcloud_grid  # noqa: E402
from analysis.links import figure_html  # noqa: E402
from analysis.paths import RAW  # noqa: E402
from analysis.plots.slogans import plot_matrix, plot_top_slogans  # noqa: E402
from analysis.slogans import TYPE_LABELS  # noqa: E402

SAMPLE_PAGE = RAW / "000_643968e12915283d.txt"


def words(n: int, length: int = 4) -> list[str]:
    """n distinct runs of Chinese characters from the sample page."""
    runs = re.findall(rf"[\u4e00-\u9fff]{{{length}}}", SAMPLE_PAGE.read_text(encoding="utf-8"))
    return list(dict.fromkeys(runs))[:n]


def sample_figures(cache: Path) -> dict:
    """The three figures, made from sample words."""
    labels = words(60)
    summary = pd.DataFrame(
        [(kind, labels[i * 10 + j], 30 - j) for i, kind in enumerate(list(TYPE_LABELS)[:3]) for j in range(10)],
        columns=["type", "slogan", "uses"],
    )
    table = pd.DataFrame({"slogan": labels[:20], "type": "national", "total": 0})
    for j, label in enumerate(labels[20:45]):
        table[label] = [(i * 7 + j * 3) % 5 for i in range(20)]
    clouds = {f"第{i + 1}期": {w: 60 - k - i for k, w in enumerate(labels)} for i in range(6)}
    return {
        "bars": plot_top_slogans(summary),
        "heatmap": plot_matrix(table, title="提法 × 文章"),
        "clouds": wordcloud_grid(clouds, cache_dir=cache),
    }


def cpu(step, repeat: int) -> float:
    """Least CPU seconds of `repeat` calls of step()."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        step()
        best = min(best, time.process_time() - start)
    return best


def svg_before(fig) -> bytes:
    out = io.BytesIO()
    with mpl.rc_context({"svg.hashsalt": "newspaper-analysis"}), figures._images_at_native_resolution(fig):
        fig.savefig(out, format="svg", dpi=figures.PNG_DPI, bbox_inches="tight", metadata={"Date": None})
    return out.getvalue()


def png_before(fig) -> bytes:
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=figures.PNG_DPI, bbox_inches="tight")
    return out.getvalue()


def pdf_before(fig) -> bytes:
    out = io.BytesIO()
    with mock.patch.object(_backend_pdf_ps, "get_glyphs_subset", font_subset.matplotlib_subset):
        with figures._images_at_native_resolution(fig):
            fig.savefig(out, format="pdf", dpi=figures.PNG_DPI, bbox_inches="tight")
    return out.getvalue()


def show_before(fig) -> int:
    """What the notebook did to show a saved figure: the HTML image at 100 dpi and the inline PNG; bytes shown."""
    html = io.BytesIO()
    fig.savefig(html, format="png", dpi=100, bbox_inches="tight")
    return len(html.getvalue()) + len(print_figure(fig, "png", bbox_inches="tight"))


def measure(name: str, fig, folder: Path, repeat: int) -> tuple[float, float]:
    """Print each step's CPU seconds and sizes before and now; return the totals (before, now)."""
    paths = {fmt: folder / f"{name}.{fmt}" for fmt in figures.FORMATS}
    svg_before(fig)  # a figure's first drawing can differ from the next ones (constrained layout settles)
    assert figures._svg_bytes(fig) == svg_before(fig), "the SVG (the figure's digest) changed"
    steps = {
        "svg": (cpu(lambda: svg_before(fig), repeat), cpu(lambda: figures._svg_bytes(fig), repeat), 0, 0),
        "png": (
            cpu(lambda: png_before(fig), repeat),
            cpu(lambda: figures._write_png(fig, paths["png"]), repeat),
            len(png_before(fig)),
            paths["png"].stat().st_size,
        ),
        "pdf": (
            cpu(lambda: pdf_before(fig), repeat),
            cpu(lambda: figures._write_pdf(fig, paths["pdf"]), repeat),
            len(pdf_before(fig)),
            paths["pdf"].stat().st_size,
        ),
    }
    fig.saved_files = paths
    steps["show"] = (
        cpu(lambda: show_before(fig), repeat),
        cpu(lambda: figure_html(fig), repeat),
        show_before(fig),
        len(figure_html(fig)),
    )
    for step, (before, now, size_before, size_now) in steps.items():
        sizes = f"  {size_before / 1e3:7.0f} KB -> {size_now / 1e3:5.0f} KB" if size_now else ""
        print(f"{name:8} {step:5} {before:6.2f} s -> {now:5.2f} s  ×{before / now:4.1f}{sizes}")
    before, now = (sum(step[i] for step in steps.values()) for i in (0, 1))
    print(f"{name:8} all   {before:6.2f} s -> {now:5.2f} s  ×{before / now:4.1f}")
    return before, now


def png_levels(fig, repeat: int) -> None:
    """Size and encoding time of the figure's 300 dpi PNG (RGB) for each zlib level."""
    image = Image.open(io.BytesIO(png_before(fig))).convert("RGB")
    for level in range(1, 7):
        out = io.BytesIO()
        seconds = cpu(
            lambda: (out.seek(0), out.truncate(), image.save(out, format="png", compress_level=level)), repeat
        )
        print(f"  zlib level {level}: encode {seconds:.3f} s, {len(out.getvalue()) / 1e3:.0f} KB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="calls per step; the least CPU time counts")
    args = parser.parse_args()
    fonts.configure_matplotlib()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        start = time.process_time()
        font_subset.common_font(str(fonts.configure_matplotlib()))
        print(f"common copy of the CJK font: {time.process_time() - start:.2f} s (cut once, then read)")
        totals = [measure(name, fig, folder, args.repeat) for name, fig in sample_figures(folder / "cache").items()]
        before, now = (sum(t[i] for t in totals) / len(totals) for i in (0, 1))
        print(f"before_s={before:.2f} now_s={now:.2f} ratio={before / now:.2f}")
        for name, fig in sample_figures(folder / "cache").items():
            print(f"{name}: PNG by zlib level")
            png_levels(fig, args.repeat)


if __name__ == "__main__":
    main()
