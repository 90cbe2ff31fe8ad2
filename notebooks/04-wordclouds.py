# ---
# jupyter:
#   kernelspec:
#     display_name: Python (newspaper-analysis)
#     language: python
#     name: newspaper-analysis
# ---

# %% [markdown]
# # 04 · Word clouds
#
# Which words dominate the pages: over the whole corpus, in each article of an issue, in each
# topic and in each issue. A word cloud shows frequency only, so use it for a first impression and
# to find words worth following in the slogan and topic notebooks, not as evidence on its own.
# Word sizes compare words within one cloud, never across clouds; colour follows size (darker =
# more frequent) with the same palette in every figure. Every figure lands in `figures/`
# (PNG 300 dpi, SVG, PDF; listed in `figures/index.md`).
# Rerun on a new issue: `papermill notebooks/04-wordclouds.ipynb out.ipynb -p RAW_DIR data/raw`.

# %% tags=["parameters"]
RAW_DIR = "data/raw"  # folder of raw page texts
PROCESSED_DIR = "data/processed"  # article-table cache (regenerated)
LABELS_DIR = "data/lexicon/topic_labels"  # the researcher's topic labels (as in 03-topics)
ISSUES = []  # issue ids to include; []: all
ARTICLE_ISSUE = ""  # issue whose articles get one cloud each; empty: the latest issue
MAX_WORDS = 150  # words in the corpus cloud
GRID_COLUMNS = 3  # clouds per row in the grids
LATEST_ISSUES = 12  # issues with a cloud of their own: the latest ones
CORPUS = "paper"  # corpus name of the topics notebook (03): its stored model, its label file
CORPUS_STOPLIST = True  # keep people's names, the paper's home places and meeting words out of the clouds
MASK = ""  # optional image whose white part stays empty, e.g. "data/reference/mask.png"
SEED = 0
FIGURES_DIR = "figures"  # where figures are written (PNG, SVG, PDF and figures/index.md)

# %%
# %matplotlib inline
from analysis.notebook import setup  # chdir to project root, configure CJK fonts for matplotlib

setup(FIGURES_DIR)
from pathlib import Path

import pandas as pd

import analysis
from analysis import clouds
from analysis.brief import issue_order, latest_issue
from analysis.dtm import document_units
from analysis.issue_labels import issue_labels
from analysis.stoplist import corpus_terms
from analysis.stored import stored
from analysis.token_cache import tokenize_table
from analysis.topic_store import stored_or_fitted
from analysis.topics import top_words, topic_labels

NOTEBOOK = "04-wordclouds"

# %% [markdown]
# The article table: one row per article or photo caption. Rows without text cannot make a cloud.

# %%
articles, pages = analysis.load_corpus(RAW_DIR, PROCESSED_DIR, with_pages=True)
if ISSUES:
    articles = articles[articles["issue"].isin(ISSUES)]
people = stored(analysis.extract_people, articles, cache_dir=PROCESSED_DIR)  # for the stoplist
articles = articles[articles["text"].str.strip() != ""].reset_index(drop=True)
articles[["article_id", "date", "kind", "headline"]]

# %% [markdown]
# Each text is cut into words with the project's tokenizer. Only words worth counting stay: no
# stopwords (的, 了, 在 …, `data/lexicon/stopwords.txt`), numbers or punctuation, and one-character
# words only when they carry meaning (党, 村, 粮 …). `tokens[i]` is article i's word list (held as
# ids into one vocabulary, so a large corpus is counted without a Python string per word). The
# table lists the most frequent words left: the corpus cloud draws exactly these counts. With
# `CORPUS_STOPLIST` the names of people (the people table), the paper's home places (place names in
# at least 30% of the articles) and meeting words (出席会议, 讲话 …) are left out too (`analysis.stoplist`).

# %%
TERMS = corpus_terms(articles, people, on=CORPUS_STOPLIST, cache_dir=PROCESSED_DIR)  # analysis.terms + stoplist
tokens = tokenize_table(articles["text"].tolist(), progress=False, cache_dir=PROCESSED_DIR)
corpus_counts = clouds.word_frequencies(tokens, TERMS)
pd.DataFrame(corpus_counts.most_common(20), columns=["word", "count"])

# %% [markdown]
# ## The whole corpus

# %%
fig = clouds.wordcloud_figure(
    corpus_counts, f"全部文章词云（{len(articles)} 篇）", max_words=MAX_WORDS, mask=MASK or None, seed=SEED
)
analysis.save_figure(
    fig, "04-wordcloud-corpus", caption=f"Word cloud of all {len(articles)} articles", notebook=NOTEBOOK, source=RAW_DIR
)
fig

# %% [markdown]
# ## One cloud per article
#
# The articles of one issue, in page order. Small clouds show a few dozen words each; an article
# too short to leave any word after stopwords shows an empty panel.

# %%
issue = ARTICLE_ISSUE or latest_issue(articles)
in_issue = articles[articles["issue"] == issue].sort_values("order")
per_article = {
    f"{row.order:02d} {row.headline}": clouds.word_frequencies(tokens[[row.Index]], TERMS)
    for row in in_issue.itertuples()
}
fig = clouds.wordcloud_grid(per_article, ncols=GRID_COLUMNS, title=f"各篇文章词云 · {issue}", seed=SEED)
analysis.save_figure(
    fig,
    f"04-wordcloud-articles-{issue}",
    caption=f"One word cloud per article, issue {issue}",
    notebook=NOTEBOOK,
    source=RAW_DIR,
)
fig

# %% [markdown]
# ## One cloud per topic
#
# The topics of the topics notebook (03), read from the model it keeps in `data/processed/models/`
# (NMF on paragraphs), so the labels you edited in `data/lexicon/topic_labels/` name the same
# topics. Only if 03 has not run is the model fitted here, by the same function with its default
# K search. Word size is the word's weight in the topic, not a count. See notebook 03 for how far
# to trust the topics.

# %%
units = document_units(articles[articles["kind"] == "article"], "paragraph")
stored = stored_or_fitted(
    f"{CORPUS}-paragraph",
    "nmf",
    units,
    tokenize_table(units["text"].tolist(), progress=False, cache_dir=PROCESSED_DIR),
    Path(PROCESSED_DIR) / "models",
    terms=TERMS,
)
model = stored.topics()
labels = topic_labels(model, LABELS_DIR)
weights = top_words(model, n=60)
per_topic = {
    f"{topic} {labels[topic]}": dict(zip(group["word"], group["weight"])) for topic, group in weights.groupby("topic")
}
fig = clouds.wordcloud_grid(per_topic, ncols=GRID_COLUMNS, title=f"各主题词云（{model.key}）", seed=SEED)
analysis.save_figure(
    fig,
    f"04-wordcloud-topics-{model.key}",
    caption=f"One word cloud per topic, {model.key}",
    notebook=NOTEBOOK,
    source=RAW_DIR,
)
fig

# %% [markdown]
# ## One cloud per issue
#
# The latest issues (`LATEST_ISSUES`, 12 by default), in date order. The same palette and layout
# make issues easy to compare by eye, but a word that is large in two clouds is frequent in both,
# not equally frequent.

# %%
label = issue_labels(pages)
per_issue = {
    label.get(issue_id, issue_id): clouds.word_frequencies(tokens[articles.index[articles["issue"] == issue_id]], TERMS)
    for issue_id in issue_order(articles)[-LATEST_ISSUES:]
}
fig = clouds.wordcloud_grid(per_issue, ncols=GRID_COLUMNS, title="最近各期词云（按日期排列）", seed=SEED)
analysis.save_figure(
    fig,
    "04-wordcloud-issues",
    caption=f"One word cloud per issue (the latest {len(per_issue)} issues)",
    notebook=NOTEBOOK,
    source=RAW_DIR,
)
fig
