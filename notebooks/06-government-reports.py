# ---
# jupyter:
#   kernelspec:
#     display_name: Python (newspaper-analysis)
#     language: python
#     name: newspaper-analysis
# ---

# %% [markdown]
# # 06 · 政府工作报告：the topic method at scale, on seven decades of government work reports
#
# The method of notebook 03 (paragraphs as documents, NMF on TF-IDF, K chosen by coherence and
# stability) on the 52 State Council reports of 1954-2025 that ship in `data/reference/`. The
# reports never change, so the model is fitted once: `fit_or_load` keeps it, with the K table that
# chose it, in `data/processed/models/`, keyed by the content of the document-term matrix (the
# reports, the dictionary and the stopwords), the settings and the code version. A rerun reads it.
# Rerun: `papermill notebooks/06-government-reports.ipynb out.ipynb`.

# %% tags=["parameters"]
PROCESSED_DIR = "data/processed"  # caches of tokens and fitted models (regenerated)
LABELS_DIR = "data/lexicon/topic_labels"  # the researcher's topic labels
METHOD = "nmf"  # "nmf" (TF-IDF) or "lda" (counts)
K_RANGE = [6, 8, 10, 12]  # numbers of topics to compare (coarse themes are the stable ones here)
K = 0  # 0: choose_k's pick; any other value overrides it
SEEDS = [0, 1]  # seeds for the stability check; the model uses the first
TOP_N = 10  # top words per topic
FIGURES_DIR = "figures"  # where figures are written (PNG, SVG, PDF and figures/index.md)

# %%
from analysis.notebook import setup  # chdir to project root, configure CJK fonts for matplotlib

setup(FIGURES_DIR)
from pathlib import Path

import analysis
from analysis.dtm import build_dtm, document_units
from analysis.echo import load_gov_reports, report_articles
from analysis.plots.topics import plot_k_table, plot_prevalence, plot_top_words
from analysis.token_cache import tokenize_table
from analysis.topic_store import fit_or_load
from analysis.topics import topic_labels, topic_prevalence, typical_documents

NOTEBOOK = "06-government-reports"

# %% [markdown]
# The reports (cleaned by `analysis.echo.load_gov_reports`), one document per paragraph, each
# paragraph pointing back to its report year; the same matrix rules as notebook 03.

# %%
reports = load_gov_reports()
units = document_units(report_articles(reports), "paragraph")
dtm = build_dtm(units, tokenize_table(units.text.tolist(), progress=False, cache_dir=PROCESSED_DIR))
print(f"{len(reports)} reports → {dtm.counts.shape[0]} paragraphs × {dtm.counts.shape[1]} terms")

# %% [markdown]
# ## How many topics?
# Coherence and stability per K, as in notebook 03 (about 6,000 paragraphs: the comparison takes a
# few minutes the first time, and is read from `data/processed/models/` afterwards).

# %%
model, table = fit_or_load(
    dtm, "gov_reports-paragraph", METHOD, K_RANGE, K, SEEDS, TOP_N, folder=Path(PROCESSED_DIR) / "models"
)
fig = plot_k_table(table, chosen=model.k)
analysis.save_figure(fig, "06-gov-k-choice", caption="政府工作报告：主题数K的选择", notebook=NOTEBOOK)
print(f"K = {model.k}" + (" (set by hand)" if K else " (choose_k)"))
table.round(3)

# %% [markdown]
# Seven decades of reports hold one very reproducible coarse structure (few K, stability near 1) and
# finer themes that come back less reliably as K grows. The rule takes the reproducible one; to read
# finer themes, set `K` to a larger K from the table and keep its stability in mind.

# %%
labels = topic_labels(model, LABELS_DIR)
fig = plot_top_words(model, n=TOP_N, labels=labels)
analysis.save_figure(fig, "06-gov-top-words", caption=f"政府工作报告各主题的高频词（{model.key}）", notebook=NOTEBOOK)
fig

# %% [markdown]
# Topic prevalence by report year: the share of each year's words that a topic accounts for.
# Breaks in the lines (1961-63, 1965-74, 1976-77, 1989-91, 1996, 2020) are years without a report.
# A topic that stays near zero in every year lives only in short formulae (salutations, headings).

# %%
by_year = topic_prevalence(model, "year")
fig = plot_prevalence(by_year, model, labels=labels)
analysis.save_figure(
    fig, "06-gov-prevalence-by-year", caption=f"政府工作报告主题占比随年份变化（{model.key}）", notebook=NOTEBOOK
)
fig

# %% [markdown]
# The most typical paragraph of each topic, to check a label against the text itself.

# %%
typical = typical_documents(model, n=1, level="unit")
typical.assign(label=typical.topic.map(labels), text=typical.text.str[:120])[
    ["topic", "label", "share", "article_id", "text"]
]
