"""One call at the top of every notebook: project root as working folder, CJK fonts, display options."""

from __future__ import annotations

import os

from .paths import ROOT


def setup(figures_dir: str | os.PathLike | None = None) -> None:
    """chdir to the project root, figures saved into `figures_dir` (the notebook's FIGURES_DIR, relative to the
    project root), CJK font for matplotlib, inline figures with links to their files, no output history kept and freed memory returned after each cell, wider pandas display."""
    import pandas as pd

    from . import figures
    from .fonts import configure_matplotlib
    from .links import show_figure_links
    from .memory import forget_old_outputs, trim_after_each_cell

    os.chdir(ROOT)
    if figures_dir is not None:
        figures.DEFAULT_FOLDER = (ROOT / figures_dir).resolve()
    configure_matplotlib()
    try:
        get_ipython().run_line_magic("matplotlib", "inline")  # noqa: F821 (defined inside IPython)
        show_figure_links()
        trim_after_each_cell(get_ipython())  # noqa: F821
        forget_old_outputs(get_ipython())  # noqa: F821
    except NameError:
        pass  # plain Python: figures are still saved, just not shown
    pd.set_option("display.max_colwidth", 60)
    pd.set_option("display.width", 160)
