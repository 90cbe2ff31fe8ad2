"""Who a raw page file is: its issue id and date, from the file name or the folder's manifest.

File naming convention: an issue is one file; its identity is the file name without extension;
its date is the first date in the name, written 2024-04-15, 2024_04_15, 2024.04.15 or 20240415
(e.g. `huaian-daily_2024-04-15_A3.txt`). A file without a date has an empty date (the page
reader may still find one in the page header). A `manifest.csv` in the raw folder (columns
file, issue, date) overrides both for the files it names.

The manifest is checked row by row: a row that cannot be used (a date that is not a real or not an
unambiguous date, an issue id given to another file, a wrong number of fields) is reported with the
file, the row and the fix, and that file keeps the identity from its name; the other rows still apply.
Dates are read as 2024-04-05, 2024/4/5, 2024.04.05, 20240405 or 2024年4月5日; a date with the year
last (05/04/2024) or without a year (4/5) is refused, never guessed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .textio import RawFileError, decode

DATE_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")
MANIFEST = "manifest.csv"
MANIFEST_COLUMNS = ("file", "issue", "date")
YEAR_FIRST = re.compile(r"((?:19|20)\d\d)\s*[-/._年]\s*(\d{1,2})\s*[-/._月]\s*(\d{1,2})\s*日?")
COMPACT = re.compile(r"((?:19|20)\d\d)(\d\d)(\d\d)")


def date_from_name(name: str) -> str | None:
    """The first date in a file name, as YYYY-MM-DD, or None."""
    m = DATE_IN_NAME.search(name)
    return f"{m[1]}-{m[2]}-{m[3]}" if m else None


def parse_date(text: str) -> str:
    """A manifest date as YYYY-MM-DD; ValueError saying what to write instead when it is not one."""
    text = text.strip()
    m = YEAR_FIRST.fullmatch(text) or COMPACT.fullmatch(text)
    if not m:
        raise ValueError(
            f"date {text!r} is not a year-first date (05/04/2024 could be 5 April or 4 May); write it as YYYY-MM-DD"
        )
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        raise ValueError(f"date {text!r} is not a real date; write it as YYYY-MM-DD") from None


@dataclass(frozen=True)
class Manifest:
    """The usable rows of a manifest (file name → issue, date) and one message per problem found."""

    rows: dict
    problems: tuple[str, ...] = ()


def read_manifest(path: str | Path) -> Manifest:
    """Read and check a manifest.csv in any encoding the raw pages may use; never raises on its content."""
    path = Path(path)
    return _read_manifest(path, *_stamp(path))


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


@lru_cache(maxsize=16)
def _read_manifest(path: Path, mtime_ns: int, size: int) -> Manifest:
    try:
        text, _, _ = decode(path.read_bytes(), path)
    except (OSError, RawFileError) as e:
        return Manifest({}, (f"{path}: cannot be read ({e}); file names give the issues and dates",))
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip().lower() for h in next(reader, [])]
    if "file" not in header:
        return Manifest(
            {},
            (
                f"{path}: no 'file' column (found: {', '.join(header) or 'nothing'}); "
                f"name the columns {', '.join(MANIFEST_COLUMNS)} — until then file names give the issues and dates",
            ),
        )
    rows, problems, issue_of = {}, [], {}
    for values in reader:
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        where = f"{path} row {line}"
        if len(values) != len(header):
            problems.append(
                f"{where}: {len(values)} fields where the header has {len(header)} "
                "(a stray comma or semicolon?); fix the row — this file keeps the identity from its name"
            )
            continue
        row = {k: v.strip() for k, v in zip(header, values)}
        name, issue, date = row["file"], row.get("issue", ""), row.get("date", "")
        if name in rows:
            problems.append(f"{where}: {name} is listed twice; keep one row")
            continue
        entry = {}
        if date:
            try:
                entry["date"] = parse_date(date)
            except ValueError as e:
                problems.append(f"{where}: {e} — the date from the file name is used")
        if issue:
            if issue in issue_of:
                problems.append(
                    f"{where}: issue {issue!r} is already given to {issue_of[issue]}; "
                    "each page needs its own issue id — the file name is used"
                )
            else:
                issue_of[issue] = name
                entry["issue"] = issue
        rows[name] = entry
    return Manifest(rows, tuple(problems))


def identify(path) -> dict:
    """{'issue', 'date', 'date_source'} of a raw file, from the manifest's usable row or the file name.

    `date_source` is 'manifest', 'file name' or '' (no date: the page header may give one).
    """
    path = Path(path)
    date = date_from_name(path.name)
    ident = {"issue": path.stem, "date": date, "date_source": "file name" if date else ""}
    manifest = path.parent / MANIFEST
    if manifest.exists():
        row = read_manifest(manifest).rows.get(path.name, {})
        ident.update(row)
        if "date" in row:
            ident["date_source"] = "manifest"
    return ident
