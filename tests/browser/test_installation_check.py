"""The installation check page ("Controleer de installatie") on a good and on a bad server.

The page asks the server for what the self-assessments need; each test serves the real built
site, once set up right (tools/serve.py, as the shipped configurations are) and once set up the
ways intranets get it wrong, and reads the verdict per part from the page's own table.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import check_verdicts
from tools.serve import STRICT_CSP, serving

pytestmark = pytest.mark.browser

PAGE = "over/controle/"


def check(browser: Browser, site: Path, **server: object) -> tuple[dict[str, str], str]:
    with serving(site, **server) as running:  # type: ignore[arg-type]
        context = browser.new_context(locale="nl-NL")
        try:
            page = context.new_page()
            page.goto(running.url + PAGE)
            found = check_verdicts(page)
            return found, page.inner_text(".vw-controle-status")
        finally:
            context.close()


def test_a_server_set_up_as_shipped_passes_every_check(browser: Browser, site: Path) -> None:
    found, summary = check(browser, site, csp=STRICT_CSP)
    assert len(found) >= 15, found
    assert {part: outcome for part, outcome in found.items() if outcome != "ok"} == {}
    assert summary.startswith("Alles in orde")
    assert "Starten van de rekenmodule" in found


def test_a_misconfigured_server_gets_each_fault_named(browser: Browser, site: Path) -> None:
    found, summary = check(
        browser,
        site,
        csp=None,
        types={".wasm": "application/octet-stream", ".json": "text/plain"},
        hidden=("zelftest.snapshot", "pyodide.asm.js"),
    )
    assert found["Beveiligingsregels (Content-Security-Policy)"] == "aandacht"
    assert found["Bestand pyodide.asm.wasm"] == "aandacht"  # works through the bytes, slower
    assert found["Bestand zelftest.snapshot"] == "aandacht"  # works, starts slower
    assert found["Bestand pyodide.asm.js"] == "probleem"
    assert found["Bestand pyodide-lock.json"] == "probleem"
    assert found["Starten van de rekenmodule"] == "probleem"
    assert found["Kop X-Content-Type-Options"] == "ok"
    assert "problemen" in summary


def test_a_policy_without_webassembly_is_a_problem(browser: Browser, site: Path) -> None:
    found, _ = check(browser, site, csp=STRICT_CSP.replace(" 'wasm-unsafe-eval'", ""))
    assert found["Beveiligingsregels (Content-Security-Policy)"] == "probleem"
    assert found["WebAssembly in deze browser"] == "probleem"
    assert found["Starten van de rekenmodule"] == "probleem"
