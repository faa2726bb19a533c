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


# CI sets GEOMAP_TEST_STRICT=1: there every part (Chromium, PostgreSQL, map assets, ../shared) is
# installed, so a skipped test means a broken install that would otherwise pass unnoticed.
_STRICT = os.environ.get("GEOMAP_TEST_STRICT") == "1"
_skipped: list[str] = []


def pytest_runtest_logreport(report):
    if _STRICT and report.skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        _skipped.append(f"{report.nodeid}: {reason}")


def pytest_sessionfinish(session, exitstatus):
    if _STRICT and _skipped and exitstatus == 0:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter):
    if _STRICT and _skipped:
        terminalreporter.write_line(
            f"GEOMAP_TEST_STRICT=1: {len(_skipped)} test(s) skipped, which fails the run:", red=True
        )
        for line in _skipped[:20]:
            terminalreporter.write_line(f"  {line}")
