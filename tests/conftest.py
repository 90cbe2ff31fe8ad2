"""Tests read the 新闻联播 transcripts through the benchmarks' loader (`benchmarks/transcripts.py`)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
