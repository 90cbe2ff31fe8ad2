"""Every project path, built from one root."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
RAW = DATA / "raw"
PROCESSED = Path(os.environ.get("NEWSPAPER_PROCESSED") or DATA / "processed")  # tests point it elsewhere
LEXICON = DATA / "lexicon"
REFERENCE = DATA / "reference"
FIGURES = Path(os.environ.get("NEWSPAPER_FIGURES", ROOT / "figures"))  # tests point it elsewhere
REPORTS = Path(os.environ.get("NEWSPAPER_REPORTS", ROOT / "reports"))  # tests point it elsewhere
NOTEBOOKS = ROOT / "notebooks"
# Larger real corpora beside the project (benchmarks and demonstrations only; may be absent).
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
