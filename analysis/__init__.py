"""Reading Chinese local-government newspapers: clean articles, slogans, topics, word clouds."""

from .brief import brief_markdown, latest_issue, new_slogans, plot_term_changes, split_issue, term_changes
from .clouds import build_wordcloud, draw_wordcloud, word_frequencies, wordcloud_figure, wordcloud_grid
from .dtm import DocumentTermMatrix, build_dtm, document_units
from .echo import echo_by_year, load_congress_reports, load_gov_reports, national_echo
from .figures import read_index, safe_name, save_figure
from .fonts import configure_matplotlib, find_cjk_font, missing_glyphs
from .frequency import cooccurrence, counts_by, kwic, slogan_articles, slogan_summary
from .genres import classify_genres, genre_codebook, meeting_share
from .issue_labels import issue_labels
from .people import extract_people
from .plots.echo import echo_timeline
from .plots.slogans import plot_matrix, plot_top_slogans
from .plots.topics import plot_document_topics, plot_k_table, plot_prevalence, plot_top_words
from .read import (
    Flag,
    RawFileError,
    export_csv,
    flag_table,
    flag_texts,
    identify,
    load_corpus,
    parse_page,
    read_issue,
    read_page,
    repairs_by_kind,
)
from .segment import reference_tokenize, tokenize
from .selection import INCLUDE_PHOTOS, counted_items
from .slogans import TYPE_LABELS, extract_slogans, slogan_lexicon, slogan_type
from .terms import TermFilter, stopwords
from .token_cache import tokenize_many, tokenize_table
from .token_table import TokenTable
from .topics import (
    TopicModel,
    article_topics,
    choose_k,
    document_topics,
    fit_topics,
    k_table,
    npmi_coherence,
    prevalence_over_time,
    top_word_lists,
    top_words,
    topic_labels,
    topic_prevalence,
    topic_stability,
    typical_documents,
)

__all__ = [
    # reading
    "read_issue",
    "read_page",
    "parse_page",
    "load_corpus",
    "identify",
    "export_csv",
    "RawFileError",
    "Flag",
    "flag_table",
    "flag_texts",
    "repairs_by_kind",
    "counted_items",
    "INCLUDE_PHOTOS",
    # people and genres
    "extract_people",
    "classify_genres",
    "genre_codebook",
    "meeting_share",
    # tokens
    "tokenize",
    "tokenize_many",
    "tokenize_table",
    "TokenTable",
    "reference_tokenize",
    "stopwords",
    "TermFilter",
    # slogans and their frequency
    "extract_slogans",
    "slogan_lexicon",
    "slogan_type",
    "TYPE_LABELS",
    "slogan_summary",
    "counts_by",
    "slogan_articles",
    "cooccurrence",
    "kwic",
    "plot_top_slogans",
    "plot_matrix",
    "load_gov_reports",
    "load_congress_reports",
    "echo_by_year",
    "national_echo",
    "echo_timeline",
    # topics
    "document_units",
    "build_dtm",
    "DocumentTermMatrix",
    "TopicModel",
    "fit_topics",
    "k_table",
    "choose_k",
    "npmi_coherence",
    "topic_stability",
    "top_words",
    "top_word_lists",
    "topic_labels",
    "document_topics",
    "article_topics",
    "topic_prevalence",
    "prevalence_over_time",
    "typical_documents",
    "plot_k_table",
    "plot_top_words",
    "plot_document_topics",
    "plot_prevalence",
    # figures and word clouds
    "save_figure",
    "read_index",
    "safe_name",
    "configure_matplotlib",
    "find_cjk_font",
    "missing_glyphs",
    "word_frequencies",
    "build_wordcloud",
    "draw_wordcloud",
    "wordcloud_figure",
    "wordcloud_grid",
    # the latest-issue brief
    "latest_issue",
    "split_issue",
    "new_slogans",
    "term_changes",
    "plot_term_changes",
    "brief_markdown",
    "issue_labels",
]
