"""A notebook's links to the files it wrote: figures with their PNG/SVG/PDF, CSV tables."""

from matplotlib.figure import Figure

from analysis.figures import save_figure
from analysis.links import figure_html, links
from analysis.paths import ROOT


def test_a_saved_figure_shows_inline_with_links_to_its_files(tmp_path):
    fig = Figure()
    fig.subplots().plot([1, 2])
    assert figure_html(fig) is None  # not saved: the ordinary inline image
    save_figure(fig, "02-test", folder=tmp_path)
    shown = figure_html(fig)
    assert shown.startswith('<img src="data:image/png;base64,')
    for fmt in ("png", "svg", "pdf"):
        assert f'02-test.{fmt}" target="_blank">{fmt.upper()}</a>' in shown


def test_links_are_relative_to_the_notebooks_folder():
    shown = links(ROOT / "data" / "processed" / "articles.csv", "reports/02-slogans/slogan_uses.csv").data
    assert '<a href="../data/processed/articles.csv" target="_blank">articles.csv</a>' in shown
    assert 'href="../reports/02-slogans/slogan_uses.csv"' in shown
