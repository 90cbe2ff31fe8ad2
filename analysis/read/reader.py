"""The page reader: one OCR'd newspaper page in, its articles and photos out, in reading order.

A page arrives as blocks (non-blank lines) in the order OCR read them. The reader
- groups headline lines (kicker, main, subtitle) with the byline or lead that follows them;
- joins column breaks: a block that ends without closing punctuation runs on into the next;
- reattaches jumped articles: an article that stops mid-sentence continues later on the page,
  perhaps under a repeated headline (a jump label, which can be wrong); the continuation goes
  to the waiting article with the best evidence: a dictionary word formed across the join
  (精准有|力), a block that visibly starts mid-sentence, shared vocabulary, page order
  (scored in `evidence`);
- drops repeated blocks and jump labels, recording each with its reason;
- handles a headline printed after its body, photo captions with a trailing credit,
  subheads, and fragments whose beginning was lost (kept, flagged).
Every non-blank line ends up in exactly one article, photo, or the dropped record.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import lines as L
from .blocks import Blocks
from .bylines import is_bare_name, is_photo_credit, split_dateline, split_names, split_photo_credit
from .evidence import continuation_score, takes_over
from .flags import Flag
from .header import Header, header_records, read_header, without_header
from .headings import is_box_tag, split_column, split_heading
from .identity import identify
from .textio import read_page_text
from .unit import Unit, end_of_page

COLUMNS = [
    "article_id",
    "issue",
    "date",
    "order",
    "kind",
    "headline",
    "kicker",
    "subtitle",
    "column",
    "reporters",
    "dateline",
    "text",
    "subheads",
    "author_note",
    "flags",
    "lines",
    "source",
]
DROPPED_COLUMNS = [
    "issue",
    "line",
    "kind",
    "text",
    "reason",
]  # kind: furniture, repeated_block, jump_label, jump_marker, repeated_byline
PAGE_COLUMNS = ["issue", "date", "source", "notes"]


@dataclass
class Page:
    """A parsed page: its units, what was dropped, and the page-level notes (decoding, jump markers, date)."""

    issue: str
    date: object
    units: list
    dropped: list
    notes: list[Flag]
    header: Header = field(default_factory=Header)  # what the page header or folio says (read_page)
    digest: str = ""  # hash of the clean page text (read_page): the same page saved twice has the same one

    def articles(self, source: str = "") -> pd.DataFrame:
        rows = []
        for order, u in enumerate(self.units, 1):
            rows.append(
                {
                    "article_id": f"{self.issue}#{order:02d}",
                    "issue": self.issue,
                    "date": self.date,
                    "order": order,
                    "kind": u.kind,
                    "headline": u.headline,
                    "kicker": u.kicker,
                    "subtitle": u.subtitle,
                    "column": u.column,
                    "reporters": u.reporters,
                    "dateline": u.dateline,
                    "text": "\n".join(p.text for p in u.paras),
                    "subheads": u.subheads,
                    "author_note": u.author_note,
                    "flags": [f.record() for f in u.flags],
                    "lines": sorted(u.lines),
                    "source": source,
                }
            )
        df = pd.DataFrame(rows, columns=COLUMNS)
        df["date"] = pd.to_datetime(df["date"])
        df["order"] = df["order"].astype("int64")
        return df

    def dropped_frame(self) -> pd.DataFrame:
        return pd.DataFrame([{"issue": self.issue, **d} for d in self.dropped], columns=DROPPED_COLUMNS)

    def page_frame(self, source: str = "") -> pd.DataFrame:
        """The page's one row of the page table: issue, date, source and its notes as flag records."""
        row = {"issue": self.issue, "date": self.date, "source": source, "notes": [n.record() for n in self.notes]}
        df = pd.DataFrame([row], columns=PAGE_COLUMNS)
        df["date"] = pd.to_datetime(df["date"])
        return df


class _Parser:
    """One pass over a page's blocks, in OCR order.

    State: the units built so far and the current one; the open ones waiting for a continuation;
    the jump label just seen; headlines and body blocks already printed (to spot repeats and labels);
    what was dropped; a date read from the page header.
    """

    def __init__(self, blocks: list[tuple[int, str]], jumped: set = frozenset()):
        self.blocks = Blocks(blocks, jumped)
        self.units: list[Unit] = []
        self.dropped: list[dict] = []
        self.waiting: list[Unit] = []
        self.current: Unit | None = None
        self.seen_body: dict[str, int] = {}
        self.headlines: dict[str, Unit] = {}
        self.label: Unit | None = None
        self.list_unit: Unit | None = None  # a list under a column head (`艺荐`) still taking items
        self.page_date = None

    # ---- helpers ---------------------------------------------------------------
    def drop(self, i: int, kind: str, reason: str):
        line, text = self.blocks[i]
        self.dropped.append({"line": line, "kind": kind, "text": text, "reason": reason})

    def park_current(self):
        """The current article stopped mid-sentence: it waits for its continuation."""
        if self.current is not None and self.current.open and self.current not in self.waiting:
            self.waiting.append(self.current)

    def start(self, unit: Unit) -> Unit:
        self.park_current()
        self.units.append(unit)
        self.current, self.label = unit, None
        self.list_unit = unit if unit.is_list else None
        return unit

    def evidence(self, i: int, unit: Unit) -> tuple[float, str]:
        """How strongly block i continues `unit`, and why (see `evidence.continuation_score`)."""
        vocabulary = unit.vocabulary() if unit.paras else ()
        return continuation_score(
            self.blocks.text(i), self.blocks.bigrams(i), unit.tail, unit.open, vocabulary, labelled=unit is self.label
        )

    # ---- the scan ---------------------------------------------------------------
    def run(self) -> tuple[list, list]:
        i = 0
        while i < len(self.blocks):
            i = self.step(i)
        self.finish()
        return self.units, self.dropped

    def step(self, i: int) -> int:
        kind, names = self.blocks.kind(i), self.blocks.names(i)
        text = self.blocks.text(i)
        if kind == "furniture":
            m = L.PAGE_DATE_RE.search(text)
            if m and self.page_date is None:
                self.page_date = f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}"
            self.drop(i, "furniture", "page furniture (header, page number or editor line)")
            return i + 1
        on_purpose = self.blocks.on_purpose(i)
        if (
            kind != "byline"
            and text in self.headlines
            and not (on_purpose and not self.is_main_headline(text))
            and not (self.current and self.current.open and kind == "body")
        ):
            return self.jump_label(i)
        if kind != "byline" and text in self.seen_body and not on_purpose:
            self.drop(i, "repeated_block", f"repeated block (same as line {self.seen_body[text]})")
            return i + 1
        if kind == "note":
            return self.author_note(i)
        if kind == "byline":
            return self.byline(i, names)
        if i in self.blocks.verse:
            return self.verse_line(i)
        if kind == "headline" or self.loose_heading(i):
            return self.headline(i)
        self.body(i)
        return i + 1

    def is_main_headline(self, text: str) -> bool:
        """Is `text` the 主题 of the unit it heads? Printed again, even three times, it is that unit's jump label."""
        return split_column(text)[0] == self.headlines[text].headline

    def loose_heading(self, i: int) -> bool:
        """A line too long or comma-split for a headline opens a heading group a byline or dateline follows,
        unless it continues a sentence left open (after an end, a long 肩题 over the headline)."""
        if self.current is not None and self.current.open:
            return False
        return L.is_heading_candidate(self.blocks.text(i)) and bool(
            self.blocks.group_end(i, self.headlines, self.after_an_end())
        )

    def after_an_end(self) -> bool:
        """Nothing above can run on: the page's top, or an author note (`（新华社…电）`) closing the article above."""
        cur = self.current
        return cur is None or bool(cur.paras and cur.paras[-1].is_note)

    def jump_label(self, i: int) -> int:
        target = self.headlines[self.blocks.text(i)]
        self.drop(i, "jump_label", f"repeated headline: jump label of “{target.headline}”")
        self.park_current()
        self.label = target
        return i + 1

    def author_note(self, i: int) -> int:
        """A trailing note (`（作者为…）`, `（记者 X）`) closes the article above it (its last paragraph and
        its `author_note`); it never opens one."""
        line, text = self.blocks[i]
        unit = self.current
        if unit is None:
            unit = self.start(Unit())
            unit.flag("fragment", line)
        unit.new_para(text, line, note=True)  # printed where the paper put it, and kept apart
        unit.author_note = " ".join(filter(None, [unit.author_note, text]))
        if not unit.reporters and "作者" not in text:
            unit.reporters = split_names(text)
        return i + 1

    def photo_credit(self, i: int, names: list) -> int:
        """A photo's credit (`王丽娟摄`, `人民视觉`) closes the photo, or the article it stands in, as its last
        paragraph as printed (like an author note); its names go to reporters. It never opens an article."""
        line, text = self.blocks[i]
        unit = self.current
        if unit is None:
            unit = self.start(Unit())
            unit.flag("fragment", line)
        unit.reporters += [n for n in names if n not in unit.reporters]
        if self.is_caption(unit):
            unit.kind = "photo"  # a title, a caption, then the photographer's credit
        unit.new_para(text, line, note=True)
        return i + 1

    def is_caption(self, unit: Unit) -> bool:
        """Is what `unit` holds so far a photo's caption: one paragraph, or two with `图为`/`摄`, and no dateline?"""
        caption = " ".join(p.text for p in unit.paras)
        return (
            unit.kind == "article"
            and not unit.dateline
            and not unit.subheads
            and (len(unit.paras) == 1 or (len(unit.paras) == 2 and ("图为" in caption or "摄" in caption)))
        )

    def verse_line(self, i: int) -> int:
        """A line of a poem quoted in an article: a paragraph of its own, as printed."""
        line, text = self.blocks[i]
        unit = self.current
        if unit is None:
            unit = self.start(Unit())
            unit.flag("fragment", line)
        unit.new_para(text, line, verse=True)
        unit.flag("verse", line)
        self.seen_body.setdefault(text, line)
        self.label = None
        return i + 1

    def byline(self, i: int, names: list) -> int:
        if is_photo_credit(self.blocks.text(i)):
            return self.photo_credit(i, names)
        nxt = self.blocks.kind(i + 1)
        if nxt == "body" or (
            nxt == "headline" and self.blocks.kind(i + 2) == "body" and not self.blocks.group_end(i + 1, self.headlines)
        ):
            unit = self.start(Unit(reporters=names))
            unit.add_line(self.blocks[i][0])
            unit.flag("byline_without_headline", self.blocks[i][0])
            return i + 1
        unit = self.current or self.start(Unit())
        unit.add_line(self.blocks[i][0])
        unit.reporters += [n for n in names if n not in unit.reporters]
        if self.is_caption(unit):
            unit.kind = "photo"  # a title, a caption, then the photographer's credit
        return i + 1

    def headline(self, i: int) -> int:
        cur = self.current
        nxt = self.blocks.text(i + 1) if i + 1 < len(self.blocks) else ""
        runs_on = (
            self.blocks.kind(i + 1) == "body"
            and nxt
            and (L.word_across(self.blocks.text(i), nxt) or nxt[0] in L.MID_START)
        )
        end = 0 if runs_on else self.blocks.group_end(i, self.headlines, self.after_an_end())
        sibling = self.sibling_subhead(i) if end == i + 1 else ""
        if sibling:
            end = 0
        if not end and L.is_speaker_kicker(self.blocks.text(i)):
            self.body(i)  # `X：` over no heading block is a paragraph's opening (`李克强表示：`)
            return i + 1
        if not end and not runs_on and not (cur is not None and cur.open) and self.is_headline_by_evidence(i):
            return self.article(i, i + 1)
        if not end and not runs_on and cur is not None and cur.open and L.is_spaced_title(self.blocks.text(i)):
            end = self.article(i, i + 1)  # a spaced title under an open paragraph: its sentence went elsewhere
            self.current.flag("headline_without_byline", self.blocks[i][0], "a spaced title, no sentence's text")
            return end
        photo_end = 0 if end or runs_on else self.blocks.photo_end(i)
        if photo_end and cur is not None and cur.open:
            return self.photo(i, photo_end)  # a photo printed while an article waits for its jumped tail
        if cur is not None and not end and (cur.open or runs_on or (cur.kind == "article" and not cur.paras)):
            self.body(i)
            return i + 1
        if end and self.list_unit is not None and not self.credited(end):
            return self.list_item(self.list_unit, i, end)
        if end:
            group = [self.blocks.text(k) for k in range(i, end)]
            if cur is not None and not cur.headline and cur.paras and not cur.open and len(group) >= 2:
                self.trailing_headline(i)
                return i + 1
            return self.article(i, end)
        if cur is not None and not cur.headline and cur.paras and not cur.open and self.blocks.kind(i + 1) != "body":
            self.trailing_headline(i)
            return i + 1
        photo_end = self.blocks.photo_end(i)
        if photo_end:
            return self.photo(i, photo_end)
        if self.ends_news_item(i):
            end = self.article(i, i + 1)
            self.current.flag("headline_without_byline", self.blocks[i][0], "the item above is a dated news item")
            return end
        if cur is not None and cur.paras:
            if sibling:
                cur.flag("subhead_like_others", self.blocks[i][0], sibling)
            cur.subheads.append(self.blocks.text(i))
            cur.new_para(self.blocks.text(i), self.blocks[i][0], subhead=True)
            return i + 1
        return self.article(i, i + 1)

    def is_box(self, i: int) -> bool:
        """Is block i a box's title (`什么是云（链接）`)? The box belongs to the article above."""
        return is_box_tag(split_column(self.blocks.text(i))[1])

    def ends_news_item(self, i: int) -> bool:
        """A headline-shaped line over a paragraph, after a dated news item (`本报…电`) of two or more paragraphs
        without subheads, is a headline without byline (`…访问成果清单` / `应…邀请`): news items carry no
        subheads. Right under the dated lead it is more often the lead's next sentence cut by a column break."""
        cur = self.current
        return (
            cur is not None
            and bool(cur.dateline)
            and not cur.subheads
            and len(cur.paras) >= 2
            and self.blocks.kind(i + 1) == "body"
            and not self.blocks.on_purpose(i)  # a refrain (`同志们、朋友们！`) printed between a speech's parts
            and not self.is_box(i)
            and "、" not in self.blocks.text(i)  # an enumeration is a sentence's, rarely a headline's (2 of 250)
        )

    def sibling_subhead(self, i: int) -> str:
        """A one-line heading over a time-phrase lead (`3月23日晚，…`), no byline or dateline, inside a feature
        that already has a subhead of its length (`办赛很专业` / `观赛热情高`) is the feature's next subhead: that
        earlier subhead, or ''."""
        cur, text = self.current, self.blocks.text(i)
        nxt = self.blocks.text(i + 1) if self.blocks.kind(i + 1) == "body" else ""
        if cur is None or cur.open or not nxt or L.DATELINE_RE.match(nxt):
            return ""
        return next((s for s in cur.subheads if abs(len(s) - len(text)) <= 1), "")

    def is_headline_by_evidence(self, i: int) -> bool:
        """A line no byline follows is still a headline if it carries a column tag (`（钟声）`) or is
        printed again later on the page (its jump label), and a paragraph follows it."""
        text = self.blocks.text(i)
        tagged = bool(split_column(text)[1]) and not self.is_box(i)
        return self.blocks.kind(i + 1) == "body" and (tagged or text in self.blocks.labelled)

    def trailing_headline(self, i: int):
        unit = self.current
        unit.headline = self.blocks.text(i)
        unit.add_line(self.blocks[i][0])
        unit.flag("headline_after_body", self.blocks[i][0])
        self.headlines.setdefault(unit.headline, unit)

    def credited(self, k: int) -> bool:
        """Does block k credit the heading above it: a byline, a bare name over a paragraph, or a dateline?"""
        text = self.blocks.text(k)
        return (
            self.blocks.kind(k) == "byline"
            or bool(L.DATELINE_RE.match(text))
            or (is_bare_name(text) and self.blocks.kind(k + 1) == "body")
        )

    def is_list_head(self, i: int, end: int) -> bool:
        """A column head over a list of short items (`艺荐` / `寻道求变` / `——卢沉艺术研究展`, then the item's text):
        a short first line over an item's title and dash subtitle, and no byline or dateline under them."""
        first = self.blocks.text(i)
        return (
            end - i == 3
            and len(first) <= 4
            and L.HAN_RE.fullmatch(first[0]) is not None
            and self.blocks.text(end - 1).startswith(("—", "-"))
            and not self.credited(end)
        )

    def list_item(self, unit: Unit, i: int, end: int) -> int:
        """An item's title lines in a list under a column head: subheads of the list, as printed."""
        if unit is not self.current:
            self.park_current()
            self.current, self.label = unit, None
        for k in range(i, end):
            unit.subheads.append(self.blocks.text(k))
            unit.new_para(self.blocks.text(k), self.blocks[k][0], subhead=True)
        unit.flag("list_item", self.blocks[i][0])
        return end

    def article(self, i: int, end: int) -> int:
        if self.is_list_head(i, end):
            unit = self.start(Unit(headline=self.blocks.text(i), is_list=True))
            unit.add_line(self.blocks[i][0])
            self.headlines.setdefault(unit.headline, unit)
            return self.list_item(unit, i + 1, end)
        group = [self.blocks.text(k) for k in range(i, end)]
        unit = self.start(Unit())
        for k in range(i, end):
            unit.add_line(self.blocks[k][0])
        heading = split_heading(group)
        unit.headline, unit.kicker, unit.subtitle = heading.headline, heading.kicker, heading.subtitle
        unit.column = heading.column
        for g in group:
            self.headlines.setdefault(g, unit)
        k = end
        if self.blocks.kind(k) == "byline":
            unit.reporters = list(self.blocks.names(k))
            unit.add_line(self.blocks[k][0])
            k += 1
        elif (
            self.blocks.kind(k) == "headline"
            and is_bare_name(self.blocks.text(k))
            and self.blocks.kind(k + 1) == "body"
        ):
            unit.reporters = split_names(self.blocks.text(k))
            unit.add_line(self.blocks[k][0])
            k += 1
        elif self.blocks.kind(k) == "body" and not L.is_lead(self.blocks.text(k)):
            unit.flag("no_byline")
        return k

    def photo(self, i: int, end: int) -> int:
        unit = self.start(Unit(kind="photo", headline=self.blocks.text(i)))
        unit.add_line(self.blocks[i][0])
        for k in range(i + 1, end):
            line, text = self.blocks[k]
            if self.blocks.kind(k) == "byline":
                unit.reporters += self.blocks.names(k)
                if is_photo_credit(text):
                    unit.new_para(text, line, note=True)  # printed under the caption: kept, like an author note
                else:
                    unit.add_line(line)
                continue
            caption, credit = split_photo_credit(text)
            unit.reporters += credit
            unit.new_para(caption, line)
            self.seen_body.setdefault(text, line)
        self.headlines.setdefault(unit.headline, unit)
        return end

    def body(self, i: int):
        line, text = self.blocks[i]
        cur = self.current
        fresh = cur is not None and not cur.paras  # the first block under a headline or byline is its own
        if self.label is not None or (
            self.waiting and not fresh and (cur is None or cur.open or cur.receiving or self.looks_continued(text))
        ):
            target, why = self.continuation_target(i)
            if target is not None and target is not cur:
                self.reattach(i, target, why)
                return
        self.label = None
        self.seen_body.setdefault(text, line)
        if cur is None:
            cur = self.start(Unit())
            cur.flag("fragment", line)
        if cur.paras and not cur.open and L.DATELINE_RE.match(text) and cur.kind == "article":
            cur = self.start(Unit())  # a dateline opens a new item, even without a headline
            cur.flag("dateline_without_headline", line)
        if cur.open:
            cur.join(text, line)
            cur.flag("column_break", line)
            return
        if not cur.paras:
            dateline, reporters, rest = split_dateline(text)
            cur.dateline = dateline
            cur.reporters += [r for r in reporters if r not in cur.reporters]
            if not dateline and L.starts_mid_sentence(text):
                cur.flag("beginning_lost", line, "opens mid-sentence")
            cur.new_para(rest or text, line)
            return
        sibling = self.comma_sibling(i)
        if sibling:
            cur.flag("subhead_like_others", line, sibling)
            cur.subheads.append(text)
            cur.new_para(text, line, subhead=True)
            return
        cur.new_para(text, line)

    def comma_sibling(self, i: int) -> str:
        """A comma-split line after a closed paragraph (`抱团整合，种啥养啥紧跟市场需求`) is a subhead when the feature
        already has a comma-split subhead of about its length (±3 characters: one style for a feature's subheads)
        and the next block does not run on from it: that earlier subhead, or ''. Alone, the line's shape cannot
        tell it from a cut sentence."""
        cur, text = self.current, self.blocks.text(i)
        if "，" not in text or not L.is_heading_candidate(text) or L.is_closed(text):
            return ""
        sibling = next((s for s in cur.subheads if "，" in s and abs(len(s) - len(text)) <= 3), "")
        nxt = self.blocks.text_at(i + 1)
        runs_on = self.blocks.kind(i + 1) != "body" or L.word_across(text, nxt) or L.starts_mid_sentence(nxt)
        return "" if runs_on else sibling

    def looks_continued(self, text: str) -> bool:
        """Does a block visibly continue a sentence left open by a waiting (jumped) article?"""
        return L.starts_mid_sentence(text) or any(L.word_across(w.tail, text) for w in self.waiting if w.open)

    def continuation_target(self, i: int) -> tuple[Unit | None, str]:
        """The unit block i continues: the current one, or a waiting (jumped) one."""
        cur = self.current
        candidates = list(self.waiting)
        if self.label is not None and self.label not in candidates:
            candidates.append(self.label)
        if not candidates:
            return cur, ""
        if self.label is None:
            candidates = [u for u in candidates if u.open]
        scored = [(self.evidence(i, u), -n, u) for n, u in enumerate(candidates) if u is not cur]
        if not scored:
            return cur, ""
        (best, why), _, unit = max(scored, key=lambda s: (s[0][0], s[1]))
        if self.label is not None and (cur is None or not cur.open):
            return unit, why  # a jump label always opens a continuation
        if cur is not None and cur.open and not why.startswith("word"):
            return cur, ""  # right under an open paragraph, only a word across the join outweighs page order
        own = self.evidence(i, cur)[0] if cur is not None and cur.paras else 0.0
        return (unit, why) if takes_over(best, own) else (cur, "")

    def reattach(self, i: int, unit: Unit, why: str):
        line, text = self.blocks[i]
        self.park_current()
        self.seen_body.setdefault(text, line)
        if unit in self.waiting:
            self.waiting.remove(unit)
        if unit.open:
            unit.join(text, line)
        else:
            unit.new_para(text, line)
        unit.flag("continuation", line, why)
        unit.receiving = True
        self.current, self.label = unit, None

    def finish(self):
        for unit in [u for u in self.units if not u.paras and not u.headline]:
            self.units.remove(unit)  # a byline whose text was all repeated blocks
            text = dict(self.blocks)
            self.dropped += [
                {"line": n, "kind": "repeated_byline", "text": text[n], "reason": "byline of a repeated block"}
                for n in unit.lines
            ]
        for unit in self.units:
            end_of_page(unit)


def split_blocks(text: str) -> list[tuple[int, str]]:
    """Non-blank lines with their 1-based line numbers."""
    return [(n, line.strip()) for n, line in enumerate(text.split("\n"), 1) if line.strip()]


def parse_page(text: str, issue: str = "page", date=None) -> Page:
    """Parse a page's clean text into units and dropped blocks."""
    blocks, notes, markers, jumped = [], [], [], set()
    for line, block in split_blocks(text):
        stripped = L.JUMP_RE.sub("", block).strip()
        if not stripped:
            markers.append({"line": line, "kind": "jump_marker", "text": block, "reason": "jump marker (下转/上接)"})
            continue
        if stripped != block:
            jumped.add(line)
            notes.append(Flag("jump_marker", line, "".join(L.JUMP_RE.findall(block))))
        blocks.append((line, stripped))
    parser = _Parser(blocks, jumped)
    units, dropped = parser.run()
    dropped = sorted(markers + dropped, key=lambda d: d["line"])
    if date is None and parser.page_date:
        date, notes = parser.page_date, notes + [Flag("date_from_header", detail=parser.page_date)]
    return Page(issue=issue, date=date, units=units, dropped=dropped, notes=notes)


def read_page(path, issue: str | None = None, date=None) -> Page:
    """Read and parse one raw page file (never written). Its header or folio lines (paper, date, page) are
    read, dropped as page furniture, and give the date when `date` is None."""
    path = Path(path)
    text, notes = read_page_text(path)
    header = read_header(text)
    page = parse_page(without_header(text, header), issue=issue or path.stem, date=date or header.date)
    page.dropped = sorted(header_records(header) + page.dropped, key=lambda d: d["line"])
    page.notes = notes + page.notes
    page.header, page.digest = header, hashlib.sha1(text.encode("utf-8")).hexdigest()
    return page


def read_issue(path, issue: str | None = None, date=None) -> pd.DataFrame:
    """One row per article or photo of a raw page file, in page order (the article-table contract)."""
    path = Path(path)
    ident = identify(path)
    page = read_page(path, issue=issue or ident["issue"], date=date if date is not None else ident["date"])
    return page.articles(source=path.name)
