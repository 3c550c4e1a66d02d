"""The dev and test server (tools/serve.py) serves the site as a careful intranet server would."""

from __future__ import annotations

import gzip
import http.client
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import brotli
import pytest
from playwright.sync_api import Browser

from tools.serve import (
    CACHE_IMMUTABLE,
    PERMISSIONS_POLICY,
    PERMISSIONS_POLICY_FEATURES,
    STRICT_CSP,
    SiteServer,
    serving,
    site_policy,
)

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = b"export const antwoord = 42;\n" * 100
WASM = b"\0asm" + bytes(5000)
#: The policy features Firefox knows without a preference that is off by default:
#: sSupportedFeatures in dom/security/featurepolicy/FeaturePolicyUtils.cpp of mozilla-firefox/firefox.
FIREFOX_FEATURES = {
    "camera", "geolocation", "microphone", "display-capture", "fullscreen", "web-share", "gamepad",
    "publickey-credentials-create", "publickey-credentials-get", "speaker-selection",
    "storage-access", "screen-wake-lock",
}  # fmt: skip
#: The configurations the build copies into the site's root (sitebuild/deploy.py).
CONFIGURATIONS = {".htaccess": b"Options -Indexes\n", "web.config": b"<configuration/>\n"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small built site: pages, a 404 page, a script and runtime file with copies."""
    root = tmp_path_factory.mktemp("site")
    files = {
        "index.html": b"<!doctype html><title>Home</title>",
        "404.html": b"<!doctype html><title>Niet gevonden</title>",
        "zelftests/index.html": b"<!doctype html><title>Zelftests</title>",
        "assets/app.js": SCRIPT,
        "assets/app.js.br": brotli.compress(SCRIPT),
        "assets/app.js.gz": gzip.compress(SCRIPT, mtime=0),
        "assets/pyodide/0.29.5/pyodide.asm.wasm": WASM,
        "assets/pyodide/0.29.5/pyodide.asm.wasm.br": brotli.compress(WASM),
        "assets/pyodide/0.29.5/zelftest.snapshot": bytes(4096),
        "assets/images/logo.png": b"\x89PNG",
        **CONFIGURATIONS,
        "assets/.htaccess": b"Require all denied\n",
    }
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[SiteServer]:
    with serving(site, csp=STRICT_CSP) as running:
        yield running


def get(server: SiteServer, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    """Status, headers (lower-case names) and body of one GET request."""
    connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def test_brotli_goes_first_to_a_browser_that_takes_it(server: SiteServer) -> None:
    status, headers, body = get(server, "/assets/app.js", **{"Accept-Encoding": "gzip, br"})
    assert status == 200 and headers["content-encoding"] == "br"
    assert headers["content-type"] == "text/javascript" and headers["vary"] == "Accept-Encoding"
    assert brotli.decompress(body) == SCRIPT and headers["content-length"] == str(len(body))


def test_gzip_when_brotli_is_not_taken(server: SiteServer) -> None:
    for accepted in ("gzip", "gzip, br;q=0", "deflate, gzip;q=0.5"):
        status, headers, body = get(server, "/assets/app.js", **{"Accept-Encoding": accepted})
        assert status == 200 and headers["content-encoding"] == "gzip", accepted
        assert gzip.decompress(body) == SCRIPT


def test_the_file_itself_without_an_encoding_the_browser_takes(server: SiteServer) -> None:
    for accepted in (None, "identity", "br;q=0, gzip;q=0", "zstd"):
        extra = {"Accept-Encoding": accepted} if accepted else {}
        status, headers, body = get(server, "/assets/app.js", **extra)
        assert status == 200 and body == SCRIPT and "content-encoding" not in headers, accepted
        assert headers["vary"] == "Accept-Encoding"


def test_only_existing_copies_are_sent(server: SiteServer) -> None:
    # The wasm has a .br copy but no .gz: a gzip-only browser gets the file itself.
    path = "/assets/pyodide/0.29.5/pyodide.asm.wasm"
    status, headers, body = get(server, path, **{"Accept-Encoding": "gzip"})
    assert status == 200 and body == WASM and "content-encoding" not in headers
    assert headers["content-type"] == "application/wasm"
    status, headers, body = get(server, path, **{"Accept-Encoding": "br"})
    assert status == 200 and brotli.decompress(body) == WASM
    assert headers["content-encoding"] == "br" and headers["content-type"] == "application/wasm"


def test_unknown_address_gets_the_sites_404_page_with_status_404(server: SiteServer) -> None:
    for path in ("/bestaat-niet/", "/assets/app.jss", "/assets/pyodide/0.29.5//pyodide.asm.wasm"):
        status, headers, body = get(server, path)
        assert status == 404, path
        assert b"Niet gevonden" in body and headers["content-type"].startswith("text/html")


def test_no_directory_listing(server: SiteServer) -> None:
    status, _, body = get(server, "/assets/")
    assert status == 404 and b"app.js" not in body and b"Niet gevonden" in body


def test_folder_address_without_slash_is_redirected_and_served(server: SiteServer) -> None:
    status, headers, _ = get(server, "/zelftests")
    assert status == 301 and headers["location"] == "/zelftests/"
    status, _, body = get(server, "/zelftests/")
    assert status == 200 and b"Zelftests" in body


def test_security_headers_on_every_answer(server: SiteServer) -> None:
    for path in ("/", "/assets/app.js", "/bestaat-niet"):
        _, headers, _ = get(server, path)
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert "camera=()" in headers["permissions-policy"]
        assert headers["content-security-policy"] == STRICT_CSP


def test_the_server_configurations_in_the_site_are_not_served(site: Path) -> None:
    # The shipped nginx configuration answers 404 (Apache 403): the dev server does as nginx.
    for prefix in ("/", "/kennisbank/"):
        with serving(site, prefix=prefix, csp=STRICT_CSP) as running:
            for path in (*CONFIGURATIONS, "assets/.htaccess", ".htpasswd"):
                status, headers, body = get(running, prefix + path)
                assert status == 404, path
                assert b"Niet gevonden" in body and headers["content-security-policy"] == STRICT_CSP
                assert all(content not in body for content in CONFIGURATIONS.values())


def test_the_permissions_policy_names_only_features_firefox_knows() -> None:
    assert set(PERMISSIONS_POLICY_FEATURES) <= FIREFOX_FEATURES


@pytest.mark.browser
def test_chromium_knows_every_feature_of_the_permissions_policy(
    browser: Browser, server: SiteServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Chromium logs "Error with Permissions-Policy header: Unrecognized feature: 'bluetooth'."
    # for each name it does not know. With one unknown name added, the check must see that line.
    assert policy_messages(browser, server) == []
    monkeypatch.setattr("tools.serve.PERMISSIONS_POLICY", PERMISSIONS_POLICY + ", bluetooth=()")
    assert [m for m in policy_messages(browser, server) if "'bluetooth'" in m] != []


def policy_messages(browser: Browser, server: SiteServer) -> list[str]:
    """The console messages about Permissions-Policy when Chromium opens the home page."""
    context = browser.new_context()
    messages: list[str] = []
    try:
        page = context.new_page()
        page.on("console", lambda message: messages.append(message.text))
        response = page.goto(server.url)
        assert response is not None and response.ok
        page.wait_for_timeout(200)
    finally:
        context.close()
    return [message for message in messages if "Permissions-Policy" in message]


def test_pyodide_files_are_immutable_and_the_rest_revalidated(server: SiteServer) -> None:
    _, headers, _ = get(server, "/assets/pyodide/0.29.5/pyodide.asm.wasm")
    assert headers["cache-control"] == CACHE_IMMUTABLE == "public, max-age=31536000, immutable"
    # The engine's snapshot changes with the engine, under the same path: never immutable.
    for path in ("/", "/assets/app.js", "/assets/pyodide/0.29.5/zelftest.snapshot"):
        _, headers, _ = get(server, path)
        assert headers["cache-control"] == "no-cache", path


def test_unchanged_file_is_answered_with_304_and_no_body(server: SiteServer) -> None:
    _, headers, _ = get(server, "/assets/app.js", **{"Accept-Encoding": "br"})
    server.reset_counters()
    status, again, body = get(
        server, "/assets/app.js", **{"Accept-Encoding": "br", "If-None-Match": headers["etag"]}
    )
    assert status == 304 and body == b"" and server.bytes_sent == 0
    assert again["etag"] == headers["etag"] and server.header_bytes_sent > 0
    # The gzip copy is another representation, with a tag of its own.
    status, _, _ = get(
        server, "/assets/app.js", **{"Accept-Encoding": "gzip", "If-None-Match": headers["etag"]}
    )
    assert status == 200


def test_make_serve_sends_the_strict_policy_and_logs_only_errors(site: Path) -> None:
    server = subprocess.Popen(
        [sys.executable, "-m", "tools.serve", "--port", "0", str(site)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        url = server.stdout.readline().split(" at ", 1)[1].split()[0]
        port = int(url.rsplit(":", 1)[1].strip("/"))
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        for path in ("/", "/assets/app.js", "/bestaat-niet", "/"):
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            if path == "/":
                assert response.getheader("Content-Security-Policy") == STRICT_CSP
        connection.close()
    finally:
        server.terminate()
        _, log = server.communicate(timeout=10)
    lines = log.strip().splitlines()
    assert len(lines) == 1 and '"GET /bestaat-niet HTTP/1.1" 404' in lines[0], log


def test_the_dev_server_sends_the_policy_the_build_wrote_for_the_site(tmp_path: Path) -> None:
    # A site of another generator runs other inline scripts: the post-build step writes the
    # policy that allows them, and `make serve` sends that one.
    assert site_policy(tmp_path) == STRICT_CSP
    (tmp_path / "deploy").mkdir()
    (tmp_path / "deploy" / "content-security-policy.txt").write_text(
        "default-src 'self'; script-src 'self' 'sha256-abc='\n", "utf-8"
    )
    assert site_policy(tmp_path) == "default-src 'self'; script-src 'self' 'sha256-abc='"
