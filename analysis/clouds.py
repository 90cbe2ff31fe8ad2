"""Word clouds of Chinese token frequencies: one per figure, or a grid per article, topic or issue."""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

import matplotlib
import numpy as np
import wordcloud.wordcloud
from matplotlib.figure import Figure
from PIL import Image, ImageFont
from wordcloud import WordCloud

from analysis.atomic import atomic_path
from analysis.fonts import find_cjk_font
from analysis.paths import PROCESSED
from analysis.terms import TermFilter
from analysis.token_table import TokenTable

# One palette for every cloud in the project: the more frequent the word, the darker its colour.
PALETTE = "viridis"
PALETTE_SPAN = (0.0, 0.8)  # viridis beyond 0.8 is pale yellow, unreadable on white
EMPTY_NOTE = "（无可显示的词）"
CACHE_VERSION = "1"  # bump when the layout or colouring code changes what a cached image shows


class _OpenedFonts:
    """PIL's ImageFont for wordcloud, with the 16 (font, size) pairs last used kept open: wordcloud opens the font
    file again for every word and every size it tries, a third of a cloud's layout time with a 16 MB CJK font.
    Few are kept because each open face holds megabytes (keeping every size grew a cloud's kernel by 0.9 GB)."""

    truetype = staticmethod(lru_cache(maxsize=16)(ImageFont.truetype))

    def __getattr__(self, name):
        return getattr(ImageFont, name)


wordcloud.wordcloud.ImageFont = _OpenedFonts()


def word_frequencies(token_lists: TokenTable | Iterable[Iterable[str]], terms: TermFilter | None = None) -> Counter:
    """Count the terms across documents: the tokens `terms` keeps (default `TermFilter()`, the rule of
    the topic matrix and the brief too). `token_lists` is a `TokenTable` or plain token lists; either
    way each distinct word is judged once and the counts are taken on ids.
    """
    terms = TermFilter() if terms is None else terms
    table = token_lists if isinstance(token_lists, TokenTable) else TokenTable.from_lists(token_lists)
    counts = np.bincount(table.ids, minlength=len(table.vocabulary))
    present = np.flatnonzero(counts)  # one article of a year's table uses a few hundred of its 100,000 words
    kept = present[terms.mask(table.vocabulary[present])]
    return Counter(dict(zip(table.vocabulary[kept].tolist(), counts[kept].tolist())))


def _clean(frequencies: Mapping[str, float], stopwords: Iterable[str]) -> dict[str, float]:
    """Positive counts without stopwords, most frequent first (ties by word, so layout never depends on order)."""
    stop = set(stopwords)
    kept = {str(w): float(n) for w, n in dict(frequencies).items() if n > 0 and w not in stop and str(w).strip()}
    return dict(sorted(kept.items(), key=lambda item: (-item[1], item[0])))


def build_wordcloud(
    frequencies: Mapping[str, float],
    stopwords: Iterable[str] = (),
    *,
    max_words: int = 150,
    mask: str | Path | np.ndarray | None = None,
    seed: int = 0,
    width: int = 800,
    height: int = 400,
    min_font_size: int = 8,
    font_path: str | Path | None = None,
) -> WordCloud:
    """Lay out a word cloud from token counts (a Counter, dict or Series).

    Same input and seed give the same picture. `mask` is an image (path or array) whose white
    part stays empty. Sizes are in layout pixels; the picture is drawn at twice that. Raises ValueError if no word is left after removing stopwords.
    """
    words = _clean(frequencies, stopwords)
    if isinstance(mask, (str, Path)):
        mask = np.array(Image.open(mask).convert("L"))
    cloud = WordCloud(
        font_path=str(font_path or find_cjk_font()),
        width=width,
        height=height,
        scale=2,
        mask=mask,
        max_words=max_words,
        random_state=seed,
        collocations=False,
        prefer_horizontal=1.0,
        background_color="white",
        margin=4,
        min_font_size=min_font_size,
    )
    cloud.generate_from_frequencies(words)
    return cloud.recolor(color_func=_palette_by_size(cloud))


def _palette_by_size(cloud: WordCloud):
    """A color_func that maps a word's font size onto the project palette (largest = darkest)."""
    sizes = [size for _, size, _, _, _ in cloud.layout_]
    smallest, spread = min(sizes), max(max(sizes) - min(sizes), 1)
    low, high = PALETTE_SPAN
    cmap = matplotlib.colormaps[PALETTE]

    def color(word, font_size, position, orientation, random_state=None, font_path=None):
        r, g, b, _ = cmap(high - (high - low) * (font_size - smallest) / spread)
        return f"rgb({round(r * 255)}, {round(g * 255)}, {round(b * 255)})"

    return color


def wrap_title(title: str, width: int) -> str:
    """Break a title into lines of at most `width` characters: anywhere in Chinese, between Latin words or numbers."""
    lines, line = [], ""
    for piece in re.findall(r"[!-~]+|\s+|.", title):
        if line.strip() and len(line) + len(piece.rstrip()) > width:
            lines.append(line.rstrip())
            line = piece.lstrip()
        else:
            line += piece
    return "\n".join([*lines, line.rstrip()])


def draw_wordcloud(
    ax,
    frequencies: Mapping[str, float],
    title: str = "",
    stopwords: Iterable[str] = (),
    title_width: int = 24,
    **options,
) -> np.ndarray | None:
    """Draw a word cloud on a matplotlib Axes with a title (wrapped at `title_width` characters).

    Returns the cloud's image, or None if no word is left to draw.
    """
    ax.set_axis_off()
    ax.set_title(wrap_title(title, title_width), fontsize=11)
    words = _clean(frequencies, stopwords)
    if not words:
        ax.text(0.5, 0.5, EMPTY_NOTE, ha="center", va="center", color="0.5", transform=ax.transAxes)
        return None
    image = cloud_image(words, **options)
    ax.imshow(image, interpolation="bilinear")
    return image


def cloud_image(words: Mapping[str, float], cache_dir: str | Path | None = None, **options) -> np.ndarray:
    """The picture `build_wordcloud(words, **options)` draws, as an RGB array, kept in `cache_dir`/clouds/
    (default data/processed/, or $NEWSPAPER_PROCESSED) under a hash of the words, counts and settings,
    so a rerun lays out only the clouds whose words changed."""
    folder = Path(cache_dir or PROCESSED) / "clouds"
    path = folder / f"{_cloud_key(words, options)}.png"
    if path.is_file():
        try:
            with Image.open(path) as stored:
                return np.asarray(stored.convert("RGB"))
        except OSError:
            pass  # a damaged file: lay the cloud out again
    image = build_wordcloud(words, **options).to_array()
    with atomic_path(path) as tmp:
        Image.fromarray(image).save(tmp, format="png")
    return image


def _cloud_key(words: Mapping[str, float], options: dict) -> str:
    """A hash of everything that decides a cloud's picture: words and counts, settings, mask, font, versions."""
    import wordcloud

    options = dict(options)
    mask = options.pop("mask", None)
    if isinstance(mask, (str, Path)):
        mask = np.array(Image.open(mask).convert("L"))
    font = Path(options.pop("font_path", None) or find_cjk_font())
    digest = hashlib.sha1(usedforsecurity=False)
    settings = [sorted(dict(words).items()), sorted(options.items()), font.name, font.stat().st_size]
    digest.update(json.dumps([CACHE_VERSION, wordcloud.__version__, PALETTE, PALETTE_SPAN, *settings]).encode())
    if mask is not None:
        digest.update(np.ascontiguousarray(mask).tobytes() + str(mask.shape).encode())
    return digest.hexdigest()


def wordcloud_figure(
    frequencies: Mapping[str, float],
    title: str = "",
    stopwords: Iterable[str] = (),
    figsize: tuple[float, float] = (8, 4.6),
    **options,
) -> Figure:
    """One word cloud as a Figure, ready for `save_figure`."""
    fig = Figure(figsize=figsize, layout="constrained")
    draw_wordcloud(fig.add_subplot(), frequencies, title, stopwords, title_width=60, **options)
    return fig


def wordcloud_grid(
    groups: Mapping[str, Mapping[str, float]],
    stopwords: Iterable[str] = (),
    ncols: int = 3,
    title: str = "",
    cell_size: tuple[float, float] = (4, 2.6),
    max_panels: int = 12,
    **options,
) -> Figure:
    """A grid of word clouds, one per group (article, topic, issue: name -> token counts).

    At most `max_panels` clouds, whatever the corpus: the groups beyond the first max_panels - 1 are
    counted together in a last "其他（N）" cloud (aggregate issues by month first to show a long run).
    """
    groups = _bounded_groups(groups, max_panels)
    ncols = max(1, min(ncols, len(groups)))
    nrows = max(1, math.ceil(len(groups) / ncols))
    fig = Figure(figsize=(cell_size[0] * ncols, cell_size[1] * nrows), layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=False).ravel()
    options.setdefault("max_words", 60)
    options.setdefault("width", 600)
    options.setdefault("height", 360)
    options.setdefault("min_font_size", 12)  # small panels: keep the smallest words legible in print
    for ax, (name, frequencies) in zip(axes, groups.items()):
        draw_wordcloud(ax, frequencies, str(name), stopwords, **options)
    for ax in axes[len(groups) :]:
        ax.set_axis_off()
    if title:
        fig.suptitle(title, fontsize=14)
    return fig


def _bounded_groups(groups: Mapping[str, Mapping[str, float]], max_panels: int) -> dict:
    """The first max_panels - 1 groups, and the counts of all the others summed under "其他（N）"."""
    groups = dict(groups)
    if len(groups) <= max_panels:
        return groups
    names = list(groups)
    rest = Counter()
    for name in names[max_panels - 1 :]:
        rest.update(dict(groups[name]))
    return {**{name: groups[name] for name in names[: max_panels - 1]}, f"其他（{len(names) - max_panels + 1}）": rest}
