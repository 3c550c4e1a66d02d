"""A server or browser that stops the engine: the page says why within 15 s, or works anyway.

Each test serves the real built site from a misconfigured server (tools.serve: a wrong type, a
missing file, a policy without 'wasm-unsafe-eval') or opens it in a browser without WebAssembly,
as intranets and old work laptops do. The expected Dutch text is the page's own (teksten.mjs,
read through the page), so the tests check that the right cause is named, not a copy of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tools.serve import STRICT_CSP, serving

pytestmark = pytest.mark.browser

PAGE = "zelftests/persoonlijk/"
#: The issue's promise: a start that cannot succeed ends in a message within this time.
FAILURE_WITHIN_MS = 15_000
READY_WITHIN_MS = 120_000


@contextmanager
def misconfigured(
    browser: Browser,
    site: Path,
    csp: str | None = STRICT_CSP,
    types: Mapping[str, str] | None = None,
    hidden: tuple[str, ...] = (),
) -> Iterator[Page]:
    """The assessment page from a server set up this (wrong) way, in a fresh context."""
    with serving(site, csp=csp, types=types, hidden=hidden) as server:
        context = browser.new_context(locale="nl-NL")
        try:
            page = context.new_page()
            page.goto(server.url + PAGE)
            yield page
        finally:
            context.close()


def expected(page: Page, cause: str, file: str = "") -> str:
    """The page's own message for this cause (TEKSTEN.startFout in teksten.mjs)."""
    return page.evaluate(
        """async ([cause, file]) => {
            const url = new URL("../../assets/javascripts/zelftest/teksten.mjs", document.baseURI);
            return (await import(url.href)).TEKSTEN.startFout(cause, file);
        }""",
        [cause, file],
    )


def assert_fails_with(page: Page, cause: str, file: str = "") -> None:
    page.wait_for_selector(".zelftest[data-state=error]", timeout=FAILURE_WITHIN_MS)
    status = page.inner_text(".zelftest-status-tekst")
    assert status.startswith(expected(page, cause, file)), status
    # The way on for whoever runs the site: the installation page.
    link = page.locator(".zelftest-status-tekst a.vw-installeren")
    assert link.get_attribute("href") == "../../over/installeren/"
    # Answers still count as answers, and a submit says the same instead of waiting.
    for fieldset in page.query_selector_all("fieldset.zelftest-vraag"):
        fieldset.query_selector("label:has(input[value='3'])").click()
    page.click(".zelftest button[type=submit]")
    assert page.inner_text(".zelftest-melding").startswith(expected(page, cause, file))
    assert page.locator(".zelftest-uitslag").is_hidden()


def answer_and_score(page: Page) -> None:
    for fieldset in page.query_selector_all("fieldset.zelftest-vraag"):
        fieldset.query_selector("label:has(input[value='4'])").click()
    page.click(".zelftest button[type=submit]")
    page.wait_for_selector(".zelftest-uitslag:not([hidden]) table", timeout=READY_WITHIN_MS)


def test_a_wasm_file_with_the_wrong_type_is_worked_around(browser: Browser, site: Path) -> None:
    # The most common mistake: .wasm sent as application/octet-stream. The worker instantiates
    # the same bytes without streaming, and the reader never notices.
    with misconfigured(browser, site, types={".wasm": "application/octet-stream"}) as page:
        sent = page.evaluate(
            """async () => {
                const meta = document.querySelector('meta[name="vertrouwenswijzer-runtime"]');
                const wasm = new URL("pyodide.asm.wasm", new URL(meta.content, document.baseURI));
                return (await fetch(wasm, { method: "HEAD" })).headers.get("Content-Type");
            }"""
        )
        assert sent == "application/octet-stream"
        page.wait_for_selector(".zelftest[data-state=ready]", timeout=READY_WITHIN_MS)
        answer_and_score(page)


def test_a_missing_wasm_file_is_named(browser: Browser, site: Path) -> None:
    with misconfigured(browser, site, hidden=("pyodide.asm.wasm",)) as page:
        assert_fails_with(page, "ontbreekt", "pyodide.asm.wasm")


def test_a_missing_runtime_is_named(browser: Browser, site: Path) -> None:
    # The runtime folder was not copied at all: its first file is the one named.
    runtime = ("pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip")
    with misconfigured(browser, site, hidden=runtime) as page:
        assert_fails_with(page, "ontbreekt", "pyodide.mjs")


def test_a_policy_without_wasm_unsafe_eval_is_named(browser: Browser, site: Path) -> None:
    policy = STRICT_CSP.replace(" 'wasm-unsafe-eval'", "")
    assert policy != STRICT_CSP
    with misconfigured(browser, site, csp=policy) as page:
        assert_fails_with(page, "csp")


def test_a_missing_snapshot_only_costs_time(browser: Browser, site: Path) -> None:
    # The snapshot is an optimisation: without it the worker starts Python the normal way.
    with misconfigured(browser, site, hidden=("zelftest.snapshot",)) as page:
        page.wait_for_selector(".zelftest[data-state=ready]", timeout=READY_WITHIN_MS)
        answer_and_score(page)


@pytest.mark.parametrize("missing", ["WebAssembly", "BigInt64Array"])
def test_a_browser_too_old_for_the_engine_is_told_so_at_once(
    browser: Browser, site: Path, missing: str
) -> None:
    with serving(site, csp=STRICT_CSP) as server:
        context = browser.new_context(locale="nl-NL")
        context.add_init_script(f"delete globalThis.{missing};")
        page = context.new_page()
        page.goto(server.url + PAGE)
        page.wait_for_selector(".zelftest[data-state=error]", timeout=FAILURE_WITHIN_MS)
        status = page.inner_text(".zelftest-status-tekst")
        assert re.search(r"te oud", status) and "Chrome, Edge, Firefox of Safari" in status
        # Nothing of the engine was asked for: the page knew before it started.
        context.close()


def test_modules_sent_as_text_end_in_the_start_checks_message(browser: Browser, site: Path) -> None:
    # No module runs at all; the classic start check (startcontrole.js) speaks instead.
    with misconfigured(browser, site, types={".mjs": "text/plain; charset=utf-8"}) as page:
        page.wait_for_selector(".zelftest[data-state=error]", timeout=FAILURE_WITHIN_MS)
        status = page.inner_text(".zelftest-status-tekst")
        assert ".mjs" in status
        assert page.get_attribute(".zelftest-status a", "href") == "../../over/installeren/"


def test_a_call_that_takes_too_long_ends_its_worker_and_the_next_call_works(
    browser: Browser, site: Path
) -> None:
    """A call that does not answer in time would keep the worker busy and make every later
    call wait behind it (a team report of heavy files did that): the runtime ends that worker
    and starts a fresh one, so the next call answers without a reload."""
    with misconfigured(browser, site) as page:
        page.wait_for_selector(".zelftest[data-state=ready]", timeout=READY_WITHIN_MS)
        outcome = page.evaluate(
            """async () => {
                const url = new URL("../../assets/javascripts/zelftest/runtime.mjs", document.baseURI);
                const runtime = (await import(url.href)).sharedRuntime();
                const definition = document.querySelector("script.zelftest-definitie").textContent;
                const before = runtime.worker;
                runtime.callTimeoutMs = 1;  // every call is late
                let late = "";
                try { await runtime.score(definition, {}); } catch (error) { late = error.message; }
                runtime.callTimeoutMs = 60000;
                await runtime.ready;
                const result = await runtime.score(definition, {});
                return {
                    late, restarts: runtime.restarts, fresh: runtime.worker !== before,
                    format: result.format,
                };
            }"""
        )
        assert outcome["late"].startswith("no answer from the engine within 1 ms")
        assert outcome["restarts"] == 1 and outcome["fresh"] is True
        assert outcome["format"] == "vertrouwenswijzer-resultaat"
