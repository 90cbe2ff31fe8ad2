"""Page headers and folio lines: `淮安日报 2024年4月11日 星期四 第A3版 清江浦新闻`.

A header or folio is a short line among the first or last lines of the raw text that prints a date
or a page number (第A07版), optionally with the paper's name (ending in 报) before it, the weekday and
the section (版名) after it. It is read for the page table (paper, date, page, section) and taken
out of the text before the page is split into articles, so it never becomes a headline or kicker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

EDGE = 3  # non-blank lines looked at at the top and the bottom of the page
HEADER_RE = re.compile(
    r"^(?P<paper>\S{2,12}报)?\s*"
    r"(?:(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日)?\s*"
    r"(?:星期[一二三四五六日天])?\s*"
    r"(?:第\s*(?P<page>[A-Z]?\d{1,3})\s*版)?\s*"
    r"(?P<section>\S{2,10})?$"
)


@dataclass
class Header:
    """What the page's header and folio lines say, and the raw line numbers (1-based) they are on."""

    paper: str = ""
    date: str | None = None
    page: str = ""
    section: str = ""
    lines: dict[int, str] = field(default_factory=dict)


def _header_line(line: str) -> re.Match | None:
    m = HEADER_RE.match(line.strip())
    if not m or not (m["y"] or m["page"]):
        return None
    return m if m["page"] or m["paper"] or not m["section"] else None  # not a line opening with a date


def read_header(text: str) -> Header:
    """The header and folio lines among the first and last EDGE non-blank lines of the text."""
    numbered = [(i, line) for i, line in enumerate(text.splitlines(), start=1) if line.strip()]
    edges = dict(numbered[:EDGE] + numbered[-EDGE:])
    header = Header()
    for number, line in sorted(edges.items()):
        m = _header_line(line)
        if not m:
            continue
        header.lines[number] = line
        header.paper = header.paper or m["paper"] or ""
        header.page = header.page or m["page"] or ""
        header.section = header.section or (m["section"] or "" if m["page"] else "")
        if m["y"] and header.date is None:
            header.date = f"{int(m['y']):04d}-{int(m['m']):02d}-{int(m['d']):02d}"
    return header


def without_header(text: str, header: Header) -> str:
    """The text with its header and folio lines blanked (line numbers kept)."""
    return "\n".join("" if i in header.lines else line for i, line in enumerate(text.splitlines(), start=1))


def header_records(header: Header) -> list[dict]:
    """The header lines as dropped-block records (kind furniture)."""
    return [
        {"line": n, "kind": "furniture", "text": line, "reason": "page header or folio (paper, date, page)"}
        for n, line in header.lines.items()
    ]
