"""Figures that cost what they show: PDF fonts cut from a common copy, quick PNGs, the notebook shows the saved PNG."""

import base64
import io
import re
import warnings
import zlib
from unittest import mock

import matplotlib as mpl
import numpy as np
import pytest
from fontTools.ttLib import TTFont
from IPython.core.interactiveshell import InteractiveShell
from matplotlib.backends import _backend_pdf_ps
from matplotlib.figure import Figure
from PIL import Image

from analysis import clouds, figures, font_subset, fonts
from analysis.links import figure_html

COMMON = "清江浦区一季度经济形势分析暨项目攻坚推进会“双过半”（2024）"
RARE = "朱镕基䶮𠀾"  # 镕 is not in GB2312; 䶮 (Ext A) and 𠀾 (Ext B) are rarer still


@pytest.fixture(scope="module", autouse=True)
def cjk_matplotlib():
    return fonts.configure_matplotlib()


def text_figure(text: str) -> Figure:
    fig = Figure(figsize=(4, 2), layout="constrained")
    ax = fig.subplots()
    ax.bar([text[:4], text[4:8]], [3, 5])
    ax.set_title(text)
    return fig


def embedded_truetype(pdf: bytes) -> list[TTFont]:
    """The TrueType fonts embedded in a PDF (its Flate streams that decode to a TrueType file)."""
    found = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        try:
            data = zlib.decompressobj().decompress(stream)
        except zlib.error:
            continue
        if data.startswith(b"\0\1\0\0"):
            found.append(TTFont(io.BytesIO(data)))
    return found


def outline(font: TTFont, char: str) -> tuple:
    """The glyph that `font` draws for `char`: its points, contour ends and advance width."""
    name = font.getBestCmap()[ord(char)]
    glyph = font["glyf"][name]
    points = [tuple(p) for p in glyph.getCoordinates(font["glyf"])[0]] if glyph.numberOfContours else []
    ends = list(glyph.endPtsOfContours) if glyph.numberOfContours else []
    return points, ends, font["hmtx"][name][0]


def save_pdf(fig) -> bytes:
    out = io.BytesIO()
    figures._write_pdf(fig, out)
    return out.getvalue()


@pytest.mark.parametrize("text", [COMMON, COMMON + RARE])
def test_pdf_embeds_the_full_fonts_own_glyphs_for_every_character(text, cjk_matplotlib):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a glyph missing from the font warns
        pdf = save_pdf(text_figure(text))
    embedded = embedded_truetype(pdf)  # characters beyond U+FFFF go into a second subset of the font
    drawn = {char: outline(font, char) for font in embedded for char in set(text) if ord(char) in font.getBestCmap()}
    with TTFont(cjk_matplotlib) as full:
        assert drawn == {char: outline(full, char) for char in set(text)}
    assert all(points for char, (points, _, _) in drawn.items() if not char.isspace()), "a character drawn empty"


def test_common_characters_are_cut_from_the_small_copy_and_rare_ones_from_the_full_font(cjk_matplotlib):
    common = font_subset.common_font(str(cjk_matplotlib))
    assert common.path.stat().st_size < cjk_matplotlib.stat().st_size / 3
    with mock.patch.object(font_subset, "matplotlib_subset", wraps=font_subset.matplotlib_subset) as cut:
        save_pdf(text_figure(COMMON))
        save_pdf(text_figure(COMMON + RARE))
    first, *rare = [call.args[0].path for call in cut.call_args_list]  # one cut per subset of a PDF's font
    assert first == str(common.path) and set(rare) == {str(cjk_matplotlib)}
    with mock.patch.object(_backend_pdf_ps, "get_glyphs_subset", font_subset.matplotlib_subset):
        before = save_pdf(text_figure(COMMON))
    (now,), (then,) = embedded_truetype(save_pdf(text_figure(COMMON))), embedded_truetype(before)
    assert now.getBestCmap() == then.getBestCmap()  # the same characters, drawn by the same glyphs (test above)


def test_a_damaged_common_copy_is_cut_again(tmp_path, cjk_matplotlib):
    first = font_subset.common_font(str(cjk_matplotlib), tmp_path)
    first.path.write_bytes(b"not a font")
    font_subset.common_font.cache_clear()
    again = font_subset.common_font(str(cjk_matplotlib), tmp_path)
    assert again.path == first.path and again.full_gid == first.full_gid
    with TTFont(again.path) as font:
        assert len(font.getGlyphOrder()) == len(again.full_gid)


def test_without_a_common_copy_pdfs_are_cut_from_the_full_font(tmp_path, cjk_matplotlib):
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    assert font_subset.common_font(str(cjk_matplotlib), tmp_path / "file") is None
    with mock.patch.object(font_subset, "common_font", return_value=None):
        (embedded,) = embedded_truetype(save_pdf(text_figure(COMMON)))
    assert ord("浦") in embedded.getBestCmap()


def test_png_has_agg_pixels_without_the_alpha_channel_and_svg_the_same_bytes(tmp_path):
    fig = Figure(figsize=(8, 3), layout="constrained")
    bars, heatmap, cloud = fig.subplots(1, 3)
    bars.bar(["高质量", RARE], [3, 5])
    bars.set_title(COMMON[:12])
    # images: the PNG's layout pass leaves them out, and they must not move the layout
    fig.colorbar(heatmap.imshow(np.arange(500).reshape(20, 25), aspect="auto", interpolation="none"), ax=heatmap)
    clouds.draw_wordcloud(cloud, {"清江浦": 53, "项目": 54}, "词云", width=300, height=200)
    fig.draw_without_rendering()  # a figure's first drawing can differ from the next ones (the layout settles)
    paths = figures.save_figure(fig, "图", folder=tmp_path)
    reference = io.BytesIO()
    fig.savefig(reference, format="png", dpi=figures.PNG_DPI, bbox_inches="tight")  # matplotlib's own RGBA PNG
    expected = np.asarray(Image.open(reference))
    saved = Image.open(paths["png"])
    assert saved.mode == "RGB" and saved.info["dpi"] == pytest.approx((300, 300), abs=0.1)
    assert (expected[..., 3] == 255).all()
    assert np.array_equal(np.asarray(saved), expected[..., :3])
    svg = io.BytesIO()  # and matplotlib's own SVG, images made in its layout pass too
    with mpl.rc_context({"svg.hashsalt": "newspaper-analysis"}), figures._images_at_native_resolution(fig):
        fig.savefig(svg, format="svg", dpi=figures.PNG_DPI, bbox_inches="tight", metadata={"Date": None})
    assert paths["svg"].read_bytes() == svg.getvalue()


def test_a_transparent_figure_keeps_its_alpha(tmp_path):
    fig = text_figure(COMMON)
    fig.patch.set_alpha(0)
    paths = figures.save_figure(fig, "透明", folder=tmp_path)
    assert Image.open(paths["png"]).mode == "RGBA"


def test_the_notebook_shows_the_saved_png_scaled_down(tmp_path):
    fig = text_figure(COMMON)
    paths = figures.save_figure(fig, "图", folder=tmp_path)
    shown = re.search(r'src="data:image/png;base64,([^"]+)"', figure_html(fig))[1]
    image = Image.open(io.BytesIO(base64.b64decode(shown)))
    width, height = Image.open(paths["png"]).size
    assert image.size == (-(-width // 3), -(-height // 3))
    assert np.asarray(image.convert("L")).min() < 80  # text and bars, not a blank image


def test_a_saved_figure_is_not_drawn_again_for_the_inline_image(tmp_path):
    shell = InteractiveShell.instance()
    shell.run_cell("%matplotlib inline")
    shell.run_cell("from analysis.links import show_figure_links; show_figure_links()")
    fig = text_figure(COMMON)
    assert "image/png" in shell.display_formatter.format(fig)[0]  # not saved: matplotlib's inline image
    figures.save_figure(fig, "图", folder=tmp_path)
    with mock.patch.object(Figure, "savefig", side_effect=AssertionError("drawn again")):
        shown, _ = shell.display_formatter.format(fig)
    assert "image/png" not in shown and shown["text/html"].startswith('<img src="data:image/png;base64,')
