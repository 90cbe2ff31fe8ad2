"""Many texts as one string, so each rule runs once over a corpus instead of once per text.

Texts are joined by NUL, which no rule matches and which behaves like the start or end of a text
for every lookaround on a class of characters (Chinese, punctuation, newline, digits). Positions in
the joined string map back to (text, offset) with numpy. `anchored` runs a regular expression only
where a piece it must contain occurs, with the results of `finditer`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain

import numpy as np

SEPARATOR = "\x00"


class Joined:
    """Texts joined by SEPARATOR: `text`, and each text's `starts` and `ends` in it."""

    def __init__(self, texts: list[str]):
        self.texts = [t.replace(SEPARATOR, " ") for t in texts]
        self.text = SEPARATOR.join(self.texts)
        lengths = np.fromiter(map(len, self.texts), dtype=np.int64, count=len(self.texts))
        self.starts = np.concatenate(([0], np.cumsum(lengths + 1)[:-1])) if len(lengths) else lengths
        self.ends = self.starts + lengths

    def locate(self, positions) -> np.ndarray:
        """The index of the text holding each position of the joined string."""
        return np.searchsorted(self.starts, np.asarray(positions, dtype=np.int64), side="right") - 1

    def paragraph_bounds(self, starts, ends, width: int) -> tuple[np.ndarray, np.ndarray]:
        """Up to `width` characters each side of spans, within their paragraph (a line of their text)."""
        breaks = [-1, *(m.start() for m in re.finditer(f"[\n{SEPARATOR}]", self.text)), len(self.text)]
        breaks = np.array(breaks, dtype=np.int64)
        starts, ends = np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64)
        opened = breaks[np.searchsorted(breaks, starts, side="left") - 1] + 1
        closed = breaks[np.searchsorted(breaks, ends, side="left")]
        return np.maximum(starts - width, opened), np.minimum(ends + width, closed)


def match_array(matches: list[tuple[int, int, int]]) -> np.ndarray:
    """Aho-Corasick matches (pattern, start, end) as an n x 3 integer array."""
    flat = np.fromiter(chain.from_iterable(matches), dtype=np.int64, count=3 * len(matches))
    return flat.reshape(-1, 3)


def anchored(pattern: re.Pattern, text: str, anchor: str, shifts: range) -> Iterator[re.Match]:
    """The matches of pattern.finditer(text), for a pattern whose every match starts `shift`
    characters before a match of the regular expression `anchor` (best opening with a literal), for
    some shift in `shifts` (negative: after it). Only those starts are tried, so a scan is cheap."""
    done = 0  # positions before this are taken by a match or tried
    for occurrence in re.finditer(anchor, text):
        for start in range(occurrence.start() - shifts[-1], occurrence.start() - shifts[0] + 1):
            if start < done:
                continue
            done = start + 1
            m = pattern.match(text, start)
            if m:
                done = m.end()
                yield m
