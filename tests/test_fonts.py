"""The CJK font: found by a fallback chain, Simplified Chinese, covering real newspaper text."""

from pathlib import Path

import matplotlib as mpl
import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont
from fontTools.ttLib.ttCollection import TTCollection
from matplotlib import font_manager

from analysis import fonts
from analysis.paths import RAW

SAMPLE_PAGE = RAW / "000_643968e12915283d.txt"
DEJAVU = Path(mpl.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"


@pytest.fixture(autouse=True)
def no_configured_font(monkeypatch):
    monkeypatch.delenv(fonts.ENV_VAR, raising=False)


@pytest.fixture(scope="module")
def truetype_cjk():
    """The font matplotlib uses (a TrueType copy of Noto Sans CJK SC; converted once per machine)."""
    return fonts.configure_matplotlib()


def _tiny_font(path: Path, family: str) -> Path:
    """A one-glyph TrueType font whose face is called `family`."""
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder([".notdef"])
    fb.setupCharacterMap({})
    fb.setupGlyf({".notdef": TTGlyphPen(None).glyph()})
    fb.setupHorizontalMetrics({".notdef": (500, 0)})
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    fb.setupNameTable({"familyName": family, "styleName": "Regular"})
    fb.setupOS2()
    fb.setupPost()
    fb.save(path)
    return path


def test_default_font_is_the_simplified_chinese_otf_from_mplfonts():
    path = fonts.find_cjk_font()
    assert path.name == "NotoSansCJKsc-Regular.otf"
    assert "mplfonts" in path.parts
    assert fonts.face_name(path) == "Noto Sans CJK SC Regular"


def test_font_covers_every_character_of_the_sample_page():
    text = SAMPLE_PAGE.read_text(encoding="utf-8")
    assert len({ch for ch in text if "\u4e00" <= ch <= "\u9fff"}) > 500
    assert fonts.missing_glyphs(text) == set()


def test_missing_glyphs_finds_what_a_latin_font_lacks():
    assert fonts.missing_glyphs("清江浦 report 2024", DEJAVU) == {"清", "江", "浦"}


def test_argument_beats_environment_beats_package(monkeypatch):
    folder = fonts.find_cjk_font().parent
    serif, mono = folder / "NotoSerifCJKsc-Regular.otf", folder / "NotoSansMonoCJKsc-Regular.otf"
    monkeypatch.setenv(fonts.ENV_VAR, str(serif))
    assert fonts.find_cjk_font() == serif
    assert fonts.find_cjk_font(mono) == mono


def test_configured_font_that_does_not_exist_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        fonts.find_cjk_font(tmp_path / "nope.otf")


def test_font_opening_with_a_japanese_face_is_refused(tmp_path):
    japanese = _tiny_font(tmp_path / "jp.ttf", "Test Sans CJK JP")
    chinese = _tiny_font(tmp_path / "sc.ttf", "Test Sans CJK SC")
    collection = TTCollection()
    collection.fonts = [TTFont(japanese), TTFont(chinese)]
    collection.save(tmp_path / "cjk.ttc")
    assert fonts.is_simplified_chinese(chinese)
    assert not fonts.is_simplified_chinese(tmp_path / "cjk.ttc")
    with pytest.raises(ValueError, match="JP"):
        fonts.find_cjk_font(tmp_path / "cjk.ttc")


def test_system_font_is_used_when_mplfonts_is_absent(monkeypatch):
    monkeypatch.setattr(fonts, "_packaged_font", lambda: None)
    installed = [p for p in fonts._system_fonts() if fonts.is_simplified_chinese(p)]
    if not installed:
        pytest.skip("no system CJK font installed (apt-get install fonts-wqy-microhei)")
    assert fonts.find_cjk_font() == installed[0]


def test_no_font_at_all_says_how_to_install_one(monkeypatch):
    monkeypatch.setattr(fonts, "_packaged_font", lambda: None)
    monkeypatch.setattr(fonts, "_system_fonts", lambda: [])
    with pytest.raises(fonts.CJKFontNotFound) as error:
        fonts.find_cjk_font()
    assert "pip install mplfonts" in str(error.value)
    assert "apt-get install fonts-wqy-microhei" in str(error.value)


def test_matplotlib_gets_a_truetype_copy_that_still_covers_the_page(truetype_cjk):
    with TTFont(truetype_cjk, lazy=True) as font:
        assert "glyf" in font and "CFF " not in font
    assert fonts.missing_glyphs(SAMPLE_PAGE.read_text(encoding="utf-8"), truetype_cjk) == set()


def test_configure_matplotlib_is_idempotent(truetype_cjk):
    def registered():
        return [f.name for f in font_manager.fontManager.ttflist if f.fname == str(truetype_cjk)]

    before = registered()
    assert fonts.configure_matplotlib() == truetype_cjk
    assert registered() == before and "Noto Sans CJK SC" in before
    assert mpl.rcParams["font.sans-serif"][0] == "Noto Sans CJK SC"
    assert mpl.rcParams["font.sans-serif"].count("Noto Sans CJK SC") == 1
    assert font_manager.findfont(font_manager.FontProperties(family=["sans-serif"])) == str(truetype_cjk)
    assert mpl.rcParams["axes.unicode_minus"] is False
    assert (mpl.rcParams["pdf.fonttype"], mpl.rcParams["ps.fonttype"]) == (42, 42)
    assert mpl.rcParams["svg.fonttype"] == "none"
