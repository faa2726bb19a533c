"""Shared fixtures. Area fixtures live in tests/fixtures_*.py and are pulled in here."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"

from fixtures_browser import *  # noqa: E402,F401,F403
from fixtures_pg import *  # noqa: E402,F401,F403


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The shared reference corpus beside the checkout; tests using it skip when it is absent."""
    if not (SHARED_CORPUS / "README.md").exists():
        pytest.skip(
            f"../shared/corpus not found at {SHARED_CORPUS}: "
            "corpus tests need it beside the project"
        )
    return SHARED_CORPUS


@pytest.fixture(scope="session")
def gaz():
    """The default offline gazetteer (built once per machine into the cache dir)."""
    from gazetteer import default_gazetteer

    return default_gazetteer()


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


def pytest_configure(config):
    os.environ.setdefault("GEOMAP_TEST", "1")
