"""Texts joined into one string: rules run once over them give what they give text by text."""

import re
from itertools import accumulate

import pytest
import rjieba
from slogan_fixtures import page_lines, sample_articles

from analysis.dictionary import in_dictionary
from analysis.joined import Joined, anchored
from analysis.recurrence import ITEM, LONGEST, SHORTEST, _cut_ends
from analysis.slogan_patterns import ANCHORS, RULES, pattern_uses
from analysis.terms import stopwords


@pytest.fixture(scope="module")
def texts():
    articles = sample_articles()
    return [t for pair in zip(articles.headline, articles.text) for t in pair] + [
        "工作专班。\n腾笼换凤，提升土地效益\n清江浦区",
        "腾笼换凤，提升土地效益",  # a subhead at the very end of a text is not one
        "坚持问题导向坚持党建引领、聚焦重点",
        "有\x00NUL的文字",
    ]


@pytest.mark.parametrize("rule", sorted(ANCHORS))
def test_anchored_scan_gives_what_finditer_gives(rule):
    pattern, (anchor, shifts) = RULES[rule], ANCHORS[rule]
    text = "\n".join(page_lines()) + "\n促进干部敢为善为有为。队伍建设专业化、活动开展常态化、群众参与便利化标准"
    found = [(m.start(), m.end()) for m in anchored(pattern, text, anchor, shifts)]
    assert found == [(m.start(), m.end()) for m in pattern.finditer(text)]


def test_patterns_over_joined_texts_are_the_patterns_text_by_text(texts):
    joined = Joined(texts)
    uses = pattern_uses(joined.text)
    where = joined.locate([s for _, _, s, _ in uses])
    by_joined = sorted(
        (int(i), name, rule, s - int(joined.starts[i]), e - int(joined.starts[i]))
        for i, (name, rule, s, e) in zip(where, uses)
    )
    by_text = sorted((i, *use) for i, text in enumerate(joined.texts) for use in pattern_uses(text))
    assert by_joined == by_text and any(rule == "subhead" for _, _, rule, _, _ in by_text)


def test_positions_map_back_and_paragraphs_bound_the_context(texts):
    joined = Joined(texts)
    assert "\x00" not in "".join(joined.texts)  # a NUL in a text is a space: it would join two texts
    starts = [int(s) + 3 for s in joined.starts[:4]]
    assert joined.locate(starts).tolist() == [0, 1, 2, 3]
    left, right = joined.paragraph_bounds(starts, [s + 2 for s in starts], 12)
    for s, a, b in zip(starts, left.tolist(), right.tolist()):
        i = int(joined.locate([s])[0])
        text, local = joined.texts[i], s - int(joined.starts[i])
        assert joined.text[a:s] == text[max(0, local - 12) : local].rsplit("\n", 1)[-1]
        assert joined.text[s + 2 : b] == text[local + 2 : local + 14].split("\n", 1)[0]


def test_word_ends_cut_in_one_call_are_the_ends_cut_item_by_item(texts):
    filler = stopwords()
    items = sorted({item for text in texts for item in ITEM.findall(text)})

    def one_item(item):  # the rule as the module docstring states it, item by item
        words = rjieba.cut(item, False)
        bounds = list(accumulate(map(len, words), initial=0))
        spans = [(0, k) for k in range(1, len(words) + 1)] + [(k, len(words)) for k in range(1, len(words))]
        ends = set()
        for i, j in spans:
            part, first, last = item[bounds[i] : bounds[j]], words[i], words[j - 1]
            opens = first in filler and (j - i == 1 or len(first) > 1 or len(words[i + 1]) > 1)
            closes = last in filler and (j - i > 1 and (len(last) > 1 or len(words[j - 2]) > 1))
            if SHORTEST <= len(part) <= LONGEST and not opens and not closes and not in_dictionary(part):
                ends.add(part)
        return ends

    assert len(items) > 50
    assert [set(ends) for ends in _cut_ends(items, filler)] == [one_item(item) for item in items]


def test_item_pattern_is_the_run_between_punctuation_marks():
    text = "，对标找差、攻坚突破，聚焦项目全生命周期，十三个字的长长长长长长句子，"
    assert ITEM.findall(text) == ["对标找差", "攻坚突破", "聚焦项目全生命周期"]
    assert not re.search(ITEM, "对标找差")  # at a text's edge: not between marks
