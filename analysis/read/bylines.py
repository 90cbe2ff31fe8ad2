"""Bylines, datelines and credits: who wrote or photographed a piece.

Conventions handled (Chinese papers): `■通讯员 蒲蔚 石华岳`, `本报记者  季  芳` (names padded
with spaces), `本报通讯员 X  记者 Y`, `文/图 X`, `X 摄`, and datelines that open a lead such as
`本报讯（记者 X）`, `本报4月3日讯`, `据新华社…电`, trailing notes `（作者为…）`, `新华社北京3月24日电（记者 X、Y）`.
"""

from __future__ import annotations

import re

MARKS = "■□●○◆◇▲△▼★☆◎※#＊*·•"
ROLE = (
    r"(?:(?:本报|本刊|本台|本网|新华社|人民日报|央视|中新社|特约|见习|实习|融媒体?|全媒体|首席|驻[\u4e00-\u9fff]{1,4})"
    r"?(?:记者|通讯员|评论员|摄影记者|摄影|摄像|编辑|实习生|撰稿人?|特约评论员)"
    r"|文/图|文／图|图/文|图／文|文图|文/|文／|图/|图／|文：|图：|撰文|作者|来源|报道员)"
)
NAME = r"[\u4e00-\u9fff]{2,4}"
ROLE_RE = re.compile(ROLE)
BYLINE_RE = re.compile(
    rf"^[{MARKS}]?\s*[（(]?\s*{ROLE}\s*[:：]?\s*[\u4e00-\u9fff][\u4e00-\u9fff\s、，,/／（）()]*?(?:\s*(?:摄影?|报道|整理|文))?\s*[）)]?$"
)
PADDED_NAME = r"[\u4e00-\u9fff](?:\s+[\u4e00-\u9fff]){1,2}"  # 李 博, 郑  强
AGENCY_TAG = r"(?:\s*[（(][\u4e00-\u9fff]{2,8}[）)])?"  # 摄（人民视觉）
CREDIT_SPAN = 120  # characters at a caption's end that can hold its credit (four names, a role, an agency)
CREDIT_TAIL_RE = re.compile(
    rf"[（(]?\s*((?:{ROLE}\s*)?(?:(?:{PADDED_NAME}|{NAME})[\s、]*){{1,4}})\s*摄(?:影报道|影)?\s*[）)]?{AGENCY_TAG}$"
)
DATELINE_RE = re.compile(
    r"^(据?(?:本报讯|本报[\u4e00-\u9fff\d]{0,12}?讯|本报[\u4e00-\u9fff\d]{0,16}?电|本台消息|央视网消息"
    r"|(?:新华社|中新社|中新网|人民网|新华网|央广网)[\u4e00-\u9fff\d]{0,16}?电))"
    r"\s*(?:[（(]([^）)]{1,40})[）)])?[\s，,:：]*"
)
NOT_NAMES = {"记者", "通讯员", "本报", "摄影", "报道", "整理", "实习生", "编辑", "来源", "作者"}


def split_names(text: str) -> list[str]:
    """Clean person names from a credit: role words, marks and padding removed.

    Runs of single characters are padding inside one name (`季  芳` is 季芳).
    """
    text = ROLE_RE.sub(" ", text)
    text = re.sub(rf"[{MARKS}（）()、，,/／:：]|摄影?$|报道$|整理$", " ", text)
    names, run = [], ""
    for token in text.split():
        if len(token) == 1:
            run += token
            if len(run) == 3:
                names.append(run)
                run = ""
            continue
        if run:
            names.append(run)
            run = ""
        names.append(token)
    if run:
        names.append(run)
    return [n for n in names if n not in NOT_NAMES and re.fullmatch(r"[\u4e00-\u9fff·]{2,6}", n)]


def parse_byline(line: str) -> list[str] | None:
    """Names if `line` is a byline or photo credit, else None."""
    if len(line) > 50 or any(p in line for p in "。！？；“”"):
        return None
    credit = CREDIT_TAIL_RE.search(line) if len(line) <= 24 and "摄" in line else None
    if not BYLINE_RE.match(line) and not (credit and credit.start() == 0):
        return None
    names = split_names(credit[1] if credit else line)
    return names or None


PHOTO_AGENCIES = {"人民视觉", "视觉中国", "新华社发", "资料图片", "人民图片"}  # a credit line without a name


def is_photo_credit(line: str) -> bool:
    """A line holding only a photo's credit: `王丽娟摄`, `宋 文摄（人民视觉）`, `（新华社记者 X 摄）`, `人民视觉`."""
    return line in PHOTO_AGENCIES or (len(line) <= 24 and "摄" in line and bool(CREDIT_TAIL_RE.match(line)))


def is_bare_name(line: str) -> bool:
    """A line holding only one to three names (a commentary's author line, `张  伟` padded or not)."""
    line = line.strip(MARKS + " ")
    if not line or len(line) > 16 or not re.fullmatch(r"[\u4e00-\u9fff\s、]+", line):
        return False
    names = split_names(line)
    return 0 < len(names) <= 3 and "".join(names) == re.sub(r"[\s、]", "", line) and all(len(n) <= 3 for n in names)


AUTHOR_NOTE_RE = re.compile(r"^[（(][^（）()。！？]{2,90}[）)]$")


def is_author_note(line: str) -> bool:
    """A parenthesised line that closes an article: `（作者为…）`, `（记者 X）`, `（X、Y参与采写）`, `（新华社…电）`.

    A photo credit (`（新华社记者 X 摄）`) is not one.
    """
    return bool(AUTHOR_NOTE_RE.match(line)) and not line[1:-1].rstrip().endswith("摄")


def split_dateline(paragraph: str) -> tuple[str, list[str], str]:
    """Split a lead's dateline: (dateline, reporters, rest of the paragraph).

    A credit parenthesis stays in the dateline as printed (`本报讯（记者 X）`), its names go to reporters,
    so dateline + rest gives back the printed paragraph.
    """
    m = DATELINE_RE.match(paragraph)
    if not m:
        return "", [], paragraph
    credit = m.group(2) or ""
    reporters = split_names(credit) if ROLE_RE.search(credit) else []
    if credit and not reporters:
        rest = paragraph[m.end() :]
        if paragraph[: m.end()].rstrip().endswith(("：", ":")) and len(credit) <= 8:  # 央视网消息（新闻联播）：
            return paragraph[: m.end()].rstrip(" ：:，,"), [], rest
        return m.group(1), [], paragraph[len(m.group(1)) :].lstrip(" ，,")  # the parenthesis belongs to the text
    if reporters:
        return paragraph[: m.end()].rstrip(" ，,"), reporters, paragraph[m.end() :]
    return m.group(1), [], paragraph[m.end() :]


def split_photo_credit(caption: str) -> tuple[str, list[str]]:
    """Split a trailing `（本报记者 X 摄）` credit off a caption."""
    start = max(0, len(caption) - CREDIT_SPAN)  # the credit ends the caption: only its end is read
    m = CREDIT_TAIL_RE.search(caption, start) if "摄" in caption[start:] else None
    if not m or m.start() == 0:
        return caption, []
    return caption[: m.start()].rstrip(), split_names(m.group(1))
