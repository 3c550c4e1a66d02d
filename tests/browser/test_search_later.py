"""Engine first: on an assessment page, Material's search index waits for the engine.

zoekindex-later.js holds back the request for search/search_index.json until the engine is
ready or failed, or until the reader goes to the search box (hooks/zelftests.py puts it in the
head of assessment pages only). Search itself must work the same in every case.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route

from tests.browser.conftest import READY_TIMEOUT_MS, STRICT_CSP, Visit
from tools.serve import serving

pytestmark = pytest.mark.browser

PAGE = "zelftests/persoonlijk/"
GUIDANCE = "klantvertrouwen/vertrouwen-meten/"

#: When the page asked for the search index, on the page's clock (null: not yet).
INDEX_REQUESTED = """() => {
  const entry = performance.getEntriesByType("resource")
    .find((e) => e.name.endsWith("/search/search_index.json"));
  return entry ? entry.startTime : null;
}"""


def index_requested(page: Page, timeout: float = 15_000) -> float:
    page.wait_for_function(f"({INDEX_REQUESTED})() !== null", timeout=timeout)
    return float(page.evaluate(INDEX_REQUESTED))


def search(page: Page, words: str) -> str:
    """Search as a reader does (Material reacts to key presses) and return the result line."""
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially(words, delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    return page.locator(".md-search-result__meta").inner_text()


#: Notes when runtime.mjs says the engine is done (before any script of the page listens).
WATCH_ENGINE = """
document.addEventListener("vertrouwenswijzer:rekenmodule", () => {
  window.__engineDone = performance.now();
});
"""


@pytest.mark.subpath
def test_assessment_page_asks_for_the_index_after_the_engine_is_ready(visit: Visit) -> None:
    visit.page.add_init_script(WATCH_ENGINE)
    page = visit.open(PAGE)
    scripts = page.eval_on_selector_all(
        "head script[src]", "nodes => nodes.map((node) => node.getAttribute('src'))"
    )
    later = [i for i, src in enumerate(scripts) if src.endswith("/zoekindex-later.js")]
    early = [i for i, src in enumerate(scripts) if src.endswith("/zelftest/runtime.mjs")]
    assert later and early and later[0] < early[0], scripts
    visit.wait_until_ready()
    done = page.evaluate("window.__engineDone")
    ready = page.evaluate("performance.getEntriesByName('zelftest-klaar')[0].startTime")
    assert done is not None and done <= ready
    assert index_requested(page) >= done
    assert "overeenkomend" in search(page, "integriteit")
    visit.assert_stayed_local()


@pytest.mark.subpath
def test_page_without_the_engine_asks_for_the_index_at_once(visit: Visit) -> None:
    page = visit.open(GUIDANCE)
    assert page.locator("script[src$='zoekindex-later.js']").count() == 0
    requested = index_requested(page)
    parsed = page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
    assert requested <= parsed  # asked for by Material's bundle while the page was parsed
    page.wait_for_load_state("networkidle")
    visit.assert_stayed_local()


@pytest.fixture()
def held_engine(visit: Visit) -> Iterator[list[Route]]:
    """Requests for the runtime's WebAssembly, held until the test lets them go."""
    held: list[Route] = []
    visit.page.context.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    yield held
    for route in held:
        route.continue_()


def test_going_to_search_before_the_engine_is_ready_starts_search_at_once(
    visit: Visit, held_engine: list[Route]
) -> None:
    page = visit.open(PAGE)
    page.wait_for_load_state("load")
    page.wait_for_timeout(1_000)
    assert page.evaluate(INDEX_REQUESTED) is None  # still held back, engine still starting
    assert "overeenkomend" in search(page, "integriteit")
    assert page.get_attribute(".zelftest", "data-state") != "ready"
    assert held_engine, "the engine's WebAssembly was never asked for"
    for route in held_engine:
        route.continue_()
    held_engine.clear()
    visit.wait_until_ready()
    visit.assert_stayed_local()


def test_search_works_when_the_engine_cannot_start(browser: Browser, site: Path) -> None:
    with serving(site, csp=STRICT_CSP, hidden=("pyodide.asm.wasm",)) as server:
        context = browser.new_context(locale="nl-NL")
        try:
            page = context.new_page()
            page.goto(server.url + PAGE)
            page.wait_for_selector(".zelftest[data-state=error]", timeout=READY_TIMEOUT_MS)
            index_requested(page)
            assert "overeenkomend" in search(page, "integriteit")
        finally:
            context.close()
