"""Links from a notebook's output to the files it wrote: a saved figure's PNG/SVG/PDF, tables as CSV for Excel.

Links are relative to notebooks/, so JupyterLab opens (or, on right click, downloads) the file.
"""

from __future__ import annotations

import base64
import io
import os
from pathlib import Path

from IPython.display import HTML
from matplotlib.figure import Figure
from PIL import Image

from .markup import escape
from .paths import NOTEBOOKS

INLINE_SCALE = 3  # the figure shown in the notebook: its saved 300 dpi PNG at 100 dpi


def file_link(path: str | os.PathLike, text: str = "") -> str:
    """An HTML link to `path`, relative to notebooks/."""
    href = Path(os.path.relpath(Path(path).resolve(), NOTEBOOKS.resolve())).as_posix()
    return f'<a href="{escape(href, markdown=False)}" target="_blank">{escape(text or Path(path).name, markdown=False)}</a>'


def figure_html(fig: Figure) -> str | None:
    """A figure saved with save_figure as an inline image (its PNG file scaled down, not drawn again) and links
    to its files; None for any other figure, or if its PNG is gone."""
    if not _saved(fig):
        return None
    image = base64.b64encode(preview_png(fig.saved_files["png"])).decode("ascii")
    links = " · ".join(file_link(path, fmt.upper()) for fmt, path in fig.saved_files.items())
    return f'<img src="data:image/png;base64,{image}" style="max-width:100%"><div>文件 files: {links}</div>'


def preview_png(path: str | os.PathLike, scale: int = INLINE_SCALE) -> bytes:
    """A PNG image `scale` times smaller than the one at `path` (each pixel the mean of scale × scale)."""
    with Image.open(path) as image:
        small = image.reduce(scale)
    png = io.BytesIO()
    small.save(png, format="png", compress_level=1)
    return png.getvalue()


def _saved(fig: Figure) -> bool:
    paths = getattr(fig, "saved_files", None)
    return bool(paths) and Path(paths["png"]).is_file()


def show_figure_links() -> None:
    """In IPython: figures saved with save_figure display as their PNG file with links to their files, and
    are not drawn again for the inline image (see setup())."""
    formatters = get_ipython().display_formatter.formatters  # noqa: F821 (defined inside IPython)
    formatters["text/html"].for_type(Figure, figure_html)
    drawn = formatters["image/png"].for_type(Figure, None)
    if drawn is not None:
        formatters["image/png"].for_type(Figure, lambda fig: None if _saved(fig) else drawn(fig))


def links(*paths: str | os.PathLike) -> HTML:
    """Links to files the notebook wrote (CSV opens in Excel with Chinese intact), one per line."""
    return HTML("<br>".join(file_link(path) for path in paths))
