# ---
# jupyter:
#   kernelspec:
#     display_name: Python (newspaper-analysis)
#     language: python
#     name: newspaper-analysis
# ---

# %% [markdown]
# # 05 · 本期简报：what the newest issue says that earlier issues did not
#
# The one page to paste into a weekly report. For the newest issue (or the one named in `ISSUE`):
# its people and genres, slogans printed for the first time, words rising and falling against all
# earlier issues, its articles by topic, and its word cloud. Exported as figures and as
# `reports/brief-<issue>.md`.
# Rerun after dropping a new page into `data/raw/`: `bash run.sh`, or in JupyterLab *Run All*.

# %% tags=["parameters"]
RAW_DIR = "data/raw"  # folder of raw page texts
PROCESSED_DIR = "data/processed"  # cache of parsed pages and tokens
LABELS_DIR = "data/lexicon/topic_labels"  # the researcher's topic labels
ISSUE = ""  # issue id to brief; empty: the newest
TOP_N = 12  # terms shown rising / falling
MIN_COUNT = 3  # a term needs this many uses in all to be compared
MIN_BASELINE = 1  # earlier issues needed before words are called rising or falling
RISING_LOG2 = 1.0  # a word rises (falls) when its rate changes by more than 2**RISING_LOG2 times
MIN_TOPIC_UNITS = 100  # paragraphs the corpus needs before topics are fitted and shown (about 3 pages)
TOP_PEOPLE = 10  # people shown in the brief
CORPUS_STOPLIST = True  # leave people's names, the paper's home places and meeting words out of the cloud and topics
CORPUS = "paper"  # corpus name of the topics notebook (03): its stored model, its label file
FIGURES_DIR = "figures"  # where figures are written (PNG, SVG, PDF and figures/index.md)
REPORTS_DIR = "reports"  # where reports (briefs, tables) are written

# %%
from analysis.notebook import setup  # chdir to project root, configure CJK fonts for matplotlib

setup(FIGURES_DIR)
import os
from pathlib import Path

import pandas as pd

import analysis
from analysis.atomic import write_text
from analysis.brief import (
    brief_markdown,
    latest_issue,
    new_slogans,
    rising_falling,
    split_issue,
    term_changes,
    why_this_issue,
)
from analysis.candidates import counting_lexicon
from analysis.clouds import word_frequencies, wordcloud_figure
from analysis.dtm import document_units
from analysis.issue_labels import issue_labels
from analysis.issue_profile import issue_genres, issue_people, meeting_line
from analysis.plots.brief import plot_term_changes
from analysis.slogans import extract_slogans
from analysis.stoplist import corpus_terms
from analysis.stored import stored
from analysis.token_cache import tokenize_table
from analysis.topic_store import stored_or_fitted, transform
from analysis.topics import article_topics, topic_labels

# %% [markdown]
# The issue to brief, and the issues before it that it is compared with (by date; undated issues
# count as earlier: they are never the newest while a dated issue exists).

# %%
articles, pages = analysis.load_corpus(RAW_DIR, PROCESSED_DIR, with_pages=True)
issue = ISSUE or latest_issue(articles)
names = issue_labels(pages)  # paper, date and page, else the file name
label = names.get(issue, issue)
why = why_this_issue(articles, issue, chosen=bool(ISSUE))
mine, earlier = split_issue(articles, issue)
print(f"Briefing {label} ({why}): {len(mine)} articles/photos, against {earlier['issue'].nunique()} earlier issue(s)")
mine[["article_id", "date", "kind", "headline"]]

# %% [markdown]
# ## Who appears in it
# Officials and company heads with their titles (`analysis.extract_people`; reporters are never
# actors), the people in the most of the issue's articles first, with what they did.

# %%
people = stored(analysis.extract_people, articles, cache_dir=PROCESSED_DIR)
in_brief = issue_people(people, issue, TOP_PEOPLE)
in_brief

# %% [markdown]
# ## What kinds of article it prints
# Each article's genre from the codebook `data/lexicon/genres.csv` (`analysis.classify_genres`,
# notebook 07 shows the cue that decided it); the share of meeting news is the standard measure.

# %%
genres = issue_genres(analysis.classify_genres(articles), issue)
print(meeting_line(genres))
genres

# %% [markdown]
# ## Slogans printed for the first time
# Slogans are found on the whole corpus (so a form discovered in one issue is counted in all), with the
# lexicon, review decisions and photo rule of notebook 02 (whose stored table is read), then those this
# issue uses and no earlier issue did are kept.

# %%
uses = stored(extract_slogans, analysis.counted_items(articles), counting_lexicon(), cache_dir=PROCESSED_DIR)
fresh = new_slogans(uses, articles, issue)
fresh

# %% [markdown]
# ## Words rising and falling
# Each term's rate per 1,000 content words in this issue against all earlier issues; the ratio is
# smoothed so that a word absent on one side stays finite. A word rises or falls only beyond
# `RISING_LOG2` and only with at least `MIN_BASELINE` earlier issues; with fewer nothing is compared.

# %%
tokens = tokenize_table(articles["text"].tolist(), progress=False, cache_dir=PROCESSED_DIR)
changes = term_changes(tokens, articles, issue, min_count=MIN_COUNT)
figures = {}
rising, falling = rising_falling(changes, RISING_LOG2)
if earlier["issue"].nunique() >= MIN_BASELINE:
    fig = plot_term_changes(changes, n=TOP_N, title=f"{label}：用词升降（对照此前{earlier['issue'].nunique()}期）")
    paths = analysis.save_figure(
        fig, f"05-{issue}-term-changes", caption=f"{label} 用词升降", notebook="05-latest-issue-brief"
    )
    figures[f"{label} 用词升降"] = os.path.relpath(paths["png"], Path(REPORTS_DIR))
rising.head(TOP_N)

# %%
falling.head(TOP_N)

# %% [markdown]
# ## Its articles by topic
# The model notebook 03 keeps in `data/processed/models/` (NMF on the paragraphs of the whole
# corpus, so the labels edited for 03 apply here), applied to this issue's paragraphs without
# refitting; each article of the issue with its main topic. Only if 03 has not run is the model
# fitted here, by the same function with its default K search and 03's term rule (the stoplist
# below). Topics are shown only when the corpus has at least `MIN_TOPIC_UNITS` paragraphs, each
# article with the share of its largest topic; otherwise the brief says why they are left out.

# %%
TERMS = corpus_terms(
    articles, people, on=CORPUS_STOPLIST, cache_dir=PROCESSED_DIR
)  # analysis.terms + the corpus stoplist
units = document_units(articles[articles["kind"] == "article"], "paragraph")
topics = None
print(f"{len(units)} paragraphs in the corpus; topics need {MIN_TOPIC_UNITS}")

# %%
if len(units) >= MIN_TOPIC_UNITS:
    unit_tokens = tokenize_table(units["text"].tolist(), progress=False, cache_dir=PROCESSED_DIR)
    stored = stored_or_fitted(
        f"{CORPUS}-paragraph", "nmf", units, unit_tokens, Path(PROCESSED_DIR) / "models", terms=TERMS
    )
    in_issue = (units["issue"] == issue).to_numpy()
    model = transform(stored, units[in_issue], unit_tokens.take(in_issue.nonzero()[0]))
    labels = topic_labels(model, LABELS_DIR)
    mix = article_topics(model).dropna()
    ids = [a for a in mine["article_id"] if a in mix.index]
    topics = pd.DataFrame(
        {
            "headline": mine.set_index("article_id").loc[ids, "headline"],
            "topic": mix.loc[ids].idxmax(axis=1).map(labels),
            "share": mix.loc[ids].max(axis=1),
        }
    )
topics

# %% [markdown]
# ## Its word cloud
# Without the corpus stoplist (names, home places, meeting words) when `CORPUS_STOPLIST` is on.

# %%
fig = wordcloud_figure(word_frequencies(tokens[mine.index], TERMS), title=f"{label} 词云")
paths = analysis.save_figure(fig, f"05-{issue}-wordcloud", caption=f"{label} 词云", notebook="05-latest-issue-brief")
figures[f"{label} 词云"] = os.path.relpath(paths["png"], Path(REPORTS_DIR))
fig

# %% [markdown]
# ## The brief
# Written to `reports/brief-<issue>.md` (figure links point into `figures/`).

# %%
text = brief_markdown(
    issue,
    articles,
    fresh,
    changes,
    topics,
    figures,
    why=why,
    min_baseline=MIN_BASELINE,
    threshold=RISING_LOG2,
    people=in_brief,
    genres=genres,
    n_units=len(units),
    min_units=MIN_TOPIC_UNITS,
    label=label,
)
write_text(Path(REPORTS_DIR) / f"brief-{analysis.figures.safe_name(issue)}.md", text)
print(text)

# %% [markdown]
# ## Explore: which issue is the latest?
# In JupyterLab, choose another issue to see it as the latest one: its articles, the slogans it
# prints first, its rising words. (A headless run shows the issue briefed above; `ISSUE` sets it by parameter.)

# %%
from analysis.brief import issue_order
from analysis.explore import issue_explorer

order = [issue, *(i for i in reversed(issue_order(articles)) if i != issue)]
issue_explorer([(names.get(i, i), i) for i in order], articles, uses, tokens, TOP_N)
