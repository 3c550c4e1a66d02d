"""The Material theme's own scripts behind the strict policy: search and the colour toggle.

The policy allows the theme's inline scripts by their hashes only (tools/serve.py); a script
whose text changes, or a style the theme writes into the HTML, would be refused and reported.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser

#: Records what the browser refused, before any script of the page runs.
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


def violations(visit: Visit) -> list[str]:
    refused = visit.page.evaluate("window.__violations")
    console = [error for error in visit.errors if "Content Security Policy" in error]
    return refused + console


@pytest.mark.subpath
def test_search_finds_pages_under_the_policy(visit: Visit) -> None:
    visit.page.add_init_script(WATCH_VIOLATIONS)
    page = visit.open("klantvertrouwen/vertrouwen-meten/")
    page.locator("label.md-search__icon[for=__search]").first.wait_for(state="attached")
    page.locator(".md-search__input").click()
    # Material searches on key presses; fill() alone sends none.
    page.locator(".md-search__input").press_sequentially("integriteit", delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    meta = page.locator(".md-search-result__meta").inner_text()
    assert "initialiseren" not in meta.lower() and "overeenkomend" in meta, meta
    link = page.locator(".md-search-result__link").first.get_attribute("href")
    # Results link into the site where it is served, under a sub-path too.
    assert link and link.startswith(visit.server.url), link
    assert violations(visit) == []
    visit.assert_stayed_local()


def open_settled(visit: Visit, path: str) -> None:
    # Each page starts the search worker, which fetches its files: leaving before they arrived
    # would record them as failed requests.
    visit.open(path)
    visit.page.wait_for_load_state("networkidle")


@pytest.mark.subpath
def test_the_colour_toggle_works_and_holds_at_every_depth(visit: Visit) -> None:
    visit.page.add_init_script(WATCH_VIOLATIONS)
    page = visit.page
    open_settled(visit, "klantvertrouwen/vertrouwen-meten/")
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    page.locator("label[for=__palette_1]").click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    # The inline palette script reads the choice back on another page and another depth:
    # with extra.scope the storage key is the same wherever the reader is.
    for path in ("", "over/", "zelftests/persoonlijk/"):
        open_settled(visit, path)
        assert body.get_attribute("data-md-color-scheme") == "slate", path
        assert violations(visit) == [], path
    page.locator("label[for=__palette_0]").click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'default'")
    assert violations(visit) == []
    visit.assert_stayed_local()
