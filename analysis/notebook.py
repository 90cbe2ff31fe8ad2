"""One call at the top of every notebook: project root as working folder, CJK fonts, display options."""

from __future__ import annotations

import os

from .paths import ROOT


def setup() -> None:
    """chdir to the project root, CJK font for matplotlib, inline figures with links to their files, wider pandas display."""
    import pandas as pd

    from .fonts import configure_matplotlib
    from .links import show_figure_links

    os.chdir(ROOT)
    configure_matplotlib()
    try:
        get_ipython().run_line_magic("matplotlib", "inline")  # noqa: F821 (defined inside IPython)
        show_figure_links()
    except NameError:
        pass  # plain Python: figures are still saved, just not shown
    pd.set_option("display.max_colwidth", 60)
    pd.set_option("display.width", 160)
