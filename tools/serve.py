"""Serve the built site as plain static files, as an intranet web server would.

Optionally under a sub-path (``--prefix /kennisbank/``) and with a Content-Security-Policy,
so tests and benchmarks see the site the way IT staff host it. What it does, a well-set-up
server does too:

- the precompressed copies the build writes (FILE.br, FILE.gz) go to browsers that accept them,
  with ``Content-Encoding``, the original file's type and ``Vary: Accept-Encoding``;
- Pyodide's own files, under a path that names their version, are cached for a year
  (``immutable``); every other file, HTML first, is revalidated on each visit (``no-cache``,
  answered by ``304 Not Modified`` while unchanged), so a new build reaches readers at once;
- an unknown address gets the site's own 404 page with status 404; there are no directory
  listings; the configurations for Apache and IIS in the site's root (.htaccess, web.config)
  answer 404, as the shipped nginx configuration does (Apache: 403);
- ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: no-referrer`` and a
  ``Permissions-Policy`` that switches off what the site never uses.

It counts the requests, and the bytes of the bodies and of the headers it sends, for the
benchmark.
"""

from __future__ import annotations

import argparse
import email.utils
import re
import sys
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote, urlsplit

#: The type of each file the site has; a module worker and WebAssembly need theirs exact.
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".map": "application/json",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".wasm": "application/wasm",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".gz": "application/gzip",
}
#: Precompressed copies in the order they are preferred: (Accept-Encoding token, file suffix).
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))
#: The four small inline scripts of the Material theme, allowed by their hashes (sha256 of each
#: script's exact text). They are the same on every page because mkdocs.yml sets extra.scope;
#: a Material update that changes them fails tests/test_static_site.py, which names the new ones.
INLINE_SCRIPT_HASHES = (
    # __md_scope, __md_get and __md_set: the storage helpers (partials/javascripts/base.html).
    "sha256-exqRXrW/0laiImCrTE8a70vxyyY10FJVIppytLf/dbY=",
    # The reader's colour scheme, set before the page paints (partials/javascripts/palette.html).
    "sha256-DrEMJJ29sL7vIloQzly+VUGMxKcBTMII+OfW7Y8AkG4=",
    # The tab the reader chose last (partials/javascripts/content.html).
    "sha256-10uztYJZm7OLYtHrFaYKCvTOAUfjM17+CoEWk5hLcc4=",
    # The tab an address's #anchor points to (partials/javascripts/content.html).
    "sha256-/8wPdzX9q0NNJXyA5lzsLojXFpkeaXVxhbfkUOQaWy8=",
)
#: A strict policy an intranet might set: only our own files, no 'unsafe-inline' and no
#: 'unsafe-eval'; Pyodide needs 'wasm-unsafe-eval'.
STRICT_CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' "
    + " ".join(f"'{digest}'" for digest in INLINE_SCRIPT_HASHES)
    + "; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'self'"
)
#: Powerful features the site never uses, switched off for it and anything it might embed. Only
#: features that both Chromium and Firefox know: for a name it does not know, Chromium logs
#: "Error with Permissions-Policy header" on every page (on Linux for 'bluetooth' and 'web-share').
#: Firefox does not know 'usb', 'serial' or 'hid', and knows 'payment', 'midi' and
#: 'xr-spatial-tracking' only behind a preference that is off (sSupportedFeatures in its
#: dom/security/featurepolicy/FeaturePolicyUtils.cpp). The deploy/ configurations repeat the
#: header; tests/test_serve.py checks the names in Chromium and against Firefox's list.
PERMISSIONS_POLICY_FEATURES = (
    "camera",
    "microphone",
    "geolocation",
    "display-capture",
    "screen-wake-lock",
)
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in PERMISSIONS_POLICY_FEATURES)
#: Pyodide's own files sit in a folder named after its version and never change there. The
#: build also writes the engine into that folder (lock file, wheel, snapshot); those change
#: with every release of the engine, so they are revalidated like everything else.
IMMUTABLE = re.compile(r"(^|/)assets/pyodide/[^/]+/(pyodide\.|python_stdlib\.)")
CACHE_IMMUTABLE = "public, max-age=31536000, immutable"
CACHE_REVALIDATE = "no-cache"
#: The configurations for Apache and IIS that the build puts into the site (sitebuild/deploy.py): not
#: for browsers. The same names as the shipped nginx configuration refuses, in any folder.
SERVER_CONFIGURATION = re.compile(r"(^|/)(\.ht[^/]*|web\.config)$")


class SiteServer(ThreadingHTTPServer):
    """An HTTP server for one directory, remembering every path requested and the bytes sent."""

    daemon_threads = True

    def __init__(
        self,
        root: Path,
        port: int = 0,
        prefix: str = "/",
        csp: str | None = None,
        types: Mapping[str, str] | None = None,
        hidden: Iterable[str] = (),
    ) -> None:
        """A server for root under prefix, sending csp (None: no policy).

        types and hidden make it a misconfigured server, for the tests of what readers then see:
        types replaces the Content-Type of a suffix (".wasm": "application/octet-stream"), and
        a file whose name is in hidden (with its precompressed copies) answers 404.
        """
        self.root, self.prefix, self.csp = root, "/" + prefix.strip("/") + "/", csp
        self.types = dict(types or {})
        self.hidden = frozenset(hidden)
        self.prefix = "/" if self.prefix == "//" else self.prefix
        self.requested: list[str] = []
        self.bytes_sent = 0
        self.header_bytes_sent = 0
        self.verbose = False
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", port), _Handler)

    @property
    def url(self) -> str:
        """The address of the site's home page."""
        return f"http://127.0.0.1:{self.server_address[1]}{self.prefix}"

    def reset_counters(self) -> None:
        """Forget requests and bytes so far (between benchmark runs)."""
        with self.lock:
            self.requested.clear()
            self.bytes_sent = 0
            self.header_bytes_sent = 0

    def handle_error(self, request: object, client_address: object) -> None:
        # A browser that closes a connection early (a cancelled download) is no error of ours.
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError):
            return
        if self.verbose:
            print(f"error: {client_address}: {error!r}", file=sys.stderr)


class _Handler(BaseHTTPRequestHandler):
    server: SiteServer
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        body = self.send_head()
        if body is not None:
            with body:
                self.copy(body)

    def do_HEAD(self) -> None:
        body = self.send_head()
        if body is not None:
            body.close()

    def send_head(self) -> BinaryIO | None:
        """Send status and headers for the request; return the body still to send, if any."""
        with self.server.lock:
            self.server.requested.append(self.path)
        relative = self.site_path()
        if relative is None or SERVER_CONFIGURATION.search(relative):
            return self.not_found()
        path = self.server.root / relative if relative else self.server.root
        if path.is_dir():
            if relative and not self.path.split("?", 1)[0].endswith("/"):
                self.redirect(urlsplit(self.path).path + "/")
                return None
            path = path / "index.html"
        if not path.is_file() or path.name in self.server.hidden:
            return self.not_found()
        return self.send_file(path, relative)

    def site_path(self) -> str | None:
        """The requested path inside the site ('' for its root), or None if there is none.

        Only paths under the prefix exist (a site under /kennisbank/ has nothing at /), and a
        path with an empty, '.' or '..' segment names nothing: '0.29.5//pyodide.asm.wasm' is a
        bug in whatever made the address, shown as a 404 instead of hidden.
        """
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(self.server.prefix):
            return None
        segments = path[len(self.server.prefix) :].split("/")
        if segments[-1] == "":
            segments.pop()
        if any(part in ("", ".", "..") or "\\" in part or "\0" in part for part in segments):
            return None
        return "/".join(segments)

    def send_file(self, path: Path, relative: str) -> BinaryIO | None:
        """Send a file (its precompressed copy when the browser accepts one) or 304 if unchanged."""
        encoding, variant = self.choose_variant(path)
        stat = variant.stat()
        etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}{"-" + encoding if encoding else ""}"'
        fresh = etag in [tag.strip() for tag in self.headers.get("If-None-Match", "").split(",")]
        self.send_response(HTTPStatus.NOT_MODIFIED if fresh else HTTPStatus.OK)
        if not fresh:
            kind = self.server.types.get(path.suffix) or TYPES.get(path.suffix)
            self.send_header("Content-Type", kind or "application/octet-stream")
            self.send_header("Content-Length", str(stat.st_size))
            if encoding:
                self.send_header("Content-Encoding", encoding)
        if any(path.with_name(path.name + suffix).is_file() for _, suffix in ENCODINGS):
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        immutable = IMMUTABLE.search(relative) is not None
        self.send_header("Cache-Control", CACHE_IMMUTABLE if immutable else CACHE_REVALIDATE)
        self.end_headers()
        return None if fresh else variant.open("rb")

    def choose_variant(self, path: Path) -> tuple[str, Path]:
        """The best precompressed copy the request accepts, else the file itself."""
        accepted = _accepted_encodings(self.headers.get("Accept-Encoding", ""))
        for token, suffix in ENCODINGS:
            variant = path.with_name(path.name + suffix)
            if token in accepted and variant.is_file():
                return token, variant
        return "", path

    def not_found(self) -> BinaryIO | None:
        """The site's own 404 page, with status 404 (a plain line if the site has none)."""
        page = self.server.root / "404.html"
        body = page.read_bytes() if page.is_file() else b"404 Niet gevonden\n"
        self.send_response(HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", CACHE_REVALIDATE)
        self.end_headers()
        if self.command != "HEAD":
            self.copy_bytes(body)
        return None

    def redirect(self, location: str) -> None:
        """Send a folder's address without its slash to the address with it."""
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def end_headers(self) -> None:
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Permissions-Policy", PERMISSIONS_POLICY)
        if self.server.csp:
            self.send_header("Content-Security-Policy", self.server.csp)
        super().end_headers()

    def flush_headers(self) -> None:
        # The status line and headers wait in BaseHTTPRequestHandler's buffer until here.
        waiting = sum(len(line) for line in getattr(self, "_headers_buffer", []))
        with self.server.lock:
            self.server.header_bytes_sent += waiting
        super().flush_headers()

    def copy(self, body: BinaryIO) -> None:
        """Send a file's bytes, counting them."""
        while chunk := body.read(256 * 1024):
            self.copy_bytes(chunk)

    def copy_bytes(self, data: bytes) -> None:
        # Counted before writing: once the client has the bytes it may read the counters (or
        # reset them), and a count made after the write would land in the next measurement.
        with self.server.lock:
            self.server.bytes_sent += len(data)
        self.wfile.write(data)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        # One line per failed request, none per success: a page load is some fifty requests.
        if self.server.verbose and isinstance(code, int) and code >= 400:
            self.log_message('"%s" %d', self.requestline, code)

    def log_error(self, format: str, *args: object) -> None:
        # send_error() calls this and log_request() both: the line from log_request() is enough.
        pass

    def log_message(self, format: str, *args: object) -> None:
        if self.server.verbose:
            super().log_message(format, *args)


def _accepted_encodings(header: str) -> set[str]:
    """The content codings an Accept-Encoding header allows (q above 0); '*' allows ours too."""
    accepted = set()
    for item in header.split(","):
        token, _, parameters = item.strip().partition(";")
        quality = 1.0
        for parameter in parameters.split(";"):
            name, _, value = parameter.strip().partition("=")
            if name == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0:
            accepted.add(token.strip().lower())
    if "*" in accepted:
        accepted.update(token for token, _ in ENCODINGS)
    return accepted


@contextmanager
def serving(
    root: Path,
    prefix: str = "/",
    csp: str | None = None,
    types: Mapping[str, str] | None = None,
    hidden: Iterable[str] = (),
) -> Iterator[SiteServer]:
    """Serve a directory on a free local port for the duration of a with-block."""
    if not (root / "index.html").is_file():
        raise FileNotFoundError(f"{root} has no index.html; build the site first (make build)")
    server = SiteServer(root, prefix=prefix, csp=csp, types=types, hidden=hidden)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def site_policy(root: Path) -> str:
    """The policy the post-build step wrote for this site (its own script hashes), else STRICT_CSP.

    A site built by another generator runs other inline scripts; the step puts the policy that
    allows exactly them in deploy/content-security-policy.txt (sitebuild/deploy.py).
    """
    written = root / "deploy" / "content-security-policy.txt"
    return written.read_text("utf-8").strip() if written.is_file() else STRICT_CSP


def main() -> None:
    """Serve site/ until interrupted."""
    parser = argparse.ArgumentParser(description="Serve the built site on 127.0.0.1.")
    parser.add_argument("root", type=Path, nargs="?", default=Path("site"))
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--prefix", default="/", help="serve under a sub-path, e.g. /kennisbank/")
    parser.add_argument(
        "--no-csp", action="store_true", help="send no Content-Security-Policy (for debugging)"
    )
    args = parser.parse_args()
    if not (args.root / "index.html").is_file():
        raise SystemExit(f"error: {args.root} has no index.html; run 'make build' first.")
    try:
        server = SiteServer(
            args.root,
            port=args.port,
            prefix=args.prefix,
            csp=None if args.no_csp else site_policy(args.root),
        )
    except OSError as error:
        raise SystemExit(
            f"error: cannot listen on 127.0.0.1:{args.port} ({error.strerror}); try PORT=8001."
        ) from None
    server.verbose = True
    print(f"Serving {args.root} at {server.url} (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print()
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
