"""Reading the files the researcher edits (in Excel or a text editor): any encoding, errors by file and line.

`read_text_any` decodes a file in any encoding the raw pages accept (UTF-8, GB18030/GBK, Big5,
UTF-16, with or without BOM); `read_table` reads a CSV of them, also when Excel saved it with `;`
or tabs between the fields. A problem raises `LexiconError`, which names the file, the line and the fix.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pandas as pd

from .read.textio import RawFileError, decode

DELIMITERS = ",;\t"  # Excel saves CSV with `;` in some locales, and "Unicode text" with tabs


class LexiconError(ValueError):
    """A researcher-edited file that cannot be used as it is: the file, the line (0 = the whole file), the fix."""

    def __init__(self, path: str | os.PathLike, line: int, problem: str):
        self.path, self.line, self.problem = Path(path), line, problem
        super().__init__(f"{path}{f' line {line}' if line else ''}: {problem}")


def read_text_any(path: str | os.PathLike) -> str:
    """The file's text in whatever encoding it was saved, with `\\n` line ends and no BOM."""
    data = Path(path).read_bytes()
    if not data.strip():
        return ""
    try:
        text, encoding, bad = decode(data, path)
    except RawFileError as error:
        raise LexiconError(path, 0, f"{error.problem}; save it again as UTF-8") from None
    if bad:
        line = data[: bad[0]].count(b"\n") + 1
        raise LexiconError(path, line, f"byte {bad[0]} is not {encoding}; retype that line or save as UTF-8")
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def read_table(path: str | os.PathLike, required: tuple[str, ...] = ()) -> pd.DataFrame:
    """A CSV of strings ("" when blank), header first; a missing `required` column or a row with more
    fields than the header raises `LexiconError` (a row with fewer is filled with blanks)."""
    text = read_text_any(path)
    lines = text.split("\n")
    header = lines[0] if lines else ""
    delimiter = max(DELIMITERS, key=header.count) if any(d in header for d in DELIMITERS) else ","
    rows = list(csv.reader(lines, delimiter=delimiter))
    columns = [name.strip() for name in rows[0]] if rows else []
    missing = [name for name in required if name not in columns]
    if missing:
        raise LexiconError(
            path, 1, f"no column {', '.join(missing)} in the header {columns}; name the columns in line 1"
        )
    records = []
    for line, row in enumerate(rows[1:], 2):
        if not any(field.strip() for field in row):
            continue
        if len(row) > len(columns):
            raise LexiconError(
                path,
                line,
                f"{len(row)} fields but the header has {len(columns)}; remove the extra field or put "
                f"a field containing {delimiter!r} in double quotes",
            )
        records.append(row + [""] * (len(columns) - len(row)))
    return pd.DataFrame(records, columns=columns, dtype=str)
