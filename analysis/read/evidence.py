"""How strongly a block continues an article: pure scoring, no parser state.

A block that runs on from an article's open tail is told by a dictionary word formed across the
join (精准有|力 → 有力), by visibly starting inside a sentence (`的足迹…`), by sharing the article's
vocabulary, and, weakly, by a repeated headline (a jump label, which can be wrong) above it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

from .lines import starts_mid_sentence, word_across

SWITCH_MARGIN = 0.6  # evidence a waiting article needs over the current one to take a block
WORD_ACROSS_WEIGHT = 2  # a dictionary word formed across the join (精准有|力)
MID_SENTENCE_WEIGHT = 1  # the block visibly starts inside a sentence; counts for every open article alike
LABEL_WEIGHT = 0.3  # a repeated headline above the block: a hint only, since labels can be wrong
COHESION_WEIGHT = 8  # a block sharing a quarter of its bigrams with an article weighs as a word across the join


def cohesion(block_bigrams: Counter, vocabulary: Collection) -> float:
    """Share of a block's bigrams that an article already uses: does it talk about the same things?

    Bigrams every article uses (清江浦区) add the same to every candidate, so they cancel out
    in the comparisons made with this score.
    """
    total = sum(block_bigrams.values())
    if not total:
        return 0.0
    return sum(n for g, n in block_bigrams.items() if g in vocabulary) / total


def continuation_score(
    text: str, block_bigrams: Counter, tail: str, is_open: bool, vocabulary: Collection, labelled: bool = False
) -> tuple[float, str]:
    """How strongly block `text` continues an article whose last paragraph is `tail`, and why.

    `is_open`: the article's last paragraph is left mid-sentence; `labelled`: a jump label naming
    the article stands above the block.
    """
    score, why = COHESION_WEIGHT * cohesion(block_bigrams, vocabulary), []
    if is_open:
        word = word_across(tail, text)
        if word:
            score += WORD_ACROSS_WEIGHT * (len(word) - 1)  # a longer word (湖|光山色) is less likely by chance
            why.append(f"word {word} across the join")
        if starts_mid_sentence(text):
            score += MID_SENTENCE_WEIGHT
    if labelled:
        score += LABEL_WEIGHT
    return score, ", ".join(why) or "shared vocabulary and page order"


def takes_over(best: float, own: float) -> bool:
    """Does a waiting article's evidence beat the current article's by the switch margin?"""
    return best > own + SWITCH_MARGIN
