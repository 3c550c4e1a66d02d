"""Every test module that drives Chromium carries the `browser` marker, so that the fast tier
(`make test-fast`, `pytest -m "not browser"`) never starts a browser by accident."""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
#: What a module that drives Chromium uses: Playwright's types or the browser fixtures.
DRIVES_A_BROWSER = re.compile(
    r"^(from|import) playwright|\bVisit\b|\bbrowser: Browser\b|\bplain_visit\b", re.MULTILINE
)
#: The whole module (pytestmark), or each test that needs a browser (a decorator).
MARKED = re.compile(r"^pytestmark = .*pytest\.mark\.browser|^@pytest\.mark\.browser", re.MULTILINE)


def test_every_module_that_drives_chromium_is_marked_browser() -> None:
    unmarked = []
    for module in sorted(TESTS.rglob("test_*.py")):
        if module == Path(__file__).resolve():
            continue
        text = module.read_text("utf-8")
        if DRIVES_A_BROWSER.search(text) and not MARKED.search(text):
            unmarked.append(str(module.relative_to(TESTS)))
    assert unmarked == []


def test_the_check_finds_a_module_without_the_marker() -> None:
    assert DRIVES_A_BROWSER.search("def test_x(visit: Visit) -> None:")
    assert not MARKED.search("import pytest\n\ndef test_x(visit: Visit) -> None: ...")
