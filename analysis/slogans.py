"""Slogans (提法): the formulations a government repeats, found in cleaned article text.

Works on text, not tokens (a slogan may hold `·`, `、` or spaces). Two steps:
1. Discover forms: quoted phrases (“…” 「…」 『…』 ‘…’ "…", 2-30 characters, not a sentence)
   and numbered patterns found quoted or not: codes (13153·N, 1+N), numeral pairs
   (三先一后, 一带一路, 一企一策; dictionary idioms such as 一砖一瓦 are left out) and
   N号工程 (一号工程, 一号文件).
2. Count every use. Lexicon entries and forms whose shape makes them slogans (numbered, couplet,
   campaign by its ending) count wherever they occur; other quoted words count only where quoted, because
   the quote marks are the evidence (“破冰” is a slogan, 破冰船 is not); so do dictionary words
   (“一线”, 一线城市) and forms made only of numerals (“九五” is a plan, 一九九五 is a year).
The researcher's lexicon (data/lexicon/slogans.csv) adds, renames, merges, retypes and excludes.
A use repeated with the same surrounding text in one article (a repeated block) counts once.
"""

from __future__ import annotations

import os
import re
from collections import Counter
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

MAX_LEN = 30  # a longer quote is speech or a title, not a slogan
CONTEXT = 12  # characters each side that identify the same use in a repeated block
QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』", "‘": "’", '"': '"'}
NUMERAL = "一二两三四五六七八九十"

QUOTED = [
    re.compile(f"{re.escape(o)}([^{re.escape(o + c)}\\n]{{2,{MAX_LEN}}}){re.escape(c)}") for o, c in QUOTE_PAIRS.items()
]
SENTENCE = re.compile(r"[。！？；：!?;]|[，、,\s]$|^[，、,\s]")
CJK = re.compile(r"[\u4e00-\u9fff]")
CODE = re.compile(r"(?<![\d.])\d+(?:[·•・+＋](?:\d+|[A-Za-z]))+(?![\d.%％‰万亿元倍])")  # not 19·5％
NOT_PAIRED = "个次年月日天批件些种项步代届位点倍万亿千百的就即是了在和与也都而又再之其为以这那"  # 一万一千, 一的一贯
PAIRED = re.compile(rf"(?<![{NUMERAL}双])(?:[{NUMERAL}双](?![{NUMERAL}{NOT_PAIRED}])[\u4e00-\u9fff]){{2,3}}")
NUMBER_PROJECT = re.compile(rf"(?:[{NUMERAL}]|\d+|头)号(?:工程|文件|任务|行动|项目|专项)")
ALL_NUMERALS = re.compile(rf"第?[{NUMERAL}双]+")  # 九五, 第一: unquoted, usually a plain number
NUMBERED = re.compile(rf"^(?:第?[{NUMERAL}双]|\d|头号)")
ACTIVITY_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:活动|行动|运动|竞赛|大赛|评选|主题)")
ACTIVITY_SUFFIX = re.compile(r"..(?:活动|行动|运动|工程|攻坚战|会战|竞赛|大赛|(?<!之)年|季|月)$")  # not 开局之年
PARTS = re.compile(r"[、，,\s]+")


def slogan_lexicon(path: str | os.PathLike = LEXICON_FILE) -> pd.DataFrame:
    """The researcher's lexicon: slogan, canonical (blank = itself), type (blank = rules), action, note.

    action is `add` (blank means add) or `exclude`. Rows sharing a canonical merge variants.
    """
    return _checked(pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig"))


def extract_slogans(articles: pd.DataFrame, lexicon: pd.DataFrame | str | os.PathLike | None = None) -> pd.DataFrame:
    """One row per slogan use: article_id, issue, date, slogan, type, form, start, end, quoted.

    `slogan` is the canonical name, `form` the text as printed, start/end its offsets in the
    article's `text`. Forms discovered in any of `articles` are counted in all of them, so pass
    the whole corpus for counts that agree across runs. `lexicon` defaults to slogan_lexicon().
    """
    lex = (
        slogan_lexicon()
        if lexicon is None
        else (_checked(lexicon) if isinstance(lexicon, pd.DataFrame) else slogan_lexicon(lexicon))
    )
    texts = articles["text"].fillna("").tolist()
    quoted_spans, before_activity = _discover(texts)
    name, type_of, everywhere = _resolve(lex, before_activity)
    matcher = (
        ahocorasick_rs.AhoCorasick(everywhere, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
        if everywhere
        else None
    )
    quoted_only = set(name) - set(everywhere)
    rows = []
    for row, text, spans in zip(articles.itertuples(index=False), texts, quoted_spans):
        hits = [(everywhere[i], s, e) for i, s, e in matcher.find_matches_as_indexes(text)] if matcher else []
        hits += [(form, s, e) for form, s, e in spans if form in quoted_only]
        seen = set()
        for form, s, e in sorted(hits, key=lambda hit: hit[1]):
            key = (text[max(0, s - CONTEXT) : s], form, text[e : e + CONTEXT])
            if key not in seen:
                seen.add(key)
                rows.append(
                    (
                        row.article_id,
                        getattr(row, "issue", None),
                        getattr(row, "date", pd.NaT),
                        name[form],
                        type_of[name[form]],
                        form,
                        s,
                        e,
                        _is_quoted(text, s, e),
                    )
                )
    return pd.DataFrame(rows, columns=COLUMNS).astype({"start": int, "end": int, "quoted": bool})


def slogan_type(form: str, before_activity: bool = False) -> str:
    """The rule type of a form, first rule that applies: numbered (starts with a numeral: 双过半,
    13153·N, 头号工程); campaign (4+ characters seen quoted right before 活动/行动/主题…, or ending in
    活动/行动/工程/年…); couplet (two or more parts of 2+ characters split by 、，or a space);
    set_phrase (a dictionary word or idiom, quoted: “加速度”, “先天不足”); other.
    """
    if NUMBERED.match(form):
        return "numbered"
    if before_activity and len(form) >= 4:
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
    """Quoted spans per text, and every discovered form -> whether at least half of its quoted
    uses stand right before 活动/行动/主题… (a campaign name, not a phrase once quoted in a theme)."""
    spans_per_text, quoted, before = [], Counter(), Counter()
    for text in texts:
        spans = []
        for pattern in QUOTED:
            for m in pattern.finditer(text):
                form = m.group(1)
                if SENTENCE.search(form) or not (CJK.search(form) or CODE.fullmatch(form)):
                    continue
                spans.append((form, m.start(1), m.end(1)))
                quoted[form] += 1
                before[form] += bool(ACTIVITY_AFTER.match(text, m.end()))
        spans_per_text.append(spans)
        for pattern in (CODE, NUMBER_PROJECT):  # pattern finds enter with 0 quoted uses
            quoted.update(dict.fromkeys(pattern.findall(text), 0))
        for m in PAIRED.finditer(text):
            if _is_paired_formulation(text, m.start(), m.group()):
                quoted[m.group()] += 0
    return spans_per_text, {form: n > 0 and 2 * before[form] >= n for form, n in quoted.items()}


def _resolve(lex: pd.DataFrame, before_activity: dict[str, bool]) -> tuple[dict[str, str], dict[str, str], list[str]]:
    """Apply the lexicon to the discovered forms.

    Returns each counted form's canonical name, each name's type, and the forms counted
    wherever they occur (the rest count only where quoted).
    """
    kept = lex[lex.action != "exclude"]
    canonical = dict(zip(kept.slogan, kept.canonical))
    forms = (set(before_activity) - set(lex.slogan[lex.action == "exclude"])) | set(canonical)
    name = {form: canonical.get(form, form) for form in forms}
    in_campaign = {name[form] for form in forms if before_activity.get(form)}
    typed = kept[kept.type != ""]
    type_of = dict(zip(typed.canonical, typed.type))
    for each in set(name.values()):
        type_of.setdefault(each, slogan_type(each, each in in_campaign))
    everywhere = sorted(form for form in forms if form in canonical or _counted_everywhere(form))
    return name, type_of, everywhere


def _counted_everywhere(form: str) -> bool:
    """A form whose shape alone makes it a slogan: numbered, couplet or campaign by its ending,
    and neither a plain number nor a dictionary word with a literal meaning."""
    return slogan_type(form) in COUNTED_EVERYWHERE and not ALL_NUMERALS.fullmatch(form) and not _in_dictionary(form)


def _is_paired_formulation(text: str, start: int, form: str) -> bool:
    """Not a reduplication (一步一步), an idiom (一砖一瓦) or the tail of a word (长三角一体化)."""
    crossing = (text[start - 1 : start + 1], text[start - 1 : start + 2]) if start else ()
    return form[:2] != form[2:4] and not any(map(_in_dictionary, (form, *crossing)))


def _checked(lexicon: pd.DataFrame) -> pd.DataFrame:
    """Lexicon with all columns, stripped strings, canonical filled in; bad type/action raise."""
    if "slogan" not in lexicon:
        raise ValueError("The slogan lexicon needs a 'slogan' column.")
    lex = (
        lexicon.reindex(columns=LEXICON_COLUMNS, fill_value="")
        .astype(object)
        .fillna("")
        .astype(str)
        .apply(lambda c: c.str.strip())
    )
    lex = lex[lex.slogan != ""].copy()
    lex["action"] = lex.action.str.lower().replace("", "add")
    bad_type = sorted(set(lex.type) - set(TYPES) - {""})
    bad_action = sorted(set(lex.action) - set(ACTIONS))
    if bad_type or bad_action:
        raise ValueError(
            f"Slogan lexicon: unknown type {bad_type} (use {TYPES}) or action {bad_action} (use {ACTIONS})."
        )
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
