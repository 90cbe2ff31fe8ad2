"""jieba's dictionary as evidence: is a form an ordinary word, an idiom, a name?"""

from __future__ import annotations

import os
from functools import lru_cache

import jieba
import jieba.posseg

IDIOM_TAGS = {"i", "l"}  # 成语, 习用语
NAME_TAGS = {"ns", "nr", "nrt", "nrfg", "nt"}  # places, people, organisations


@lru_cache(maxsize=1)
def _tags() -> dict[str, str]:
    jieba.dt.check_initialized()
    return jieba.posseg.dt.word_tag_tab


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, int]:
    jieba.dt.check_initialized()
    return jieba.dt.FREQ


def in_dictionary(form: str) -> bool:
    """True for a word of jieba's main dictionary (一砖一瓦, 破冰, 加速度)."""
    return _frequencies().get(form, 0) > 0


def words_in_dictionary(forms: list[str]) -> list[bool]:
    """in_dictionary for many forms at once."""
    frequencies = _frequencies()
    return [frequencies.get(form, 0) > 0 for form in forms]


def word_tag(form: str) -> str | None:
    """jieba's part-of-speech tag of a dictionary word (i idiom, l set phrase, ns place …), else None."""
    return _tags().get(form) if in_dictionary(form) else None


def user_names(userdict: str | os.PathLike | None) -> dict[str, str]:
    """Words of a jieba user dictionary tagged as places, people or organisations -> their tag."""
    if userdict is None:
        return {}
    return dict(_user_names(str(userdict), os.stat(userdict).st_mtime_ns))


@lru_cache(maxsize=4)
def _user_names(path: str, mtime_ns: int) -> tuple[tuple[str, str], ...]:
    with open(path, encoding="utf-8") as f:
        parts = [line.split() for line in f]
    return tuple((p[0], p[-1]) for p in parts if len(p) >= 2 and p[-1] in NAME_TAGS)
