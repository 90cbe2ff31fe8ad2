"""Reading Chinese local-government newspapers: clean articles, slogans, topics, word clouds."""
from .corpus import export_csv, identify, load_corpus
from .echo import echo_by_year, echo_timeline, load_congress_reports, load_gov_reports, national_echo
from .figures import read_index, save_figure
from .fonts import configure_matplotlib, find_cjk_font, missing_glyphs
from .frequency import cooccurrence, counts_by, kwic, plot_matrix, plot_top_slogans, slogan_articles, slogan_summary
from .reader import parse_page, read_issue, read_page
from .slogans import TYPE_LABELS, extract_slogans, slogan_lexicon, slogan_type
from .textio import RawFileError

__all__ = [
    "read_issue", "read_page", "parse_page", "load_corpus", "identify", "export_csv", "RawFileError",
    "extract_slogans", "slogan_lexicon", "slogan_type", "TYPE_LABELS",
    "slogan_summary", "counts_by", "slogan_articles", "cooccurrence", "kwic", "plot_top_slogans", "plot_matrix",
    "load_gov_reports", "load_congress_reports", "echo_by_year", "national_echo", "echo_timeline",
    "save_figure", "read_index", "configure_matplotlib", "find_cjk_font", "missing_glyphs",
]
