# ---
# jupyter:
#   kernelspec:
#     display_name: Python (newspaper-analysis)
#     language: python
#     name: newspaper-analysis
# ---

# %% [markdown]
# # 01 · From raw newspaper pages to clean articles
#
# Every page of OCR text under `data/raw/` becomes rows of a clean article table: one row per
# article or photo, with headline, reporters and paragraphs in reading order. This notebook shows
# the table and, page by page, **what the reader repaired**: column breaks joined, continuations
# reattached, repeated blocks and jump labels dropped. Check the reading against the raw text
# before trusting any count downstream.
#
# Rerun on new issues: drop the page text into `data/raw/` (name it `paper_YYYY-MM-DD_page.txt`
# so the date is known) and run all cells, or `papermill notebooks/01-load-and-clean.ipynb out.ipynb -p RAW_DIR data/raw`.

# %% tags=["parameters"]
RAW_DIR = "data/raw"  # folder of raw page texts
PROCESSED_DIR = "data/processed"  # cache and exports (regenerated)
ISSUES = []  # issue ids to show in detail; []: all
FIGURES_DIR = "figures"  # where figures are written (PNG, SVG, PDF and figures/index.md)

# %%
from analysis.notebook import setup

setup(FIGURES_DIR)

import analysis

# %% [markdown]
# ## The article table
# Parsed once and cached under `data/processed/` (parquet): rerunning parses only new or changed files.

# %%
articles, dropped, pages = analysis.load_corpus(RAW_DIR, PROCESSED_DIR, with_dropped=True, with_pages=True)
print(f"{articles['issue'].nunique()} issue(s), {len(articles)} articles/photos, {len(dropped)} dropped blocks")
if articles.attrs["problems"]:
    print("Files skipped:", *articles.attrs["problems"], sep="\n  ")
articles[["article_id", "date", "kind", "headline", "reporters", "subheads"]]

# %% [markdown]
# Size of each article (characters), as a quick check that nothing was cut short or run together.

# %%
articles.assign(chars=articles["text"].str.len(), paragraphs=articles["text"].str.count("\n") + 1)[
    ["article_id", "headline", "chars", "paragraphs"]
]

# %% [markdown]
# ## What was repaired on each page
# Every flag has a kind and names the raw line it concerns, so it can be checked against the file.
# Repairs of each kind, per issue:

# %%
shown = articles if not ISSUES else articles[articles["issue"].isin(ISSUES)]
analysis.repairs_by_kind(shown)

# %% [markdown]
# Every repair except the (many, routine) column breaks:

# %%
flags = analysis.flag_table(shown).merge(shown[["article_id", "headline"]], on="article_id")
flags[flags["kind"] != "column_break"][["article_id", "headline", "kind", "line", "text"]]

# %% [markdown]
# Notes on whole pages: how the file was decoded, jump markers removed, a date read from the page header.

# %%
shown_pages = pages if not ISSUES else pages[pages["issue"].isin(ISSUES)]
shown_pages.assign(notes=shown_pages["notes"].map(analysis.flag_texts))

# %% [markdown]
# ## What was dropped, and why
# Repeated blocks (printed twice) and jump labels (a headline repeated above a continuation)
# would otherwise double-count slogans.

# %%
dropped if not ISSUES else dropped[dropped["issue"].isin(ISSUES)]

# %% [markdown]
# ## One article in full
# The first article whose text was reassembled from another place on the page.

# %%
jumped = shown[shown["article_id"].isin(flags.loc[flags["kind"] == "continuation", "article_id"])]
example = (jumped if len(jumped) else shown).iloc[0]
print(example["headline"], "|", "、".join(example["reporters"]), "\n")
print(example["text"])

# %% [markdown]
# ## Export
# CSV with a byte-order mark, so Excel opens the Chinese intact.

# %%
analysis.export_csv(articles, f"{PROCESSED_DIR}/articles.csv")

# %% [markdown]
# ## Pages to check by hand
# Per page: how many items it read into, how many are doubtful (not a newspaper item: no
# headline, byline or dateline, or mostly not Chinese text), and why.

# %%
from analysis.read import page_quality

page_quality(articles)

# %%
from analysis.links import links

links(f"{PROCESSED_DIR}/articles.csv")  # click to open; right click → Download, then open in Excel
