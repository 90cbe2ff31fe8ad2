"""A page's blocks (its non-blank lines) as the reader sees them: classified once, looked at ahead."""

from __future__ import annotations

from collections import Counter

from . import lines as L
from .bylines import is_bare_name, is_photo_credit


class Blocks:
    """The blocks of a page, each (raw line number, text), with their kind and byline names.

    A block whose jump marker was removed is body text whatever it looks like.
    """

    def __init__(self, blocks: list[tuple[int, str]], jumped: set = frozenset()):
        self.items = blocks
        self.kinds = [("body", None) if line in jumped else L.classify(t) for line, t in blocks]
        self._bigrams: dict = {}
        self.printed = Counter(text for _, text in blocks)
        self.labelled = self._jump_labelled()
        self.verse = self._verse()

    def _verse(self) -> set:
        """Blocks that are lines of a poem: a run of 4+ short lines, 2+ of them ending in a comma
        (`在山丘和谷地上飘荡，`), none over a byline, after a closed block and ending closed. A column break
        leaves one short line before a long one, never such a run."""
        verse, run = set(), []
        for i in range(len(self) + 1):
            if self.is_verse_line(i, run[-1] if run else None):
                run.append(i)
                continue
            self._close_verse(run, verse)
            run = []
        return verse

    def is_verse_line(self, i: int, above: int | None) -> bool:
        """Could block i be a line of verse under block `above` of the run: short, not a dateline, over no
        byline, and not the rest of a sentence cut by a column break (`的足迹，…`, `持|续提升…`)?"""
        text = self.text_at(i)
        if not L.is_verse_shaped(text) or self.kind(i) not in ("body", "headline") or self.kind(i + 1) == "byline":
            return False
        cut = L.starts_mid_sentence(text) or (above is not None and L.word_across(self.text(above), text))
        return not cut and not L.DATELINE_RE.match(text)

    def _close_verse(self, run: list[int], verse: set):
        """Add a run of short lines to `verse` if it is a poem once cut-sentence pieces are trimmed off its ends."""
        while run and run[0] > 0 and not L.is_closed(self.text(run[0] - 1)):
            run = run[1:]  # the rest of a sentence cut by a column break, not the poem's first line
        while run and not L.is_closed(self.text(run[-1])):
            run = run[:-1]  # a sentence's opening cut by a column break, not the poem's last line
        if len(run) >= 4 and sum(self.text(k)[-1] in "，," for k in run) >= 2:
            verse.update(run)

    def _jump_labelled(self) -> set:
        """Headline-shaped lines printed again later over different text: their jump labels.

        A line repeated together with the block under it is a repeated block, not a label; a line
        printed three times or more is printed on purpose (`女士们、先生们、朋友们！`), not a label.
        """
        first, labelled = {}, set()
        for i, ((_, text), (kind, _)) in enumerate(zip(self.items, self.kinds)):
            if kind != "headline" or self.on_purpose(i):
                continue
            if text in first and self.text_at(first[text] + 1) != self.text_at(i + 1):
                labelled.add(text)
            first.setdefault(text, i)
        return labelled

    def on_purpose(self, i: int) -> bool:
        """Is block i printed again on purpose (a refrain printed three times or more, a section number `二`),
        never a repeat or a jump label?"""
        text = self.items[i][1]
        return self.printed[text] >= 3 or L.is_section_number(text)

    def text_at(self, i: int) -> str:
        return self.items[i][1] if i < len(self.items) else ""

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, i: int) -> tuple[int, str]:
        return self.items[i]

    def __iter__(self):
        return iter(self.items)

    def kind(self, i: int) -> str:
        """'furniture', 'byline', 'headline', 'body', or 'end' past the last block."""
        return self.kinds[i][0] if i < len(self.items) else "end"

    def names(self, i: int) -> list[str] | None:
        """The names of a byline block."""
        return self.kinds[i][1]

    def text(self, i: int) -> str:
        return self.items[i][1]

    def bigrams(self, i: int) -> Counter:
        """Block i's character bigram counts (computed when first needed)."""
        if i not in self._bigrams:
            self._bigrams[i] = Counter(L.bigram_list(self.text(i)))
        return self._bigrams[i]

    def group_end(self, i: int, headlines: dict, after_an_end: bool = False) -> int:
        """If a headline group (1-3 lines, none in `headlines`) starting at i opens an article, the index after it, else 0.

        A line too long or too comma-split for a headline may still be one when a byline or a
        dateline follows the group (strong evidence), right under it if it is the group's first line;
        after an end (the page's top, or an author note closing the article above) it may also be a
        long 肩题 over a headline-shaped line: nothing above it can be a sentence cut by a column break.
        """
        j, loose = i, False
        while j < len(self) and j - i < 3 and self.text(j) not in headlines:
            if self.kind(j) != "headline":
                if self.kind(j) != "body" or not L.is_heading_candidate(self.text(j)) or L.is_lead(self.text(j)):
                    break
                loose = True
            j += 1
            nxt = self.kind(j)
            if nxt == "byline" or (nxt == "body" and L.DATELINE_RE.match(self.text(j))):
                return j
            bare_name = nxt == "headline" and is_bare_name(self.text(j)) and self.kind(j + 1) == "body"
            if bare_name and (j - i >= 2 or not loose):
                return j
            if loose:
                if j == i + 1 and (not after_an_end or nxt != "headline" or L.word_across(self.text(i), self.text(j))):
                    return 0  # a loose first line needs the byline right under it (else: a cut sentence)
                continue
            if nxt == "body" and L.is_lead(self.text(j)):
                return j
            if nxt == "body" and j - i >= 2 and self.text(j - 1).startswith(("—", "-")):
                return j
        return 0

    def photo_end(self, i: int) -> int:
        """A photo: title, one or two caption blocks, then a photo credit (`王丽娟摄`) or a byline no paragraph follows."""
        j = i + 1
        while j < len(self) and j - i <= 2 and self.kind(j) == "body":
            j += 1
        if j == i + 1:
            return 0
        if self.kind(j) == "byline" and (self.kind(j + 1) != "body" or is_photo_credit(self.text(j))):
            return j + 1
        caption = self.text(j - 1)
        if j - i == 2 and ("图为" in caption or caption.rstrip("）)").endswith("摄")) and self.kind(j) != "body":
            return j
        return 0
