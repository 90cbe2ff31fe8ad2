"""National echo: whether, since when and how often a term appears in national reports.

The reference texts ship in data/reference/ (see PROVENANCE.md there): the State Council's
government work reports 1954-2025 and the CPC National Congress reports. Each text is cleaned
on load: Wikisource's link line breaks joined, its licence footer and footnotes cut, and
Traditional characters (1954, part of 1957) converted to Simplified, so counts compare across years.
"""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache

import numpy as np
import opencc
import pandas as pd

from analysis.paths import REFERENCE

GOV_REPORTS = REFERENCE / "government_work_reports.jsonl"
CONGRESS_REPORTS = REFERENCE / "cpc_congress_reports.jsonl"
CONGRESS_YEARS = {
    1: 1921,
    2: 1922,
    3: 1923,
    4: 1925,
    5: 1927,
    6: 1928,
    7: 1945,
    8: 1956,
    9: 1969,
    10: 1973,
    11: 1977,
    12: 1982,
    13: 1987,
    14: 1992,
    15: 1997,
    16: 2002,
    17: 2007,
    18: 2012,
    19: 2017,
    20: 2022,
}
PER_CHARS = 10_000
FOOTER = re.compile(r"\n{4,}\s*(?:本作品|这部作品|這部作品|↑)")
LINK_BREAK = re.compile(r"(?<!\n)\n(?!\n)")  # Wikisource puts each link on a line of its own
PARAGRAPH_BREAK = re.compile(r"\s*\n\s*")
REPORT_COLUMNS = ["year", "title", "kind", "chars", "text", "url"]


def load_gov_reports(resolutions: bool = False) -> pd.DataFrame:
    """The 52 government work reports: year, title, kind ("report"), chars, text, url; oldest first.

    With `resolutions`, also the 20 NPC resolutions approving a report (kind "resolution";
    their year is <NA> in the source).
    """
    return _gov_reports(*_stat_key(GOV_REPORTS), resolutions).copy()


def _stat_key(path: str | os.PathLike) -> tuple[str, int, int]:
    stat = os.stat(path)
    return os.fspath(path), stat.st_mtime_ns, stat.st_size


@lru_cache(maxsize=2)
def _gov_reports(path: str, mtime_ns: int, size: int, resolutions: bool) -> pd.DataFrame:
    """Read and clean once per process while the file is unchanged (cleaning takes seconds)."""
    reports = pd.DataFrame(_read_jsonl(path))
    reports["year"] = pd.to_numeric(reports.year).astype("Int64")  # "2025" in the source
    reports["kind"] = np.where(reports.year.isna(), "resolution", "report")
    if not resolutions:
        reports = reports[reports.kind == "report"]
    return _cleaned(reports)


def report_articles(reports: pd.DataFrame) -> pd.DataFrame:
    """Reports as an article table for `analysis.dtm.document_units`: one article per report, its year
    as article_id and issue, 1 January of that year as date, its title as headline."""
    year = reports["year"].astype(int).astype(str)
    return pd.DataFrame(
        {
            "article_id": year,
            "issue": year,
            "date": pd.to_datetime(year, format="%Y"),
            "headline": reports["title"],
            "text": reports["text"],
        }
    ).reset_index(drop=True)


def load_congress_reports() -> pd.DataFrame:
    """CPC National Congress reports: year (of the congress), congress, title, kind, chars, text, url.

    Mostly the 9th-20th congresses; the 七大 entry in the source is a 76-character stub.
    """
    reports = pd.DataFrame(_read_jsonl(CONGRESS_REPORTS))
    reports["year"] = reports.congress.map(CONGRESS_YEARS).astype("Int64")
    reports["kind"] = "congress"
    return _cleaned(reports, extra=["congress"])


MISSING_REPORTS = (1989, 1990, 1991, 1996, 2020)  # years a report was delivered and published, absent from the file


def missing_report_years(reports: pd.DataFrame | None = None) -> list[int]:
    """Years that had a government work report which the shipped file lacks (see PROVENANCE.md)."""
    reports = load_gov_reports() if reports is None else reports
    return sorted(set(MISSING_REPORTS) - set(reports["year"].dropna().astype(int)))


def echo_by_year(terms: list[str], reports: pd.DataFrame | None = None) -> pd.DataFrame:
    """Uses of each term per report year: term, year, uses, chars, per_10k (uses per 10,000 characters).

    Every year that has a report is listed, zeros included; several reports in one year add up.
    `reports` defaults to load_gov_reports().
    """
    reports = load_gov_reports() if reports is None else reports
    reports = reports.dropna(subset=["year"])
    rows = [
        (term, year, text.count(term), len(text)) for term in terms for year, text in zip(reports.year, reports.text)
    ]
    table = (
        pd.DataFrame(rows, columns=["term", "year", "uses", "chars"])
        .groupby(["term", "year"], sort=False)
        .sum()
        .reset_index()
    )
    table["per_10k"] = table.uses / table.chars * PER_CHARS
    return table.sort_values(["term", "year"], key=_in_order(terms), ignore_index=True)


def national_echo(terms: list[str], reports: pd.DataFrame | None = None) -> pd.DataFrame:
    """For each term: found, first_year, last_year, report_years (years using it), uses, per_10k overall,
    and latest_per_10k (rate in the most recent report year). `reports` defaults to load_gov_reports()."""
    by_year = echo_by_year(terms, reports)
    latest = by_year.year.max()
    rows = []
    for term, years in by_year.groupby("term", sort=False):
        used = years[years.uses > 0]
        rows.append(
            {
                "term": term,
                "found": not used.empty,
                "first_year": used.year.min() if not used.empty else pd.NA,
                "last_year": used.year.max() if not used.empty else pd.NA,
                "report_years": len(used),
                "uses": years.uses.sum(),
                "per_10k": years.uses.sum() / years.chars.sum() * PER_CHARS,
                "latest_per_10k": years.per_10k[years.year == latest].sum(),
            }
        )
    return pd.DataFrame(rows).astype({"first_year": "Int64", "last_year": "Int64"})


def _read_jsonl(path: str | os.PathLike) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _cleaned(reports: pd.DataFrame, extra: list[str] = ()) -> pd.DataFrame:
    """Reports with clean Simplified text and its length, oldest first; `extra` columns kept after year."""
    convert = opencc.OpenCC("t2s").convert
    text = reports.content.map(lambda t: convert(_clean(t)))
    reports = reports.assign(title=reports.title.map(convert), text=text, chars=text.str.len())
    columns = [REPORT_COLUMNS[0], *extra, *REPORT_COLUMNS[1:]]
    return reports.sort_values("year", kind="stable", ignore_index=True)[columns]


def _clean(text: str) -> str:
    """Text without the licence footer, link line breaks joined, one paragraph per line."""
    footer = FOOTER.search(text)
    body = text[: footer.start()] if footer else text
    return PARAGRAPH_BREAK.sub("\n", LINK_BREAK.sub("", body)).strip()


def _in_order(terms: list[str]):
    """Sort key: terms in the caller's order, other columns as they are."""
    rank = {term: i for i, term in enumerate(terms)}
    return lambda column: column.map(rank) if column.name == "term" else column
