# ---
# jupyter:
#   kernelspec:
#     display_name: Python (newspaper-analysis)
#     language: python
#     name: newspaper-analysis
# ---

# %% [markdown]
# # 02 · 提法：which formulations the paper repeats, where, and whether Beijing says them too
#
# Finds the slogans (提法) in every article: quoted phrases, numbered formulations such as 双过半 or
# 13153·N, couplets such as 做的要比说的好、服务要比需求早, campaign names, and the entries of the
# researcher's lexicon (`data/lexicon/slogans.csv`: add, rename, merge variants, retype, exclude).
# It counts them per article and issue, shows each in context (KWIC), which slogans travel together,
# and whether the national government work reports (1954-2025) use them, and since when.
# Rerun on a new issue: `papermill notebooks/02-slogans.ipynb out.ipynb -p RAW_DIR data/raw`.

# %% tags=["parameters"]
RAW_DIR = "data/raw"  # folder of raw page texts
PROCESSED_DIR = "data/processed"  # article-table cache (regenerated)
ISSUES = []  # issue ids to include; []: all
LEXICON = "data/lexicon/slogans.csv"  # the researcher's slogan lexicon
TOP_N = 20  # slogans shown in the charts and the heatmaps
KWIC_TERMS = []  # terms to show in context; []: the 3 most used slogans
KWIC_WIDTH = 15  # characters of context on each side
INCLUDE_PHOTOS = True  # count photo captions too (the same rule as notebook 05 and the brief)
REVIEW = "data/lexicon/slogan_review.csv"  # the researcher's accept / merge / exclude decisions (optional)
ECHO_TERMS = ["高质量发展", "营商环境", "新质生产力", "招商引资", "一带一路", "改革开放", "四个现代化"]
FIGURES_DIR = "figures"  # where figures are written (PNG, SVG, PDF and figures/index.md)
REPORTS_DIR = "reports"  # where reports (briefs, tables) are written

# %%
from analysis.notebook import setup  # chdir to project root, configure CJK fonts for matplotlib

setup(FIGURES_DIR)
from pathlib import Path

import pandas as pd

import analysis
from analysis.atomic import write_csv
from analysis.candidates import counting_lexicon, family_counts, read_review, slogan_candidates
from analysis.echo import national_echo
from analysis.frequency import cooccurrence, counts_by, kwic, slogan_articles, slogan_summary
from analysis.plots.echo import echo_timeline
from analysis.plots.slogans import plot_matrix, plot_top_slogans
from analysis.slogans import TYPE_LABELS, extract_slogans
from analysis.stored import stored

OUT = Path(REPORTS_DIR) / "02-slogans"

# %% [markdown]
# The articles, one row each, as the page reader assembled them (column breaks joined, repeated
# blocks and jump labels dropped).

# %%
articles = analysis.load_corpus(RAW_DIR, PROCESSED_DIR)
if ISSUES:
    articles = articles[articles.issue.isin(ISSUES)]
articles = analysis.counted_items(articles, photos=INCLUDE_PHOTOS)
articles[["article_id", "date", "headline"]]

# %% [markdown]
# The lexicon overrides the rules. `canonical` renames a form or merges variants into one name,
# `type` retypes it, `action` = `exclude` drops it; any other row adds a slogan that is then counted
# wherever it is printed, quoted or not. Edit the CSV in Excel and rerun.

# %%
lexicon = counting_lexicon(LEXICON, REVIEW)
lexicon

# %% [markdown]
# Every slogan use: the canonical `slogan`, its `type`, the `form` as printed, its offsets in the
# article text, and whether it stood in quotes. A use repeated with the same surrounding text in one
# article (a repeated block) is counted once. `stored` keeps the table in the processed folder, so the brief
# (notebook 05) reads it instead of finding the slogans again.

# %%
uses = stored(extract_slogans, articles, lexicon, cache_dir=PROCESSED_DIR)
summary = slogan_summary(uses)
print(f"{len(uses)} uses of {len(summary)} slogans in {uses.article_id.nunique()} of {len(articles)} articles")
summary.assign(type=summary.type.map(TYPE_LABELS)).head(TOP_N)

# %% [markdown]
# ### Review queue (issue 12)
# Every form the rules found, most used first: how it was found (`source`: national lexicon,
# recurrence, pattern, quoted, lexicon), its family, count, issues, first appearance and a KWIC line.
# Written to `slogan_candidates.csv` in the processed folder. To decide, copy rows to
# `data/lexicon/slogan_review.csv`, fill `decision` (accept / merge / exclude) and `merge_into`, and
# rerun; the project never writes under `data/lexicon/`.

# %%
queue = slogan_candidates(uses, articles, read_review(REVIEW))
write_csv(queue, Path(PROCESSED_DIR) / "slogan_candidates.csv")
queue.assign(type=queue.type.map(TYPE_LABELS)).head(TOP_N)

# %% [markdown]
# Counts per family: variants that share a core (高质量跨越发展 → 高质量发展; 一号工程 / 头号工程) add up.

# %%
family_counts(uses).head(TOP_N)
# %% [markdown]
# ### (end of the review queue cells)

# %% [markdown]
# The most used slogans of each type. 数字提法 and 对仗句 are counted wherever they are printed;
# 固定说法/比喻 and 其他 only where they stand in quotes, because only the quotes mark them as slogans.

# %%
fig = plot_top_slogans(summary, n=TOP_N // 2)
analysis.save_figure(fig, "02-top-slogans-by-type", caption="最常出现的提法（按类型）", notebook="02-slogans")
fig

# %% [markdown]
# Which article uses which slogan: rows are the most used slogans, columns the articles.
# A row that lights up in many columns is a formulation the paper repeats across stories.

# %%
by_article = counts_by(uses, "article_id", top=TOP_N)
headlines = dict(zip(articles.article_id, articles.headline))
fig = plot_matrix(by_article, "提法 × 文章（出现次数）", column_labels=headlines)
analysis.save_figure(fig, "02-slogan-by-article", caption="各篇文章中的提法出现次数", notebook="02-slogans")
fig

# %% [markdown]
# Counts per issue (one column per issue) of the most used slogans, for following a slogan from issue to issue.

# %%
counts_by(uses, "issue", top=TOP_N)

# %% [markdown]
# Keyword in context: each use with the words around it (context stops at a paragraph break).

# %%
terms = KWIC_TERMS or summary.slogan.head(3).tolist()
contexts = pd.concat([kwic(articles, term, width=KWIC_WIDTH) for term in terms], ignore_index=True)
contexts[["left", "term", "right", "headline"]]

# %% [markdown]
# Slogans that travel together: the number of articles in which both appear. The diagonal is the
# number of articles using each slogan.

# %%
together = cooccurrence(uses, top=TOP_N)
fig = plot_matrix(together, "提法共现（同时出现的文章数）", value_label="文章数")
analysis.save_figure(fig, "02-slogan-cooccurrence", caption="提法共现矩阵", notebook="02-slogans")
fig

# %% [markdown]
# National echo: does the State Council's government work report use the local slogans, and since
# when? Most local formulations (双过半, 13153·N) never appear nationally; national ones arrive with a year.

# %%
echo = national_echo(summary.slogan.head(TOP_N).tolist())
echo.sort_values(["found", "first_year"], ascending=[False, True])

# %% [markdown]
# Seven decades of national vocabulary: each term's rate per 10,000 characters in each year's report.
# White: the report does not use the term; grey: no report that year.

# %%
fig = echo_timeline(ECHO_TERMS)
analysis.save_figure(
    fig,
    "02-national-echo-timeline",
    caption="政府工作报告中的提法，1954-2025（每万字）",
    notebook="02-slogans",
    source="国务院政府工作报告（维基文库）",
)
fig

# %% [markdown]
# The tables, as CSV (UTF-8 with BOM, opens in Excel) under `reports/02-slogans/`. The wide tables (per issue,
# per date, co-occurrence) hold the 10 × TOP_N most used slogans, so their size does not grow with every
# slogan of every issue; `slogan_articles` lists every slogan in every article (with its issue and date).

# %%
tables = {
    "slogan_uses": uses,
    "slogan_summary": summary,
    "slogan_articles": slogan_articles(uses, articles),
    "slogans_by_issue": counts_by(uses, "issue", top=10 * TOP_N),
    "slogans_by_date": counts_by(uses, "date", top=10 * TOP_N),
    "slogan_cooccurrence": cooccurrence(uses, top=10 * TOP_N),
    "kwic": contexts,
    "national_echo": echo,
}
[write_csv(table, OUT / f"{name}.csv").name for name, table in tables.items()]

# %% [markdown]
# ## Explore one slogan
# In JupyterLab, choose a slogan: every line that prints it, with its issue, date and headline, and
# its uses per issue. (A headless run shows the first slogan; `KWIC_TERMS` above does the same by parameter.)

# %%
from analysis.explore import slogan_explorer

slogan_explorer(summary.slogan.head(TOP_N), uses, articles, KWIC_WIDTH)

# %% [markdown]
# The slogan tables for Excel (click to open; right click → Download).

# %%
from analysis.links import links

links(*(OUT / f"{name}.csv" for name in ("slogan_uses", "slogan_articles", "slogans_by_issue")))
