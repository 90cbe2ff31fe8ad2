"""Every project path, built from one root."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
RAW = DATA / "raw"
PROCESSED = DATA / "processed"
LEXICON = DATA / "lexicon"
REFERENCE = DATA / "reference"
FIGURES = ROOT / "figures"
REPORTS = ROOT / "reports"
NOTEBOOKS = ROOT / "notebooks"
# Larger real corpora beside the project (benchmarks and demonstrations only; may be absent).
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
