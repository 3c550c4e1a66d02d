"""The site on Debian's nginx and Apache with deploy/nginx.conf and deploy/.htaccess, as IT hosts it.

Each server serves the built site under /kennisbank/: nginx with deploy/nginx.conf alone (gzip),
nginx with Debian's brotli module and deploy/nginx-brotli.conf too, and Apache. Checked over HTTP:
the types a module worker and WebAssembly need, the security headers (the same policy as
tools/serve.py), caching, the precompressed copies, 404 and no listings; then Chromium answers a
self-assessment there, with no policy message on the console, and a first visit is counted.
"""

from __future__ import annotations

import functools
import gzip
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from email.message import Message
from pathlib import Path

import brotli
import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import check_verdicts, cli_export
from tests.hosting import servers
from tools.serve import CACHE_IMMUTABLE, CACHE_REVALIDATE, PERMISSIONS_POLICY, STRICT_CSP

SERVERS: dict[str, Callable[[Path], AbstractContextManager[servers.Hosted]]] = {
    "nginx": servers.nginx,
    "nginx-brotli": functools.partial(servers.nginx, brotli=True),
    "apache": servers.apache,
}
READY_TIMEOUT_MS = 120_000
#: What a first visit to an assessment page may move, status lines and headers included: the
#: goal with brotli; gzip alone (nginx without the module) moves about 2 MB more.
FIRST_VISIT_BYTES = {True: 9_000_000, False: 11_000_000}


@pytest.fixture(scope="module", params=sorted(SERVERS))
def server(request: pytest.FixtureRequest, site: Path) -> Iterator[servers.Hosted]:
    """Each server, serving the site under /kennisbank/."""
    with SERVERS[request.param](site) as running:
        yield running


@pytest.fixture(scope="module")
def hosted(server: servers.Hosted) -> str:
    """The address of the site on each server."""
    return server.url


@pytest.fixture(scope="module")
def runtime(runtime_dir: Path, site: Path) -> str:
    """The versioned runtime folder as a relative address, e.g. 'assets/pyodide/0.29.0/'."""
    return runtime_dir.relative_to(site).as_posix() + "/"


def fetch(url: str, **headers: str) -> tuple[int, Message, bytes]:
    """Status, headers and body of a GET, error statuses included."""
    request = urllib.request.Request(
        url, headers={k.replace("_", "-"): v for k, v in headers.items()}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read()


def media_type(headers: Message) -> str:
    return (headers.get("Content-Type") or "").split(";")[0].strip()


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("", "text/html"),
        ("assets/javascripts/zelftest/main.mjs", "text/javascript"),
        ("assets/javascripts/startcontrole.js", "text/javascript"),
        ("{runtime}pyodide.mjs", "text/javascript"),
        ("{runtime}pyodide.asm.wasm", "application/wasm"),
        ("{runtime}pyodide-lock.json", "application/json"),
        ("{runtime}python_stdlib.zip", "application/zip"),
        ("{runtime}zelftest.snapshot", "application/octet-stream"),
    ],
)
def test_each_file_has_the_type_the_browser_needs(
    hosted: str, runtime: str, path: str, expected: str
) -> None:
    status, headers, _ = fetch(hosted + path.format(runtime=runtime))
    assert (status, media_type(headers)) == (200, expected)


@pytest.mark.parametrize("path", ["", "assets/stylesheets/zelftest.css"])
def test_pages_and_style_sheets_name_their_character_set(hosted: str, path: str) -> None:
    _, headers, _ = fetch(hosted + path)
    assert "charset=utf-8" in (headers.get("Content-Type") or "").lower().replace(" ", "")


def test_the_wheel_is_a_zip(hosted: str, runtime: str, runtime_dir: Path) -> None:
    (wheel,) = runtime_dir.glob("*.whl")
    status, headers, _ = fetch(hosted + runtime + wheel.name)
    assert (status, media_type(headers)) == (200, "application/zip")


@pytest.mark.parametrize("path", ["", "{runtime}pyodide.asm.wasm", "bestaat-niet.html"])
def test_every_response_carries_the_security_headers(hosted: str, runtime: str, path: str) -> None:
    _, headers, _ = fetch(hosted + path.format(runtime=runtime))
    assert headers.get_all("Content-Security-Policy") == [STRICT_CSP]
    assert headers.get_all("Permissions-Policy") == [PERMISSIONS_POLICY]
    assert headers.get_all("X-Content-Type-Options") == ["nosniff"]
    assert headers.get_all("Referrer-Policy") == ["no-referrer"]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("", CACHE_REVALIDATE),
        ("zelftests/persoonlijk/", CACHE_REVALIDATE),
        ("assets/javascripts/zelftest/main.mjs", CACHE_REVALIDATE),
        ("{runtime}pyodide.asm.wasm", CACHE_IMMUTABLE),
        ("{runtime}pyodide.mjs", CACHE_IMMUTABLE),
        ("{runtime}python_stdlib.zip", CACHE_IMMUTABLE),
        # The engine's files in the runtime folder change with each release.
        ("{runtime}zelftest.snapshot", CACHE_REVALIDATE),
        ("{runtime}pyodide-lock.json", CACHE_REVALIDATE),
    ],
)
def test_only_the_versioned_runtime_is_cached_for_a_year(
    hosted: str, runtime: str, path: str, expected: str
) -> None:
    _, headers, _ = fetch(hosted + path.format(runtime=runtime), Accept_Encoding="gzip")
    assert headers.get_all("Cache-Control") == [expected]


def test_an_unchanged_page_is_answered_with_304(hosted: str) -> None:
    _, headers, _ = fetch(hosted)
    etag = headers["ETag"]
    assert etag
    status, _, body = fetch(hosted, If_None_Match=etag)
    assert (status, body) == (304, b"")


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("{runtime}pyodide.asm.wasm", "application/wasm"),
        ("{runtime}pyodide.mjs", "text/javascript"),
    ],
)
def test_the_precompressed_gzip_copy_is_sent(
    hosted: str, runtime: str, site: Path, path: str, expected: str
) -> None:
    relative = path.format(runtime=runtime)
    assert (site / (relative + ".gz")).is_file(), "the build writes a .gz beside large files"
    status, headers, body = fetch(hosted + relative, Accept_Encoding="gzip")
    assert (status, media_type(headers)) == (200, expected)
    assert headers.get_all("Content-Encoding") == ["gzip"]
    assert "Accept-Encoding" in (headers.get("Vary") or "")
    assert body == (site / (relative + ".gz")).read_bytes()
    assert gzip.decompress(body) == (site / relative).read_bytes()


def test_without_accept_encoding_the_file_itself_is_sent(
    hosted: str, runtime: str, site: Path
) -> None:
    status, headers, body = fetch(hosted + runtime + "pyodide.mjs", Accept_Encoding="identity")
    assert (status, headers.get("Content-Encoding")) == (200, None)
    assert body == (site / runtime / "pyodide.mjs").read_bytes()


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("{runtime}pyodide.asm.wasm", "application/wasm"),
        ("{runtime}zelftest.snapshot", "application/octet-stream"),
    ],
)
def test_brotli_is_preferred_where_the_server_can_send_it(
    server: servers.Hosted, runtime: str, site: Path, path: str, expected: str
) -> None:
    # Apache sends FILE.br, and so does nginx with the brotli module and nginx-brotli.conf; nginx
    # with nginx.conf alone sends FILE.gz.
    encoding = "br" if server.brotli else "gzip"
    relative = path.format(runtime=runtime)
    status, headers, body = fetch(server.url + relative, Accept_Encoding="gzip, deflate, br")
    assert (status, media_type(headers)) == (200, expected)
    assert headers.get_all("Content-Encoding") == [encoding]
    assert headers.get_all("Vary") == ["Accept-Encoding"]
    decompress = brotli.decompress if server.brotli else gzip.decompress
    assert decompress(body) == (site / relative).read_bytes()


def test_a_direct_download_of_a_gzip_file_is_not_decoded_twice(hosted: str, site: Path) -> None:
    status, headers, body = fetch(hosted + "sitemap.xml.gz", Accept_Encoding="gzip")
    assert (status, headers.get("Content-Encoding")) == (200, None)
    assert body == (site / "sitemap.xml.gz").read_bytes()


def test_a_missing_file_is_404_and_folders_are_not_listed(hosted: str) -> None:
    assert fetch(hosted + "bestaat-niet.html")[0] == 404
    status, _, body = fetch(hosted + "assets/")
    assert status in (403, 404)
    assert b"Index of" not in body


@pytest.mark.parametrize("name", [".htaccess", "web.config"])
def test_the_server_configurations_are_not_served(hosted: str, name: str) -> None:
    status, headers, _ = fetch(hosted + name)
    assert status in (403, 404)
    assert headers.get_all("Content-Security-Policy") == [STRICT_CSP]


@pytest.mark.browser
def test_an_assessment_scores_without_a_policy_violation(
    browser: Browser,
    hosted: str,
) -> None:
    definition = cli_export("persoonlijk")
    context = browser.new_context(locale="nl-NL")
    violations: list[str] = []
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    # Chromium logs a policy it cannot parse (an unknown Permissions-Policy feature) on the console.
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "Content Security Policy" in message.text or "Permissions-Policy" in message.text
            else None
        ),
    )
    page.expose_function("reportViolation", lambda text: violations.append(text))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', (event) =>"
        " window.reportViolation(event.violatedDirective + ' ' + event.blockedURI));"
    )
    try:
        page.goto(hosted + "zelftests/persoonlijk/")
        page.wait_for_selector(".zelftest[data-state=ready]", timeout=READY_TIMEOUT_MS)
        high = definition["scale"]["max"]
        for item in definition["items"]:
            page.click(f"fieldset[data-item='{item['id']}'] label:has(input[value='{high}'])")
        page.click("button[type=submit]")
        page.wait_for_selector(".zelftest[data-result=shown] .zelftest-tabel")
        rows = page.query_selector_all(".zelftest-tabel tr[data-dimensie]")
        shown = {row.get_attribute("data-dimensie") for row in rows}
        assert {dimension["id"] for dimension in definition["dimensions"]} <= shown
    finally:
        context.close()
    assert violations == []
    assert all(url.startswith(hosted) for url in requests), requests


@pytest.mark.browser
def test_the_installation_check_finds_the_server_in_order(browser: Browser, hosted: str) -> None:
    # The site's own check page, on the real server with the shipped configuration: every part
    # is in order (types, headers, caching, compression, the engine's start).
    context = browser.new_context(locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(hosted + "over/controle/")
        found = check_verdicts(page, timeout=READY_TIMEOUT_MS)
    finally:
        context.close()
    assert len(found) >= 15, found
    assert {part: outcome for part, outcome in found.items() if outcome != "ok"} == {}


@pytest.mark.browser
def test_a_first_visit_stays_within_its_bytes(browser: Browser, server: servers.Hosted) -> None:
    # A new context has an empty cache: everything an assessment page needs crosses the network,
    # counted by the server itself, until nothing more arrives (the search index loads last).
    before = _settled(server)
    context = browser.new_context(locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(server.url + "zelftests/persoonlijk/")
        page.wait_for_selector(".zelftest[data-state=ready]", timeout=READY_TIMEOUT_MS)
        page.wait_for_load_state("networkidle")
        moved = _settled(server) - before
    finally:
        context.close()
    budget = FIRST_VISIT_BYTES[server.brotli]
    print(f"first visit, {'brotli' if server.brotli else 'gzip'}: {moved:,} bytes")
    assert 1_000_000 < moved < budget, f"a first visit moved {moved:,} bytes (at most {budget:,})"


def test_nginx_with_the_brotli_snippet_but_no_module_refuses_to_start(site: Path) -> None:
    # What the installation page tells an administrator: nginx -t names the unknown directive, so
    # the mistake shows before a reload; nginx.conf alone works with the module and without it.
    without_module = servers.nginx_check(site, module=False, snippet=True)
    assert without_module.returncode != 0
    assert 'unknown directive "brotli_static"' in without_module.stderr
    for module, snippet in ((False, False), (True, False), (True, True)):
        checked = servers.nginx_check(site, module=module, snippet=snippet)
        assert checked.returncode == 0 and "[warn]" not in checked.stderr, checked.stderr


# ---- Helper functions ----


def _settled(server: servers.Hosted) -> int:
    """The bytes a server has sent, once its count has stayed the same for half a second."""
    count = server.bytes_sent()
    while True:
        time.sleep(0.5)
        if (now := server.bytes_sent()) == count:
            return count
        count = now
