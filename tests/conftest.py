"""Shared test set-up: the 新闻联播 loader of the benchmarks, and derived caches kept out of the project.

Tests read the 新闻联播 transcripts through `benchmarks/transcripts.py`. Tests never write into the
project's data/processed/: derived caches go to a temporary folder.
"""

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))


@pytest.fixture(scope="session", autouse=True)
def processed_elsewhere(tmp_path_factory):
    os.environ["NEWSPAPER_PROCESSED"] = str(tmp_path_factory.mktemp("processed"))
    yield
    os.environ.pop("NEWSPAPER_PROCESSED", None)
