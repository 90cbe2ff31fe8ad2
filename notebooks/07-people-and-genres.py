# ---
# jupyter:
#   kernelspec:
#     display_name: Python (newspaper-analysis)
#     language: python
#     name: newspaper-analysis
# ---

# %% [markdown]
# # 07 · People and genres: who appears, in what order, doing what; how much is meeting news
#
# Every official (and company head) printed with a title, found by a grammar of titles, lists of
# leaders after a title, and a name table learned from the corpus (a name once printed with its title is
# then found without it). Reporters and photographers are never counted. Each article gets a genre from
# the editable codebook `data/lexicon/genres.csv`, with the cue that decided it. Figures: appearances by
# month, who appears with whom, protocol order over time, meeting-news share per issue; the people table
# is exported for Excel to `data/processed/people.csv`.

# %% tags=["parameters"]
RAW_DIR = "data/raw"  # folder of raw page texts
PROCESSED_DIR = "data/processed"  # cache and exports (regenerated)
GENRES = "data/lexicon/genres.csv"  # the genre codebook
TOP_N = 15  # people shown in the figures
FIGURES_DIR = "figures"  # where figures are written (PNG, SVG, PDF and figures/index.md)

# %%
from analysis.notebook import setup

setup(FIGURES_DIR)
from pathlib import Path

import analysis
from analysis.atomic import write_csv
from analysis.issue_labels import issue_labels
from analysis.people_stats import appearances_by_month, co_appearances, protocol_order
from analysis.plots.people import plot_appearances, plot_co_appearances, plot_meeting_share, plot_protocol_order
from analysis.stored import stored

# %% [markdown]
# ## People: one row per mention
# `titled` says whether the title was printed at this mention; otherwise the title is the one printed
# earlier in the article or the corpus. `position_in_list` is the place in a list printed after one title.

# %%
articles, pages = analysis.load_corpus(RAW_DIR, PROCESSED_DIR, with_pages=True)
people = stored(analysis.extract_people, articles, cache_dir=PROCESSED_DIR)  # computed once per corpus
print(f"{len(people)} mentions of {people['name'].nunique()} people in {people['article_id'].nunique()} articles")
people[people["titled"]].drop(columns="sentence")

# %% [markdown]
# Per person: articles, the titles printed, and what they did.

# %%
(
    people.groupby("name")
    .agg(
        articles=("article_id", "nunique"),
        titles=("title", lambda s: "；".join(dict.fromkeys(s))),
        roles=("role_in_article", lambda s: "/".join(dict.fromkeys(r for r in "/".join(s).split("/") if r))),
    )
    .sort_values("articles", ascending=False)
)

# %%
path = write_csv(people, Path(PROCESSED_DIR) / "people.csv")
print(f"People table for Excel: {path}")

# %% [markdown]
# ## Genres, with the cue that decided each
# Edit `data/lexicon/genres.csv` (cues are regular expressions, tried by priority) and rerun.

# %%
coded = analysis.classify_genres(articles, GENRES)
coded[["article_id", "kind", "headline", "genre", "genre_cue"]]

# %%
coded["genre"].value_counts()

# %% [markdown]
# ## Meeting news per issue
# The share of articles (photos not counted) whose genre is 会议. Issues are named by paper, date
# and page (`淮安日报 2024-04-10 A07`), else by their file name (`analysis.issue_labels`).

# %%
names = issue_labels(pages)
share = analysis.meeting_share(coded)
share.insert(1, "label", share["issue"].map(names))
fig = plot_meeting_share(share, names=names)
analysis.save_figure(fig, "07-meeting-share", caption="会议新闻占比（按期）", notebook="07-people-and-genres")
share

# %%
fig

# %% [markdown]
# ## Appearances by month (top people)

# %%
table = appearances_by_month(people, n=TOP_N)
fig = plot_appearances(table)
analysis.save_figure(fig, "07-appearances", caption="领导出现篇数（按月）", notebook="07-people-and-genres")
fig

# %% [markdown]
# ## Who appears with whom
# Articles in which both are named.

# %%
pairs = co_appearances(people, n=TOP_N)
fig = plot_co_appearances(pairs)
analysis.save_figure(fig, "07-co-appearances", caption="同篇出现（篇数）", notebook="07-people-and-genres")
pairs.head(20)

# %%
fig

# %% [markdown]
# ## Protocol order over time
# Mean place in the printed lists of leaders (1 = named first), by month.

# %%
order = protocol_order(people, n=TOP_N)
fig = plot_protocol_order(order)
analysis.save_figure(fig, "07-protocol-order", caption="名单排序位置（按月平均）", notebook="07-people-and-genres")
order

# %%
fig
