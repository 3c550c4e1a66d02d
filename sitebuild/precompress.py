"""Write a brotli (.br) and a gzip (.gz) copy beside every large text and binary file of the site.

A server that knows precompressed files (nginx's gzip_static and brotli_static, Caddy's
precompressed, tools/serve.py) sends them to browsers that accept them. The Pyodide runtime and
the engine's memory snapshot are most of a first visit, some 33 MB; compressed it is about 8 MB.
Output is deterministic: the same file gives the same bytes in every build (gzip without name
or time, fixed levels).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import brotli

#: What gets compressed: text, WebAssembly, the snapshot and the standard library's zip (its
#: members are deflated one by one; brotli over the whole still gains a little). Images and
#: wheels are compressed already.
EXTENSIONS = frozenset(
    {".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".map"}
    | {".wasm", ".snapshot", ".zip"}
)
#: Below this a file fits in a few network packets anyway.
MIN_BYTES = 1024
#: Files from this size on (the runtime, the snapshot) get brotli's best and slowest quality,
#: and the result is cached by content: they are the same in build after build.
LARGE_BYTES = 1_000_000
BROTLI_QUALITY = 9
BROTLI_QUALITY_LARGE = 11
#: Brotli's largest window that browsers decode (16 MB).
BROTLI_WINDOW = 24
GZIP_LEVEL = 9


# ---- Helper functions ----


def precompress(site: Path, cache: Path | None) -> list[Path]:
    """Write FILE.br and FILE.gz beside every file of the site worth it; return those files.

    ``cache`` keeps the compressed bytes of large files by content; entries this build did not
    use are removed, so it holds one build's worth. None compresses everything anew.
    """
    done: list[Path] = []
    used: set[str] = set()
    for path in sorted(site.rglob("*")):
        if not _worth_compressing(path):
            continue
        data = path.read_bytes()
        for suffix, compress in ((".br", _brotli), (".gz", _gzip)):
            if cache is not None and len(data) >= LARGE_BYTES:
                key = f"{hashlib.sha256(data).hexdigest()}{suffix}"
                packed = _cached(cache / key, compress, data)
                used.add(key)
            else:
                packed = compress(data)
            path.with_name(path.name + suffix).write_bytes(packed)
        done.append(path)
    if cache is not None:
        for entry in cache.glob("*"):
            if entry.name not in used:
                entry.unlink(missing_ok=True)
    return done


def _worth_compressing(path: Path) -> bool:
    """A file with one of the EXTENSIONS and at least MIN_BYTES (never a .br or .gz itself)."""
    return path.suffix in EXTENSIONS and path.is_file() and path.stat().st_size >= MIN_BYTES


def _brotli(data: bytes) -> bytes:
    """Brotli, at the best quality for large files."""
    quality = BROTLI_QUALITY_LARGE if len(data) >= LARGE_BYTES else BROTLI_QUALITY
    return bytes(brotli.compress(data, quality=quality, lgwin=BROTLI_WINDOW))


def _gzip(data: bytes) -> bytes:
    """Gzip with no file name and time 0, so that the same input gives the same bytes."""
    return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)


def _cached(entry: Path, compress: Callable[[bytes], bytes], data: bytes) -> bytes:
    """``compress(data)`` from a cache entry, made and stored (atomically) when it is missing."""
    if entry.is_file():
        return entry.read_bytes()
    packed = compress(data)
    entry.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=entry.parent, delete=False) as part:
        part.write(packed)
    os.replace(part.name, entry)
    return packed


def cache_dir() -> Path:
    """Where compressed large files are kept between builds (the user's cache folder)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "vertrouwenswijzer" / "precompress"
