"""The token cache: many texts tokenized once, their token lists kept on disk as Arrow shards.

`tokenize_table` caches token lists by a hash of each text, in a folder per lexicon fingerprint, so
editing the user dictionary starts a fresh cache. Each run that tokenizes new texts appends one
shard (an Arrow IPC file: text key, dictionary-encoded token lists); many shards are merged into one.
It returns the tokens as read from the shards, ids into a vocabulary (`analysis.token_table`);
`tokenize_many` gives the same as plain lists of strings. The tokens are `analysis.segment.tokenize`'s.
"""

from __future__ import annotations

import hashlib
import os
import uuid
import warnings
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from itertools import chain
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.feather as feather
from tqdm import tqdm

from .atomic import atomic_path
from .paths import PROCESSED
from .segment import USERDICT, Segmenters, cut, lexicon, segmenters
from .token_table import TokenTable

CACHE_FOLDER = "token_cache"
MAX_SHARDS = 16  # past this many shard files, tokenize_table merges them into one
BATCH_CHARS = 250_000  # new texts go to the tokenizing threads in batches of about this many characters
_PLAIN_SCHEMA = pa.schema({"key": pa.binary(20), "tokens": pa.list_(pa.string())})  # a shard, decoded


def tokenize_many(
    texts: Iterable[str],
    progress: bool = True,
    cache_dir: str | os.PathLike | None = None,
    userdict: str | os.PathLike = USERDICT,
) -> list[list[str]]:
    """`tokenize` each text, as plain token lists; see `tokenize_table`, which this calls."""
    return tokenize_table(texts, progress, cache_dir, userdict).to_lists()


def tokenize_table(
    texts: Iterable[str],
    progress: bool = True,
    cache_dir: str | os.PathLike | None = None,
    userdict: str | os.PathLike = USERDICT,
) -> TokenTable:
    """`tokenize` each text, reusing token lists cached under `cache_dir` (default `data/processed`).

    Only texts never seen with this user dictionary are tokenized (with a progress bar if `progress`);
    they are appended to the cache as one new shard file. Cached tokens are returned as read, as ids
    into a vocabulary (`TokenTable`): `build_dtm` and `word_frequencies` count them without ever
    making a Python string per token.
    """
    texts = list(texts)
    lex = lexicon(userdict)
    folder = Path(PROCESSED if cache_dir is None else cache_dir) / CACHE_FOLDER / lex.fingerprint
    keys = [hashlib.sha1(t.encode("utf-8"), usedforsecurity=False).digest() for t in texts]
    found, row_of = _read_cached(folder, set(keys))
    todo = {k: t for k, t in zip(keys, texts) if k not in row_of}
    if todo:
        new_texts = list(todo.values())
        batches = _batches(new_texts, BATCH_CHARS)
        workers = min(os.cpu_count() or 1, 4, len(batches))  # rjieba releases the GIL while it cuts
        cut_batch = partial(_cut_batch, seg=segmenters(lex))
        token_lists = []
        with (
            tqdm(
                total=sum(map(len, new_texts)), unit="char", unit_scale=True, desc="tokenizing", disable=not progress
            ) as bar,
            ThreadPoolExecutor(workers) as pool,
        ):
            for batch, results in zip(
                batches, pool.map(cut_batch, batches) if workers > 1 else map(cut_batch, batches)
            ):
                token_lists += results
                bar.update(sum(map(len, batch)))
        encoded = _encoded(_token_array(new_texts, token_lists))
        _write_shard(folder, list(todo), encoded)
        start = sum(map(len, found))
        row_of.update((key, start + i) for i, key in enumerate(todo))
        found.append(_as_token_table(encoded))
    return TokenTable.concat(found).take([row_of[k] for k in keys])


def _cut_batch(texts: list[str], seg: Segmenters) -> list[list[str]]:
    return [cut(seg, text) for text in texts]


def _batches(texts: list[str], size: int) -> list[list[str]]:
    """Consecutive texts in groups of about `size` characters (a longer text is a group of its own)."""
    batches, length = [[]], 0
    for text in texts:
        if length >= size:
            batches.append([])
            length = 0
        batches[-1].append(text)
        length += len(text)
    return batches


def _shards(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.arrow")) if folder.is_dir() else []


def _tables(paths: list[Path]) -> list[tuple[Path, pa.Table]]:
    """The shards still there (another process may have just merged some away); a corrupt one is set aside."""
    tables = []
    for path in paths:
        try:
            table = feather.read_table(path)
        except FileNotFoundError:
            continue
        except (pa.ArrowException, OSError, ValueError) as error:
            _set_aside(path, error)
            continue
        if table.schema.names != ["key", "tokens"]:
            _set_aside(path, f"columns {table.schema.names}, expected ['key', 'tokens']")
            continue
        tables.append((path, table))
    return tables


def _set_aside(path: Path, reason: object) -> None:
    """Rename a corrupt shard to `<name>.corrupt` (kept for inspection, never read again) and warn."""
    path.replace(path.with_suffix(".corrupt"))
    warnings.warn(
        f"{path}: corrupt token-cache shard ({reason}); set aside as {path.with_suffix('.corrupt').name}, "
        "its texts are tokenized again",
        stacklevel=3,
    )


def _read_cached(folder: Path, wanted: set[bytes]) -> tuple[list[TokenTable], dict[bytes, int]]:
    """The cached token lists of the `wanted` text keys: tables of them, and each key's row in the
    tables put end to end."""
    found, row_of = [], {}
    for _, table in _tables(_shards(folder)):
        for batch in table.to_batches():
            keys = batch.column("key").to_pylist()
            rows = [i for i, k in enumerate(keys) if k in wanted and k not in row_of]
            if rows:
                start = sum(map(len, found))
                row_of.update((keys[i], start + n) for n, i in enumerate(rows))
                found.append(_as_token_table(batch.column("tokens")).take(rows))
    return found, row_of


def _as_token_table(lists: pa.ListArray) -> TokenTable:
    """A shard's dictionary-encoded token lists, as a `TokenTable` (no string copied but the vocabulary)."""
    offsets = lists.offsets.to_numpy()
    ids = lists.values.indices.to_numpy()[offsets[0] : offsets[-1]]
    return TokenTable(lists.values.dictionary.to_numpy(zero_copy_only=False), ids, offsets - offsets[0])


def _token_array(texts: list[str], token_lists: list[list[str]]) -> pa.ListArray:
    """The token lists as Arrow strings cut from the texts' UTF-8 bytes (each text's tokens join back to it)."""
    data = "".join(texts).encode("utf-8")
    char_at = np.flatnonzero(np.frombuffer(data + b"\0", dtype=np.uint8) & 0xC0 != 0x80)  # byte offset of each char
    lengths = np.fromiter(map(len, chain.from_iterable(token_lists)), dtype=np.int64)
    byte_offsets = char_at[np.concatenate([[0], np.cumsum(lengths)])].astype(np.int32)
    tokens = pa.StringArray.from_buffers(len(lengths), pa.py_buffer(byte_offsets), pa.py_buffer(data))
    list_offsets = np.concatenate([[0], np.cumsum(np.fromiter(map(len, token_lists), dtype=np.int64))]).astype(np.int32)
    return pa.ListArray.from_arrays(list_offsets, tokens)


def _encoded(token_lists: pa.ListArray) -> pa.ListArray:
    """The token lists with each distinct token stored once: lists of ids into a vocabulary."""
    return pa.ListArray.from_arrays(token_lists.offsets, token_lists.values.dictionary_encode())


def _write_shard(folder: Path, keys: list[bytes], token_lists: pa.ListArray) -> None:
    """Append one shard of dictionary-encoded token lists; when there are too many, merge them all into one."""
    _write_table(folder, keys, token_lists)
    paths = _shards(folder)
    if len(paths) > MAX_SHARDS:
        shards = _tables(paths)
        merged = pa.concat_tables(table.cast(_PLAIN_SCHEMA) for _, table in shards).combine_chunks()
        _write_table(folder, merged.column("key").to_pylist(), _encoded(merged.column("tokens").chunk(0)))
        for path, _ in shards:
            path.unlink(missing_ok=True)


def _write_table(folder: Path, keys: list[bytes], token_lists: pa.ListArray) -> None:
    """One shard file: text keys, and token lists stored as ids into the shard's own vocabulary."""
    table = pa.table({"key": pa.array(keys, pa.binary(20)), "tokens": token_lists})
    with atomic_path(folder / f"{uuid.uuid4().hex}.arrow") as tmp:
        feather.write_feather(table, tmp, compression="lz4")
