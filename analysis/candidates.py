"""The review queue: every discovered slogan with what a researcher needs to decide on it.

`slogan_candidates` builds the table the notebook shows and writes to
data/processed/slogan_candidates.csv: form, slogan, family, type, source, count, articles, issues,
first_seen, kwic, decision. The researcher copies it (or some rows) to data/lexicon/slogan_review.csv,
fills `decision` (accept / merge / exclude) and, for merge, `merge_into`, and reruns:
`review_lexicon` turns those decisions into slogan-lexicon rows. The project never writes under
data/lexicon/, so no decision is overwritten; the queue shows each form's standing decision.
"""

from __future__ import annotations

import os

import pandas as pd

from .frequency import slogan_summary
from .paths import LEXICON
from .slogans import LEXICON_FILE, slogan_lexicon

REVIEW_FILE = LEXICON / "slogan_review.csv"
DECISIONS = ("accept", "merge", "exclude")
COLUMNS = [
    "form",
    "slogan",
    "family",
    "type",
    "source",
    "count",
    "articles",
    "issues",
    "first_seen",
    "kwic",
    "decision",
    "merge_into",
]
KWIC_WIDTH = 12


def slogan_candidates(uses: pd.DataFrame, articles: pd.DataFrame, review: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per printed form, in the summary's rank order (ties by family size, spread, first use).

    `first_seen` is the first date (or, undated, the first issue) the form is printed; `kwic` its first
    use with KWIC_WIDTH characters each side; `decision`/`merge_into` the researcher's standing decision.
    """
    if uses.empty:
        return pd.DataFrame(columns=COLUMNS)
    fields = {(a, f): t for f in ("headline", "text") for a, t in zip(articles.article_id, articles[f].fillna(""))}
    table = (
        uses.assign(seen=range(len(uses)))
        .groupby("form", sort=False)
        .agg(
            slogan=("slogan", "first"),
            family=("family", "first"),
            type=("type", "first"),
            source=("source", "first"),
            count=("start", "size"),
            articles=("article_id", "nunique"),
            issues=("issue", "nunique"),
            first_date=("date", "min"),
            first_issue=("issue", "first"),
            seen=("seen", "min"),
        )
        .reset_index()
    )
    first = uses.iloc[table.seen]
    table["kwic"] = [
        _kwic(fields.get((a, f), ""), s, e) for a, f, s, e in zip(first.article_id, first.field, first.start, first.end)
    ]
    dated = table.first_date.notna() & table.first_date.astype(str).ne("")
    table["first_seen"] = table.first_date.astype(str).where(dated, table.first_issue)
    rank = {slogan: i for i, slogan in enumerate(slogan_summary(uses).slogan)}
    table = table.assign(rank=table.slogan.map(rank)).sort_values(["rank", "seen"], kind="stable")
    decided = _decisions(review)
    table["decision"] = table.form.map(lambda f: decided.get(f, ("", ""))[0])
    table["merge_into"] = table.form.map(lambda f: decided.get(f, ("", ""))[1])
    return table[COLUMNS].reset_index(drop=True)


def family_counts(uses: pd.DataFrame) -> pd.DataFrame:
    """Uses per family: family, uses, slogans (its members, most used first), articles; most used first."""
    per_slogan = uses.groupby(["family", "slogan"], sort=False).size().rename("n").reset_index()
    per_slogan = per_slogan.assign(seen=range(len(per_slogan))).sort_values(
        ["family", "n", "seen"], ascending=[True, False, True], kind="stable"
    )  # grouped as one table, not one value_counts per family: a year of pages has ~20,000 families
    members = per_slogan.groupby("family", sort=False).slogan.agg("、".join)
    table = uses.groupby("family", sort=False).agg(uses=("slogan", "size"), articles=("article_id", "nunique"))
    table.insert(1, "slogans", members.reindex(table.index))
    return table.sort_values(["uses", "articles"], ascending=False, kind="stable").reset_index()


def read_review(path: str | os.PathLike = REVIEW_FILE) -> pd.DataFrame:
    """The researcher's decisions (form, decision, merge_into); an empty table when there is no file."""
    if not os.path.exists(path):
        return pd.DataFrame(columns=["form", "decision", "merge_into"])
    review = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    review = review.reindex(columns=["form", "decision", "merge_into"], fill_value="")
    review["decision"] = review.decision.str.strip().str.lower()
    bad = sorted(set(review.decision) - set(DECISIONS) - {""})
    if bad:
        raise ValueError(f"{path}: unknown decision {bad} (use {DECISIONS}).")
    return review[review.decision != ""].reset_index(drop=True)


def review_lexicon(review: pd.DataFrame) -> pd.DataFrame:
    """Decisions as slogan-lexicon rows: accept adds, merge renames into merge_into, exclude drops."""
    rows = [
        {
            "slogan": row.form,
            "canonical": row.merge_into if row.decision == "merge" else "",
            "action": "exclude" if row.decision == "exclude" else "add",
            "note": f"review: {row.decision}",
        }
        for row in review.itertuples(index=False)
    ]
    return pd.DataFrame(rows, columns=["slogan", "canonical", "action", "note"])


def counting_lexicon(
    lexicon: str | os.PathLike = LEXICON_FILE, review: str | os.PathLike = REVIEW_FILE
) -> pd.DataFrame:
    """The researcher's slogan lexicon with the review decisions after it: what notebook 02 and the brief count with."""
    return pd.concat([slogan_lexicon(lexicon), review_lexicon(read_review(review))], ignore_index=True)


def _decisions(review: pd.DataFrame | None) -> dict[str, tuple[str, str]]:
    if review is None or review.empty:
        return {}
    return {f: (d, m) for f, d, m in zip(review.form, review.decision, review.merge_into)}


def _kwic(text: str, start: int, end: int) -> str:
    left = text[max(0, start - KWIC_WIDTH) : start].rsplit("\n", 1)[-1]
    right = text[end : end + KWIC_WIDTH].split("\n", 1)[0]
    return f"{left}【{text[start:end]}】{right}"
