"""What one line of a newspaper page looks like: headline, byline, body, furniture."""

from __future__ import annotations

import re
from functools import lru_cache

from .bylines import DATELINE_RE, is_author_note, is_bare_name, is_photo_credit, parse_byline
from .headings import split_column

CLOSERS = "。！？!?…；;：:"
QUOTE_CLOSERS = "”’」』\"'）)"
OPEN_ENDS = "，、,；;：:—（(“「《"
HEADLINE_MAX = 40
LEAD_RE = re.compile(
    r"^(日前|近日|近期|连日来|今年以来|当地时间|\d{1,2}月\d{1,2}日|昨天|昨日|今天|今日|本周|上周|记者从|记者日前从|记者近日从)"
)
JUMP_RE = re.compile(r"[（(]\s*(?:下转|上接|转|接|续)第?\s*[A-Za-z]?\d{1,2}\s*版[^）)]{0,12}[）)]")
FURNITURE_RE = re.compile(
    r"^(?:(?:本版)?(?:责任编辑|责编|编辑|校对|美编|组版|审读|值班总编|图片编辑)\s*[:：\s]"
    r"|第?\s*[A-Za-z]?\d{1,2}\s*版(?:\s|$)|\d{4}年\d{1,2}月\d{1,2}日\s*(?:星期|周)[一二三四五六日天])"
)
# a feature's own staff credits, printed at its end (`统筹：X`, `版式设计：X`): its text, not page furniture
STAFF_RE = re.compile(r"^(?:本期)?(?:统筹|策划|版式设计|版式|制图|设计|数据来源)\s*[:：]\s*\S")
PAGE_DATE_RE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
MID_START = set("，。、；：,.;:）)”’》的地得了着过们吗呢吧啊之于及与和或并而但且则")
PRONOUNS = set("我你他她它这那其此每各该本")
HAN_RE = re.compile(r"[\u4e00-\u9fff]")
NON_HAN_RE = re.compile(r"[^\u4e00-\u9fff]+")


SUMMARY_LABELS = {"核心阅读", "阅读提示", "编者按", "编后", "短评", "延伸阅读", "相关链接", "记者手记", "记者观察"}
LABEL_MARKS = "■□█●◆▲★"


def is_summary_label(text: str) -> bool:
    """A 提要 or section label inside an article (`核心阅读`, `■记者手记`): a closed line of its own."""
    return text.lstrip(LABEL_MARKS).strip() in SUMMARY_LABELS


def is_marked_line(text: str) -> bool:
    """A line opened by a mark (`█环保执法监管不严…`, `●时间：3月23日`): a 提要 or list line, whole as printed."""
    return len(text) > 1 and text[0] in LABEL_MARKS


SECTION_RE = re.compile(r"^[（(]?[一二三四五六七八九十]{1,3}[）)]?$")


def is_section_number(text: str) -> bool:
    """A section number of its own (`一`, `（二）`) opening a part of an essay or feature: closed, its own paragraph."""
    return SECTION_RE.match(text) is not None


def is_staff(text: str) -> bool:
    """A feature's staff credit (`版式：沈某`): a closed line of its text."""
    return len(text) <= 30 and STAFF_RE.match(text) is not None


def is_dash_label(text: str) -> bool:
    """A short phrase ending in a dash that opens what follows (`生产更规范——`): a subhead or label, a line of its own."""
    core = text.rstrip("—")
    return text.endswith("——") and 4 <= len(core) <= 12 and "，" not in core and is_headline_like(core)


LABELS = (is_summary_label, is_dash_label, is_staff, is_section_number)  # each at most 30 characters


def is_closed(text: str) -> bool:
    """Does a block end a sentence (so the next block starts a new paragraph)? A 提要 label (`核心阅读`), a
    dash label (`生产更规范——`), a staff credit, a section number (`二`) or a marked line (`█…`) does."""
    last = text[-1]
    if last in CLOSERS:
        return True
    if last in QUOTE_CLOSERS and len(text) > 1:
        if text[-2] in CLOSERS or (last in "）)" and text[:-1].rstrip().endswith("摄")):
            return True
    if text.endswith(("（完）", "(完)")):
        return True
    return is_marked_line(text) or (len(text) <= 30 and any(is_label(text) for is_label in LABELS))


VERSE_MAX = 16  # a line of verse in a newspaper column


def is_verse_shaped(text: str) -> bool:
    """Short enough for a line of verse, with Chinese in it (`在山丘和谷地上飘荡，`)."""
    return 2 <= len(text) <= VERSE_MAX and HAN_RE.search(text) is not None


SPACED_TITLE_RE = re.compile(r"[\u4e00-\u9fff]{2,12}(?: +[\u4e00-\u9fff]{2,12})+")


def is_spaced_title(text: str) -> bool:
    """Phrases of Chinese set apart by spaces, nothing else (`生态美如画 天鹅来做客`): a title's typography; a
    sentence separates its phrases with commas, so such a line never continues one."""
    return SPACED_TITLE_RE.fullmatch(text) is not None


SPEAKER_RE = re.compile(r"[\u4e00-\u9fff·]{2,10}[：:]")


def is_speaker_kicker(text: str) -> bool:
    """A 肩题 naming who speaks or reports, ending in a colon (`公安部：`, `比尔·盖茨：`) over the headline."""
    return SPEAKER_RE.fullmatch(text) is not None


def is_headline_like(text: str) -> bool:
    """Short, no full stop, not ending on a comma: a headline, kicker, subhead or photo title.

    A comma is allowed only between balanced phrases (`高位推动，提升运行效率`); an unbalanced
    one (`培训现场，清江浦区疾控中心公`) marks a sentence cut by a column break.
    """
    if len(text) > HEADLINE_MAX or "。" in text or text[-1] in OPEN_ENDS or text[0] in MID_START:
        return False
    text, column = split_column(text)
    if column:
        return True
    parts = [len(p) for p in re.split("[，,]", text)]
    if len(parts) > 1 and (max(parts) > 10 or max(parts) - min(parts) > 2):
        return False
    return HAN_RE.search(text) is not None


def is_heading_candidate(text: str) -> bool:
    """Could this line be a heading line if a byline or dateline follows it (`云南设立监理中心，旅游购物30天内可无理由退款`)?"""
    return (
        len(text) <= HEADLINE_MAX + 5
        and not is_staff(text)
        and not any(c in text for c in "。；;")
        and text[-1] not in OPEN_ENDS
        and text[0] not in MID_START
        and HAN_RE.search(text) is not None
    )


def starts_mid_sentence(text: str) -> bool:
    """Does a block visibly begin inside a sentence (`力，提升…`, `的足迹…`, `年的…`)?"""
    if text[0] in MID_START:
        return True
    return len(text) > 2 and text[1] in "，、的地得" and text[0] not in PRONOUNS


def is_lead(text: str) -> bool:
    """Does a paragraph open a news item (a dateline or a time phrase)?"""
    return bool(DATELINE_RE.match(text) or LEAD_RE.match(text))


def bigram_list(text: str) -> list[str]:
    """The Chinese character bigrams of a text, in order (for comparing what two blocks talk about)."""
    han = NON_HAN_RE.sub("", text)
    return [han[i : i + 2] for i in range(len(han) - 1)]


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    return jieba


@lru_cache(maxsize=65536)
def word_across(tail: str, head: str, window: int = 4) -> str:
    """The word that jieba's dictionary segmentation forms across a join (`精准有|力` gives 有力), or ''."""
    if not tail or not head or tail[-1] in CLOSERS + OPEN_ENDS:
        return ""
    if len(tail) > window or len(head) > window:
        return word_across(tail[-window:], head[:window], window)
    text = tail + head
    dt = _jieba().dt
    route: dict = {}
    dt.calc(text, dt.get_DAG(text), route)
    start = 0
    while start < len(text):  # walk jieba's best route (its dictionary mode, as jieba.lcut(HMM=False))
        end = route[start][1] + 1
        if start < len(tail) < end:
            word = text[start:end]
            return word if all(HAN_RE.match(c) for c in word) else ""
        start = end
    return ""


def classify(text: str) -> tuple[str, list[str] | None]:
    """('furniture'|'note'|'byline'|'headline'|'body', byline names or None)."""
    if len(text) <= 40 and FURNITURE_RE.match(text):
        return "furniture", None
    if is_author_note(text):
        return "note", None
    if is_summary_label(text) or is_staff(text) or is_section_number(text):  # the article's text, never an article
        return "body", None
    if is_photo_credit(text):  # `王丽娟摄`, `人民视觉`: a credit, even without a name
        return "byline", parse_byline(text) or []
    names = parse_byline(text)
    if names:
        return "byline", names
    if is_marked_line(text):  # a 提要 or list line (`●时间：…`), whole as printed
        return "body", None
    if (is_headline_like(text) or is_dash_label(text) or is_speaker_kicker(text)) and not DATELINE_RE.match(text):
        return "headline", None
    return "body", None


__all__ = [
    "classify",
    "is_closed",
    "is_headline_like",
    "starts_mid_sentence",
    "is_lead",
    "bigram_list",
    "word_across",
    "is_bare_name",
    "JUMP_RE",
    "PAGE_DATE_RE",
    "DATELINE_RE",
]
