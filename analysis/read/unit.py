"""An article or photo being assembled by the page reader, and its paragraphs."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import lines as L
from .flags import Flag


@dataclass
class Paragraph:
    """A paragraph of a unit: its text, the raw lines it was joined from, and whether it is a subhead or a note."""

    text: str
    lines: list[int]
    is_subhead: bool = False
    is_note: bool = False  # a trailing author note (`（作者为…）`): printed text that closes the article
    is_verse: bool = False  # a line of a poem: a paragraph of its own, never run on


@dataclass
class Unit:
    """An article or photo being assembled."""

    kind: str = "article"
    headline: str = ""
    kicker: str = ""
    subtitle: str = ""
    column: str = ""
    reporters: list = field(default_factory=list)
    dateline: str = ""
    paras: list[Paragraph] = field(default_factory=list)
    subheads: list = field(default_factory=list)
    author_note: str = ""
    flags: list[Flag] = field(default_factory=list)
    lines: list = field(default_factory=list)
    is_list: bool = False  # a column head over short items (`艺荐`): later uncredited headings are its items
    receiving: bool = False  # entered through a continuation: later blocks may belong elsewhere
    _vocabulary: set | None = field(default=None, repr=False)
    _open: tuple = field(default=(None, False), repr=False)  # (what the last paragraph was, open then)

    @property
    def open(self) -> bool:
        """The last paragraph stops mid-sentence (a paragraph without Chinese, `1` or English, never runs on;
        nor does the short second half of a dash label, `生产更规范——` / `“生态茶园”控制化肥农药使用`).
        Asked several times per block, so kept until the last paragraph changes."""
        last = self.paras[-1] if self.paras else None
        state = (len(self.paras), id(last), len(last.text) if last else 0)
        if self._open[0] != state:
            self._open = (state, self._is_open(last))
        return self._open[1]

    def _is_open(self, last: Paragraph | None) -> bool:
        if not last or last.is_subhead or last.is_note or last.is_verse:
            return False
        if len(self.paras) >= 2 and L.is_dash_label(self.paras[-2].text) and len(last.lines) == 1:
            return not (len(last.text) <= 25 and L.is_heading_candidate(last.text))
        return not L.is_closed(last.text) and bool(L.HAN_RE.search(last.text))

    @property
    def tail(self) -> str:
        return self.paras[-1].text if self.paras else ""

    def vocabulary(self) -> set:
        """The bigrams of the unit's text so far (built once, then grown as text is added)."""
        if self._vocabulary is None:
            self._vocabulary = set(L.bigram_list("".join(p.text for p in self.paras)))
        return self._vocabulary

    def _grow(self, text: str):
        if self._vocabulary is not None:
            self._vocabulary.update(L.bigram_list(text))

    def add_line(self, line: int):
        self.lines.append(line)

    def new_para(self, text: str, line: int, subhead: bool = False, note: bool = False, verse: bool = False):
        self.paras.append(Paragraph(text, [line], subhead, note, verse))
        self.lines.append(line)
        self._grow(text)

    def join(self, text: str, line: int):
        last = self.paras[-1]
        self._grow(last.text[-1:] + text)
        last.text += text
        last.lines.append(line)
        self.lines.append(line)

    def flag(self, kind: str, line: int | None = None, detail: str = ""):
        self.flags.append(Flag(kind, line, detail))


def end_of_page(unit: Unit):
    """At the page's end: an article left open either ends in its own opening fragment or is flagged."""
    first = unit.paras[0] if unit.paras else None
    if unit.open and len(unit.paras) >= 2 and not unit.dateline and not first.is_subhead and not L.is_lead(first.text):
        last = unit.paras[-1]
        unit.paras = [Paragraph(last.text + first.text, last.lines + first.lines)] + unit.paras[1:-1]
        unit.flag("reordered", last.lines[0], str(first.lines[0]))
        if not any(f.kind == "beginning_lost" for f in unit.flags):
            unit.flag("beginning_lost", detail="the article's opening is not on this page")
    elif unit.open:
        unit.flag("ends_mid_sentence")
    if unit.kind == "article" and not unit.headline:
        unit.flag("no_headline")
    for reason in doubts(unit):
        unit.flag("doubtful", detail=reason)


def doubts(unit: Unit) -> list[str]:
    """Why a unit may not be a real article (a page that is not a newspaper page reads into such items)."""
    text = "".join(p.text for p in unit.paras) + unit.headline
    reasons = []
    if len(L.NON_HAN_RE.sub("", text)) < 0.5 * len(text.replace(" ", "")):
        reasons.append("mostly not Chinese text")
    if unit.kind == "article" and not unit.headline and not unit.dateline and not unit.reporters:
        reasons.append("no headline, byline or dateline")
    return reasons
