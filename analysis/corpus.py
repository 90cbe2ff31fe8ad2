"""The corpus: every raw page under data/raw/, parsed once and cached as parquet.

File naming convention: an issue is one file; its identity is the file name without extension;
its date is the first date in the name, written 2024-04-15, 2024_04_15, 2024.04.15 or 20240415
(e.g. `huaian-daily_2024-04-15_A3.txt`). A file without a date still loads, with an empty date
(or the date printed in its page header, if any). A `manifest.csv` in the raw folder (columns
file, issue, date) overrides both for the files it names.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import warnings
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import paths
from .atomic import write_csv, write_parquet, write_text
from .reader import COLUMNS, DROPPED_COLUMNS, read_page
from .textio import RawFileError

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


SKIP = {MANIFEST, "README.md", "README.txt"}


class RawFileWarning(UserWarning):
    """A raw file was refused; the others were loaded."""


def _code_version() -> str:
    """A hash of the reader's source: editing the reader invalidates the cache."""
    here = Path(__file__).parent
    h = hashlib.sha1()
    for name in ("reader.py", "lines.py", "bylines.py", "textio.py", "corpus.py"):
        h.update((here / name).read_bytes())
    return h.hexdigest()[:12]


def raw_files(raw_dir) -> list[Path]:
    """Every candidate page file under raw_dir (hidden files and the manifest excluded)."""
    raw_dir = Path(raw_dir)
    return sorted(
        p
        for p in raw_dir.rglob("*")
        if p.is_file() and p.name not in SKIP and not any(part.startswith(".") for part in p.relative_to(raw_dir).parts)
    )


def _fingerprint(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()


def _parse(path: Path, raw_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    ident = identify(path)
    page = read_page(path, issue=ident["issue"], date=ident["date"])
    source = path.relative_to(raw_dir).as_posix()
    return page.articles(source=source), page.dropped_frame().assign(source=source)


def load_corpus(raw_dir=paths.RAW, processed_dir=paths.PROCESSED, with_dropped: bool = False):
    """The article table over every page in raw_dir, cached as parquet and updated incrementally.

    A new file is parsed alone, a changed file re-parsed, a removed file dropped. A file that
    cannot be read is listed in a warning and in `df.attrs["problems"]`; the others still load.
    With `with_dropped=True`, returns (articles, dropped blocks).
    """
    raw_dir, processed_dir = Path(raw_dir), Path(processed_dir)
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"{raw_dir}: no such folder of raw pages")
    cache = _read_cache(processed_dir)
    version = _code_version()
    articles, dropped, manifest, problems, parsed = [], [], {}, [], []
    for path in raw_files(raw_dir):
        key = path.relative_to(raw_dir).as_posix()
        stat = path.stat()
        old = cache["manifest"].get(key)
        if old and old["version"] == version and old["size"] == stat.st_size and old["mtime_ns"] == stat.st_mtime_ns:
            entry = old
        else:
            entry = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "version": version, "sha1": _fingerprint(path)}
            if not (old and old["version"] == version and old.get("sha1") == entry["sha1"]):
                try:
                    a, d = _parse(path, raw_dir)
                    entry["problem"] = None
                    articles.append(a)
                    dropped.append(d)
                    parsed.append(key)
                except RawFileError as e:
                    entry["problem"] = str(e)
                manifest[key] = entry
                if entry["problem"]:
                    problems.append(entry["problem"])
                continue
            entry = {**old, **entry}
        manifest[key] = entry
        if entry.get("problem"):
            problems.append(entry["problem"])
            continue
        articles.append(cache["articles"][cache["articles"]["source"] == key])
        dropped.append(cache["dropped"][cache["dropped"]["source"] == key])
    table = _concat(articles, COLUMNS)
    table = table.sort_values(["date", "issue", "order"], na_position="last", kind="stable").reset_index(drop=True)
    dropped_table = _concat(dropped, DROPPED_COLUMNS + ["source"])
    if (
        parsed
        or set(manifest) != set(cache["manifest"])
        or any(manifest[k] != cache["manifest"].get(k) for k in manifest)
    ):
        write_parquet(table, processed_dir / "articles.parquet")
        write_parquet(dropped_table, processed_dir / "dropped.parquet")
        write_text(processed_dir / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    if problems:
        warnings.warn(f"{len(problems)} raw file(s) skipped:\n" + "\n".join(problems), RawFileWarning, stacklevel=2)
    table.attrs["problems"] = problems
    table.attrs["parsed"] = parsed
    return (table, dropped_table) if with_dropped else table


def _concat(frames: list, columns: list) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    if not frames:
        return pd.DataFrame(columns=columns).astype({"date": "datetime64[ns]"} if "date" in columns else {})
    df = pd.concat(frames, ignore_index=True)
    if "date" in df:
        df["date"] = pd.to_datetime(df["date"])
    for col in ("reporters", "subheads", "flags", "lines"):
        if col in df:
            df[col] = df[col].map(list)
    return df


def _read_cache(processed_dir: Path) -> dict:
    try:
        manifest = json.loads((processed_dir / "manifest.json").read_text(encoding="utf-8"))
        articles = pd.read_parquet(processed_dir / "articles.parquet")
        dropped = pd.read_parquet(processed_dir / "dropped.parquet")
    except (OSError, ValueError):
        return {
            "manifest": {},
            "articles": pd.DataFrame(columns=COLUMNS),
            "dropped": pd.DataFrame(columns=DROPPED_COLUMNS + ["source"]),
        }
    return {"manifest": manifest, "articles": articles, "dropped": dropped}


def export_csv(articles: pd.DataFrame, target) -> Path:
    """Write the article table as CSV that Excel opens with Chinese intact (lists joined with `；`)."""
    out = articles.copy()
    for col in ("reporters", "subheads", "flags", "lines"):
        if col in out:
            out[col] = out[col].map(lambda v: "；".join(map(str, v)))
    if "date" in out:
        out["date"] = out["date"].dt.strftime("%Y-%m-%d").fillna("")
    return write_csv(out, target)
