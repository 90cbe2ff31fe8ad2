"""Tables computed once per input: a function's result kept as parquet, keyed by what it was computed from.

`stored(extract_slogans, articles, lexicon)` returns what `extract_slogans(articles, lexicon)` returns; the first
call computes it and writes it under `analysis.paths.PROCESSED`/stored/, later calls with the same inputs (in any
notebook, in any run) read it. The key hashes the function's name, the package's code, and every argument: a
DataFrame by its column names and values, a path by its file's content, anything else by its repr. A changed
page, lexicon or line of code therefore computes anew; a damaged file is computed anew and replaced.
Only functions that return a flat DataFrame (no list or dict cells) are stored: parquet keeps their values and types.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import os
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow
import pyarrow.parquet

from analysis.atomic import atomic_path
from analysis.paths import LEXICON, PROCESSED, REFERENCE, ROOT

KEEP = 3  # results kept per function: the latest inputs, and a few before them (another parameter, an older run)
CODE = ROOT / "analysis"


def stored(function: Callable[..., pd.DataFrame], *args, cache_dir: str | os.PathLike | None = None, **kwargs):
    """function(*args, **kwargs), read from the store when it was computed from the same inputs before."""
    folder = Path(cache_dir or PROCESSED) / "stored"
    path = folder / f"{function.__name__}-{input_key(function, args, kwargs)}.parquet"
    if path.is_file():
        try:
            table = _read(path)
        except (OSError, ValueError, pyarrow.ArrowException):
            path.unlink(missing_ok=True)  # damaged: computed again below
        else:
            os.utime(path)  # recently used: kept by _prune
            return table
    table = function(*args, **kwargs)
    folder.mkdir(parents=True, exist_ok=True)
    _write(table, path)
    _prune(folder, function.__name__)
    return table


def _write(table: pd.DataFrame, path: Path) -> None:
    """The table as parquet, with its date columns' resolution (parquet has none in seconds) in the metadata."""
    arrow = pyarrow.Table.from_pandas(table, preserve_index=False)
    dates = {column: str(dtype) for column, dtype in table.dtypes.items() if str(dtype).startswith("datetime64")}
    arrow = arrow.replace_schema_metadata({**arrow.schema.metadata, b"dates": json.dumps(dates).encode()})
    with atomic_path(path) as tmp:
        pyarrow.parquet.write_table(arrow, tmp)


def _read(path: Path) -> pd.DataFrame:
    arrow = pyarrow.parquet.read_table(path)
    dates = json.loads((arrow.schema.metadata or {}).get(b"dates", b"{}"))
    return arrow.to_pandas().astype(dates)


def input_key(function: Callable, args: tuple, kwargs: dict) -> str:
    """A hash of the function's name, the package's code, the lexicon and reference folders (which functions read
    without being passed them: stopwords, the user dictionary, the reference reports) and every argument, defaults
    included."""
    digest = hashlib.sha1(usedforsecurity=False)
    digest.update(f"{function.__module__}.{function.__qualname__}".encode())
    digest.update(code_digest().encode())
    for file in sorted(f for f in LEXICON.glob("*") if f.is_file()):  # not topic_labels/, which notebooks write
        digest.update(file.name.encode() + file.read_bytes())
    for file in sorted(REFERENCE.rglob("*")):  # large and never edited: named, sized and dated, not read
        digest.update(f"{file.relative_to(REFERENCE)} {file.stat().st_size} {file.stat().st_mtime_ns}".encode())
    bound = inspect.signature(function).bind(*args, **kwargs)
    bound.apply_defaults()
    for name, value in bound.arguments.items():
        digest.update(b"\0" + name.encode() + b"=" + _value_digest(value))
    return digest.hexdigest()[:20]


def code_digest(folder: Path = CODE) -> str:
    """A hash of every module under `folder` (the package by default), by relative name and content."""
    digest = hashlib.sha1(usedforsecurity=False)
    for file in sorted(folder.rglob("*.py")):
        digest.update(str(file.relative_to(folder)).encode("utf-8") + b"\0" + file.read_bytes())
    return digest.hexdigest()


def _value_digest(value) -> bytes:
    if isinstance(value, pd.DataFrame):
        digest = hashlib.sha1(repr(list(value.columns)).encode())
        for column in value.columns:  # by values: a date column read from parquet has another resolution
            digest.update(_column_digest(value[column]))
        return digest.digest()
    if isinstance(value, (str, os.PathLike)) and Path(value).is_file():
        return hashlib.sha1(Path(value).read_bytes()).digest()
    return repr(value).encode()


def _column_digest(column: pd.Series) -> bytes:
    if isinstance(column.dtype, np.dtype) and column.dtype.kind == "M":
        column = column.astype("datetime64[ns]")
    try:
        hashed = pd.util.hash_pandas_object(column, index=False)
    except TypeError:  # lists or dicts in the cells
        hashed = pd.util.hash_pandas_object(column.map(lambda cell: repr(_plain(cell))), index=False)
    return hashlib.sha1(hashed.to_numpy().tobytes()).digest()


def _plain(value):
    """Lists, dicts and numbers as plain Python values: a table read from parquet hashes like the one parsed."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, np.ndarray)):
        return [_plain(item) for item in value]
    value = value.item() if isinstance(value, np.generic) else value
    return int(value) if isinstance(value, float) and value.is_integer() else value  # parquet made 11 into 11.0


def _prune(folder: Path, name: str) -> None:
    """Keep the KEEP most recently used results of `name`."""
    results = sorted(folder.glob(f"{name}-*.parquet"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in results[KEEP:]:
        old.unlink(missing_ok=True)
