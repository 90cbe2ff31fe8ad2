"""Reading Chinese local-government newspapers: clean articles, slogans, topics, word clouds."""
from .corpus import export_csv, identify, load_corpus
from .reader import parse_page, read_issue, read_page
from .textio import RawFileError

__all__ = ["read_issue", "read_page", "parse_page", "load_corpus", "identify", "export_csv", "RawFileError"]
