"""A heading block's lines sorted into 肩题 (kicker), 主题 (headline), 副题 (subtitle) and 栏目 (column tag).

Party papers print the kicker above the headline and the subtitle below it, the subtitle often
opened by `——`; a column tag in parentheses ends the headline (`…经济全球化（钟声）`). With two
lines and no other cue, the first is the kicker: a subtitle is told by its dash, by opening with
what a speaker said (`强调…`), or by a kicker that is itself a report of speech (`…时寄语`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

COLUMN_TAG_RE = re.compile(r"^(.{4,}?)\s*[（(]([^（）()。，,]{2,16})[）)]$")
SPEECH_START = ("强调", "指出", "表示", "要求", "希望", "寄语", "部署", "听取")
SPEECH_END = ("强调", "指出", "表示", "要求", "时说", "时寄语", "寄语", "致辞", "讲话")


@dataclass(frozen=True)
class Heading:
    headline: str
    kicker: str = ""
    subtitle: str = ""
    column: str = ""


def split_column(line: str) -> tuple[str, str]:
    """A line and its trailing column tag: `当以正向力量引导经济全球化（钟声）` gives (…, 钟声)."""
    m = COLUMN_TAG_RE.match(line)
    if not m or any(m[2].startswith(w) for w in ("记者", "作者", "本报", "新华社")) or m[2].endswith("摄"):
        return line, ""
    return m[1], m[2]


def is_box_tag(tag: str) -> bool:
    """A tag that marks a box inside the article above (`什么是云（链接）`, `（相关链接）`), not a column."""
    return tag.endswith("链接") or tag in {"小贴士", "小知识", "知识窗"}


def is_dash_subtitle(line: str) -> bool:
    return line.startswith(("—", "-", "－"))


def split_heading(group: list[str]) -> Heading:
    """Sort a heading block (one to three lines, in print order) into its parts."""
    dashed = [g for g in group[1:] if is_dash_subtitle(g)]
    mains = [g for g in group if g not in dashed]
    tagged = [k for k, g in enumerate(mains) if split_column(g)[1]]
    if tagged:
        at = tagged[-1]
    elif len(mains) == 1:
        at = 0
    elif len(mains) == 2 and mains[1].startswith(SPEECH_START) and not mains[0].endswith(SPEECH_END):
        at = 0
    else:
        at = min(1, len(mains) - 1)
    headline, column = split_column(mains[at])
    subtitle = mains[at + 1 :] + [d.lstrip("—-－ ") for d in dashed]
    return Heading(headline, " ".join(mains[:at]), " ".join(subtitle), column)
