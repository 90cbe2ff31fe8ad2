"""Tests never write into the project's data/processed/: derived caches go to a temporary folder."""

import os

import pytest


@pytest.fixture(scope="session", autouse=True)
def processed_elsewhere(tmp_path_factory):
    os.environ["NEWSPAPER_PROCESSED"] = str(tmp_path_factory.mktemp("processed"))
    yield
    os.environ.pop("NEWSPAPER_PROCESSED", None)
