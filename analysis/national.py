"""The national formula lexicon: formulas Beijing's reports quote, enumerate or take as objects.

Built by rules from the government work reports and CPC congress reports in data/reference/:
- quoted: a 2-12 character phrase in quotation marks (“放管服”, “不忘初心、牢记使命”);
- item: a 3-8 character item of an enumeration of three or more (去产能、去库存、…、补短板), or the
  whole enumeration when all items but one open or end alike (有理想、有道德、有文化、有纪律;
  经济建设、政治建设、…). The first item is cut to the second's length and a last item that runs on
  into the sentence is cut or left out. A list of nouns (文学艺术、新闻出版、广播影视) names fields,
  not aims: neither it nor its items are formulas;
- series: a 习用语 (jieba tag `l`) standing as an item of a 、 series (总体平稳、稳中有进，), not in a
  list of nouns;
- object: the 4-8 characters after a steering verb (推动高质量发展, 优化营商环境, 发展新质生产力),
  cut at jieba words, ended by punctuation or a particle other than 的 (before 的 it is a modifier:
  新时代党|的建设) that is not half of a word (碳达峰碳|中和);
- field: an object that is a plain compound of dictionary words after a verb that takes fields and
  structures (发展职业教育, 优化投资结构, 加快社会事业发展): weak evidence, ranked after the rest.
A candidate is kept if it is used in at least two reports (two years), is printed somewhere as a whole
phrase (before a punctuation mark), is not an idiom (jieba tag `i`), not a single ordinary dictionary
word (one jieba word is kept only when tagged `l`, 习用语 such as 稳中有进, 真抓实干, or when quoted),
not a 习用语 that names or describes a thing (结构调整, 化学肥料), and not a plain compound printed in
more than two thirds of the reports (经济发展: report prose). `strength` counts the reports in which a
rule other than `field` found it, `evidence` those in which any rule did; the table is strongest first.
`year` is the first government work report using it (the congress report's year when no work report
does). Cached under data/processed/ by a hash of the reference files and of this module.
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
from .dictionary import in_dictionary, word_tag
from .echo import CONGRESS_REPORTS, GOV_REPORTS, load_congress_reports, load_gov_reports
from .paths import PROCESSED
from .terms import stopwords

COLUMNS = ["formula", "year", "reports", "uses", "strength", "evidence", "marked", "rule"]
QUOTED = re.compile(r"[“「『]([^“”「」『』\n。！？；：]{2,12})[”」』]")
ENUMERATION = re.compile(r"(?:[\u4e00-\u9fff]{3,8}、){2,}[\u4e00-\u9fff]{3,8}(?=[，。；：,\n])")
STEERING = "推动|推进|坚持|实施|优化|发展|培育|践行|贯彻|深化|加快|树立|弘扬|打好|打赢|构建|落实"  # not the generic 加强, 完善, 建设
OBJECT = re.compile(rf"(?=({STEERING})([\u4e00-\u9fff]{{4,12}}))")
SECTOR_VERBS = {"发展", "优化", "培育"}  # they take fields and structures as objects (发展职业教育, 优化投资结构)
GROWTH = {"发展", "进步"}  # 加快 a plain phrase ending in one: a field's growth, not a formula
NOUN = re.compile(r"n|vn$")  # jieba tags of nouns and verbal nouns
DESCRIBING = re.compile(r"n|vn$|a$|r$")  # … and of adjectives and pronouns (自我完善)
PARTICLES = set("的和与及是在对为把将等并也都而又之其这那各了着过中上下")  # words that end an object
CLAUSE_END = set("，。；：、！？,;")
OPENERS = "同以对在与和向从我把将被其这那各"
FILLER = {"取得", "迈出", "执行", "多种", "主要", "重点", "目标", "任务", "形式"}  # report filler beyond the stopwords
GENERIC_VERBS = {"完善", "发展", "建设", "加强"}  # opening a form: a chain of verbs, not a formula
SERIES_PHRASE = re.compile(r"(?<=、)[\u4e00-\u9fff]{4}(?=[，、；。])|(?<=[，、；。])[\u4e00-\u9fff]{4}(?=、)")
PHRASE_PARTICLE = re.compile(r"[的等]|好$")  # “面向未来的”, “档案等事业”, “发挥好”: a quoted piece of a sentence
SENTENCE = re.compile(r"[，,\s]$|^[，、,\s]")


def national_formulas(cache_dir: str | Path = PROCESSED) -> pd.DataFrame:
    """formula, year (first use), reports (how many use it), uses, strength (reports in which a rule other
    than `field` found it), evidence (reports in which a rule found it), marked (those in which quotes or a
    series did), rule (the first rule that found it); strongest first."""
    path = Path(cache_dir) / f"national_formulas-{_fingerprint()}.csv"
    if path.exists():
        return pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False, dtype={"formula": str})
    table = build_national_formulas(_reports())
    write_csv(table, path)
    return table


def build_national_formulas(reports: pd.DataFrame) -> pd.DataFrame:
    """The lexicon from a table of reports with columns year, kind (report/congress), text."""
    rule: dict[str, str] = {}
    strength, evidence, marked = Counter(), Counter(), Counter()
    quoted = set()
    for text in reports.text:
        hits = list(_candidates(text))
        for form, how in hits:
            rule.setdefault(form, how)
        evidence.update({form for form, _ in hits})  # reports in which a rule found it
        strength.update({form for form, how in hits if how != "field"})
        marked.update({form for form, how in hits if how not in ("object", "field")})
        quoted.update(form for form, how in hits if how == "quoted")
    forms = [form for form in rule if _is_formula(form) and (form in quoted or not _plain_saying(form))]
    found: dict[str, set[int]] = defaultdict(set)
    uses = Counter()
    matcher = ahocorasick_rs.AhoCorasick(forms)
    complete = set(quoted)  # printed somewhere as a whole phrase, before a punctuation mark
    for i, text in enumerate(reports.text):
        for k, _, e in matcher.find_matches_as_indexes(text, overlapping=True):
            found[forms[k]].add(i)
            uses[forms[k]] += 1
            if text[e : e + 1] in CLAUSE_END:
                complete.add(forms[k])
    years = reports.year.astype("Int64").tolist()
    gov = reports.kind.eq("report").tolist()
    rows = []
    for form, docs in found.items():
        if len(docs) < 2 or form not in complete:
            continue  # one report, or never a whole phrase (国家中长期科学|和技术发展规划纲要)
        if 3 * len(docs) > 2 * len(reports) and form not in quoted and _plain_compound(rjieba.cut(form, False)):
            continue  # a plain phrase in most reports: ordinary report prose (经济发展, 现代化建设)
        first_gov = [years[d] for d in docs if gov[d] and pd.notna(years[d])]
        first_any = [years[d] for d in docs if pd.notna(years[d])]
        year = min(first_gov) if first_gov else (min(first_any) if first_any else pd.NA)
        rows.append((form, year, len(docs), uses[form], strength[form], evidence[form], marked[form], rule[form]))
    table = pd.DataFrame(rows, columns=COLUMNS)
    order = ["strength", "evidence", "marked", "reports", "uses", "year"]
    return table.sort_values(order, ascending=[False] * 5 + [True], kind="stable").reset_index(drop=True)


def _candidates(text: str):
    for m in QUOTED.finditer(text):
        if not SENTENCE.search(m.group(1)):
            yield m.group(1), "quoted"
    lists = []  # spans of the lists of things
    for m in ENUMERATION.finditer(text):
        items = m.group().split("、")
        items[0] = items[0][-len(items[1]) :]  # the pattern's first item takes in words before it
        items = _last_item_ended(items)
        if _alike(items):  # 有理想、有道德、…, 经济建设、政治建设、…: the series is the formula
            yield "、".join(items), "item"
        elif _list_of_things(items):
            lists.append(m.span())
        else:
            yield from ((item, "item") for item in items)
    for m in SERIES_PHRASE.finditer(text):
        if word_tag(m.group()) == "l" and not any(s <= m.start() < e for s, e in lists):
            yield m.group(), "series"
    for m in OBJECT.finditer(text):
        verb, window = m.group(1), m.group(2)
        words = rjieba.cut(window, False)
        cut = next((i for i, w in enumerate(words) if w in PARTICLES), None)
        obj = "".join(words[:cut])
        ended = words[cut] != "的" if cut is not None else len(window) < 12  # 新时代党|的建设: a modifier
        split = (
            cut is not None and cut + 1 < len(words) and in_dictionary(words[cut] + words[cut + 1])
        )  # 碳达峰碳|中|和
        plain = _plain_compound(words[:cut])
        growth = verb == "加快" and plain and words[cut - 1 if cut else -1] in GROWTH  # 加快|社会事业发展
        if 4 <= len(obj) <= 8 and ended and not split:
            yield obj, "field" if growth or (verb in SECTOR_VERBS and plain) else "object"


def _last_item_ended(items: list[str]) -> list[str]:
    """The last item may take in the words after the series. When it is 2+ characters longer than the
    others it is kept if it ends like all of them (…、社会建设、生态文明建设), cut to their length if it
    opens like all of them (有文化、有纪律|的新人), else left out (守纪律的劳动者)."""
    others, last = items[:-1], items[-1]
    if len(items) < 3 or len(last) < 2 + max(map(len, others)):
        return items
    if len({item[-1] for item in others}) == 1 and last[-1] == others[0][-1]:
        return items
    if len({(item[0], len(item)) for item in others}) == 1 and last[0] == others[0][0]:
        return [*others, last[: len(others[0])]]
    return others


def _alike(items: list[str]) -> bool:
    """Three or more items, all but at most one opening with the same character or ending with one."""
    return len(items) >= 3 and any(
        Counter(item[end] for item in items).most_common(1)[0][1] >= len(items) - 1 for end in (0, -1)
    )


def _list_of_things(items: list[str]) -> bool:
    """All items but at most one are nouns (文学艺术、新闻出版、广播影视): a list of fields, not of aims."""
    return (
        sum(all(len(w) >= 2 and NOUN.match(word_tag(w) or "") for w in rjieba.cut(item, False)) for item in items)
        >= len(items) - 1
    )


def _plain_compound(words: list[str]) -> bool:
    """Two or more dictionary words of two or more characters: an ordinary phrase such as 投资结构,
    农村经济, 职业教育, not a coinage such as 新质生产力."""
    return len(words) >= 2 and all(len(w) >= 2 and word_tag(w) is not None for w in words)


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


def _plain_saying(form: str) -> bool:
    """A 习用语 that names or describes a thing (结构调整, 化学肥料, 生动活泼): two dictionary words of two
    characters, the first a noun or an adjective; not a saying such as 统筹兼顾, 自负盈亏, 稳中有进."""
    head, tail = form[:2], form[2:]
    return (
        len(form) == 4
        and word_tag(form) == "l"
        and word_tag(tail) is not None
        and bool(DESCRIBING.match(word_tag(head) or ""))
    )


def _reports() -> pd.DataFrame:
    return pd.concat([load_gov_reports(), load_congress_reports()], ignore_index=True)[["year", "kind", "text"]]


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for path in (GOV_REPORTS, CONGRESS_REPORTS, Path(__file__)):
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:16]
