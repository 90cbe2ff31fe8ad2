# ---
# jupyter:
#   kernelspec:
#     display_name: Python (newspaper-analysis)
#     language: python
#     name: newspaper-analysis
# ---

# %% [markdown]
# # 03 · 主题：what the pages write about, and how far to trust the topics
#
# Fits a topic model (NMF on TF-IDF by default, LDA on counts as the alternative) to the paper's
# paragraphs, chooses the number of topics K from two pieces of evidence (are the topic words found
# together in the text? do the topics come back with another random seed?), names the topics with
# labels the researcher edits, and shows where each topic sits: per article, per issue, per date.
# The fitted model is kept in `data/processed/models/` (see `analysis.topic_store`): a rerun on the
# same pages and settings reads it instead of fitting again, and notebooks 04 and 05 use it. The
# same method at scale on seven decades of government work reports is notebook 06.
# Rerun on a new issue: `papermill notebooks/03-topics.ipynb out.ipynb -p RAW_DIR data/raw`.

# %% tags=["parameters"]
RAW_DIR = "data/raw"  # folder of raw page texts
PROCESSED_DIR = "data/processed"  # caches of parsed pages and tokens (regenerated)
LABELS_DIR = "data/lexicon/topic_labels"  # the researcher's topic labels
ISSUES = []  # issue ids to include; []: all
CORPUS = "paper"  # name of this corpus in the labels files
UNIT = "paragraph"  # "paragraph" or "article": what one document is
METHOD = "nmf"  # "nmf" (TF-IDF) or "lda" (counts)
K_RANGE = [2, 3, 4, 5, 6, 8]  # numbers of topics to compare
K = 0  # 0: take choose_k's pick; any other value overrides it
SEEDS = [0, 1, 2]  # seeds for the stability check; the model uses the first
TOP_N = 10  # top words per topic
CORPUS_STOPLIST = True  # leave people's names, the paper's home places and meeting words out of topics
FIGURES_DIR = "figures"  # where figures are written (PNG, SVG, PDF and figures/index.md)

# %%
from analysis.notebook import setup  # chdir to project root, configure CJK fonts for matplotlib

setup(FIGURES_DIR)
from pathlib import Path

import pandas as pd

import analysis
from analysis.dtm import build_dtm, document_units
from analysis.issue_labels import issue_labels
from analysis.plots.topics import plot_document_topics, plot_k_table, plot_prevalence, plot_top_words
from analysis.stoplist import corpus_terms
from analysis.stored import stored
from analysis.token_cache import tokenize_table
from analysis.topic_store import fit_or_load
from analysis.topics import (
    article_topics,
    prevalence_over_time,
    top_word_lists,
    topic_labels,
    topic_prevalence,
    typical_documents,
)

# %% [markdown]
# The articles (photo captions left out), cut into document units. With `UNIT = "paragraph"` each
# paragraph is a document that remembers its article, issue and date: a page holds only a dozen
# articles, far too few to learn topics from, while its paragraphs are many and each mostly keeps
# to one subject.

# %%
articles, pages = analysis.load_corpus(RAW_DIR, PROCESSED_DIR, with_pages=True)
if ISSUES:
    articles = articles[articles.issue.isin(ISSUES)]
people = stored(analysis.extract_people, articles, cache_dir=PROCESSED_DIR)  # for the stoplist
articles = articles[articles.kind == "article"].reset_index(drop=True)
units = document_units(articles, UNIT)
print(f"{len(articles)} articles → {len(units)} {UNIT} units")
units.head()

# %% [markdown]
# The document-term matrix, from the project's own tokens (jieba with the project dictionary).
# Stopwords and punctuation are left out; one-character words stay (党, 村, 粮 carry meaning; the
# function characters are stopwords); numbers go; a term must occur in at least 2 documents and in
# at most half of them (a word on every paragraph, like the district's name, separates nothing).
# With `CORPUS_STOPLIST` the names of the people table, the paper's home places (place names in at
# least 30% of the articles) and meeting words (出席会议, 讲话 …) are left out too
# (`analysis.stoplist`): otherwise officials' names carry the topics (a topic 建议·提案·赵洪涛) and
# the lead economy article lands in a proposal-handling topic. They stay in the article and people
# tables. Units left without a term are dropped.

# %%
TERMS = corpus_terms(articles, people, on=CORPUS_STOPLIST, cache_dir=PROCESSED_DIR)  # analysis.terms + stoplist
tokens = tokenize_table(units.text.tolist(), progress=False, cache_dir=PROCESSED_DIR)
dtm = build_dtm(units, tokens, terms=TERMS)
print(f"{dtm.counts.shape[0]} documents × {dtm.counts.shape[1]} terms")
pd.Series(dtm.counts.sum(axis=0).A1, index=dtm.vocabulary).nlargest(20)

# %% [markdown]
# ## How many topics?
#
# For each K the model is fitted once per seed (NMF starts from random factors, so the seed matters).
# **Coherence** (NPMI, from -1 to 1; error bars: spread over seeds) asks whether a topic's top words
# really appear in the same paragraphs of this corpus. **Stability** (0 to 1) asks whether the same
# topics come back when only the seed changes: topics are matched one-to-one between runs and the
# overlap of their top-10 words is averaged. The rule `choose_k`:
#
# 1. keep the K whose topics come back (stability ≥ 0.6: matched topics share 7 to 8 of their 10 words);
# 2. of those, keep the ones within 0.02 NPMI of the most coherent (about twice what a new seed moves it);
# 3. take the most stable of these, the smaller K on a tie.
#
# On a single page the topics can be no more than its stories: expect K close to the number of
# articles. With more issues, topics become themes that recur across days. Set `K` to override.
#
# The comparison runs once per corpus and settings: `fit_or_load` keeps the model, the K table
# and their key (the matrix's content, method, K range, seeds) in `data/processed/models/`, and
# refits only when the key changed or the stored files do not check out. A new issue refits the
# model but keeps the K table while the corpus has grown by at most 10% since the comparison. On a
# corpus of more than 20,000 units the comparison runs on a random 20,000 of them; the chosen K is
# fitted on all.

# %%
model, table = fit_or_load(
    dtm, f"{CORPUS}-{UNIT}", METHOD, K_RANGE, K, SEEDS, TOP_N, folder=Path(PROCESSED_DIR) / "models"
)
chosen = model.k
fig = plot_k_table(table, chosen=chosen)
analysis.save_figure(
    fig, "03-k-choice", caption=f"主题数K的选择：一致性与稳定性（{CORPUS}，{UNIT}）", notebook="03-topics"
)
print(f"K = {chosen}" + (" (set by hand)" if K else " (choose_k)"))
table.round(3)

# %% [markdown]
# ## The topics
#
# The labels live in `data/lexicon/topic_labels/<corpus>-<unit>-<method>-k<K>.csv`: created with
# each topic's top three words, then never overwritten. Edit the `label` column in Excel and rerun.
# A different corpus, method or K gets its own file; if the model behind a file changes (new issues,
# other settings), a warning names the topics whose words no longer match their labels.

# %%
labels = topic_labels(model, LABELS_DIR)
pd.DataFrame({"label": labels, "top words": [" ".join(w) for w in top_word_lists(model, TOP_N)]})

# %% [markdown]
# Each topic's heaviest words; the bar is the word's share of the topic's weight.

# %%
fig = plot_top_words(model, n=TOP_N, labels=labels)
analysis.save_figure(fig, "03-top-words", caption=f"各主题的高频词（{model.key}）", notebook="03-topics")
fig

# %% [markdown]
# Each article's topic mix: the share of its words that each topic accounts for (paragraphs count
# by their number of terms). Rows sum to 1. With more than 40 articles the figure shows the 40 that
# their topics dominate most clearly, a few per topic; the full table is `mix`.

# %%
mix = article_topics(model)
headlines = dict(zip(articles.article_id, articles.headline))
fig = plot_document_topics(mix.rename(index=headlines), model, labels=labels)
analysis.save_figure(fig, "03-article-topics", caption=f"文章 × 主题占比（{model.key}）", notebook="03-topics")
fig

# %% [markdown]
# Topic prevalence: the share of all words per issue and per date (unknown dates form one group,
# shown as NaT). Issues are named by paper, date and page (`淮安日报 2024-04-10 A07`), else by
# their file name (`analysis.issue_labels`). The chart follows the dates once they are known, the issues until then, with at
# most 60 points per topic: by date, else by week, month or year (`prevalence_over_time`). With
# one issue there is one point per topic; each new issue adds one.

# %%
issue_label = issue_labels(pages)
by_issue = topic_prevalence(model, "issue").rename(index=issue_label)
by_date = topic_prevalence(model, "date")
fig = plot_prevalence(prevalence_over_time(model).rename(index=issue_label), model, labels=labels)
analysis.save_figure(
    fig, "03-prevalence-over-time", caption=f"主题占比随期次/日期变化（{model.key}）", notebook="03-topics"
)
pd.concat({"issue": by_issue, "date": by_date.set_axis(by_date.index.astype(str))}).rename(columns=labels).round(3)

# %% [markdown]
# The most typical articles of each topic (highest share), to read before trusting a label.

# %%
typical = typical_documents(model, n=3)
typical.assign(label=typical.topic.map(labels))[["topic", "label", "rank", "share", "headline"]]

# %% [markdown]
# ## Explore one topic
# In JupyterLab, choose a topic of the paper's model: its top words and its most typical articles.
# (A headless run shows the first topic.)

# %%
from analysis.explore import topic_explorer

topic_explorer(model, labels, TOP_N)
