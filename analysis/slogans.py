"""Slogans (提法): the formulations a government repeats, found in each item's headline and text.

Works on text, not tokens (a slogan may hold `·`, `、` or spaces). Forms are discovered by method,
so a new issue's formulas are found without anyone listing them (`source` names the first that did):
- national: the formula lexicon built from the reference reports (analysis.national), counted
  wherever printed, and its stretched variants (高质量跨越发展 for 高质量发展);
- pattern: numbered shapes (13153·N, 三先一后, 一号工程), the officialese patterns of
  analysis.slogan_patterns (抓项目、拼经济、促发展, 大干60天 …), titles (优秀…推广人), and the partner
  of a known formula in a pair (补短板、强弱项);
- quoted: quoted phrases (2-30 characters, not a sentence); not when they are examples of a kind
  (“问题楼盘”“工业厂房”等) or a dictionary word used figuratively (“加速度”, “先天不足”);
- recurrence: expressions printed twice that are not ordinary words (analysis.recurrence);
- lexicon: the researcher's data/lexicon/slogans.csv, which adds, renames, merges, retypes, excludes
  and sets families.
Idioms (jieba tags i, l) are never slogans unless the lexicon or the national reports make them so.
Quoted names before 活动/主题/—— are typed event (活动), 达人/标兵… title (称号), …中心/办公室
institution (机构): NON_SLOGAN_TYPES. Overlapping finds keep the longest; a recurring expression
yields to any rule's find. A use repeated with the same surrounding text in one paragraph context
(a repeated block) counts once. Families come from analysis.families.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import ahocorasick_rs
import numpy as np
import pandas as pd

from analysis.dictionary import in_dictionary, user_names
from analysis.families import suggest_families
from analysis.joined import SEPARATOR, Joined, anchored, match_array
from analysis.lexicon_io import read_table
from analysis.national import national_formulas
from analysis.paths import LEXICON, PROCESSED
from analysis.recurrence import CONTEXT, recurring, reference_texts
from analysis.segment import USERDICT
from analysis.slogan_patterns import pattern_uses

LEXICON_FILE = LEXICON / "slogans.csv"
LEXICON_COLUMNS = ["slogan", "canonical", "type", "action", "note", "family"]
ACTIONS = ("add", "exclude")
TYPE_LABELS = {
    "numbered": "数字提法",
    "couplet": "对仗句",
    "campaign": "活动/行动名称",
    "set_phrase": "固定说法/比喻",
    "other": "其他",
    "title": "称号",
    "event": "活动",
    "institution": "机构",
}
TYPES = tuple(TYPE_LABELS)
NON_SLOGAN_TYPES = {"title", "event", "institution"}  # typed so, never counted as slogans
SOURCES = ("lexicon", "national", "pattern", "quoted", "recurrence")  # first that found a form names it
COUNTED_EVERYWHERE = {"numbered", "couplet", "campaign"}
COLUMNS = [
    "article_id",
    "issue",
    "date",
    "slogan",
    "family",
    "type",
    "form",
    "field",
    "start",
    "end",
    "quoted",
    "source",
]

MAX_LEN = 30  # a longer quote is speech or a title, not a slogan
QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』", "‘": "’", '"': '"'}
NUMERAL = "一二两三四五六七八九十"

QUOTED = {
    o: re.compile(f"{re.escape(o)}([^{re.escape(o + c)}\\n{SEPARATOR}]{{2,{MAX_LEN}}}){re.escape(c)}")
    for o, c in QUOTE_PAIRS.items()
}
SENTENCE = re.compile(r"[。！？；：!?;]|[，、,\s]$|^[，、,\s]")
CJK = re.compile(r"[\u4e00-\u9fff]")
CODE = re.compile(r"\d(?<![\d.]\d)\d*(?:[·•・+＋](?:\d+|[A-Za-z]))+(?![\d.%％‰万亿元倍])")  # not 19·5％
NOT_PAIRED = "个次年月日天批件些种项步代届位点倍万亿千百的就即是了在和与也都而又再之其为以这那"  # 一万一千, 一的一贯
PAIRED = re.compile(  # the lookbehind after the first character: the engine then skips to numerals fast
    rf"[{NUMERAL}双](?<![{NUMERAL}双]{{2}})(?![{NUMERAL}{NOT_PAIRED}])[\u4e00-\u9fff]"
    rf"(?:[{NUMERAL}双](?![{NUMERAL}{NOT_PAIRED}])[\u4e00-\u9fff]){{1,2}}"
)
PROJECTS = "号(?:工程|文件|任务|行动|项目|专项)"
NUMBER_PROJECT = re.compile(rf"(?:[{NUMERAL}]|\d+|头){PROJECTS}")  # scanned from PROJECTS: up to 32 digits
ALL_NUMERALS = re.compile(rf"第?[{NUMERAL}双]+")  # 九五, 第一: unquoted, usually a plain number
NUMBERED = re.compile(rf"^(?:第?[{NUMERAL}双]|\d|头号)")
ACTIVITY_AFTER = re.compile(r"——|[\u4e00-\u9fff]{0,4}?(?:活动|行动|运动|竞赛|大赛|评选|主题)")
ACTIVITY_SUFFIX = re.compile(r"..(?:活动|行动|运动|工程|攻坚战|会战|竞赛|大赛|(?<!之)年|季|月)$")  # not 开局之年
FOLLOWS = "”」』"  # a quote right after another one is an example too
EXAMPLES_AFTER = re.compile(r"[”」』’\"]?[“「『‘\"]|等")  # “问题楼盘”“工业厂房”等: examples of a kind
TITLE = re.compile(r"(?:达人|标兵|能手|模范|之星|推广人|带头人|先进个人|工作者)$")
TITLE_UNQUOTED = re.compile(
    r"(?:优秀|先进|最美|十佳|金牌)[\u4e00-\u9fff]{2,5}?(?:达人|标兵|能手|模范|之星|推广人|带头人)"
)
INSTITUTION = re.compile(r"(?:中心|办公室|委员会|研究院|服务站|工作站)$")
PARTS = re.compile(r"[、，,\s]+")
STRETCH = re.compile(r"[\u4e00-\u9fff]{2,4}")
PAIR_SEPARATOR = re.compile(r"、")
MIN_EVIDENCE = 2  # national formulas a rule found at least twice are matched in local text
CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")


def slogan_lexicon(path: str | os.PathLike = LEXICON_FILE) -> pd.DataFrame:
    """The researcher's lexicon: slogan, canonical (blank = itself), type (blank = rules), action, note,
    family (blank = suggested).

    action is `add` (blank means add) or `exclude`. Rows sharing a canonical merge variants; rows
    sharing a family group different slogans under one family.
    """
    return _checked(read_table(path, ("slogan",)))


def extract_slogans(
    articles: pd.DataFrame,
    lexicon: pd.DataFrame | str | os.PathLike | None = None,
    userdict: str | os.PathLike | None = USERDICT,
) -> pd.DataFrame:
    """One row per slogan use: article_id, issue, date, slogan, family, type, form, field, start, end,
    quoted, source.

    Each item's headline and text are read (`field`; start/end are offsets in that field).
    `slogan` is the canonical name, `form` the text as printed, `family` the core its variants share,
    `source` how the form was found (national lexicon, recurrence, pattern, quoted, researcher's
    lexicon). Forms discovered in any of `articles` are counted in all of them, so pass the whole
    corpus for counts that agree across runs. `lexicon` defaults to slogan_lexicon(); `userdict` is
    the jieba user dictionary whose places, people and bodies are names, not slogans.
    """
    lex = (
        slogan_lexicon()
        if lexicon is None
        else (_checked(lexicon) if isinstance(lexicon, pd.DataFrame) else slogan_lexicon(lexicon))
    )
    fields = [
        (row, part, text)
        for row, (headline, body) in enumerate(zip(_column(articles, "headline"), _column(articles, "text")))
        for part, text in (("headline", headline), ("text", body))
        if text
    ]
    joined = Joined([text for _, _, text in fields])
    found = _discover(joined, set(user_names(userdict)))
    name, type_of, source, everywhere = _resolve(lex, found)
    forms = list(name)
    form, starts, ends, printed = _printed(joined, found, forms, everywhere)
    recurrent = np.array([source[f] == "recurrence" for f in forms], dtype=bool)[form]
    kept = _without_overlaps(starts, ends, printed, recurrent)
    form, starts, ends = form[kept], starts[kept], ends[kept]
    slogans = [name[f] for f in forms]
    slogan = [slogans[i] for i in form.tolist()]
    family = _families(lex, list(dict.fromkeys(slogan)), Counter(slogan))
    single = ~_repeated_blocks(joined, starts, ends)
    form, starts, ends = form[single], starts[single], ends[single]
    if not len(form):
        return pd.DataFrame([], columns=COLUMNS).astype({"start": int, "end": int, "quoted": bool})
    text_of = joined.locate(starts)
    row_of = np.array([row for row, _, _ in fields], dtype=np.int64)[text_of]
    offset = joined.starts[text_of]
    slogan = [slogans[i] for i in form.tolist()]
    uses = pd.DataFrame(
        {
            "article_id": _column_values(articles, "article_id", row_of, None),
            "issue": _column_values(articles, "issue", row_of, None),
            "date": _column_values(articles, "date", row_of, pd.NaT),
            "slogan": slogan,
            "family": [family[s] for s in slogan],
            "type": [type_of[s] for s in slogan],
            "form": [forms[i] for i in form.tolist()],
            "field": [fields[i][1] for i in text_of.tolist()],
            "start": starts - offset,
            "end": ends - offset,
            "quoted": [_is_quoted(joined.text, s, e) for s, e in zip(starts.tolist(), ends.tolist())],
            "source": [source[forms[i]] for i in form.tolist()],
        },
        columns=COLUMNS,
    )
    return uses.astype({"start": int, "end": int, "quoted": bool})


def _column(articles: pd.DataFrame, column: str) -> list[str]:
    if column not in articles:
        return [""] * len(articles)
    return articles[column].fillna("").astype(str).tolist()


def _column_values(articles: pd.DataFrame, column: str, rows: np.ndarray, missing) -> pd.Series | list:
    """The column's values at the given row positions (its dtype kept), `missing` for each when there is
    no such column."""
    if column not in articles:
        return [missing] * len(rows)
    return articles[column].iloc[rows].reset_index(drop=True)


def _printed(
    joined: Joined, found: Discovery, forms: list[str], everywhere: list[str]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every printed use of a counted form: its index in `forms`, start and end in the joined text,
    sorted by start then end, and how many uses its form has (printed). Everywhere-forms count
    wherever printed, quoted forms where quoted, pattern finds where found."""
    index = {f: i for i, f in enumerate(forms)}
    counted = set(everywhere)
    hits = [(index[f], s, e) for f, s, e in found.quoted if f in index and f not in counted]
    hits += [(index[f], s, e) for f, s, e in found.direct if f in index]
    found_hits = np.array(hits, dtype=np.int64).reshape(-1, 3)
    if everywhere:
        matches = match_array(
            ahocorasick_rs.AhoCorasick(everywhere).find_matches_as_indexes(joined.text, overlapping=True)
        )
        matches[:, 0] = np.array([index[f] for f in everywhere], dtype=np.int64)[matches[:, 0]]
        found_hits = np.concatenate((matches, found_hits))
    form, starts, ends = found_hits.T
    printed = np.bincount(form, minlength=len(forms))[form]
    order = np.lexsort((ends, starts))
    form, starts, ends, printed = form[order], starts[order], ends[order], printed[order]
    first = np.ones(len(starts), dtype=bool)  # a span once
    first[1:] = (starts[1:] != starts[:-1]) | (ends[1:] != ends[:-1])
    return form[first], starts[first], ends[first], printed[first]


def _without_overlaps(starts: np.ndarray, ends: np.ndarray, printed: np.ndarray, recurrent: np.ndarray) -> np.ndarray:
    """Which hits (sorted by start) to keep. Of overlapping hits a rule's find beats a recurring
    expression; among finds the longest wins, among recurring expressions the most printed one
    (项目争先 over 紧盯二季度项目). Two overlapping hits are decided together with numpy, longer runs of
    overlapping hits one by one."""
    keep = np.ones(len(starts), dtype=bool)
    if not len(starts):
        return keep
    reach = np.maximum.accumulate(ends)
    begins = np.flatnonzero(np.concatenate(([True], starts[1:] >= reach[:-1])))
    sizes = np.diff(np.append(begins, len(starts)))
    rank = np.stack([recurrent, np.where(recurrent, -printed, 0), starts - ends, starts])  # lower wins
    pairs = begins[sizes == 2]  # two overlapping hits: the better ranked one stays
    first, second = rank[:, pairs], rank[:, pairs + 1]
    differs = first != second
    at = differs.argmax(axis=0)
    first_wins = first[at, np.arange(len(pairs))] < second[at, np.arange(len(pairs))]
    keep[pairs] = first_wins
    keep[pairs + 1] = ~first_wins
    for begin, size in zip(begins[sizes > 2].tolist(), sizes[sizes > 2].tolist()):
        run = range(begin, begin + size)
        taken = []
        for i in sorted(run, key=lambda i: tuple(rank[:, i].tolist())):
            if any(starts[i] < b and a < ends[i] for a, b in taken):
                keep[i] = False
            else:
                taken.append((starts[i], ends[i]))
    return keep


def _repeated_blocks(joined: Joined, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Uses printed again with the same surrounding text (CONTEXT characters each side, within the
    paragraph) in one field: a repeated block."""
    left, right = joined.paragraph_bounds(starts, ends, CONTEXT)
    text = joined.text
    keys = zip(
        joined.locate(starts).tolist(),
        (starts - left).tolist(),
        (ends - left).tolist(),
        [text[a:b] for a, b in zip(left.tolist(), right.tolist())],
    )
    seen, repeated = set(), []
    for key in keys:
        repeated.append(key in seen)
        seen.add(key)
    return np.array(repeated, dtype=bool)


def slogan_type(form: str, before_activity: bool = False) -> str:
    """The rule type of a form, first rule that applies: numbered (starts with a numeral: 双过半,
    13153·N, 头号工程); campaign (4+ characters seen quoted right before 活动/行动/主题…, or ending in
    活动/行动/工程/年…); couplet (two or more parts of 2+ characters split by 、，or a space);
    set_phrase (a dictionary word, such as the 习用语 稳中有进 of the national lexicon); other.
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


@dataclass
class Discovery:
    """What the rules found: quoted spans kept and spans printed by a pattern (form, start, end in the
    joined text); per form, its source, whether it counts wherever printed, its slogan name and a
    non-slogan kind."""

    quoted: list[tuple[str, int, int]] = field(default_factory=list)
    direct: list[tuple[str, int, int]] = field(default_factory=list)
    source: dict[str, str] = field(default_factory=dict)
    everywhere: set[str] = field(default_factory=set)
    name: dict[str, str] = field(default_factory=dict)
    kind: dict[str, str] = field(default_factory=dict)

    def add(self, form: str, source: str, everywhere: bool) -> None:
        if SOURCES.index(source) < SOURCES.index(self.source.get(form, "recurrence")) or form not in self.source:
            self.source[form] = source
        if everywhere:
            self.everywhere.add(form)


def _discover(joined: Joined, names: set[str]) -> Discovery:
    """Run every rule once over the joined texts: quotes, numbered shapes, officialese patterns,
    titles, the national lexicon (and its stretched variants) and recurrence."""
    found = Discovery()
    text = joined.text
    quoted, before, examples = Counter(), Counter(), Counter()
    for opener, pattern in QUOTED.items():
        if opener not in text:
            continue
        for m in pattern.finditer(text):
            form = m.group(1)
            if SENTENCE.search(form) or not (CJK.search(form) or CODE.fullmatch(form)):
                continue
            found.quoted.append((form, m.start(1), m.end(1)))
            quoted[form] += 1
            before[form] += bool(ACTIVITY_AFTER.match(text, m.end()))
            examples[form] += bool(
                EXAMPLES_AFTER.match(text, m.end()) or (m.start() > 0 and text[m.start() - 1] in FOLLOWS)
            )
    shaped = CODE.findall(text) + [m.group() for m in anchored(NUMBER_PROJECT, text, PROJECTS, range(1, 33))]
    shaped += [m.group() for m in PAIRED.finditer(text) if _is_paired_formulation(text, m.start(), m.group())]
    for form in shaped:
        found.add(form, "pattern", _counted_everywhere(form))
    uses = pattern_uses(text)
    in_text = joined.locate([s for _, _, s, _ in uses])
    for i in np.argsort(in_text, kind="stable").tolist():  # text by text, rule by rule: a later name wins
        slogan, _, s, e = uses[i]
        found.direct.append((text[s:e], s, e))
        found.name[text[s:e]] = slogan
        found.add(text[s:e], "pattern", False)
    for m in TITLE_UNQUOTED.finditer(text):
        found.direct.append((m.group(), m.start(), m.end()))
        found.kind[m.group()] = "title"
        found.add(m.group(), "pattern", False)
    for form, n in quoted.items():
        if 2 * examples[form] >= n or (_in_dictionary(form) and not NUMBERED.match(form)):
            continue  # examples of a kind (“问题楼盘”“工业厂房”等), or a dictionary word used figuratively
        if 2 * before[form] >= n and len(form) >= 4:
            found.kind[form] = "event"
        elif TITLE.search(form):
            found.kind[form] = "title"
        found.add(form, "quoted", _counted_everywhere(form))
    _add_national(found, text)
    _add_partners(found, text)
    not_formulas = {form for form, n in examples.items() if 2 * n >= quoted[form]}
    for form in recurring(joined, names, reference_texts()) - not_formulas:
        if INSTITUTION.search(form):
            found.kind[form] = "institution"
        found.add(form, "recurrence", True)
    return found


def _add_national(found: Discovery, text: str) -> None:
    """National formulas count wherever printed; a national formula stretched by 2-4 inserted
    characters (高质量跨越发展 for 高质量发展) counts where printed, as its own slogan."""
    formulas = national_formulas(national_cache())
    formulas = formulas[formulas.evidence >= MIN_EVIDENCE]
    for form in formulas.formula:
        found.add(form, "national", True)
    heads = _national_heads(tuple(formulas.formula))
    if not heads:
        return
    keys = list(heads)
    for k, s, e in ahocorasick_rs.AhoCorasick(keys).find_matches_as_indexes(text, overlapping=True):
        for tail in heads[keys[k]]:
            for insert in range(2, 5):
                if text.startswith(tail, e + insert) and STRETCH.fullmatch(text, e, e + insert):
                    form = text[s : e + insert + len(tail)]
                    found.direct.append((form, s, e + insert + len(tail)))
                    found.add(form, "national", False)


def _add_partners(found: Discovery, text: str) -> None:
    """The partner of a known formula in a pair X、Y of equal length, 3-4 characters, that ends the
    clause (千方百计补短板、强弱项， -> 强弱项), unless the partner is a dictionary word."""
    known = {form for form, src in found.source.items() if src != "quoted"}
    for m in PAIR_SEPARATOR.finditer(text):
        for n in (3, 4) if m.start() >= 4 else ():
            before, after = text[m.start() - n : m.start()], text[m.end() : m.end() + n]
            if before in known and CJK_ONLY.fullmatch(after) and not CJK.match(text, m.end() + n):
                if after not in known and not _in_dictionary(after):
                    found.add(after, "pattern", True)


@lru_cache(maxsize=2)
def _national_heads(formulas: tuple[str, ...]) -> dict[str, list[str]]:
    """Head (all but the last two characters, 3+ of them) -> tails, of the plain national formulas."""
    heads = {}
    for form in formulas:
        if len(form) >= 5 and CJK_ONLY.fullmatch(form):
            heads.setdefault(form[:-2], []).append(form[-2:])
    return heads


def _resolve(lex: pd.DataFrame, found: Discovery) -> tuple[dict[str, str], dict[str, str], dict[str, str], list[str]]:
    """Apply the lexicon to the discovered forms.

    Returns each counted form's slogan name, each name's type, each form's source, and the forms
    counted wherever they occur (quoted forms not among them count only where quoted).
    """
    kept = lex[lex.action != "exclude"]
    excluded = set(lex.slogan[lex.action == "exclude"])
    canonical = dict(zip(kept.slogan, kept.canonical))
    source = {form: "lexicon" for form in canonical} | {
        form: src for form, src in found.source.items() if form not in canonical
    }
    name = {}
    for form in source:
        plain = found.name.get(form, form)
        if form not in excluded and plain not in excluded:
            name[form] = canonical.get(plain, canonical.get(form, plain))
    typed = kept[kept.type != ""]
    type_of = dict(zip(typed.canonical, typed.type))
    for form, slogan in name.items():
        if slogan not in type_of:
            type_of[slogan] = found.kind.get(form) or found.kind.get(slogan) or slogan_type(slogan)
    everywhere = sorted(form for form in name if form in canonical or form in found.everywhere)
    return name, type_of, source, everywhere


def _families(lex: pd.DataFrame, slogans: list[str], uses: Counter) -> dict[str, str]:
    """Suggested families, overridden by the lexicon's `family` column."""
    family = suggest_families(slogans, uses)
    chosen = lex[(lex.family != "") & (lex.action != "exclude")]
    family.update(dict(zip(chosen.canonical, chosen.family)))
    return family


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


def _in_dictionary(form: str) -> bool:
    """True for a word in jieba's dictionary (idioms such as 一砖一瓦, words such as 破冰)."""
    return in_dictionary(form)


def national_cache() -> Path:
    """Where the national lexicon is cached: the processed folder (`analysis.paths.PROCESSED`)."""
    return PROCESSED
