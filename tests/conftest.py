"""Shared fixtures: the built site (fresh), the Pyodide runtime inside it, and Chromium.

Playwright and Chromium live here, not in tests/browser: the hosting tests drive the same
browser, and a second Playwright in one session fails ("Sync API inside the asyncio loop").
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright

from tools.chromium import CHROMIUM_FLAGS, chromium_path

ROOT = Path(__file__).resolve().parent.parent
#: The built site; VW_SITE points elsewhere (a build with `mkdocs build -d DIR`), so that
#: several checkouts or people can test at once.
SITE = Path(os.environ.get("VW_SITE") or ROOT / "site")
SOURCES = (
    "assessments",
    "hooks",
    "vwmarkdown",
    "sitebuild",
    "overrides",
    "docs",
    "includes",
    "deploy",
    "mkdocs.yml",
    "pyproject.toml",
)


@pytest.fixture(scope="session")
def site() -> Path:
    """The site built by `make build`, refusing one older than the sources it was built from."""
    index = SITE / "index.html"
    if not index.is_file():
        pytest.fail("site/ is not built: run 'make test' (or 'make build' first)")
    built = index.stat().st_mtime
    for source in SOURCES:
        path = ROOT / source
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        stale = [f for f in files if f.stat().st_mtime > built and "__pycache__" not in f.parts]
        if stale:
            pytest.fail(f"site/ is older than {stale[0].relative_to(ROOT)}: run 'make build'")
    return SITE


@pytest.fixture(scope="session")
def runtime_dir(site: Path) -> Path:
    """The versioned Pyodide directory inside the built site."""
    version = json.loads((ROOT / "node_modules/pyodide/package.json").read_text("utf-8"))["version"]
    return site / "assets" / "pyodide" / version


@pytest.fixture(scope="session")
def node() -> str:
    found = shutil.which("node")
    if found is None:
        pytest.fail("Node.js is needed to run the engine tests in Pyodide; install Node.js 20+")
    return found


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as running:
        yield running


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    executable = chromium_path()
    if executable is None:
        pytest.fail("Chromium not found: run 'make test', which installs Debian's chromium")
    launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
    yield launched
    launched.close()
