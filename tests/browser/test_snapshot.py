"""The worker starts from the build's memory snapshot, and the normal way when that fails."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Playwright

from tests.browser.conftest import READY_TIMEOUT_MS, Visit
from tools.chromium import CHROMIUM_FLAGS, chromium_path
from tools.serve import STRICT_CSP, serving

pytestmark = pytest.mark.browser

PAGE = "zelftests/persoonlijk/"
SNAPSHOT = "zelftest.snapshot"


def site_with(site: Path, folder: Path, change: Callable[[Path], None]) -> Path:
    """A copy of the site (links to its files) whose runtime folder ``change`` may alter."""
    copy = folder / "site"
    shutil.copytree(site, copy, copy_function=os.symlink)
    runtime = next((copy / "assets" / "pyodide").iterdir())
    change(runtime)
    return copy


def without_snapshot(runtime: Path) -> None:
    for path in runtime.glob(SNAPSHOT + "*"):
        path.unlink()


def replace(path: Path, data: bytes) -> None:
    """Write a file in place of a link, and drop its precompressed copies (they would win)."""
    for copy in (path, path.with_name(path.name + ".br"), path.with_name(path.name + ".gz")):
        copy.unlink(missing_ok=True)
    path.write_bytes(data)


Load = Callable[..., Visit]


@pytest.fixture()
def load(browser: Browser, tmp_path: Path) -> Iterator[Load]:
    """A function that opens the assessment page from a changed copy of the site."""
    with ExitStack() as stack:

        def loading(site: Path, change: Callable[[Path], None], state: str = "ready") -> Visit:
            server = stack.enter_context(serving(site_with(site, tmp_path, change), csp=STRICT_CSP))
            context = browser.new_context(locale="nl-NL")
            stack.callback(context.close)
            visit = Visit(context.new_page(), server)
            context.on("request", lambda request: visit.requests.append(request.url))
            visit.open(PAGE)
            visit.page.wait_for_selector(f".zelftest[data-state={state}]", timeout=READY_TIMEOUT_MS)
            return visit

        yield loading


@pytest.mark.subpath
def test_page_starts_from_the_snapshot_without_loading_the_wheel(visit: Visit) -> None:
    visit.open(PAGE)
    visit.wait_until_ready()
    paths = [urlsplit(url).path for url in visit.requests]
    assert any(path.endswith("/" + SNAPSHOT) for path in paths)
    assert not any(path.endswith(".whl") for path in paths)
    # An address with an empty segment ("0.29.5//pyodide.asm.wasm") is a bug; the server
    # answers it with 404, and a strict check here names it.
    assert [path for path in paths if "//" in path] == []
    visit.assert_stayed_local()


def test_page_gets_ready_without_the_snapshot(site: Path, load: Load) -> None:
    visit = load(site, without_snapshot)
    assert any(url.endswith(".whl") for url in visit.requests)
    assert visit.page.locator(".zelftest").get_attribute("data-state") == "ready"


def test_page_gets_ready_with_a_snapshot_of_another_build(site: Path, load: Load) -> None:
    def other_build(runtime: Path) -> None:
        data = bytearray((runtime / SNAPSHOT).read_bytes())
        data[36:40] = bytes(4)  # the first word of the build id (Pyodide's header is at 20)
        replace(runtime / SNAPSHOT, bytes(data))

    visit = load(site, other_build)
    assert any(url.endswith(".whl") for url in visit.requests)


def test_page_gets_ready_when_the_snapshot_is_cut_off(site: Path, load: Load) -> None:
    # A file cut short in transfer or on disk: the layout check in worker.mjs refuses it, so it
    # never reaches Pyodide as half a memory.
    def cut_off(runtime: Path) -> None:
        replace(runtime / SNAPSHOT, (runtime / SNAPSHOT).read_bytes()[:-4096])

    visit = load(site, cut_off)
    assert any(url.endswith(".whl") for url in visit.requests)


def test_page_gets_ready_when_the_snapshot_is_an_error_page(site: Path, load: Load) -> None:
    visit = load(site, lambda runtime: replace(runtime / SNAPSHOT, b"<html>Fout</html>" * 100))
    assert any(url.endswith(".whl") for url in visit.requests)


def test_total_failure_ends_in_the_error_state(site: Path, load: Load) -> None:
    def nothing_works(runtime: Path) -> None:
        without_snapshot(runtime)
        wheel = next(runtime.glob("*.whl"))
        replace(wheel, b"PK\x05\x06" + bytes(18))

    visit = load(site, nothing_works, state="error")
    assert visit.page.inner_text(".zelftest-status").startswith("De rekenmodule kan niet starten.")


def test_second_visit_with_a_warm_cache_moves_no_body_bytes(
    playwright: Playwright, site: Path
) -> None:
    executable = chromium_path()
    assert executable is not None
    with (
        serving(site, csp=STRICT_CSP) as server,
        tempfile.TemporaryDirectory(prefix="profiel-") as profile,
    ):
        sent = []
        for _ in range(2):
            # A persistent profile keeps its HTTP cache on disk, as a reader's browser does.
            context = playwright.chromium.launch_persistent_context(
                profile, executable_path=executable, args=CHROMIUM_FLAGS
            )
            server.reset_counters()
            page = context.new_page()
            page.goto(server.url + PAGE)
            page.wait_for_selector(".zelftest[data-state=ready]", timeout=READY_TIMEOUT_MS)
            sent.append(server.bytes_sent)
            context.close()
    assert sent[0] < 9_000_000, f"a first visit moved {sent[0]:,} bytes"
    assert sent[1] == 0, f"a second visit moved {sent[1]:,} bytes"
