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
from itertools import chain

import ahocorasick_rs
import numpy as np
import rjieba

from .dictionary import words_in_dictionary
from .echo import load_congress_reports, load_gov_reports
from .joined import SEPARATOR, Joined, match_array
from .terms import stopwords

PUNCT = "、，。；：“”‘’（）()《》！？\n"
ITEM = re.compile(rf"[{PUNCT}]([\u4e00-\u9fff]{{4,12}})(?=[{PUNCT}])")  # a run between punctuation marks
SHORTEST, LONGEST = 4, 8
MIN_USES = 2
CONTEXT = 12  # characters each side that identify the same use in a repeated block
MAX_REPORTS = 1  # a phrase in more reference reports than this is ordinary report prose


def recurring(joined: Joined, names: set[str], reference: tuple[str, ...]) -> set[str]:
    """Items printed at least twice in the joined texts that are neither ordinary words nor names."""
    filler = stopwords()
    items = sorted(set(ITEM.findall(joined.text)))
    if names and items:
        listed = SEPARATOR.join(items)
        named = ahocorasick_rs.AhoCorasick(sorted(names)).find_matches_as_indexes(listed, overlapping=True)
        offsets = np.cumsum([0] + [len(item) + 1 for item in items])
        holds_name = set(np.searchsorted(offsets, [s for _, s, _ in named], side="right") - 1)
        items = [item for i, item in enumerate(items) if i not in holds_name]  # a place, person or body
    candidates = sorted(set(chain.from_iterable(_word_ends(items, filler))))
    if not candidates:
        return set()
    uses = _distinct_uses(candidates, joined)
    repeated = [form for form in candidates if uses[form] >= MIN_USES]
    in_reports = _document_frequency(repeated, reference)
    return {form for form in repeated if in_reports[form] <= MAX_REPORTS}


def _word_ends(items: list[str], filler: frozenset[str]) -> list[tuple[str, ...]]:
    """Each item and its heads and tails of 4-8 characters cut at word boundaries (聚焦项目全生命周期 ->
    全生命周期), without dictionary words or a stopword at either end. Remembered by item, so a rerun
    cuts only new items."""
    known = _ENDS.setdefault(filler, {})
    new = [item for item in items if item not in known]
    if new:
        known.update(zip(new, _cut_ends(new, filler)))
    return [known[item] for item in items]


_ENDS: dict[frozenset[str], dict[str, tuple[str, ...]]] = {}


def _cut_ends(items: list[str], filler: frozenset[str]) -> list[tuple[str, ...]]:
    """_word_ends for items not seen before: all cut in one call to the segmenter, spans with numpy.

    A span of words a..b has a stopword at an end when it is one stopword, or opens (closes) with a
    stopword that is longer than one character or stands next to a longer word (为高质量, 发展提供)."""
    listed = SEPARATOR.join(items)
    words = rjieba.cut(listed, False)
    size = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    stop = np.array([word in filler for word in words], dtype=bool)
    end = np.cumsum(size)
    start = end - size
    between = np.isin(start, np.cumsum([len(item) + 1 for item in items[:-1]]) - 1)  # the separators
    cut = np.flatnonzero(between)
    first = np.concatenate(([0], cut + 1))  # each item's first and last word
    last = np.concatenate((cut - 1, [len(words) - 1]))
    item = np.repeat(np.arange(len(items)), last - first + 1)
    word = np.flatnonzero(~between)
    longer = size > 1
    opens = stop & (longer | np.append(longer[1:], False))  # a stopword opening a span of 2+ words
    closes = stop & (longer | np.insert(longer[:-1], 0, False))  # … closing one

    def spans(a, b, keep):
        filler_end = np.where(a == b, stop[a], opens[a] | closes[b])
        length = end[b] - start[a]
        ok = keep & ~filler_end & (length >= SHORTEST) & (length <= LONGEST)
        return item[ok], start[a][ok], end[b][ok]

    heads = spans(first[item], word, np.ones(len(word), dtype=bool))
    tails = spans(word, last[item], word > first[item])
    owner, lo, hi = (np.concatenate(pair) for pair in zip(heads, tails))
    order = np.argsort(owner, kind="stable")
    parts = [listed[a:b] for a, b in zip(lo[order].tolist(), hi[order].tolist())]
    plain = ~np.array(words_in_dictionary(parts), dtype=bool)
    parts = [part for part, kept in zip(parts, plain.tolist()) if kept]
    bounds = np.concatenate(([0], np.cumsum(np.bincount(owner[order][plain], minlength=len(items))))).tolist()
    return [tuple(parts[i:j]) for i, j in zip(bounds[:-1], bounds[1:])]


def _distinct_uses(forms: list[str], joined: Joined) -> Counter:
    """Uses of each form printed at least twice; a use repeated with the same surrounding text (a
    repeated block) counts once. One matching pass: prints are counted with numpy, and surrounding
    text is read only for forms printed twice."""
    hits = ahocorasick_rs.AhoCorasick(forms).find_matches_as_indexes(joined.text, overlapping=True)
    if not hits:
        return Counter()
    keys, starts, ends = match_array(hits).T
    twice = (np.bincount(keys, minlength=len(forms)) >= MIN_USES)[keys]
    keys, starts, ends = keys[twice], starts[twice], ends[twice]
    left, right = joined.paragraph_bounds(starts, ends, CONTEXT)
    text = joined.text
    contexts = set(
        zip(keys.tolist(), (starts - left).tolist(), [text[a:b] for a, b in zip(left.tolist(), right.tolist())])
    )
    return Counter(forms[k] for k, _, _ in contexts)


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
