"""Token lists of many texts held as integer ids into one vocabulary, not as Python strings.

`tokenize_table` reads cached tokens straight into this form, and the consumers that count (the
document-term matrix, word frequencies) work on the ids, so a corpus's millions of tokens never
become millions of Python objects. It is a sequence: `table[i]` is text i's token list.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
import pandas as pd
from scipy import sparse


@dataclass(frozen=True, eq=False)
class TokenTable(Sequence):
    """Text i's tokens are `vocabulary[ids[offsets[i]:offsets[i + 1]]]`; the vocabulary holds no repeats."""

    vocabulary: np.ndarray  # distinct tokens, an object array of str
    ids: np.ndarray  # every text's token ids, text after text
    offsets: np.ndarray  # len(texts) + 1 positions into `ids`, from 0 to len(ids)

    def __post_init__(self):
        if len(self.offsets) == 0 or self.offsets[0] != 0 or self.offsets[-1] != len(self.ids):
            raise ValueError("offsets must run from 0 to the number of ids")

    @classmethod
    def from_lists(cls, token_lists: Iterable[Sequence[str]]) -> TokenTable:
        """The table of plain token lists."""
        token_lists = list(token_lists)
        flat = np.fromiter(chain.from_iterable(token_lists), dtype=object)
        ids, vocabulary = pd.factorize(flat)
        lengths = np.fromiter(map(len, token_lists), dtype=np.int64, count=len(token_lists))
        return cls(
            np.asarray(vocabulary, dtype=object), ids.astype(np.int32), np.concatenate([[0], np.cumsum(lengths)])
        )

    @classmethod
    def concat(cls, tables: Sequence[TokenTable]) -> TokenTable:
        """The texts of all tables, one table after another, over one merged vocabulary."""
        if len(tables) <= 1:
            return tables[0] if tables else cls.from_lists([])
        largest = max(range(len(tables)), key=lambda i: len(tables[i].ids))
        index = {word: i for i, word in enumerate(tables[largest].vocabulary.tolist())}  # its ids stay as they are
        ids = []
        for i, table in enumerate(tables):
            if i == largest:
                ids.append(table.ids)
                continue
            # a word new to the index gets the next id
            where = np.fromiter(
                (index.setdefault(word, len(index)) for word in table.vocabulary.tolist()),
                dtype=np.int32,
                count=len(table.vocabulary),
            )
            ids.append(where[table.ids])
        starts = np.cumsum([0] + [len(t.ids) for t in tables[:-1]])
        offsets = np.concatenate([[0]] + [t.offsets[1:] + start for t, start in zip(tables, starts)])
        vocabulary = np.empty(len(index), dtype=object)
        vocabulary[:] = list(index)
        return cls(vocabulary, np.concatenate(ids), offsets)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, index):
        """An int gives that text's token list; a slice or a list of positions gives a smaller table."""
        if isinstance(index, (int, np.integer)):
            i = range(len(self))[index]
            return self.vocabulary[self.ids[self.offsets[i] : self.offsets[i + 1]]].tolist()
        return self.take(np.arange(len(self))[index])

    def __iter__(self):
        return iter(self.to_lists())

    def take(self, rows: Iterable[int]) -> TokenTable:
        """The table of texts `rows` (positions, repeats allowed), in that order, same vocabulary."""
        rows = np.asarray(rows, dtype=np.int64).reshape(-1)
        if len(rows) == len(self) and (rows == np.arange(len(self))).all():
            return self
        if len(rows) == 0:
            return TokenTable(self.vocabulary, self.ids[:0], np.zeros(1, dtype=np.int64))
        starts, ends = self.offsets[rows], self.offsets[rows + 1]
        # Copy runs of consecutive texts as one slice each: a rerun reads whole shards in order.
        breaks = np.flatnonzero(starts[1:] != ends[:-1]) + 1
        firsts, lasts = np.concatenate([[0], breaks]), np.concatenate([breaks, [len(rows)]]) - 1
        ids = [self.ids[a:b] for a, b in zip(starts[firsts], ends[lasts])]
        lengths = ends - starts
        return TokenTable(self.vocabulary, np.concatenate(ids), np.concatenate([[0], np.cumsum(lengths)]))

    def to_lists(self) -> list[list[str]]:
        """Every text's token list as plain Python strings."""
        flat = self.vocabulary[self.ids].tolist()
        return [flat[a:b] for a, b in zip(self.offsets[:-1].tolist(), self.offsets[1:].tolist())]

    def counts(self) -> sparse.csr_matrix:
        """Texts × vocabulary matrix of token counts."""
        shape = (len(self), len(self.vocabulary))
        # copy: ids read from a cache file are read-only, and summing duplicates sorts them in place
        matrix = sparse.csr_matrix(
            (np.ones(len(self.ids), dtype=np.int64), self.ids, self.offsets), shape=shape, copy=True
        )
        matrix.sum_duplicates()
        return matrix
