"""Serve the built site as plain static files, as an intranet web server would.

Optionally under a sub-path (``--prefix /kennisbank/``) and with a Content-Security-Policy,
so tests and benchmarks see the site the way IT staff host it. Counts the bytes it sends.
"""

from __future__ import annotations

import argparse
import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

#: Types some Python versions do not know; a module worker and WebAssembly need them exact.
TYPES = {
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".whl": "application/zip",
    ".zip": "application/zip",
}
#: A strict policy an intranet might set: only our own files; Pyodide needs 'wasm-unsafe-eval'.
STRICT_CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)


class SiteServer(ThreadingHTTPServer):
    """An HTTP server for one directory, remembering every path requested and the bytes sent."""

    daemon_threads = True

    def __init__(
        self, root: Path, port: int = 0, prefix: str = "/", csp: str | None = None
    ) -> None:
        self.root, self.prefix, self.csp = root, "/" + prefix.strip("/") + "/", csp
        self.prefix = "/" if self.prefix == "//" else self.prefix
        self.requested: list[str] = []
        self.bytes_sent = 0
        self.lock = threading.Lock()
        handler = functools.partial(_Handler, directory=str(root))
        super().__init__(("127.0.0.1", port), handler)

    @property
    def url(self) -> str:
        """The address of the site's home page."""
        return f"http://127.0.0.1:{self.server_address[1]}{self.prefix}"

    def reset_counters(self) -> None:
        """Forget requests and bytes so far (between benchmark runs)."""
        with self.lock:
            self.requested.clear()
            self.bytes_sent = 0


class _Handler(SimpleHTTPRequestHandler):
    server: SiteServer
    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map,
        **TYPES,
    }

    def translate_path(self, path: str) -> str:
        # Only paths under the prefix exist: a site under /kennisbank/ has nothing at /.
        with self.server.lock:
            self.server.requested.append(path)
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if not clean.startswith(self.server.prefix):
            return str(self.server.root / "__outside_prefix__")
        return super().translate_path("/" + clean[len(self.server.prefix) :])

    def end_headers(self) -> None:
        if self.server.csp:
            self.send_header("Content-Security-Policy", self.server.csp)
        super().end_headers()

    def copyfile(self, source, outputfile) -> None:  # type: ignore[no-untyped-def]
        counting = _CountingWriter(outputfile, self.server)
        super().copyfile(source, counting)

    def log_message(self, format: str, *args: object) -> None:
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)


class _CountingWriter:
    """A file-like wrapper that adds what passes through to the server's byte count."""

    def __init__(self, target, server: SiteServer) -> None:  # type: ignore[no-untyped-def]
        self.target, self.server = target, server

    def write(self, data: bytes) -> int:
        with self.server.lock:
            self.server.bytes_sent += len(data)
        return int(self.target.write(data))


@contextmanager
def serving(root: Path, prefix: str = "/", csp: str | None = None) -> Iterator[SiteServer]:
    """Serve a directory on a free local port for the duration of a with-block."""
    if not (root / "index.html").is_file():
        raise FileNotFoundError(f"{root} has no index.html; build the site first (make build)")
    server = SiteServer(root, prefix=prefix, csp=csp)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def main() -> None:
    """Serve site/ until interrupted."""
    parser = argparse.ArgumentParser(description="Serve the built site on 127.0.0.1.")
    parser.add_argument("root", type=Path, nargs="?", default=Path("site"))
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--prefix", default="/", help="serve under a sub-path, e.g. /kennisbank/")
    args = parser.parse_args()
    if not (args.root / "index.html").is_file():
        raise SystemExit(f"error: {args.root} has no index.html; run 'make build' first.")
    try:
        server = SiteServer(args.root, port=args.port, prefix=args.prefix)
    except OSError as error:
        raise SystemExit(
            f"error: cannot listen on 127.0.0.1:{args.port} ({error.strerror}); try PORT=8001."
        ) from None
    server.verbose = True  # type: ignore[attr-defined]
    print(f"Serving {args.root} at {server.url} (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print()
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
