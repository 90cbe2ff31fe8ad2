"""Atomic writes: write to a temporary file beside the target, then rename over it."""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TEMPORARY = re.compile(r"\..+\.[0-9a-f]{12}\.tmp")  # `atomic_path`'s temporary names


@contextmanager
def atomic_path(target: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it replaces `target`.

    On any error the temporary file is removed and `target` is left as it was.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.parent / f".{target.name}.{uuid.uuid4().hex[:12]}.tmp"
    tmp.touch(mode=0o666, exist_ok=False)  # ordinary permissions (umask applies)
    try:
        yield tmp
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def remove_temporaries(folder: str | os.PathLike) -> list[Path]:
    """Delete the temporary files a killed save left anywhere under `folder`; return them.

    Call it only when no save is running there (the main job does, before it starts).
    """
    folder = Path(folder)
    left = [p for p in folder.rglob(".*.tmp") if TEMPORARY.fullmatch(p.name)] if folder.is_dir() else []
    for path in left:
        path.unlink(missing_ok=True)
    return left


def write_bytes(target: str | os.PathLike, data: bytes) -> Path:
    """Write bytes to `target` atomically."""
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return Path(target)


def write_text(target: str | os.PathLike, text: str, encoding: str = "utf-8") -> Path:
    """Write text to `target` atomically (UTF-8 unless told otherwise)."""
    return write_bytes(target, text.encode(encoding))


def write_parquet(df, target: str | os.PathLike) -> Path:
    """Write a DataFrame to parquet atomically."""
    with atomic_path(target) as tmp:
        df.to_parquet(tmp, index=False)
    return Path(target)


def write_csv(df, target: str | os.PathLike) -> Path:
    """Write a DataFrame to CSV that Excel opens with Chinese intact (UTF-8 with BOM)."""
    with atomic_path(target) as tmp:
        df.to_csv(tmp, index=False, encoding="utf-8-sig")
    return Path(target)
