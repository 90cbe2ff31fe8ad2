"""Read a raw page file into clean text: encoding, line ends, odd spaces, traditional characters."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from .flags import Flag

MAX_BYTES = 50_000_000  # a newspaper page is ~20 KB; a file this large is almost surely a mistake

BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
    b"PK\x03\x04": "a ZIP archive (a .docx/.xlsx?)",
    b"\xd0\xcf\x11\xe0": "an old Office document (.doc/.xls)",
    b"{\\rtf": "an RTF document",
}
BOMS = [
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
]
# Spaces that OCR and typesetting leave behind: NBSP, full-width, thin/em spaces.
ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
FULLWIDTH_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
HAN = re.compile(r"[\u4e00-\u9fff]")
MAX_BAD_BYTES = 8  # undecodable bytes a UTF-8 page may hold (or one per thousand) before it is refused
# Frequent characters written alike in simplified and traditional script: Big5 read as GB18030 (or the
# reverse) gives valid but rare characters, so the right encoding is the one that yields more of these.
COMMON_HAN = frozenset(
    "的一是在不了有和人这中大为上个我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行"
    "学法所民得经十三之进着等部度家力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前"
    "外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系"
)


class RawFileError(ValueError):
    """A raw file that cannot be read as a page; the message names the file and the problem."""

    def __init__(self, path, problem: str):
        self.path, self.problem = Path(path), problem
        super().__init__(f"{self.path}: {problem}")


def _han_share(sample: bytes, encoding: str) -> float:
    text = sample[: len(sample) // 2 * 2].decode(encoding, errors="replace")
    return len(HAN.findall(text)) / max(len(text.strip()), 1)


def decode(data: bytes, path="<bytes>") -> tuple[str, str, list[int]]:
    """Decode raw bytes; return (text, encoding name, byte offsets of bad bytes replaced by U+FFFD).

    Refuses binary files and text in no known encoding. A UTF-8 page with a few bad bytes (at most
    MAX_BAD_BYTES, or one in a thousand) is read with those bytes replaced; a page that is valid both
    as GB18030 and as Big5 is read in the one that gives the more common Chinese characters.
    """
    for magic, kind in BINARY_SIGNATURES.items():
        if data.startswith(magic):
            raise RawFileError(path, f"this is {kind}, not text; export the page's text first")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding, []
            except UnicodeDecodeError as e:
                raise RawFileError(
                    path, f"starts with a {encoding} byte-order mark but does not decode ({e.reason} at byte {e.start})"
                ) from None
    sample = data[:4096]
    if b"\x00" in sample:  # UTF-16 without a BOM: the byte order that yields Chinese wins
        best = max((_han_share(sample, enc), enc) for enc in ("utf-16-le", "utf-16-be"))
        if best[0] > 0.3:
            try:
                return data.decode(best[1]), best[1], []
            except UnicodeDecodeError:
                pass
    if b"\x00" in sample:
        raise RawFileError(path, "contains NUL bytes: a binary file, not text")
    text, bad = _utf8_with_bad_bytes(data)
    if not bad:
        return text, "utf-8", []
    if len(bad) <= max(MAX_BAD_BYTES, len(data) // 1000) and HAN.search(text):
        return text, "utf-8", bad
    decoded = []
    for encoding in ("gb18030", "cp950"):  # cp950: Big5 as Windows writes it
        try:
            decoded.append((_common_share(candidate := data.decode(encoding)), candidate, encoding))
        except UnicodeDecodeError:
            continue
    if decoded:
        _, text, encoding = max(decoded, key=lambda d: d[0])
        return text, encoding, []
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or not HAN.search(str(best)):
        raise RawFileError(path, "is neither UTF-8, GB18030/GBK nor Big5 and no Chinese text could be decoded")
    return str(best), best.encoding, []


def _utf8_with_bad_bytes(data: bytes) -> tuple[str, list[int]]:
    """UTF-8 text with each undecodable byte run replaced by U+FFFD, and the byte offsets of those runs."""
    parts, bad, start = [], [], 0
    while True:
        try:
            parts.append(data[start:].decode("utf-8"))
            return "".join(parts), bad
        except UnicodeDecodeError as e:
            parts.append(data[start : start + e.start].decode("utf-8") + "\ufffd")
            bad.append(start + e.start)
            start += e.end
            if len(bad) > len(data) // 100 + MAX_BAD_BYTES:  # clearly not UTF-8: stop counting
                return "", bad


def _common_share(text: str) -> float:
    """Share of the Chinese characters in `text` that are among the most common ones (the same in both scripts)."""
    han = HAN.findall(text[:20000])
    return sum(ch in COMMON_HAN for ch in han) / max(len(han), 1)


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> tuple[str, bool]:
    """Convert traditional characters to simplified when the text is mostly traditional."""
    han = HAN.findall(text[:20000])
    if not han:
        return text, False
    sample = "".join(han)
    converted = _t2s().convert(sample)
    changed = sum(a != b for a, b in zip(sample, converted))
    if changed < max(3, 0.04 * len(sample)):
        return text, False
    return _t2s().convert(text), True


def normalize(text: str) -> str:
    """Unify line ends and spaces; full-width digits/letters to ASCII; keep Chinese punctuation."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = INVISIBLE.sub("", text)
    text = ODD_SPACES.sub(" ", text)
    text = FULLWIDTH_ALNUM.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return "\n".join(line.strip() for line in text.split("\n"))


def read_page_text(path, max_bytes: int = MAX_BYTES) -> tuple[str, list[Flag]]:
    """Read a raw page file; return (clean text, notes on what was repaired). Never writes."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as e:
        raise RawFileError(path, f"cannot be read ({e.strerror})") from None
    if size > max_bytes:
        raise RawFileError(
            path,
            f"is {size / 1e6:.0f} MB, over the {max_bytes / 1e6:.0f} MB limit for one page file; split it into pages (or raise analysis.read.textio.MAX_BYTES)",
        )
    data = path.read_bytes()
    if not data.strip():
        raise RawFileError(path, "is empty")
    text, encoding, bad = decode(data, path)
    notes = [] if encoding in ("utf-8", "ascii") else [Flag("decoded", detail=encoding)]
    if bad:
        shown = ", ".join(map(str, bad[:10])) + (" …" if len(bad) > 10 else "")
        notes.append(Flag("bad_bytes", detail=f"{len(bad)} at byte offset(s) {shown}"))
    if "\r" in text:
        notes.append(Flag("crlf"))
    text = normalize(text)
    if not text.strip():
        raise RawFileError(path, "holds only spaces")
    controls = sum(1 for c in text[:4096] if unicodedata.category(c) == "Cc" and c != "\n")
    if controls > 8:
        raise RawFileError(path, "holds control characters: a binary file, not text")
    if not HAN.search(text):
        raise RawFileError(path, "has no Chinese characters: not a Chinese newspaper page")
    text, converted = to_simplified(text)
    if converted:
        notes.append(Flag("traditional_converted"))
    return text, notes
