"""Embed the CJK font in PDF (and PS) from a small copy of it, cut once and cached.

matplotlib embeds only the glyphs a figure uses, but to cut them it parses the whole font first: for the
20 MB Noto Sans CJK that is most of the cost of saving a PDF. The common copy holds the glyphs of GB2312 and
the usual punctuation and symbols with the same outlines and metrics, without the tables a PDF never reads
(it draws glyphs by id: no glyph substitution or positioning, no vertical metrics); a figure whose glyphs are
all in it is cut from it, any other from the full font, so no glyph is ever missing.
"""

from __future__ import annotations

import functools
import hashlib
import json
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from fontTools import subset
from fontTools.ttLib import TTFont
from matplotlib.backends import _backend_pdf_ps
from matplotlib.font_manager import FontPath

from analysis.atomic import atomic_path, write_text
from analysis.paths import PROCESSED

VERSION = "1"  # bump when common_codepoints or the way the copy is cut changes
matplotlib_subset = _backend_pdf_ps.get_glyphs_subset  # parses the whole font for every PDF
_SOURCES: set[str] = set()  # fonts whose PDF subsets come from a common copy (configure_matplotlib adds its font)
# Besides GB2312: Latin, general punctuation, letterlike symbols, number forms, arrows, maths, enclosed numbers,
# box drawing, CJK punctuation, full-width forms.
COMMON_RANGES = ((0x20, 0x24F), (0x2000, 0x22FF), (0x2460, 0x25FF), (0x3000, 0x303F), (0xFF00, 0xFFEF))
UNREAD_TABLES = ["GSUB", "GPOS", "BASE", "vhea", "vmtx", "VORG"]


class CommonFont(NamedTuple):
    path: Path
    common_gid: dict[int, int]  # the full font's glyph id -> the copy's
    full_gid: list[int]  # the copy's glyph id -> the full font's


def install(font_path: str | Path) -> None:
    """PDF and PS subsets of `font_path` are cut from its common copy from now on (safe to call again)."""
    _SOURCES.add(str(font_path))
    _backend_pdf_ps.get_glyphs_subset = get_glyphs_subset


def get_glyphs_subset(fontfile: FontPath, glyphs):
    """matplotlib's `get_glyphs_subset`, cut from the common copy when it holds every glyph asked for."""
    glyphs = set(glyphs)
    common = common_font(fontfile.path) if fontfile.path in _SOURCES and fontfile.face_index == 0 else None
    if common is None or not glyphs <= common.common_gid.keys():
        return matplotlib_subset(fontfile, glyphs)
    cut = matplotlib_subset(FontPath(str(common.path), 0), {common.common_gid[g] for g in glyphs})
    return _renumbered(cut, common.full_gid)


@contextmanager
def _renumbered(cut, full_gid: list[int]):
    """The subset with its glyph map keyed by the full font's glyph ids, as matplotlib asked."""
    with cut as result:
        yield result._replace(glyph_index_map={full_gid[g]: new for g, new in result.glyph_index_map.items()})


def common_codepoints() -> set[int]:
    """Every character of GB2312 and of COMMON_RANGES."""
    codepoints = {cp for low, high in COMMON_RANGES for cp in range(low, high + 1)}
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                codepoints.add(ord(bytes([high, low]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return codepoints


@functools.lru_cache(maxsize=4)
def common_font(source: str, folder: str | Path | None = None) -> CommonFont | None:
    """The common copy of `source` in `folder`/fonts/ (default data/processed/, or $NEWSPAPER_PROCESSED),
    keyed by the source's SHA-1: read when its own hash checks, else cut again (a few seconds, once).
    None when it cannot be made (the full font is used)."""
    digest = hashlib.sha1(Path(source).read_bytes(), usedforsecurity=False).hexdigest()
    stem = Path(folder or PROCESSED) / "fonts" / f"{Path(source).stem}-{digest[:16]}-common{VERSION}"
    font_path, map_path = stem.with_suffix(".ttf"), stem.with_suffix(".json")
    try:
        return _read_common(font_path, map_path)
    except (OSError, ValueError, KeyError, TypeError):
        pass  # not cut yet, or damaged
    try:
        full_gid = _cut_common(Path(source), font_path)
        write_text(map_path, json.dumps({"font_sha1": _sha1(font_path), "full_gid": full_gid}))
        return _read_common(font_path, map_path)
    except Exception:  # a font fontTools cannot cut, a folder that cannot be written: matplotlib's way still works
        return None


def _read_common(font_path: Path, map_path: Path) -> CommonFont:
    """The copy and its glyph map, if the copy is the one the map was written for."""
    record = json.loads(map_path.read_text(encoding="utf-8"))
    if record["font_sha1"] != _sha1(font_path):
        raise ValueError(f"{font_path} is not the font {map_path} describes")
    full_gid = [int(g) for g in record["full_gid"]]
    return CommonFont(font_path, {g: i for i, g in enumerate(full_gid)}, full_gid)


def _cut_common(source: Path, target: Path) -> list[int]:
    """Write the glyphs of the common characters (and every character drawn with them) to `target`, as
    matplotlib cuts a subset; return the source's glyph id of each glyph of the copy."""
    with TTFont(source, fontNumber=0, lazy=True) as font:
        cmap = font.getBestCmap()
    wanted = {cmap[cp] for cp in common_codepoints() if cp in cmap}
    unicodes = [cp for cp, name in cmap.items() if name in wanted]  # U+F9xx share glyphs with U+4E00…
    options = subset.Options(glyph_names=True, recommended_glyphs=True)
    options.drop_tables += UNREAD_TABLES
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options=options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    with atomic_path(target) as tmp:
        font.save(tmp)
    font.close()
    return [full for full, _ in sorted(subsetter.glyph_index_map.items(), key=lambda item: item[1])]


def _sha1(path: Path) -> str:
    return hashlib.sha1(path.read_bytes(), usedforsecurity=False).hexdigest()
