"""Who a raw page file is: its issue id and date, from the file name or the folder's manifest.

File naming convention: an issue is one file; its identity is the file name without extension;
its date is the first date in the name, written 2024-04-15, 2024_04_15, 2024.04.15 or 20240415
(e.g. `huaian-daily_2024-04-15_A3.txt`). A file without a date has an empty date (the page
reader may still find one in the page header). A `manifest.csv` in the raw folder (columns
file, issue, date) overrides both for the files it names.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

DATE_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")
MANIFEST = "manifest.csv"


def date_from_name(name: str) -> str | None:
    """The first date in a file name, as YYYY-MM-DD, or None."""
    m = DATE_IN_NAME.search(name)
    return f"{m[1]}-{m[2]}-{m[3]}" if m else None


@lru_cache(maxsize=16)
def _manifest(folder: Path, mtime: float) -> dict:
    with open(folder / MANIFEST, encoding="utf-8-sig", newline="") as f:
        return {row["file"].strip(): row for row in csv.DictReader(f) if row.get("file")}


def identify(path) -> dict:
    """{'issue', 'date'} of a raw file, from the manifest or the file-naming convention."""
    path = Path(path)
    ident = {"issue": path.stem, "date": date_from_name(path.name)}
    manifest = path.parent / MANIFEST
    if manifest.exists():
        row = _manifest(path.parent, manifest.stat().st_mtime).get(path.name)
        if row:
            ident["issue"] = (row.get("issue") or "").strip() or ident["issue"]
            ident["date"] = (row.get("date") or "").strip() or ident["date"]
    return ident
