"""The corpus's own stoplist for topics and word clouds: its people, its home places, meeting boilerplate.

These words dominate every cloud and carry topics of a district page (a topic 建议·提案·赵洪涛 is carried
by officials' names, the district's name, 出席会议, 讲话). They stay in the article and people tables;
`corpus_terms` is the `TermFilter` that leaves them out of counts.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .segment import USERDICT, lexicon, segmenters
from .terms import TermFilter, stopwords
from .token_cache import tokenize_table

MEETING_WORDS = frozenset({"出席会议", "主持会议", "参加会议", "出席", "主持", "讲话"})
CHINESE_WORD = re.compile(r"[\u4e00-\u9fff]{2,}")
HOME_SHARE = 0.3  # a place name printed in at least this share of the articles is the paper's own


def home_places(articles: pd.DataFrame, min_share: float = HOME_SHARE, cache_dir=None) -> set[str]:
    """Place names (jieba tag `ns`) printed in at least `min_share` of the articles (headline or text).

    Read from the cached tokens of the headlines and texts (`tokenize_table`: a rerun cuts only new texts),
    each distinct word tagged once, not from tagging every text again.
    """
    seen = []
    for column in ("headline", "text"):
        table = tokenize_table(articles[column].fillna("").tolist(), progress=False, cache_dir=cache_dir)
        places = np.flatnonzero(_are_places(table.vocabulary.tolist()))
        found = table.counts()[:, places].tocoo()
        seen.append(pd.DataFrame({"article": found.row, "place": table.vocabulary[places][found.col]}))
    articles_per_place = pd.concat(seen).drop_duplicates().place.value_counts()
    return set(articles_per_place.index[articles_per_place >= min_share * len(articles)])


def _are_places(words: list[str]) -> np.ndarray:
    """Whether jieba tags each word, standing alone, as a place name (ns). The Chinese words of two or more
    characters are tagged in one call, one per line; a word cut in two is no place."""
    chinese = [i for i, word in enumerate(words) if CHINESE_WORD.fullmatch(word)]
    tagged = segmenters(lexicon(USERDICT)).rjieba.tag("".join(words[i] + "\n" for i in chinese))
    tags, pieces = [], []
    for word, tag in tagged:
        if word == "\n":
            tags.append(len(pieces) == 1 and pieces[0] == "ns")
            pieces = []
        else:
            pieces.append(tag)
    places = np.zeros(len(words), dtype=bool)
    places[chinese] = tags
    return places


def corpus_stoplist(
    articles: pd.DataFrame, people: pd.DataFrame, min_share: float = HOME_SHARE, cache_dir=None
) -> frozenset[str]:
    """The words to keep out of topics and clouds: people's names, home places, meeting boilerplate."""
    return frozenset(people["name"].dropna()) | home_places(articles, min_share, cache_dir) | MEETING_WORDS


def corpus_terms(articles: pd.DataFrame, people: pd.DataFrame, on: bool = True, cache_dir=None) -> TermFilter:
    """The project's term rule with the corpus stoplist added (`on=False`: the plain rule); `cache_dir` is the
    token cache's processed folder (default `analysis.paths.PROCESSED`)."""
    extra = corpus_stoplist(articles, people, cache_dir=cache_dir) if on else frozenset()
    return TermFilter(stopwords=stopwords() | extra)
