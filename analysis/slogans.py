"""Slogans (提法): the formulations a government repeats, found in cleaned article text.

Works on text, not tokens (a slogan may hold `·`, `、` or spaces). Two steps:
1. Discover forms: quoted phrases (“…” 「…」 『…』 ‘…’ "…", 2-30 characters, not a sentence)
   and numbered patterns found quoted or not: codes (13153·N, 1+N), numeral pairs
   (三先一后, 一带一路, 一企一策; dictionary idioms such as 一砖一瓦 are left out) and
   N号工程 (一号工程, 一号文件).
2. Count every use. Structured forms (numbered, couplet, campaign) and lexicon entries count
   wherever they occur; set phrases and other quoted words count only where quoted, because
   the quote marks are the evidence (“破冰” is a slogan, 破冰船 is not).
The researcher's lexicon (data/lexicon/slogans.csv) adds, renames, merges, retypes and excludes.
A use repeated with the same surrounding text in one article (a repeated block) counts once.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache

import ahocorasick_rs
import jieba
import pandas as pd

from analysis.paths import LEXICON

LEXICON_FILE = LEXICON / "slogans.csv"
LEXICON_COLUMNS = ["slogan", "canonical", "type", "action", "note"]
ACTIONS = ("add", "exclude")
TYPE_LABELS = {
    "numbered": "数字提法",
    "couplet": "对仗句",
    "campaign": "活动/行动名称",
    "set_phrase": "固定说法/比喻",
    "other": "其他",
}
TYPES = tuple(TYPE_LABELS)
COUNTED_EVERYWHERE = {"numbered", "couplet", "campaign"}
COLUMNS = ["article_id", "issue", "date", "slogan", "type", "form", "start", "end", "quoted"]

MAX_LEN = 30   # a longer quote is speech or a title, not a slogan
CONTEXT = 12   # characters each side that identify the same use in a repeated block
QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』", "‘": "’", '"': '"'}
NUMERAL = "一二两三四五六七八九十"

QUOTED = [re.compile(f"{re.escape(o)}([^{re.escape(o + c)}\\n]{{2,{MAX_LEN}}}){re.escape(c)}")
          for o, c in QUOTE_PAIRS.items()]
SENTENCE = re.compile(r"[。！？；：!?;]|[，、,\s]$|^[，、,\s]")
CJK = re.compile(r"[\u4e00-\u9fff]")
CODE = re.compile(r"(?<![\d.])\d+(?:[·•・+＋](?:\d+|[A-Za-z]))+")
PAIRED = re.compile(rf"(?<![{NUMERAL}双])(?:[{NUMERAL}双](?![{NUMERAL}个次年月日天批件些])[\u4e00-\u9fff]){{2,3}}")
NUMBER_PROJECT = re.compile(rf"(?:[{NUMERAL}]|\d+|头)号(?:工程|文件|任务|行动|项目|专项)")
ALL_NUMERALS = re.compile(rf"[{NUMERAL}双]+")  # 九五, 十五: unquoted, usually a plain number
NUMBERED = re.compile(rf"^(?:第?[{NUMERAL}双]|\d|头号)")
ACTIVITY_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:活动|行动|运动|竞赛|大赛|评选|主题)")
ACTIVITY_SUFFIX = re.compile(r"..(?:活动|行动|运动|工程|攻坚战|会战|竞赛|大赛|年|季|月)$")
PARTS = re.compile(r"[、，,\s]+")


def slogan_lexicon(path: str | os.PathLike = LEXICON_FILE) -> pd.DataFrame:
    """The researcher's lexicon: slogan, canonical (blank = itself), type (blank = rules), action, note.

    action is `add` (blank means add) or `exclude`. Rows sharing a canonical merge variants.
    """
    return _checked(pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig"))


def extract_slogans(articles: pd.DataFrame, lexicon: pd.DataFrame | str | os.PathLike | None = None
                    ) -> pd.DataFrame:
    """One row per slogan use: article_id, issue, date, slogan, type, form, start, end, quoted.

    `slogan` is the canonical name, `form` the text as printed, start/end its offsets in the
    article's `text`. Forms discovered in any of `articles` are counted in all of them, so pass
    the whole corpus for counts that agree across runs. `lexicon` defaults to slogan_lexicon().
    """
    lex = slogan_lexicon() if lexicon is None else (
        _checked(lexicon) if isinstance(lexicon, pd.DataFrame) else slogan_lexicon(lexicon))
    texts = articles["text"].fillna("").tolist()
    quoted_spans, campaign = _discover(texts)

    kept = lex[lex.action != "exclude"]
    canonical = dict(zip(kept.slogan, kept.canonical))
    forms = (set(campaign) - set(lex.slogan[lex.action == "exclude"])) | set(canonical)
    names = {form: canonical.get(form, form) for form in forms}
    in_campaign = {names[form] for form in forms if campaign.get(form)}
    typed = kept[kept.type != ""]
    type_of = dict(zip(typed.canonical, typed.type))
    for name in set(names.values()):
        type_of.setdefault(name, slogan_type(name, name in in_campaign))
    everywhere = sorted(f for f in forms if f in canonical or (
        type_of[names[f]] in COUNTED_EVERYWHERE and not ALL_NUMERALS.fullmatch(f)))

    matcher = ahocorasick_rs.AhoCorasick(everywhere, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest) \
        if everywhere else None
    quoted_only = forms - set(everywhere)
    rows = []
    for row, text, spans in zip(articles.itertuples(index=False), texts, quoted_spans):
        hits = [(everywhere[i], s, e) for i, s, e in matcher.find_matches_as_indexes(text)] if matcher else []
        hits += [(f, s, e) for f, s, e in spans if f in quoted_only]
        seen = set()
        for form, s, e in sorted(hits, key=lambda h: h[1]):
            key = (text[max(0, s - CONTEXT):s], form, text[e:e + CONTEXT])
            if key in seen:
                continue
            seen.add(key)
            rows.append((row.article_id, getattr(row, "issue", None), getattr(row, "date", pd.NaT), names[form],
                         type_of[names[form]], form, s, e, _is_quoted(text, s, e)))
    return pd.DataFrame(rows, columns=COLUMNS).astype({"start": int, "end": int, "quoted": bool})


def slogan_type(form: str, campaign_context: bool = False) -> str:
    """The rule type of a form; `campaign_context`: it was seen quoted right before 活动/行动/主题…."""
    if NUMBERED.match(form):
        return "numbered"
    if campaign_context and len(form) >= 4:
        return "campaign"
    if ACTIVITY_SUFFIX.search(form):
        return "campaign"
    parts = [p for p in PARTS.split(form) if p]
    if len(parts) >= 2 and all(len(p) >= 2 for p in parts):
        return "couplet"
    if _in_dictionary(form):
        return "set_phrase"
    return "other"


def _discover(texts: list[str]) -> tuple[list[list[tuple[str, int, int]]], dict[str, bool]]:
    """Quoted spans per text, and every discovered form -> seen quoted before an activity word."""
    spans_per_text, campaign = [], {}
    for text in texts:
        spans = []
        for pattern in QUOTED:
            for m in pattern.finditer(text):
                form = m.group(1)
                if SENTENCE.search(form) or not (CJK.search(form) or CODE.fullmatch(form)):
                    continue
                spans.append((form, m.start(1), m.end(1)))
                after = bool(ACTIVITY_AFTER.match(text, m.end()))
                campaign[form] = campaign.get(form, False) or after
        spans_per_text.append(spans)
        for pattern in (CODE, NUMBER_PROJECT):
            for form in pattern.findall(text):
                campaign.setdefault(form, False)
        for form in PAIRED.findall(text):
            if not _in_dictionary(form):
                campaign.setdefault(form, False)
    return spans_per_text, campaign


def _checked(lexicon: pd.DataFrame) -> pd.DataFrame:
    """Lexicon with all columns, stripped strings, canonical filled in; bad type/action raise."""
    if "slogan" not in lexicon:
        raise ValueError("The slogan lexicon needs a 'slogan' column.")
    lex = lexicon.reindex(columns=LEXICON_COLUMNS).fillna("").astype(str).apply(lambda c: c.str.strip())
    lex = lex[lex.slogan != ""].copy()
    lex["action"] = lex.action.str.lower().replace("", "add")
    bad_type = sorted(set(lex.type) - set(TYPES) - {""})
    bad_action = sorted(set(lex.action) - set(ACTIONS))
    if bad_type or bad_action:
        raise ValueError(f"Slogan lexicon: unknown type {bad_type} (use {TYPES}) "
                         f"or action {bad_action} (use {ACTIONS}).")
    lex["canonical"] = lex.canonical.where(lex.canonical != "", lex.slogan)
    return lex.reset_index(drop=True)


def _is_quoted(text: str, start: int, end: int) -> bool:
    return start > 0 and end < len(text) and QUOTE_PAIRS.get(text[start - 1]) == text[end]


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, int]:
    jieba.dt.check_initialized()
    return jieba.dt.FREQ


def _in_dictionary(form: str) -> bool:
    """True for a word in jieba's dictionary (idioms such as 一砖一瓦, words such as 破冰)."""
    return _dictionary().get(form, 0) > 0
