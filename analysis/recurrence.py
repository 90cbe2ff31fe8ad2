"""Recurrence: clause-length expressions a paper repeats that are not ordinary words.

An item is a 4-12 character run of Chinese standing alone between punctuation marks (对标找差 in
“对标找差、攻坚突破，”); the item itself (up to 8 characters) and its 4-8 character heads and tails
(全生命周期 in “聚焦项目全生命周期，”) are the expressions tried. One is a candidate formula when the text prints it at least twice (in one
article, across the articles of an issue or across issues), and it is not ordinary: not a jieba
dictionary word, not a place, person or body of the user dictionary, not opened or closed by a
stopword, and not used by two or more of the reference reports (项目建设 is report prose; a
formula the reports use comes from the national lexicon instead).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import accumulate
from operator import itemgetter

import ahocorasick_rs
import numpy as np
import rjieba

from .dictionary import in_dictionary
from .echo import load_congress_reports, load_gov_reports
from .terms import stopwords

PUNCT = "、，。；：“”‘’（）()《》！？\n"
ITEM = re.compile(rf"(?<=[{PUNCT}])[\u4e00-\u9fff]{{4,12}}(?=[{PUNCT}])")
SHORTEST, LONGEST = 4, 8
MIN_USES = 2
CONTEXT = 12  # characters each side that identify the same use in a repeated block
MAX_REPORTS = 1  # a phrase in more reference reports than this is ordinary report prose


def recurring(texts: list[str], names: set[str], reference: tuple[str, ...]) -> set[str]:
    """Items printed at least twice in `texts` that are neither ordinary words nor names."""
    filler = stopwords()
    named = ahocorasick_rs.AhoCorasick(sorted(names)) if names else None
    items = {item for text in texts for item in ITEM.findall(text)}
    joined = "\n".join(texts)  # forms are all Chinese and contexts end at a newline: as if text by text
    candidates = sorted({part for item in items for part in _ends(item, named, filler)})
    if not candidates:
        return set()
    uses = _distinct_uses(candidates, joined)
    repeated = [form for form in candidates if uses[form] >= MIN_USES]
    in_reports = _document_frequency(repeated, reference)
    return {form for form in repeated if in_reports[form] <= MAX_REPORTS}


def _ends(item: str, named: ahocorasick_rs.AhoCorasick | None, filler: frozenset[str]) -> list[str]:
    """The item and its heads and tails of 4-8 characters cut at word boundaries (聚焦项目全生命周期 ->
    全生命周期), without dictionary words, names, or a stopword at either end."""
    if named and named.find_matches_as_indexes(item):
        return []  # holds a place, person or body
    return list(_word_ends(item, filler))


@lru_cache(maxsize=1 << 18)
def _word_ends(item: str, filler: frozenset[str]) -> tuple[str, ...]:
    """_ends without the name check, cached by content: a rerun cuts only new items."""
    words = rjieba.cut(item, False)
    bounds = list(accumulate(map(len, words), initial=0))
    ends = []
    for i, j in [(0, k) for k in range(1, len(words) + 1)] + [(k, len(words)) for k in range(1, len(words))]:
        part = item[bounds[i] : bounds[j]]
        if SHORTEST <= len(part) <= LONGEST and not _filler_at_ends(words[i:j], filler):
            ends.append(part)
    return tuple(part for part in ends if not in_dictionary(part))


def _filler_at_ends(words: list[str], filler: frozenset[str]) -> bool:
    """A stopword at either end (为高质量, 发展提供); a one-character one only next to a longer word."""
    first, last = words[0], words[-1]
    if len(words) == 1:
        return first in filler
    return (first in filler and (len(first) > 1 or len(words[1]) > 1)) or (
        last in filler and (len(last) > 1 or len(words[-2]) > 1)
    )


def use_context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The use with up to CONTEXT characters each side, within its paragraph: the same key twice in
    one article is a repeated block."""
    left = text[max(0, start - CONTEXT) : start].rsplit("\n", 1)[-1]
    return left, text[start:end], text[end : end + CONTEXT].split("\n", 1)[0]


def _distinct_uses(forms: list[str], text: str) -> Counter:
    """Uses of each form printed at least twice; a use repeated with the same surrounding text (a
    repeated block) counts once. One matching pass: prints are counted with numpy, and surrounding
    text is read only for forms printed twice."""
    hits = ahocorasick_rs.AhoCorasick(forms).find_matches_as_indexes(text, overlapping=True)
    keys = np.fromiter(map(itemgetter(0), hits), dtype=np.int64, count=len(hits))
    twice = np.bincount(keys, minlength=len(forms)) >= MIN_USES
    contexts = {(k, *use_context(text, s, e)) for (k, s, e), kept in zip(hits, twice[keys].tolist()) if kept}
    return Counter(forms[k] for k, *_ in contexts)


def _document_frequency(forms: list[str], documents: tuple[str, ...]) -> Counter:
    """In how many documents each form is printed; remembered per set of documents, so a rerun
    matches only forms not seen before."""
    known = _REPORTS_USING.setdefault(hash(documents), {})
    new = [form for form in forms if form not in known]
    if new:
        matcher = ahocorasick_rs.AhoCorasick(new)
        counts = Counter()
        for doc in documents:
            counts.update({new[i] for i, _, _ in matcher.find_matches_as_indexes(doc, overlapping=True)})
        known.update({form: counts[form] for form in new})
    return Counter({form: known[form] for form in forms})


_REPORTS_USING: dict[int, dict[str, int]] = {}


@lru_cache(maxsize=1)
def reference_texts() -> tuple[str, ...]:
    """The texts of the government work reports and CPC congress reports (data/reference/)."""
    return tuple(load_gov_reports().text) + tuple(load_congress_reports().text)
