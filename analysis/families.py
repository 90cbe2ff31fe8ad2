"""Families of slogans: variants that share a core, suggested by rules, overridden by the lexicon.

Rules, first that applies, for a slogan S and a shorter known slogan F (4+ characters):
- stretched: S is F with 2-4 characters inserted at a word boundary of F (高质量跨越发展,
  高质量跨越赶超发展 -> 高质量发展), or F contains S's tail and head (S starts with F's head and ends with F's tail);
- contains: S contains F (重大项目攻坚 -> 项目攻坚);
- one letter: S and F have the same length (3+), differ in one character and share their last two
  (头号工程 / 一号工程); the family is the one with more uses, then the one seen first.
A slogan without a rule is its own family.
"""

from __future__ import annotations

from collections import defaultdict

import ahocorasick_rs
import numpy as np

from .joined import SEPARATOR, match_array

MIN_CORE = 4
MAX_INSERT = 4


def suggest_families(slogans: list[str], uses: dict[str, int] | None = None) -> dict[str, str]:
    """Each slogan -> its family name. `slogans` in order of first appearance; `uses` breaks ties."""
    uses = uses or {}
    known = set(slogans)
    rank = {s: (-uses.get(s, 0), i) for i, s in enumerate(slogans)}
    ends = {(f[:2], f[-2:], len(f)) for f in known if len(f) >= MIN_CORE}  # a core keeps its slogan's ends
    contained = _contained_cores(slogans)
    family = {}
    for s in slogans:
        stretched = any((s[:2], s[-2:], len(s) - n) in ends for n in range(2, MAX_INSERT + 1))
        core = (stretched and _stretched_core(s, known)) or contained.get(s)
        if core:
            family[s] = core
    by_tail = defaultdict(list)
    for s in slogans:
        if len(s) >= 3 and s not in family:
            by_tail[(len(s), s[-2:])].append(s)
    for group in by_tail.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if sum(x != y for x, y in zip(a, b)) == 1:
                    head, other = sorted((a, b), key=rank.__getitem__)
                    family.setdefault(other, family.get(head, head))
    return {s: _root(family, s) for s in slogans}


def _stretched_core(s: str, known: set[str]) -> str | None:
    for insert in range(2, MAX_INSERT + 1):
        for cut in range(2, len(s) - insert - 1):
            core = s[:cut] + s[cut + insert :]
            if len(core) >= MIN_CORE and core in known:
                return core
    return None


def _contained_cores(slogans: list[str]) -> dict[str, str]:
    """Each slogan -> the longest other slogan (4+ characters) it contains, the first printed in it
    on a tie; one matching pass over all slogans."""
    cores = [f for f in slogans if len(f) >= MIN_CORE]
    if not cores:
        return {}
    listed = SEPARATOR.join(slogans)
    hits = match_array(ahocorasick_rs.AhoCorasick(cores).find_matches_as_indexes(listed, overlapping=True))
    bounds = np.cumsum([0] + [len(s) + 1 for s in slogans])
    owner = np.searchsorted(bounds, hits[:, 1], side="right") - 1
    length = hits[:, 2] - hits[:, 1]
    inner = length < bounds[owner + 1] - 1 - bounds[owner]  # not the slogan itself
    owner, core, length, start = owner[inner], hits[inner, 0], length[inner], hits[inner, 1]
    order = np.lexsort((start, -length, owner))
    best = order[np.concatenate(([True], owner[order][1:] != owner[order][:-1]))] if len(order) else order
    return {slogans[o]: cores[c] for o, c in zip(owner[best].tolist(), core[best].tolist())}


def _root(family: dict[str, str], s: str) -> str:
    seen = set()
    while s in family and s not in seen:
        seen.add(s)
        s = family[s]
    return s
