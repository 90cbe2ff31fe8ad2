"""The national formula lexicon: formulas Beijing's reports quote, enumerate or take as objects.

Built by rules from the government work reports and CPC congress reports in data/reference/:
- quoted: a 2-12 character phrase in quotation marks (“放管服”, “不忘初心、牢记使命”);
- item: a 3-8 character item of an enumeration of three or more (去产能、去库存、…、补短板);
- clause: a four-character phrase standing alone between punctuation marks (，稳中有进，);
- object: the 4-8 characters after a steering verb (推动高质量发展, 优化营商环境, 发展新质生产力),
  cut at the first particle or punctuation mark.
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
from .tokens import stopwords

COLUMNS = ["formula", "year", "reports", "uses", "evidence", "rule"]
QUOTED = re.compile(r"[“「『]([^“”「」『』\n。！？；：]{2,12})[”」』]")
ENUMERATION = re.compile(r"(?:[\u4e00-\u9fff]{3,8}、){2,}[\u4e00-\u9fff]{3,8}(?=[，。；：,\n])")
STEERING = "推动|推进|坚持|实施|优化|发展|培育|践行|贯彻|深化|加快|树立|弘扬|打好|打赢|建设|构建|加强|完善|落实"
OBJECT = re.compile(rf"(?=(?:{STEERING})([\u4e00-\u9fff]{{4,12}}))")
STOP_CHARS = re.compile(r"[的和与及是在对为把将等并也都而又之其这那各了着过中上下]")
OPENERS = "同以对在与和向从我把将被其这那各"
FILLER = {"取得", "执行", "多种", "主要", "重点", "目标", "任务", "形式"}  # report filler beyond the stopwords
CLAUSE = re.compile(r"(?<=[，、；。])[\u4e00-\u9fff]{4}(?=[，、；。])")
SENTENCE = re.compile(r"[，,\s]$|^[，、,\s]")


def national_formulas(cache_dir: str | Path = PROCESSED) -> pd.DataFrame:
    """formula, year (first use), reports (how many use it), uses, evidence (rule hits), rule; strongest first."""
    path = Path(cache_dir) / f"national_formulas-{_fingerprint()}.csv"
    if path.exists():
        return pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False, dtype={"formula": str})
    table = build_national_formulas(_reports())
    write_csv(table, path)
    return table


def build_national_formulas(reports: pd.DataFrame) -> pd.DataFrame:
    """The lexicon from a table of reports with columns year, kind (report/congress), text."""
    rule: dict[str, str] = {}
    evidence = Counter()
    for text in reports.text:
        for form, how in _candidates(text):
            rule.setdefault(form, how)
            evidence[form] += 1
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
        rows.append((form, year, len(docs), uses[form], evidence[form], rule[form]))
    table = pd.DataFrame(rows, columns=COLUMNS)
    order = ["evidence", "reports", "uses", "year"]
    return table.sort_values(order, ascending=[False, False, False, True], kind="stable").reset_index(drop=True)


def _candidates(text: str):
    for m in QUOTED.finditer(text):
        if not SENTENCE.search(m.group(1)):
            yield m.group(1), "quoted"
    for m in ENUMERATION.finditer(text):
        for item in m.group().split("、"):
            yield item, "item"
    for m in CLAUSE.finditer(text):
        yield m.group(), "clause"
    for m in OBJECT.finditer(text):
        obj, *rest = STOP_CHARS.split(m.group(1))
        if 4 <= len(obj) <= 8 and (rest or len(m.group(1)) < 12):  # cut by a particle or punctuation, not the window
            yield obj, "object"


def _is_formula(form: str) -> bool:
    """Three characters or more, some Chinese, not a dictionary word unless a 习用语 (`l`), and not
    opened or closed by filler (取得新进展, 进一步加强) or opened by a preposition (同周边国家)."""
    if len(form) < 3 or not re.search(r"[\u4e00-\u9fff]", form) or word_tag(form) not in (None, "l"):
        return False
    if form[0] in OPENERS:
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
