"""Save report-ready figures (PNG 300 dpi, SVG, PDF) and keep a browsable index of them."""

from __future__ import annotations

import functools
import hashlib
import io
import json
import os
import re
import unicodedata
from contextlib import ExitStack, contextmanager
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

import pandas as pd

from analysis.atomic import atomic_path, write_csv, write_text
from analysis.markup import escape
from analysis.paths import FIGURES

DEFAULT_FOLDER = FIGURES  # where save_figure writes unless told; a notebook sets it from its FIGURES_DIR (setup)
FORMATS = ("png", "svg", "pdf")
PNG_DPI = 300
PNG_BACKEND = "module://analysis.png_canvas"  # Agg's pixels, RGB at zlib level 1: about 2x faster to encode
INDEX_COLUMNS = ["name", "caption", "notebook", "source", "formats", "updated", "digest", "run"]
# digest: SHA-1 of the SVG; run: the id of the main-job run that saved it (blank when saved interactively)
RUN_ID = "NEWSPAPER_RUN_ID"  # set by scripts/run_notebooks.py for its kernels
RUN_STATUS = "run.json"  # the last main-job run's id and status, written by scripts/run_notebooks.py
# ext4 allows 255 bytes per name; keep room for the extension and atomic_path's temporary name.
MAX_NAME_BYTES = 150
# Characters Windows forbids in file names (path separators among them) and whitespace.
UNSAFE = re.compile(r'[<>:"/\\|?*\s]+')
WINDOWS_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    "CONIN$",
    "CONOUT$",
    *(f"{device}{i}" for device in ("COM", "LPT") for i in range(10)),
}


def safe_name(text: str) -> str:
    """A file stem made from any text (a headline, a topic label) that is safe on Linux, macOS and Windows.

    Chinese stays; separators, `..`, reserved names, control and format characters go; names longer than
    MAX_NAME_BYTES (UTF-8) are cut and given a short hash so two long headlines stay distinct.
    """
    text_nfkc = unicodedata.normalize("NFKC", text)
    visible = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text_nfkc)
    stem = UNSAFE.sub("_", visible).strip("._ ")
    if len(stem.encode("utf-8")) > MAX_NAME_BYTES:
        cut = stem.encode("utf-8")[:MAX_NAME_BYTES].decode("utf-8", errors="ignore")
        stem = cut.rstrip("._ ") + "-" + _short_hash(text)
    if not stem:
        return "figure-" + _short_hash(text)
    if stem.split(".")[0].upper() in WINDOWS_RESERVED:
        stem = "_" + stem
    return stem


def _short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def save_figure(
    fig, name: str, caption: str = "", notebook: str = "", source: str = "", folder: str | Path | None = None
) -> dict[str, Path]:
    """Write `fig` as PNG (300 dpi), SVG and PDF into `folder` (default figures/) and index it.

    The SVG is rendered first (cheap: text stays text, images keep their own pixels); when it is byte for byte
    the one the index recorded for this name and all three files are there, nothing is rewritten (the figure's
    data and code did not change what it shows) and only the index row is refreshed. Otherwise all three files are replaced together or not at all.
    Returns {format: path}.
    """
    folder = Path(folder or DEFAULT_FOLDER)
    stem = safe_name(name)
    paths = {fmt: folder / f"{stem}.{fmt}" for fmt in FORMATS}
    svg = _svg_bytes(fig)
    digest = hashlib.sha1(svg).hexdigest()
    index = read_index(folder)
    previous = index[(index["name"] == stem) & (index["digest"] == digest)]
    unchanged = not previous.empty and all(path.is_file() for path in paths.values())
    if not unchanged:
        with ExitStack() as stack:
            tmp = {fmt: stack.enter_context(atomic_path(path)) for fmt, path in paths.items()}
            tmp["svg"].write_bytes(svg)
            _write_png(fig, tmp["png"])
            _write_pdf(fig, tmp["pdf"])
    fig.saved_files = paths  # a notebook shows links to them (analysis.links)
    _update_index(
        folder,
        index,
        {
            "name": stem,
            "caption": caption,
            "notebook": notebook,
            "source": source,
            "formats": ";".join(FORMATS),
            "updated": previous["updated"].iloc[0] if unchanged else datetime.now().isoformat(timespec="seconds"),
            "digest": digest,
            "run": os.environ.get(RUN_ID, ""),
        },
    )
    return paths


def _svg_bytes(fig) -> bytes:
    """The figure as SVG, the same bytes for the same figure: no date, ids salted by a constant, images at their
    own pixels."""
    import matplotlib as mpl

    svg = io.BytesIO()
    salt = mpl.rc_context({"svg.hashsalt": "newspaper-analysis"})
    with salt, _images_at_native_resolution(fig), _images_made_only_when_drawn(fig):
        fig.savefig(svg, format="svg", dpi=PNG_DPI, bbox_inches="tight", metadata={"Date": None})
    return svg.getvalue()


def _write_png(fig, path: Path) -> None:
    with _images_made_only_when_drawn(fig):
        fig.savefig(path, format="png", dpi=PNG_DPI, bbox_inches="tight", backend=PNG_BACKEND)


def _write_pdf(fig, path: Path) -> None:
    """The PDF, its images at their own pixels and its CJK glyphs cut from the font's common copy (configure_matplotlib)."""
    with _images_at_native_resolution(fig), _images_made_only_when_drawn(fig):
        fig.savefig(path, format="pdf", dpi=PNG_DPI, bbox_inches="tight")


def _images(fig) -> list:
    """Every image (a word cloud, a heatmap drawn as an image) on the figure's axes."""
    return [image for ax in fig.axes for image in ax.get_images()]


@contextmanager
def _images_at_native_resolution(fig):
    """SVG and PDF embed each image (a word cloud, a heatmap) as its own pixels, not resampled to 300 dpi:
    smaller files, saved several times faster; the viewer scales them."""
    images = _images(fig)
    before = [image.get_interpolation() for image in images]
    for image in images:
        image.set_interpolation("none")
    try:
        yield
    finally:
        for image, interpolation in zip(images, before):
            image.set_interpolation(interpolation)


@contextmanager
def _images_made_only_when_drawn(fig):
    """savefig lays a figure out by drawing it with the renderer switched off, which still makes every image (for
    a 300 dpi heatmap or word cloud, much of the cost of a save); here an image is made only when it is drawn."""
    images = _images(fig)
    for image in images:
        image.make_image = functools.partial(_make_image_when_drawn, image.make_image)
    try:
        yield
    finally:
        for image in images:
            del image.make_image


def _make_image_when_drawn(make_image, renderer, *args, **kwargs):
    from matplotlib.backend_bases import RendererBase

    if getattr(renderer.draw_image, "__wrapped__", None) is RendererBase.draw_image:  # switched off: no image
        return None, 0, 0, None
    return make_image(renderer, *args, **kwargs)


def read_index(folder: str | Path | None = None) -> pd.DataFrame:
    """The figure index (figures/index.csv) as a DataFrame; empty if there is none yet."""
    path = Path(folder or DEFAULT_FOLDER) / "index.csv"
    if not path.is_file():
        return pd.DataFrame(columns=INDEX_COLUMNS)
    index = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    return index.reindex(columns=INDEX_COLUMNS, fill_value="")  # an index written before `digest` existed


def _update_index(folder: Path, index: pd.DataFrame, row: dict[str, str]) -> None:
    """Upsert `row` by name into the index, drop figures whose PNG is gone, rewrite index.csv and index.md."""
    index = pd.concat([index[index["name"] != row["name"]], pd.DataFrame([row])], ignore_index=True)
    index = index[[(folder / f"{n}.png").is_file() for n in index["name"]]]
    index = index.sort_values("name", ignore_index=True)[INDEX_COLUMNS]
    write_csv(index, folder / "index.csv")
    write_text(folder / "index.md", _index_markdown(index, _last_run(folder)))


def remove_stale(prefix: str, run_id: str, folder: str | Path | None = None) -> list[str]:
    """Delete the figures named `prefix…` that run `run_id` did not save (a notebook that no longer draws
    them, or drew them for another corpus) with their index rows; return their names."""
    folder = Path(folder or DEFAULT_FOLDER)
    index = read_index(folder)
    stale = index["name"].str.startswith(prefix) & (index["run"] != run_id)
    for name in index.loc[stale, "name"]:
        for fmt in FORMATS:
            (folder / f"{name}.{fmt}").unlink(missing_ok=True)
    if stale.any():
        write_csv(index[~stale], folder / "index.csv")
    return list(index.loc[stale, "name"])


def write_index_markdown(folder: str | Path | None = None) -> None:
    """Rewrite index.md from index.csv and the last run's status (the runner calls it when a run ends)."""
    folder = Path(folder or FIGURES)
    write_text(folder / "index.md", _index_markdown(read_index(folder), _last_run(folder)))


def _last_run(folder: Path) -> dict:
    path = folder / RUN_STATUS
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def _index_markdown(index: pd.DataFrame, last_run: dict) -> str:
    """A Markdown page with a thumbnail, caption and provenance for every figure, and the last run's status."""
    lines = [
        "# Figures",
        "",
        "Click a thumbnail for the 300 dpi PNG; SVG and PDF sit beside it. Generated by `analysis.save_figure`.",
        "",
    ]
    if last_run:
        lines += [
            f"Last run of the main job: {escape(last_run.get('id', ''))}, **{escape(last_run.get('status', ''))}**"
            f"{' — ' + escape(last_run['problem']) if last_run.get('problem') else ''}. "
            "A figure whose Run is another id comes from an earlier run.",
            "",
        ]
    lines += [
        "| Figure | Caption | Files | Notebook | Source data | Updated | Run |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in index.itertuples():
        link = quote(row.name)
        thumb = f'<a href="{link}.png"><img src="{link}.png" width="240" alt="{escape(row.name)}"></a>'
        files = " ".join(f"[{fmt}]({link}.{fmt})" for fmt in row.formats.split(";"))
        cells = [
            thumb,
            escape(row.caption) or escape(row.name),
            files,
            escape(row.notebook),
            escape(row.source),
            row.updated,
            escape(row.run),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
