"""Chromium over HTTP against the built site, with every host but 127.0.0.1 unreachable."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Request

from tools.serve import STRICT_CSP, SiteServer, serving

READY_TIMEOUT_MS = 120_000
#: Material's search files. On an assessment page they load once the engine is ready
#: (zoekindex-later.js), so a test that goes on to another page or reloads may cut them off.
SEARCH_FILES = (
    "/search/search_index.json",
    "/assets/javascripts/lunr/",
    "/javascripts/workers/search.",
)
#: How long the installation check (over/controle) may take, the engine's start included.
CHECK_WITHIN_MS = 90_000


@dataclass
class Visit:
    """A page in a fresh context, with every request and problem it caused."""

    page: Page
    server: SiteServer
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, path: str) -> Page:
        self.page.goto(self.server.url + path)
        return self.page

    def wait_until_ready(self) -> None:
        self.page.wait_for_selector(".zelftest[data-state=ready]", timeout=READY_TIMEOUT_MS)

    def assert_stayed_local(self) -> None:
        origin = self.server.url.split("/", 3)[:3]
        outside = [url for url in self.requests if url.split("/", 3)[:3] != origin]
        assert self.requests, "no request was recorded at all"
        assert outside == [], f"requests left the origin: {outside}"
        assert self.failures == [], f"requests failed: {self.failures}"
        assert self.errors == [], f"the page reported errors: {self.errors}"


#: Where the smoke set (tests marked subpath) also serves the site: an intranet path.
SUBPATH = "/kennisbank/"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Tests marked subpath run at the root and under SUBPATH; every other test at the root.

    What a sub-path can break is the same for every page (relative URLs, storage keys per site
    path, the runtime's address), so a smoke set covers it: each kind of page and each way the
    site keeps something once, not every browser test twice.
    """
    if "server" in metafunc.fixturenames and metafunc.definition.get_closest_marker("subpath"):
        metafunc.parametrize(
            "server", ["/", SUBPATH], ids=["root", "subpath"], indirect=True, scope="session"
        )


@pytest.fixture(scope="session")
def server(request: pytest.FixtureRequest, site: Path) -> Iterator[SiteServer]:
    """The site behind a strict Content-Security-Policy: at the root, or for the smoke set also
    under SUBPATH."""
    with serving(site, prefix=getattr(request, "param", "/"), csp=STRICT_CSP) as running:
        yield running


@pytest.fixture(scope="session")
def plain_server(site: Path) -> Iterator[SiteServer]:
    """The site at the root without a policy (axe-core is injected as an inline script)."""
    with serving(site) as running:
        yield running


def _visit(browser: Browser, server: SiteServer) -> Iterator[Visit]:
    context: BrowserContext = browser.new_context(locale="nl-NL")
    page = context.new_page()
    visit = Visit(page, server)
    # Context-level events also see the requests of the Web Worker that runs Pyodide.
    context.on("request", lambda request: visit.requests.append(request.url))
    context.on(
        "requestfailed",
        lambda request: None if _cut_off_search(request) else visit.failures.append(request.url),
    )
    page.on("pageerror", lambda error: visit.errors.append(str(error)))
    page.on(
        "console",
        lambda message: visit.errors.append(message.text) if message.type == "error" else None,
    )
    yield visit
    context.close()


def _cut_off_search(request: Request) -> bool:
    """A search file the browser dropped because the page went away: no fault of the site."""
    dropped = request.failure == "net::ERR_ABORTED"
    return dropped and any(part in request.url for part in SEARCH_FILES)


@pytest.fixture()
def visit(browser: Browser, server: SiteServer) -> Iterator[Visit]:
    yield from _visit(browser, server)


@pytest.fixture()
def plain_visit(browser: Browser, plain_server: SiteServer) -> Iterator[Visit]:
    yield from _visit(browser, plain_server)


def check_verdicts(page: Page, timeout: int = CHECK_WITHIN_MS) -> dict[str, str]:
    """The installation check's verdict per part (ok, aandacht, probleem), once it has run."""
    page.wait_for_selector(".vw-controle[data-state=klaar]", timeout=timeout)
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll(".vw-controle tbody tr")]
            .map((row) => [row.querySelector("th").textContent, row.dataset.uitkomst]))"""
    )


def cli_score(assessment_id: str, answers: dict[str, int | None], tmp_path: Path) -> dict:
    """The CLI's result for the same answers: the reference the browser must match."""
    path = tmp_path / f"{assessment_id}-answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "assessments", "score", assessment_id, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def cli_export(assessment_id: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "assessments", "export", assessment_id],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)
