"""Find a Simplified-Chinese font and make matplotlib use it, so Chinese never renders as boxes."""

from __future__ import annotations

import functools
import importlib.util
import os
from pathlib import Path

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

from analysis.atomic import atomic_path

ENV_VAR = "NEWSPAPER_CJK_FONT"
PACKAGED_FONT = "NotoSansCJKsc-Regular.otf"  # shipped inside PyPI's mplfonts (SIL OFL)
# System fonts in order of preference, by lower-case file name (Linux, macOS, Windows).
# SimHei is used only when the user installed it; the project never ships it.
SYSTEM_FONTS = (
    "notosanscjksc-regular.otf",
    "notosanssc-regular.otf",
    "notosanssc-regular.ttf",
    "sourcehansanssc-regular.otf",
    "sourcehansanscn-regular.otf",
    "wqy-microhei.ttc",
    "pingfang.ttc",
    "msyh.ttc",
    "msyh.ttf",
    "simhei.ttf",
)
# A face whose name ends with one of these draws Japanese, Korean or Traditional glyph shapes.
NOT_SIMPLIFIED = ("JP", "KR", "TC", "HK", "J", "K")
INSTALL_HINT = (
    "No Simplified-Chinese font found. Install one: `pip install mplfonts` "
    "(ships NotoSansCJKsc-Regular.otf), or `apt-get install fonts-wqy-microhei`, "
    f"or point the {ENV_VAR} environment variable at a .otf/.ttf/.ttc font file."
)


class CJKFontNotFound(RuntimeError):
    """No usable Simplified-Chinese font on this machine."""


def find_cjk_font(configured: str | os.PathLike | None = None) -> Path:
    """Return a Simplified-Chinese font file.

    Order: `configured`, then $NEWSPAPER_CJK_FONT, then mplfonts' Noto Sans CJK SC,
    then common system fonts. A configured font that is missing or not Simplified Chinese raises.
    """
    configured = configured or os.environ.get(ENV_VAR)
    if configured:
        path = Path(configured).expanduser()
        if not path.is_file():
            raise FileNotFoundError(f"Configured CJK font does not exist: {path}")
        if not is_simplified_chinese(path):
            raise ValueError(f"{path} opens with the face {face_name(path)!r}, not Simplified Chinese.")
        return path
    packaged = _packaged_font()
    if packaged is not None:
        return packaged
    for path in _system_fonts():
        if is_simplified_chinese(path):
            return path
    raise CJKFontNotFound(INSTALL_HINT)


def face_name(path: str | os.PathLike) -> str:
    """Full name of the first face in a font file (the face wordcloud and PIL open)."""
    with TTFont(path, fontNumber=0, lazy=True) as font:
        return font["name"].getDebugName(4) or font["name"].getDebugName(1) or ""


def is_simplified_chinese(path: str | os.PathLike) -> bool:
    """True unless the first face is named as a Japanese, Korean or Traditional-Chinese one."""
    words = face_name(path).replace("-", " ").split()
    return not any(word in NOT_SIMPLIFIED for word in words)


def _packaged_font() -> Path | None:
    """mplfonts' NotoSansCJKsc-Regular.otf, found without importing the package."""
    spec = importlib.util.find_spec("mplfonts")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "fonts" / PACKAGED_FONT
        if path.is_file():
            return path
    return None


def _system_fonts() -> list[Path]:
    """Installed fonts from SYSTEM_FONTS, most preferred first."""
    from matplotlib import font_manager

    by_name = {Path(f).name.lower(): Path(f) for f in font_manager.findSystemFonts()}
    return [by_name[name] for name in SYSTEM_FONTS if name in by_name]


@functools.lru_cache(maxsize=8)
def _codepoints(path: Path) -> frozenset[int]:
    with TTFont(path, fontNumber=0, lazy=True) as font:
        return frozenset(font.getBestCmap())


def missing_glyphs(text: str, font_path: str | os.PathLike | None = None) -> set[str]:
    """Printable characters of `text` that the font (default: find_cjk_font()) has no glyph for."""
    covered = _codepoints(Path(font_path or find_cjk_font()).resolve())
    return {ch for ch in set(text) if ch.isprintable() and ord(ch) not in covered}


def truetype_font(path: str | os.PathLike) -> Path:
    """`path` if its glyphs are TrueType outlines, else a TrueType copy cached beside matplotlib's font cache.

    matplotlib embeds fonts in PDF as TrueType (type 42); embedding a CFF-based .otf such as
    Noto Sans CJK gives PDFs that Ghostscript and MuPDF draw blank. The one-time conversion takes
    about a minute.
    """
    import matplotlib

    path = Path(path)
    with TTFont(path, fontNumber=0, lazy=True) as font:
        if "glyf" in font:
            return path
    target = Path(matplotlib.get_cachedir()) / f"{path.stem}-{path.stat().st_size}-truetype.ttf"
    if not target.is_file():
        with atomic_path(target) as tmp:
            _cff_to_truetype(path, tmp)
    return target


def _cff_to_truetype(source: Path, target: Path) -> None:
    """Rewrite the cubic CFF outlines of `source` as quadratic TrueType glyphs into `target`."""
    with TTFont(source, fontNumber=0) as font:
        order = font.getGlyphOrder()
        outlines = font.getGlyphSet()
        glyf = newTable("glyf")
        glyf.glyphOrder, glyf.glyphs = order, {}
        for name in order:
            pen = TTGlyphPen(None)
            outlines[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
            glyf.glyphs[name] = pen.glyph()
        for tag in ("CFF ", "VORG"):
            if tag in font:
                del font[tag]
        font["glyf"], font["loca"] = glyf, newTable("loca")
        maxp = font["maxp"] = newTable("maxp")
        maxp.tableVersion, maxp.maxZones = 0x00010000, 1
        for field in (
            "maxTwilightPoints",
            "maxStorage",
            "maxFunctionDefs",
            "maxInstructionDefs",
            "maxStackElements",
            "maxSizeOfInstructions",
            "maxComponentElements",
        ):
            setattr(maxp, field, 0)
        font["post"].formatType = 3.0  # no glyph names: format 2 cannot hold 65,535 of them
        font.sfntVersion = "\0\1\0\0"
        font.save(target)


def configure_matplotlib(font_path: str | os.PathLike | None = None) -> Path:
    """Register the CJK font (as TrueType) with matplotlib and make it the default; safe to call again.

    Also: minus signs drawn as ASCII hyphens (`axes.unicode_minus=False`), fonts embedded in PDF/PS
    as TrueType (type 42), cut from a small common copy of the font (`analysis.font_subset`), and SVG text
    kept as text, so exported figures stay searchable.
    Returns the font file matplotlib now uses.
    """
    import matplotlib as mpl
    from matplotlib import font_manager

    from analysis import font_subset

    path = truetype_font(find_cjk_font(font_path))
    if str(path) not in {entry.fname for entry in font_manager.fontManager.ttflist}:
        font_manager.fontManager.addfont(str(path))
    font_subset.install(path)
    name = font_manager.FontProperties(fname=str(path)).get_name()
    fallbacks = [f for f in mpl.rcParams["font.sans-serif"] if f != name]
    mpl.rcParams.update(
        {
            "font.family": ["sans-serif"],
            "font.sans-serif": [name, *fallbacks],
            "axes.unicode_minus": False,
            "pdf.fonttype": 42,
            "ps.fonttype": 42,
            "svg.fonttype": "none",
        }
    )
    return path
