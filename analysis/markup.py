"""Text put into Markdown or HTML output, escaped by one function that every writer uses."""

from __future__ import annotations

import html
import re

_MARKDOWN_SYNTAX = re.compile(r"([\\`*~\[\]|])")  # emphasis, code, links, table cells


def escape(text: object, markdown: bool = True) -> str:
    """`text` on one line that cannot inject HTML (`<script>` shows as text); with `markdown`, also no
    emphasis, code, link or table-cell break, so it is safe in a Markdown list item or table cell."""
    text = html.escape(" ".join(str(text).split()))
    return _MARKDOWN_SYNTAX.sub(r"\\\1", text) if markdown else text
