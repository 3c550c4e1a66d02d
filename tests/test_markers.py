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


#: The pages and stores a sub-path can break, and the module whose smoke test covers each: the
#: runtime's address and the engine's start, scoring and downloads, results kept per site path,
#: the three team pages, what the report page remembers per site path, a team round, the
#: snapshot, search and the colour scheme at every depth.
SUBPATH_SMOKE = {
    "test_assessment_flow.py",
    "test_result_actions.py",
    "test_history.py",
    "test_team_pages.py",
    "test_department_overview.py",
    "test_team_overlap.py",
    "test_team_round.py",
    "test_snapshot.py",
    "test_search_later.py",
    "test_theme.py",
}


def test_the_sub_path_smoke_set_covers_every_kind_of_page() -> None:
    # Every other browser test runs at the root only (tests/browser/conftest.py).
    marked = {
        module.name
        for module in (TESTS / "browser").glob("test_*.py")
        if "@pytest.mark.subpath" in module.read_text("utf-8")
    }
    assert marked == SUBPATH_SMOKE
