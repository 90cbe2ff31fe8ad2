"""Which block continues which article, scored on real lines of the sample page (no parser involved)."""

from collections import Counter

import pytest

from analysis.paths import RAW
from analysis.read.evidence import (
    LABEL_WEIGHT,
    MID_SENTENCE_WEIGHT,
    SWITCH_MARGIN,
    WORD_ACROSS_WEIGHT,
    cohesion,
    continuation_score,
    takes_over,
)
from analysis.read.lines import bigram_list

RAW_LINES = (RAW / "000_643968e12915283d.txt").read_text(encoding="utf-8").split("\n")
# the open tails of the articles waiting on the sample page, and the raw lines their text came from
WENMING = (105, [103, 105])  # 文明实践中心 … 要在服务上精准有
CHENGTOU = (113, [111, 113])  # 城投 … 大家登上里
WEIJIAN = (121, [119, 121])  # 卫健委 … 大家沿着周总理生平
AIWEI = (129, [127, 129])  # 爱卫办 … 清江浦区疾控中心公


def line(n: int) -> str:
    return RAW_LINES[n - 1].strip()


def bigrams(n: int) -> Counter:
    return Counter(bigram_list(line(n)))


def score(block: int, article: tuple, is_open: bool = True, labelled: bool = False) -> tuple[float, str]:
    tail, lines = article
    vocabulary = set(bigram_list("".join(line(n) for n in lines)))
    return continuation_score(line(block), bigrams(block), line(tail), is_open, vocabulary, labelled)


def test_a_word_across_the_join_names_the_article():
    wenming, why = score(159, WENMING)  # 精准有|力，提升工作实效
    assert why == "word 有力 across the join"
    assert takes_over(wenming, score(159, CHENGTOU)[0])
    assert score(161, CHENGTOU)[1] == "word 里运河 across the join"  # 登上里|运河画舫


def test_the_text_outweighs_a_misleading_jump_label():
    # line 167 (的足迹…) stands under the 爱卫办 headline repeated as a label, but continues 卫健委
    weijian, why = score(167, WEIJIAN)
    labelled, _ = score(167, AIWEI, labelled=True)
    assert why == "shared vocabulary and page order"
    assert weijian > labelled
    assert labelled == pytest.approx(score(167, AIWEI)[0] + LABEL_WEIGHT)


def test_a_mid_sentence_start_counts_only_for_an_open_article():
    open_score, _ = score(167, WEIJIAN)
    closed_score, why = score(167, WEIJIAN, is_open=False)
    assert open_score == pytest.approx(closed_score + MID_SENTENCE_WEIGHT)
    assert why == "shared vocabulary and page order"
    assert score(159, WENMING, is_open=False)[1] == "shared vocabulary and page order"


def test_cohesion_is_the_share_of_bigrams_the_article_already_uses():
    aiwei = set(bigram_list(line(127) + line(129)))
    weijian = set(bigram_list(line(119) + line(121)))
    assert cohesion(bigrams(171), aiwei) > 10 * cohesion(bigrams(171), weijian)  # 病媒生物, 疾控 …
    assert cohesion(bigrams(171), set(bigrams(171))) == 1.0
    assert cohesion(bigrams(171), set()) == 0.0
    assert cohesion(Counter(), aiwei) == 0.0


def test_switching_needs_the_margin():
    assert takes_over(1.0 + SWITCH_MARGIN + 0.01, 1.0)
    assert not takes_over(1.0 + SWITCH_MARGIN, 1.0)


def test_a_longer_word_across_the_join_weighs_more():
    """Two open articles both form a word with the block (湖|光山色 and 生|光, invented tails): the longer
    word is the stronger evidence, by one weight per character past the second."""
    block = "光山色，游人如织。"
    grams = Counter(bigram_list(block))
    four, why4 = continuation_score(block, grams, "远处是令人难忘的湖", True, set())
    two, why2 = continuation_score(block, grams, "老街从此熠熠生", True, set())
    assert (why4, why2) == ("word 湖光山色 across the join", "word 生光 across the join")
    assert four == pytest.approx(two + 2 * WORD_ACROSS_WEIGHT)
