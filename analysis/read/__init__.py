"""The reading stage: raw page files in, the article table (and what was dropped or noted) out.

One way only: its modules import each other, `analysis.atomic` and `analysis.paths`, never a later stage.
textio (bytes to clean text) → lines, bylines (what a line looks like) → blocks (a page's lines,
classified, looked at ahead) → evidence (which block continues which article) → unit (an article
being assembled) → reader (one page) → corpus (every page, cached); identity names a file's issue
and date; flags are the structured repairs and notes.
"""

from .corpus import export_csv, load_corpus
from .flags import Flag, flag_table, flag_texts, page_quality, repairs_by_kind
from .identity import identify
from .reader import parse_page, read_issue, read_page
from .textio import RawFileError

__all__ = [
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
    "page_quality",
]
