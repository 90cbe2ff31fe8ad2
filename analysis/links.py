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

from .markup import escape
from .paths import NOTEBOOKS

INLINE_DPI = 100  # the figure shown in the notebook; the files keep 300 dpi


def file_link(path: str | os.PathLike, text: str = "") -> str:
    """An HTML link to `path`, relative to notebooks/."""
    href = Path(os.path.relpath(Path(path).resolve(), NOTEBOOKS.resolve())).as_posix()
    return f'<a href="{escape(href, markdown=False)}" target="_blank">{escape(text or Path(path).name, markdown=False)}</a>'


def figure_html(fig: Figure) -> str | None:
    """A figure saved with save_figure as an inline image and links to its files; None for any other figure."""
    paths = getattr(fig, "saved_files", None)
    if not paths:
        return None
    png = io.BytesIO()
    fig.savefig(png, format="png", dpi=INLINE_DPI, bbox_inches="tight")
    image = base64.b64encode(png.getvalue()).decode("ascii")
    links = " · ".join(file_link(path, fmt.upper()) for fmt, path in paths.items())
    return f'<img src="data:image/png;base64,{image}" style="max-width:100%"><div>文件 files: {links}</div>'


def show_figure_links() -> None:
    """In IPython: figures saved with save_figure display with links to their files (see setup())."""
    formatter = get_ipython().display_formatter.formatters["text/html"]  # noqa: F821 (defined inside IPython)
    formatter.for_type(Figure, figure_html)


def links(*paths: str | os.PathLike) -> HTML:
    """Links to files the notebook wrote (CSV opens in Excel with Chinese intact), one per line."""
    return HTML("<br>".join(file_link(path) for path in paths))
