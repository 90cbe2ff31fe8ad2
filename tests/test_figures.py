"""save_figure: three formats, atomic, safe names, an index a report writer can browse."""

import re
import unicodedata
import warnings
from urllib.parse import unquote

import matplotlib as mpl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure
from PIL import Image

from analysis import clouds, figures, fonts

HEADLINE = "清江浦区一季度经济形势分析暨项目攻坚推进会召开"
UNSAFE_CHARS = set('<>:"/\\|?*')


@pytest.fixture(scope="module", autouse=True)
def cjk_matplotlib():
    fonts.configure_matplotlib()


def chinese_figure(title=HEADLINE) -> Figure:
    fig = Figure(figsize=(6, 3), layout="constrained")
    bars, cloud = fig.subplots(1, 2)
    bars.bar(["高质量发展", "项目攻坚", "“双过半”"], [14, 12, -3])
    bars.set_title(title)
    bars.set_ylabel("出现次数（−为减少）")
    clouds.draw_wordcloud(cloud, {"清江浦": 53, "项目": 54, "攻坚": 14, "高质量": 14}, "词云", width=300, height=200)
    return fig


def small_figure(title=HEADLINE) -> Figure:
    """A cheap figure for tests about names and the index."""
    fig = Figure(figsize=(2, 1))
    fig.suptitle(title[:10])
    return fig


def test_chinese_figure_saves_without_any_missing_glyph_warning(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        figures.save_figure(chinese_figure(), "图", folder=tmp_path)


def test_without_the_cjk_font_the_same_figure_warns(tmp_path):
    with mpl.rc_context({"font.sans-serif": ["DejaVu Sans"]}), pytest.warns(UserWarning, match="missing from font"):
        chinese_figure().savefig(tmp_path / "boxes.png")


def test_writes_png_at_300_dpi_svg_with_text_and_pdf(tmp_path):
    paths = figures.save_figure(chinese_figure(), "经济形势", folder=tmp_path)
    assert set(paths) == {"png", "svg", "pdf"}
    assert all(p.parent == tmp_path and p.stem == "经济形势" for p in paths.values())
    assert Image.open(paths["png"]).info["dpi"] == pytest.approx((300, 300), abs=0.1)
    assert HEADLINE in paths["svg"].read_text(encoding="utf-8")
    assert paths["pdf"].read_bytes().startswith(b"%PDF")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_failed_save_leaves_the_previous_files_and_index_untouched(tmp_path):
    paths = figures.save_figure(chinese_figure(), "图", caption="第一版", folder=tmp_path)
    before = {fmt: p.read_bytes() for fmt, p in paths.items()}
    index_before = (tmp_path / "index.csv").read_bytes()
    broken = chinese_figure(title=r"$\frac{$")  # mathtext that cannot be parsed fails at draw time
    with pytest.raises(ValueError):
        figures.save_figure(broken, "图", caption="第二版", folder=tmp_path)
    assert {fmt: p.read_bytes() for fmt, p in paths.items()} == before
    assert (tmp_path / "index.csv").read_bytes() == index_before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


HOSTILE = [
    "../../逃出去",
    "a/b/c",
    "..\\..\\windows",
    "C:\\Windows\\system32",
    "CON",
    "con.txt",
    "Lpt1",
    "COM¹",
    '*?"<>|',
    "tab\there\nnewline\x00nul\x1f\x85\u202egnp.exe",
    "..",
    "...",
    " ",
    "",
    "trailing dot.",
    "/",
    "／全角／斜杠／",
    HEADLINE * 12,
]


def assert_safe(stem: str) -> None:
    assert stem and len(stem.encode("utf-8")) <= figures.MAX_NAME_BYTES + 9
    assert not UNSAFE_CHARS & set(stem)
    assert not any(unicodedata.category(ch)[0] == "C" or ch.isspace() for ch in stem)
    assert stem[0] not in ". " and stem[-1] not in ". "
    assert stem.split(".")[0].upper() not in figures.WINDOWS_RESERVED


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_become_safe_stems(name):
    assert_safe(figures.safe_name(name))


@pytest.mark.parametrize("name", ["../../逃出去", "..\\..\\windows", "C:\\Windows\\system32", "/", HEADLINE * 12])
def test_saving_under_a_hostile_name_stays_inside_the_folder(tmp_path, name):
    folder = tmp_path / "figures"
    paths = figures.save_figure(small_figure(), name, folder=folder)
    assert all(p.resolve().parent == folder.resolve() and p.is_file() for p in paths.values())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["figures"]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_becomes_a_safe_name(text):
    assert_safe(figures.safe_name(text))


def test_names_keep_chinese_and_long_headlines_stay_distinct():
    assert figures.safe_name("清江浦区：项目攻坚") == "清江浦区_项目攻坚"
    long_a, long_b = HEADLINE * 5 + "甲", HEADLINE * 5 + "乙"
    assert figures.safe_name(long_a) != figures.safe_name(long_b)
    assert figures.safe_name(long_a).startswith(HEADLINE)


def test_index_upserts_by_name_and_lists_figures_in_markdown(tmp_path):
    figures.save_figure(small_figure(), "词云-全部", caption="旧说明", notebook="04-wordclouds", folder=tmp_path)
    figures.save_figure(small_figure(), "词云-第1期", caption="第一期 | 各文章", source="data/raw", folder=tmp_path)
    figures.save_figure(small_figure(), "词云-全部", caption="新说明", notebook="04-wordclouds", folder=tmp_path)
    assert (tmp_path / "index.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    index = figures.read_index(tmp_path).set_index("name")
    assert list(index.index) == ["词云-全部", "词云-第1期"]
    assert index.loc["词云-全部", "caption"] == "新说明"
    assert index.loc["词云-第1期", ["source", "formats"]].tolist() == ["data/raw", "png;svg;pdf"]
    # the same picture saved again is not rewritten: `updated` says when its files last changed
    assert pd.Timestamp(index.loc["词云-全部", "updated"]) <= pd.Timestamp(index.loc["词云-第1期", "updated"])
    markdown = (tmp_path / "index.md").read_text(encoding="utf-8")
    rows = [line for line in markdown.splitlines() if line.startswith("| <a href")]
    assert len(rows) == 2 and "旧说明" not in markdown
    assert "第一期 \\| 各文章" in markdown
    for row in rows:
        assert len(re.findall(r"(?<!\\)\|", row)) == 8
        for link in re.findall(r'(?:href|src)="([^"]+)"|\]\(([^)]+)\)', row):
            assert (tmp_path / unquote("".join(link))).is_file()


def test_index_forgets_figures_whose_files_were_deleted(tmp_path):
    gone = figures.save_figure(small_figure(), "删掉的", folder=tmp_path)
    figures.save_figure(small_figure(), "留下的", folder=tmp_path)
    for path in gone.values():
        path.unlink()
    figures.save_figure(small_figure(), "新的", folder=tmp_path)
    assert list(figures.read_index(tmp_path)["name"]) == ["新的", "留下的"]


def test_an_unchanged_figure_is_not_rewritten_but_its_index_row_is(tmp_path):
    paths = figures.save_figure(chinese_figure(), "图", caption="旧说明", folder=tmp_path)
    written = {fmt: p.stat().st_mtime_ns for fmt, p in paths.items()}
    updated = figures.read_index(tmp_path).set_index("name").loc["图", "updated"]
    figures.save_figure(chinese_figure(), "图", caption="新说明", folder=tmp_path)
    assert {fmt: p.stat().st_mtime_ns for fmt, p in paths.items()} == written
    row = figures.read_index(tmp_path).set_index("name").loc["图"]
    assert row.caption == "新说明" and row.updated == updated


def test_a_changed_or_incomplete_figure_is_rewritten(tmp_path):
    paths = figures.save_figure(chinese_figure(), "图", folder=tmp_path)
    svg = paths["svg"].read_text(encoding="utf-8")
    figures.save_figure(chinese_figure(title="新标题"), "图", folder=tmp_path)
    assert "新标题" in paths["svg"].read_text(encoding="utf-8") and paths["svg"].read_text(encoding="utf-8") != svg
    paths["pdf"].unlink()
    figures.save_figure(chinese_figure(title="新标题"), "图", folder=tmp_path)
    assert paths["pdf"].read_bytes().startswith(b"%PDF")


def test_vector_formats_embed_images_at_their_own_resolution(tmp_path):
    import base64
    import io

    import numpy as np
    from PIL import Image

    fig = Figure(figsize=(4, 2))
    ax = fig.subplots()
    ax.imshow(np.arange(200).reshape(10, 20), interpolation="bilinear")
    paths = figures.save_figure(fig, "image", folder=tmp_path)
    embedded = re.search(r'xlink:href="data:image/png;base64,([^"]+)"', paths["svg"].read_text(encoding="utf-8"))
    assert Image.open(io.BytesIO(base64.b64decode(embedded[1]))).size == (20, 10)  # not resampled to 300 dpi
    assert Image.open(paths["png"]).size[0] > 1000  # the PNG is drawn at 300 dpi
    assert ax.get_images()[0].get_interpolation() == "bilinear"  # the figure is left as it was


def test_figures_a_rerun_did_not_draw_are_removed_with_their_index_rows(tmp_path, monkeypatch):
    monkeypatch.setenv(figures.RUN_ID, "run-1")
    figures.save_figure(chinese_figure(), "03-gov-top-words", folder=tmp_path)  # moved to notebook 06 since
    figures.save_figure(chinese_figure(), "03-top-words", folder=tmp_path)
    figures.save_figure(chinese_figure(), "04-cloud", folder=tmp_path)
    monkeypatch.setenv(figures.RUN_ID, "run-2")
    figures.save_figure(chinese_figure(), "03-top-words", folder=tmp_path)  # unchanged picture, this run's
    assert figures.remove_stale("03-", "run-2", tmp_path) == ["03-gov-top-words"]
    assert not list(tmp_path.glob("03-gov-top-words.*"))
    assert sorted(figures.read_index(tmp_path)["name"]) == ["03-top-words", "04-cloud"]  # 04 was not rerun: kept
