"""Which tokens count as terms: one rule for the topic matrix, word frequencies, word clouds and the brief.

By default (`TermFilter()`) a token counts when all of these hold:

- it is not a stopword (`data/lexicon/stopwords.txt`: function words, officialese filler);
- it holds a letter — a Chinese character or a Latin letter: punctuation, symbols, whitespace and
  Arabic numbers (2024, 1.5, 10%) never count, words with a Latin letter do (5G, COVID, COVID-19);
- it is not a number written with Chinese numerals, alone or mixed with digits (三, 十五, 二〇二四,
  3万), nor an enumerator (①): they name quantities, not subjects. Two kinds of numeral words are
  never numbers: five-year-plan names (`FIVE_YEAR_PLAN`: 一五 … 九五 and 十一五 … 十九五, so 十三五,
  十四五, 十五五; 十五, the tenth plan, is fifteen far more often and stays a number) and the words
  of the user dictionary (`data/lexicon/userdict.txt`), which the researcher put there to be
  counted (they need no letter either). `numbers=True` counts numbers too, Arabic ones included;
- it has two characters or more, or is in `keep_single` (default `KEEP_SINGLE`: 党, 村, 粮, 医 …):
  most other single characters are particles, measure words or fragments of unknown words.
  `keep_single=True` counts every one-character word, `False` none.

Counting code judges each distinct word of a vocabulary once (`TermFilter.mask`), never each token.
(Pandas string methods over the vocabulary were tried for `mask`: three times slower than this
plain map, since they loop in Python over object arrays too.)
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from .lexicon_io import read_text_any
from .paths import LEXICON
from .segment import user_words

STOPWORDS = LEXICON / "stopwords.txt"

# One-character tokens that carry meaning in local-government news; every other one-character
# token is left out by default (mostly particles, measure words and OCR fragments).
KEEP_SINGLE = frozenset(
    "党国省市县乡镇村民军警法税费钱粮农工商企水电气油煤路桥房林田山河湖江海医药病疫学书文史德廉腐贫富灾火车船茶鱼猪"
)

LETTER = re.compile(r"[^\W\d_]")  # a word character that is no digit: Chinese characters, Latin letters
_NUMERAL = r"\d〇零一二三四五六七八九十百千万亿两\u2460-\u249b"  # digits, Chinese numerals, ① … ⒛
_NUMBER_SIGN = r".．,，%％‰:：/+\-"
NUMBER = re.compile(f"[{_NUMBER_SIGN}]*[{_NUMERAL}][{_NUMERAL}{_NUMBER_SIGN}]*")
FIVE_YEAR_PLAN = re.compile("十?[一二三四五六七八九]五")  # 六五: the 6th five-year plan, 十三五: the 13th


def stopwords(path: str | os.PathLike = STOPWORDS) -> frozenset[str]:
    """The project stopword list (`data/lexicon/stopwords.txt`: one word a line, `#` starts a comment line)."""
    stat = os.stat(path)
    return _read_stopwords(os.fspath(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4)
def _read_stopwords(path: str, mtime_ns: int, size: int) -> frozenset[str]:
    words = frozenset(w for w in map(str.strip, read_text_any(path).split("\n")) if w and not w.startswith("#"))
    if not words:
        warnings.warn(f"{path}: no stopwords (the file is empty); every word will be counted", stacklevel=3)
    return words


@dataclass(frozen=True)
class TermFilter:
    """The rule for a countable word (see the module docstring); `TermFilter()` is the project's default.

    `stopwords` defaults to `stopwords()`, `user_words` (never taken for numbers) to the user
    dictionary's words; `keep_single` is a set of one-character words, True (all) or False (none).
    """

    stopwords: frozenset[str] = field(default_factory=lambda: stopwords())
    keep_single: frozenset[str] | bool = KEEP_SINGLE
    numbers: bool = False
    user_words: frozenset[str] = field(default_factory=lambda: user_words())

    def __post_init__(self):
        object.__setattr__(self, "stopwords", frozenset(self.stopwords))
        object.__setattr__(self, "user_words", frozenset(self.user_words))
        if not isinstance(self.keep_single, bool):
            object.__setattr__(self, "keep_single", frozenset(self.keep_single))

    def __call__(self, token: str) -> bool:
        """Whether `token` counts."""
        if token in self.stopwords:
            return False
        if len(token) == 1 and not (self.keep_single is True or (self.keep_single and token in self.keep_single)):
            return False
        if token in self.user_words or FIVE_YEAR_PLAN.fullmatch(token):
            return True
        if NUMBER.fullmatch(token):
            return self.numbers
        return LETTER.search(token) is not None

    def mask(self, vocabulary: np.ndarray | Sequence[str]) -> np.ndarray:
        """A boolean array: which words of `vocabulary` count (each word judged once, whatever its count)."""
        words = np.asarray(vocabulary, dtype=object).reshape(-1).tolist()
        return np.fromiter(map(self, words), dtype=bool, count=len(words))

    def filter(self, tokens: Iterable[str]) -> list[str]:
        """The tokens that count, in order."""
        return [token for token in tokens if self(token)]
