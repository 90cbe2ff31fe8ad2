"""Officialese patterns: shapes that make a phrase a formula wherever it is printed, quoted or not.

Each rule is one regular expression; `slogan` is the name a use is counted under.
- enumeration: three or more one-character verbs each with a two-character object (抓项目、拼经济、促发展);
- days: 大干/苦干/奋战 + a number + 天 (大干60天);
- one_each: 一个X一个Y, X and Y of two characters (一个项目一个专班);
- promote: two or more 以X促Y clauses joined by 、 (以创新促改革、以改革促发展);
- triple_wei: three two-character words ending in the same character (敢为善为有为);
- hua_series: three or more words ending in 化 within one clause, each after an optional 2-6
  character subject (专业化、活动开展常态化、…便利化 -> 专业化、常态化、…、便利化);
- orientation: 坚持 + two characters + 导向 (坚持问题导向 -> 问题导向);
- adherence: 坚持 + four characters standing before a punctuation mark (坚持党建引领、 -> 党建引领);
- subhead: the four characters opening a subhead of the shape XXXX，YYYY(YYYY) (腾笼换凤，提升土地效益).
Idioms (jieba tags i, l) matched by a rule are dropped.
"""

from __future__ import annotations

import re

from .dictionary import IDIOM_TAGS, word_tag
from .joined import anchored

HAN = "\u4e00-\u9fff"
RULES = {
    "enumeration": re.compile(rf"[{HAN}]{{3}}(?:、[{HAN}]{{3}}){{2,}}(?![{HAN}])"),
    "days": re.compile(r"(?:大干|苦干|奋战|决战)\d+天"),
    "one_each": re.compile(rf"一个[{HAN}]{{2}}一个[{HAN}]{{2}}"),
    "promote": re.compile(rf"以[{HAN}]{{2,3}}促[{HAN}]{{2,3}}(?:、以[{HAN}]{{2,3}}促[{HAN}]{{2,3}})+"),
    "triple_wei": re.compile(rf"(?<![{HAN}])(?:[{HAN}]为){{3}}(?![{HAN}])|(?<=干部)(?:[{HAN}]为){{3}}"),
    "hua_series": re.compile(rf"(?:[{HAN}]{{0,6}}?[{HAN}]{{2}}化、){{2,}}[{HAN}]{{0,6}}?[{HAN}]{{2}}化"),
    "orientation": re.compile(rf"(?<=坚持)[{HAN}]{{2}}导向"),
    "adherence": re.compile(rf"(?<=坚持)[{HAN}]{{4}}(?=[，、。；])"),
    "subhead": re.compile(rf"(?<=\n)[{HAN}]{{4}}(?=，[{HAN}]{{4,8}}\n)"),
}
ANCHORS = {  # a literal each rule's match holds, and how far after the match's start it may begin
    "enumeration": ("、", range(3, 4)),
    "triple_wei": ("为", range(1, 2)),
    "hua_series": ("化、", range(2, 9)),
    "orientation": ("坚持", range(-2, -1)),
    "adherence": ("坚持", range(-2, -1)),
    "subhead": ("，", range(4, 5)),
}  # the other rules open with a literal, which the regex engine finds fast
HUA_WORD = re.compile(rf"[{HAN}]{{2}}化(?=、|$)")
FIRST_HUA = re.compile(rf"[{HAN}]{{2}}化、")


def pattern_uses(text: str) -> list[tuple[str, str, int, int]]:
    """(slogan, rule, start, end) of every pattern use in `text`, the printed span from start to end;
    rule by rule, each in text order. `text` may be many texts joined (analysis.joined)."""
    found = []
    for rule, pattern in RULES.items():
        matches = anchored(pattern, text, *ANCHORS[rule]) if rule in ANCHORS else pattern.finditer(text)
        for m in matches:
            start = m.start()
            if rule == "hua_series":
                start += FIRST_HUA.search(m.group()).start()  # from the first …化 word
                name = "、".join(HUA_WORD.findall(m.group()))
            else:
                name = m.group()
            if word_tag(name) not in IDIOM_TAGS:
                found.append((name, rule, start, m.end()))
    return found
