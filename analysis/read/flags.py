"""What the reader repaired or doubts, as records: a kind (a short stable code), the raw line, a detail.

Article flags sit in the article table's `flags` column, page notes (how the file was decoded,
jump markers removed, a date read from the header) in the page table's `notes` column, each as a
list of {kind, line, detail} records. `str(flag)` is the readable sentence shown to a person.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import pandas as pd

SENTENCES = {
    # article flags
    "column_break": "column break joined{at_line}",
    "continuation": "continuation reattached from line {line} ({detail})",
    "headline_after_body": "headline printed after its body{in_parens}",
    "beginning_lost": "beginning lost: {detail}{in_parens}",
    "ends_mid_sentence": "ends mid-sentence: continuation not found on this page",
    "reordered": "reordered: the open paragraph{in_parens} continues in the opening fragment (line {detail})",
    "no_byline": "no byline",
    "no_headline": "headline not found",
    "byline_without_headline": "no headline above the byline{in_parens}",
    "dateline_without_headline": "no headline: the item opens with its dateline{in_parens}",
    "fragment": "fragment without headline or byline{in_parens}",
    "doubtful": "doubtful item: {detail}",
    "headline_without_byline": "headline without byline{in_parens}: {detail}",
    "subhead_like_others": "subhead{in_parens} shaped like the feature's “{detail}”",
    "list_item": "an item of the list under its column head{in_parens}",
    "verse": "line of verse kept as printed{at_line}",
    # page notes
    "decoded": "decoded from {detail}",
    "bad_bytes": "undecodable bytes replaced by \ufffd: {detail}",
    "crlf": "CRLF line ends",
    "traditional_converted": "traditional characters converted to simplified",
    "jump_marker": "jump marker removed{at_line}: {detail}",
    "date_from_header": "date {detail} read from the page header",
}
FLAG_COLUMNS = ["article_id", "issue", "kind", "line", "detail", "text"]


@dataclass(frozen=True)
class Flag:
    """One repair or doubt: its kind (a key of SENTENCES), the raw line it concerns (or None), a detail."""

    kind: str
    line: int | None = None
    detail: str = ""

    def __post_init__(self):
        if self.kind not in SENTENCES:
            raise ValueError(f"unknown flag kind {self.kind!r}")

    def __str__(self) -> str:
        at = self.line is not None
        return SENTENCES[self.kind].format(
            line=self.line,
            detail=self.detail,
            at_line=f" at line {self.line}" if at else "",
            in_parens=f" (line {self.line})" if at else "",
        )

    def record(self) -> dict:
        """The flag as a plain record, as the tables (and parquet) store it."""
        return asdict(self)


def flag_text(record) -> str:
    """The readable sentence of a stored flag record."""
    line = record["line"]
    return str(Flag(record["kind"], None if pd.isna(line) else int(line), record["detail"]))


def flag_texts(records) -> list[str]:
    """The readable sentences of a list of stored flag records."""
    return [flag_text(r) for r in records]


def flag_table(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per flag of the article table: article_id, issue, kind, line, detail and its text."""
    rows = [
        {"article_id": aid, "issue": issue, **r, "text": flag_text(r)}
        for aid, issue, flags in zip(articles["article_id"], articles["issue"], articles["flags"])
        for r in flags
    ]
    table = pd.DataFrame(rows, columns=FLAG_COLUMNS)
    table["line"] = table["line"].astype("Int64")
    return table


def repairs_by_kind(articles: pd.DataFrame) -> pd.DataFrame:
    """How many flags of each kind each issue got: kinds as rows, issues as columns."""
    flags = flag_table(articles)
    return flags.pivot_table(index="kind", columns="issue", values="article_id", aggfunc="count", fill_value=0)


QUALITY_COLUMNS = ["issue", "items", "doubtful", "why"]


def page_quality(articles: pd.DataFrame) -> pd.DataFrame:
    """Per page: how many items it read into, how many are doubtful, and why (reasons with counts)."""
    rows = []
    for issue, page in articles.groupby("issue", sort=False):
        reasons = pd.Series([r["detail"] for flags in page["flags"] for r in flags if r["kind"] == "doubtful"])
        why = "; ".join(f"{reason} ×{n}" for reason, n in reasons.value_counts().items())
        doubtful = sum(any(r["kind"] == "doubtful" for r in flags) for flags in page["flags"])
        rows.append({"issue": issue, "items": len(page), "doubtful": doubtful, "why": why})
    return pd.DataFrame(rows, columns=QUALITY_COLUMNS)
