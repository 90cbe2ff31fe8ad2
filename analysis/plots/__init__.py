"""Figures, one module per stage: each function builds and returns a `matplotlib.figure.Figure` (never pyplot).

Fonts are configured once, by `analysis.fonts.configure_matplotlib` (called by `analysis.notebook.setup`).
"""
