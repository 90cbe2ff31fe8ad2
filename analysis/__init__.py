"""Reading Chinese local-government newspapers: clean articles, slogans, people, topics, word clouds.

`from analysis import X` works for every public name below; each is imported from its module the first time it is
asked for, so a notebook that only reads pages never loads scikit-learn or wordcloud.
"""

from importlib import import_module

_MODULES = {
    "brief": ("brief_markdown", "latest_issue", "new_slogans", "split_issue", "term_changes"),
    "clouds": ("build_wordcloud", "draw_wordcloud", "word_frequencies", "wordcloud_figure", "wordcloud_grid"),
    "dtm": ("DocumentTermMatrix", "build_dtm", "document_units"),
    "echo": ("echo_by_year", "load_congress_reports", "load_gov_reports", "national_echo"),
    "figures": ("read_index", "safe_name", "save_figure"),
    "fonts": ("configure_matplotlib", "find_cjk_font", "missing_glyphs"),
    "frequency": ("cooccurrence", "counts_by", "kwic", "slogan_articles", "slogan_summary"),
    "genres": ("classify_genres", "genre_codebook", "meeting_share"),
    "issue_labels": ("issue_labels",),
    "people": ("extract_people",),
    "plots.brief": ("plot_term_changes",),
    "plots.echo": ("echo_timeline",),
    "plots.slogans": ("plot_matrix", "plot_top_slogans"),
    "plots.topics": ("plot_document_topics", "plot_k_table", "plot_prevalence", "plot_top_words"),
    "read": (
        "Flag",
        "RawFileError",
        "export_csv",
        "flag_table",
        "flag_texts",
        "identify",
        "load_corpus",
        "parse_page",
        "read_issue",
        "read_page",
        "repairs_by_kind",
        "page_quality",
    ),
    "segment": ("reference_tokenize", "tokenize"),
    "selection": ("INCLUDE_PHOTOS", "counted_items"),
    "slogans": ("TYPE_LABELS", "extract_slogans", "slogan_lexicon", "slogan_type"),
    "stored": ("stored",),
    "terms": ("TermFilter", "stopwords"),
    "token_cache": ("tokenize_many", "tokenize_table"),
    "token_table": ("TokenTable",),
    "topics": (
        "TopicModel",
        "article_topics",
        "choose_k",
        "document_topics",
        "fit_topics",
        "k_table",
        "npmi_coherence",
        "prevalence_over_time",
        "top_word_lists",
        "top_words",
        "topic_labels",
        "topic_prevalence",
        "topic_stability",
        "typical_documents",
    ),
}
_WHERE = {name: module for module, names in _MODULES.items() for name in names}
__all__ = list(_WHERE)


def __getattr__(name: str):
    """A public name from its module, or a submodule (analysis.figures), imported on first use."""
    if name in _WHERE:
        value = getattr(import_module(f".{_WHERE[name]}", __name__), name)
    else:
        try:
            value = import_module(f".{name}", __name__)
        except ModuleNotFoundError:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_WHERE})
