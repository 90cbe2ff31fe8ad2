"""Word clouds from real text: deterministic, stopword-free, the most frequent words, in Chinese."""

from collections import Counter

import matplotlib
import numpy as np
import pytest
from PIL import Image

from analysis import clouds, fonts
from analysis.paths import RAW
from analysis.segment import tokenize
from analysis.terms import KEEP_SINGLE, TermFilter, stopwords
from analysis.token_table import TokenTable

SAMPLE_PAGE = RAW / "000_643968e12915283d.txt"
SMALL = {"width": 400, "height": 200, "max_words": 40}


@pytest.fixture(scope="module")
def paragraphs():
    text = SAMPLE_PAGE.read_text(encoding="utf-8")
    return [tokenize(p) for p in text.split("\n") if len(p.strip()) > 40]


@pytest.fixture(scope="module")
def counts(paragraphs):
    return clouds.word_frequencies(paragraphs)


def _laid_words(cloud):
    return [word for (word, _), *_ in cloud.layout_]


def test_word_frequencies_keep_words_and_drop_noise(paragraphs, counts):
    assert counts["清江浦区"] > 10
    assert not set(counts) & stopwords()
    assert not any(ch.isspace() or ch in "，。、“”" for word in counts for ch in word)
    assert not any(word.isdigit() for word in counts)
    assert {w for w in counts if len(w) == 1} <= KEEP_SINGLE
    assert "项目" in counts and "项目" not in clouds.word_frequencies(paragraphs, TermFilter(stopwords={"项目"}))


def test_word_frequencies_same_from_token_ids(paragraphs, counts):
    table = TokenTable.from_lists(paragraphs)
    assert clouds.word_frequencies(table) == counts
    terms = TermFilter(stopwords={"项目"}, keep_single=False)
    assert clouds.word_frequencies(table[:3], terms) == clouds.word_frequencies(paragraphs[:3], terms)


def test_cloud_places_the_most_frequent_words_first(counts):
    cloud = clouds.build_wordcloud(counts, **SMALL)
    laid = _laid_words(cloud)
    expected = [w for w, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
    assert len(laid) == SMALL["max_words"]
    assert laid == expected[: len(laid)]


def test_cloud_renders_chinese_words_the_font_covers(counts):
    cloud = clouds.build_wordcloud(counts, **SMALL)
    laid = "".join(_laid_words(cloud))
    assert sum("\u4e00" <= ch <= "\u9fff" for ch in laid) > 60
    assert cloud.font_path == str(fonts.find_cjk_font())
    assert fonts.missing_glyphs(laid, cloud.font_path) == set()


def test_same_input_and_seed_give_identical_pixels(counts):
    first = clouds.build_wordcloud(counts, seed=7, **SMALL).to_array()
    again = clouds.build_wordcloud(Counter(dict(reversed(list(counts.items())))), seed=7, **SMALL).to_array()
    other_seed = clouds.build_wordcloud(counts, seed=8, **SMALL).to_array()
    assert np.array_equal(first, again)
    assert not np.array_equal(first, other_seed)


def test_stopwords_never_reach_the_cloud(counts):
    top = counts.most_common(1)[0][0]
    assert top in _laid_words(clouds.build_wordcloud(counts, **SMALL))
    assert top not in _laid_words(clouds.build_wordcloud(counts, stopwords={top}, **SMALL))


def test_larger_words_are_darker_in_the_project_palette(counts):
    cloud = clouds.build_wordcloud(counts, **SMALL)
    by_size = sorted(cloud.layout_, key=lambda item: item[1])
    darkest = matplotlib.colormaps[clouds.PALETTE](clouds.PALETTE_SPAN[0])
    assert by_size[-1][4] == "rgb({}, {}, {})".format(*(round(c * 255) for c in darkest[:3]))

    def lightness(rgb):
        return sum(int(v) for v in rgb[4:-1].split(","))

    assert lightness(by_size[-1][4]) < lightness(by_size[0][4])


@pytest.mark.parametrize("as_path", [False, True])
def test_mask_keeps_words_out_of_its_white_part(counts, tmp_path, as_path):
    mask = np.zeros((200, 400), dtype=np.uint8)
    mask[:, 200:] = 255
    if as_path:
        Image.fromarray(mask).save(tmp_path / "mask.png")
    pixels = clouds.build_wordcloud(counts, mask=tmp_path / "mask.png" if as_path else mask, **SMALL).to_array()
    scale = pixels.shape[1] // 400
    assert (pixels[:, 200 * scale :] == 255).all()
    assert (pixels[:, : 200 * scale] != 255).any()


def test_grid_has_one_titled_cloud_per_group_and_tolerates_empty_groups(paragraphs):
    groups = {f"第{i + 1}段": clouds.word_frequencies([p]) for i, p in enumerate(paragraphs[:4])}
    groups["无文字的图片"] = {}
    fig = clouds.wordcloud_grid(groups, ncols=3, width=300, height=180)
    titled = [ax for ax in fig.axes if ax.get_title()]
    assert [ax.get_title() for ax in titled] == list(groups)
    assert [len(ax.images) for ax in titled] == [1, 1, 1, 1, 0]
    assert clouds.EMPTY_NOTE in [t.get_text() for t in titled[-1].texts]
    assert len(fig.axes) == 6


@pytest.mark.parametrize(
    "title",
    [
        "01 清江浦区一季度经济形势分析暨项目攻坚推进会召开",
        "qjp_2024-04-08 2024-04-08",
        "7 亿元·项目·高端",
        "",
    ],
)
def test_titles_wrap_within_width_without_splitting_latin_words(title):
    lines = clouds.wrap_title(title, 15).split("\n")
    assert all(len(line) <= 15 for line in lines)
    assert "".join(lines).replace(" ", "") == title.replace(" ", "")
    latin_words = {w for w in title.split() if w.isascii()}
    assert latin_words <= {w for line in lines for w in line.split()}


def test_a_grid_of_a_year_of_issues_is_bounded_and_keeps_every_count():
    groups = {f"2024-{day:03d}": {"清江浦": 1, f"词{day}": 2} for day in range(365)}
    bounded = clouds._bounded_groups(groups, 12)
    assert len(bounded) == 12 and list(bounded)[:11] == list(groups)[:11]
    assert list(bounded)[-1] == "其他（354）" and bounded["其他（354）"]["清江浦"] == 354
    fig = clouds.wordcloud_grid(dict(list(groups.items())[:14]), max_panels=4, width=120, height=80)
    assert [ax.get_title() for ax in fig.axes if ax.get_title()][-1] == "其他（11）"


def test_a_cloud_is_laid_out_once_and_kept_by_its_words(counts, tmp_path, monkeypatch):
    words = clouds._clean(counts, ())
    first = clouds.cloud_image(words, cache_dir=tmp_path, seed=3, **SMALL)
    assert np.array_equal(first, clouds.build_wordcloud(words, seed=3, **SMALL).to_array())
    assert len(list((tmp_path / "clouds").glob("*.png"))) == 1

    def no_layout(*args, **kwargs):
        raise AssertionError("an unchanged cloud was laid out again")

    monkeypatch.setattr(clouds, "build_wordcloud", no_layout)
    assert np.array_equal(clouds.cloud_image(dict(reversed(words.items())), cache_dir=tmp_path, seed=3, **SMALL), first)
    with pytest.raises(AssertionError, match="laid out again"):  # other counts or settings: a new layout
        clouds.cloud_image({**words, "清江浦区": 1}, cache_dir=tmp_path, seed=3, **SMALL)
    with pytest.raises(AssertionError, match="laid out again"):
        clouds.cloud_image(words, cache_dir=tmp_path, seed=4, **SMALL)
