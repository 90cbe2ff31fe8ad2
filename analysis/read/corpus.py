"""The corpus: every raw page under data/raw/, parsed once and cached as parquet.

Each file's issue id and date come from `identity` (file name or manifest.csv). A page whose text
is the same as an earlier file's (byte-identical, or the same page saved again in another encoding
or with other line ends) is loaded once and reported. The cache checks itself: `manifest.json`
records how many rows each table had when it was written, and a table that does not match it (an
older `articles.parquet` beside a newer manifest) makes the whole cache rebuild, with a warning.
"""

from __future__ import annotations

import hashlib
import json
import warnings
from pathlib import Path

import pandas as pd

from .. import paths
from ..atomic import write_csv, write_parquet, write_text
from .flags import flag_texts
from .identity import MANIFEST, identify, read_manifest
from .reader import COLUMNS, DROPPED_COLUMNS, PAGE_COLUMNS, read_page
from .textio import RawFileError

SKIP = {MANIFEST, "README.md", "README.txt"}
CACHE_FORMAT = 2  # manifest.json: {"format", "files": {key: entry}, "rows": {table: n}}


class RawFileWarning(UserWarning):
    """A raw file was refused; the others were loaded."""


def _code_version(stage: Path = Path(__file__).parent) -> str:
    """A hash of every module of the reading stage: editing, adding or removing one invalidates the cache."""
    h = hashlib.sha1()
    for path in sorted(stage.glob("*.py")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
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


PAGE_TABLE_COLUMNS = PAGE_COLUMNS + ["paper", "page", "section", "date_source"]
TABLES = {"articles": COLUMNS, "dropped": DROPPED_COLUMNS + ["source"], "pages": PAGE_TABLE_COLUMNS}
LIST_COLUMNS = ("reporters", "subheads", "flags", "lines", "notes")


def _parse(path: Path, raw_dir: Path) -> tuple[str, dict[str, pd.DataFrame]]:
    """The hash of the page's clean text, and its three tables."""
    ident = identify(path)
    page = read_page(path, issue=ident["issue"], date=ident["date"])
    date_source = ident["date_source"] or ("page header" if page.date else "")
    source = path.relative_to(raw_dir).as_posix()
    header = page.header
    return page.digest, {
        "articles": page.articles(source=source),
        "dropped": page.dropped_frame().assign(source=source),
        "pages": page.page_frame(source=source).assign(
            paper=header.paper, page=header.page, section=header.section, date_source=date_source
        ),
    }


def load_corpus(raw_dir=paths.RAW, processed_dir=paths.PROCESSED, with_dropped: bool = False, with_pages: bool = False):
    """The article table over every page in raw_dir, cached as parquet and updated incrementally.

    A new file is parsed alone, a changed file re-parsed, a removed file dropped. A file that
    cannot be read is listed in a warning and in `df.attrs["problems"]`; the others still load.
    With `with_dropped=True` the dropped blocks follow the articles, with `with_pages=True` the page
    table (one row per page: issue, date, source, notes on decoding, jump markers and a date read
    from the header), as a tuple in that order.
    """
    raw_dir, processed_dir = Path(raw_dir), Path(processed_dir)
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"{raw_dir}: no such folder of raw pages")
    cache = _read_cache(processed_dir)
    cached = {name: dict(tuple(cache[name].groupby("source", sort=False))) for name in TABLES}
    version = _code_version()
    parts, manifest, problems, parsed, text_of = {name: [] for name in TABLES}, {}, [], [], {}
    if (raw_dir / MANIFEST).exists():
        problems += read_manifest(raw_dir / MANIFEST).problems
    for path in raw_files(raw_dir):
        key = path.relative_to(raw_dir).as_posix()
        stat = path.stat()
        old = cache["files"].get(key)
        known = old and (old.get("problem") or key in cached["pages"] or old.get("text_sha1") in text_of)  # a copy too
        reusable = known and old["version"] == version
        frames = None
        if reusable and (old["size"], old["mtime_ns"]) == (stat.st_size, stat.st_mtime_ns):
            entry = old
        elif reusable and old["sha1"] == _fingerprint(path):
            entry = {**old, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
        else:
            entry = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "version": version, "sha1": _fingerprint(path)}
            try:
                entry["text_sha1"], frames = _parse(path, raw_dir)
                entry["problem"] = None
                parsed.append(key)
            except RawFileError as e:
                entry["problem"] = str(e)
        manifest[key] = entry
        if entry.get("problem"):
            problems.append(entry["problem"])
            continue
        if entry["text_sha1"] in text_of:
            problems.append(f"{path}: same text as {text_of[entry['text_sha1']]}; loaded once")
            continue
        text_of[entry["text_sha1"]] = key
        for name in TABLES:
            parts[name].append(frames[name] if frames else cached[name].get(key, cache[name].iloc[:0]))
    tables = {name: _concat(parts[name], columns) for name, columns in TABLES.items()}
    for name, order in (("articles", ["date", "issue", "order"]), ("pages", ["date", "issue"])):
        tables[name] = tables[name].sort_values(order, na_position="last", kind="stable").reset_index(drop=True)
    if parsed or manifest != cache["files"] or cache["rows"] != {n: len(t) for n, t in tables.items()}:
        for name, table in tables.items():
            write_parquet(table, processed_dir / f"{name}.parquet")
        record = {"format": CACHE_FORMAT, "files": manifest, "rows": {n: len(t) for n, t in tables.items()}}
        write_text(processed_dir / "manifest.json", json.dumps(record, ensure_ascii=False, indent=1))
    if problems:
        warnings.warn(
            f"{len(problems)} problem(s) with the raw files (the other pages loaded):\n" + "\n".join(problems),
            RawFileWarning,
            stacklevel=2,
        )
    table = tables["articles"]
    table.attrs["problems"] = problems
    table.attrs["parsed"] = parsed
    extra = [tables[name] for name, wanted in (("dropped", with_dropped), ("pages", with_pages)) if wanted]
    return (table, *extra) if extra else table


def _concat(frames: list, columns: list) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    if not frames:
        return pd.DataFrame(columns=columns).astype({"date": "datetime64[ns]"} if "date" in columns else {})
    df = pd.concat(frames, ignore_index=True)
    if "date" in df:
        df["date"] = pd.to_datetime(df["date"])
    for col in LIST_COLUMNS:
        if col in df:
            df[col] = df[col].map(list)
    return df


def _read_cache(processed_dir: Path) -> dict:
    """The cached tables and the manifest that describes them; empty when absent, unreadable or inconsistent."""
    empty = {"files": {}, "rows": {}, **{name: pd.DataFrame(columns=columns) for name, columns in TABLES.items()}}
    if not (processed_dir / "manifest.json").exists():
        return empty
    try:
        record = json.loads((processed_dir / "manifest.json").read_text(encoding="utf-8"))
        tables = {name: pd.read_parquet(processed_dir / f"{name}.parquet") for name in TABLES}
    except (OSError, ValueError) as e:
        warnings.warn(f"{processed_dir}: the parse cache cannot be read ({e}); rebuilding it", stacklevel=3)
        return empty
    rows = {name: len(table) for name, table in tables.items()}
    if not isinstance(record, dict) or record.get("format") != CACHE_FORMAT or record.get("rows") != rows:
        warnings.warn(
            f"{processed_dir}: the parse cache does not match its manifest.json (rows {rows}, "
            f"recorded {record.get('rows') if isinstance(record, dict) else None}); rebuilding it",
            stacklevel=3,
        )
        return empty
    return {"files": record["files"], "rows": rows, **tables}


def export_csv(articles: pd.DataFrame, target) -> Path:
    """Write the article table as CSV that Excel opens with Chinese intact (lists joined with `；`).

    Flags are written as their readable sentences.
    """
    out = articles.copy()
    if "flags" in out:
        out["flags"] = out["flags"].map(flag_texts)
    for col in ("reporters", "subheads", "flags", "lines"):
        if col in out:
            out[col] = out[col].map(lambda v: "；".join(map(str, v)))
    if "date" in out:
        out["date"] = out["date"].dt.strftime("%Y-%m-%d").fillna("")
    return write_csv(out, target)
