"""How figures and tables name an issue: paper, date and page (`淮安日报 2024-04-10 A07`), else its file name."""

from __future__ import annotations

import pandas as pd


def issue_labels(pages: pd.DataFrame) -> dict[str, str]:
    """{issue: label} from the page table; a label two issues would share gets the issue id added."""
    labels = {}
    for row in pages.itertuples():
        date = f"{row.date:%Y-%m-%d}" if pd.notna(row.date) else ""
        parts = [getattr(row, "paper", ""), date, getattr(row, "page", "")]
        labels[row.issue] = " ".join(p for p in parts if p) if date else row.source or row.issue
    shared = pd.Series(labels).duplicated(keep=False)
    return {issue: f"{label}（{issue}）" if shared[issue] else label for issue, label in labels.items()}
