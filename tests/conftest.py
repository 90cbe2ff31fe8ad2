"""Shared test set-up: the 新闻联播 loader of the benchmarks, and derived caches kept out of the project.

Tests read the 新闻联播 transcripts through `benchmarks/transcripts.py`. Tests never write into the
project's data/processed/: derived caches go to a temporary folder.
"""

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
# Before any test module imports analysis: its default processed folder (analysis.paths.PROCESSED) is a
# temporary one for the whole session, so no test writes into the project's data/processed/.
os.environ["NEWSPAPER_PROCESSED"] = tempfile.mkdtemp(prefix="newspaper-processed-")
