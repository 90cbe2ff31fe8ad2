"""Segmentation: jieba's tokens with the project lexicon, computed by rjieba.

`reference_tokenize` is plain jieba (`jieba.lcut`, HMM on) with `data/lexicon/userdict.txt` loaded.
`tokenize` gives the same tokens over 10x faster through rjieba (jieba-rs), with three fixes:

- user words go into rjieba with the frequency jieba gave them (jieba's `suggest_freq` when the
  dictionary line has none), and rjieba's frequency total is kept equal to jieba's (jieba-rs
  subtracts a replaced word's old frequency, jieba does not);
- characters that jieba-rs reads as Chinese but jieba does not (CJK extension and compatibility
  ideographs) split the text before rjieba sees it, as they split jieba's blocks;
- Latin/digit runs joined by `.`, `-` or `_` (`F-16`, `tv.cctv.com`, `6.5G`) are split again with
  jieba's own rule for them (`jieba.finalseg.re_skip`).

Checked identical on 34.5 MB of 新闻联播 transcripts, 4.4 MB of government reports and random mixes
of them with Latin runs and rare characters. What is left: rjieba's HMM tables are rounded
(log-probabilities ~1e-7 apart from jieba's) and its sums can round differently in the last bit, so
a near-tie can fall the other way; seen only in strings glued from single characters (`清工工工清`,
`区区区123`), never in real text.

Caching many texts is `analysis.token_cache`; which tokens count as terms is `analysis.terms`.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import version

import jieba
import jieba.finalseg
import rjieba

from .lexicon_io import LexiconError, read_text_any
from .paths import LEXICON

USERDICT = LEXICON / "userdict.txt"
POS_TAGS = frozenset(  # the part-of-speech tags of jieba's dictionary, and eng
    "a ad ag an b c d df dg e eng f g h i j k l m mg mq n ng nr nrfg nrt ns nt nz o p q r rg rr rz s t tg "
    "u ud ug uj ul uv uz v vd vg vi vn vq x y z zg".split()
)

# jieba-rs reads these as Chinese characters; jieba (U+4E00-U+9FD5 only) does not.
_FOREIGN_HAN = re.compile("([\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\U00020000-\U0003ffff])")
# A run of jieba.re_han_default's Latin/digit/symbol characters holding `.`, `-` or `_`: jieba-rs may
# keep it whole where jieba splits it.
_JOINER = re.compile(r"[._\-]")
_BLOCK = re.compile("[\u4e00-\u9fd5a-zA-Z0-9+#&._%\\-]*")  # a run of jieba.re_han_default characters
_JOINED_RUN = re.compile(r"[a-zA-Z0-9+#&%]*[._\-][a-zA-Z0-9+#&._%\-]*")
_NEARBY = 32  # characters between two such blocks for them to be handled as one span
_REVISION = "1"  # bump when the tokenizer's output or the token cache's shard format changes


@dataclass(frozen=True)
class Lexicon:
    """A user dictionary as read: a fingerprint for the cache (its identity), its bytes and entries."""

    fingerprint: str
    data: bytes = field(compare=False)
    entries: tuple[tuple[str, int | None, str | None], ...] = field(compare=False)


def lexicon(userdict: str | os.PathLike = USERDICT) -> Lexicon:
    """The user dictionary as read (reread only when the file changes)."""
    stat = os.stat(userdict)
    return _read_lexicon(os.fspath(userdict), stat.st_mtime_ns, stat.st_size)


def user_words(userdict: str | os.PathLike = USERDICT) -> frozenset[str]:
    """The words of the user dictionary."""
    return frozenset(word for word, _, _ in lexicon(userdict).entries)


@lru_cache(maxsize=8)
def _read_lexicon(path: str, mtime_ns: int, size: int) -> Lexicon:
    """Parse a jieba user dictionary line by line as `jieba.load_userdict` does, refusing words it cannot keep."""
    data = read_text_any(path).encode("utf-8")  # any encoding the editor saved; jieba reads UTF-8
    entries = []
    for lineno, raw in enumerate(data.split(b"\n"), 1):
        line = raw.strip().decode("utf-8")
        if not line:
            continue
        word, freq, tag = jieba.re_userdict.match(line).groups()
        if tag and tag.strip() not in POS_TAGS:
            raise LexiconError(
                path, lineno, f"{tag.strip()!r} is neither a frequency (a whole number) nor a jieba part-of-speech tag"
            )
        if not jieba.re_han_default.fullmatch(word):
            raise LexiconError(
                path,
                lineno,
                f"{word!r} is not one word: a frequency must be a whole number, and jieba never joins "
                "characters such as ·, 、 or spaces into a word (count such phrases on the text instead)",
            )
        if freq is not None and int(freq) == 0:
            raise LexiconError(path, lineno, "frequency 0 (jieba's forced split) is not supported")
        entries.append((word, int(freq) if freq else None, tag.strip() if tag else None))
    stamp = f"jieba {jieba.__version__} rjieba {version('rjieba')} revision {_REVISION}\n".encode()
    fingerprint = hashlib.blake2b(stamp + data, digest_size=8).hexdigest()
    return Lexicon(fingerprint, data, tuple(entries))


@dataclass(frozen=True)
class Segmenters:
    """jieba (the reference) and rjieba (the fast path), both with one user dictionary."""

    jieba: jieba.Tokenizer
    rjieba: rjieba.Jieba
    user_words: frozenset[str]


@lru_cache(maxsize=4)
def segmenters(lexicon: Lexicon) -> Segmenters:
    """jieba with the user dictionary, and rjieba given the same word frequencies and total."""
    jieba.setLogLevel(logging.WARNING)
    reference = jieba.Tokenizer()
    reference.initialize()
    words = dict.fromkeys(word for word, _, _ in lexicon.entries)
    main_freq = {word: reference.FREQ.get(word, 0) for word in words}
    main_total = reference.total
    reference.load_userdict(io.BytesIO(lexicon.data))
    fast = rjieba.Jieba()
    tags = {word: tag for word, _, tag in lexicon.entries}
    for word in words:
        fast.add_word(word, reference.FREQ[word], tags[word])
    # jieba adds every entry's frequency to its total; jieba-rs first takes off the replaced one.
    missing = reference.total - (main_total + sum(reference.FREQ[w] - main_freq[w] for w in words))
    if missing:
        fast.add_word("\x00", missing, None)  # never looked up: jieba-rs only matches Chinese/Latin runs
    return Segmenters(reference, fast, frozenset(words))


def reference_tokenize(text: str, userdict: str | os.PathLike = USERDICT) -> list[str]:
    """Tokens from plain `jieba.lcut(text)` (HMM on) with the user dictionary loaded: the reference."""
    return segmenters(lexicon(userdict)).jieba.lcut(text)


def tokenize(text: str, userdict: str | os.PathLike = USERDICT) -> list[str]:
    """Tokens identical to `reference_tokenize(text)`, computed by rjieba. Tokens join back to `text`."""
    return cut(segmenters(lexicon(userdict)), text)


def cut(seg: Segmenters, text: str) -> list[str]:
    """`text`'s tokens by `seg`'s rjieba, made identical to its jieba's."""
    tokens, start = [], 0
    for block_start, block_end in _blocks_with_joined_runs(text):
        tokens += _rjieba_cut(seg.rjieba, text[start:block_start])
        tokens += _resplit_joined_runs(_rjieba_cut(seg.rjieba, text[block_start:block_end]), seg.user_words)
        start = block_end
    return tokens + _rjieba_cut(seg.rjieba, text[start:])


def _rjieba_cut(fast: rjieba.Jieba, text: str) -> list[str]:
    """rjieba's tokens, with the text first split where jieba's Chinese blocks end and jieba-rs's do not."""
    if not _FOREIGN_HAN.search(text):  # the usual case
        return fast.cut(text)
    return [t for part in _FOREIGN_HAN.split(text) if part for t in fast.cut(part)]


def _blocks_with_joined_runs(text: str) -> list[tuple[int, int]]:
    """Spans of jieba's blocks (runs of jieba.re_han_default) holding a Latin/digit run such as
    `F-16` or `tv.cctv.com` that jieba's HMM step splits; nearby ones are joined into one span.
    Plain decimals like `83.2%` need nothing."""
    blocks, checked, backwards = [], 0, text[::-1]
    for joiner in _JOINER.finditer(text):
        if joiner.start() < checked:
            continue
        start = len(text) - _BLOCK.match(backwards, len(text) - joiner.start()).end()
        checked = _BLOCK.match(text, joiner.start()).end()
        if all(map(jieba.finalseg.re_skip.fullmatch, _JOINED_RUN.findall(text, start, checked))):
            continue
        if blocks and start - blocks[-1][1] <= _NEARBY:  # one span for a whole URL: fewer rjieba calls
            start = blocks.pop()[0]
        blocks.append((start, checked))
    return blocks


def _resplit_joined_runs(tokens: list[str], user_words: frozenset[str]) -> list[str]:
    """Split tokens like `F-16` into the pieces jieba's HMM step makes of them (`F`, `-`, `16`).
    Tokens jieba itself makes (`83.2%`, `--`, Chinese words) come back unchanged."""
    out = []
    for token in tokens:
        if token in user_words or not _JOINED_RUN.fullmatch(token):
            out.append(token)
        else:
            out += [p for p in jieba.finalseg.re_skip.split(token) if p]
    return out
