"""The corpus's own stoplist for topics and word clouds: its people, its home places, meeting boilerplate.

These words dominate every cloud and carry topics of a district page (a topic 建议·提案·赵洪涛 is carried
by officials' names, the district's name, 出席会议, 讲话). They stay in the article and people tables;
`corpus_terms` is the `TermFilter` that leaves them out of counts.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from .segment import USERDICT, lexicon, segmenters
from .terms import TermFilter, stopwords

MEETING_WORDS = frozenset({"出席会议", "主持会议", "参加会议", "出席", "主持", "讲话"})
HOME_SHARE = 0.3  # a place name printed in at least this share of the articles is the paper's own


def home_places(articles: pd.DataFrame, min_share: float = HOME_SHARE) -> set[str]:
    """Place names (jieba tag `ns`) printed in at least `min_share` of the articles."""
    tag = segmenters(lexicon(USERDICT)).rjieba.tag
    texts = articles["headline"].fillna("") + "\n" + articles["text"].fillna("")
    seen = Counter(place for text in texts for place in {w for w, flag in tag(text) if flag == "ns"})
    return {place for place, n in seen.items() if n >= min_share * len(texts)}


def corpus_stoplist(articles: pd.DataFrame, people: pd.DataFrame, min_share: float = HOME_SHARE) -> frozenset[str]:
    """The words to keep out of topics and clouds: people's names, home places, meeting boilerplate."""
    return frozenset(people["name"].dropna()) | home_places(articles, min_share) | MEETING_WORDS


def corpus_terms(articles: pd.DataFrame, people: pd.DataFrame, on: bool = True) -> TermFilter:
    """The project's term rule with the corpus stoplist added (`on=False`: the plain rule)."""
    extra = corpus_stoplist(articles, people) if on else frozenset()
    return TermFilter(stopwords=stopwords() | extra)
