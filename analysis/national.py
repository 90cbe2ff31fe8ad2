"""The national formula lexicon: formulas Beijing's reports quote, enumerate or take as objects.

Built by rules from the government work reports and CPC congress reports in data/reference/:
- quoted: a 2-12 character phrase in quotation marks (“放管服”, “不忘初心、牢记使命”);
- item: a 3-8 character item of an enumeration of three or more (去产能、去库存、…、补短板), or the
  whole enumeration when its items open alike (有理想、有道德、有文化、有纪律);
- series: a 习用语 (jieba tag `l`) standing as an item of a 、 series (总体平稳、稳中有进，);
- object: the 4-8 characters after a steering verb (推动高质量发展, 优化营商环境, 发展新质生产力),
  cut at jieba words, ended by punctuation or a particle other than 的 (before 的 it is a modifier: 新时代党|的建设).
A candidate is kept if it is used in at least two reports (two years), is not an idiom (jieba
tag `i`) and not a single ordinary dictionary word (one jieba word is kept only when tagged `l`,
习用语 such as 稳中有进, 真抓实干, or when quoted). `year` is the first government work report
using it (the congress report's year when no work report does). Cached under data/processed/ by
a hash of the reference files and of this module.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from pathlib import Path

import ahocorasick_rs
import pandas as pd
import rjieba

from .atomic import write_csv
from .dictionary import word_tag
from .echo import CONGRESS_REPORTS, GOV_REPORTS, load_congress_reports, load_gov_reports
from .paths import PROCESSED
from .terms import stopwords

COLUMNS = ["formula", "year", "reports", "uses", "evidence", "marked", "rule"]
QUOTED = re.compile(r"[“「『]([^“”「」『』\n。！？；：]{2,12})[”」』]")
ENUMERATION = re.compile(r"(?:[\u4e00-\u9fff]{3,8}、){2,}[\u4e00-\u9fff]{3,8}(?=[，。；：,\n])")
STEERING = "推动|推进|坚持|实施|优化|发展|培育|践行|贯彻|深化|加快|树立|弘扬|打好|打赢|构建|落实"  # not the generic 加强, 完善, 建设
OBJECT = re.compile(rf"(?=(?:{STEERING})([\u4e00-\u9fff]{{4,12}}))")
PARTICLES = set("的和与及是在对为把将等并也都而又之其这那各了着过中上下")  # words that end an object
OPENERS = "同以对在与和向从我把将被其这那各"
FILLER = {"取得", "迈出", "执行", "多种", "主要", "重点", "目标", "任务", "形式"}  # report filler beyond the stopwords
GENERIC_VERBS = {"完善", "发展", "建设", "加强"}  # opening a form: a chain of verbs, not a formula
SERIES_PHRASE = re.compile(r"(?<=、)[\u4e00-\u9fff]{4}(?=[，、；。])|(?<=[，、；。])[\u4e00-\u9fff]{4}(?=、)")
PHRASE_PARTICLE = re.compile(r"[的等]|好$")  # “面向未来的”, “档案等事业”, “发挥好”: a quoted piece of a sentence
SENTENCE = re.compile(r"[，,\s]$|^[，、,\s]")


def national_formulas(cache_dir: str | Path = PROCESSED) -> pd.DataFrame:
    """formula, year (first use), reports (how many use it), uses, evidence (reports in which a rule found
    it), marked (those in which quotes or a series did), rule (the first rule that found it); strongest first."""
    path = Path(cache_dir) / f"national_formulas-{_fingerprint()}.csv"
    if path.exists():
        return pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False, dtype={"formula": str})
    table = build_national_formulas(_reports())
    write_csv(table, path)
    return table


def build_national_formulas(reports: pd.DataFrame) -> pd.DataFrame:
    """The lexicon from a table of reports with columns year, kind (report/congress), text."""
    rule: dict[str, str] = {}
    evidence, marked = Counter(), Counter()
    for text in reports.text:
        hits = list(_candidates(text))
        for form, how in hits:
            rule.setdefault(form, how)
        evidence.update({form for form, _ in hits})  # reports in which a rule found it
        marked.update({form for form, how in hits if how != "object"})
    forms = [form for form in rule if _is_formula(form)]
    found: dict[str, set[int]] = defaultdict(set)
    uses = Counter()
    matcher = ahocorasick_rs.AhoCorasick(forms)
    for i, text in enumerate(reports.text):
        for k, _, _ in matcher.find_matches_as_indexes(text, overlapping=True):
            found[forms[k]].add(i)
            uses[forms[k]] += 1
    years = reports.year.astype("Int64").tolist()
    gov = reports.kind.eq("report").tolist()
    rows = []
    for form, docs in found.items():
        if len(docs) < 2:
            continue
        first_gov = [years[d] for d in docs if gov[d] and pd.notna(years[d])]
        first_any = [years[d] for d in docs if pd.notna(years[d])]
        year = min(first_gov) if first_gov else (min(first_any) if first_any else pd.NA)
        rows.append((form, year, len(docs), uses[form], evidence[form], marked[form], rule[form]))
    table = pd.DataFrame(rows, columns=COLUMNS)
    order = ["evidence", "marked", "reports", "uses", "year"]
    return table.sort_values(order, ascending=[False] * 4 + [True], kind="stable").reset_index(drop=True)


def _candidates(text: str):
    for m in QUOTED.finditer(text):
        if not SENTENCE.search(m.group(1)):
            yield m.group(1), "quoted"
    for m in ENUMERATION.finditer(text):
        items = m.group().split("、")
        if len({item[0] for item in items}) == 1:  # 有理想、有道德、…: the series is the formula
            yield m.group(), "item"
        else:
            yield from ((item, "item") for item in items)
    for m in SERIES_PHRASE.finditer(text):
        if word_tag(m.group()) == "l":
            yield m.group(), "series"
    for m in OBJECT.finditer(text):
        window = m.group(1)
        words = rjieba.cut(window, False)
        cut = next((i for i, w in enumerate(words) if w in PARTICLES), None)
        obj = "".join(words[:cut])
        ended = words[cut] != "的" if cut is not None else len(window) < 12  # 新时代党|的建设: a modifier
        if 4 <= len(obj) <= 8 and ended:
            yield obj, "object"


def _is_formula(form: str) -> bool:
    """Three characters or more, some Chinese, not a dictionary word unless a 习用语 (`l`), and not
    opened or closed by filler (取得新进展, 进一步加强) or opened by a preposition (同周边国家)."""
    if len(form) < 3 or not re.search(r"[\u4e00-\u9fff]", form) or word_tag(form) not in (None, "l"):
        return False
    if form[0] in OPENERS or PHRASE_PARTICLE.search(form):
        return False
    if rjieba.cut(form, False)[0] in GENERIC_VERBS:
        return False
    words = [w for w in rjieba.cut(form, False) if len(w) > 1] or [form]
    filler = stopwords() | FILLER
    if len(words) == 1:  # one word: a 习用语 (真抓实干) or a word jieba lacks
        return form not in FILLER
    return words[0] not in filler and words[-1] not in filler


def _reports() -> pd.DataFrame:
    return pd.concat([load_gov_reports(), load_congress_reports()], ignore_index=True)[["year", "kind", "text"]]


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for path in (GOV_REPORTS, CONGRESS_REPORTS, Path(__file__)):
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:16]
